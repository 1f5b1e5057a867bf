//! `gyokaku report`: the published document as xlsx (read back with calamine), HTML (checked
//! structurally) and Markdown/text (snapshotted); every figure equals `summary` and `list`.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::stdout_of;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::Value as Json;

fn json_of(args: &[&str]) -> Json {
    serde_json::from_str(&stdout_of(args, 0)).expect("JSON output")
}

/// A decimal string of the JSON ("592300") as the float Excel holds.
fn float(v: &Json) -> f64 {
    Decimal::from_str_exact(v.as_str().expect("a decimal string"))
        .expect("a decimal")
        .to_f64()
        .expect("fits a float")
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("a number expected, found {other:?}"),
    }
}

/// The rows of a worksheet, as cells.
fn rows(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<Vec<Data>> {
    book.worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("worksheet {sheet}: {e}"))
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

/// The rows of the table under the caption starting with `caption`, up to the blank row.
fn table_after<'a>(rows: &'a [Vec<Data>], caption: &str) -> &'a [Vec<Data>] {
    let start = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| text(c).starts_with(caption)))
        .unwrap_or_else(|| panic!("no table {caption}"));
    let body = &rows[start + 2..];
    let end = body
        .iter()
        .position(|r| r.iter().all(|c| matches!(c, Data::Empty)))
        .unwrap_or(body.len());
    &body[..end]
}

