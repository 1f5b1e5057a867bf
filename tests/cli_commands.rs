//! Every command on the bundled Isehara plan, run as a user would, with its output snapshotted.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{gyokaku, run_on, stderr_of, stdout_of, Sandbox};

#[test]
fn summary_prints_the_official_tables() {
    let out = stdout_of(&["summary"], 0);
    insta::assert_snapshot!("summary", out);
}

#[test]
fn summary_in_english_and_markdown() {
    insta::assert_snapshot!(
        "summary_en_md",
        stdout_of(&["summary", "--lang", "en", "--format", "md"], 0)
    );
}

#[test]
fn summary_csv_and_json() {
    insta::assert_snapshot!("summary_csv", stdout_of(&["summary", "--format", "csv"], 0));
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["summary", "--format", "json"], 0)).unwrap();
    assert_eq!(json["effects"]["actual"], "797733");
    assert_eq!(json["year"], "R5");
}

#[test]
fn evaluate_table() {
    insta::assert_snapshot!("evaluate", stdout_of(&["evaluate"], 0));
}

#[test]
fn evaluate_json_has_the_documented_keys_and_exact_decimals() {
    let out = stdout_of(&["evaluate", "--year", "R5", "--format", "json"], 0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 71);
    for key in [
        "id",
        "year",
        "year_key",
        "kind",
        "target",
        "actual",
        "achievement",
        "suggested",
        "reading",
        "recorded",
        "expected_effect",
        "actual_effect",
        "computed_effect",
        "explanation",
    ] {
        assert!(
            rows.iter().all(|r| r.get(key).is_some()),
            "every row has {key}"
        );
    }
    let overtime = rows.iter().find(|r| r["id"] == "1-3-4").unwrap();
    assert_eq!(overtime["actual_effect"], "-15173");
    assert_eq!(overtime["computed_effect"], "-15173");
    assert_eq!(overtime["target"], "13.4");
    let review = rows.iter().find(|r| r["id"] == "1-2-1").unwrap();
    assert_eq!(review["achievement"], "1.1");
    assert_eq!(review["suggested"], "A");
    assert!(rows[0]["rules"]["hash"].as_str().unwrap().len() == 64);
    // A milestone's suggestion names its evidence: the planned point, the clause of the
    // comment and the phrase found there.
    let window = rows.iter().find(|r| r["id"] == "1-2-2").unwrap();
    assert_eq!(window["suggested"], "C");
    assert_eq!(window["reading"]["verdict"], "behind");
    assert_eq!(window["reading"]["weak"], false);
    let short = window["reading"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["group"] == "shortfall")
        .unwrap();
    assert_eq!(short["point"], "県内先進自治体の状況把握(視察を含む)");
    assert_eq!(short["found"], "至らなかった");
    assert_eq!(
        review["reading"],
        serde_json::Value::Null,
        "rated from its numbers"
    );
    insta::assert_snapshot!("evaluate_json", out);
}

#[test]
fn evaluate_csv_and_md() {
    insta::assert_snapshot!(
        "evaluate_csv",
        stdout_of(&["evaluate", "--format", "csv"], 0)
    );
    insta::assert_snapshot!(
        "evaluate_md_en",
        stdout_of(&["evaluate", "--format", "md", "--lang", "en"], 0)
    );
}

#[test]
fn list_reproduces_the_item_list() {
    insta::assert_snapshot!("list", stdout_of(&["list", "--year", "R5"], 0));
    insta::assert_snapshot!("list_csv", stdout_of(&["list", "--format", "csv"], 0));
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&stdout_of(&["list", "--format", "json"], 0)).unwrap();
    let bond = rows.iter().find(|r| r["id"] == "5-10-1").unwrap();
    assert_eq!(bond["target"], "30億円以内");
    assert_eq!(bond["actual"], "12.6億円");
    assert_eq!(bond["rating"], "A");
    let review = rows.iter().find(|r| r["id"] == "1-2-1").unwrap();
    assert_eq!(review["actual_effect"], "569807");
    // The keys are identifiers scripts rely on, not the English wording of the CSV headers:
    // rewording a header must leave them as they are.
    let mut keys: Vec<&str> = review
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "actual",
            "actual_effect",
            "comment",
            "department",
            "expected_effect",
            "id",
            "indicator",
            "item",
            "policy",
            "rating",
            "rating_on_scale",
            "rules",
            "section",
            "suggested",
            "target",
            "theme",
            "title",
            "unit"
        ]
    );
}

#[test]
fn agreement_matrix_and_disagreements() {
    insta::assert_snapshot!("agreement", stdout_of(&["agreement"], 0));
}

#[test]
fn check_is_clean_and_lists_the_documents_own_inconsistencies() {
    let out = stdout_of(&["check"], 0);
    insta::assert_snapshot!("check", out);
}

