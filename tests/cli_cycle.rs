//! The year's cycle: the default year is the latest complete one, a partial year says how many
//! items have not reported, and workbooks go out (`template`) and come back (`import`).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{run_on, stdout_of, Sandbox};

/// A sandbox where one item (5-8-3) has reported for R6 and the other 70 have not.
fn one_r6_actual() -> Sandbox {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-3.toml",
        "[years.R6]\nplan = \"↓\"\ntarget = \"30,800\"\nexpected_effect = \"10,000\"\n",
        "[years.R6]\nplan = \"↓\"\ntarget = \"30,800\"\nexpected_effect = \"10,000\"\nactual = \"31,000\"\nactual_effect = \"5,100\"\nrating = \"A\"\n",
    );
    sb
}

#[test]
fn one_partial_year_does_not_switch_the_default_year() {
    let sb = one_r6_actual();
    let (out, _) = run_on(&sb, &["summary"], 0);
    assert!(
        out.starts_with("伊勢原市第6次行財政改革推進計画 令和5年度"),
        "{out}"
    );
    assert!(!out.contains("実績がありません"), "{out}");
    // The bundled plan's R5 is complete: no notice either.
    assert!(!stdout_of(&["summary"], 0).contains("実績がありません"));
}

#[test]
fn a_partial_year_asked_for_says_how_many_items_have_not_reported() {
    let sb = one_r6_actual();
    let (out, _) = run_on(&sb, &["summary", "--year", "R6"], 0);
    assert!(
        out.starts_with("令和6年度: 71項目中70項目はまだ実績がありません"),
        "{out}"
    );
    let (out, _) = run_on(&sb, &["evaluate", "--year", "R6", "--lang", "en"], 0);
    assert!(
        out.starts_with("R6: 70 of 71 items have no results yet"),
        "{out}"
    );
    // Machine-readable output stays clean; the notice goes to standard error.
    let (out, err) = run_on(&sb, &["list", "--year", "R6", "--format", "csv"], 0);
    assert!(!out.contains("実績がありません"), "{out}");
    assert!(err.contains("71項目中70項目"), "{err}");
    let (_, err) = run_on(&sb, &["agreement", "--year", "R6", "--format", "json"], 0);
    assert!(err.contains("71項目中70項目"), "{err}");
}

#[test]
fn without_a_complete_year_the_year_must_be_named() {
    let sb = Sandbox::new();
    // Take R5's results out of one item: no year is complete any more.
    sb.edit("plan/items/5-8-3.toml", "actual = \"25,900\"\n", "");
    sb.edit(
        "plan/items/5-8-3.toml",
        "actual_effect = \"15,100\"\nrating = \"A\"\n",
        "",
    );
    let (_, err) = run_on(&sb, &["summary"], 2);
    assert!(err.contains("実績がそろった年度がありません"), "{err}");
    let (_, err) = run_on(&sb, &["summary", "--lang", "en"], 2);
    assert!(
        err.contains("no year's results are complete; the latest with results is R5, where 1 of 71 items have no results yet: pass --year R5"),
        "{err}"
    );
    let (out, _) = run_on(&sb, &["summary", "--year", "R5"], 0);
    assert!(
        out.starts_with("令和5年度: 71項目中1項目はまだ実績がありません"),
        "{out}"
    );
}

