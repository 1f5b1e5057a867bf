//! Taking the plan sheet in (`gyokaku import --plan-sheet`): every cell is read as the plan
//! files read it (values by the plan's own parser, units against the indicator's, kinds
//! against the rule set's), the plan's files — plan.toml and one file per item — are made or
//! edited in place (comments, layout and whatever the sheet does not carry kept), the whole
//! plan is loaded from the new texts, and only then written, each file atomically. Any error
//! of any cell, named by its place (`book.xlsx!計画入力!M5`), and nothing is written; taking
//! the same workbook in again changes nothing.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx};

use super::layout::{self, uncircled, Column, Info, Layout, FORMULA_NOTE, INFO_SHEET, PLAN_SHEET};
use crate::cycle::commit::{commit, CommitError, PendingFile};
use crate::cycle::edit::{set_key, year_table, YEAR_KEYS};
use crate::cycle::import::cell_text;
use crate::cycle::layout::cell_name;
use crate::engine::{CompileProblem, RuleError, RuleSet, FORMULA_VARIABLES};
use crate::i18n::{Arg, Lang, Localize};
use crate::model::{
    is_plan_folder, load_plan_from, Cell, DirSource, FiscalYear, FiscalYearError, Item, ItemId,
    LoadErrors, MemorySource, MoneyUnit, Plan, PlanSource, Rating, Scale, SourceFile, UnitError,
    ValueError, YearNotation,
};

crate::i18n::messages! {
    /// What is wrong with a plan sheet or one of its cells.
    #[derive(Debug)]
    pub enum PlanSheetProblem {
        /// Not an xlsx workbook.
        Unreadable { reason: String } =>
            ja: "xlsx ファイルとして読めません: {reason}",
            en: "not a readable xlsx workbook: {reason}";
        /// A sheet is missing.
        NoSheet { sheet: String } =>
            ja: "シート「{sheet}」がありません (gyokaku template --plan-sheet で作ったブックですか)",
            en: "no sheet {sheet:?}: is this a workbook made by gyokaku template --plan-sheet?";
        /// A label or heading was changed.
        Heading { expected: String, found: String } =>
            ja: "見出しが「{expected}」ではなく {found:?} です: 行や列を動かさずに入力してください (計画期間の年度の列が欠けていませんか)",
            en: "the heading is {found:?}, not {expected:?}: leave the rows and columns where they are (is a year of the period missing?)";
        /// Cells are merged.
        Merged { range: String } =>
            ja: "セル {range} が結合されています: 結合を解除して、各行にそれぞれ値を入力してください",
            en: "the cells {range} are merged: unmerge them and give each row its own value";
        /// A date, TRUE/FALSE or an error instead of a value.
        NotAValue { found: String } =>
            ja: "値ではなく {found} が入っています: 資料に印刷されているとおりに入力してください",
            en: "the cell holds {found}, not a value: type it as the document prints it";
        /// A cell that must be filled is blank.
        Blank { what: String } =>
            ja: "{what} が空欄です",
            en: "{what} is blank";
        /// A number was expected.
        NotANumber { what: String, text: String } =>
            ja: "{what} {text:?} は番号ではありません (1、2、… または ①、②、…)",
            en: "{what} {text:?} is not a number (1, 2, … or ①, ②, …)";
        /// The plan's id is not the folder's plan's.
        OtherPlan { found: String, expected: String } =>
            ja: "別の計画のブックです (計画ID {found:?}、取込み先は {expected:?})",
            en: "the workbook is for plan {found:?}, not {expected:?}";
        /// The period cannot be read: a year of it (or its years do not follow one another).
        Years { text: String, problem: Option<FiscalYearError> } =>
            ja: "計画期間 {text:?} を読めません: {problem}",
            en: "the period {text:?} cannot be read: {problem}";
        /// The period is not the plan's.
        OtherYears { found: String, expected: String } =>
            ja: "計画期間 {found:?} が計画 (plan.toml) の {expected:?} と違います",
            en: "the period {found:?} is not the plan's ({expected:?} in plan.toml)";
        /// The unit is not a money unit.
        Unit { text: String } =>
            ja: "効果額の単位 {text:?} は金額の単位 (千円、百万円など) ではありません",
            en: "the unit of effects {text:?} is not a money unit (千円, 百万円 …)";
        /// A rating of the scale is incomplete or given twice.
        Rating { label: String } =>
            ja: "評価 {label:?} の行には評価・意味・意味(英語)がすべて必要で、同じ評価は1度だけです",
            en: "the rating {label:?} needs its label, meaning and English meaning, once";
        /// The rule set does not load.
        Rules { path: PathBuf, error: Box<RuleError> } =>
            ja: "ルールセット {path} を読めません: {error}",
            en: "the rule set {path} does not load: {error}";
        /// Not a kind of the rule set.
        UnknownKind { kind: String, kinds: Vec<String> } =>
            ja: "種別 {kind:?} はルールセットにありません: {kinds} から選んでください",
            en: "the kind {kind:?} is not one of the rule set's: choose {kinds}";
        /// The value parser refused the text.
        Value { what: String, text: String, error: ValueError } =>
            ja: "{what} {text:?} を読めません: {error}",
            en: "{what} {text:?} cannot be read: {error}";
        /// A value in another unit than the indicator's, or not money.
        WrongUnit { what: String, error: UnitError } =>
            ja: "{what} の単位が違います: {error}",
            en: "{what} is in the wrong unit: {error}";
        /// A year left blank between years that have values.
        MissingYear { what: String } =>
            ja: "{what} が空欄ですが、前後の年度には値があります: 新たな目標がない年度は — 、該当なしは - と入力してください",
            en: "{what} is blank while the years around it have values: write — for a year without a new target, - for none";
        /// The item's row appears twice.
        DuplicateItem { id: String, first: String } =>
            ja: "実施項目 {id} の行が {first} にもあります",
            en: "the item {id} also has the row at {first}";
        /// One number, two names.
        TwoNames { what: String, number: u32, name: String, other: String, at: String } =>
            ja: "{what} {number} の名称 {name:?} が {at} の {other:?} と違います",
            en: "{what} {number} is named {name:?} here but {other:?} at {at}";
        /// A theme under two policies.
        ThemePolicy { theme: u32, policy: u32, other: u32, at: String } =>
            ja: "改革の推進項目 ({theme}) が基本方針 {policy} の下にありますが、{at} では基本方針 {other} の下です",
            en: "the theme ({theme}) is under policy {policy} here but under policy {other} at {at}";
        /// A policy or theme named nowhere.
        NoName { what: String, number: u32 } =>
            ja: "{what} {number} の名称がどの行にもありません",
            en: "{what} {number} is named in no row";
        /// A formula (it names value, previous, baseline or total) that does not compile.
        Formula { text: String, error: FormulaError } =>
            ja: "効果額の算定式 {text:?} を計算式として読めません (言葉で書くときは value・previous・baseline・total を使わずに書きます): {error}",
            en: "the effect formula {text:?} cannot be read as an expression (written in words, it names none of value, previous, baseline, total): {error}";
        /// The sheet column holds something else.
        SheetFlag { text: String } =>
            ja: "進捗管理シート {text:?} は空欄・あり・なし のどれかにしてください",
            en: "進捗管理シート {text:?} must be blank, あり or なし";
        /// The new files do not load.
        Reload { errors: LoadErrors } =>
            ja: "取り込んだ後の計画が読み込めません: {errors}",
            en: "the plan does not load once taken in: {errors}";
        /// A file of the plan does not parse for editing (the TOML editor's words; should not
        /// happen: the plan was loaded from it).
        Unparsable { detail: String } =>
            ja: "取り込んだ後の計画が読み込めません: {detail}",
            en: "the plan does not load once taken in: {detail}";
    }

    /// Why an effect formula of the sheet does not compile (the cell is named already).
    #[derive(Debug)]
    pub enum FormulaError {
        /// What is wrong with the expression.
        Expression { problem: CompileProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// The rule set it is compiled with failed.
        Rules { error: Box<RuleError> } =>
            ja: "{error}",
            en: "{error}";
    }

    /// What `import --plan-sheet` says.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PlanImportText {
        /// Where a problem is (worded in the language).
        AtCell { location: String, problem: String } =>
            ja: "{location}: {problem}",
            en: "{location}: {problem}";
        /// The same, with the item.
        AtItem { location: String, id: ItemId, problem: String } =>
            ja: "{location}: {id}: {problem}",
            en: "{location}: item {id}: {problem}";
        /// The closing line of a refused import.
        NothingWritten { errors: usize } =>
            ja: "{errors}件の誤りがあるため、何も書き込んでいません",
            en: "{errors} error(s): nothing was written";
        /// The workbook or the plan's files could not be read (why, worded in the language).
        CannotRead { path: PathBuf, reason: String } =>
            ja: "{path} を読めません: {reason}",
            en: "cannot read {path}: {reason}";
        /// plan.toml made.
        PlanCreated { path: PathBuf } =>
            ja: "{path}: 作成",
            en: "{path}: created";
        /// plan.toml changed.
        PlanUpdated { path: PathBuf, fields: Vec<String> } =>
            ja: "{path}: 更新 ({fields})",
            en: "{path}: updated ({fields})";
        /// An item file made.
        ItemCreated { id: String, title: String } =>
            ja: "{id} {title}: 新規",
            en: "{id} {title}: new";
        /// An item file changed.
        ItemUpdated { id: String, title: String, fields: Vec<String> } =>
            ja: "{id} {title}: 更新 ({fields})",
            en: "{id} {title}: updated ({fields})";
        /// Items of the plan the sheet does not list.
        NotInSheet { items: Vec<String> } =>
            ja: "シートにない実施項目 (そのまま残します): {items}",
            en: "items the sheet does not list (left as they are): {items}";
        /// The closing line.
        Summary { created: usize, updated: usize, unchanged: usize } =>
            ja: "計画入力シートを取込み: 新規{created}項目、更新{updated}項目、変更なし{unchanged}項目",
            en: "plan sheet taken in: {created} item(s) new, {updated} updated, {unchanged} unchanged";
        /// The closing line of --dry-run.
        DryRunSummary { created: usize, updated: usize, unchanged: usize } =>
            ja: "計画入力シートを確認: 新規{created}項目、更新{updated}項目、変更なし{unchanged}項目 (--dry-run のため書き込んでいません)",
            en: "plan sheet checked: {created} item(s) would be new, {updated} updated, {unchanged} unchanged (--dry-run: nothing written)";
    }
}

