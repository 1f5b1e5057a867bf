//! Malformed input, every command: no panic, no hang, nothing silently wrong. Each case breaks a
//! copy of `plans/isehara-6` and `rules/` in one way, runs a command on it, and asserts the exit
//! code, the key text of the error (its class: what is wrong and where), that no panic or raw
//! control character came out, and that nothing in the plan or rule folders was written.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

use common::{gyokaku, Sandbox};

/// How to break the sandbox.
type Setup = Box<dyn Fn(&Sandbox)>;

struct Case {
    name: &'static str,
    setup: Setup,
    /// `{plan}` and `{rules}` stand for the sandbox's folders.
    args: &'static [&'static str],
    code: i32,
    /// Each must appear in stdout or stderr.
    expect: Vec<&'static str>,
    /// None may appear (beyond a panic, a backtrace and a raw escape, always checked).
    forbid: Vec<&'static str>,
}

fn case(
    name: &'static str,
    setup: impl Fn(&Sandbox) + 'static,
    args: &'static [&'static str],
    code: i32,
    expect: &[&'static str],
) -> Case {
    Case {
        name,
        setup: Box::new(setup),
        args,
        code,
        expect: expect.to_vec(),
        forbid: Vec::new(),
    }
}

const SUMMARY: &[&str] = &["summary", "{plan}", "--rules", "{rules}"];
const EVALUATE_JSON: &[&str] = &[
    "evaluate", "{plan}", "--rules", "{rules}", "--format", "json",
];
const LIST: &[&str] = &["list", "{plan}", "--rules", "{rules}"];
const CHECK: &[&str] = &["check", "{plan}", "--rules", "{rules}"];
const TEST: &[&str] = &["test", "{rules}"];
const EXPLAIN_JSON: &[&str] = &[
    "explain", "1-2-1", "{plan}", "--rules", "{rules}", "--format", "json",
];
const SHEET: &[&str] = &["sheet", "1-2-1", "{plan}"];

/// Every file under `dir` with its content (symbolic links and special files by what they are,
/// never read through).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let key = path.display().to_string();
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&path).unwrap();
                out.insert(key, format!("-> {}", target.display()).into_bytes());
            } else if meta.is_dir() {
                out.insert(key, b"<dir>".to_vec());
                stack.push(path);
            } else if meta.is_file() {
                out.insert(key, fs::read(&path).unwrap());
            } else {
                out.insert(key, b"<special>".to_vec());
            }
        }
    }
    out
}

fn run(case: &Case) -> Result<(), String> {
    let sandbox = Sandbox::new();
    (case.setup)(&sandbox);
    let root = sandbox.path("");
    let before = tree(&root);
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| {
            a.replace("{plan}", &sandbox.plan().display().to_string())
                .replace("{rules}", &sandbox.rules().display().to_string())
        })
        .collect();
    // The key texts below are the English wording.
    let out = gyokaku(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .env("GYOKAKU_LANG", "en")
        .timeout(Duration::from_secs(60))
        .output()
        .map_err(|e| format!("{}: did not run: {e}", case.name))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let all = format!("{stdout}\n{stderr}");
    let mut wrong = Vec::new();
    if out.status.code() != Some(case.code) {
        wrong.push(format!(
            "exit {:?}, expected {}",
            out.status.code(),
            case.code
        ));
    }
    for e in &case.expect {
        if !all.contains(e) {
            wrong.push(format!("no {e:?}"));
        }
    }
    for f in case
        .forbid
        .iter()
        .chain(&["panicked", "RUST_BACKTRACE", "\u{1b}"])
    {
        if all.contains(f) {
            wrong.push(format!("{f:?} was printed"));
        }
    }
    if tree(&root) != before {
        wrong.push("the sandbox was written to".into());
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        let shown: String = all.chars().take(1500).collect();
        Err(format!(
            "{}: {}\n  gyokaku {}\n  output: {shown}",
            case.name,
            wrong.join("; "),
            case.args.join(" ")
        ))
    }
}

