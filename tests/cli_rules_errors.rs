//! Errors an analyst can act on: a rule that does not compile names file:line:column and
//! marks the line; a rule that fails names the rule file, the function, the item and the year;
//! reading a variable or property that does not exist is an error, never a silent empty value.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, root, stderr_of, stdout_of};

/// A copy of the default rules with `file` replaced by `text`.
fn rules_with(dir: &Path, file: &str, text: &str) -> PathBuf {
    let rules = dir.join("rules");
    copy_tree(&root().join("rules"), &rules);
    std::fs::write(rules.join(file), text).unwrap();
    rules
}

/// A copy of the default rules with `from` replaced by `to` in `file`.
fn rules_editing(dir: &Path, file: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join("rules").join(file)).unwrap();
    assert!(text.contains(from), "{file} contains {from:?}");
    rules_with(dir, file, &text.replace(from, to))
}

/// `gyokaku evaluate --rules RULES --lang en` fails (exit 2); its message with the temporary
/// folder redacted.
fn evaluate_error(dir: &Path, rules: &Path) -> String {
    let err = stderr_of(
        &[
            "evaluate",
            "--rules",
            rules.to_str().unwrap(),
            "--lang",
            "en",
        ],
        2,
    );
    err.replace(dir.to_str().unwrap(), "[TMP]")
}

/// The same in Japanese, the default language.
fn evaluate_error_ja(dir: &Path, rules: &Path) -> String {
    let err = stderr_of(&["evaluate", "--rules", rules.to_str().unwrap()], 2);
    err.replace(dir.to_str().unwrap(), "[TMP]")
}

#[test]
fn a_rule_that_does_not_compile_is_shown_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(
        dir.path(),
        "kinds/level.rhai",
        "let a = 1 - deviation;",
        "let a = 1 - ;",
    );
    let err = evaluate_error(dir.path(), &rules);
    insta::assert_snapshot!("compile_error", err);
    // check reports the same, as a finding.
    let out = stdout_of(&["check", "--rules", rules.to_str().unwrap()], 1);
    assert!(out.contains("let a = 1 - ;"), "{out}");
}

#[test]
fn an_undefined_variable_does_not_compile() {
    let dir = tempfile::tempdir().unwrap();
    // `actual` instead of `x.actual`: strict variables refuse it before anything runs.
    let rules = rules_editing(
        dir.path(),
        "kinds/higher_better.rhai",
        "let a = x.actual / x.target;",
        "let a = actual / x.target;",
    );
    let err = evaluate_error(dir.path(), &rules);
    insta::assert_snapshot!("undefined_variable", err);
    // In Japanese by default: the frame is worded, the line marked the same.
    let ja = evaluate_error_ja(dir.path(), &rules);
    assert!(
        ja.starts_with(
            "エラー: [TMP]/rules/kinds/higher_better.rhai:13:13: 変数 actual は定義されていません"
        ),
        "{ja}"
    );
    assert!(err.ends_with(ja.split_once('\n').unwrap().1), "{ja}");
}

#[test]
fn a_script_constant_is_not_a_variable_inside_a_function() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_with(
        dir.path(),
        "rating.rhai",
        "const LIMIT = 0.8;\nfn rating(x, a) {\n    if a >= LIMIT { \"B\" } else { \"C\" }\n}\n",
    );
    let err = evaluate_error(dir.path(), &rules);
    assert!(
        err.starts_with("error: [TMP]/rules/rating.rhai:3:13: Undefined variable: LIMIT\n"),
        "{err}"
    );
    assert!(
        err.contains(" 3 |     if a >= LIMIT { \"B\" } else { \"C\" }\n   |             ^"),
        "{err}"
    );
}

#[test]
fn a_misspelt_property_is_an_error_that_lists_the_real_ones() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(
        dir.path(),
        "kinds/higher_better.rhai",
        "let a = x.actual / x.target;",
        "let a = x.actaul / x.target;",
    );
    let err = evaluate_error(dir.path(), &rules);
    // The first higher_better item with numbers: 1-1-3 職員提案制度 (1-1-2 has a target of 0).
    assert!(err.starts_with("error: [TMP]/rules/kinds/higher_better.rhai: function achievement, item 1-1-3, R5: Unknown property 'actaul'"), "{err}");
    insta::assert_snapshot!("misspelt_property", err);
    // In Japanese by default, the hint too.
    let ja = evaluate_error_ja(dir.path(), &rules);
    assert!(
        ja.contains("Input にプロパティ 'actaul' はありません (13 行 15 文字目)。x のプロパティは id、title、"),
        "{ja}"
    );
}

