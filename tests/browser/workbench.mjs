// The workbench (gyokaku serve) in a real browser: Debian's chromium driven by playwright-core.
// run.sh starts the server on a copy of the bundled plan and rules and gives its address in
// GYOKAKU_URL, the copy's folder in GYOKAKU_WORK, the workbook with one bad cell in
// GYOKAKU_BAD_WORKBOOK and where screenshots go in GYOKAKU_SHOTS. Each step says what a
// person does and what they must see; a screenshot of each page is kept.
import { chromium } from "playwright-core";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const url = process.env.GYOKAKU_URL;
const work = process.env.GYOKAKU_WORK;
const badWorkbook = process.env.GYOKAKU_BAD_WORKBOOK;
const shots = process.env.GYOKAKU_SHOTS;
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${e.stack || e}`);
    // What the page showed when it failed.
    await page.screenshot({ path: join(shots, `failed-${failed}.png`), fullPage: true }).catch(() => {});
    console.log(`     at ${page.url()}: ${(await page.textContent("main").catch(() => "")).slice(0, 500)}`);
  }
}
function expect(condition, what) {
  if (!condition) throw new Error(what);
}
const read = (path) => readFileSync(join(work, path), "utf-8");
const itemsHash = () => {
  const h = createHash("sha256");
  const dir = join(work, "plans/isehara-6/items");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest("hex");
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(60_000);
// Nothing may be fetched from anywhere but the server itself.
const elsewhere = [];
page.on("request", (r) => {
  if (!r.url().startsWith(url) && !r.url().startsWith("data:")) elsewhere.push(r.url());
});
// The server's time of every page and playground try (its Server-Timing), printed at the end.
const timings = [];
page.on("response", (r) => {
  const timing = r.headers()["server-timing"];
  const type = r.request().resourceType();
  if (timing && (type === "document" || type === "fetch")) {
    const ms = Number((/dur=([0-9.]+)/.exec(timing) || [])[1]);
    timings.push({ what: `${r.request().method()} ${r.url().slice(url.length - 1)}`, ms });
  }
});
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

await step("the dashboard shows the year's actual effect, 797,733", async () => {
  await page.goto(url);
  await page.waitForSelector("svg");
  const text = await page.textContent("main");
  expect(text.includes("797,733"), "797,733 on the dashboard");
  expect(text.includes("令和5年度"), "the year");
  await shot("dashboard");
  await page.click("#lang-switch");
  expect((await page.textContent("main")).includes("797,733"), "797,733 in English too");
  expect((await page.getAttribute("html", "lang")) === "en", "the page in English");
  await shot("dashboard-en");
});

await step("the items filter to the suggestions that differ", async () => {
  await page.goto(`${url}items`);
  expect((await page.textContent("#items-count")).includes("71項目中71項目"), "all 71 items first");
  await Promise.all([page.waitForNavigation(), page.check("input[name=differs]")]);
  const count = await page.textContent("#items-count");
  expect(count.includes("71項目中2項目"), `two items differ: ${count}`);
  expect((await page.textContent("main")).includes("時間外勤務の縮減"), "時間外勤務の縮減 differs");
  await shot("items-differs");
  await Promise.all([page.waitForNavigation(), page.click("text=1(3)④")]);
  expect((await page.textContent("#trace")) !== null, "the item's trace");
  expect((await page.textContent("main")).includes("lower_better"), "the kind in the trace");
  await shot("item-1-3-4");
});

await step("editing the B band in rating.rhai changes the diff before saving, and saving writes it", async () => {
  const file = "rules/rating.rhai";
  const original = read(file);
  await page.goto(`${url}rules?file=rating.rhai`);
  await page.waitForSelector("#tests-summary");
  const passing = (t) => /(^|[^0-9])0 件失敗/.test(t);
  expect(passing(await page.textContent("#tests-summary")), "the saved rules pass");
  const before = await page.textContent("#diff");
  const edited = original.replace("if a >= 0.8 {", "if a >= 0.95 {");
  expect(edited !== original, "the B band is in rating.rhai");
  await page.fill("#editor", edited);
  await page.waitForFunction(
    () => (document.querySelector("#tests-summary")?.textContent || "").includes("5 件失敗"),
  );
  const after = await page.textContent("#diff");
  expect(after !== before, "the plan-wide diff changed");
  expect(read(file) === original, "nothing written before Save");
  await shot("playground-edited");
  // Save refuses while tests fail, until the failing tests are accepted.
  await page.click("#save");
  await page.waitForFunction(() => document.querySelector("#save-result")?.className === "failure");
  expect((await page.textContent("#save-result")).includes("rules/tests/rating.toml"), "the failing tests named");
  expect(read(file) === original, "nothing written while tests fail");
  await page.check("#override");
  await page.click("#save");
  await page.waitForFunction(() => document.querySelector("#save-result")?.className === "notice");
  expect(read(file) === edited, "the file saved");
  await shot("playground-saved");
  // Put the band back, so the review sees the default rules.
  await page.fill("#editor", original);
  await page.waitForFunction(
    () => /(^|[^0-9])0 件失敗/.test(document.querySelector("#tests-summary")?.textContent || ""),
  );
  await page.click("#save");
  await page.waitForFunction(
    () => document.querySelector("#save-result")?.className === "notice" &&
      !document.querySelector("#save-result").textContent.includes("承知"),
  );
  expect(read(file) === original, "the band back");
});

await step("reviewing a disagreement writes the reason to the item file", async () => {
  await page.goto(`${url}review`);
  const reason = "年度末の繁忙期に超過勤務が増えたため記録の評価を維持";
  await page.fill("#review-1-3-4 textarea[name=reason]", reason);
  await Promise.all([page.waitForNavigation(), page.click("#review-1-3-4 button[type=submit]")]);
  expect((await page.textContent("#review-saved")).includes("1-3-4"), "the decision recorded");
  const item = read("plans/isehara-6/items/1-3-4.toml");
  expect(item.includes(`reason = "${reason}"`), "the reason in the item file");
  expect(item.includes('decision = "kept"'), "the decision in the item file");
  await shot("review");
});

await step("importing a workbook with one bad cell names it and writes nothing", async () => {
  const before = itemsHash();
  await page.goto(`${url}import`);
  await page.setInputFiles("input[name=workbooks]", badWorkbook);
  await Promise.all([page.waitForNavigation(), page.click("#import-form button[type=submit]")]);
  const errors = await page.textContent("#import-errors");
  expect(errors.includes("実績入力!J5"), `the bad cell named: ${errors}`);
  expect((await page.$("#import-confirm")) === null, "nothing to confirm");
  expect(itemsHash() === before, "no item file changed");
  await shot("import-refused");
});

await step("a workbook dropped on the import form is checked at once", async () => {
  const before = itemsHash();
  await page.goto(`${url}import`);
  // The browser's drop: a DataTransfer holding the workbook as a file, dropped on the form.
  const bytes = readFileSync(badWorkbook).toString("base64");
  const dropped = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], "R6_企画部.xlsx"));
    return transfer;
  }, bytes);
  await Promise.all([
    page.waitForNavigation(),
    page.dispatchEvent("#import-form", "drop", { dataTransfer: dropped }),
  ]);
  const errors = await page.textContent("#import-errors");
  expect(errors.includes("R6_企画部.xlsx!実績入力!J5"), `the dropped workbook checked: ${errors}`);
  expect(itemsHash() === before, "no item file changed");
  await shot("import-dropped");
});

await step("nothing was fetched from elsewhere", async () => {
  expect(elsewhere.length === 0, `fetched: ${elsewhere.join(", ")}`);
});

console.log("server time of each page and try (Server-Timing):");
for (const { what, ms } of timings) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${what}`);
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
