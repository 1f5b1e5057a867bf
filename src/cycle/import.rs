//! Taking returned workbooks in: every entry cell is read with the plan files' own value parser
//! and checked against the item; if any cell of any workbook is wrong nothing is written. Item
//! files are edited in place (comments, key order and layout kept), 〔小計〕実績効果額 is derived
//! from the years, the whole plan is re-read from the new texts, and only then are the files
//! replaced, each atomically.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;

use super::commit::PendingFile;
use super::layout::{self, cell_name, Column, ENTRY_SHEET};
use crate::i18n::{CycleText, Lang, Localize};
use crate::model::{
    load_plan_from, Cell, FiscalYear, Item, ItemId, MemorySource, Plan, Scale, SourceFile,
    ValueError,
};

crate::i18n::messages! {
    /// Taking results into a year whose results are published.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AmendText {
        /// A change to a published result without --amend.
        ClosedYear { year: String, published: Option<Published>, field: String, old: String, new: String } =>
            ja: "{year}の実績は公表済みです{published}: {field} {old} → {new} は、訂正として理由を付けたとき (--amend \"理由\") だけ取り込みます",
            en: "the results of {year} are published{published}: {field} {old} → {new} is taken in only as an amendment, with its reason (--amend \"reason\")";
        /// --amend without a reason.
        EmptyReason =>
            ja: "--amend には訂正の理由を書いてください (例: --amend \"寄附金の計上漏れの訂正\")",
            en: "--amend needs the reason for the amendment (e.g. --amend \"donation left out of the count\")";
        /// The help of `import --amend`.
        Help =>
            ja: "公表済みの年度 (plan.toml の [[closed]]) の実績を、この理由の訂正として取り込みます。変更はそれぞれ前後の値・理由・日付とともに実施項目ファイルに記録されます",
            en: "Change results of a year the plan declares closed (published), for this reason: each change is recorded in its item file with the old and new value, the reason and the day";
        /// After an import that amended published results.
        Recorded { count: usize, reason: String } =>
            ja: "公表済みの実績の訂正 {count}件を実施項目ファイルに記録 (理由: {reason})",
            en: "{count} amendment(s) of published results recorded in the item files (reason: {reason})";
    }

    /// When a closed year's results were published.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Published {
        /// As the plan says it.
        On { date: String } =>
            ja: " ({date}公表)",
            en: " (published {date})";
    }
}

/// Taking changes into a published year: why, and the day, recorded with each change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amend {
    /// Why the published results change (`--amend "理由"`).
    pub reason: String,
    /// The day: "2026-12-06".
    pub date: String,
}

impl Amend {
    /// An amendment made today (the day in Japan) for `reason`, which must say something.
    pub fn today(reason: &str) -> Result<Amend, AmendText> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AmendText::EmptyReason);
        }
        Ok(Amend {
            reason: reason.to_string(),
            date: today_in_japan(),
        })
    }
}

/// Today's date in Japan (UTC+9, where plans are kept), as "2026-12-06".
pub fn today_in_japan() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((seconds + 9 * 3600) / 86_400)
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// days-to-civil algorithm).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// What is wrong with a returned workbook or one of its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is not an xlsx workbook calamine can read.
    Unreadable(String),
    /// The workbook has no 実績入力 sheet.
    NoEntrySheet,
    /// The workbook was made for another plan.
    OtherPlan {
        /// The plan id in the workbook.
        found: String,
        /// The plan imported into.
        expected: String,
    },
    /// The year cell is not a year of the plan's period.
    Year {
        /// As written.
        found: String,
    },
    /// A column heading is not the template's.
    Heading {
        /// The heading expected.
        expected: &'static str,
        /// As written.
        found: String,
    },
    /// The id names no item of the plan.
    UnknownItem {
        /// As written.
        found: String,
    },
    /// The item has no row for the workbook's year.
    NoYearRow {
        /// The year.
        year: FiscalYear,
    },
    /// The item appears twice.
    DuplicateRow {
        /// Where it appeared first.
        first: String,
    },
    /// A date, TRUE/FALSE or an Excel error where a value was expected.
    NotAValue {
        /// What the cell holds, as Excel shows it.
        found: String,
    },
    /// The value parser refused the text.
    Value {
        /// The column.
        column: Column,
        /// The text.
        text: String,
        /// Why.
        error: ValueError,
    },
    /// The actual is written in another unit than the indicator's.
    Unit {
        /// The text.
        text: String,
        /// Why, as the plan loader words it.
        error: String,
    },
    /// 実績効果額 must be an amount in 千円 (or "-").
    EffectNotAnAmount {
        /// The text.
        text: String,
    },
    /// A word where the indicator counts.
    Word(crate::model::WordProblem),
    /// A change to a year whose results are published, without `--amend`.
    ClosedYear {
        /// The year.
        year: FiscalYear,
        /// When it was published, as the plan says.
        published: Option<String>,
        /// The column.
        column: Column,
        /// The value recorded.
        old: String,
        /// The value returned.
        new: String,
    },
    /// The rating is not a label of the plan's scale.
    RatingOffScale {
        /// The text.
        text: String,
        /// The scale's labels.
        labels: Vec<String>,
    },
    /// Two workbooks give one field different values.
    Conflict {
        /// The column.
        column: Column,
        /// This cell's text.
        text: String,
        /// The other cell.
        other: String,
        /// The other cell's text.
        other_text: String,
    },
    /// The item files, once edited, do not load (should not happen: every cell was checked).
    Reload(String),
}