fn policy_row<'a>(table: &'a [Vec<Data>], name: &str) -> &'a [Data] {
    table
        .iter()
        .find(|r| text(&r[0]) == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

/// The bundled plan's items that have a 進捗管理シート in the document.
fn items_with_sheets() -> usize {
    std::fs::read_dir(common::root().join("plans/isehara-6/items"))
        .unwrap()
        .filter(|f| {
            let text = std::fs::read_to_string(f.as_ref().unwrap().path()).unwrap();
            !text.contains("\nsheet = false")
        })
        .count()
}

/// A figure the list printed ("23,583") read back: a number where it is a plain number, else
/// the text.
fn printed_figure(cell: &Data, printed: Option<&str>, id: &str) {
    let printed = printed.unwrap_or("-");
    match cell {
        Data::Float(f) => {
            let exact = Decimal::from_str_exact(&printed.replace(',', ""))
                .unwrap_or_else(|_| panic!("{id}: {printed} read as the number {f}"));
            assert_eq!(*f, exact.to_f64().unwrap(), "{id}");
        }
        other => {
            assert_eq!(text(other), printed, "{id}");
            assert!(
                Decimal::from_str_exact(&printed.replace(',', "")).is_err(),
                "{id}: {printed} is a number: written as text"
            );
        }
    }
}

fn count(counts: &Json, label: &str) -> f64 {
    counts["by_rating"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == label)
        .map_or(0.0, |p| p[1].as_f64().unwrap())
}

#[test]
fn the_workbook_holds_every_figure_of_summary_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    stdout_of(&["report", "--output", path.to_str().unwrap()], 0);
    let summary = json_of(&["summary", "--format", "json"]);
    let list = json_of(&["list", "--format", "json"]);
    let mut book: Xlsx<_> = open_workbook(&path).expect("an xlsx calamine reads");

    // A worksheet for the document's text and figures, one for the years so far (推移), one for
    // the list, one for the guide to the sheets, one for every item's sheet (four items have
    // none in the published document: `sheet = false`).
    let names = book.sheet_names();
    assert_eq!(names[0], "本文");
    assert_eq!(names[1], "推移");
    assert_eq!(names[2], "取組項目一覧");
    assert_eq!(names[3], "【参考②】進捗管理シートの見方");
    assert_eq!(names.len(), 4 + items_with_sheets(), "{names:?}");
    assert!(names.contains(&"5(8)③".to_string()), "{names:?}");

    let figures = rows(&mut book, "本文");
    // The cover and the city's text, with the figures it states filled in.
    let all_text: Vec<String> = figures.iter().flatten().map(text).collect();
    for line in [
        "令和6年10月",
        "伊勢原市企画部経営企画課",
        "1 はじめに",
        "5 今後の取組の方向性",
    ] {
        assert!(all_text.iter().any(|t| t == line), "{line}");
    }
    assert!(all_text
        .iter()
        .any(|t| t.contains("8割程度の60件") && t.contains("8億円弱")));
    let policies = summary["policies"].as_array().unwrap();
    let labels = ["A", "B", "C", "D"];

    // 達成状況.
    let status = table_after(&figures, "達成状況");
    for (row, label) in status.iter().zip(labels) {
        assert!(text(&row[0]).starts_with(label));
        assert_eq!(number(&row[1]), count(&summary["recorded"], label));
    }
    assert_eq!(
        number(&policy_row(status, "合計")[1]),
        summary["recorded"]["total"].as_f64().unwrap()
    );

    // 分野別内訳表.
    let breakdown = table_after(&figures, "分野別内訳表");
    for p in policies {
        let name = format!("{} {}", p["number"], p["name"].as_str().unwrap());
        let row = policy_row(breakdown, &name);
        for (i, label) in labels.iter().enumerate() {
            assert_eq!(
                number(&row[i + 1]),
                count(&p["recorded"], label),
                "{name} {label}"
            );
        }
        assert_eq!(number(&row[5]), p["recorded"]["total"].as_f64().unwrap());
    }

    // 実績効果額と達成割合: numbers, not text.
    let effects = table_after(&figures, "実績効果額と達成割合 (単位");
    for p in policies {
        let name = format!("{} {}", p["number"], p["name"].as_str().unwrap());
        let row = policy_row(effects, &name);
        assert_eq!(number(&row[1]), float(&p["effects"]["expected"]), "{name}");
        assert_eq!(number(&row[2]), float(&p["effects"]["actual"]), "{name}");
    }
    let total = policy_row(effects, "合計");
    assert_eq!(number(&total[1]), 228_520.0);
    assert_eq!(number(&total[1]), float(&summary["effects"]["expected"]));
    assert_eq!(number(&total[2]), float(&summary["effects"]["actual"]));
    assert!((number(&total[3]) - 797_733.0 / 228_520.0).abs() < 1e-9);

    // Nothing of the rules' side: no suggestions, no stamp, no figures per theme.
    for internal in ["ルールによる提案評価", "ルール", "改革の推進項目別"] {
        assert!(
            !figures
                .iter()
                .any(|r| r.first().is_some_and(|c| text(c).starts_with(internal))),
            "{internal} in the published workbook"
        );
    }

    // Per theme: in the planning section's view.
    let internal_path = dir.path().join("internal.xlsx");
    stdout_of(
        &[
            "report",
            "--internal",
            "-o",
            internal_path.to_str().unwrap(),
        ],
        0,
    );
    let mut internal: Xlsx<_> = open_workbook(&internal_path).expect("an xlsx calamine reads");
    let internal_figures = rows(&mut internal, "本文");
    let themes = table_after(&internal_figures, "改革の推進項目別");
    for t in summary["themes"].as_array().unwrap() {
        let name = format!(
            "{}({}) {}",
            t["policy"],
            t["number"],
            t["name"].as_str().unwrap()
        );
        let row = policy_row(themes, &name);
        assert_eq!(number(&row[1]), t["items"].as_f64().unwrap(), "{name}");
        assert_eq!(number(&row[2]), float(&t["effects"]["expected"]), "{name}");
        assert_eq!(number(&row[3]), float(&t["effects"]["actual"]), "{name}");
    }

    // 【参考①】: one row per item, in the list's order, with the list's values.
    let items = rows(&mut book, "取組項目一覧");
    let item_rows: Vec<&Vec<Data>> = items
        .iter()
        .filter(|r| {
            r.len() >= 12
                && !text(&r[1]).is_empty()
                && text(&r[0]) != "取組番号"
                && text(&r[0]).chars().all(|c| ('①'..='⑳').contains(&c))
        })
        .collect();
    let list = list.as_array().unwrap();
    assert_eq!(item_rows.len(), list.len());
    // The published list has no column of the rules' suggestions.
    assert!(!items.iter().flatten().any(|c| text(c) == "提案"));
    for (row, item) in item_rows.iter().zip(list) {
        let id = item["id"].as_str().unwrap();
        assert_eq!(text(&row[1]), item["title"].as_str().unwrap(), "{id}");
        assert_eq!(text(&row[2]), item["indicator"].as_str().unwrap(), "{id}");
        assert_eq!(
            text(&row[4]),
            item["rating"].as_str().unwrap_or("-"),
            "{id}"
        );
        assert_eq!(
            text(&row[5]),
            item["comment"].as_str().unwrap_or("-"),
            "{id}"
        );
        // 目標(値) and 実績(値): numbers where they are plain numbers.
        printed_figure(&row[6], item["target"].as_str(), id);
        printed_figure(&row[7], item["actual"].as_str(), id);
        for (col, key) in [(8, "expected_effect"), (9, "actual_effect")] {
            match item[key].as_str() {
                Some(_) => assert_eq!(number(&row[col]), float(&item[key]), "{id} {key}"),
                None => assert_eq!(text(&row[col]), "-", "{id} {key}"),
            }
        }
        assert_eq!(text(&row[11]), item["section"].as_str().unwrap(), "{id}");
    }

    // The official sheet: 企業版ふるさと納税, R5: the plan beside the target and expected
    // effect, the worded rating, the actual and actual effect, as numbers.
    let sheet = rows(&mut book, "5(8)③");
    let at = sheet
        .iter()
        .position(|r| text(&r[0]) == "令和5年度")
        .expect("the R5 row");
    let (upper, lower) = (&sheet[at], &sheet[at + 1]);
    assert!(text(&upper[1]).starts_with("・DMや庁内各課による働きかけ"));
    assert_eq!(number(&upper[3]), 20_800.0);
    assert_eq!(text(&upper[4]), "評価");
    assert_eq!(text(&upper[5]), "A 計画を上回る");
    assert_eq!(number(&upper[7]), 25_900.0);
    assert_eq!(number(&lower[3]), 10_000.0);
    assert!(text(&lower[4]).starts_with("委託業者と連携し"));
    assert_eq!(number(&lower[7]), 15_100.0);
    let labels: Vec<String> = sheet.iter().flatten().map(text).collect();
    for label in [
        "基本方針",
        "実施項目",
        "具体的な改善取組内容",
        "現状と課題",
        "令和5年度の取組方針・取組内容",
        "令和9年度（計画最終年度）において目指す姿",
        "指標（行動/成果）",
        "指標の現状値",
        "計画最終年度の目標値",
        "〔小計〕効果見込額(千円)",
        "〔小計〕実績効果額(千円)",
        "全期間総合評価",
    ] {
        assert!(labels.iter().any(|l| l == label), "{label}");
    }
    let subtotal = sheet
        .iter()
        .find(|r| text(&r[0]) == "〔小計〕効果見込額(千円)")
        .unwrap();
    assert_eq!(
        (number(&subtotal[3]), number(&subtotal[7])),
        (20_000.0, 15_100.0)
    );

    // Native charts: the two of the figures, then those of 推移 (three, and the ratings of each
    // 基本方針), as many as the HTML page draws; no item sheet has one, for a trend needs two
    // years and the bundled plan has one.
    let bytes = std::fs::read(&path).unwrap();
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    let html = dir.path().join("report.html");
    stdout_of(&["report", "-o", html.to_str().unwrap()], 0);
    let drawn = std::fs::read_to_string(&html)
        .unwrap()
        .matches("<svg")
        .count();
    assert_eq!(drawn, 2 + 3 + policies.len());
    assert!(has(&format!("xl/charts/chart{drawn}.xml")));
    assert!(!has(&format!("xl/charts/chart{}.xml", drawn + 1)));
    // Their series in the HTML report's colours (A, B, C, D; expected, actual), in order.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut chart = |name: &str| {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
        xml.to_uppercase()
    };
    let colours = |xml: &str| -> Vec<String> {
        (xml.match_indices("SRGBCLR VAL=\""))
            .map(|(at, m)| xml[at + m.len()..at + m.len() + 6].to_string())
            .collect()
    };
    let palette: Vec<String> = (gyokaku::report::SERIES_COLOURS.iter())
        .map(|c| c.trim_start_matches('#').to_uppercase())
        .collect();
    assert_eq!(colours(&chart("xl/charts/chart1.xml")), palette[..4]);
    assert_eq!(colours(&chart("xl/charts/chart2.xml")), palette[..2]);

    // Print: every worksheet on A4 with the title in its header and "page / pages" in its
    // footer; the list repeats its header row on every page.
    for i in 1..=names.len() {
        let xml = chart(&format!("xl/worksheets/sheet{i}.xml"));
        assert!(xml.contains("PAPERSIZE=\"9\""), "sheet{i}");
        assert!(
            xml.contains("<ODDFOOTER>&AMP;C&AMP;P / &AMP;N</ODDFOOTER>"),
            "sheet{i}"
        );
        assert!(
            xml.contains("令和5年度の取組結果について</ODDHEADER>"),
            "sheet{i}"
        );
    }
    let workbook = chart("xl/workbook.xml");
    assert!(
        workbook.contains("_XLNM.PRINT_TITLES\" LOCALSHEETID=\"2\""),
        "{workbook}"
    );
    // Only the list: a sheet's chart under its form repeats nothing.
    assert_eq!(workbook.matches("_XLNM.PRINT_TITLES").count(), 1);
}