/// One problem, where it is.
#[derive(Debug)]
pub struct PlanSheetError {
    /// `book.xlsx!計画入力!M5`, or the file alone.
    pub location: String,
    /// The item of the row, when its id could be read.
    pub item: Option<ItemId>,
    /// What is wrong.
    pub problem: PlanSheetProblem,
}

impl Localize for PlanSheetError {
    fn localize(&self, lang: Lang) -> String {
        let (location, problem) = (self.location.clone(), self.problem.localize(lang));
        match self.item {
            Some(id) => PlanImportText::AtItem {
                location,
                id,
                problem,
            },
            None => PlanImportText::AtCell { location, problem },
        }
        .localize(lang)
    }
}

/// Why a plan sheet was not taken in.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.localize(Lang::Ja))]
pub enum PlanImportFailure {
    /// The plan in the folder does not load.
    Plan(#[from] LoadErrors),
    /// The workbook or the plan's files could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Cells are wrong: nothing was written.
    Cells(Vec<PlanSheetError>),
    /// Writing failed part-way; each file is old or new.
    Commit(#[from] CommitError),
}

impl Localize for PlanImportFailure {
    fn localize(&self, lang: Lang) -> String {
        match self {
            PlanImportFailure::Plan(e) => e.localize(lang),
            PlanImportFailure::Read { path, source } => PlanImportText::CannotRead {
                path: path.clone(),
                reason: source.arg(lang),
            }
            .localize(lang),
            PlanImportFailure::Cells(errors) => {
                let mut lines: Vec<String> = errors.iter().map(|e| e.localize(lang)).collect();
                lines.push(
                    PlanImportText::NothingWritten {
                        errors: errors.len(),
                    }
                    .localize(lang),
                );
                lines.join("\n")
            }
            PlanImportFailure::Commit(e) => e.localize(lang),
        }
    }
}

/// What an import does, worked out completely in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanImport {
    /// plan.toml: `None` when unchanged, else the fields changed (empty when it is new).
    pub plan_file: Option<(PathBuf, bool, Vec<String>)>,
    /// Items whose files are new.
    pub created: Vec<(ItemId, String)>,
    /// Items whose files change, with the columns that change them.
    pub updated: Vec<(ItemId, String, Vec<String>)>,
    /// Items the sheet gives as they are.
    pub unchanged: usize,
    /// Items of the plan the sheet does not list.
    pub not_in_sheet: Vec<ItemId>,
    /// The files to write.
    pub files: Vec<PendingFile>,
}

impl PlanImport {
    /// What it does, line by line, and the closing line.
    pub fn render(&self, dry_run: bool, lang: Lang) -> String {
        let mut lines = Vec::new();
        if let Some((path, created, fields)) = &self.plan_file {
            let path = path.clone();
            lines.push(if *created {
                PlanImportText::PlanCreated { path }.localize(lang)
            } else {
                PlanImportText::PlanUpdated {
                    path,
                    fields: fields.clone(),
                }
                .localize(lang)
            });
        }
        for (id, title) in &self.created {
            let (id, title) = (id.to_string(), title.clone());
            lines.push(PlanImportText::ItemCreated { id, title }.localize(lang));
        }
        for (id, title, fields) in &self.updated {
            let (id, title, fields) = (id.to_string(), title.clone(), fields.clone());
            lines.push(PlanImportText::ItemUpdated { id, title, fields }.localize(lang));
        }
        if !self.not_in_sheet.is_empty() {
            let items = self.not_in_sheet.iter().map(ToString::to_string).collect();
            lines.push(PlanImportText::NotInSheet { items }.localize(lang));
        }
        let (created, updated, unchanged) =
            (self.created.len(), self.updated.len(), self.unchanged);
        lines.push(
            if dry_run {
                PlanImportText::DryRunSummary {
                    created,
                    updated,
                    unchanged,
                }
            } else {
                PlanImportText::Summary {
                    created,
                    updated,
                    unchanged,
                }
            }
            .localize(lang),
        );
        lines.join("\n") + "\n"
    }
}

/// 計画情報 as read.
struct PlanInfo {
    id: String,
    name: String,
    municipality: String,
    years: Vec<FiscalYear>,
    unit: MoneyUnit,
    rules: String,
    scale: Option<Scale>,
}

/// One item row: the text of every column that is not blank, with its place.
struct Row {
    row: u32,
    cells: BTreeMap<Column, (String, String)>,
}

/// A workbook's cells, with their names.
struct Sheet<'a> {
    name: String,
    sheet: &'static str,
    range: &'a Range<Data>,
}

