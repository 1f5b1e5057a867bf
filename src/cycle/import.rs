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
use super::edit::{amendment_table, push_amendment, set_key, year_table, YEAR_KEYS};
use super::layout::{self, cell_name, Column, ENTRY_SHEET};
use crate::i18n::{Arg, Lang, Localize};
use crate::model::{
    load_plan_from, Cell, FiscalYear, Item, ItemId, LoadErrors, MemorySource, Plan, Scale,
    SourceFile, UnitError, ValueError, WordProblem,
};

crate::i18n::messages! {
    /// Taking results into a year whose results are published.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AmendText {
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

    /// What is wrong with a returned workbook or one of its cells.
    #[derive(Debug)]
    pub enum Problem {
        /// The file is not an xlsx workbook calamine can read (calamine's words).
        Unreadable { reason: String } =>
            ja: "xlsx ファイルとして読めません: {reason}",
            en: "not a readable xlsx workbook: {reason}";
        /// The workbook has no entry sheet (実績入力).
        NoEntrySheet { sheet: &'static str } =>
            ja: "シート「{sheet}」がありません(gyokaku template で作成したブックですか)",
            en: "no sheet {sheet:?}: is this a workbook made by gyokaku template?";
        /// The workbook was made for another plan: the plan id in it, and the plan imported
        /// into.
        OtherPlan { found: String, expected: String } =>
            ja: "別の計画のブックです(計画ID {found:?}、取込み先は {expected:?})",
            en: "the workbook is for plan {found:?}, not {expected:?}";
        /// The year cell, as written, is not a year of the plan's period.
        Year { found: String } =>
            ja: "年度 {found:?} は計画期間の年度ではありません",
            en: "{found:?} is not a year of the plan's period";
        /// A column heading is not the template's: the heading expected, and as written.
        Heading { expected: &'static str, found: String } =>
            ja: "見出しが「{expected}」ではなく {found:?} です: 列を動かさずに入力してください",
            en: "the heading is {found:?}, not {expected:?}: leave the columns where they are";
        /// The id, as written, names no item of the plan.
        UnknownItem { found: String } =>
            ja: "番号 {found:?} の実施項目は計画にありません",
            en: "{found:?} is not an item of the plan";
        /// The item has no row for the workbook's year (令和6年度) in its file.
        NoYearRow { year: String } =>
            ja: "この実施項目には{year}の年次計画がありません",
            en: "the item has no row for {year}";
        /// The item's row appears twice: where it appeared first.
        DuplicateRow { first: String } =>
            ja: "同じ実施項目の行が {first} にもあります",
            en: "the item's row is also at {first}";
        /// A date, TRUE/FALSE or an Excel error where a value was expected (what the cell
        /// holds, as Excel shows it).
        NotAValue { found: String } =>
            ja: "値ではなく {found} が入っています: 資料に印刷するとおりの値を入力してください",
            en: "the cell holds {found}, not a value: type the value as the document prints it";
        /// The value parser refused the text of a column.
        Value { column: Column, text: String, error: ValueError } =>
            ja: "{column} {text:?} を読めません: {error}",
            en: "{column} {text:?} cannot be read: {error}";
        /// The actual is written in another unit than the indicator's.
        Unit { text: String, error: UnitError } =>
            ja: "実績値 {text:?} の単位が指標の単位と違います: {error}",
            en: "the actual {text:?} is not in the indicator's unit: {error}";
        /// 実績効果額 must be an amount in 千円 (or "-").
        EffectNotAnAmount { text: String } =>
            ja: "実績効果額 {text:?} は千円単位の金額(または -)で入力してください",
            en: "the actual effect {text:?} must be an amount in thousand yen (or -)";
        /// A word where the indicator counts.
        Word { problem: WordProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A change to a year whose results are published, without `--amend`: the year
        /// (令和5年度), when it was published as the plan says, the column, the value recorded
        /// and the value returned.
        ClosedYear { year: String, published: Option<Published>, column: Column, old: String, new: String } =>
            ja: "{year}の実績は公表済みです{published}: {column} {old} → {new} は、訂正として理由を付けたとき (--amend \"理由\") だけ取り込みます",
            en: "the results of {year} are published{published}: {column} {old} → {new} is taken in only as an amendment, with its reason (--amend \"reason\")";
        /// The rating is not a label of the plan's scale (its labels).
        RatingOffScale { text: String, labels: Vec<String> } =>
            ja: "評価 {text:?} は評価の区分({labels})にありません",
            en: "the rating {text:?} is not on the plan's scale ({labels})";
        /// Two workbooks give one field different values: this cell's text, the other cell and
        /// its text.
        Conflict { column: Column, text: String, other: String, other_text: String } =>
            ja: "{column} {text:?} が {other} の {other_text:?} と食い違っています",
            en: "{column} {text:?} disagrees with {other_text:?} at {other}";
        /// The item files, once edited, do not load (should not happen: every cell was
        /// checked).
        Reload { errors: LoadErrors } =>
            ja: "更新後の実施項目ファイルが読み込めません: {errors}",
            en: "the updated item files do not load: {errors}";
        /// An item file does not parse for editing (the TOML editor's words; should not happen:
        /// the plan was loaded from it).
        Unparsable { detail: String } =>
            ja: "更新後の実施項目ファイルが読み込めません: {detail}",
            en: "the updated item files do not load: {detail}";
    }

    /// The words of `gyokaku import`: where a problem is, the list of changes, the closing line.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ImportText {
        /// Where a returned cell is and which item its row is.
        AtCell { location: String, id: ItemId, title: String, problem: String } =>
            ja: "{location}: {id} {title}: {problem}",
            en: "{location}: item {id} ({title}): {problem}";
        /// A problem of a whole workbook or of a cell outside the item rows.
        AtPlace { location: String, problem: String } =>
            ja: "{location}: {problem}",
            en: "{location}: {problem}";
        /// The closing line of a refused import.
        NothingWritten { errors: usize } =>
            ja: "{errors}件の誤りがあるため、何も書き込んでいません",
            en: "{errors} error(s): nothing was written";
        /// A workbook or the plan's files could not be read.
        CannotRead { path: PathBuf, reason: String } =>
            ja: "{path} を読めません: {reason}",
            en: "cannot read {path}: {reason}";
        /// A blank value in the list of changes.
        Blank =>
            ja: "(空欄)",
            en: "(blank)";
        /// A derived value in the list of changes.
        SumOfTheYears =>
            ja: "各年度の合計",
            en: "sum of the years";
        /// The closing line of `import --dry-run`.
        DryRunSummary { books: usize, changed: usize, unchanged: usize } =>
            ja: "{books}ブックを確認: {changed}項目を変更予定、{unchanged}項目は変更なし(--dry-run のため書き込んでいません)",
            en: "{books} workbook(s) checked: {changed} item(s) would change, {unchanged} unchanged (--dry-run: nothing written)";
        /// The closing line of `import`.
        ImportSummary { books: usize, changed: usize, unchanged: usize } =>
            ja: "{books}ブックを取込み: {changed}項目を更新、{unchanged}項目は変更なし",
            en: "{books} workbook(s) imported: {changed} item(s) updated, {unchanged} unchanged";
        /// A returned actual, in the list of changes and in messages.
        FieldActual =>
            ja: "実績値",
            en: "actual";
        /// A returned actual effect of a year.
        FieldActualEffect =>
            ja: "実績効果額",
            en: "actual effect";
        /// The subtotal of the actual effects, derived from the years.
        FieldSubtotalActualEffect =>
            ja: "〔小計〕実績効果額",
            en: "subtotal of actual effects";
        /// A returned rating.
        FieldRating =>
            ja: "評価",
            en: "rating";
        /// A returned comment (取組実績).
        FieldComment =>
            ja: "取組実績",
            en: "comment";
        /// The actual effect column of the entry sheet, in messages about its cells.
        ColumnActualEffect =>
            ja: "実績効果額(千円)",
            en: "actual effect";
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

/// A column as messages about its cells name it: an entry column by what it holds, a
/// read-only one by its heading, as the workbook prints it.
impl Arg for Column {
    fn arg(&self, lang: Lang) -> String {
        match self {
            Column::Actual => ImportText::FieldActual,
            Column::ActualEffect => ImportText::ColumnActualEffect,
            Column::Rating => ImportText::FieldRating,
            Column::Comment => ImportText::FieldComment,
            other => return other.heading().to_string(),
        }
        .localize(lang)
    }
}

/// One problem, where it is: `book.xlsx!実績入力!J12`, and the item of the row.
#[derive(Debug)]
pub struct ImportError {
    /// `book.xlsx!実績入力!J12`, or the file alone.
    pub location: String,
    /// The item of the row, with its title.
    pub item: Option<(ItemId, String)>,
    /// What is wrong.
    pub problem: Problem,
}

impl ImportError {
    /// The error at its place, its problem worded by `word` (an interface that asks for an
    /// amendment's reason otherwise than `--amend` words that problem its own way).
    pub fn localize_with(&self, lang: Lang, word: impl Fn(&Problem) -> String) -> String {
        let (location, problem) = (self.location.clone(), word(&self.problem));
        match &self.item {
            Some((id, title)) => ImportText::AtCell {
                location,
                id: *id,
                title: title.clone(),
                problem,
            },
            None => ImportText::AtPlace { location, problem },
        }
        .localize(lang)
    }
}

impl Localize for ImportError {
    fn localize(&self, lang: Lang) -> String {
        self.localize_with(lang, |p| p.localize(lang))
    }
}

/// In Japanese, the default language.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

impl std::error::Error for ImportError {}

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
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        whole(Problem::Unreadable {
            reason: e.to_string(),
        })
    })?;
    if !book.sheet_names().iter().any(|s| s == ENTRY_SHEET) {
        return Err(whole(Problem::NoEntrySheet { sheet: ENTRY_SHEET }));
    }
    let range = book.worksheet_range(ENTRY_SHEET).map_err(|e| {
        whole(Problem::Unreadable {
            reason: e.to_string(),
        })
    })?;
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
                    .map_err(|error| Problem::Unit {
                        text: cell.text.clone(),
                        error,
                    })?;
                // Where the indicator counts, a word only if the plan allows it.
                let words = crate::model::allowed_words(plan_words, &item.indicator);
                if crate::model::counts(&item.indicator, &item.years, &words) {
                    crate::model::read_figure(&mut parsed.clone(), &item.indicator.unit, &words)
                        .map_err(|problem| Problem::Word { problem })?;
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
                        year: year.japanese(),
                        published: closed.published.clone().map(|date| Published::On { date }),
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
            problem: Problem::Reload { errors: e },
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

/// The item file's new text, or `None` when the entries change nothing.
fn update_item(
    item: &Item,
    source: &SourceFile,
    entries: &[(FiscalYear, Column, String, String)],
    closed: &dyn Fn(FiscalYear) -> bool,
    amend: Option<&Amend>,
) -> Result<Option<ItemUpdate>, Problem> {
    let mut doc: toml_edit::DocumentMut =
        source
            .text
            .parse()
            .map_err(|e: toml_edit::TomlError| Problem::Unparsable {
                detail: e.to_string(),
            })?;
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
            return Err(Problem::NoYearRow {
                year: year.japanese(),
            });
        };
        set_key(table, field, text, &YEAR_KEYS);
        if *column == Column::ActualEffect {
            effects.insert(*year, Some(text.clone()));
            effect_changed = true;
        }
        if let Some(amend) = amend.filter(|_| closed(*year)) {
            amendments.push(amendment_table(
                *year,
                field,
                old.as_deref(),
                text,
                &amend.reason,
                &amend.date,
            ));
        }
        changes.push(FieldChange {
            field: format!("years.{year}.{field}"),
            old,
            new: text.clone(),
            from: Some(location.clone()),
        });
    }
    let amended = amendments.len();
    for table in amendments {
        push_amendment(&mut doc, table);
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

/// What an import changes, item by item: for `--dry-run` and after the files are written.
pub fn render_import(plan: &ImportPlan, dry_run: bool, lang: Lang) -> String {
    let mut out = String::new();
    for u in &plan.updates {
        out.push_str(&format!("{} {} ({})\n", u.item, u.title, u.file.display()));
        for c in &u.changes {
            let old = c
                .old
                .clone()
                .unwrap_or_else(|| ImportText::Blank.localize(lang));
            let from = match &c.from {
                Some(cell) => format!("  [{cell}]"),
                None => format!("  [{}]", ImportText::SumOfTheYears.localize(lang)),
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
        ImportText::DryRunSummary {
            books,
            changed,
            unchanged,
        }
    } else {
        ImportText::ImportSummary {
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
        "actual" => Some(ImportText::FieldActual),
        "actual_effect" if year.is_none() => Some(ImportText::FieldSubtotalActualEffect),
        "actual_effect" => Some(ImportText::FieldActualEffect),
        "rating" => Some(ImportText::FieldRating),
        "comment" => Some(ImportText::FieldComment),
        _ => None,
    }
    .map_or_else(|| key.to_string(), |t| t.localize(lang));
    match year {
        Some(y) => format!("{y} {name}"),
        None => name.to_string(),
    }
}

/// Why an import did not happen. `Display` is in Japanese, the default language.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// The plan does not load.
    #[error("{}", self.localize(Lang::Ja))]
    Plan(#[from] LoadErrors),
    /// A file could not be read.
    #[error("{}", self.localize(Lang::Ja))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Cells are wrong: nothing was written.
    #[error("{}", self.localize(Lang::Ja))]
    Cells(Vec<ImportError>),
    /// Writing failed part-way; each file is either old or new.
    #[error("{}", self.localize(Lang::Ja))]
    Commit(#[from] super::commit::CommitError),
}

/// Every wrong cell a line, then that nothing was written.
impl ImportFailure {
    /// The failure worded in `lang`, each refused cell's problem by `word` (see
    /// [`ImportError::localize_with`]).
    pub fn localize_with(&self, lang: Lang, word: impl Fn(&Problem) -> String) -> String {
        match self {
            ImportFailure::Cells(errors) => {
                let mut lines: Vec<String> = errors
                    .iter()
                    .map(|e| e.localize_with(lang, &word))
                    .collect();
                lines.push(
                    ImportText::NothingWritten {
                        errors: errors.len(),
                    }
                    .localize(lang),
                );
                lines.join("\n")
            }
            ImportFailure::Read { path, source } => ImportText::CannotRead {
                path: path.clone(),
                reason: source.arg(lang),
            }
            .localize(lang),
            ImportFailure::Commit(e) => e.localize(lang),
            ImportFailure::Plan(e) => e.localize(lang),
        }
    }
}

impl Localize for ImportFailure {
    fn localize(&self, lang: Lang) -> String {
        self.localize_with(lang, |p| p.localize(lang))
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
    let fallback = Scale::none();
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

    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }

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