#[test]
fn the_html_page_is_self_contained_with_tables_charts_and_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    stdout_of(&["report", "-o", path.to_str().unwrap()], 0);
    let html = std::fs::read_to_string(&path).unwrap();
    let list = json_of(&["list", "--format", "json"]);
    let items = list.as_array().unwrap().len();

    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    assert!(html.contains("@page { size: A4;"));
    // Nothing to fetch and nothing to run.
    let offline = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for banned in ["<script", "http://", "https://", "<link", "src=", "@import"] {
        assert!(!offline.contains(banned), "{banned}");
    }
    // The cover; the five parts of the document (the four after the first go on without a
    // new page), the years so far (推移), the list, the guide and every item sheet; the two
    // charts of the figures first.
    assert!(
        html.contains("<div class=\"cover\">\n<p>令和6年10月</p>\n<p>伊勢原市企画部経営企画課</p>")
    );
    assert_eq!(
        html.matches("<section class=\"top").count(),
        5 + 3 + items_with_sheets()
    );
    assert_eq!(html.matches("<section class=\"top cont\"").count(), 4);
    // Every item's official sheet, laid out on its grid, the 全期間総合評価 row included.
    assert_eq!(
        html.matches("<table class=\"form\">").count(),
        items_with_sheets()
    );
    assert_eq!(
        html.matches("<th class=\"label\" colspan=\"3\">全期間総合評価</th>")
            .count(),
        items_with_sheets()
    );
    assert!(html.contains("<td class=\"rating\" colspan=\"2\">A 計画を上回る</td>"));
    // The wide item list prints in smaller type.
    assert_eq!(html.matches("<section class=\"top wide\"").count(), 1);
    assert!(html.matches("<svg").count() > 2);
    assert!(html.matches("<table").count() > items);
    for figure in [
        "<td class=\"num\">228,520</td>",
        "<td class=\"num\">797,733</td>",
        "<td class=\"num\">349.1%</td>",
        "<td class=\"num\">592,300</td>",
        "<td class=\"num\">-15,173</td>",
    ] {
        assert!(html.contains(figure), "{figure}");
    }
    // The stacked bars of policy 1 are 4 A, 9 B, 5 C.
    let chart = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    for segment in [
        "1 行政サービスの最適化 A: 4",
        "1 行政サービスの最適化 B: 9",
        "1 行政サービスの最適化 C: 5",
    ] {
        assert!(chart.contains(segment), "{segment}");
    }
}