/// One problem, where it is: `book.xlsx!実績入力!J12`, and the item of the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// `book.xlsx!実績入力!J12`, or the file alone.
    pub location: String,
    /// The item of the row, with its title.
    pub item: Option<(ItemId, String)>,
    /// What is wrong.
    pub problem: Problem,
}

impl ImportError {
    /// The message in the user's language.
    pub fn text(&self, lang: Lang) -> String {
        let problem = problem_text(&self.problem, lang);
        match &self.item {
            Some((id, title)) => CycleText::AtCell {
                location: self.location.clone(),
                id: id.to_string(),
                title: title.clone(),
                problem,
            },
            None => CycleText::AtPlace {
                location: self.location.clone(),
                problem,
            },
        }
        .localize(lang)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::display_lang()))
    }
}

impl std::error::Error for ImportError {}

fn column_name(column: Column, lang: Lang) -> String {
    match column {
        Column::Actual => CycleText::FieldActual,
        Column::ActualEffect => CycleText::ColumnActualEffect,
        Column::Rating => CycleText::FieldRating,
        Column::Comment => CycleText::FieldComment,
        // Read-only columns are named by their heading, as the workbook prints it.
        other => return other.heading().to_string(),
    }
    .localize(lang)
}

fn problem_text(p: &Problem, lang: Lang) -> String {
    let text = match p {
        Problem::Unreadable(reason) => CycleText::Unreadable {
            reason: reason.clone(),
        },
        Problem::NoEntrySheet => CycleText::NoEntrySheet {
            sheet: ENTRY_SHEET.into(),
        },
        Problem::OtherPlan { found, expected } => CycleText::OtherPlan {
            found: found.clone(),
            expected: expected.clone(),
        },
        Problem::Year { found } => CycleText::NotAYearOfThePlan {
            found: found.clone(),
        },
        Problem::Heading { expected, found } => CycleText::HeadingChanged {
            expected: expected.to_string(),
            found: found.clone(),
        },
        Problem::UnknownItem { found } => CycleText::UnknownItem {
            found: found.clone(),
        },
        Problem::NoYearRow { year } => CycleText::NoYearRow {
            year: year.japanese(),
        },
        Problem::DuplicateRow { first } => CycleText::DuplicateRow {
            first: first.clone(),
        },
        Problem::NotAValue { found } => CycleText::NotAValue {
            found: found.clone(),
        },
        Problem::Value {
            column,
            text,
            error,
        } => CycleText::UnreadableValue {
            column: column_name(*column, lang),
            text: text.clone(),
            reason: error.to_string(),
        },
        Problem::Unit { text, error } => CycleText::WrongUnit {
            text: text.clone(),
            reason: error.clone(),
        },
        Problem::EffectNotAnAmount { text } => CycleText::EffectNotAnAmount { text: text.clone() },
        Problem::Word(problem) => return problem.localize(lang),
        Problem::ClosedYear {
            year,
            published,
            column,
            old,
            new,
        } => {
            return AmendText::ClosedYear {
                year: year.japanese(),
                published: published.clone().map(|date| Published::On { date }),
                field: column_name(*column, lang),
                old: old.clone(),
                new: new.clone(),
            }
            .localize(lang)
        }
        Problem::RatingOffScale { text, labels } => CycleText::RatingOffScale {
            text: text.clone(),
            labels: labels.clone(),
        },
        Problem::Conflict {
            column,
            text,
            other,
            other_text,
        } => CycleText::Conflict {
            column: column_name(*column, lang),
            text: text.clone(),
            other: other.clone(),
            other_text: other_text.clone(),
        },
        Problem::Reload(reason) => CycleText::Reload {
            reason: reason.clone(),
        },
    };
    text.localize(lang)
}

/// One entry cell with something in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedCell {
    /// The column.
    pub column: Column,
    /// `book.xlsx!実績入力!J12`.
    pub location: String,
    /// The text, as typed; a number typed as a number is written as the document prints it
    /// ("46,313"), exactly (read from the shortest decimal of the stored double).
    pub text: String,
}

/// One item's row of a returned workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedRow {
    /// The item.
    pub item: ItemId,
    /// `book.xlsx!実績入力!A12`.
    pub location: String,
    /// The entry cells that are not blank.
    pub cells: Vec<ReturnedCell>,
}

/// A returned workbook, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedWorkbook {
    /// The file.
    pub file: PathBuf,
    /// The year it reports.
    pub year: FiscalYear,
    /// The department written in it (全部局 for a whole-plan workbook).
    pub department: String,
    /// Its item rows, in sheet order.
    pub rows: Vec<ReturnedRow>,
}

