//! From nothing to a plan that checks clean without writing TOML: `gyokaku init`, the empty plan
//! sheet (`template --plan-sheet`), an invented plan's rows typed into it, `import
//! --plan-sheet`, `check`. And the usual mistakes of a sheet copied from a PDF — merged cells,
//! a year left out, a unit typed in a number cell, an unknown kind — each refused with its cell
//! named, nothing written. (The bundled plan's round trip is in tests/cycle_import.rs.)

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use gyokaku::model::load_plan;
use gyokaku::setup::layout::{Column, Layout, FIRST_ITEM_ROW, HEADING_ROW, INFO_SHEET, PLAN_SHEET};

use common::{copy_tree, gyokaku, root};

/// A working folder with a copy of the default rules, and the new plan made there by init.
struct Work {
    dir: tempfile::TempDir,
}

impl Work {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&root().join("rules"), &dir.path().join("rules"));
        let work = Work { dir };
        work.run(
            &[
                "init",
                "plans/kaku-2",
                "--municipality",
                "架空市",
                "--plan-name",
                "架空市第2次行財政改革推進計画 (例示)",
                "--years",
                "令和7年度〜令和11年度",
            ],
            0,
        );
        work
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `gyokaku ARGS…` in the working folder: (stdout, stderr), the exit code asserted.
    fn run(&self, args: &[&str], code: i32) -> (String, String) {
        let out = gyokaku(args).current_dir(self.dir.path()).output().unwrap();
        let (stdout, stderr) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert_eq!(out.status.code(), Some(code), "{args:?}\n{stdout}{stderr}");
        (stdout, stderr)
    }
}

/// The invented plan's rows, by column: three items under two policies, a formula, a milestone.
fn rows() -> Vec<Vec<(Column, &'static str)>> {
    use Column::*;
    let common = |p, pn, t, tn, n| {
        vec![
            (Policy, p),
            (PolicyName, pn),
            (Theme, t),
            (ThemeName, tn),
            (Number, n),
        ]
    };
    let years = |kind: fn(usize) -> Column, values: [&'static str; 5]| {
        (0..5).map(move |i| (kind(i), values[i]))
    };
    let mut online = common("1", "市民サービスの向上", "1", "デジタル化の推進", "1");
    online.extend([
        (Title, "窓口手続のオンライン化"),
        (Department, "企画部"),
        (Section, "デジタル推進課"),
        (Indicator, "オンライン申請できる手続の数"),
        (Unit, "件"),
        (Kind, "higher_better"),
        (Baseline, "20"),
        (FinalTarget, "60"),
        (Subtotal, "-"),
    ]);
    online.extend(years(Target, ["30", "40", "50", "55", "60"]));
    online.extend(years(ExpectedEffect, ["-", "-", "-", "-", "-"]));
    online.extend(years(
        YearPlan,
        ["・申請の電子化", "↓", "↓", "↓", "・全手続の点検"],
    ));
    // The same policy, named in its first row only (as a table copied from a PDF often is).
    let mut waste = common("1", "", "2", "環境負荷の低減", "1");
    waste.extend([
        (Title, "ごみの減量化"),
        (Department, "経済環境部"),
        (Section, "清掃課"),
        (Indicator, "可燃ごみの排出量"),
        (Unit, "トン/年"),
        (Kind, "lower_better"),
        (Baseline, "21,000"),
        (FinalTarget, "20,000"),
        (Formula, "(previous - value) * 6"),
        (Subtotal, "6,000"),
    ]);
    waste.extend(years(
        Target,
        ["20,800", "20,600", "20,400", "20,200", "20,000"],
    ));
    waste.extend(years(
        ExpectedEffect,
        ["1,200", "1,200", "1,200", "1,200", "1,200"],
    ));
    let mut facilities = common("2", "持続可能な財政運営", "3", "公共施設の最適化", "①");
    facilities.extend([
        (Title, "公共施設の再編"),
        (Department, "総務部"),
        (Section, "管財課"),
        (Related, "企画課、財政課"),
        (Indicator, "再編計画の進捗"),
        (Unit, "-"),
        (Kind, "milestone"),
        (Baseline, "-"),
        (Subtotal, "-"),
        (Actions, "● 公共施設の再編計画を策定し、実施する。"),
        // A formula in words: kept as a note, not computed.
        (Formula, "施設の維持管理費の削減額 (再編後に算定)"),
    ]);
    facilities.extend(years(Target, ["検討", "方針決定", "準備", "実施", "運用"]));
    facilities.extend(years(ExpectedEffect, ["-", "-", "-", "-", "-"]));
    vec![online, waste, facilities]
}

