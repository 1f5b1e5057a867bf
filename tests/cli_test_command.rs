//! `gyokaku test`: the default rule set's cases pass with full coverage; failing cases, rules
//! that do not compile, broken case files and unreached branches are reported as an analyst
//! needs them (file and line), with exit codes 0, 1 and 2.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::Path;
use std::process::Output;

use common::{copy_tree, gyokaku, root, stdout_of};

/// A copy of the default rules in a temporary folder, without their test cases, so a test
/// can write its own. Commands run in the temporary folder, so paths print as `rules/…`.
fn rules_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&root().join("rules"), &tmp.path().join("rules"));
    std::fs::remove_dir_all(tmp.path().join("rules/tests")).unwrap();
    std::fs::create_dir(tmp.path().join("rules/tests")).unwrap();
    tmp
}

fn write(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).unwrap();
}

/// `gyokaku ARGS…` run in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    gyokaku(args)
        .current_dir(dir)
        .output()
        .expect("gyokaku runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn last_line(out: &str) -> &str {
    out.lines().last().unwrap_or_default()
}

#[test]
fn the_default_rules_pass_all_their_cases() {
    let out = stdout_of(&["test"], 0);
    assert!(!out.contains("FAIL"), "{out}");
    let last = last_line(&out);
    assert!(last.ends_with("、0 件失敗"), "{last}");
    for kind in [
        "cumulative",
        "higher_better",
        "level",
        "lower_better",
        "milestone",
        "upper_bound",
    ] {
        assert!(
            out.contains(&format!("rules/tests/{kind}.toml")),
            "a case file for every kind: {kind}\n{out}"
        );
    }
    insta::assert_snapshot!("default_rules", out);
}

#[test]
fn the_default_rules_have_full_coverage() {
    let out = stdout_of(&["test", "rules", "--coverage"], 0);
    assert!(out.contains("\n完全なカバレッジ: "), "{out}");
    assert!(!out.contains("到達していない"), "{out}");
    assert!(!out.contains("一度も"), "{out}");
    assert!(last_line(&out).ends_with("、0 件失敗"));
    insta::assert_snapshot!("default_rules_coverage", out);
}

#[test]
fn verbose_lists_every_case() {
    let out = stdout_of(&["test", "--verbose"], 0);
    assert!(
        out.contains("成功 rules/tests/rating.toml:8: just above 100% → A\n"),
        "{out}"
    );
}

const FAILING: &str = r#"# Cases that are wrong on purpose.
[defaults]
kind = "higher_better"
unit = "件"

[[case]]
name = "passes: 44 against 40"
target = "40"
actual = "44"
expect.achievement = "110%"
expect.rating = "A"

[[case]]
name = "wrong achievement and rating"
target = "40"
actual = "30"
expect.achievement = "0.8"
expect.rating = "B"

[[case]]
name = "a label the scale does not have"
target = "40"
actual = "30"
expect.rating = "E"

[[case]]
name = "a kind the rules do not have"
kind = "higher_beter"
target = "40"
actual = "30"
expect.achievement = "0.75"

[[case]]
name = "an effect off by one"
kind = "cumulative"
unit = "千円"
previous = "10,800"
actual = "25,900"
expect.effect = "15,101"

[[case]]
name = "a formula rounded"
effect_formula = "(baseline - value) * 18966.7"
unit = "時間"
baseline = "13.9"
actual = "14.7"
expect.effect = "▲15,174"
"#;

#[test]
fn failing_cases_show_expected_got_file_and_line() {
    let tmp = rules_copy();
    write(&tmp.path().join("rules/tests"), "failing.toml", FAILING);
    let out = run_in(tmp.path(), &["test", "rules"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "失敗 rules/tests/failing.toml:13: wrong achievement and rating\n  achievement (17 行目): 期待値 0.8、結果 0.75\n  rating (18 行目): 期待値 B、結果 C\n"
        ),
        "{stdout}"
    );
    assert_eq!(last_line(&stdout), "1 件成功、5 件失敗");
    insta::assert_snapshot!("failing_cases", stdout);
    let out = run_in(tmp.path(), &["test", "rules", "--lang", "en"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "FAIL rules/tests/failing.toml:13: wrong achievement and rating\n  achievement (line 17): expected 0.8, got 0.75\n  rating (line 18): expected B, got C\n"
        ),
        "{stdout}"
    );
    assert_eq!(last_line(&stdout), "1 passed, 5 failed");
}

