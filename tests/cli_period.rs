//! `gyokaku period`: the whole plan period — progress to date, the forecast to the final
//! target, the overall rating the rules suggest, the ratings year over year — of the invented
//! five-year plan (four years of results), of the bundled plan (one year) and of a folder of
//! plans.

mod common;

use common::{copy_tree, root, stderr_of, stdout_of};

#[test]
fn the_five_year_example_over_its_whole_period() {
    let out = stdout_of(&["period", "examples/five-year"], 0);
    // What the example's README says each item's forecast should conclude.
    for row in [
        "│ 1-2-2 ┆ 地域ボランティアの担い手の確保 ┆          1,000 ┆      790 ┆       820〜863 ┆ 未達の恐れ │",
        "│ 3-4-4 ┆ 未利用市有地の売却             ┆         20,000 ┆    9,000 ┆       0〜6,750 ┆ 未達の恐れ │",
        "│ 2-3-3 ┆ 電子決裁の導入                 ┆           運用 ┆     運用 ┆           運用 ┆ 達成       │",
    ] {
        assert!(out.contains(row), "{row}\n{out}");
    }
    // Progress to date: R5–R8's actual against R5–R8's expected effect.
    assert!(
        out.contains("│ 合計                 ┆     14 ┆           1,145,500 ┆                     790,500 ┆           624,750 ┆    79.0% │"),
        "{out}"
    );
    assert!(out.contains("- 3-4-4 未利用市有地の売却 (A → C)"), "{out}");
    insta::assert_snapshot!("five_year", out);
}

#[test]
fn the_five_year_example_in_english_markdown_csv_and_json() {
    let md = stdout_of(
        &[
            "period",
            "examples/five-year",
            "--lang",
            "en",
            "--format",
            "md",
        ],
        0,
    );
    assert!(
        md.contains("| 1-1-3 | 窓口のキャッシュレス決済の導入 |         運用 |          試行 |                       実施 | at risk of missing |"),
        "{md}"
    );
    insta::assert_snapshot!("five_year_en_md", md);

    let csv = stdout_of(
        &[
            "period",
            "examples/five-year",
            "--lang",
            "en",
            "--format",
            "csv",
        ],
        0,
    );
    insta::assert_snapshot!("five_year_en_csv", csv);

    let json = stdout_of(&["period", "examples/five-year", "--format", "json"], 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["as_of"], "R8");
    assert_eq!(value["items"][4]["forecast"]["outlook"], "at_risk");
    assert_eq!(value["items"][4]["forecast"]["expected"], "820");
    assert_eq!(value["total"]["effects"]["expected_reported"], "790500");
    assert_eq!(value["transitions"]["fell_two"][0], "3-4-4");
    insta::assert_snapshot!("five_year_json", json);
}

#[test]
fn the_period_seen_from_an_earlier_year() {
    let out = stdout_of(&["period", "examples/five-year", "--year", "令和6年度"], 0);
    assert!(out.contains("実績の年度: 令和6年度"), "{out}");
    assert!(
        out.contains("【前年度からの評価の推移 (令和5年度→令和6年度)】"),
        "{out}"
    );
    let err = stderr_of(&["period", "examples/five-year", "--year", "R10"], 2);
    assert!(err.contains("R10"), "{err}");
}

#[test]
fn the_bundled_plan_has_one_year_of_results() {
    let out = stdout_of(&["period"], 0);
    // One year: every forecast rests on little, and says so.
    assert!(out.contains("実績の年度: 令和5年度"), "{out}");
    assert!(out.contains("達成 (根拠弱)"), "{out}");
    assert!(
        out.contains("令和5年度の1年度分の実績だけに基づく見込みで、根拠は弱い")
            || out.contains("R5の1年度分の実績だけに基づく見込みで、根拠は弱い"),
        "{out}"
    );
    // Progress to date is R5's: 797,733 against 228,520.
    assert!(out.contains("228,520"), "{out}");
    assert!(out.contains("349.1%"), "{out}");
    assert!(
        !out.contains("前年度からの評価の推移"),
        "no year before R5: {out}"
    );
    insta::assert_snapshot!("bundled", out);
}

#[test]
fn a_folder_of_plans_gives_each_plan_its_period() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("rules"), &dir.path().join("rules"));
    let plans = dir.path().join("plans");
    copy_tree(&root().join("examples/five-year"), &plans.join("a-five"));
    copy_tree(&root().join("plans/isehara-6"), &plans.join("b-isehara"));
    let folder = plans.display().to_string();
    let out = stdout_of(&["period", &folder, "--format", "csv", "--lang", "en"], 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 14 + 71,
        "a header and a row per item:\n{out}"
    );
    assert!(lines[1].starts_with("example-five-year,"), "{}", lines[1]);
    assert!(lines[15].starts_with("isehara-6,"), "{}", lines[15]);
    let table = stdout_of(&["period", &folder], 0);
    assert!(table.contains("架空市 (例示)"), "{table}");
    assert!(table.contains("伊勢原市"), "{table}");
}
