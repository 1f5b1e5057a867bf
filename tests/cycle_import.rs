//! The year's cycle end to end: a template goes out, a department fills it in, `import` takes it
//! back. Workbooks are filled here the way a department's spreadsheet program saves them: every
//! cell of the template copied, the entry cells typed in (numbers as numbers where the document
//! prints a plain figure, text otherwise).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use gyokaku::cycle::layout::{Column, ENTRY_SHEET, FIRST_ITEM_ROW};
use gyokaku::model::{load_plan, FiscalYear, ItemId};

use common::{output_of as run, root, stdout_of, Sandbox};

/// What a department types into one entry cell.
#[derive(Debug, Clone)]
enum Typed {
    Number(f64),
    Text(String),
}

/// A value as a department would type it: a plain figure as a number, anything else as text.
fn typed(text: &str) -> Typed {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    match plain.parse::<f64>() {
        Ok(n) if gyokaku::number::format_number(plain.parse().unwrap()) == text => Typed::Number(n),
        _ => Typed::Text(text.to_string()),
    }
}

/// Copies the template's entry sheet into a new workbook at `out`, typing `entries` (by item
/// and column) into the entry cells.
fn fill(template: &Path, out: &Path, entries: &BTreeMap<(ItemId, Column), Typed>) {
    let mut book: Xlsx<_> = calamine::open_workbook(template).unwrap();
    let range = book.worksheet_range(ENTRY_SHEET).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(ENTRY_SHEET).unwrap();
    for (row, col, data) in range.used_cells() {
        let (row, col) = (row as u32, col as u16);
        match data {
            Data::String(s) => {
                sheet.write_string(row, col, s).unwrap();
            }
            Data::Float(f) => {
                sheet.write_number(row, col, *f).unwrap();
            }
            Data::Int(i) => {
                sheet.write_number(row, col, *i as f64).unwrap();
            }
            _ => {}
        }
    }
    let id_col = u32::from(Column::Id.index());
    let last = range.end().unwrap().0;
    for row in FIRST_ITEM_ROW..=last {
        let Some(Data::String(id)) = range.get_value((row, id_col)) else {
            continue;
        };
        let id: ItemId = id.parse().unwrap();
        for column in Column::ALL {
            match entries.get(&(id, column)) {
                Some(Typed::Number(n)) => {
                    sheet.write_number(row, column.index(), *n).unwrap();
                }
                Some(Typed::Text(t)) => {
                    sheet.write_string(row, column.index(), t).unwrap();
                }
                None => {}
            }
        }
    }
    workbook.save(out).unwrap();
}

/// The R5 results of the bundled plan, as a department would type them.
fn r5_results() -> BTreeMap<(ItemId, Column), Typed> {
    let plan = load_plan(root().join("plans/isehara-6")).unwrap();
    let mut entries = BTreeMap::new();
    for item in &plan.items {
        let Some(e) = item.year(FiscalYear::reiwa(5)) else {
            continue;
        };
        let mut put = |column, text: Option<&str>, as_number: bool| {
            if let Some(t) = text {
                let value = if as_number {
                    typed(t)
                } else {
                    Typed::Text(t.to_string())
                };
                entries.insert((item.id, column), value);
            }
        };
        put(
            Column::Actual,
            e.actual.as_ref().map(|c| c.text.as_str()),
            true,
        );
        put(
            Column::ActualEffect,
            e.actual_effect.as_ref().map(|c| c.text.as_str()),
            true,
        );
        put(Column::Rating, e.rating.as_deref(), false);
        put(Column::Comment, e.comment.as_deref(), false);
    }
    entries
}

/// Removes the R5 results from every item file of the sandbox's plan: the state before the
/// departments report, and so before R5 was published (its plan.toml no longer declares R5
/// closed). A printed 〔小計〕実績効果額 goes back to "-" (no results yet).
fn remove_r5_results(sb: &Sandbox) {
    reopen_r5(sb);
    for path in item_files(&sb.plan()) {
        let text = fs::read_to_string(&path).unwrap();
        let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
        if let Some(r5) = doc
            .get_mut("years")
            .and_then(|y| y.get_mut("R5"))
            .and_then(|t| t.as_table_mut())
        {
            for key in ["actual", "actual_effect", "rating", "comment"] {
                r5.remove(key);
            }
        }
        if let Some(st) = doc.get_mut("subtotals").and_then(|t| t.as_table_mut()) {
            if st.contains_key("actual_effect") {
                st.insert("actual_effect", toml_edit::value("-"));
            }
        }
        fs::write(&path, doc.to_string()).unwrap();
    }
}