#[test]
fn markdown_and_text_reports() {
    insta::assert_snapshot!("report_md", stdout_of(&["report", "--format", "md"], 0));
    // The planning section's view: the published document and the rules' side.
    insta::assert_snapshot!(
        "report_internal_md",
        stdout_of(&["report", "--internal", "--format", "md"], 0)
    );
    insta::assert_snapshot!(
        "report_internal_text",
        stdout_of(&["report", "--internal", "--width", "200"], 0)
    );
}

#[test]
fn output_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.md");
    std::fs::write(&path, "old").unwrap();
    // A failing command leaves the old file as it was.
    common::stderr_of(
        &[
            "summary",
            "--year",
            "R12",
            "--output",
            path.to_str().unwrap(),
        ],
        2,
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    stdout_of(&["summary", "--output", path.to_str().unwrap()], 0);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("# "),
        "Markdown by the extension: {written}"
    );
    assert!(written.contains("| 合計"), "{written}");
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("summary.md")]);
    // An extension that names no format needs --format.
    let err = common::stderr_of(
        &[
            "summary",
            "--output",
            dir.path().join("x.doc").to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("--format"), "{err}");
    assert!(!Path::new(&dir.path().join("x.doc")).exists());
}

#[test]
fn every_command_prints_csv_with_a_byte_order_mark_on_request() {
    for args in [
        &["sheet", "5-8-3"][..],
        &["explain", "5-8-3"],
        &["check"],
        &["summary"],
        &["list"],
    ] {
        let out = stdout_of(&[args, &["--format", "csv", "--bom"]].concat(), 0);
        assert!(out.starts_with('\u{feff}'), "{args:?}");
        assert!(!out.contains('┆') && !out.contains('│'), "{args:?}: {out}");
    }
    let sheet = stdout_of(&["sheet", "5-8-3", "--format", "csv"], 0);
    assert!(sheet.starts_with("取組番号,年度,目標値,効果見込額,実績値,実績効果額,評価\n"));
    let en = stdout_of(&["sheet", "5-8-3", "--format", "csv", "--lang", "en"], 0);
    assert!(en.starts_with("id,year,target,expected_effect,actual,actual_effect,rating\n"));
    assert!(
        sheet.contains("\n5-8-3,R5,\"20,800\",10000,\"25,900\",15100,A\n"),
        "{sheet}"
    );
}