#[test]
fn sheet_of_an_item() {
    insta::assert_snapshot!("sheet_5_8_3", stdout_of(&["sheet", "5-8-3"], 0));
    insta::assert_snapshot!(
        "sheet_2_5_4_en",
        stdout_of(&["sheet", "2-5-4", "--lang", "en"], 0)
    );
    // Words, compounds and bounds all serialize.
    for id in ["1-2-8", "2-5-5", "5-10-1"] {
        let json: serde_json::Value =
            serde_json::from_str(&stdout_of(&["sheet", id, "--format", "json"], 0)).unwrap();
        assert_eq!(json["id"], id);
    }
    let item: serde_json::Value =
        serde_json::from_str(&stdout_of(&["sheet", "1-2-8", "--format", "json"], 0)).unwrap();
    assert_eq!(
        item["years"]["R5"]["target"]["value"],
        serde_json::json!({"type": "text", "value": "検討"})
    );
    let err = stderr_of(&["sheet", "9-9-9"], 2);
    assert!(
        err.contains("計画に実施項目 9-9-9 (9(9)⑨) はありません"),
        "{err}"
    );
    let err = stderr_of(&["sheet", "9-9-9", "--lang", "en"], 2);
    assert!(err.contains("the plan has no item 9-9-9"), "{err}");
}

#[test]
fn a_year_outside_the_plan_is_refused() {
    let err = stderr_of(&["summary", "--year", "R12"], 2);
    assert!(err.contains("R12 は計画期間 (R5〜R9) の外です"), "{err}");
    let err = stderr_of(&["summary", "--year", "R12", "--lang", "en"], 2);
    assert!(
        err.contains("R12 is outside the plan's period (R5–R9)"),
        "{err}"
    );
}

#[test]
fn a_year_without_results_is_evaluated_as_plan_only() {
    let out = stdout_of(&["summary", "--year", "R6"], 0);
    assert!(out.contains("令和6年度"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &["summary", "--year", "R6", "--format", "json"],
        0,
    ))
    .unwrap();
    // Nothing is rated or realised yet; the plan's R6 expected effects are there.
    assert_eq!(json["recorded"]["unrated"], 71);
    assert_eq!(json["effects"]["actual"], "0");
    assert_ne!(json["effects"]["expected"], "0");
}

#[test]
fn broken_item_file_names_file_item_and_line() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-3.toml",
        "actual = \"25,900\"",
        "actaul = \"25,900\"",
    );
    let (_, err) = run_on(&sb, &["summary"], 2);
    assert!(err.contains("items/5-8-3.toml:"), "{err}");
    assert!(
        err.contains("実施項目 5-8-3: TOML として読めません: unknown field `actaul`"),
        "{err}"
    );
    let (_, err) = run_on(&sb, &["summary", "--lang", "en"], 2);
    assert!(err.contains("item 5-8-3: unknown field `actaul`"), "{err}");
    // check reports the same as a finding and exits 1.
    let (out, _) = run_on(&sb, &["check"], 1);
    assert!(out.contains("unknown field `actaul`"), "{out}");
}

#[test]
fn broken_rule_names_file_line_and_column() {
    let sb = Sandbox::new();
    sb.edit(
        "rules/kinds/level.rhai",
        "let a = 1 - deviation;",
        "let a = 1 - ;",
    );
    let (out, _) = run_on(&sb, &["check"], 1);
    assert!(out.contains("kinds/level.rhai:"), "{out}");
    assert!(
        out.contains("let a = 1 - ;"),
        "the offending line is shown: {out}"
    );
    let (_, err) = run_on(&sb, &["evaluate"], 2);
    assert!(err.contains("kinds/level.rhai:"), "{err}");
}

#[test]
fn endless_rule_fails_with_a_message() {
    let sb = Sandbox::new();
    sb.write(
        "rules/kinds/level.rhai",
        "fn achievement(x) { let n = 0; loop { n += 1; } }\n",
    );
    let (_, err) = run_on(&sb, &["evaluate"], 2);
    assert!(
        err.contains("kinds/level.rhai: 関数 achievement、実施項目 1-3-1、R5"),
        "{err}"
    );
    assert!(err.contains("終わらないループではありませんか"), "{err}");
}

#[test]
fn deeply_recursive_rule_fails_with_a_message() {
    let sb = Sandbox::new();
    sb.write(
        "rules/kinds/level.rhai",
        "fn deeper(n) { deeper(n + 1) }\nfn achievement(x) { deeper(0) }\n",
    );
    let (_, err) = run_on(&sb, &["evaluate"], 2);
    assert!(
        err.contains("kinds/level.rhai: 関数 achievement、実施項目 1-3-1、R5"),
        "{err}"
    );
    assert!(err.contains("終わらない再帰ではありませんか"), "{err}");
}