/// The sandbox's plan.toml without its declaration that R5 is published.
fn reopen_r5(sb: &Sandbox) {
    let path = sb.plan().join("plan.toml");
    let text = fs::read_to_string(&path).unwrap();
    let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
    assert!(
        doc.remove("closed").is_some(),
        "the plan declares R5 closed"
    );
    fs::write(path, doc.to_string()).unwrap();
}

fn item_files(plan: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(plan.join("items"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Every file of the plan's items folder by name, with its content.
fn snapshot(plan: &Path) -> BTreeMap<String, String> {
    item_files(plan)
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// `gyokaku template plans/isehara-6 --year R5 [EXTRA…] --output FILE`.
fn template(file: &Path, extra: &[&str]) {
    let mut args = vec!["template", "plans/isehara-6", "--year", "R5"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--output", path(file)]);
    run(&args, 0);
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `gyokaku import BOOK --plan PLAN EXTRA…`, expecting `code`: (stdout, stderr).
fn import(book: &Path, plan: &Path, extra: &[&str], code: i32) -> (String, String) {
    let mut args = vec!["import", path(book), "--plan", path(plan)];
    args.extend_from_slice(extra);
    run(&args, code)
}

/// The bundled plan's R5 template, filled with exactly its R5 results.
fn filled_r5(dir: &Path) -> PathBuf {
    let blank = dir.join("r5-template.xlsx");
    template(&blank, &[]);
    let filled = dir.join("r5-returned.xlsx");
    fill(&blank, &filled, &r5_results());
    filled
}

#[test]
fn round_trip_reproduces_the_item_files_and_the_summary() {
    let sb = Sandbox::new();
    let original = snapshot(&root().join("plans/isehara-6"));
    remove_r5_results(&sb);
    assert_ne!(snapshot(&sb.plan()), original);
    let filled = filled_r5(sb.plan().parent().unwrap());

    let (out, _) = run(&["import", path(&filled), "--plan", path(&sb.plan())], 0);
    assert!(
        out.contains("1ブックを取込み: 71項目を更新、0項目は変更なし"),
        "{out}"
    );

    let imported = snapshot(&sb.plan());
    for (name, text) in &original {
        assert_eq!(&imported[name], text, "{name} differs after the round trip");
    }
    let bundled = stdout_of(&["summary", "--year", "R5"], 0);
    let (sandbox, _) = run(
        &[
            "summary",
            path(&sb.plan()),
            "--rules",
            "rules",
            "--year",
            "R5",
        ],
        0,
    );
    assert_eq!(sandbox, bundled);

    // Importing the same workbook again changes nothing.
    let (out, _) = run(&["import", path(&filled), "--plan", path(&sb.plan())], 0);
    assert!(out.contains("0項目を更新、71項目は変更なし"), "{out}");
    assert_eq!(snapshot(&sb.plan()), imported);
}

#[test]
fn dry_run_prints_the_changes_item_by_item_and_writes_nothing() {
    let sb = Sandbox::new();
    remove_r5_results(&sb);
    let before = snapshot(&sb.plan());
    let filled = filled_r5(sb.plan().parent().unwrap());
    let (out, _) = run(
        &[
            "import",
            path(&filled),
            "--plan",
            path(&sb.plan()),
            "--dry-run",
            "--lang",
            "en",
        ],
        0,
    );
    assert_eq!(snapshot(&sb.plan()), before);
    assert!(
        out.contains("5-8-3 地方創生応援税制(企業版ふるさと納税)の推進 ("),
        "{out}"
    );
    assert!(
        out.contains("  R5 actual: (blank) → 25,900  [")
            && out.contains("r5-returned.xlsx!実績入力!J"),
        "{out}"
    );
    assert!(
        out.contains("  subtotal of actual effects: - → 15,100  [sum of the years]"),
        "{out}"
    );
    assert!(
        out.ends_with("1 workbook(s) checked: 71 item(s) would change, 0 unchanged (--dry-run: nothing written)\n"),
        "{out}"
    );
}

#[test]
fn an_invalid_cell_is_named_and_nothing_is_written() {
    let sb = Sandbox::new();
    remove_r5_results(&sb);
    let before = snapshot(&sb.plan());
    let dir = sb.plan().parent().unwrap().to_path_buf();
    let blank = dir.join("t.xlsx");
    template(&blank, &[]);
    let mut entries = r5_results();
    let id: ItemId = "3-6-4".parse().unwrap();
    entries.insert((id, Column::Actual), Typed::Text("46,31".into()));
    entries.insert(
        ("1-1-1".parse().unwrap(), Column::Rating),
        Typed::Text("E".into()),
    );
    // 1-1-2 counts 件: an actual in 人 is refused at its cell.
    entries.insert(
        ("1-1-2".parse().unwrap(), Column::Actual),
        Typed::Text("2人".into()),
    );
    let filled = dir.join("book.xlsx");
    fill(&blank, &filled, &entries);
    // A second, valid workbook in the same run is not written either.
    let second = dir.join("second.xlsx");
    fill(&blank, &second, &r5_results());
    let (_, err) = run(
        &[
            "import",
            path(&second),
            path(&filled),
            "--plan",
            path(&sb.plan()),
        ],
        2,
    );
    assert_eq!(snapshot(&sb.plan()), before);
    // The rows are in item order: 1-1-1 is the first item row (5), 3-6-4 further down.
    assert!(
        err.contains("book.xlsx!実績入力!L5: 1-1-1 業務の分析・改善及びBPRの実施: 評価 \"E\" は評価の区分(A、B、C、D)にありません"),
        "{err}"
    );
    assert!(
        err.contains("!実績入力!J")
            && err.contains(": 3-6-4 ")
            && err.contains("実績値 \"46,31\" を読めません"),
        "{err}"
    );
    assert!(
        err.contains("book.xlsx!実績入力!J6: 1-1-2 客観的データに基づくPDCAサイクルとEBPMの推進: 実績値 \"2人\" の単位が指標の単位と違います"),
        "{err}"
    );
    assert!(
        err.contains("3件の誤りがあるため、何も書き込んでいません"),
        "{err}"
    );
    let (_, err) = run(
        &[
            "import",
            path(&filled),
            "--plan",
            path(&sb.plan()),
            "--lang",
            "en",
        ],
        2,
    );
    assert!(
        err.contains("book.xlsx!実績入力!L5: item 1-1-1 (業務の分析・改善及びBPRの実施): the rating \"E\" is not on the plan's scale (A, B, C, D)"),
        "{err}"
    );
    assert!(err.contains("3 error(s): nothing was written"), "{err}");
}

#[test]
fn a_crash_between_files_leaves_each_file_old_or_new() {
    let sb = Sandbox::new();
    remove_r5_results(&sb);
    let before = snapshot(&sb.plan());
    let filled = filled_r5(sb.plan().parent().unwrap());
    let mut renamed = 0;
    let result = gyokaku::cycle::import_workbooks(
        &sb.plan(),
        std::slice::from_ref(&filled),
        None,
        None,
        false,
        &mut |_| {
            renamed += 1;
            if renamed == 10 {
                Err(std::io::Error::other("killed"))
            } else {
                Ok(())
            }
        },
    );
    let err = result.unwrap_err();
    assert!(
        err.to_string()
            .contains("9ファイルは更新済み、残りは元のまま"),
        "{err}"
    );
    let after = snapshot(&sb.plan());
    let bundled = snapshot(&root().join("plans/isehara-6"));
    assert_eq!(after.len(), before.len(), "no temporary file is left");
    let new = after.iter().filter(|(n, t)| **t == bundled[*n]).count();
    let old = after.iter().filter(|(n, t)| **t == before[*n]).count();
    assert_eq!((new, old), (9, 62));
    // The plan still loads, and importing again finishes the job.
    load_plan(sb.plan()).unwrap();
    run(&["import", path(&filled), "--plan", path(&sb.plan())], 0);
    assert_eq!(snapshot(&sb.plan()), bundled);
}

#[test]
fn a_partial_department_return_changes_only_what_was_filled_in() {
    let sb = Sandbox::new();
    remove_r5_results(&sb);
    let before = snapshot(&sb.plan());
    let dir = sb.plan().parent().unwrap().to_path_buf();
    let blank = dir.join("kikaku.xlsx");
    template(&blank, &["--department", "企画部"]);
    // 企画部 reports two items; the rest of its rows stay blank.
    let reported: Vec<ItemId> = ["5-8-3", "1-2-1"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let entries: BTreeMap<_, _> = r5_results()
        .into_iter()
        .filter(|((id, _), _)| reported.contains(id))
        .collect();
    let filled = dir.join("kikaku-returned.xlsx");
    fill(&blank, &filled, &entries);
    let (out, _) = run(&["import", path(&filled), "--plan", path(&sb.plan())], 0);
    assert!(out.contains("2項目を更新"), "{out}");
    let after = snapshot(&sb.plan());
    let bundled = snapshot(&root().join("plans/isehara-6"));
    for (name, text) in &after {
        if name == "5-8-3.toml" || name == "1-2-1.toml" {
            assert_eq!(text, &bundled[name], "{name}");
        } else {
            assert_eq!(text, &before[name], "{name} must not change");
        }
    }
    // The plan says how far the year's reports are.
    let (out, _) = run(
        &[
            "summary",
            path(&sb.plan()),
            "--rules",
            "rules",
            "--year",
            "R5",
        ],
        0,
    );
    assert!(
        out.starts_with("令和5年度: 71項目中69項目はまだ実績がありません"),
        "{out}"
    );
}

/// The plan itself through the plan sheet: the bundled plan exported (`template --plan-sheet
/// --from`), taken into an empty folder (`import --plan-sheet`), its R5 results then taken in
/// through the year's own template and import; `list`, `summary` and `evaluate` for R5 print
/// what they print for the bundled plan, and taking the plan sheet in again changes nothing.
#[test]
fn the_plan_sheet_round_trip_reproduces_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("plan-sheet.xlsx");
    let (_, left_out) = run(
        &[
            "template",
            "--plan-sheet",
            "--from",
            "plans/isehara-6",
            "--output",
            path(&book),
        ],
        0,
    );
    // What the sheet cannot carry is said, item by item, not dropped silently.
    for what in [
        "(notes)",
        "(discrepancies)",
        "(years.*.policy)",
        "実績",
        "〔小計〕実績効果額",
    ] {
        assert!(left_out.contains(what), "{what}: {left_out}");
    }
    let plan = dir.path().join("isehara-6");
    let rules = root().join("rules");
    let take_in = |dry_run: bool| {
        let mut args = vec![
            "import",
            "--plan-sheet",
            path(&book),
            "--plan",
            path(&plan),
            "--rules",
            path(&rules),
        ];
        if dry_run {
            args.push("--dry-run");
        }
        run(&args, 0).0
    };
    assert!(take_in(true)
        .ends_with("新規71項目、更新0項目、変更なし0項目 (--dry-run のため書き込んでいません)\n"));
    assert!(!plan.exists(), "--dry-run wrote nothing");
    let out = take_in(false);
    assert!(
        out.starts_with(&format!("{}: 作成\n", plan.join("plan.toml").display())),
        "{out}"
    );
    assert!(
        out.ends_with("新規71項目、更新0項目、変更なし0項目\n"),
        "{out}"
    );
    let files = snapshot(&plan);
    assert_eq!(
        take_in(false),
        "計画入力シートを取込み: 新規0項目、更新0項目、変更なし71項目\n"
    );
    assert_eq!(snapshot(&plan), files, "taking it in again changes nothing");
    // check finds only what the bundled plan records as the document's own discrepancies,
    // which the sheet does not carry (and said so).
    let (found, _) = run(&["check", path(&plan)], 1);
    let recorded = left_out
        .lines()
        .find(|l| l.contains("(discrepancies)"))
        .unwrap();
    for line in found.lines().filter(|l| l.starts_with("- ")) {
        let id = line
            .split("/items/")
            .nth(1)
            .unwrap()
            .split(".toml")
            .next()
            .unwrap();
        assert!(recorded.contains(id), "{line}");
    }

    // The year's results, through the year's own workbook.
    let blank = dir.path().join("r5.xlsx");
    run(
        &[
            "template",
            path(&plan),
            "--year",
            "R5",
            "--output",
            path(&blank),
        ],
        0,
    );
    let filled = dir.path().join("r5-returned.xlsx");
    fill(&blank, &filled, &r5_results());
    run(&["import", path(&filled), "--plan", path(&plan)], 0);

    // The rule set named alike for both: the report's last line names its folder.
    for command in ["list", "summary", "evaluate"] {
        let args = ["--year", "R5", "--rules", "rules"];
        let bundled = stdout_of(&[&[command, "plans/isehara-6"], &args[..]].concat(), 0);
        let through_the_sheet = stdout_of(&[&[command, path(&plan)], &args[..]].concat(), 0);
        assert_eq!(through_the_sheet, bundled, "{command}");
    }
}

/// A plan's own sheet taken back into it changes nothing (values compare as values, texts as
/// texts, and what the sheet does not carry is left alone); a row changed changes only its
/// fields, comments kept; a row taken out of the sheet leaves its item as it is.
#[test]
fn the_plan_sheet_taken_back_into_its_plan_changes_only_what_was_changed() {
    let sb = Sandbox::new();
    let book = sb.path("plan-sheet.xlsx");
    let (plan, rules) = (sb.plan(), sb.rules());
    run(
        &[
            "template",
            path(&plan),
            "--plan-sheet",
            "--rules",
            path(&rules),
            "--output",
            path(&book),
        ],
        0,
    );
    let before = snapshot(&plan);
    let take_in = |book: &Path| {
        let args = [
            "import",
            "--plan-sheet",
            path(book),
            "--plan",
            path(&plan),
            "--rules",
            path(&rules),
        ];
        run(&args, 0).0
    };
    assert_eq!(
        take_in(&book),
        "計画入力シートを取込み: 新規0項目、更新0項目、変更なし71項目\n"
    );
    assert_eq!(snapshot(&plan), before);

    // 5-8-3's R7 target changed, 1-1-1's row taken out.
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let loaded = load_plan(&plan).unwrap();
    let layout = gyokaku::setup::layout::Layout::new(&loaded.years, loaded.report_unit);
    let target_r7 = layout.index(gyokaku::setup::layout::Column::Target(2));
    for name in [
        gyokaku::setup::layout::PLAN_SHEET,
        gyokaku::setup::layout::INFO_SHEET,
    ] {
        let range = xlsx.worksheet_range(name).unwrap();
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).unwrap();
        let first = gyokaku::setup::layout::FIRST_ITEM_ROW;
        for (row, col, data) in range.used_cells() {
            let Data::String(s) = data else { continue };
            let (row, col) = (row as u32, col as u16);
            // Rows after the first move up one: the first item's row is gone.
            let row = match name {
                gyokaku::setup::layout::PLAN_SHEET if row == first => continue,
                gyokaku::setup::layout::PLAN_SHEET if row > first => row - 1,
                _ => row,
            };
            sheet.write_string(row, col, s).unwrap();
        }
        if name == gyokaku::setup::layout::PLAN_SHEET {
            let title = loaded.item("5-8-3".parse().unwrap()).unwrap().title.clone();
            let title_col = u32::from(layout.index(gyokaku::setup::layout::Column::Title));
            let last = range.end().unwrap().0;
            let row = (first..=last)
                .find(|r| range.get_value((*r, title_col)) == Some(&Data::String(title.clone())))
                .unwrap();
            sheet.write_string(row - 1, target_r7, "23,000").unwrap();
        }
    }
    let changed = sb.path("changed.xlsx");
    workbook.save(&changed).unwrap();
    let out = take_in(&changed);
    assert!(
        out.contains("5-8-3 地方創生応援税制(企業版ふるさと納税)の推進: 更新 (目標値 令和7年度)"),
        "{out}"
    );
    assert!(
        out.contains("シートにない実施項目 (そのまま残します): 1-1-1"),
        "{out}"
    );
    assert!(
        out.ends_with("新規0項目、更新1項目、変更なし69項目\n"),
        "{out}"
    );
    let after = snapshot(&plan);
    for (file, text) in &before {
        if file == "5-8-3.toml" {
            let expected = text.replacen("target = \"—\"", "target = \"23,000\"", 1);
            assert_ne!(&expected, text);
            assert_eq!(after[file], expected);
        } else {
            assert_eq!(&after[file], text, "{file}");
        }
    }
}

/// Words where the indicator counts: 1-1-1 counts 件 and 5-8-8 台, so "集計中" and "三十五台"
/// are refused at their cells and nothing is written; once the plan declares 集計中, it is
/// taken in as no figure, and status does not count the item as reported.
#[test]
fn a_word_where_the_indicator_counts_is_refused_unless_the_plan_allows_it() {
    let sb = Sandbox::new();
    let before = snapshot(&sb.plan());
    let dir = sb.plan().parent().unwrap().to_path_buf();
    let blank = dir.join("r6.xlsx");
    run(
        &[
            "template",
            "plans/isehara-6",
            "--year",
            "R6",
            "--output",
            path(&blank),
        ],
        0,
    );
    let id = |s: &str| -> ItemId { s.parse().unwrap() };
    let mut entries = BTreeMap::new();
    entries.insert((id("1-1-1"), Column::Actual), Typed::Text("集計中".into()));
    entries.insert(
        (id("5-8-8"), Column::Actual),
        Typed::Text("三十五台".into()),
    );
    // A minus written with a hyphen (U+2010) is the minus it means.
    entries.insert((id("1-3-1"), Column::Actual), Typed::Text("‐5".into()));
    let filled = dir.join("R6_returned.xlsx");
    fill(&blank, &filled, &entries);
    let (_, err) = import(&filled, &sb.plan(), &[], 2);
    assert_eq!(snapshot(&sb.plan()), before);
    assert!(
        err.contains("R6_returned.xlsx!実績入力!J5: 1-1-1 業務の分析・改善及びBPRの実施: \"集計中\" は数値ではありません。この指標 (単位 件) は数値で測るので"),
        "{err}"
    );
    assert!(
        err.contains(": 5-8-8 ") && err.contains("\"三十五台\" は数値ではありません"),
        "{err}"
    );
    assert!(!err.contains("1-3-1"), "{err}");
    assert!(
        err.contains("2件の誤りがあるため、何も書き込んでいません"),
        "{err}"
    );
    let (_, err) = import(&filled, &sb.plan(), &["--lang", "en"], 2);
    assert!(
        err.contains("\"集計中\" is not a figure: this indicator (unit 件) is measured in figures"),
        "{err}"
    );

    // The plan allows 集計中: 1-1-1 takes it in, as no figure.
    sb.edit(
        "plan/plan.toml",
        "years = [",
        "indicator_words = [\"集計中\"]\nyears = [",
    );
    entries.remove(&(id("5-8-8"), Column::Actual));
    fill(&blank, &filled, &entries);
    import(&filled, &sb.plan(), &[], 0);
    let text = fs::read_to_string(sb.plan().join("items/1-1-1.toml")).unwrap();
    assert!(text.contains("actual = \"集計中\""), "{text}");
    let (out, _) = run(
        &[
            "status",
            path(&sb.plan()),
            "--year",
            "R6",
            "--rules",
            "rules",
        ],
        1,
    );
    let line = out.lines().find(|l| l.contains("経営企画課")).unwrap();
    assert!(line.contains("1-1-1"), "1-1-1 has not reported: {line}");
    // 1-3-1 reported −5, read as a figure.
    assert!(!line.contains("1-3-1"), "{line}");
    let text = fs::read_to_string(sb.plan().join("items/1-3-1.toml")).unwrap();
    assert!(text.contains("actual = \"‐5\""), "{text}");
}

/// 令和5年度 is published (plan.toml: [[closed]] R5, 令和6年10月): a workbook that changes a
/// figure of it is refused at the cell unless the change is an amendment with its reason, and
/// an amendment is recorded in the item file and shown by `sheet` and the internal report.
#[test]
fn a_published_year_changes_only_as_a_recorded_amendment() {
    let sb = Sandbox::new();
    let before = snapshot(&sb.plan());
    let dir = sb.plan().parent().unwrap().to_path_buf();
    // The published figures again: nothing changes, so nothing is refused.
    let same = filled_r5(&dir);
    let (out, _) = import(&same, &sb.plan(), &[], 0);
    assert!(out.contains("0項目を更新、71項目は変更なし"), "{out}");

    let blank = dir.join("r5-template.xlsx");
    let mut entries = BTreeMap::new();
    let id: ItemId = "5-8-3".parse().unwrap();
    entries.insert((id, Column::Actual), Typed::Number(26900.0));
    entries.insert((id, Column::Rating), Typed::Text("A".into()));
    let edited = dir.join("R5_企画部.xlsx");
    fill(&blank, &edited, &entries);
    let (_, err) = import(&edited, &sb.plan(), &[], 2);
    assert_eq!(snapshot(&sb.plan()), before);
    assert!(
        err.contains("R5_企画部.xlsx!実績入力!J") && err.contains(": 5-8-3 地方創生応援税制(企業版ふるさと納税)の推進: 令和5年度の実績は公表済みです (令和6年10月公表): 実績値 25,900 → 26,900 は、訂正として理由を付けたとき (--amend \"理由\") だけ取り込みます"),
        "{err}"
    );
    assert!(
        err.contains("1件の誤りがあるため、何も書き込んでいません"),
        "{err}"
    );
    let (_, err) = import(&edited, &sb.plan(), &["--lang", "en"], 2);
    assert!(
        err.contains("the results of 令和5年度 are published (published 令和6年10月): actual 25,900 → 26,900 is taken in only as an amendment"),
        "{err}"
    );
    let (_, err) = import(&edited, &sb.plan(), &["--amend", " "], 2);
    assert!(
        err.contains("--amend には訂正の理由を書いてください"),
        "{err}"
    );
    assert_eq!(snapshot(&sb.plan()), before);

    // As an amendment: taken in, and recorded.
    let (out, _) = import(&edited, &sb.plan(), &["--amend", "寄附金の計上漏れ"], 0);
    assert!(
        out.contains("公表済みの実績の訂正 1件を実施項目ファイルに記録 (理由: 寄附金の計上漏れ)"),
        "{out}"
    );
    let today = gyokaku::cycle::today_in_japan();
    let text = fs::read_to_string(sb.plan().join("items/5-8-3.toml")).unwrap();
    assert!(text.contains("actual = \"26,900\""), "{text}");
    assert!(
        text.ends_with(&format!(
            "\n[[amendments]]\nyear = \"R5\"\nfield = \"actual\"\nold = \"25,900\"\nnew = \"26,900\"\nreason = \"寄附金の計上漏れ\"\ndate = \"{today}\"\n"
        )),
        "{text}"
    );
    let amended = format!("令和5年度 実績値: 25,900 → 26,900 ({today}、理由: 寄附金の計上漏れ)");
    let (out, _) = run(&["sheet", "5-8-3", path(&sb.plan())], 0);
    assert!(out.contains("【公表後の訂正】"), "{out}");
    assert!(out.contains(&amended), "{out}");
    let (out, _) = run(&["sheet", "5-8-3", path(&sb.plan()), "--lang", "en"], 0);
    assert!(
        out.contains(&format!(
            "FY2023 (R5) actual: 25,900 → 26,900 ({today}; reason: 寄附金の計上漏れ)"
        )),
        "{out}"
    );
    let plan = sb.plan();
    let args = ["report", path(&plan), "--rules", "rules", "--year", "R5"];
    let (internal, _) = run(&[&args[..], &["--internal", "--format", "md"]].concat(), 0);
    assert!(internal.contains(&amended), "the internal view shows it");
    let (published, _) = run(&[&args[..], &["--format", "md"]].concat(), 0);
    assert!(
        !published.contains("公表後の訂正"),
        "the published view does not"
    );
    // The same workbook again changes nothing, and records nothing more.
    import(&edited, &sb.plan(), &[], 0);
    let again = fs::read_to_string(sb.plan().join("items/5-8-3.toml")).unwrap();
    assert_eq!(again, text);
}