/// Text of a cell as the document would print it; `None` when blank.
pub(crate) fn cell_text(data: Option<&Data>) -> Result<Option<String>, Problem> {
    let number = |d: Decimal| Some(crate::number::format_number(d));
    match data {
        None | Some(Data::Empty) => Ok(None),
        Some(Data::String(s)) => {
            let s = s.replace("\r\n", "\n");
            let t = s.trim();
            Ok((!t.is_empty()).then(|| t.to_string()))
        }
        Some(Data::Int(i)) => Ok(number(Decimal::from(*i))),
        Some(Data::Float(f)) => {
            // Rust prints a double as the shortest decimal that reads back as it: what was typed.
            Decimal::from_str_exact(&f.to_string())
                .map(number)
                .map_err(|_| Problem::NotAValue {
                    found: f.to_string(),
                })
        }
        Some(Data::Bool(b)) => Err(Problem::NotAValue {
            found: if *b { "TRUE" } else { "FALSE" }.into(),
        }),
        Some(Data::DateTime(d)) => Err(Problem::NotAValue {
            found: format!("a date ({})", d.as_f64()),
        }),
        Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => Err(Problem::NotAValue {
            found: format!("a date ({s})"),
        }),
        Some(Data::Error(e)) => Err(Problem::NotAValue {
            found: format!("{e:?}"),
        }),
    }
}

/// Reads a returned workbook: its identity, headings and entry cells. Values are checked
/// against the items by [`prepare_import`].
pub fn read_workbook(
    file: &Path,
    bytes: &[u8],
    plan: &Plan,
) -> Result<ReturnedWorkbook, Vec<ImportError>> {
    let name = file.display().to_string();
    let whole = |problem| {
        vec![ImportError {
            location: name.clone(),
            item: None,
            problem,
        }]
    };
    let mut book =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| whole(Problem::Unreadable(e.to_string())))?;
    if !book.sheet_names().iter().any(|s| s == ENTRY_SHEET) {
        return Err(whole(Problem::NoEntrySheet));
    }
    let range = book
        .worksheet_range(ENTRY_SHEET)
        .map_err(|e| whole(Problem::Unreadable(e.to_string())))?;
    let at = |row: u32, col: u16| format!("{name}!{ENTRY_SHEET}!{}", cell_name(row, col));
    let get = |row: u32, col: u16| range.get_value((row, u32::from(col)));
    let text = |row: u32, col: u16| cell_text(get(row, col)).ok().flatten().unwrap_or_default();
    let mut errors = Vec::new();
    let error = |errors: &mut Vec<ImportError>, row, col, item: Option<&Item>, problem| {
        errors.push(ImportError {
            location: at(row, col),
            item: item.map(|i| (i.id, i.title.clone())),
            problem,
        })
    };

    let plan_id = text(layout::INFO_ROW, layout::INFO_PLAN_COL);
    if plan_id != plan.id {
        error(
            &mut errors,
            layout::INFO_ROW,
            layout::INFO_PLAN_COL,
            None,
            Problem::OtherPlan {
                found: plan_id,
                expected: plan.id.clone(),
            },
        );
    }
    let year_text = text(layout::INFO_ROW, layout::INFO_YEAR_COL);
    let year = year_text
        .parse::<FiscalYear>()
        .ok()
        .and_then(|y| plan.period_year(y));
    if year.is_none() {
        error(
            &mut errors,
            layout::INFO_ROW,
            layout::INFO_YEAR_COL,
            None,
            Problem::Year { found: year_text },
        );
    }
    for column in Column::ALL {
        let found = text(layout::HEADING_ROW, column.index());
        if found != column.heading() {
            error(
                &mut errors,
                layout::HEADING_ROW,
                column.index(),
                None,
                Problem::Heading {
                    expected: column.heading(),
                    found,
                },
            );
        }
    }
    let (Some(year), true) = (year, errors.is_empty()) else {
        return Err(errors);
    };

    let last_row = range.end().map(|(r, _)| r).unwrap_or(0);
    let mut rows: Vec<ReturnedRow> = Vec::new();
    for row in layout::FIRST_ITEM_ROW..=last_row {
        let id_col = Column::Id.index();
        let id_text = match cell_text(get(row, id_col)) {
            Ok(Some(t)) => t,
            Ok(None) => {
                // A row without an id must be empty: a value typed beside no item is an error.
                for column in Column::ALL.into_iter().filter(|c| c.is_entry()) {
                    if !matches!(cell_text(get(row, column.index())), Ok(None)) {
                        error(
                            &mut errors,
                            row,
                            id_col,
                            None,
                            Problem::UnknownItem {
                                found: String::new(),
                            },
                        );
                        break;
                    }
                }
                continue;
            }
            Err(problem) => {
                error(&mut errors, row, id_col, None, problem);
                continue;
            }
        };
        let Some(item) = id_text.parse::<ItemId>().ok().and_then(|id| plan.item(id)) else {
            error(
                &mut errors,
                row,
                id_col,
                None,
                Problem::UnknownItem { found: id_text },
            );
            continue;
        };
        if let Some(first) = rows.iter().find(|r| r.item == item.id) {
            let first = first.location.clone();
            error(
                &mut errors,
                row,
                id_col,
                Some(item),
                Problem::DuplicateRow { first },
            );
            continue;
        }
        let mut cells = Vec::new();
        for column in Column::ALL.into_iter().filter(|c| c.is_entry()) {
            match cell_text(get(row, column.index())) {
                Ok(Some(text)) => cells.push(ReturnedCell {
                    column,
                    location: at(row, column.index()),
                    text,
                }),
                Ok(None) => {}
                Err(problem) => error(&mut errors, row, column.index(), Some(item), problem),
            }
        }
        rows.push(ReturnedRow {
            item: item.id,
            location: at(row, id_col),
            cells,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ReturnedWorkbook {
        file: file.to_path_buf(),
        year,
        department: text(layout::INFO_ROW, layout::INFO_DEPARTMENT_COL),
        rows,
    })
}

/// One field an import changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The item file's key: `years.R6.actual`, `subtotals.actual_effect`.
    pub field: String,
    /// The value before, as printed; `None` when the key was not there.
    pub old: Option<String>,
    /// The value after.
    pub new: String,
    /// The cell it came from; `None` for a derived value (〔小計〕).
    pub from: Option<String>,
}