#[test]
fn missing_plan_folder_cannot_run() {
    let err = stderr_of(&["check", "no/such/plan"], 2);
    assert!(
        err.contains("計画フォルダ no/such/plan がありません"),
        "{err}"
    );
    let err = stderr_of(&["check", "no/such/plan", "--lang=en"], 2);
    assert!(
        err.contains("the plan folder no/such/plan is not there"),
        "{err}"
    );
    // A folder that is there but holds no plan.
    let err = stderr_of(&["check", "src"], 2);
    assert!(err.contains("src は計画のフォルダではありません"), "{err}");
    let out = gyokaku(&["summary", "no/such/plan"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_undocumented_inconsistency_fails_the_check() {
    let sb = Sandbox::new();
    // 公園土面改良: 24千円 a year; print a subtotal that no longer adds up.
    sb.edit(
        "plan/items/1-2-5.toml",
        "expected_effect = \"160\"",
        "expected_effect = \"170\"",
    );
    let (out, _) = run_on(&sb, &["check"], 1);
    assert!(out.contains("【要確認事項 (1)】"), "{out}");
    assert!(
        out.contains("〔小計〕効果見込額は 170 ですが、各年度の合計は 160 です"),
        "{out}"
    );
    let (out, _) = run_on(&sb, &["check", "--lang", "en"], 1);
    assert!(out.contains("【Findings (1)】"), "{out}");
    assert!(out.contains("items/1-2-5.toml:"), "{out}");
    assert!(
        out.contains("〔小計〕効果見込額 (expected effect) is 170 but the years add up to 160"),
        "{out}"
    );
}

#[test]
fn a_broken_effect_formula_is_one_finding_at_its_line() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-3.toml",
        "effect = \"value - previous\"",
        "effect = \"value - previuos\"",
    );
    let (out, _) = run_on(&sb, &["check"], 1);
    assert!(out.contains("【要確認事項 (1)】"), "{out}");
    assert!(
        out.contains("items/5-8-3.toml:17: 効果額の算定式: 変数 previuos は定義されていません"),
        "{out}"
    );
    let (out, _) = run_on(&sb, &["check", "--lang", "en"], 1);
    assert!(out.contains("【Findings (1)】"), "{out}");
    assert!(
        out.contains("items/5-8-3.toml:17: effect formula: Undefined variable: previuos"),
        "{out}"
    );
}

#[test]
fn csv_for_excel_starts_with_a_byte_order_mark() {
    let out = stdout_of(&["list", "--format", "csv", "--bom"], 0);
    assert!(
        out.starts_with("\u{feff}取組番号,基本方針,改革の推進項目,実施項目番号,取組項目,"),
        "{}",
        out.chars().take(40).collect::<String>()
    );
    let plain = stdout_of(&["list", "--format", "csv"], 0);
    assert!(
        plain.starts_with("取組番号,基本方針"),
        "no BOM unless asked"
    );
    // English keys, stable for scripts, with --lang en.
    let en = stdout_of(&["list", "--format", "csv", "--bom", "--lang", "en"], 0);
    assert!(
        en.starts_with("\u{feff}id,policy,theme,item,title,"),
        "{}",
        en.chars().take(40).collect::<String>()
    );
    // A BOM only ever precedes CSV.
    let table = stdout_of(&["summary", "--bom"], 0);
    assert!(!table.starts_with('\u{feff}'));
}

#[test]
fn effects_in_other_money_units_are_converted_the_same_everywhere() {
    let sb = Sandbox::new();
    // 15,100千円 written as 15.1百万円: the formula (25,900 − 10,800) and the subtotal agree.
    sb.edit(
        "plan/items/5-8-3.toml",
        "actual_effect = \"15,100\"",
        "actual_effect = \"15.1百万円\"",
    );
    let (out, _) = run_on(&sb, &["check"], 0);
    assert!(!out.contains("5-8-3"), "{out}");
    let (summary, _) = run_on(&sb, &["summary"], 0);
    assert!(summary.contains("797,733"), "{summary}");
}

#[test]
fn the_plan_declares_its_report_unit() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/plan.toml",
        "rules = ",
        "report_unit = \"百万円\"\nrules = ",
    );
    let (out, _) = run_on(&sb, &["summary"], 0);
    assert!(out.contains("実績効果額と達成割合 (単位:百万円)"), "{out}");
    assert!(out.contains("228.52"), "{out}");
    assert!(out.contains("797.733"), "{out}");
    let (out, _) = run_on(&sb, &["summary", "--lang", "en"], 0);
    assert!(
        out.contains("Effect amounts and ratio (million yen)"),
        "{out}"
    );
    sb.edit("plan/plan.toml", "\"百万円\"", "\"百万\"");
    let (_, err) = run_on(&sb, &["summary"], 2);
    assert!(
        err.contains("report_unit: \"百万\" は金額の単位ではありません"),
        "{err}"
    );
    let (_, err) = run_on(&sb, &["summary", "--lang", "en"], 2);
    assert!(
        err.contains("report_unit: \"百万\" is not a unit of money"),
        "{err}"
    );
}

#[test]
fn a_word_after_a_number_is_never_silently_a_unit() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-3.toml",
        "actual = \"25,900\"",
        "actual = \"25,900人\"",
    );
    let (_, err) = run_on(&sb, &["summary"], 2);
    assert!(err.contains("実施項目 5-8-3: years.R5.actual:"), "{err}");
    assert!(
        err.contains("\"25,900人\" は \"人\" で書かれています"),
        "{err}"
    );
    let (_, err) = run_on(&sb, &["summary", "--lang", "en"], 2);
    assert!(err.contains("item 5-8-3: years.R5.actual:"), "{err}");
    assert!(err.contains("\"25,900人\" is written in \"人\""), "{err}");
}