/// The XML of one part of an xlsx file.
fn part(xlsx: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_template_locks_the_plan_and_offers_the_rating_scale() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kikaku.xlsx");
    let out = stdout_of(
        &[
            "template",
            "--year",
            "R6",
            "--department",
            "企画部",
            "--item-sheets",
            "--output",
            file.to_str().unwrap(),
        ],
        0,
    );
    assert!(out.contains("kikaku.xlsx"), "{out}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "実績入力");
    // One 進捗管理シート per item of the department.
    assert!(names.contains(&"5-8-3".to_string()), "{names:?}");
    let sheet = book.worksheet_range("実績入力").unwrap();
    let at = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(at(1, 1), Data::String("isehara-6".into()));
    assert_eq!(at(1, 3), Data::String("R6".into()));
    assert_eq!(at(1, 5), Data::String("企画部".into()));
    let headings: Vec<String> = (0..13).map(|c| at(3, c).to_string()).collect();
    assert_eq!(
        headings,
        [
            "番号",
            "実施項目名",
            "取組主管所属",
            "指標",
            "単位",
            "年次計画",
            "目標値",
            "効果見込額(千円)",
            "前年度実績値",
            "実績値",
            "実績効果額(千円)",
            "評価",
            "取組実績"
        ]
    );
    // 5-8-3's row: figures as numbers, "-" and words as the document prints them.
    let row = (4..40)
        .find(|r| at(*r, 0) == Data::String("5-8-3".into()))
        .unwrap();
    assert_eq!(at(row, 6), Data::Float(30800.0));
    assert_eq!(at(row, 7), Data::Float(10000.0));
    assert_eq!(at(row, 8), Data::Float(25900.0));
    assert_eq!(at(row, 9), Data::Empty);
    // Every item of 企画部 that has an R6 row, none of another department.
    let ids: Vec<String> = (4..80)
        .map(|r| at(r, 0).to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let plan = gyokaku::model::load_plan(common::root().join("plans/isehara-6")).unwrap();
    let expected: Vec<String> = plan
        .items
        .iter()
        .filter(|i| i.department.as_deref() == Some("企画部"))
        .map(|i| i.id.to_string())
        .collect();
    assert_eq!(ids, expected);

    let xml = part(&file, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection"), "the sheet is protected");
    assert!(
        xml.contains(r#"<dataValidation type="list""#)
            && xml.contains("<formula1>\"A,B,C,D\"</formula1>"),
        "the rating drop-down offers the plan's scale"
    );
    // Entry cells are unlocked; the styles have exactly the locked/unlocked split.
    let styles = part(&file, "xl/styles.xml");
    assert!(styles.contains(r#"<protection locked="0"/>"#), "{styles}");
}

/// The 進捗管理シート show the entry sheet's cells by formula; the result stored with each
/// formula is what a program that does not recalculate on opening (LibreOffice) shows: blank,
/// as the entry cells are, never a false 0 (`scripts/open-workbook.sh` checks it in LibreOffice).
#[test]
fn the_item_sheets_store_blank_results_until_something_is_entered() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kikaku.xlsx");
    let args = [
        "template",
        "--year",
        "R6",
        "--department",
        "企画部",
        "--item-sheets",
    ];
    let mut args = args.to_vec();
    args.extend(["--output", file.to_str().unwrap()]);
    stdout_of(&args, 0);
    let xml = part(&file, "xl/worksheets/sheet2.xml");
    let formulas: Vec<&str> = xml.split("<c ").filter(|c| c.contains("<f>")).collect();
    // 実績値, 実績効果額, 評価 and 取組実績 of the year.
    assert_eq!(formulas.len(), 4, "{xml}");
    for cell in formulas {
        assert!(
            cell.contains(r#" t="str"><f>"#) && cell.contains("</f><v></v></c>"),
            "a formula's stored result is blank text: {cell}"
        );
    }
}

#[test]
fn one_workbook_per_department() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        &[
            "template",
            "--year",
            "R6",
            "--by-department",
            dir.path().to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(out.lines().count(), 10, "{out}");
    assert!(dir.path().join("R6_企画部.xlsx").is_file());
    assert!(dir.path().join("R6_消防本部.xlsx").is_file());
}

#[test]
fn an_unknown_department_is_refused_with_the_plan_s_departments() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.xlsx");
    let err = common::stderr_of(
        &[
            "template",
            "--year",
            "R6",
            "--department",
            "企画課",
            "--output",
            file.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        err.contains("部局「企画課」の実施項目は計画にありません。計画の部局: 企画部、総務部"),
        "{err}"
    );
    assert!(!file.exists());
}

#[test]
fn check_questions_implausible_values() {
    let sb = Sandbox::new();
    // 46,313 typed as 46.313: a point for a thousands separator, and far below the target.
    sb.edit(
        "plan/items/3-6-4.toml",
        "actual = \"46,313\"",
        "actual = \"46.313\"",
    );
    // The rules suggest A for 1-2-1 (110%); a recorded C is two grades away.
    sb.edit("plan/items/1-2-1.toml", "rating = \"A\"", "rating = \"C\"");
    let (out, _) = run_on(&sb, &["check"], 1);
    assert!(
        out.contains(
            "実績値 46.313 に小数点がありますが、この指標 (申請数/年) のほかの数値はすべて整数です"
        ),
        "{out}"
    );
    assert!(
        out.contains("記録された評価 C は、ルールの提案 A から 2 段階離れています"),
        "{out}"
    );
    let (out, _) = run_on(&sb, &["check", "--lang", "en"], 1);
    assert!(out.contains("items/3-6-4.toml:"), "{out}");
    assert!(
        out.contains("the actual 46.313 has a decimal point, but every other figure of the indicator (申請数/年) is a whole number"),
        "{out}"
    );
    assert!(
        out.contains("the actual 46.313 is more than 10 times off its target 18,500"),
        "{out}"
    );
    assert!(
        out.contains("the recorded rating C is 2 grades from the suggested A"),
        "{out}"
    );
}

#[test]
fn a_recorded_discrepancy_holds_only_while_its_value_is_printed() {
    // The bundled plan records 5-8-12's 162,974 as the published figure: check is clean.
    stdout_of(&["check"], 0);
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-12.toml",
        "actual = \"162,974\"",
        "actual = \"169,274\"",
    );
    let (out, _) = run_on(&sb, &["check"], 1);
    assert!(
        out.contains("(記録された不整合 162,974 はもう当てはまりません: 現在の値は 169,274)"),
        "{out}"
    );
    let (out, _) = run_on(&sb, &["check", "--lang", "en"], 1);
    assert!(
        out.contains("the actual 169,274 is more than 10 times off its target 16,000: a typing error? (the discrepancy recorded for 162,974 no longer applies: the field now prints 169,274)"),
        "{out}"
    );
}

#[test]
fn status_shows_who_has_reported_and_what_looks_wrong() {
    let sb = one_r6_actual();
    // 情報政策課 reports 3-6-4 with a point for the thousands separator.
    sb.edit(
        "plan/items/3-6-4.toml",
        "[years.R6]\n",
        "[years.R6]\nactual = \"46.313\"\nactual_effect = \"-\"\nrating = \"A\"\n",
    );
    let (out, _) = run_on(&sb, &["status", "--year", "R6"], 1);
    insta::assert_snapshot!("status_r6_partial", out);
    assert!(
        out.contains("令和6年度: 71項目中69項目はまだ実績がありません"),
        "{out}"
    );
    let (out, _) = run_on(
        &sb,
        &["status", "--year", "R6", "--lang", "en", "--format", "json"],
        1,
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["without_results"].as_array().unwrap().len(), 69);
    let kinds: Vec<&str> = json["questioned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["value"]["what"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "far_from_target",
            "far_from_previous",
            "decimal_in_whole_numbers",
            "rating_far_from_suggestion"
        ]
    );
    assert_eq!(json["questioned"][0]["item"], "3-6-4");
    // The bundled plan's R5: everything in, nothing questioned (5-8-12's 162,974 is recorded as
    // the published figure).
    let out = stdout_of(&["status"], 0);
    assert!(out.contains("全71項目の実績がそろっています。"), "{out}");
    assert!(out.contains("疑わしい値はありません。"), "{out}");
}