#[test]
fn terminal_tables_fit_the_width_and_borders_can_be_ascii() {
    let out = stdout_of(&["list", "--width", "100", "--ascii"], 0);
    for line in out.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
    }
    assert!(!out.contains('│') && !out.contains('┆'), "ASCII borders");
    assert!(out.contains("+-"), "{out}");
    let wide = stdout_of(&["list", "--width", "0"], 0);
    assert!(wide
        .lines()
        .any(|l| unicode_width::UnicodeWidthStr::width(l) > 100));
}

#[test]
fn the_rule_sets_own_figures_reach_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    common::copy_tree(&common::root().join("rules"), &rules);
    std::fs::write(
        rules.join("summary.rhai"),
        r#"fn summary(s) {
    let points = #{ "A": 4, "B": 3, "C": 1, "D": 0 };
    let score = 0;
    let full = 0;
    for i in s.items {
        if i.recorded == () { continue; }
        score += points[i.recorded];
        full += 4;
    }
    [#{ title: "評価得点と達成率", columns: ["評価得点", "満点", "達成率"],
        rows: [[score, full, as_percent(score.to_decimal() / full.to_decimal())]] }]
}
"#,
    )
    .unwrap();
    let out = stdout_of(
        &[
            "report",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "md",
        ],
        0,
    );
    // 17 A, 43 B, 11 C: 68 + 129 + 11 = 208 of 284.
    assert!(out.contains("評価得点と達成率"), "{out}");
    assert!(out.contains(" 208 |") && out.contains(" 284 |"), "{out}");
    assert!(out.contains("73.2%"), "{out}");
}

/// What only the planning section reads: the rules' side and the transcription's.
const INTERNAL_TEXT: [&str; 9] = [
    "備考",
    "原資料の不整合",
    "ルールによる提案評価",
    "sha256",
    "isehara-default",
    "種別",
    "効果額の算定式",
    "lower_better",
    "進捗管理シートがありません",
];

