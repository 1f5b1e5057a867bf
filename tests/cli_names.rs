//! Names people type: item ids in every form the report prints, an indicator kind with a typo,
//! a plan folder that is not where the command looked, and the terminal's width.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{gyokaku, output_of, run_on, stdout_of, Sandbox};

/// The widest line of `text`, in terminal columns (a Japanese character takes two).
fn widest_line(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[test]
fn every_id_form_the_report_prints_names_the_item() {
    let plain = stdout_of(&["sheet", "5-8-3"], 0);
    for id in [
        "5(8)③",
        "5（8）③",
        "５－８－３",
        "5(8)3",
        " 5-8-3 ",
        "5‐8‐3",
    ] {
        assert_eq!(stdout_of(&["sheet", id], 0), plain, "sheet {id:?}");
    }
    let explained = stdout_of(&["explain", "5-8-3"], 0);
    assert_eq!(stdout_of(&["explain", "5(8)③"], 0), explained);
    // Beyond ⑳ the document brackets the number: 2(4)[21] is 2-4-21 (not in the plan).
    let (_, err) = output_of(&["sheet", "2(4)[21]"], 2);
    assert!(
        err.contains("実施項目 2-4-21 (2(4)[21]) はありません"),
        "{err}"
    );
    let (_, err) = output_of(&["sheet", "5(8)"], 2);
    assert!(err.contains("\"5(8)\" は取組番号として読めません"), "{err}");
    assert!(
        err.contains("5(8)⑫"),
        "the message shows the document's form too: {err}"
    );
}

#[test]
fn an_unknown_kind_is_named_with_the_nearest_one() {
    let sandbox = Sandbox::new();
    sandbox.edit(
        "plan/items/5-8-3.toml",
        "kind = \"cumulative\"",
        "kind = \"cumulativ\"",
    );
    let (_, err) = run_on(&sandbox, &["evaluate", "--lang", "en"], 2);
    let err = err.replace(&sandbox.path("").display().to_string(), "[TMP]/");
    assert!(
        !err.contains("cumulativ.rhai"),
        "no file that does not exist: {err}"
    );
    assert!(
        err.contains("[TMP]/plan/items/5-8-3.toml:14: unknown indicator kind \"cumulativ\": did you mean \"cumulative\"?"),
        "{err}"
    );
    let (_, err) = run_on(&sandbox, &["evaluate"], 2);
    assert!(
        err.contains("5-8-3.toml:14: 指標の種別 \"cumulativ\" はルールセット"),
        "{err}"
    );
    assert!(err.contains("\"cumulative\" ではありませんか"), "{err}");
    // check says the same, as a finding.
    let (out, _) = run_on(&sandbox, &["check"], 1);
    assert!(out.contains("\"cumulative\" ではありませんか"), "{out}");
}

#[test]
fn outside_the_repository_the_error_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let out = gyokaku(&["summary"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let looked = dir.path().join("plans/isehara-6");
    assert!(err.contains(&looked.display().to_string()), "{err}");
    assert!(err.contains("gyokaku summary path/to/plan"), "{err}");
    // A folder given that is not there: the same, in English when asked.
    let out = gyokaku(&["evaluate", "nowhere", "--lang", "en"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&dir.path().join("nowhere").display().to_string()),
        "{err}"
    );
    assert!(err.contains("gyokaku evaluate path/to/plan"), "{err}");
}

#[test]
fn width_is_honoured_by_explain_and_summary() {
    for args in [
        &["explain", "5-8-3", "--width", "80"][..],
        &["summary", "--width", "80"],
        &["summary", "--width", "60", "--ascii"],
    ] {
        let out = stdout_of(args, 0);
        let width: usize = args[args.iter().position(|a| *a == "--width").unwrap() + 1]
            .parse()
            .unwrap();
        assert!(widest_line(&out) <= width, "{args:?}:\n{out}");
    }
    // Everything is still there: the figures of the summary, the explanation's last words.
    let out = stdout_of(&["summary", "--width", "80"], 0);
    assert!(out.contains("797,733"), "{out}");
}
