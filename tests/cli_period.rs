//! `gyokaku period`: the whole plan period — progress to date, the forecast to the final
//! target, the overall rating the rules suggest, the ratings year over year — of the invented
//! five-year plan (four years of results), of the bundled plan (one year) and of a folder of
//! plans.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

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

/// The report's 推移 section: the years so far, as the report's year sees them, with native
/// charts in the workbook and SVG charts on the page; a chart of target against actual on each
/// numeric item's sheet.
#[test]
fn the_report_looks_back_over_the_years_so_far() {
    use calamine::{open_workbook, Data, Reader, Xlsx};

    let dir = tempfile::tempdir().unwrap();
    // The R8 report of the example, written to `name`.
    let report = |name: &str| {
        let path = dir.path().join(name);
        let path_text = path.to_str().unwrap();
        stdout_of(
            &[
                "report",
                "examples/five-year",
                "--year",
                "R8",
                "-o",
                path_text,
            ],
            0,
        );
        path
    };
    let xlsx = report("r8.xlsx");
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names()[1], "推移");
    let rows: Vec<Vec<Data>> = book
        .worksheet_range("推移")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let first = |r: &Vec<Data>| r.first().map(ToString::to_string).unwrap_or_default();
    // The rows of the table under the caption starting with `caption`, to the blank row.
    let table = |caption: &str| -> Vec<Vec<Data>> {
        let start = (rows.iter())
            .position(|r| first(r).starts_with(caption))
            .unwrap_or_else(|| panic!("{caption}"));
        (rows[start + 1..].iter())
            .take_while(|r| r.iter().any(|c| !matches!(c, Data::Empty)))
            .cloned()
            .collect()
    };
    let row = |name: &str, caption: &str| -> Vec<Data> {
        (table(caption).into_iter())
            .find(|r| first(r) == name)
            .unwrap_or_else(|| panic!("{name} under {caption}"))
    };
    // Expected effects of every year, R9's plan too; actual against expected of R5–R8 only.
    let expected = row("合計", "年度別の効果見込額 (単位");
    assert_eq!(
        expected[1..6],
        [106_000.0, 174_250.0, 227_500.0, 282_750.0, 355_000.0].map(Data::Float)
    );
    let effects = table("年度別の効果見込額と実績効果額");
    let years: Vec<String> = effects.iter().skip(1).map(first).collect();
    assert_eq!(
        years,
        ["令和5年度", "令和6年度", "令和7年度", "令和8年度"],
        "no R9 yet"
    );
    assert_eq!(effects[4][1..3], [282_750.0, 181_150.0].map(Data::Float));
    let ratings = row("令和8年度", "合計: 年度別の評価");
    assert_eq!(ratings[1..5], [5.0, 4.0, 5.0, 0.0].map(Data::Float));
    // The item sheets: 1-1-1's target against actual; none for a milestone (1-1-3).
    let sheet: Vec<String> = book
        .worksheet_range("1(1)①")
        .unwrap()
        .rows()
        .filter_map(|r| r.first().map(|c| c.to_string()))
        .collect();
    assert!(
        sheet.iter().any(|c| c.starts_with("目標値と実績値の推移")),
        "{sheet:?}"
    );
    let milestone: Vec<String> = book
        .worksheet_range("1(1)③")
        .unwrap()
        .rows()
        .filter_map(|r| r.first().map(|c| c.to_string()))
        .collect();
    assert!(!milestone
        .iter()
        .any(|c| c.starts_with("目標値と実績値の推移")));

    // The same charts on the page: 2 of the year's figures, 2 of effects, 4 of ratings (the
    // plan and its 3 基本方針), one per numeric item (12 of 14: not the milestones).
    let html = report("r8.html");
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<svg").count(), 2 + 2 + 4 + 12);
    // The items' charts are the compact ones, drawn as columns by year under their sheets
    // (low enough to print on the sheet's page), each year named under its columns.
    assert_eq!(page.matches("<figure class=\"compact\">").count(), 12);
    let first = page.find("<figure class=\"compact\">").unwrap();
    let chart = &page[first..first + page[first..].find("</figure>").unwrap()];
    assert!(chart.contains("viewBox=\"0 0 420 104\""), "{chart}");
    for year in ["令和5年度", "令和6年度", "令和7年度", "令和8年度"] {
        assert!(
            chart.contains(&format!(">{year}</text>")),
            "{year}: {chart}"
        );
    }
    let bytes = std::fs::read(&xlsx).unwrap();
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("xl/charts/chart20.xml") && !has("xl/charts/chart21.xml"));

    // Seen from R6, the years so far are R5 and R6.
    let md = stdout_of(
        &[
            "report",
            "examples/five-year",
            "--year",
            "R6",
            "--format",
            "md",
        ],
        0,
    );
    let trend = &md[md.find("## 推移").unwrap()..md.find("## 【参考①】").unwrap()];
    assert!(
        trend.contains("| 令和6年度 |    174,250 |    149,550 |"),
        "{trend}"
    );
    assert!(!trend.contains("| 令和7年度 |    227,500 |"), "{trend}");
    insta::assert_snapshot!("report_trend_r6", trend);
}