#[test]
fn the_published_report_holds_nothing_internal_and_words_the_ratings() {
    for format in ["md", "table", "html"] {
        let out = stdout_of(&["report", "--format", format], 0);
        for internal in INTERNAL_TEXT {
            assert!(!out.contains(internal), "{format}: {internal}");
        }
        // A sheet's rating as the document prints it.
        assert!(out.contains("A 計画を上回る"), "{format}");
    }
    let internal = stdout_of(&["report", "--internal", "--format", "md"], 0);
    for internal_text in ["備考", "原資料の不整合", "ルールによる提案評価", "sha256"]
    {
        assert!(internal.contains(internal_text), "{internal_text}");
    }
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn the_report_text_is_checked_with_file_and_line() {
    let sandbox = common::Sandbox::new();
    let (plan, rules) = (sandbox.plan(), sandbox.rules());
    let (plan, rules) = (plan.to_str().unwrap(), rules.to_str().unwrap());
    let report = |more: &[&'static str]| -> Vec<String> {
        ["report", plan, "--rules", rules, "--format", "md"]
            .iter()
            .chain(more)
            .map(|s| s.to_string())
            .collect()
    };
    // A placeholder with a misspelt name: an error naming the file and line, nothing written.
    sandbox.edit("plan/report/R5.md", "{year}においては", "{yaer}においては");
    let err = common::stderr_of(&strs(&report(&[])), 2);
    assert!(
        err.contains("report/R5.md:21: {yaer} は差し込む数値の名前ではありません"),
        "{err}"
    );
    let err = common::stderr_of(&strs(&report(&["--lang", "en"])), 2);
    assert!(
        err.contains("report/R5.md:21: {yaer} names no figure"),
        "{err}"
    );

    // check finds it too, at its line, before anyone makes the report.
    let (out, _) = common::run_on(&sandbox, &["check"], 1);
    assert!(
        out.contains("report/R5.md:21")
            && out.contains("{yaer} は差し込む数値の名前ではありません"),
        "{out}"
    );
    // And in an English text beside it, worded in the reader's language.
    sandbox.write(
        "plan/report/R5.en.md",
        "# overview\n\nIn {year}, {unknown}.\n",
    );
    let (out, _) = common::run_on(&sandbox, &["check", "--lang", "en"], 1);
    assert!(
        out.contains("report/R5.en.md:3") && out.contains("{unknown} names no figure"),
        "{out}"
    );
    std::fs::remove_file(sandbox.path("plan/report/R5.en.md")).unwrap();

    // A figure that cannot be computed for the year (R6 has no results yet): never a value
    // made up, an error naming the line.
    sandbox.write(
        "plan/report/R6.md",
        "# 総括\n\n達成割合は{achievement}です。\n",
    );
    let err = common::stderr_of(&strs(&report(&["--year", "R6"])), 2);
    assert!(
        err.contains("report/R6.md:3: {achievement} を計算できません"),
        "{err}"
    );
}

#[test]
fn a_year_still_coming_in_says_so_in_the_document() {
    let out = stdout_of(&["report", "--year", "R6", "--format", "md"], 0);
    let first: Vec<&str> = out.lines().take(3).collect();
    assert_eq!(
        first[0],
        "# 伊勢原市第6次行財政改革推進計画 令和6年度の取組結果（途中経過）"
    );
    assert!(
        first[2].contains("71項目中71項目はまだ実績がありません"),
        "{first:?}"
    );
    let en = stdout_of(
        &["report", "--year", "R6", "--format", "md", "--lang", "en"],
        0,
    );
    assert!(en.lines().next().unwrap().ends_with("(interim)"), "{en}");
}

#[test]
fn a_draft_is_written_from_the_data_never_over_a_file_and_marked() {
    let sandbox = common::Sandbox::new();
    let (plan, rules) = (sandbox.plan(), sandbox.rules());
    let (plan, rules) = (plan.to_str().unwrap(), rules.to_str().unwrap());
    let published = std::fs::read_to_string(sandbox.path("plan/report/R5.md")).unwrap();

    // The year has its text: the draft goes beside it.
    let out = stdout_of(&["report", plan, "--rules", rules, "--draft"], 0);
    assert!(out.contains("report/R5.draft.md"), "{out}");
    assert_eq!(
        std::fs::read_to_string(sandbox.path("plan/report/R5.md")).unwrap(),
        published
    );
    let draft = std::fs::read_to_string(sandbox.path("plan/report/R5.draft.md")).unwrap();
    assert!(draft.contains("draft = true"));
    // The overview states the figures as placeholders; the A-rated items' comments, per policy.
    assert!(draft.contains("{share:A+B}の{count:A+B}件") && draft.contains("上回る{actual_words}"));
    assert!(draft.contains("## 3 スマート市役所への転換\n\n<!-- 3(6)④行政手続きのオンライン化の拡大 (評価 A) の取組実績から -->\n- オンライン手続きの拡大を進めた結果"));
    // A third file is never made, nor either overwritten.
    let err = common::stderr_of(&["report", plan, "--rules", rules, "--draft"], 2);
    assert!(
        err.contains("R5.md") && err.contains("R5.draft.md"),
        "{err}"
    );

    // Without a text, the draft is the year's text, and the report says it is a draft.
    std::fs::remove_file(sandbox.path("plan/report/R5.md")).unwrap();
    std::fs::remove_file(sandbox.path("plan/report/R5.draft.md")).unwrap();
    stdout_of(&["report", plan, "--rules", rules, "--draft"], 0);
    let report = stdout_of(&["report", plan, "--rules", rules, "--format", "md"], 0);
    let first = report.lines().next().unwrap();
    assert_eq!(
        first,
        "# 【下書き】伊勢原市第6次行財政改革推進計画 令和5年度の取組結果"
    );
    assert!(
        report.contains("71件の取組項目のうち、8割程度の60件が"),
        "{report}"
    );
    assert!(report.contains("上回る8億円弱の実績効果額"), "{report}");
    assert!(report.contains("### 3 スマート市役所への転換\n\n- オンライン手続きの拡大を進めた結果"));
}

#[test]
fn in_english_the_citys_japanese_text_keeps_its_japanese_figures() {
    let en = stdout_of(&["report", "--lang", "en", "--format", "md"], 0);
    assert!(
        en.contains("## 2 Results of FY2023 (R5) (overview)"),
        "{en}"
    );
    assert!(
        en.contains("令和5年度においては、計画に位置付けた71件の取組項目のうち、8割程度の60件が")
    );
    assert!(en.contains("上回る8億円弱の実績効果額"));
    assert!(!en.contains("about 80%の") && !en.contains("FY2023 (R5)においては"));
    assert!(en.contains("797,733 thousand yen"), "{en}");
}

#[test]
fn the_overall_rating_row_fills_once_recorded() {
    let sandbox = common::Sandbox::new();
    let (plan, rules) = (sandbox.plan(), sandbox.rules());
    let (plan, rules) = (plan.to_str().unwrap(), rules.to_str().unwrap());
    let row = |html: &str| {
        let at = html.find("<h2>5(8)③ 地方創生応援税制").unwrap();
        let from = at + html[at..].find(">全期間総合評価</th>").unwrap();
        html[from..from + html[from..].find("</tr>").unwrap()].to_string()
    };
    let html = stdout_of(&["report", plan, "--rules", rules, "--format", "html"], 0);
    // Empty until the final year's overall rating is recorded.
    assert!(
        row(&html).ends_with("colspan=\"5\"></td>"),
        "{}",
        row(&html)
    );
    sandbox.edit(
        "plan/items/5-8-3.toml",
        "sheet = true\n",
        "sheet = true\noverall_rating = \"A\"\n",
    );
    let html = stdout_of(&["report", plan, "--rules", rules, "--format", "html"], 0);
    assert!(
        row(&html).contains("<td class=\"rating\" colspan=\"5\">A 計画を上回る</td>"),
        "{}",
        row(&html)
    );
}