#[test]
fn a_missing_map_key_or_array_element_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(
        dir.path(),
        "rating.rhai",
        "if a > 1 {",
        "let bands = #{ a: 1 };\n    if a > bands.b {",
    );
    let err = evaluate_error(dir.path(), &rules);
    assert!(
        err.contains(
            "[TMP]/rules/rating.rhai: function rating, item 1-1-1, R5: Property not found: b"
        ),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(
        dir.path(),
        "rating.rhai",
        "return \"A\";",
        "return x.scale[4];",
    );
    let err = evaluate_error(dir.path(), &rules);
    assert!(err.contains("[TMP]/rules/rating.rhai: function rating, item 1-1-3, R5: Array index 4 out of bounds: the array has 4 element(s) (line 22, position 24)"), "{err}");
}

#[test]
fn a_value_the_document_does_not_give_cannot_be_computed_with() {
    let dir = tempfile::tempdir().unwrap();
    // Milestones have no numeric target: x.target is (), and () is not a number.
    let rules = rules_with(
        dir.path(),
        "kinds/milestone.rhai",
        "fn achievement(x) {\n    x.target * 2\n}\n",
    );
    let err = evaluate_error(dir.path(), &rules);
    assert_eq!(
        err,
        "error: [TMP]/rules/kinds/milestone.rhai: function achievement, item 1-1-4, R5: Function not found: * ((), i64) (line 2, position 14); a value the document does not give is (): test it with `== ()` before using it\n"
    );
}

#[test]
fn a_failing_rule_names_file_function_item_and_year() {
    let dir = tempfile::tempdir().unwrap();
    // A helper that divides by zero for the first level item, 1-3-1 定員管理.
    let rules = rules_with(
        dir.path(),
        "kinds/level.rhai",
        "fn ratio(a, b) {\n    a / b\n}\n\nfn achievement(x) {\n    ratio(x.actual, x.target - x.target)\n}\n",
    );
    let err = evaluate_error(dir.path(), &rules);
    insta::assert_snapshot!("runtime_error", err);
    // In Japanese by default: the frame, Rhai's typed error and the places are worded.
    assert_eq!(
        evaluate_error_ja(dir.path(), &rules),
        "エラー: [TMP]/rules/kinds/level.rhai: 関数 achievement、実施項目 1-3-1、R5: 0 で割っています: 664 / 0 (2 行 7 文字目)\n(関数 'ratio' の中: 6 行 5 文字目での呼び出し)\n"
    );
    // The year asked for is the one named; R6 has no actual yet, and () is not a number.
    let err = stderr_of(
        &[
            "evaluate",
            "--rules",
            rules.to_str().unwrap(),
            "--year",
            "R6",
            "--lang",
            "en",
        ],
        2,
    );
    assert!(err.contains("kinds/level.rhai: function achievement, item 1-3-1, R6: Function not found: / ((), decimal)"), "{err}");
}

#[test]
fn results_of_the_wrong_kind_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_with(
        dir.path(),
        "kinds/level.rhai",
        "fn achievement(x) {\n    \"high\"\n}\n",
    );
    let err = evaluate_error(dir.path(), &rules);
    assert_eq!(err, "error: [TMP]/rules/kinds/level.rhai: function achievement, item 1-3-1, R5: must return a number or (), returned a string\n");

    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(dir.path(), "rating.rhai", "return \"A\";", "return \"S\";");
    let err = evaluate_error(dir.path(), &rules);
    assert_eq!(err, "error: [TMP]/rules/rating.rhai: function rating, item 1-1-3, R5: returned \"S\", which is not on the scale (A, B, C, D)\n");
}