impl Sheet<'_> {
    fn at(&self, row: u32, col: u16) -> String {
        format!("{}!{}!{}", self.name, self.sheet, cell_name(row, col))
    }

    /// The cell's text; a date, a truth value or an error is a problem.
    fn text(&self, row: u32, col: u16) -> Result<Option<String>, PlanSheetProblem> {
        cell_text(self.range.get_value((row, u32::from(col)))).map_err(|p| match p {
            crate::cycle::Problem::NotAValue { found } => PlanSheetProblem::NotAValue { found },
            other => PlanSheetProblem::NotAValue {
                found: format!("{other:?}"),
            },
        })
    }

    /// The cell's text, blank for anything that is not text.
    fn plain(&self, row: u32, col: u16) -> String {
        self.text(row, col).ok().flatten().unwrap_or_default()
    }
}

/// A heading as messages name its column: on one line.
fn what(layout: &Layout, column: Column) -> String {
    layout.heading(column).replace('\n', " ")
}

/// Reads and checks the workbook `file` (`bytes`) against the plan in `dir` (`None` for a new
/// one), and works out the plan's new files.
fn prepare(
    file: &Path,
    bytes: &[u8],
    dir: &Path,
    existing: Option<(&Plan, &SourceFile, &[SourceFile])>,
    rules: Option<&Path>,
) -> Result<PlanImport, Vec<PlanSheetError>> {
    let name = file.display().to_string();
    let whole = |problem| {
        vec![PlanSheetError {
            location: name.clone(),
            item: None,
            problem,
        }]
    };
    let unreadable = |e: calamine::XlsxError| PlanSheetProblem::Unreadable {
        reason: e.to_string(),
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| whole(unreadable(e)))?;
    for sheet in [PLAN_SHEET, INFO_SHEET] {
        if !book.sheet_names().iter().any(|s| s == sheet) {
            return Err(whole(PlanSheetProblem::NoSheet {
                sheet: sheet.into(),
            }));
        }
    }
    let merged = match book.worksheet_merge_cells(PLAN_SHEET) {
        Some(Ok(m)) => m,
        Some(Err(e)) => return Err(whole(unreadable(e))),
        None => Vec::new(),
    };
    let items_range = (book.worksheet_range(PLAN_SHEET)).map_err(|e| whole(unreadable(e)))?;
    let info_range = (book.worksheet_range(INFO_SHEET)).map_err(|e| whole(unreadable(e)))?;
    let items = Sheet {
        name: name.clone(),
        sheet: PLAN_SHEET,
        range: &items_range,
    };
    let info_sheet = Sheet {
        name: name.clone(),
        sheet: INFO_SHEET,
        range: &info_range,
    };
    let mut errors = Vec::new();
    let info = read_info(&info_sheet, existing.map(|e| e.0), &mut errors);
    let Some(info) = info else {
        return Err(errors);
    };
    let layout = Layout::new(&info.years, info.unit);
    for &column in layout.columns() {
        let col = layout.index(column);
        let found = items.plain(layout::HEADING_ROW, col);
        if found != layout.heading(column) {
            errors.push(PlanSheetError {
                location: items.at(layout::HEADING_ROW, col),
                item: None,
                problem: PlanSheetProblem::Heading {
                    expected: what(&layout, column),
                    found: found.replace('\n', " "),
                },
            });
            break;
        }
    }
    for m in &merged {
        if m.end.0 >= layout::HEADING_ROW {
            let range = format!(
                "{}:{}",
                cell_name(m.start.0, m.start.1 as u16),
                cell_name(m.end.0, m.end.1 as u16)
            );
            errors.push(PlanSheetError {
                location: items.at(m.start.0, m.start.1 as u16),
                item: None,
                problem: PlanSheetProblem::Merged { range },
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The rule set: --rules, else the plan's, else 計画情報's (relative to the plan's folder).
    let rules_dir = match (rules, existing.and_then(|e| e.0.rules.clone())) {
        (Some(r), _) => r.to_path_buf(),
        (None, Some(r)) => r,
        (None, None) => dir.join(&info.rules),
    };
    let rule_set = match RuleSet::load_dir_deferred(&rules_dir) {
        Ok(r) => r,
        Err(e) => {
            let problem = PlanSheetProblem::Rules {
                path: rules_dir.clone(),
                error: Box::new(e),
            };
            let location = info_sheet.at(Info::Rules.row(), 1);
            return Err(vec![PlanSheetError {
                location,
                item: None,
                problem,
            }]);
        }
    };
    let kinds: Vec<String> = rule_set.kinds().map(String::from).collect();

    let last_row = items_range.end().map(|(r, _)| r).unwrap_or(0);
    let mut rows = Vec::new();
    for row in layout::FIRST_ITEM_ROW..=last_row {
        let mut cells = BTreeMap::new();
        for &column in layout.columns() {
            let col = layout.index(column);
            match items.text(row, col) {
                Ok(Some(text)) => {
                    cells.insert(column, (text, items.at(row, col)));
                }
                Ok(None) => {}
                Err(problem) => errors.push(PlanSheetError {
                    location: items.at(row, col),
                    item: None,
                    problem,
                }),
            }
        }
        if !cells.is_empty() {
            rows.push(Row { row, cells });
        }
    }
    // An effect formula compiles as the rules will compile it (the rule set compiled only
    // for the first formula).
    let formula = |text: &str| {
        rule_set
            .compile_formula(text, "")
            .map(drop)
            .map_err(|e| match e {
                // The cell is named already: what is wrong with the expression is enough.
                RuleError::Compile(c) => FormulaError::Expression { problem: c.problem },
                other => FormulaError::Rules {
                    error: Box::new(other),
                },
            })
    };
    let specs = read_rows(&items, &layout, &rows, &kinds, &formula, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let Specs {
        items: specs,
        policies,
        themes,
    } = specs;
    // A new plan names its rule set as plan.toml does: from its folder.
    let mut info = info;
    if let (None, Some(rules)) = (existing, rules) {
        info.rules = super::relative_to(rules, dir)
            .to_string_lossy()
            .replace('\\', "/");
    }
    build(dir, existing, &info, &layout, specs, policies, themes).map_err(|problem| {
        vec![PlanSheetError {
            location: name.clone(),
            item: None,
            problem,
        }]
    })
}

/// Reads 計画情報; against the plan in the folder, when there is one.
fn read_info(
    sheet: &Sheet,
    plan: Option<&Plan>,
    errors: &mut Vec<PlanSheetError>,
) -> Option<PlanInfo> {
    let mut error = |row: u32, col: u16, problem| {
        errors.push(PlanSheetError {
            location: sheet.at(row, col),
            item: None,
            problem,
        })
    };
    for info in Info::ALL {
        let found = sheet.plain(info.row(), 0);
        if found != info.label() {
            error(
                info.row(),
                0,
                PlanSheetProblem::Heading {
                    expected: info.label().into(),
                    found,
                },
            );
        }
    }
    for (col, heading) in layout::SCALE_HEADINGS.iter().enumerate() {
        let found = sheet.plain(layout::SCALE_HEADING_ROW, col as u16);
        if found != *heading {
            let expected = heading.to_string();
            error(
                layout::SCALE_HEADING_ROW,
                col as u16,
                PlanSheetProblem::Heading { expected, found },
            );
        }
    }
    let value = |info: Info| sheet.plain(info.row(), 1);
    let mut required = |info: Info| {
        let text = value(info);
        if text.is_empty() {
            let what = info.label().to_string();
            error(info.row(), 1, PlanSheetProblem::Blank { what });
        }
        text
    };
    let (id, name, municipality, years_text) = (
        required(Info::Id),
        required(Info::Name),
        required(Info::Municipality),
        required(Info::Years),
    );
    let mut years = Vec::new();
    for part in years_text.split([',', '、', '，']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        match part.parse::<FiscalYear>() {
            Ok(y) => years.push(y),
            Err(e) => error(
                Info::Years.row(),
                1,
                PlanSheetProblem::Years {
                    text: years_text.clone(),
                    problem: Some(e),
                },
            ),
        }
    }
    if years.windows(2).any(|w| w[0].next() != Some(w[1])) {
        error(
            Info::Years.row(),
            1,
            PlanSheetProblem::Years {
                text: years_text.clone(),
                problem: None,
            },
        );
    }
    let notation = YearNotation::of(&years);
    let years: Vec<FiscalYear> = years.into_iter().map(|y| y.in_notation(notation)).collect();
    let unit_text = value(Info::Unit);
    let unit = if unit_text.is_empty() {
        MoneyUnit::default()
    } else {
        unit_text.parse().unwrap_or_else(|_| {
            error(
                Info::Unit.row(),
                1,
                PlanSheetProblem::Unit {
                    text: unit_text.clone(),
                },
            );
            MoneyUnit::default()
        })
    };
    let mut ratings: Vec<Rating> = Vec::new();
    for row in layout::SCALE_HEADING_ROW + 1.. {
        let [label, name, name_en] = [0, 1, 2].map(|c| sheet.plain(row, c));
        if label.is_empty() && name.is_empty() && name_en.is_empty() {
            break;
        }
        let folded = crate::model::normalize_label(&label);
        if label.is_empty()
            || name.is_empty()
            || name_en.is_empty()
            || ratings.iter().any(|r| r.label == folded)
        {
            error(row, 0, PlanSheetProblem::Rating { label });
            continue;
        }
        ratings.push(Rating {
            label: folded,
            name,
            name_en,
        });
    }
    if let Some(plan) = plan {
        if id != plan.id {
            let expected = plan.id.clone();
            let found = id.clone();
            error(
                Info::Id.row(),
                1,
                PlanSheetProblem::OtherPlan { found, expected },
            );
        }
        if !years.is_empty() && years != plan.years {
            let written = |ys: &[FiscalYear]| {
                ys.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            error(
                Info::Years.row(),
                1,
                PlanSheetProblem::OtherYears {
                    found: written(&years),
                    expected: written(&plan.years),
                },
            );
        }
    }
    if !errors.is_empty() {
        return None;
    }
    Some(PlanInfo {
        id,
        name,
        municipality,
        years,
        unit,
        rules: value(Info::Rules),
        scale: (!ratings.is_empty()).then_some(Scale {
            ratings,
            relations: Vec::new(),
        }),
    })
}

/// One item as its row gives it: every field the sheet carries, as the files will write it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ItemSpec {
    id: ItemId,
    title: String,
    /// Blank where the document prints no 部局.
    department: Option<String>,
    section: String,
    related: Vec<String>,
    sheet: bool,
    actions: Option<String>,
    situation: Option<String>,
    final_goal: Option<String>,
    indicator: String,
    unit: String,
    kind: String,
    baseline: Option<String>,
    final_target: Option<String>,
    effect: Option<String>,
    /// 効果額の算定式 in words (kept as a note).
    effect_words: Option<String>,
    /// Per year of the period: (年次計画, 目標値, 効果見込額).
    years: Vec<[Option<String>; 3]>,
    subtotal: Option<String>,
}

/// What the rows give.
struct Specs {
    items: Vec<ItemSpec>,
    policies: BTreeMap<u32, String>,
    themes: BTreeMap<u32, (u32, String)>,
}

/// Checks every row; the items, policies and themes they give.
fn read_rows(
    sheet: &Sheet,
    layout: &Layout,
    rows: &[Row],
    kinds: &[String],
    formula: &dyn Fn(&str) -> Result<(), FormulaError>,
    errors: &mut Vec<PlanSheetError>,
) -> Specs {
    let mut specs: Vec<(ItemSpec, String)> = Vec::new();
    // Numbers to names, with the cell that named them first.
    let mut policies: BTreeMap<u32, (String, String)> = BTreeMap::new();
    let mut themes: BTreeMap<u32, (u32, String, String)> = BTreeMap::new();
    let mut policy_rows: BTreeMap<u32, String> = BTreeMap::new();
    let mut theme_rows: BTreeMap<u32, String> = BTreeMap::new();
    for row in rows {
        let mut item = None;
        let mut problems: Vec<(String, PlanSheetProblem)> = Vec::new();
        let text = |c: Column| row.cells.get(&c).map(|(t, _)| t.clone());
        let at = |c: Column| sheet.at(row.row, layout.index(c));
        let required = |c: Column, problems: &mut Vec<(String, PlanSheetProblem)>| {
            text(c).unwrap_or_else(|| {
                problems.push((
                    at(c),
                    PlanSheetProblem::Blank {
                        what: what(layout, c),
                    },
                ));
                String::new()
            })
        };
        let number = |c: Column, problems: &mut Vec<(String, PlanSheetProblem)>| {
            let t = required(c, problems);
            if t.is_empty() {
                return None;
            }
            let n = read_number(&t);
            if n.is_none() {
                problems.push((
                    at(c),
                    PlanSheetProblem::NotANumber {
                        what: what(layout, c),
                        text: t,
                    },
                ));
            }
            n
        };
        let policy = number(Column::Policy, &mut problems);
        let theme = number(Column::Theme, &mut problems);
        let n = number(Column::Number, &mut problems);
        if let (Some(p), Some(t), Some(n)) = (policy, theme, n) {
            item = Some(ItemId {
                policy: p,
                theme: t,
                number: n,
            });
        }
        if let Some(p) = policy {
            policy_rows
                .entry(p)
                .or_insert_with(|| at(Column::PolicyName));
            if let Some(name) = text(Column::PolicyName) {
                match policies.get(&p) {
                    Some((other, first)) if *other != name => problems.push((
                        at(Column::PolicyName),
                        PlanSheetProblem::TwoNames {
                            what: "基本方針".into(),
                            number: p,
                            name,
                            other: other.clone(),
                            at: first.clone(),
                        },
                    )),
                    Some(_) => {}
                    None => {
                        policies.insert(p, (name, at(Column::PolicyName)));
                    }
                }
            }
        }
        if let (Some(p), Some(t)) = (policy, theme) {
            theme_rows.entry(t).or_insert_with(|| at(Column::ThemeName));
            let name = text(Column::ThemeName);
            match themes.get(&t) {
                Some((other, _, first)) if *other != p => problems.push((
                    at(Column::Theme),
                    PlanSheetProblem::ThemePolicy {
                        theme: t,
                        policy: p,
                        other: *other,
                        at: first.clone(),
                    },
                )),
                Some((_, other, first)) => {
                    if let Some(name) = name.filter(|n| !other.is_empty() && n != other) {
                        problems.push((
                            at(Column::ThemeName),
                            PlanSheetProblem::TwoNames {
                                what: "改革の推進項目".into(),
                                number: t,
                                name,
                                other: other.clone(),
                                at: first.clone(),
                            },
                        ));
                    } else if other.is_empty() {
                        if let Some(name) = text(Column::ThemeName) {
                            themes.insert(t, (p, name, at(Column::ThemeName)));
                        }
                    }
                }
                None => {
                    themes.insert(t, (p, name.unwrap_or_default(), at(Column::ThemeName)));
                }
            }
        }
        let title = required(Column::Title, &mut problems);
        let indicator = required(Column::Indicator, &mut problems);
        let unit = required(Column::Unit, &mut problems);
        let kind = required(Column::Kind, &mut problems);
        if !kind.is_empty() && !kinds.contains(&kind) {
            problems.push((
                at(Column::Kind),
                PlanSheetProblem::UnknownKind {
                    kind: kind.clone(),
                    kinds: kinds.to_vec(),
                },
            ));
        }
        // Values: read by the plan's parser, in the indicator's unit or in money.
        let value = |c: Column, money: bool, problems: &mut Vec<(String, PlanSheetProblem)>| {
            let written = text(c)?;
            let written = if money {
                in_money(&written, layout.unit)
            } else {
                written
            };
            let cell = match written.parse::<Cell>() {
                Ok(cell) => cell,
                Err(e) => {
                    problems.push((
                        at(c),
                        PlanSheetProblem::Value {
                            what: what(layout, c),
                            text: written,
                            error: e,
                        },
                    ));
                    return None;
                }
            };
            let checked = if money {
                cell.check_money()
            } else {
                cell.check_unit(&unit)
            };
            if let Err(e) = checked {
                problems.push((
                    at(c),
                    PlanSheetProblem::WrongUnit {
                        what: what(layout, c),
                        error: e,
                    },
                ));
            }
            Some(written)
        };
        let baseline = value(Column::Baseline, false, &mut problems);
        let final_target = value(Column::FinalTarget, false, &mut problems);
        let mut years = Vec::new();
        for i in 0..layout.years.len() {
            let target = value(Column::Target(i), false, &mut problems);
            let expected = value(Column::ExpectedEffect(i), true, &mut problems);
            years.push([text(Column::YearPlan(i)), target, expected]);
        }
        // A year left blank between two that have values: a value missed in copying.
        for (field, column) in [
            (1, Column::Target as fn(usize) -> Column),
            (2, Column::ExpectedEffect),
        ] {
            let given: Vec<bool> = years.iter().map(|y| y[field].is_some()).collect();
            if let (Some(first), Some(last)) = (
                given.iter().position(|g| *g),
                given.iter().rposition(|g| *g),
            ) {
                let blanks = (first..last).filter(|i| !given[*i]);
                for i in blanks {
                    if !row.cells.contains_key(&column(i)) {
                        problems.push((
                            at(column(i)),
                            PlanSheetProblem::MissingYear {
                                what: what(layout, column(i)),
                            },
                        ));
                    }
                }
            }
        }
        let subtotal = value(Column::Subtotal, true, &mut problems);
        // 効果額の算定式: an expression of the formula's variables, or words kept as a note.
        let (effect, effect_words) = match text(Column::Formula) {
            None => (None, None),
            Some(f) if names_a_variable(&f) => {
                if let Err(error) = formula(&f) {
                    problems.push((
                        at(Column::Formula),
                        PlanSheetProblem::Formula {
                            text: f.clone(),
                            error,
                        },
                    ));
                }
                (Some(f), None)
            }
            Some(words) => (None, Some(words)),
        };
        let sheet_flag = match text(Column::Sheet).as_deref() {
            None | Some("あり") => true,
            Some("なし") => false,
            Some(other) => {
                problems.push((
                    at(Column::Sheet),
                    PlanSheetProblem::SheetFlag {
                        text: other.to_string(),
                    },
                ));
                true
            }
        };
        let id_at = at(Column::Number);
        if let Some(id) = item {
            if let Some((_, first)) = specs.iter().find(|(s, _)| s.id == id) {
                problems.push((
                    id_at.clone(),
                    PlanSheetProblem::DuplicateItem {
                        id: id.to_string(),
                        first: first.clone(),
                    },
                ));
            }
        }
        for (location, problem) in problems.drain(..) {
            errors.push(PlanSheetError {
                location,
                item,
                problem,
            });
        }
        let Some(id) = item else { continue };
        specs.push((
            ItemSpec {
                id,
                title,
                department: text(Column::Department),
                section: text(Column::Section).unwrap_or_default(),
                related: text(Column::Related)
                    .map(|r| {
                        r.split(['、', ',', '，'])
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
                sheet: sheet_flag,
                actions: text(Column::Actions),
                situation: text(Column::Situation),
                final_goal: text(Column::FinalGoal),
                indicator,
                unit,
                kind,
                baseline,
                final_target,
                effect,
                effect_words,
                years,
                subtotal,
            },
            id_at,
        ));
    }
    for (number, at) in &policy_rows {
        if !policies.contains_key(number) {
            errors.push(PlanSheetError {
                location: at.clone(),
                item: None,
                problem: PlanSheetProblem::NoName {
                    what: "基本方針".into(),
                    number: *number,
                },
            });
        }
    }
    for (number, at) in &theme_rows {
        if themes
            .get(number)
            .is_none_or(|(_, name, _)| name.is_empty())
        {
            errors.push(PlanSheetError {
                location: at.clone(),
                item: None,
                problem: PlanSheetProblem::NoName {
                    what: "改革の推進項目".into(),
                    number: *number,
                },
            });
        }
    }
    let mut items: Vec<ItemSpec> = specs.into_iter().map(|(s, _)| s).collect();
    items.sort_by_key(|s| s.id);
    Specs {
        items,
        policies: policies
            .into_iter()
            .map(|(n, (name, _))| (n, name))
            .collect(),
        themes: themes
            .into_iter()
            .map(|(n, (p, name, _))| (n, (p, name)))
            .collect(),
    }
}

/// Whether a 効果額の算定式 names a variable of the formulas (`value`, `previous`, `baseline`,
/// `total`): then it is meant as an expression, else it is words.
fn names_a_variable(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| FORMULA_VARIABLES.contains(&word))
}

/// The item's notes with the formula in words as the sheet gives it.
fn notes_with(notes: &[String], words: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = (notes.iter())
        .filter(|n| !n.starts_with(FORMULA_NOTE))
        .cloned()
        .collect();
    if let Some(words) = words {
        out.push(format!("{FORMULA_NOTE}{words}"));
    }
    out
}

/// A number as a sheet writes it: `3`, `３`, `③`.
fn read_number(text: &str) -> Option<u32> {
    let text = text.trim();
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        if let Some(n) = uncircled(c) {
            return Some(n);
        }
    }
    let digits: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    digits.parse::<u32>().ok().filter(|n| *n > 0)
}

/// An amount typed in an effect column: a bare number is in the columns' unit, which the
/// files write after it unless it is 千円 (their own bare unit).
fn in_money(text: &str, unit: MoneyUnit) -> String {
    if unit == MoneyUnit::default() {
        return text.to_string();
    }
    match text.parse::<Cell>() {
        Ok(cell) if matches!(&cell.value, crate::model::Value::Number(q) if q.unit.is_none() && q.bound.is_none() && q.total.is_none()) =>
        {
            format!("{text}{}", unit.label())
        }
        _ => text.to_string(),
    }
}

/// A TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The order of an item file's top-level keys (docs/plan-format.md).
const ITEM_KEYS: [&str; 10] = [
    "title",
    "department",
    "section",
    "related_sections",
    "sheet",
    "actions",
    "situation",
    "final_goal",
    "notes",
    "overall_rating",
];
/// The order of `[indicator]`'s keys.
const INDICATOR_KEYS: [&str; 6] = ["name", "unit", "kind", "baseline", "final_target", "effect"];
/// The order of `[subtotals]`' keys.
const SUBTOTAL_KEYS: [&str; 2] = ["expected_effect", "actual_effect"];

/// A new item file's text.
fn new_item(spec: &ItemSpec, years: &[FiscalYear]) -> String {
    let mut out = String::new();
    let line = |out: &mut String, key: &str, value: &Option<String>| {
        if let Some(v) = value {
            out.push_str(&format!("{key} = {}\n", quoted(v)));
        }
    };
    line(&mut out, "title", &Some(spec.title.clone()));
    line(&mut out, "department", &spec.department);
    line(&mut out, "section", &Some(spec.section.clone()));
    let related: Vec<String> = spec.related.iter().map(|r| quoted(r)).collect();
    out.push_str(&format!("related_sections = [{}]\n", related.join(", ")));
    out.push_str(&format!("sheet = {}\n", spec.sheet));
    line(&mut out, "actions", &spec.actions);
    line(&mut out, "situation", &spec.situation);
    line(&mut out, "final_goal", &spec.final_goal);
    if let Some(words) = &spec.effect_words {
        out.push_str(&format!(
            "notes = [{}]\n",
            quoted(&format!("{FORMULA_NOTE}{words}"))
        ));
    }
    out.push_str("\n[indicator]\n");
    line(&mut out, "name", &Some(spec.indicator.clone()));
    line(&mut out, "unit", &Some(spec.unit.clone()));
    line(&mut out, "kind", &Some(spec.kind.clone()));
    line(&mut out, "baseline", &spec.baseline);
    line(&mut out, "final_target", &spec.final_target);
    line(&mut out, "effect", &spec.effect);
    for (year, [plan, target, expected]) in years.iter().zip(&spec.years) {
        if plan.is_none() && target.is_none() && expected.is_none() {
            continue;
        }
        out.push_str(&format!("\n[years.{year}]\n"));
        line(&mut out, "plan", plan);
        line(&mut out, "target", target);
        line(&mut out, "expected_effect", expected);
    }
    if spec.subtotal.is_some() {
        out.push_str("\n[subtotals]\n");
        line(&mut out, "expected_effect", &spec.subtotal);
    }
    out
}

/// Whether a file's `old` value says what the sheet's `new` does: the same value for figures
/// ("25900" and "25,900"), the same text otherwise.
fn same_value(old: Option<&Cell>, new: Option<&str>) -> bool {
    match (old, new) {
        (None, None) => true,
        (Some(old), Some(new)) => {
            old.text == new || new.parse::<Cell>().is_ok_and(|n| n.value == old.value)
        }
        _ => false,
    }
}

/// Sets or removes `key` of `table` (kept in the format's order).
fn put(table: &mut toml_edit::Table, key: &str, value: Option<&str>, order: &[&str]) {
    match value {
        Some(v) => set_key(table, key, v, order),
        None => {
            table.remove(key);
        }
    }
}

/// Edits an existing item file to what the sheet gives; the columns that changed it.
fn update_item(
    doc: &mut toml_edit::DocumentMut,
    item: &Item,
    spec: &ItemSpec,
    layout: &Layout,
) -> Vec<String> {
    let mut changed = Vec::new();
    let root = doc.as_table_mut();
    let mut text = |root: &mut toml_edit::Table, key, column, old: &str, new: &str| {
        // Only the 部局 may be left out (where the document prints none).
        if old != new && new.is_empty() && key == "department" {
            root.remove(key);
            changed.push(what(layout, column));
        } else if old != new {
            set_key(root, key, new, &ITEM_KEYS);
            changed.push(what(layout, column));
        }
    };
    text(root, "title", Column::Title, &item.title, &spec.title);
    text(
        root,
        "department",
        Column::Department,
        item.department.as_deref().unwrap_or_default(),
        spec.department.as_deref().unwrap_or_default(),
    );
    text(
        root,
        "section",
        Column::Section,
        &item.section,
        &spec.section,
    );
    if item.related_sections != spec.related {
        let array: toml_edit::Array = spec.related.iter().map(String::as_str).collect();
        set_key(root, "related_sections", array, &ITEM_KEYS);
        changed.push(what(layout, Column::Related));
    }
    if item.sheet != spec.sheet {
        set_key(root, "sheet", spec.sheet, &ITEM_KEYS);
        changed.push(what(layout, Column::Sheet));
    }
    for (key, column, old, new) in [
        ("actions", Column::Actions, &item.actions, &spec.actions),
        (
            "situation",
            Column::Situation,
            &item.situation,
            &spec.situation,
        ),
        (
            "final_goal",
            Column::FinalGoal,
            &item.final_goal,
            &spec.final_goal,
        ),
    ] {
        if old != new {
            put(root, key, new.as_deref(), &ITEM_KEYS);
            changed.push(what(layout, column));
        }
    }
    let notes = notes_with(&item.notes, spec.effect_words.as_deref());
    if notes != item.notes {
        if notes.is_empty() {
            root.remove("notes");
        } else {
            let array: toml_edit::Array = notes.iter().map(String::as_str).collect();
            set_key(root, "notes", array, &ITEM_KEYS);
        }
        changed.push(what(layout, Column::Formula));
    }
    if let Some(indicator) = root.get_mut("indicator").and_then(|i| i.as_table_mut()) {
        let ind = &item.indicator;
        for (key, column, old, new) in [
            ("name", Column::Indicator, &ind.name, &spec.indicator),
            ("unit", Column::Unit, &ind.unit, &spec.unit),
            ("kind", Column::Kind, &ind.kind, &spec.kind),
        ] {
            if old != new {
                set_key(indicator, key, new.as_str(), &INDICATOR_KEYS);
                changed.push(what(layout, column));
            }
        }
        for (key, column, old, new) in [
            ("baseline", Column::Baseline, &ind.baseline, &spec.baseline),
            (
                "final_target",
                Column::FinalTarget,
                &ind.final_target,
                &spec.final_target,
            ),
        ] {
            if !same_value(old.as_ref(), new.as_deref()) {
                put(indicator, key, new.as_deref(), &INDICATOR_KEYS);
                changed.push(what(layout, column));
            }
        }
        if ind.effect != spec.effect {
            put(indicator, "effect", spec.effect.as_deref(), &INDICATOR_KEYS);
            changed.push(what(layout, Column::Formula));
        }
    }
    for (i, year) in layout.years.iter().enumerate() {
        let entry = item.year(*year).cloned().unwrap_or_default();
        let [plan, target, expected] = &spec.years[i];
        let fields = [
            ("plan", Column::YearPlan(i), entry.plan == *plan),
            (
                "target",
                Column::Target(i),
                same_value(entry.target.as_ref(), target.as_deref()),
            ),
            (
                "expected_effect",
                Column::ExpectedEffect(i),
                same_value(entry.expected_effect.as_ref(), expected.as_deref()),
            ),
        ];
        for ((key, column, same), new) in fields.into_iter().zip([plan, target, expected]) {
            if same {
                continue;
            }
            // A value to set makes the year's table; one to remove needs it to be there.
            let table = if new.is_some() || item.year(*year).is_some() {
                year_table(doc, *year)
            } else {
                None
            };
            if let Some(table) = table {
                put(table, key, new.as_deref(), &YEAR_KEYS);
                changed.push(what(layout, column));
            }
        }
    }
    if !same_value(
        item.subtotals.expected_effect.as_ref(),
        spec.subtotal.as_deref(),
    ) {
        let root = doc.as_table_mut();
        if !root.contains_key("subtotals") {
            root.insert("subtotals", toml_edit::Item::Table(toml_edit::Table::new()));
        }
        if let Some(t) = root.get_mut("subtotals").and_then(|s| s.as_table_mut()) {
            put(
                t,
                "expected_effect",
                spec.subtotal.as_deref(),
                &SUBTOTAL_KEYS,
            );
            changed.push(what(layout, Column::Subtotal));
        }
    }
    changed
}

/// A new plan.toml.
fn new_plan_file(
    info: &PlanInfo,
    policies: &BTreeMap<u32, String>,
    themes: &BTreeMap<u32, (u32, String)>,
) -> String {
    let mut out = format!("# {}\n", info.name);
    out.push_str(&format!("id = {}\n", quoted(&info.id)));
    out.push_str(&format!("name = {}\n", quoted(&info.name)));
    out.push_str(&format!("municipality = {}\n", quoted(&info.municipality)));
    let years: Vec<String> = info.years.iter().map(|y| quoted(&y.to_string())).collect();
    out.push_str(&format!("years = [{}]\n", years.join(", ")));
    if !info.rules.is_empty() {
        out.push_str(&format!("rules = {}\n", quoted(&info.rules)));
    }
    out.push_str(&format!("report_unit = {}\n", quoted(info.unit.label())));
    for r in info.scale.iter().flat_map(|s| &s.ratings) {
        out.push_str(&format!(
            "\n[[scale.ratings]]\nlabel = {}\nname = {}\nname_en = {}\n",
            quoted(&r.label),
            quoted(&r.name),
            quoted(&r.name_en)
        ));
    }
    for (number, name) in policies {
        out.push_str(&format!(
            "\n[[policies]]\nnumber = {number}\nname = {}\n",
            quoted(name)
        ));
    }
    for (number, (policy, name)) in themes {
        out.push_str(&format!(
            "\n[[themes]]\nnumber = {number}\npolicy = {policy}\nname = {}\n",
            quoted(name)
        ));
    }
    out
}

/// An array of tables of `rows` (key, value) each.
fn tables(rows: Vec<Vec<(&str, toml_edit::Value)>>) -> toml_edit::Item {
    let mut array = toml_edit::ArrayOfTables::new();
    for row in rows {
        let mut table = toml_edit::Table::new();
        for (k, v) in row {
            table.insert(k, toml_edit::Item::Value(v));
        }
        array.push(table);
    }
    toml_edit::Item::ArrayOfTables(array)
}

/// Edits plan.toml to what 計画情報 and the rows give (policies and themes the rows do not
/// name are kept); the labels of what changed.
fn update_plan_file(
    doc: &mut toml_edit::DocumentMut,
    plan: &Plan,
    info: &PlanInfo,
    policies: &BTreeMap<u32, String>,
    themes: &BTreeMap<u32, (u32, String)>,
) -> Vec<String> {
    let mut changed = Vec::new();
    let order = [
        "id",
        "name",
        "municipality",
        "years",
        "rules",
        "report_unit",
    ];
    let root = doc.as_table_mut();
    for (key, info_field, old, new) in [
        ("name", Info::Name, &plan.name, &info.name),
        (
            "municipality",
            Info::Municipality,
            &plan.municipality,
            &info.municipality,
        ),
    ] {
        if old != new {
            set_key(root, key, new.as_str(), &order);
            changed.push(info_field.label().to_string());
        }
    }
    if plan.report_unit != info.unit {
        set_key(root, "report_unit", info.unit.label(), &order);
        changed.push(Info::Unit.label().to_string());
    }
    // The sheet lists ratings only: a sheet without any leaves a plan that records none
    // (`scale = "none"`) as it is.
    let records_none = plan.scale.as_ref().is_some_and(|s| !s.records_ratings());
    if plan.scale != info.scale && !(records_none && info.scale.is_none()) {
        root.remove("scale");
        if let Some(scale) = &info.scale {
            let mut table = toml_edit::Table::new();
            table.set_implicit(true);
            let rows = (scale.ratings.iter())
                .map(|r| {
                    vec![
                        ("label", r.label.as_str().into()),
                        ("name", r.name.as_str().into()),
                        ("name_en", r.name_en.as_str().into()),
                    ]
                })
                .collect();
            table.insert("ratings", tables(rows));
            root.insert("scale", toml_edit::Item::Table(table));
        }
        changed.push(layout::SCALE_HEADINGS[0].to_string());
    }
    let mut all_policies: BTreeMap<u32, String> = plan
        .policies
        .iter()
        .map(|p| (p.number, p.name.clone()))
        .collect();
    all_policies.extend(policies.clone());
    let mut all_themes: BTreeMap<u32, (u32, String)> = (plan.themes.iter())
        .map(|t| (t.number, (t.policy, t.name.clone())))
        .collect();
    all_themes.extend(themes.clone());
    let old_policies: Vec<(u32, String)> = plan
        .policies
        .iter()
        .map(|p| (p.number, p.name.clone()))
        .collect();
    if old_policies != all_policies.clone().into_iter().collect::<Vec<_>>() {
        let rows = (all_policies.iter())
            .map(|(n, name)| {
                vec![
                    ("number", i64::from(*n).into()),
                    ("name", name.as_str().into()),
                ]
            })
            .collect();
        root.insert("policies", tables(rows));
        changed.push("基本方針".to_string());
    }
    let old_themes: Vec<(u32, (u32, String))> = (plan.themes.iter())
        .map(|t| (t.number, (t.policy, t.name.clone())))
        .collect();
    if old_themes != all_themes.clone().into_iter().collect::<Vec<_>>() {
        let rows = (all_themes.iter())
            .map(|(n, (p, name))| {
                vec![
                    ("number", i64::from(*n).into()),
                    ("policy", i64::from(*p).into()),
                    ("name", name.as_str().into()),
                ]
            })
            .collect();
        root.insert("themes", tables(rows));
        changed.push("改革の推進項目".to_string());
    }
    changed
}

/// The plan's new files from what the sheet gives, checked by loading them.
fn build(
    dir: &Path,
    existing: Option<(&Plan, &SourceFile, &[SourceFile])>,
    info: &PlanInfo,
    layout: &Layout,
    specs: Vec<ItemSpec>,
    policies: BTreeMap<u32, String>,
    themes: BTreeMap<u32, (u32, String)>,
) -> Result<PlanImport, PlanSheetProblem> {
    let unparsable = |e: toml_edit::TomlError| PlanSheetProblem::Unparsable {
        detail: e.to_string(),
    };
    let mut files = Vec::new();
    let (plan_file, plan_change) = match existing {
        Some((plan, source, _)) => {
            let mut doc: toml_edit::DocumentMut = source.text.parse().map_err(unparsable)?;
            let changed = update_plan_file(&mut doc, plan, info, &policies, &themes);
            let file = SourceFile::new(source.path.clone(), doc.to_string());
            let change = (!changed.is_empty()).then(|| (source.path.clone(), false, changed));
            (file, change)
        }
        None => {
            let path = dir.join("plan.toml");
            let text = new_plan_file(info, &policies, &themes);
            (
                SourceFile::new(path.clone(), text),
                Some((path, true, Vec::new())),
            )
        }
    };
    if plan_change.is_some() {
        files.push(PendingFile {
            path: plan_file.path.clone(),
            content: plan_file.text.clone().into_bytes(),
        });
    }
    let mut item_files: Vec<SourceFile> = existing.map(|e| e.2.to_vec()).unwrap_or_default();
    let (mut created, mut updated, mut unchanged) = (Vec::new(), Vec::new(), 0);
    for spec in &specs {
        let old = existing.and_then(|(plan, _, _)| plan.item(spec.id));
        match old {
            Some(item) => {
                let Some(source) = item_files.iter_mut().find(|f| f.path == item.source.file)
                else {
                    continue;
                };
                let mut doc: toml_edit::DocumentMut = (source.text.parse()).map_err(unparsable)?;
                let changed = update_item(&mut doc, item, spec, layout);
                if changed.is_empty() {
                    unchanged += 1;
                    continue;
                }
                source.text = doc.to_string();
                files.push(PendingFile {
                    path: source.path.clone(),
                    content: source.text.clone().into_bytes(),
                });
                updated.push((spec.id, spec.title.clone(), changed));
            }
            None => {
                let path = dir.join("items").join(format!("{}.toml", spec.id));
                let text = new_item(spec, &layout.years);
                files.push(PendingFile {
                    path: path.clone(),
                    content: text.clone().into_bytes(),
                });
                item_files.push(SourceFile::new(path, text));
                created.push((spec.id, spec.title.clone()));
            }
        }
    }
    let not_in_sheet = existing
        .map(|(plan, _, _)| {
            (plan.items.iter())
                .map(|i| i.id)
                .filter(|id| !specs.iter().any(|s| s.id == *id))
                .collect()
        })
        .unwrap_or_default();
    load_plan_from(&MemorySource {
        plan: plan_file,
        items: item_files,
    })
    .map_err(|errors| PlanSheetProblem::Reload { errors })?;
    Ok(PlanImport {
        plan_file: plan_change,
        created,
        updated,
        unchanged,
        not_in_sheet,
        files,
    })
}

/// Takes the plan sheet `workbook` into the plan in `dir` — made there when the folder has no
/// plan — checking kinds against `rules` (else the plan's rule set, else the one 計画情報
/// names). Unless `dry_run`, writes the changed files, each atomically.
pub fn import_plan_sheet(
    dir: &Path,
    workbook: &Path,
    rules: Option<&Path>,
    dry_run: bool,
) -> Result<PlanImport, PlanImportFailure> {
    let read_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PlanImportFailure::Read { path, source }
    };
    let bytes = std::fs::read(workbook).map_err(read_error(workbook))?;
    let existing = if is_plan_folder(dir) {
        let source = DirSource::new(dir);
        let plan_file = source.plan_file().map_err(read_error(dir))?;
        let item_files = source.item_files().map_err(read_error(dir))?;
        let plan = load_plan_from(&source)?;
        Some((plan, plan_file, item_files))
    } else {
        None
    };
    let prepared = prepare(
        workbook,
        &bytes,
        dir,
        existing.as_ref().map(|(p, f, i)| (p, f, i.as_slice())),
        rules,
    )
    .map_err(PlanImportFailure::Cells)?;
    if !dry_run && !prepared.files.is_empty() {
        let items = dir.join("items");
        std::fs::create_dir_all(&items).map_err(read_error(&items))?;
        commit(&prepared.files)?;
    }
    Ok(prepared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn a_formula_names_its_variables_words_do_not() {
        assert!(names_a_variable("(value - previous) * 200"));
        assert!(names_a_variable("total*17.5"));
        assert!(!names_a_variable("削減時間 × 単価"));
        assert!(!names_a_variable("values are entered by the department"));
        let notes = vec!["a".to_string(), format!("{FORMULA_NOTE}old")];
        assert_eq!(
            notes_with(&notes, Some("new")),
            ["a".to_string(), format!("{FORMULA_NOTE}new")]
        );
        assert_eq!(notes_with(&notes, None), ["a"]);
    }

    #[test]
    fn numbers_as_sheets_write_them() {
        assert_eq!(read_number("3"), Some(3));
        assert_eq!(read_number("１２"), Some(12));
        assert_eq!(read_number("⑫"), Some(12));
        assert_eq!(read_number("0"), None);
        assert_eq!(read_number("3a"), None);
    }

    #[test]
    fn amounts_in_the_columns_unit() {
        let million = "百万円".parse().unwrap();
        assert_eq!(in_money("2", million), "2百万円");
        assert_eq!(in_money("1,200千円", million), "1,200千円");
        assert_eq!(in_money("-", million), "-");
        assert_eq!(in_money("2", MoneyUnit::default()), "2");
    }
}