/// Copies the template (both sheets, as a spreadsheet program saves them) to `out` with `rows`
/// typed in from the first item row, and the ranges `merged` (first row, last row, column)
/// merged.
fn fill(template: &Path, out: &Path, rows: &[Vec<(Column, &str)>], merged: &[(u32, u32, Column)]) {
    let plan = load_plan(template.parent().unwrap().join("plans/kaku-2")).unwrap();
    let layout = Layout::new(&plan.years, plan.report_unit);
    let mut book: Xlsx<_> = calamine::open_workbook(template).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for name in [PLAN_SHEET, INFO_SHEET] {
        let range = book.worksheet_range(name).unwrap();
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).unwrap();
        for (row, col, data) in range.used_cells() {
            if let Data::String(s) = data {
                sheet.write_string(row as u32, col as u16, s).unwrap();
            }
        }
        if name != PLAN_SHEET {
            continue;
        }
        for (i, row) in rows.iter().enumerate() {
            for (column, text) in row {
                if !text.is_empty() {
                    let r = FIRST_ITEM_ROW + i as u32;
                    sheet.write_string(r, layout.index(*column), *text).unwrap();
                }
            }
        }
        for (first, last, column) in merged {
            let col = layout.index(*column);
            let format = rust_xlsxwriter::Format::new();
            let text = rows[(*first - FIRST_ITEM_ROW) as usize]
                .iter()
                .find(|(c, _)| c == column)
                .map_or("", |(_, t)| *t);
            sheet
                .merge_range(*first, col, *last, col, text, &format)
                .unwrap();
        }
    }
    workbook.save(out).unwrap();
}

#[test]
fn the_empty_plan_sheet_is_ready_for_the_new_plan() {
    let work = Work::new();
    let book = work.path("計画入力.xlsx");
    let (out, err) = work.run(
        &[
            "template",
            "plans/kaku-2",
            "--plan-sheet",
            "--output",
            book.to_str().unwrap(),
        ],
        0,
    );
    assert!(out.ends_with("計画入力.xlsx\n"), "{out}");
    assert_eq!(err, "", "a new plan leaves nothing out");
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let items = xlsx.worksheet_range(PLAN_SHEET).unwrap();
    let plan = load_plan(work.path("plans/kaku-2")).unwrap();
    let layout = Layout::new(&plan.years, plan.report_unit);
    for &column in layout.columns() {
        let heading = items.get_value((HEADING_ROW, u32::from(layout.index(column))));
        assert_eq!(heading, Some(&Data::String(layout.heading(column))));
    }
    assert_eq!(layout.heading(Column::Target(4)), "目標値\n令和11年度");
    assert_eq!(items.end().unwrap().0, HEADING_ROW, "no item rows");
    let info = xlsx.worksheet_range(INFO_SHEET).unwrap();
    let cells: Vec<String> = info
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for expected in [
        "kaku-2",
        "架空市",
        "R7, R8, R9, R10, R11",
        "千円",
        "../../rules",
        "計画を上回る",
    ] {
        assert!(cells.iter().any(|c| c == expected), "{expected}: {cells:?}");
    }
    // The kinds of the plan's rule set as the drop-down of 種別.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains("<formula1>\"cumulative,higher_better,level,lower_better,milestone,upper_bound\"</formula1>"),
        "{sheet}"
    );
}