#[test]
fn an_unreached_branch_shows_in_coverage() {
    let tmp = rules_copy();
    write(
        &tmp.path().join("rules/tests"),
        "partial.toml",
        r#"
[[case]]
name = "higher_better on plan"
kind = "higher_better"
target = "40"
actual = "40"
expect.rating = "B"

[[case]]
name = "higher_better without an actual"
kind = "higher_better"
target = "40"
expect.achievement = "none"
"#,
    );
    let out = run_in(tmp.path(), &["test", "rules", "--coverage"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "  rules/kinds/higher_better.rhai:9: `if` の条件が一度も真になっていません\n    9 |     if x.target <= 0 {\n      |     ^\n  rules/kinds/higher_better.rhai:10: 一度も実行されていません\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("rules/kinds/level.rhai:7: achievement (10 文)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n一度も出なかった評価: A、C、D\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("完全なカバレッジ"), "{stdout}");
    assert_eq!(last_line(&stdout), "2 件成功、0 件失敗");
    insta::assert_snapshot!("unreached_branch_coverage", stdout);

    let out = run_in(tmp.path(), &["test", "rules", "--coverage", "--lang", "en"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "  rules/kinds/higher_better.rhai:9: the `if` condition was never true\n    9 |     if x.target <= 0 {\n      |     ^\n  rules/kinds/higher_better.rhai:10: never run\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("rules/kinds/level.rhai:7: achievement (10 statements)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nrating bands never produced: A, C, D\n"),
        "{stdout}"
    );
    assert_eq!(last_line(&stdout), "2 passed, 0 failed");
}

#[test]
fn rules_that_do_not_compile_cannot_be_tested() {
    let tmp = rules_copy();
    write(
        &tmp.path().join("rules/tests"),
        "a.toml",
        "[[case]]\nname = \"a\"\nachievement = \"1\"\nexpect.rating = \"B\"\n",
    );
    let rating = tmp.path().join("rules/rating.rhai");
    let script = std::fs::read_to_string(&rating).unwrap();
    std::fs::write(&rating, script.replace("if a > 1 {", "if a > > 1 {")).unwrap();
    let out = run_in(tmp.path(), &["test", "rules"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("エラー: rules/rating.rhai:"), "{stderr}");
    assert!(
        stderr.contains(
            "rules/rating.rhai:20:12: 構文の誤り: Unexpected '>'\n 20 |     if a > > 1 {\n    |            ^"
        ),
        "{stderr}"
    );
}

#[test]
fn broken_case_files_and_no_cases_cannot_be_tested() {
    let tmp = rules_copy();
    let out = run_in(tmp.path(), &["test", "rules"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("ルールのテストケースがありません: rules/tests/*.toml に書いてください"),
        "{}",
        text(&out.stderr)
    );
    let out = run_in(tmp.path(), &["test", "rules", "--lang", "en"]);
    assert!(
        text(&out.stderr)
            .contains("the rule set has no test cases: write them in rules/tests/*.toml"),
        "{}",
        text(&out.stderr)
    );

    let tests = tmp.path().join("rules/tests");
    write(
        &tests,
        "a.toml",
        "[[case]]\nname = \"a\"\nkind = \"level\"\ntarget = \"20億円\"\nactaul = \"19.1億円\"\nexpect.rating = \"B\"\n",
    );
    write(
        &tests,
        "b.toml",
        "[[case]]\nname = \"b\"\nkind = \"level\"\ntarget = \"20,0\"\nexpect.rating = \"B\"\n",
    );
    let out = run_in(tmp.path(), &["test", "rules"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!("broken_case_files", text(&out.stderr));
}

#[test]
fn the_sabc_example_rules_pass_their_own_cases_with_full_coverage() {
    let out = gyokaku(&["test", "examples/rules-sabc", "--coverage"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("完全なカバレッジ"), "{stdout}");
    assert!(last_line(&stdout).ends_with("、0 件失敗"), "{stdout}");
    insta::assert_snapshot!("sabc_extends_the_default_rules", stdout);
}

#[test]
fn accept_re_records_the_cases_a_reviewed_change_moved() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&root().join("rules"), &tmp.path().join("rules"));
    // The reviewed change: B from 90% instead of 80%.
    let rating = tmp.path().join("rules/rating.rhai");
    let script = std::fs::read_to_string(&rating).unwrap();
    std::fs::write(&rating, script.replace("if a >= 0.8 {", "if a >= 0.9 {")).unwrap();
    let out = run_in(tmp.path(), &["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text_of(&out));
    let out = run_in(tmp.path(), &["test", "--accept"]);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    let listed = text(&out.stdout);
    let accepted = &listed[listed.find("更新 ").expect("a list of accepted cases")..];
    insta::assert_snapshot!("accepted_cases", accepted);
    // Now the cases pass as they are.
    let out = run_in(tmp.path(), &["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
}

fn text_of(out: &Output) -> String {
    format!("{}{}", text(&out.stdout), text(&out.stderr))
}
