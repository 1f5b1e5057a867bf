//! The illustrative example plans under `examples/` (invented data, marked as such): their rule
//! sets, which extend the default one, pass their own and their inherited cases, and their
//! summaries are what a person reads; the five-year plan with four years of results checks
//! clean and its years and agreement are what a person reads.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::stdout_of;

#[test]
fn the_heisei_to_reiwa_example_rules_pass_their_cases() {
    let out = stdout_of(&["test", "examples/heisei-reiwa/rules", "--coverage"], 0);
    assert!(
        out.contains("examples/heisei-reiwa/rules/tests/cumulative_progress.toml"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("0 件失敗"), "{out}");
}

#[test]
fn the_heisei_to_reiwa_example_summary() {
    let out = stdout_of(&["summary", "examples/heisei-reiwa/plan"], 0);
    assert!(out.contains("令和2年度の取組結果"), "{out}");
    insta::assert_snapshot!("heisei_reiwa_summary", out);
    // FY2019 is the plan's 平成31年度, however it is asked for.
    let out = stdout_of(
        &[
            "summary",
            "examples/heisei-reiwa/plan",
            "--year",
            "令和元年度",
        ],
        0,
    );
    assert!(out.contains("平成31年度の取組結果"), "{out}");
    insta::assert_snapshot!("heisei_reiwa_summary_h31", out);
    let out = stdout_of(
        &[
            "summary",
            "examples/heisei-reiwa/plan",
            "--lang",
            "en",
            "--format",
            "md",
        ],
        0,
    );
    insta::assert_snapshot!("heisei_reiwa_summary_en_md", out);
}

#[test]
fn the_five_year_example_checks_clean() {
    let out = stdout_of(&["check", "examples/five-year"], 0);
    assert_eq!(out.trim_end(), "問題は見つかりませんでした。");
    let out = stdout_of(&["check", "examples/five-year", "--lang", "en"], 0);
    assert_eq!(out.trim_end(), "No findings.");
}

#[test]
fn the_five_year_example_summary_of_every_year() {
    let out = stdout_of(&["summary", "examples/five-year", "--year", "all"], 0);
    // Every item reports in R5–R8 (14 rated, none without a rating); R9 has only its plan:
    // no actual yet ("-", not 0), and progress to date is R5–R8's actual against R5–R8's
    // expected effect (624,750 / 790,500), not against the whole period's 1,145,500.
    for row in [
        "│ 令和5年度 ┆      1 ┆  7 ┆  6 ┆  1 ┆ 0 ┆        0 ┆   14 ┆          106,000 ┆                        106,000 ┆          128,850 ┆   121.6% │",
        "│ 令和8年度 ┆      1 ┆  5 ┆  4 ┆  5 ┆ 0 ┆        0 ┆   14 ┆          282,750 ┆                        282,750 ┆          181,150 ┆    64.1% │",
        "│ 令和9年度 ┆      1 ┆  0 ┆  0 ┆  0 ┆ 0 ┆       14 ┆   14 ┆          355,000 ┆                              - ┆                - ┆        - │",
        "│ 全年度    ┆      1 ┆ 22 ┆ 24 ┆ 10 ┆ 0 ┆       14 ┆   70 ┆        1,145,500 ┆                        790,500 ┆          624,750 ┆    79.0% │",
    ] {
        assert!(out.contains(row), "{row}\n{out}");
    }
    insta::assert_snapshot!("five_year_summary_all", out);
}

#[test]
fn the_five_year_example_agreement_in_its_fourth_year() {
    let out = stdout_of(&["agreement", "examples/five-year", "--year", "R8"], 0);
    // The one disagreement is a judgement call: 経常収支比率 kept under 90%未満 by 0.8 points,
    // recorded B where the rules suggest A.
    assert!(out.contains("一致率: 14 件中 13 件 (92.9%)"), "{out}");
    assert!(
        out.contains("│ 3-5-1 ┆ 経常収支比率の改善 ┆ A    ┆ B    ┆"),
        "{out}"
    );
    insta::assert_snapshot!("five_year_agreement_r8", out);
}

#[test]
fn the_points_example_rules_pass_their_cases() {
    let out = stdout_of(&["test", "examples/points-million-yen/rules"], 0);
    assert!(
        out.contains("examples/points-million-yen/rules/tests/plan_items.toml"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("0 件失敗"), "{out}");
}

#[test]
fn the_points_example_summary() {
    let out = stdout_of(&["summary", "examples/points-million-yen/plan"], 0);
    assert!(out.contains("実績効果額と達成割合 (単位:百万円)"), "{out}");
    assert!(out.contains("│       14 ┆   25 ┆  56.0% │"), "{out}");
    insta::assert_snapshot!("points_summary", out);
    let csv = stdout_of(
        &[
            "summary",
            "examples/points-million-yen/plan",
            "--format",
            "csv",
        ],
        0,
    );
    insta::assert_snapshot!("points_summary_csv", csv);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &[
            "summary",
            "examples/points-million-yen/plan",
            "--format",
            "json",
        ],
        0,
    ))
    .unwrap();
    assert_eq!(json["report_unit"], "百万円");
    assert_eq!(json["figures"][1]["rows"][0][2]["value"], "0.56");
}

#[test]
fn a_rule_diff_heads_its_totals_with_the_plan_report_unit() {
    let out = stdout_of(
        &[
            "diff",
            "examples/points-million-yen/plan",
            "--rules",
            "examples/points-million-yen/rules",
            "--base",
            "rules",
        ],
        0,
    );
    assert!(
        out.contains("基本方針別 提案評価 (単位:件) と算定効果額 (単位:百万円)"),
        "{out}"
    );
    // 2-2-1's formula gives 130,000千円: 130 in 百万円.
    assert!(
        out.contains("│ 2 財源の確保       ┆ 1 ┆ 1 ┆ 1 ┆ 0 ┆      0 ┆               130 ┆"),
        "{out}"
    );
}