/// One item file an import changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemUpdate {
    /// The item.
    pub item: ItemId,
    /// Its title.
    pub title: String,
    /// Its file.
    pub file: PathBuf,
    /// What changes, in field order.
    pub changes: Vec<FieldChange>,
    /// The file's new text.
    pub text: String,
    /// How many of the changes amend a published year (each recorded in `[[amendments]]`).
    pub amended: usize,
}

/// What an import will do, worked out completely in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    /// The workbooks read, with how many item rows each had.
    pub workbooks: Vec<(PathBuf, usize)>,
    /// The items whose files change, in item order.
    pub updates: Vec<ItemUpdate>,
    /// How many items had entries that change nothing (already recorded).
    pub unchanged: usize,
    /// The amendment the changes to published years were recorded with, and how many.
    pub amended: Option<(Amend, usize)>,
}

impl ImportPlan {
    /// The files to write.
    pub fn pending_files(&self) -> Vec<PendingFile> {
        self.updates
            .iter()
            .map(|u| PendingFile {
                path: u.file.clone(),
                content: u.text.clone().into_bytes(),
            })
            .collect()
    }
}

/// Folds full-width letters (Ａ) to ASCII: a rating typed with a Japanese input method.
fn fold_rating(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A checked entry: the text to record.
fn checked(
    cell: &ReturnedCell,
    item: &Item,
    year: FiscalYear,
    scale: &Scale,
    plan_words: &[String],
) -> Result<String, Problem> {
    match cell.column {
        Column::Actual | Column::ActualEffect => {
            let parsed: Cell = cell.text.parse().map_err(|error| Problem::Value {
                column: cell.column,
                text: cell.text.clone(),
                error,
            })?;
            if cell.column == Column::Actual {
                // The unit written with the actual must be the indicator's (18人 for 件 is
                // not), and comparable with the year's target.
                let target = item.year(year).and_then(|e| e.target.as_ref());
                parsed
                    .check_unit(&item.indicator.unit)
                    .and_then(|()| {
                        target.map_or(Ok(()), |t| crate::model::check_target_actual(t, &parsed))
                    })
                    .map_err(|e| Problem::Unit {
                        text: cell.text.clone(),
                        error: e.to_string(),
                    })?;
                // Where the indicator counts, a word only if the plan allows it.
                let words = crate::model::allowed_words(plan_words, &item.indicator);
                if crate::model::counts(&item.indicator, &item.years, &words) {
                    crate::model::read_figure(&mut parsed.clone(), &item.indicator.unit, &words)
                        .map_err(Problem::Word)?;
                }
            }
            if cell.column == Column::ActualEffect {
                let amount = match &parsed.value {
                    crate::model::Value::None => true,
                    crate::model::Value::Number(q) => {
                        q.bound.is_none()
                            && q.total.is_none()
                            && q.unit.as_deref().is_none_or(|u| u == "千円")
                    }
                    _ => false,
                };
                if !amount {
                    return Err(Problem::EffectNotAnAmount {
                        text: cell.text.clone(),
                    });
                }
            }
            Ok(parsed.text)
        }
        Column::Rating => {
            let label = fold_rating(&cell.text);
            if scale.get(&label).is_none() {
                return Err(Problem::RatingOffScale {
                    text: cell.text.clone(),
                    labels: scale.labels().map(String::from).collect(),
                });
            }
            Ok(label)
        }
        _ => Ok(cell.text.clone()),
    }
}

/// Whether `new` says the same as the recorded `old`: the same value for figures ("25900" and
/// "25,900"), the same text otherwise.
fn same(column: Column, old: Option<&str>, new: &str) -> bool {
    let Some(old) = old else { return false };
    match column {
        Column::Actual | Column::ActualEffect => match (old.parse::<Cell>(), new.parse::<Cell>()) {
            (Ok(a), Ok(b)) => a.value == b.value,
            _ => old == new,
        },
        _ => old == new,
    }
}

fn recorded(item: &Item, year: FiscalYear, column: Column) -> Option<String> {
    let entry = item.year(year)?;
    match column {
        Column::Actual => entry.actual.as_ref().map(|c| c.text.clone()),
        Column::ActualEffect => entry.actual_effect.as_ref().map(|c| c.text.clone()),
        Column::Rating => entry.rating.clone(),
        Column::Comment => entry.comment.clone(),
        _ => None,
    }
}

/// Works out an import completely: checks every cell of every workbook against the plan,
/// edits the item files' texts, derives the subtotals and re-reads the plan from the new texts.
/// `plan_file` and `item_files` are the texts the plan was loaded from.
pub fn prepare_import(
    plan: &Plan,
    scale: &Scale,
    plan_file: &SourceFile,
    item_files: &[SourceFile],
    workbooks: &[ReturnedWorkbook],
    amend: Option<&Amend>,
) -> Result<ImportPlan, Vec<ImportError>> {
    let mut errors = Vec::new();
    // Per item and field: (year, column, text, location), the first cell that gave it.
    type Entry = (FiscalYear, Column, String, String);
    let mut entries: BTreeMap<ItemId, Vec<Entry>> = BTreeMap::new();
    for book in workbooks {
        for row in &book.rows {
            let Some(item) = plan.item(row.item) else {
                continue;
            };
            let err = |problem| ImportError {
                location: String::new(),
                item: Some((item.id, item.title.clone())),
                problem,
            };
            for cell in &row.cells {
                let text = match checked(cell, item, book.year, scale, &plan.indicator_words) {
                    Ok(t) => t,
                    Err(problem) => {
                        errors.push(ImportError {
                            location: cell.location.clone(),
                            ..err(problem)
                        });
                        continue;
                    }
                };
                let list = entries.entry(item.id).or_default();
                match list
                    .iter()
                    .find(|(y, c, _, _)| *y == book.year && *c == cell.column)
                {
                    Some((_, _, other_text, other)) => {
                        if !same(cell.column, Some(other_text), &text) {
                            errors.push(ImportError {
                                location: cell.location.clone(),
                                ..err(Problem::Conflict {
                                    column: cell.column,
                                    text,
                                    other: other.clone(),
                                    other_text: other_text.clone(),
                                })
                            });
                        }
                    }
                    None => list.push((book.year, cell.column, text, cell.location.clone())),
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // A published year changes only as an amendment: without one, each change is refused at
    // its cell.
    if amend.is_none() {
        for (id, list) in &entries {
            let Some(item) = plan.item(*id) else { continue };
            for (year, column, text, location) in list {
                let Some(closed) = plan.closed_year(*year) else {
                    continue;
                };
                let old = recorded(item, *year, *column);
                if same(*column, old.as_deref(), text) {
                    continue;
                }
                errors.push(ImportError {
                    location: location.clone(),
                    item: Some((item.id, item.title.clone())),
                    problem: Problem::ClosedYear {
                        year: *year,
                        published: closed.published.clone(),
                        column: *column,
                        old: old.unwrap_or_else(|| "-".into()),
                        new: text.clone(),
                    },
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
    }

    let mut updates = Vec::new();
    let mut unchanged = 0;
    let mut amended = 0;
    for (id, list) in &entries {
        let Some(item) = plan.item(*id) else { continue };
        let Some(source) = item_files.iter().find(|f| f.path == item.source.file) else {
            continue;
        };
        let closed = |year: FiscalYear| plan.closed_year(year).is_some();
        match update_item(item, source, list, &closed, amend) {
            Ok(Some(update)) => {
                amended += update.amended;
                updates.push(update)
            }
            Ok(None) => unchanged += 1,
            Err(problem) => errors.push(ImportError {
                location: source.path.display().to_string(),
                item: Some((item.id, item.title.clone())),
                problem,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The new texts must load as a plan, exactly as the files will on disk.
    let items: Vec<SourceFile> = item_files
        .iter()
        .map(|f| match updates.iter().find(|u| u.file == f.path) {
            Some(u) => SourceFile::new(f.path.clone(), u.text.clone()),
            None => f.clone(),
        })
        .collect();
    if let Err(e) = load_plan_from(&MemorySource {
        plan: plan_file.clone(),
        items,
    }) {
        return Err(vec![ImportError {
            location: plan_file.path.display().to_string(),
            item: None,
            problem: Problem::Reload(e.to_string()),
        }]);
    }
    Ok(ImportPlan {
        workbooks: workbooks
            .iter()
            .map(|b| (b.file.clone(), b.rows.len()))
            .collect(),
        updates,
        unchanged,
        amended: amend.filter(|_| amended > 0).map(|a| (a.clone(), amended)),
    })
}

/// The order of a year's keys in an item file (docs/plan-format.md).
pub(crate) const YEAR_KEYS: [&str; 8] = [
    "plan",
    "target",
    "expected_effect",
    "policy",
    "actual",
    "actual_effect",
    "rating",
    "comment",
];

/// Sets `key` in a table of the item file: an existing value keeps its place and decoration;
/// a new key goes where the format's key order puts it, after the keys that come before it.
pub(crate) fn set_key(
    table: &mut toml_edit::Table,
    key: &str,
    value: impl Into<toml_edit::Value>,
    order: &[&str],
) {
    let mut value = value.into();
    if let Some(old) = table.get(key).and_then(toml_edit::Item::as_value) {
        *value.decor_mut() = old.decor().clone();
        table.insert(key, toml_edit::Item::Value(value));
        return;
    }
    let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
    let later: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_string())
        .skip_while(|k| rank(k) <= rank(key))
        .collect();
    let moved: Vec<(toml_edit::Key, toml_edit::Item)> =
        later.iter().filter_map(|k| table.remove_entry(k)).collect();
    table.insert(key, toml_edit::Item::Value(value));
    for (k, item) in moved {
        table.insert_formatted(&k, item);
    }
}

/// The item file's table of the year; one is added after the other years' tables when the
/// sheet has no row for the year (an item without a 進捗管理シート reports too).
pub(crate) fn year_table(
    doc: &mut toml_edit::DocumentMut,
    year: FiscalYear,
) -> Option<&mut toml_edit::Table> {
    let root = doc.as_table_mut();
    if !root.contains_key("years") {
        let mut years = toml_edit::Table::new();
        years.set_implicit(true);
        root.insert("years", toml_edit::Item::Table(years));
    }
    let years = root.get_mut("years")?.as_table_mut()?;
    let existing = years
        .iter()
        .map(|(k, _)| k.to_string())
        .find(|k| k.parse::<FiscalYear>().ok() == Some(year));
    let key = match existing {
        Some(key) => key,
        None => {
            let last = years
                .iter()
                .filter_map(|(_, t)| t.as_table().and_then(toml_edit::Table::position))
                .max();
            let mut table = toml_edit::Table::new();
            table.set_position(last);
            let key = year.to_string();
            years.insert(&key, toml_edit::Item::Table(table));
            key
        }
    };
    years.get_mut(&key)?.as_table_mut()
}

/// The item file's new text, or `None` when the entries change nothing.
fn update_item(
    item: &Item,
    source: &SourceFile,
    entries: &[(FiscalYear, Column, String, String)],
    closed: &dyn Fn(FiscalYear) -> bool,
    amend: Option<&Amend>,
) -> Result<Option<ItemUpdate>, Problem> {
    let mut doc: toml_edit::DocumentMut = source
        .text
        .parse()
        .map_err(|e: toml_edit::TomlError| Problem::Reload(e.to_string()))?;
    let mut changes = Vec::new();
    // New actual effects per year, to derive the subtotal from.
    let mut effects: BTreeMap<FiscalYear, Option<String>> = item
        .years
        .iter()
        .map(|(y, e)| (*y, e.actual_effect.as_ref().map(|c| c.text.clone())))
        .collect();
    let mut effect_changed = false;
    let mut amendments = Vec::new();
    let mut sorted: Vec<&(FiscalYear, Column, String, String)> = entries.iter().collect();
    sorted.sort_by_key(|(y, c, _, _)| (*y, c.index()));
    for (year, column, text, location) in sorted {
        let old = recorded(item, *year, *column);
        if same(*column, old.as_deref(), text) {
            continue;
        }
        let Some(field) = column.field() else {
            continue;
        };
        let Some(table) = year_table(&mut doc, *year) else {
            return Err(Problem::NoYearRow { year: *year });
        };
        set_key(table, field, text, &YEAR_KEYS);
        if *column == Column::ActualEffect {
            effects.insert(*year, Some(text.clone()));
            effect_changed = true;
        }
        if let Some(amend) = amend.filter(|_| closed(*year)) {
            amendments.push(amendment_table(*year, field, old.as_deref(), text, amend));
        }
        changes.push(FieldChange {
            field: format!("years.{year}.{field}"),
            old,
            new: text.clone(),
            from: Some(location.clone()),
        });
    }
    let amended = amendments.len();
    if !amendments.is_empty() {
        let root = doc.as_table_mut();
        if !root.contains_key("amendments") {
            root.insert(
                "amendments",
                toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
            );
        }
        if let Some(list) = root
            .get_mut("amendments")
            .and_then(toml_edit::Item::as_array_of_tables_mut)
        {
            for table in amendments {
                list.push(table);
            }
        }
    }
    if effect_changed {
        if let Some(subtotals) = doc
            .get_mut("subtotals")
            .and_then(toml_edit::Item::as_table_mut)
        {
            let numbers: Vec<Decimal> = effects
                .values()
                .flatten()
                .filter_map(|t| t.parse::<Cell>().ok().and_then(|c| c.number()))
                .collect();
            let sum: Decimal = numbers.iter().sum();
            let old = item.subtotals.actual_effect.as_ref();
            let printed = old.and_then(Cell::number).unwrap_or_default();
            // A printed subtotal that still adds up stays as printed ("-" for 0); one that no
            // longer does, or a missing one where the years now have amounts, is derived.
            let stale = match old {
                Some(_) => printed != sum,
                None => !numbers.is_empty(),
            };
            if stale {
                let derived = if numbers.is_empty() {
                    "-".to_string()
                } else {
                    crate::number::format_number(sum)
                };
                set_key(
                    subtotals,
                    "actual_effect",
                    &derived,
                    &["expected_effect", "actual_effect"],
                );
                changes.push(FieldChange {
                    field: "subtotals.actual_effect".into(),
                    old: old.map(|c| c.text.clone()),
                    new: derived,
                    from: None,
                });
            }
        }
    }
    if changes.is_empty() {
        return Ok(None);
    }
    Ok(Some(ItemUpdate {
        item: item.id,
        title: item.title.clone(),
        file: source.path.clone(),
        changes,
        text: doc.to_string(),
        amended,
    }))
}

/// One `[[amendments]]` entry of an item file: year, field, old and new value, reason, date.
fn amendment_table(
    year: FiscalYear,
    field: &str,
    old: Option<&str>,
    new: &str,
    amend: &Amend,
) -> toml_edit::Table {
    let mut table = toml_edit::Table::new();
    table.insert("year", toml_edit::value(year.to_string()));
    table.insert("field", toml_edit::value(field));
    if let Some(old) = old {
        table.insert("old", toml_edit::value(old));
    }
    table.insert("new", toml_edit::value(new));
    table.insert("reason", toml_edit::value(amend.reason.as_str()));
    table.insert("date", toml_edit::value(amend.date.as_str()));
    table
}

/// What an import changes, item by item: for `--dry-run` and after the files are written.
pub fn render_import(plan: &ImportPlan, dry_run: bool, lang: Lang) -> String {
    let mut out = String::new();
    for u in &plan.updates {
        out.push_str(&format!("{} {} ({})\n", u.item, u.title, u.file.display()));
        for c in &u.changes {
            let old = c
                .old
                .clone()
                .unwrap_or_else(|| CycleText::Blank.localize(lang));
            let from = match &c.from {
                Some(cell) => format!("  [{cell}]"),
                None => format!("  [{}]", CycleText::SumOfTheYears.localize(lang)),
            };
            out.push_str(&format!(
                "  {}: {} → {}{from}\n",
                field_label(&c.field, lang),
                old,
                c.new
            ));
        }
    }
    let (books, changed, unchanged) = (plan.workbooks.len(), plan.updates.len(), plan.unchanged);
    let summary = if dry_run {
        CycleText::DryRunSummary {
            books,
            changed,
            unchanged,
        }
    } else {
        CycleText::ImportSummary {
            books,
            changed,
            unchanged,
        }
    };
    out.push_str(&summary.localize(lang));
    out.push('\n');
    if let Some((amend, count)) = &plan.amended {
        out.push_str(
            &AmendText::Recorded {
                count: *count,
                reason: amend.reason.clone(),
            }
            .localize(lang),
        );
        out.push('\n');
    }
    out
}

fn field_label(field: &str, lang: Lang) -> String {
    let (year, key) = match field.strip_prefix("years.") {
        Some(rest) => match rest.split_once('.') {
            Some((y, k)) => (Some(y), k),
            None => (None, rest),
        },
        None => (None, field.strip_prefix("subtotals.").unwrap_or(field)),
    };
    let name = match key {
        "actual" => Some(CycleText::FieldActual),
        "actual_effect" if year.is_none() => Some(CycleText::FieldSubtotalActualEffect),
        "actual_effect" => Some(CycleText::FieldActualEffect),
        "rating" => Some(CycleText::FieldRating),
        "comment" => Some(CycleText::FieldComment),
        _ => None,
    }
    .map_or_else(|| key.to_string(), |t| t.localize(lang));
    match year {
        Some(y) => format!("{y} {name}"),
        None => name.to_string(),
    }
}

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// The plan does not load.
    #[error("{}", self.text(crate::i18n::display_lang()))]
    Plan(#[from] crate::model::LoadErrors),
    /// A file could not be read.
    #[error("{}", self.text(crate::i18n::display_lang()))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Cells are wrong: nothing was written.
    #[error("{}", self.text(crate::i18n::display_lang()))]
    Cells(Vec<ImportError>),
    /// Writing failed part-way; each file is either old or new.
    #[error("{}", self.text(crate::i18n::display_lang()))]
    Commit(#[from] super::commit::CommitError),
}

impl ImportFailure {
    /// The message in the user's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ImportFailure::Cells(errors) => {
                let mut lines: Vec<String> = errors.iter().map(|e| e.text(lang)).collect();
                lines.push(
                    CycleText::NothingWritten {
                        errors: errors.len(),
                    }
                    .localize(lang),
                );
                lines.join("\n")
            }
            ImportFailure::Read { path, source } => crate::i18n::CommandError::CannotRead {
                path: path.clone(),
                // A copy that is still the system's error, so that it is worded in `lang`.
                reason: source.raw_os_error().map_or_else(
                    || std::io::Error::new(source.kind(), source.to_string()),
                    std::io::Error::from_raw_os_error,
                ),
            }
            .localize(lang),
            ImportFailure::Commit(e) => e.localize(lang),
            ImportFailure::Plan(e) => e.localize(lang),
        }
    }
}

/// Imports returned workbooks into the plan in `plan_dir`: reads and checks everything, and
/// unless `dry_run`, writes the changed item files atomically. `scale` is the rating scale when
/// the plan declares none (the rule set's). A year the plan declares closed changes only with
/// `amend`, each change recorded in its item file's `[[amendments]]`. `before_rename` is called before each file is
/// replaced ([`super::commit::commit_with`]).
pub fn import_workbooks(
    plan_dir: &Path,
    workbooks: &[PathBuf],
    scale: Option<&Scale>,
    amend: Option<&Amend>,
    dry_run: bool,
    before_rename: &mut dyn FnMut(&Path) -> std::io::Result<()>,
) -> Result<ImportPlan, ImportFailure> {
    use crate::model::{DirSource, PlanSource};
    let source = DirSource::new(plan_dir);
    let read_error = |e: std::io::Error| ImportFailure::Read {
        path: plan_dir.to_path_buf(),
        source: e,
    };
    let plan_file = source.plan_file().map_err(read_error)?;
    let item_files = source.item_files().map_err(read_error)?;
    let plan = load_plan_from(&source)?;
    let fallback = Scale {
        ratings: Vec::new(),
        relations: Vec::new(),
    };
    let scale = plan.scale.as_ref().or(scale).unwrap_or(&fallback);
    let mut books = Vec::new();
    let mut errors = Vec::new();
    for path in workbooks {
        let bytes = std::fs::read(path).map_err(|e| ImportFailure::Read {
            path: path.clone(),
            source: e,
        })?;
        match read_workbook(path, &bytes, &plan) {
            Ok(book) => books.push(book),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(ImportFailure::Cells(errors));
    }
    let prepared = prepare_import(&plan, scale, &plan_file, &item_files, &books, amend)
        .map_err(ImportFailure::Cells)?;
    if !dry_run {
        super::commit::commit_with(&prepared.pending_files(), before_rename)?;
    }
    Ok(prepared)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = r#"title = "テスト"
department = "財務部"
section = "財政課"
sheet = true

[indicator]
name = "件数"
unit = "件"
kind = "higher_better"

# R5: the comment stays
[years.R5]
plan = "・実施"   # a trailing comment
target = "3"
rating = "B"

[subtotals]
expected_effect = "-"
"#;

    fn update(text: &str, entries: &[(&str, Column, &str)]) -> (String, Vec<FieldChange>) {
        let plan = crate::model::testing::plan_with_item("5-10-1", text);
        let item = &plan.items[0];
        let source = SourceFile::new("items/5-10-1.toml", text);
        let entries: Vec<_> = entries
            .iter()
            .map(|(y, c, t)| {
                (
                    y.parse().unwrap(),
                    *c,
                    t.to_string(),
                    "b.xlsx!実績入力!J5".into(),
                )
            })
            .collect();
        match update_item(item, &source, &entries, &|_| false, None).unwrap() {
            Some(u) => (u.text, u.changes),
            None => (text.to_string(), Vec::new()),
        }
    }

    #[test]
    fn new_keys_go_where_the_format_puts_them_and_comments_stay() {
        let (text, changes) = update(
            ITEM,
            &[
                ("R5", Column::Actual, "4"),
                ("R5", Column::ActualEffect, "1,200"),
                ("R5", Column::Comment, "実施した。"),
            ],
        );
        assert!(text.contains(
            "# R5: the comment stays\n[years.R5]\nplan = \"・実施\"   # a trailing comment\ntarget = \"3\"\nactual = \"4\"\nactual_effect = \"1,200\"\nrating = \"B\"\ncomment = \"実施した。\"\n"
        ), "{text}");
        // The subtotal is derived from the years.
        assert!(
            text.ends_with("[subtotals]\nexpected_effect = \"-\"\nactual_effect = \"1,200\"\n"),
            "{text}"
        );
        assert_eq!(changes.len(), 4);
        assert_eq!(changes[3].field, "subtotals.actual_effect");
        assert_eq!(changes[3].from, None);
    }

    #[test]
    fn a_year_without_a_row_gets_one_after_the_other_years() {
        let (text, _) = update(ITEM, &[("R6", Column::Rating, "A")]);
        assert!(
            text.contains("rating = \"B\"\n\n[years.R6]\nrating = \"A\"\n\n[subtotals]"),
            "{text}"
        );
    }

    #[test]
    fn the_same_value_written_differently_changes_nothing() {
        let with_actual = ITEM.replace("target = \"3\"\n", "target = \"3\"\nactual = \"1200\"\n");
        let (_, changes) = update(&with_actual, &[("R5", Column::Actual, "1,200")]);
        assert!(changes.is_empty(), "{changes:?}");
    }

    #[test]
    fn numbers_typed_as_numbers_read_as_printed() {
        assert_eq!(
            cell_text(Some(&Data::Float(46313.0))).unwrap().as_deref(),
            Some("46,313")
        );
        assert_eq!(
            cell_text(Some(&Data::Float(46.313))).unwrap().as_deref(),
            Some("46.313")
        );
        assert_eq!(
            cell_text(Some(&Data::Float(-15173.0))).unwrap().as_deref(),
            Some("-15,173")
        );
        assert_eq!(
            cell_text(Some(&Data::Float(95.03))).unwrap().as_deref(),
            Some("95.03")
        );
        assert_eq!(cell_text(Some(&Data::String("  ".into()))).unwrap(), None);
        assert!(cell_text(Some(&Data::Bool(true))).is_err());
        assert_eq!(fold_rating(" Ａ "), "A");
    }
}