fn run_all(cases: Vec<Case>) {
    let failures: Vec<String> = cases.iter().filter_map(|c| run(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn edit(path: &'static str, from: &'static str, to: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| s.edit(path, from, to)
}

fn write(path: &'static str, text: String) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| fs::write(s.path(path), &text).unwrap()
}

fn fifo(path: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| {
        let p = s.path(path);
        let _ = fs::remove_file(&p);
        let ok = std::process::Command::new("mkfifo")
            .arg(&p)
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

fn link(path: &'static str, to: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| {
        let p = s.path(path);
        let _ = fs::remove_file(&p);
        symlink(to, &p).unwrap();
    }
}

/// A file outside the sandbox's folders, with a secret line no error may print.
fn link_outside(path: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| {
        let secret = s.path("secret.txt");
        fs::write(&secret, "SECRET-LINE = 1\n").unwrap();
        let p = s.path(path);
        let _ = fs::remove_file(&p);
        symlink(&secret, &p).unwrap();
    }
}

fn copy(from: &'static str, to: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| {
        fs::copy(s.path(from), s.path(to)).unwrap();
    }
}

const ITEM: &str = "plan/items/1-2-1.toml";
const ACTUAL: &str = "actual = \"44\"";
const PLAN: &str = "plan/plan.toml";

fn actual(value: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| s.edit(ITEM, ACTUAL, &format!("actual = \"{value}\""))
}

#[test]
fn plan_files() {
    run_all(vec![
        case(
            "plan.toml missing",
            |s| fs::remove_file(s.path(PLAN)).unwrap(),
            SUMMARY,
            2,
            &["no plan.toml"],
        ),
        case(
            "plan.toml not TOML",
            write(PLAN, "id = \n".into()),
            SUMMARY,
            2,
            &["plan.toml:1"],
        ),
        case(
            "plan.toml unknown key",
            edit(PLAN, "municipality =", "municipalty ="),
            SUMMARY,
            2,
            &["plan.toml:", "unknown field `municipalty`"],
        ),
        case(
            "policy given twice",
            edit(
                PLAN,
                "[[policies]]",
                "[[policies]]\nnumber = 1\nname = \"x\"\n\n[[policies]]",
            ),
            SUMMARY,
            2,
            &["policy 1 is given twice: also at", "plan.toml:"],
        ),
        case(
            "theme given twice",
            edit(
                PLAN,
                "[[themes]]",
                "[[themes]]\nnumber = 1\npolicy = 1\nname = \"x\"\n\n[[themes]]",
            ),
            SUMMARY,
            2,
            &["theme (1) is given twice: also at"],
        ),
        case(
            "scale label given twice",
            edit(PLAN, "label = \"B\"", "label = \"A\""),
            SUMMARY,
            2,
            &["rating label A is given twice: also at"],
        ),
        case(
            "scale label given twice, full-width",
            edit(PLAN, "label = \"B\"", "label = \"Ａ\""),
            SUMMARY,
            2,
            &["rating label Ａ is given twice"],
        ),
        case(
            "plan year given twice under two names",
            edit(
                PLAN,
                "years = [\"R5\", \"R6\"",
                "years = [\"R5\", \"FY2023\"",
            ),
            SUMMARY,
            2,
            &["year FY2023 is given twice: also at"],
        ),
        case(
            "plan years not consecutive",
            edit(PLAN, "years = [\"R5\", \"R6\"", "years = [\"R5\", \"R7\""),
            SUMMARY,
            2,
            &["consecutive"],
        ),
        case(
            "theme names a policy the plan lacks",
            edit(PLAN, "policy = 1", "policy = 9"),
            SUMMARY,
            2,
            &["names policy 9, which the plan does not have"],
        ),
        case(
            "plan.toml a named pipe",
            fifo(PLAN),
            SUMMARY,
            2,
            &["not a regular file"],
        ),
        case(
            "plan.toml a device",
            link(PLAN, "/dev/zero"),
            SUMMARY,
            2,
            &["outside", "not read"],
        ),
        Case {
            forbid: vec!["SECRET-LINE"],
            ..case(
                "plan.toml a link out of the folder",
                link_outside(PLAN),
                SUMMARY,
                2,
                &["outside", "through a symbolic link"],
            )
        },
        case(
            "plan.toml larger than the limit",
            |s| {
                let text = fs::read_to_string(s.path(PLAN)).unwrap();
                fs::write(s.path(PLAN), text + &"#".repeat(1_100_000)).unwrap()
            },
            SUMMARY,
            2,
            &["larger than 1048576 bytes"],
        ),
        case(
            "plan.toml not UTF-8",
            |s| fs::write(s.path(PLAN), [b'i', b'd', 0xff, 0xfe]).unwrap(),
            SUMMARY,
            2,
            &["not UTF-8"],
        ),
        case(
            "no items folder",
            |s| fs::remove_dir_all(s.path("plan/items")).unwrap(),
            SUMMARY,
            2,
            &["items"],
        ),
    ]);
}

#[test]
fn item_files() {
    run_all(vec![
        case(
            "item a named pipe",
            fifo("plan/items/1-1-9.toml"),
            SUMMARY,
            2,
            &["1-1-9.toml: not a regular file"],
        ),
        case(
            "item a link to /dev/zero",
            link("plan/items/1-1-9.toml", "/dev/zero"),
            LIST,
            2,
            &["1-1-9.toml: the file lies outside"],
        ),
        Case {
            forbid: vec!["SECRET-LINE"],
            ..case(
                "item a link out of the folder",
                link_outside("plan/items/1-1-9.toml"),
                CHECK,
                2,
                &["1-1-9.toml: the file lies outside"],
            )
        },
        case(
            "item a folder",
            |s| fs::create_dir(s.path("plan/items/1-1-9.toml")).unwrap(),
            SUMMARY,
            2,
            &["1-1-9.toml: not a regular file"],
        ),
        case(
            "item larger than the limit",
            |s| fs::write(s.path(ITEM), "#".repeat(1_100_000)).unwrap(),
            SUMMARY,
            2,
            &["1-2-1.toml: the file is larger than 1048576 bytes"],
        ),
        case(
            "item not UTF-8",
            |s| fs::write(s.path(ITEM), [0xc3, 0x28]).unwrap(),
            SUMMARY,
            2,
            &["1-2-1.toml: not UTF-8"],
        ),
        case(
            "id with a leading zero",
            copy("plan/items/1-1-1.toml", "plan/items/1-1-01.toml"),
            SUMMARY,
            2,
            &["1-1-01.toml:1: the file name must be the item id written as 1-1-1.toml"],
        ),
        case(
            "id with a plus sign",
            copy("plan/items/1-1-1.toml", "plan/items/+1-1-1.toml"),
            SUMMARY,
            2,
            &["+1-1-1.toml:1: the file name must be the item id written as 1-1-1.toml"],
        ),
        case(
            "id with a space",
            copy("plan/items/1-1-1.toml", "plan/items/ 1-1-1.toml"),
            SUMMARY,
            2,
            &["written as 1-1-1.toml"],
        ),
        case(
            "id not a number",
            copy("plan/items/1-1-1.toml", "plan/items/1-1-x.toml"),
            SUMMARY,
            2,
            &[
                "1-1-x.toml:1: the file name must be the item id",
                "is not an item id",
            ],
        ),
        case(
            "id of a theme the plan lacks",
            copy("plan/items/1-1-1.toml", "plan/items/1-99-1.toml"),
            SUMMARY,
            2,
            &["item 1-99-1: the plan has no theme (99)"],
        ),
        case(
            "id with the wrong policy for its theme",
            copy("plan/items/1-1-1.toml", "plan/items/2-1-9.toml"),
            SUMMARY,
            2,
            &["item 2-1-9: theme (1) belongs to policy 1, not 2"],
        ),
        case(
            "unknown key",
            edit(ITEM, "target = \"40\"", "tagret = \"40\""),
            SUMMARY,
            2,
            &["1-2-1.toml:22: item 1-2-1: unknown field `tagret`"],
        ),
        case(
            "not TOML",
            edit(ITEM, "title = \"", "title = "),
            SUMMARY,
            2,
            &["1-2-1.toml:1: item 1-2-1:"],
        ),
        case(
            "a number where text belongs",
            edit(ITEM, ACTUAL, "actual = 44"),
            SUMMARY,
            2,
            &["1-2-1.toml:25: item 1-2-1: invalid type"],
        ),
        case(
            "rating not on the plan's scale",
            edit(ITEM, "rating = \"A\"", "rating = \"E\""),
            SUMMARY,
            2,
            &["item 1-2-1: years.R5.rating: \"E\" is not a rating of the plan's scale"],
        ),
        case(
            "broken items are all reported",
            |s| {
                s.edit(ITEM, "target = ", "tagret = ");
                s.edit("plan/items/1-1-1.toml", "title = \"", "title = ");
            },
            SUMMARY,
            2,
            &["item 1-2-1: unknown field", "1-1-1.toml:1: item 1-1-1:"],
        ),
        Case {
            forbid: vec!["\u{1b}"],
            ..case(
                "escape sequence in a title is shown, not obeyed",
                edit(
                    "plan/items/1-1-1.toml",
                    "title = \"",
                    "title = \"\\u001b[31mRED",
                ),
                LIST,
                0,
                &["\\u{1b}[31mRED"],
            )
        },
        case(
            "carriage return in a section name",
            edit("plan/items/1-1-1.toml", "section = \"", "section = \"X\\rY"),
            &["sheet", "1-1-1", "{plan}"],
            0,
            &["X\\u{d}Y"],
        ),
    ]);
}

#[test]
fn years() {
    run_all(vec![
        case(
            "one year under two names (R5 and FY2023)",
            edit(ITEM, "[years.R6]", "[years.FY2023]"),
            SUMMARY,
            2,
            &["item 1-2-1: year", "is given twice: also at", "1-2-1.toml:"],
        ),
        case(
            "one year as 令和5年度 and R5",
            edit(ITEM, "[years.R6]", "[years.\"令和5年度\"]"),
            SUMMARY,
            2,
            &["item 1-2-1: year", "is given twice"],
        ),
        case(
            "a year outside the plan's period",
            edit(ITEM, "[years.R9]", "[years.R10]"),
            SUMMARY,
            2,
            &["item 1-2-1: R10 is outside the plan's period"],
        ),
        case(
            "not a year",
            edit(ITEM, "[years.R9]", "[years.X9]"),
            SUMMARY,
            2,
            &["item 1-2-1:", "\"X9\" is not a fiscal year"],
        ),
        case(
            "--year outside the plan",
            |_| {},
            &["summary", "{plan}", "--rules", "{rules}", "--year", "R12"],
            2,
            &["outside the plan's period"],
        ),
        case(
            "--year not a year",
            |_| {},
            &["summary", "{plan}", "--rules", "{rules}", "--year", "R+5"],
            2,
            &["R+5"],
        ),
    ]);
}

#[test]
fn values() {
    run_all(vec![
        case(
            "21 digits of 億円 in a 千円 item",
            actual("999999999999999999999億円"),
            SUMMARY,
            2,
            &[
                "1-2-1.toml:25: item 1-2-1: years.R5.actual:",
                "more than 15 digits",
            ],
        ),
        case(
            "29 digits",
            actual("79228162514264337593543950335"),
            EVALUATE_JSON,
            2,
            &["years.R5.actual:", "more than 15 digits"],
        ),
        case(
            "29-digit effects in two items",
            |s| {
                s.edit(
                    ITEM,
                    "actual_effect = \"569,807\"",
                    "actual_effect = \"79228162514264337593543950335\"",
                );
                s.edit(
                    "plan/items/5-8-1.toml",
                    "actual_effect = \"36,700\"",
                    "actual_effect = \"79228162514264337593543950335\"",
                );
            },
            SUMMARY,
            2,
            &[
                "item 1-2-1: years.R5.actual_effect:",
                "item 5-8-1: years.R5.actual_effect:",
            ],
        ),
        case(
            "the largest effects still add up",
            |s| {
                s.edit(
                    ITEM,
                    "actual_effect = \"569,807\"",
                    "actual_effect = \"999,999,999,999,999億円\"",
                );
                s.edit(
                    "plan/items/5-8-1.toml",
                    "actual_effect = \"36,700\"",
                    "actual_effect = \"999,999,999,999,999億円\"",
                );
            },
            &["summary", "{plan}", "--rules", "{rules}", "--format", "csv"],
            0,
            &["total,,17,43,11,0,71", "199999999999999991226"],
        ),
        case(
            "two years' expected effects at the limit in check",
            |s| {
                s.edit(
                    ITEM,
                    "expected_effect = \"12,000\"",
                    "expected_effect = \"999999999999999\"",
                );
                s.edit(
                    ITEM,
                    "expected_effect = \"12,000\"",
                    "expected_effect = \"999999999999999\"",
                );
            },
            CHECK,
            1,
            &["〔小計〕効果見込額"],
        ),
        case(
            "compound total too large",
            actual("1(10000000000000000)"),
            SUMMARY,
            2,
            &["years.R5.actual:", "more than 15 digits"],
        ),
        case(
            "a tiny target against a large actual",
            |s| {
                s.edit(
                    ITEM,
                    "target = \"40\"",
                    "target = \"0.00000000000000000000001\"",
                );
                s.edit(ITEM, ACTUAL, "actual = \"10,000\"");
            },
            &["explain", "1-2-1", "{plan}", "--rules", "{rules}"],
            0,
            &["100,000,000,000,000,000,000,000,000,000.0%"],
        ),
        case(
            "44%%",
            actual("44%%"),
            SUMMARY,
            2,
            &["years.R5.actual: \"44%%\": \"%%\" is not a unit"],
        ),
        case(
            "%円",
            actual("44%円"),
            SUMMARY,
            2,
            &["\"%円\" is not a unit"],
        ),
        case(
            "unit with punctuation",
            actual("44件!"),
            SUMMARY,
            2,
            &["is not a unit"],
        ),
        case(
            "unit with an escape",
            actual("44件\\u001b"),
            SUMMARY,
            2,
            &["is not a unit"],
        ),
        case(
            "em dash before a number",
            actual("—5"),
            SUMMARY,
            2,
            &["years.R5.actual: \"—5\" starts with \"—\", which alone means no new target"],
        ),
        case(
            "horizontal bar before a number",
            actual("―5"),
            SUMMARY,
            2,
            &["starts with \"―\""],
        ),
        case(
            "arrow before a number",
            actual("↓5"),
            SUMMARY,
            2,
            &["starts with \"↓\""],
        ),
        case(
            "em dash before a word",
            actual("—検討"),
            SUMMARY,
            2,
            &["starts with \"—\""],
        ),
        case(
            "em dash before a number, in check",
            actual("—5"),
            CHECK,
            1,
            &["1-2-1.toml:25: years.R5.actual: \"—5\" starts with \"—\""],
        ),
        case(
            "hyphen U+2010 is a minus",
            actual("‐5"),
            EXPLAIN_JSON,
            0,
            &["\"actual_text\": \"‐5\"", "\"actual\": \"-5\""],
        ),
        case(
            "en dash is a minus",
            actual("–5"),
            EXPLAIN_JSON,
            0,
            &["\"actual\": \"-5\""],
        ),
        case(
            "minus sign U+2212 is a minus",
            actual("−5"),
            EXPLAIN_JSON,
            0,
            &["\"actual\": \"-5\""],
        ),
        case(
            "full-width hyphen-minus is a minus",
            actual("－5"),
            EXPLAIN_JSON,
            0,
            &["\"actual\": \"-5\""],
        ),
        case(
            "▲ alone",
            actual("▲"),
            SUMMARY,
            2,
            &["a sign must be followed by digits"],
        ),
        case(
            "▲ twice",
            actual("▲▲5"),
            SUMMARY,
            2,
            &["a sign must be followed by digits"],
        ),
        case(
            "▲ after the number",
            actual("5▲"),
            SUMMARY,
            2,
            &["a bound or sign is out of place"],
        ),
        case(
            "hyphen before ▲",
            actual("‐▲5"),
            SUMMARY,
            2,
            &["a sign must be followed by digits"],
        ),
        case(
            "hyphen before a word",
            actual("‐検討"),
            SUMMARY,
            2,
            &["a sign must be followed by digits"],
        ),
        case(
            "misgrouped thousands",
            actual("1,2345"),
            SUMMARY,
            2,
            &["thousands separators must group three digits"],
        ),
        case(
            "trailing decimal point",
            actual("12."),
            SUMMARY,
            2,
            &["malformed decimal part"],
        ),
        case(
            "unclosed bracket",
            actual("2(78"),
            SUMMARY,
            2,
            &["an opening bracket is not closed"],
        ),
        case(
            "space inside",
            actual("3 件"),
            SUMMARY,
            2,
            &["unexpected characters after the number"],
        ),
        case("empty value", actual(""), SUMMARY, 2, &["empty value"]),
        case(
            "bound twice",
            actual("30億円以内以内"),
            SUMMARY,
            2,
            &["out of place"],
        ),
    ]);
}

/// `kinds/higher_better.rhai` replaced by `script`.
fn kind_script(script: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| fs::write(s.path("rules/kinds/higher_better.rhai"), script).unwrap()
}

#[test]
fn rules() {
    run_all(vec![
        Case {
            forbid: vec!["root:"],
            ..case(
                "rating.rhai a link to a system file",
                link("rules/rating.rhai", "/etc/passwd"),
                SUMMARY,
                2,
                &["rating.rhai: the file lies outside", "not read"],
            )
        },
        Case {
            forbid: vec!["SECRET-LINE"],
            ..case(
                "a kind's script a link out of the folder",
                link_outside("rules/kinds/higher_better.rhai"),
                SUMMARY,
                2,
                &["higher_better.rhai: the file lies outside"],
            )
        },
        case(
            "a kind's script a named pipe",
            fifo("rules/kinds/higher_better.rhai"),
            SUMMARY,
            2,
            &["higher_better.rhai: not a regular file"],
        ),
        case(
            "ruleset.toml a device",
            link("rules/ruleset.toml", "/dev/zero"),
            SUMMARY,
            2,
            &["ruleset.toml: the file lies outside"],
        ),
        case(
            "a script larger than the limit",
            |s| {
                let p = s.path("rules/kinds/higher_better.rhai");
                let text = fs::read_to_string(&p).unwrap();
                fs::write(&p, text + &"// padding\n".repeat(20_000)).unwrap()
            },
            SUMMARY,
            2,
            &["higher_better.rhai: the file is larger than 131072 bytes"],
        ),
        case(
            "a script with too many functions",
            |s| {
                let p = s.path("rules/kinds/higher_better.rhai");
                let mut text = fs::read_to_string(&p).unwrap();
                for i in 0..300 {
                    text.push_str(&format!("fn f{i}() {{}}\n"));
                }
                fs::write(&p, text).unwrap()
            },
            SUMMARY,
            2,
            &["higher_better.rhai: the script has 30", "functions", "more than 256"],
        ),
        case(
            "a script that does not compile",
            kind_script("fn achievement(x) {\n    let a = 1 - ;\n    a\n}\n"),
            SUMMARY,
            2,
            &["higher_better.rhai:2:"],
        ),
        case(
            "percent() of the largest Decimal",
            kind_script("fn achievement(x) { explain(percent(79228162514264337593543950335)); 1 }"),
            &["explain", "1-2-1", "{plan}", "--rules", "{rules}"],
            0,
            &["7,922,816,251,426,433,759,354,395,033,500.0%"],
        ),
        case(
            "fmt() of the largest Decimal",
            kind_script("fn achievement(x) { explain(fmt(79228162514264337593543950335)); 1 }"),
            &["explain", "1-2-1", "{plan}", "--rules", "{rules}"],
            0,
            &["79,228,162,514,264,337,593,543,950,335"],
        ),
        case(
            "overflow inside a rule",
            kind_script("fn achievement(x) { 79228162514264337593543950335 * 2 }"),
            SUMMARY,
            2,
            &["higher_better.rhai: function achievement, item", "R5"],
        ),
        case(
            "a kind's effect too large to add up",
            kind_script(
                "fn achievement(x) { 1 }\nfn effect(x) { 79228162514264337593543950335 }",
            ),
            &["diff", "{plan}", "--rules", "{rules}", "--base", "{rules}"],
            2,
            &["function effect, item", "more than 20 digits before the decimal point"],
        ),
        case(
            "explaining 30,000 times 4,000 characters",
            kind_script(
                "fn achievement(x) { let s = \"xy\"; while s.len < 4000 { s += s; } for i in 0..30000 { explain(s); } 1 }",
            ),
            EVALUATE_JSON,
            0,
            &["further explanation cut: more than 64 lines or 16384 bytes"],
        ),
        case(
            "an endless loop",
            kind_script("fn achievement(x) { loop { } }"),
            SUMMARY,
            2,
            &["endless loop"],
        ),
        case(
            "rating label given twice in ruleset.toml",
            edit("rules/ruleset.toml", "label = \"B\"", "label = \"A\""),
            SUMMARY,
            2,
            &["ruleset.toml:", "rating label \"A\" is given twice: also at line"],
        ),
        case(
            "no ruleset.toml",
            |s| fs::remove_file(s.path("rules/ruleset.toml")).unwrap(),
            SUMMARY,
            2,
            &["no ruleset.toml"],
        ),
        case(
            "an effect formula longer than the limit",
            |s| {
                let formula = format!("effect = \"{}value * 300\"", "value + ".repeat(200));
                s.edit(ITEM, "effect = \"value * 300\"", &formula)
            },
            CHECK,
            1,
            &["effect formula: longer than 1024 characters"],
        ),
    ]);
}

/// A case file `rules/tests/extra.toml` with one case.
fn rule_case(body: &'static str) -> impl Fn(&Sandbox) {
    move |s: &Sandbox| {
        fs::write(
            s.path("rules/tests/extra.toml"),
            format!(
                "[[case]]\nname = \"extra\"\nkind = \"higher_better\"\nunit = \"件\"\n{body}\n"
            ),
        )
        .unwrap()
    }
}

#[test]
fn rule_tests() {
    run_all(vec![
        case(
            "a case value with 29 digits",
            rule_case("target = \"40\"\nactual = \"79228162514264337593543950335\"\nexpect.rating = \"A\""),
            TEST,
            2,
            &["extra.toml:", "actual:", "more than 15 digits"],
        ),
        case(
            "a case's expected achievement with 29 digits",
            rule_case("target = \"40\"\nactual = \"44\"\nexpect.achievement = \"79228162514264337593543950335\""),
            TEST,
            2,
            &["extra.toml:", "more than 15 digits"],
        ),
        case(
            "a case value %%",
            rule_case("target = \"40\"\nactual = \"44%%\"\nexpect.rating = \"A\""),
            TEST,
            2,
            &["extra.toml:", "is not a unit"],
        ),
        case(
            "a case value with an em dash",
            rule_case("target = \"40\"\nactual = \"—44\"\nexpect.rating = \"A\""),
            TEST,
            2,
            &["extra.toml:", "starts with \"—\""],
        ),
        case(
            "a case id with a leading zero",
            rule_case("id = \"1-2-01\"\ntarget = \"40\"\nactual = \"44\"\nexpect.rating = \"A\""),
            TEST,
            2,
            &["extra.toml:", "id: \"1-2-01\" is item 1-2-1"],
        ),
        case(
            "a case id that is not an id",
            rule_case("id = \"x\"\ntarget = \"40\"\nactual = \"44\"\nexpect.rating = \"A\""),
            TEST,
            2,
            &["extra.toml:", "is not an item id"],
        ),
        case(
            "a case year that is not a year",
            rule_case("year = \"X5\"\ntarget = \"40\"\nactual = \"44\"\nexpect.rating = \"A\""),
            TEST,
            2,
            &["extra.toml:", "is not a fiscal year"],
        ),
        case(
            "two cases of one name",
            |s| {
                fs::write(
                    s.path("rules/tests/extra.toml"),
                    "[[case]]\nname = \"same\"\nkind = \"higher_better\"\ntarget = \"40\"\nactual = \"44\"\nexpect.rating = \"A\"\n\n[[case]]\nname = \"same\"\nkind = \"higher_better\"\ntarget = \"40\"\nactual = \"44\"\nexpect.rating = \"A\"\n",
                )
                .unwrap()
            },
            TEST,
            2,
            &["also named \"same\""],
        ),
        case(
            "a case file a named pipe",
            fifo("rules/tests/extra.toml"),
            TEST,
            2,
            &["extra.toml: not a regular file"],
        ),
        Case {
            forbid: vec!["SECRET-LINE"],
            ..case(
                "a case file a link out of the folder",
                link_outside("rules/tests/extra.toml"),
                TEST,
                2,
                &["extra.toml: the file lies outside"],
            )
        },
        case(
            "a case whose rule overflows",
            |s| {
                fs::write(
                    s.path("rules/kinds/higher_better.rhai"),
                    "fn achievement(x) { x.actual * 79228162514264337593543950335 }",
                )
                .unwrap();
            },
            TEST,
            1,
            &["higher_better.rhai, function achievement"],
        ),
    ]);
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let sandbox = Sandbox::new();
    let args = sandbox.args(&["list"]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gyokaku"))
        .args(&args)
        .env("GYOKAKU_CACHE_DIR", common::test_cache())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before anything is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn sheet_of_a_broken_plan() {
    run_all(vec![case(
        "sheet with a broken value elsewhere",
        edit(
            "plan/items/1-1-1.toml",
            "target = \"3\"",
            "target = \"3%%\"",
        ),
        SHEET,
        2,
        &["1-1-1.toml:", "is not a unit"],
    )]);
}
