//! What a user reads, in Japanese (the default) and in English (`--lang en`, `GYOKAKU_LANG=en`):
//! `--help`, errors of the command line and of the plan files, and check findings. Snapshots of
//! both languages side by side.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{gyokaku, output_of, run_on, Sandbox};

/// Stdout and stderr of `gyokaku ARGS…` in both languages, one after the other, with the
/// sandbox's temporary folder left out.
fn both(sb: Option<&Sandbox>, args: &[&str], code: i32) -> String {
    let mut out = String::new();
    for lang in ["ja", "en"] {
        let mut args: Vec<&str> = args.to_vec();
        args.extend(["--lang", lang]);
        let (stdout, stderr) = match sb {
            Some(sb) => run_on(sb, &args, code),
            None => output_of(&args, code),
        };
        out.push_str(&format!("── --lang {lang}\n{stdout}{stderr}"));
    }
    match sb {
        Some(sb) => out.replace(&sb.plan().display().to_string(), "[PLAN]"),
        None => out,
    }
}

#[test]
fn help_in_both_languages() {
    insta::assert_snapshot!("help", both(None, &["--help"], 0));
    insta::assert_snapshot!("help_summary", both(None, &["summary", "--help"], 0));
}

#[test]
fn the_version_is_the_same_in_both_languages() {
    let expected = format!("gyokaku {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["-V"], &["--version", "--lang", "en"]] {
        assert_eq!(
            output_of(args, 0),
            (expected.clone(), String::new()),
            "{args:?}"
        );
    }
}

#[test]
fn the_environment_chooses_english_too() {
    let out = gyokaku(&["--help"])
        .env("GYOKAKU_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Usage: gyokaku [OPTIONS] <COMMAND>"),
        "{text}"
    );
    let out = gyokaku(&["summary", "--year", "R12"])
        .env("GYOKAKU_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.starts_with("error: R12 is outside"), "{text}");
}

#[test]
fn the_language_may_come_before_or_after_the_command() {
    let after = output_of(&["summary", "--lang", "en"], 0);
    for args in [
        &["--lang", "en", "summary"][..],
        &["--lang=en", "summary"],
        &["summary", "--lang=en"],
    ] {
        assert_eq!(output_of(args, 0), after, "gyokaku {args:?}");
    }
    assert!(after.0.contains("results of FY2023"), "{}", after.0);
    // The command line wins over the environment, wherever it stands.
    let out = gyokaku(&["--lang", "ja", "summary", "--year", "R12"])
        .env("GYOKAKU_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.starts_with("エラー: R12 は計画期間"), "{text}");
    // Errors of the command itself too.
    let (_, err) = output_of(&["--lang", "en", "sheet", "9-9-9"], 2);
    assert!(
        err.starts_with("error: the plan has no item 9-9-9"),
        "{err}"
    );
}

#[test]
fn command_errors_in_both_languages() {
    let mut out = both(None, &["summary", "--year", "R12"], 2);
    out.push_str(&both(None, &["sheet", "9-9-9"], 2));
    out.push_str(&both(None, &["summary", "--format", "docx"], 2));
    // The command line's own mistakes, as the argument reader finds them.
    out.push_str(&both(None, &["summary", "--yaer", "R5"], 2));
    out.push_str(&both(None, &["summry"], 2));
    out.push_str(&both(None, &["template", "--year", "R6"], 2));
    insta::assert_snapshot!("command_errors", out);
}

#[test]
fn plan_errors_in_both_languages() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-3.toml",
        "actual = \"25,900\"",
        "actual = \"25,9000\"",
    );
    sb.edit(
        "plan/items/1-2-5.toml",
        "expected_effect = \"160\"",
        "expected_effect = \"\"",
    );
    insta::assert_snapshot!("plan_errors", both(Some(&sb), &["summary"], 2));
}

#[test]
fn findings_in_both_languages() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/1-2-5.toml",
        "expected_effect = \"160\"",
        "expected_effect = \"170\"",
    );
    let out = both(Some(&sb), &["check"], 1);
    let open: String = out
        .split("── ")
        .filter_map(|part| {
            part.split_once("【要確認事項")
                .or(part.split_once("【Findings"))
        })
        .map(|(_, rest)| format!("{rest}\n"))
        .collect();
    insta::assert_snapshot!("findings", open);
}