#[test]
fn an_item_formula_with_an_unknown_variable_names_the_item_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    copy_tree(&root().join("plans/isehara-6"), &plan);
    let item = plan.join("items/5-8-3.toml");
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(
        &item,
        text.replace(
            "effect = \"value - previous\"",
            "effect = \"value - previuos\"",
        ),
    )
    .unwrap();
    let rules = root().join("rules");
    let args = [
        "evaluate",
        plan.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--lang",
        "en",
    ];
    let err = stderr_of(&args, 2).replace(dir.path().to_str().unwrap(), "[TMP]");
    insta::assert_snapshot!("formula_unknown_variable", err);
}

#[test]
fn a_rule_set_error_is_worded_in_japanese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(dir.path(), "ruleset.toml", "label = \"B\"", "label = \"A\"");
    let ja = evaluate_error_ja(dir.path(), &rules);
    assert!(ja.starts_with("エラー: [TMP]/rules/ruleset.toml:"), "{ja}");
    assert!(ja.contains(": 評価の記号 \"A\" が重複しています: "), "{ja}");
    let en = evaluate_error(dir.path(), &rules);
    assert!(
        en.contains(": rating label \"A\" is given twice: also at line"),
        "{en}"
    );
}

/// `if a > "1"` compares a figure with text: Rhai would quietly say false (every A became B,
/// exit 0); it is a rule error at the script's line and column in every command.
#[test]
fn comparing_a_figure_with_text_is_an_error_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_editing(dir.path(), "rating.rhai", "if a > 1 {", "if a > \"1\" {");
    let rules_arg = rules.to_str().unwrap();
    let en = evaluate_error(dir.path(), &rules);
    assert_eq!(
        en,
        "error: [TMP]/rules/rating.rhai: function rating, item 1-1-1, R5: comparing a number with text using `>`: values of different kinds cannot be compared; make them the same kind first (the number 1, the text \"1\") (line 20, position 10)\n"
    );
    let ja = evaluate_error_ja(dir.path(), &rules);
    assert_eq!(
        ja,
        "エラー: [TMP]/rules/rating.rhai: 関数 rating、実施項目 1-1-1、R5: 数値と文字列を `>` で比べています: 種類の違う値は比べられません。同じ種類にそろえてから比べてください (数値の 1、文字列の \"1\") (20 行 10 文字目)\n"
    );
    for command in ["summary", "report", "agreement", "explain 1-1-1", "diff"] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.extend(["--rules", rules_arg]);
        let err = stderr_of(&args, 2);
        assert!(err.contains("rating.rhai: 関数 rating"), "{command}: {err}");
        assert!(
            err.contains("数値と文字列を `>` で比べています"),
            "{command}: {err}"
        );
    }
    // check lists it as a finding, one per item, with the item file's line.
    let out = stdout_of(&["check", "--rules", rules_arg], 1);
    assert!(out.contains("数値と文字列を `>` で比べています"), "{out}");
    // And the rule set's own test cases fail on it.
    let out = stdout_of(&["test", rules_arg], 1);
    assert!(out.contains("数値と文字列を `>` で比べています"), "{out}");
}

/// Comparisons of one kind, and of an integer with a decimal, keep working; `==` with a
/// missing value stays the way to test for it; other mixtures are refused, a missing value
/// ordered with text too.
#[test]
fn comparisons_of_one_kind_work_and_other_mixtures_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let same = "a > 1 && 2 > 1.5 && \"b\" > \"a\" && x.comment != () && true != ()";
    let rules = rules_editing(
        dir.path(),
        "rating.rhai",
        "if a > 1 {",
        &format!("if {same} {{"),
    );
    stdout_of(&["evaluate", "--rules", rules.to_str().unwrap()], 0);
    for (condition, error) in [
        (
            "a > 1 && a != \"x\"",
            "comparing a number with text using `!=`",
        ),
        (
            "x.comment > () || a > 1",
            "comparing a missing value with `>`",
        ),
        ("true < 1", "comparing true/false with a number using `<`"),
    ] {
        let rules = rules_editing(
            dir.path(),
            "rating.rhai",
            "if a > 1 {",
            &format!("if {condition} {{"),
        );
        let err = evaluate_error(dir.path(), &rules);
        assert!(err.contains(error), "{condition}: {err}");
    }
}