#[test]
fn a_published_plan_to_check_clean_without_writing_toml() {
    let work = Work::new();
    let blank = work.path("計画入力.xlsx");
    let blank_arg = blank.to_str().unwrap();
    work.run(
        &["template", "plans/kaku-2", "--plan-sheet", "-o", blank_arg],
        0,
    );
    let filled = work.path("filled.xlsx");
    fill(&blank, &filled, &rows(), &[]);
    let filled_arg = filled.to_str().unwrap();
    let take_in = [
        "import",
        "--plan-sheet",
        filled_arg,
        "--plan",
        "plans/kaku-2",
    ];
    let (out, _) = work.run(&take_in, 0);
    insta::assert_snapshot!("new_plan_taken_in", out.replace(filled_arg, "[BOOK]"));
    let (out, err) = work.run(&["check", "plans/kaku-2"], 0);
    assert_eq!(out, "問題は見つかりませんでした。\n", "{err}");
    let (out, _) = work.run(&take_in, 0);
    assert_eq!(
        out,
        "計画入力シートを取込み: 新規0項目、更新0項目、変更なし3項目\n"
    );
    let item = std::fs::read_to_string(work.path("plans/kaku-2/items/2-3-1.toml")).unwrap();
    insta::assert_snapshot!("new_item_file", item);

    // A row changed in the sheet changes only that field of its file.
    let mut rows = rows();
    rows[1].retain(|(c, _)| *c != Column::Target(4));
    rows[1].push((Column::Target(4), "19,900"));
    rows[1].retain(|(c, _)| *c != Column::FinalTarget);
    rows[1].push((Column::FinalTarget, "19,900"));
    fill(&blank, &filled, &rows, &[]);
    let (out, _) = work.run(&take_in, 0);
    assert!(
        out.contains("1-2-1 ごみの減量化: 更新 (計画最終年度の目標値、目標値 令和11年度)"),
        "{out}"
    );
    let waste = std::fs::read_to_string(work.path("plans/kaku-2/items/1-2-1.toml")).unwrap();
    assert!(waste.contains("final_target = \"19,900\""), "{waste}");
}

/// What `import --plan-sheet broken.xlsx` says in both languages (it must refuse).
fn refused(work: &Work) -> String {
    let mut listing = String::new();
    for lang in ["ja", "en"] {
        let args = [
            "import",
            "--plan-sheet",
            "broken.xlsx",
            "--plan",
            "plans/kaku-2",
        ];
        let (_, err) = work.run(&[&args[..], &["--lang", lang]].concat(), 2);
        listing.push_str(&format!("── --lang {lang}\n{err}"));
    }
    listing
}

#[test]
fn the_usual_mistakes_are_refused_with_their_cells_named() {
    let work = Work::new();
    let blank = work.path("計画入力.xlsx");
    work.run(
        &[
            "template",
            "plans/kaku-2",
            "--plan-sheet",
            "-o",
            blank.to_str().unwrap(),
        ],
        0,
    );
    let mut rows = rows();
    // A year left out between years with targets.
    rows[0].retain(|(c, _)| *c != Column::Target(2));
    // A unit typed in a number cell: 件 in an indicator counted in トン/年.
    rows[1].retain(|(c, _)| *c != Column::Target(0));
    rows[1].push((Column::Target(0), "20,800件"));
    // A formula with a misspelt variable.
    rows[1].retain(|(c, _)| *c != Column::Formula);
    rows[1].push((Column::Formula, "(previus - value) * 6"));
    // A kind the rule set does not have.
    rows[2].retain(|(c, _)| *c != Column::Kind);
    rows[2].push((Column::Kind, "マイルストーン"));
    let broken = work.path("broken.xlsx");
    // The policy's name merged over its two rows.
    let merged = [(FIRST_ITEM_ROW, FIRST_ITEM_ROW + 1, Column::PolicyName)];
    fill(&blank, &broken, &rows, &merged);
    let plan_toml = std::fs::read_to_string(work.path("plans/kaku-2/plan.toml")).unwrap();
    insta::assert_snapshot!("mistakes", refused(&work));
    // Without the merged cells the rows are read: each mistake is named by its cell.
    fill(&blank, &broken, &rows, &[]);
    insta::assert_snapshot!("mistakes_in_rows", refused(&work));
    assert_eq!(
        std::fs::read_to_string(work.path("plans/kaku-2/plan.toml")).unwrap(),
        plan_toml,
        "nothing written"
    );
    assert_eq!(
        std::fs::read_dir(work.path("plans/kaku-2/items"))
            .unwrap()
            .count(),
        0
    );
}
