// gyokaku workbench: plain JavaScript served by gyokaku (no build step, nothing fetched from
// elsewhere). Every page works without it but the playground; it makes choices apply at once,
// takes workbooks dropped on the import form, and runs the rule playground: each edit is tried on the server (tests and the plan-wide
// diff, on a scratch copy), and only Save writes, naming the version the editor opened.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A filter or a year applies as soon as it is chosen.
  for (const el of document.querySelectorAll("[data-submit]")) {
    el.addEventListener("change", () => el.form && el.form.submit());
  }
  // A date field offered as the server's day (UTC) takes the browser's own day.
  for (const el of document.querySelectorAll("input[data-today]")) {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    el.value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  const playground = document.getElementById("playground");
  if (playground) startPlayground(playground);
  const importForm = document.getElementById("import-form");
  if (importForm) acceptDroppedWorkbooks(importForm);
});

// Workbooks dropped anywhere on the import form are checked at once, as if chosen and sent
// with the button (the reason of an amendment, when typed, goes with them).
function acceptDroppedWorkbooks(form) {
  const input = form.querySelector("input[type=file]");
  form.addEventListener("dragover", (e) => {
    e.preventDefault();
    form.classList.add("dropping");
  });
  form.addEventListener("dragleave", () => form.classList.remove("dropping"));
  form.addEventListener("drop", (e) => {
    e.preventDefault();
    form.classList.remove("dropping");
    if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
    input.files = e.dataTransfer.files;
    form.requestSubmit();
  });
}

// The page's language, plan and year, as the server's query has them.
function pageFields(query) {
  const fields = {};
  for (const [k, v] of new URLSearchParams(query)) fields[k] = v;
  return fields;
}

function startPlayground(section) {
  const editor = document.getElementById("editor");
  const results = document.getElementById("results");
  const saveButton = document.getElementById("save");
  const saveResult = document.getElementById("save-result");
  const overrideBox = document.getElementById("override-box");
  const override = document.getElementById("override");
  const fields = pageFields(section.dataset.query || "");
  let etag = section.dataset.etag;
  let failing = (results.dataset.failing || "").split("\n").filter((s) => s);
  let sent = 0;
  let timer = null;
  let controller = null;

  const showFailing = () => {
    overrideBox.hidden = failing.length === 0;
    if (failing.length === 0) override.checked = false;
  };
  showFailing();

  // Each edit is tried once typing pauses; an answer to an older edit is dropped.
  const tryEdit = async () => {
    const mine = ++sent;
    if (controller) controller.abort();
    controller = new AbortController();
    results.setAttribute("aria-busy", "true");
    section.classList.add("trying");
    try {
      const response = await fetch("/rules/try", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...fields, file: section.dataset.file, text: editor.value }),
        signal: controller.signal,
      });
      if (mine !== sent) return;
      if (response.ok) {
        const answer = await response.json();
        results.innerHTML = answer.html;
        failing = answer.failing;
      } else {
        results.innerHTML = "";
        const p = document.createElement("p");
        p.className = "failure";
        p.textContent = await response.text();
        results.appendChild(p);
        failing = [];
      }
      showFailing();
    } catch (e) {
      if (e.name !== "AbortError") throw e;
    } finally {
      if (mine === sent) {
        results.removeAttribute("aria-busy");
        section.classList.remove("trying");
      }
    }
  };
  editor.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(tryEdit, 250);
  });

  // Save names the version the editor opened; the server refuses a file changed since.
  saveButton.addEventListener("click", async () => {
    saveResult.className = "";
    saveResult.textContent = section.dataset.trying || "…";
    const response = await fetch("/rules/save", {
      method: "POST",
      headers: { "Content-Type": "application/json", "If-Match": etag },
      body: JSON.stringify({
        ...fields,
        file: section.dataset.file,
        text: editor.value,
        accept_failing: override.checked ? failing : [],
      }),
    });
    const type = response.headers.get("Content-Type") || "";
    const answer = type.includes("json") ? await response.json() : { message: await response.text() };
    saveResult.textContent = answer.message;
    saveResult.className = response.ok ? "notice" : "failure";
    if (response.ok) {
      etag = answer.etag;
      section.dataset.etag = etag;
    } else if (answer.failing) {
      failing = answer.failing;
      showFailing();
    }
  });
}
