//! Reading plan files into the typed model. Every error names the file, the item and the line;
//! all errors of a plan are collected, so one run shows every broken file.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use crate::i18n::{Arg, Lang, Localize, Message};

use super::fiscal_year::{FiscalYear, YearNotation};
use super::item::{
    Amendment, Discrepancy, Indicator, Item, ItemId, ItemSource, ParseProblem, Review,
    ReviewDecision, Subtotals, YearEntry, AMENDABLE_FIELDS,
};
use super::lines::{error_line, LineIndex};
use super::plan::{ClosedYear, Plan, Policy, Theme};
use super::scale::{duplicate_label, Scale};
use super::source::{DirSource, PlanSource, SourceFile};
use super::value::{Cell, MoneyUnit, UnitError, ValueError};
use super::year_map::YearMap;

crate::i18n::messages! {
    /// What a plan error about two places is about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Identity {
        /// An item id (from the file name).
        Item =>
            ja: "取組番号",
            en: "item";
        /// A fiscal year (under one name or two: R5 and FY2023).
        Year =>
            ja: "年度",
            en: "year";
        /// A policy number (基本方針).
        Policy =>
            ja: "基本方針",
            en: "policy";
        /// A theme number (改革の推進項目).
        Theme =>
            ja: "改革の推進項目",
            en: "theme";
        /// A label of a rating scale.
        ScaleLabel =>
            ja: "評価の記号",
            en: "rating label";
    }

    /// How a plan loading error reads, with its place.
    #[derive(Debug)]
    pub enum LoadText {
        /// A file or folder could not be read.
        Io { reason: String } =>
            ja: "読み込めません: {reason}",
            en: "cannot read {reason}";
        /// A file's content is wrong, outside an item.
        Invalid { file: PathBuf, line: usize, problem: PlanProblem } =>
            ja: "{file}:{line}: {problem}",
            en: "{file}:{line}: {problem}";
        /// A file's content is wrong, in an item.
        InvalidInItem { file: PathBuf, line: usize, item: String, problem: PlanProblem } =>
            ja: "{file}:{line}: 実施項目 {item}: {problem}",
            en: "{file}:{line}: item {item}: {problem}";
        /// One thing given twice.
        Duplicate { what: Identity, key: String, file: PathBuf, line: usize, first_file: PathBuf, first_line: usize } =>
            ja: "{file}:{line}: {what} {key} が重複しています: {first_file}:{first_line} にもあります",
            en: "{file}:{line}: {what} {key} is given twice: also at {first_file}:{first_line}";
        /// One thing given twice, in an item.
        DuplicateInItem { what: Identity, key: String, file: PathBuf, line: usize, item: String, first_file: PathBuf, first_line: usize } =>
            ja: "{file}:{line}: 実施項目 {item}: {what} {key} が重複しています: {first_file}:{first_line} にもあります",
            en: "{file}:{line}: item {item}: {what} {key} is given twice: also at {first_file}:{first_line}";
        /// An item file whose name is not the item id as written.
        ItemFileName { file: PathBuf, expected: String } =>
            ja: "{file}:1: ファイル名は取組番号 {expected}.toml のとおりに書いてください (先頭の 0、符号、空白は付けません)",
            en: "{file}:1: the file name must be the item id written as {expected}.toml (no leading zeros, signs or spaces)";
        /// More items than a plan can have.
        TooManyItems { count: usize, limit: usize } =>
            ja: "計画に取組項目のファイルが {count} 個あり、上限の {limit} を超えています",
            en: "the plan has {count} item files, more than {limit}";
    }

    /// What a plan file (or a rule test case file) says wrongly, at a line: the kind inside a
    /// `LoadError::Invalid`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PlanProblem {
        /// TOML that does not parse, or a key the file may not have (the TOML reader's words).
        Toml { detail: String } =>
            ja: "TOML として読めません: {detail}",
            en: "{detail}";
        /// A year that cannot be read.
        Year { problem: ParseProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A field's year that cannot be read.
        FieldYear { field: String, problem: ParseProblem } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// The plan's years have a gap or are out of order.
        YearsNotConsecutive =>
            ja: "計画の年度は連続し、順に並んでいなければなりません",
            en: "the plan's years must be consecutive, in order";
        /// A value that cannot be read.
        Value { field: String, problem: ValueError } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// An amendment that cannot be (worded beside the item).
        Amendment { problem: crate::model::AmendmentProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A word where the indicator counts (worded beside the model's words).
        Word { field: String, problem: crate::model::WordProblem } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// A value in a unit that does not fit.
        Unit { field: String, problem: UnitError } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// A theme under a policy the plan does not have.
        ThemeWithoutPolicy { theme: u32, policy: u32 } =>
            ja: "改革の推進項目 ({theme}) の基本方針 {policy} は計画にありません",
            en: "theme ({theme}) names policy {policy}, which the plan does not have";
        /// An item under a theme the plan does not have.
        NoSuchTheme { theme: u32 } =>
            ja: "計画に改革の推進項目 ({theme}) はありません",
            en: "the plan has no theme ({theme})";
        /// An item whose id puts its theme under the wrong policy.
        ThemeOfAnotherPolicy { theme: u32, policy: u32, given: u32 } =>
            ja: "改革の推進項目 ({theme}) は基本方針 {policy} に属します ({given} ではありません)",
            en: "theme ({theme}) belongs to policy {policy}, not {given}";
        /// A year outside the plan's period.
        YearOutsidePeriod { year: String } =>
            ja: "{year} は計画期間の外です",
            en: "{year} is outside the plan's period";
        /// An item file whose name is not an item id.
        FileNameNotAnId { problem: ParseProblem } =>
            ja: "ファイル名は取組番号にしてください: {problem}",
            en: "the file name must be the item id: {problem}";
        /// A recorded rating the plan's scale does not have.
        RatingOffScale { field: String, label: String, labels: Vec<String> } =>
            ja: "{field}: {label:?} は計画の評価尺度 ({labels}) にありません",
            en: "{field}: {label:?} is not a rating of the plan's scale ({labels})";
        /// A rating in a plan that records none (worded beside the scale).
        NoRatings { problem: super::scale::NoRatings } =>
            ja: "{problem}",
            en: "{problem}";
        /// What another layer's file says wrongly (a rule test case without a name, kind or
        /// expectation…), in that layer's words.
        Other { problem: OtherProblem } =>
            ja: "{problem}",
            en: "{problem}";
    }
}

/// A problem of a file that another layer reads with the plan's reader (a rule test case file):
/// its own kind, worded by that layer. The model does not know the kind; its owner gets it
/// back with [`OtherProblem::get`].
#[derive(Debug, Clone)]
pub struct OtherProblem(std::sync::Arc<dyn Message>);

impl OtherProblem {
    /// Keeps `problem`.
    pub fn new(problem: impl Message) -> OtherProblem {
        OtherProblem(std::sync::Arc::new(problem))
    }

    /// The problem, if it is a `T`.
    pub fn get<T: Message>(&self) -> Option<&T> {
        (&*self.0 as &(dyn std::error::Error + 'static)).downcast_ref()
    }
}

/// Two problems are the same when they say the same.
impl PartialEq for OtherProblem {
    fn eq(&self, other: &Self) -> bool {
        Lang::ALL
            .iter()
            .all(|&lang| self.0.localize(lang) == other.0.localize(lang))
    }
}

impl Eq for OtherProblem {}

impl Arg for OtherProblem {
    fn arg(&self, lang: Lang) -> String {
        self.0.localize(lang)
    }
}

/// One thing wrong with a plan's files. Worded by [`LoadText`].
#[derive(Debug, thiserror::Error)]
#[error("{}", self.localize(Lang::Ja))]
pub enum LoadError {
    /// A file or folder could not be read.
    Io(#[from] std::io::Error),
    /// A file's content is wrong.
    Invalid {
        /// The file.
        file: PathBuf,
        /// The item, for an item file whose name could be read.
        item: Option<ItemId>,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: PlanProblem,
    },
    /// One thing given twice: both places are named.
    Duplicate {
        /// What is duplicated.
        what: Identity,
        /// It, normalised ("1-1-1", "R5", "(3)", "A").
        key: String,
        /// The second place.
        file: PathBuf,
        /// The item, for a year given twice in an item file.
        item: Option<ItemId>,
        /// Its line.
        line: usize,
        /// The first place.
        first_file: PathBuf,
        /// Its line.
        first_line: usize,
    },
    /// An item file whose name is not the item id as written: `1-1-01.toml`, `+1-1-1.toml`.
    ItemFileName {
        /// The file.
        file: PathBuf,
        /// The id the name stands for.
        expected: ItemId,
    },
    /// More items than a plan can have.
    TooManyItems {
        /// Item files found.
        count: usize,
        /// [`MAX_ITEMS`].
        limit: usize,
    },
}

impl Localize for LoadError {
    fn localize(&self, lang: Lang) -> String {
        let text = match self {
            LoadError::Io(e) => LoadText::Io {
                reason: e.arg(lang),
            },
            LoadError::Invalid {
                file,
                item: None,
                line,
                problem,
            } => LoadText::Invalid {
                file: file.clone(),
                line: *line,
                problem: problem.clone(),
            },
            LoadError::Invalid {
                file,
                item: Some(item),
                line,
                problem,
            } => LoadText::InvalidInItem {
                file: file.clone(),
                line: *line,
                item: item.to_string(),
                problem: problem.clone(),
            },
            LoadError::Duplicate {
                what,
                key,
                file,
                item: None,
                line,
                first_file,
                first_line,
            } => LoadText::Duplicate {
                what: *what,
                key: key.clone(),
                file: file.clone(),
                line: *line,
                first_file: first_file.clone(),
                first_line: *first_line,
            },
            LoadError::Duplicate {
                what,
                key,
                file,
                item: Some(item),
                line,
                first_file,
                first_line,
            } => LoadText::DuplicateInItem {
                what: *what,
                key: key.clone(),
                file: file.clone(),
                line: *line,
                item: item.to_string(),
                first_file: first_file.clone(),
                first_line: *first_line,
            },
            LoadError::ItemFileName { file, expected } => LoadText::ItemFileName {
                file: file.clone(),
                expected: expected.to_string(),
            },
            LoadError::TooManyItems { count, limit } => LoadText::TooManyItems {
                count: *count,
                limit: *limit,
            },
        };
        text.localize(lang)
    }
}

impl LoadError {
    /// "file:line" of the error, when it has one.
    pub fn location(&self) -> Option<String> {
        match self {
            LoadError::Io(_) | LoadError::TooManyItems { .. } => None,
            LoadError::Invalid { file, line, .. } | LoadError::Duplicate { file, line, .. } => {
                Some(format!("{}:{line}", file.display()))
            }
            LoadError::ItemFileName { file, .. } => Some(format!("{}:1", file.display())),
        }
    }

    /// The item the error is about, when known.
    pub fn item(&self) -> Option<ItemId> {
        match self {
            LoadError::Invalid { item, .. } | LoadError::Duplicate { item, .. } => *item,
            LoadError::ItemFileName { expected, .. } => Some(*expected),
            LoadError::Io(_) | LoadError::TooManyItems { .. } => None,
        }
    }

    /// The message in `lang` without the location and item that start it.
    pub fn message(&self, lang: Lang) -> String {
        if let LoadError::Invalid { problem, .. } = self {
            return problem.localize(lang);
        }
        let text = self.localize(lang);
        let rest = match self.location() {
            Some(at) => text.strip_prefix(&format!("{at}: ")).unwrap_or(&text),
            None => &text,
        };
        match self.item() {
            Some(i) => rest
                .strip_prefix(&format!("item {i}: "))
                .or_else(|| rest.strip_prefix(&format!("実施項目 {i}: ")))
                .unwrap_or(rest),
            None => rest,
        }
        .to_string()
    }
}

/// The most items a plan may have: far above any city's (Isehara has 71), and with every amount
/// below 10^20 千円 their sums stay inside `Decimal`'s range.
pub const MAX_ITEMS: usize = 1_000_000;

/// Every error found while loading a plan.
#[derive(Debug)]
pub struct LoadErrors(pub Vec<LoadError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

/// One error a line.
impl Localize for LoadErrors {
    fn localize(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|e| e.localize(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl std::error::Error for LoadErrors {}

/// Inside a message: one error a line.
impl Arg for LoadErrors {
    fn arg(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

impl From<LoadError> for LoadErrors {
    fn from(e: LoadError) -> Self {
        LoadErrors(vec![e])
    }
}

/// Loads the plan in folder `dir`.
pub fn load_plan(dir: impl AsRef<Path>) -> Result<Plan, LoadErrors> {
    load_plan_from(&DirSource::new(dir.as_ref()))
}

/// Loads a plan from any source.
pub fn load_plan_from(source: &dyn PlanSource) -> Result<Plan, LoadErrors> {
    let plan_file = source.plan_file().map_err(LoadError::Io)?;
    let plan = plan_of(source, &plan_file)?;
    let files = source.item_files().map_err(LoadError::Io)?;
    with_items(plan, &files)
}

/// Loads the plan in `dir` and, on another thread while its item files are read, runs `beside`
/// on the plan as `plan.toml` gives it, without its items. `beside` does not run when
/// `plan.toml` does not load.
pub(crate) fn load_plan_beside<T: Send>(
    dir: &Path,
    beside: impl FnOnce(&Plan) -> T + Send,
) -> Result<(Plan, T), LoadErrors> {
    let source = DirSource::new(dir);
    let plan_file = source.plan_file().map_err(LoadError::Io)?;
    let plan = plan_of(&source, &plan_file)?;
    let (files, t) = rayon::join(|| source.item_files(), || beside(&plan));
    let files = files.map_err(LoadError::Io)?;
    Ok((with_items(plan, &files)?, t))
}

/// The plan of `plan.toml` (read from `source`), without its items.
pub(crate) fn plan_of(source: &dyn PlanSource, plan_file: &SourceFile) -> Result<Plan, LoadErrors> {
    let mut plan = parse_plan(plan_file)?;
    if let (Some(base), Some(rules)) = (source.base_dir(), plan.rules.as_ref()) {
        plan.rules = Some(normalize(&base.join(rules)));
    }
    Ok(plan)
}

/// `plan` with the items of `files`.
pub(crate) fn with_items(mut plan: Plan, files: &[SourceFile]) -> Result<Plan, LoadErrors> {
    plan.items = items_of(&plan, files)?;
    Ok(plan)
}

/// The items of `files` for `plan` (as `plan.toml` gives it, without items), in id order.
pub(crate) fn items_of(plan: &Plan, files: &[SourceFile]) -> Result<Vec<Item>, LoadErrors> {
    if files.len() > MAX_ITEMS {
        return Err(LoadError::TooManyItems {
            count: files.len(),
            limit: MAX_ITEMS,
        }
        .into());
    }
    // Items parse independently, on every core; results (and errors) stay in file order.
    // Themes by number, found once for all the items (the first of a number written twice).
    let mut themes: HashMap<u32, &Theme> = HashMap::new();
    for t in &plan.themes {
        themes.entry(t.number).or_insert(t);
    }
    let parsed: Vec<_> = files
        .par_iter()
        .map(|f| parse_item(f, plan, &themes))
        .collect();
    let mut errors = Vec::new();
    let mut items = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok(item) => items.push(item),
            Err(mut e) => errors.append(&mut e),
        }
    }
    items.sort_by_key(|i| i.id);
    // One id from two files (two sources, or two folders in memory): both are named.
    for pair in items.windows(2) {
        if pair[0].id == pair[1].id {
            errors.push(LoadError::Duplicate {
                what: Identity::Item,
                key: pair[1].id.to_string(),
                file: pair[1].source.file.clone(),
                item: None,
                line: 1,
                first_file: pair[0].source.file.clone(),
                first_line: 1,
            });
        }
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    Ok(items)
}

/// Removes `.` and `x/..` from a path without touching the disk: `plans/p/../../rules` → `rules`.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

fn toml_error(file: &SourceFile, item: Option<ItemId>, e: toml::de::Error) -> LoadError {
    let line = error_line(&file.text, &e);
    LoadError::Invalid {
        file: file.path.clone(),
        item,
        line,
        problem: PlanProblem::Toml {
            detail: e.message().trim_end().to_string(),
        },
    }
}

/// plan.toml: a reform plan (行財政改革推進計画), its period, policies and themes. The file
/// format: docs/plan-format.md.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    /// The plan's identifier, as workbooks name it: "isehara-6".
    id: String,
    /// 計画の名称, as the document prints it: "伊勢原市第6次行財政改革推進計画".
    name: String,
    /// 自治体名: "伊勢原市".
    municipality: String,
    /// 計画期間: every fiscal year of the period, in order, as the document prints them: "R5",
    /// "令和5年度", "H30", "平成31年度", "FY2023", "2023年度".
    #[cfg_attr(test, schemars(with = "Vec<String>"))]
    years: Vec<Spanned<String>>,
    /// The rule set's folder, relative to this folder: "../../rules".
    rules: Option<String>,
    /// The unit of the report's effect tables: 円, 千円, 万円, 百万円 or 億円 (千円 when left out).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    report_unit: Option<Spanned<String>>,
    /// Words any indicator's figures may be given as instead of a number, each read as no
    /// figure ("集計中"); 未定 and (未定) always may.
    #[serde(default)]
    indicator_words: Vec<String>,
    /// The years whose results are published: import changes them only as amendments
    /// (`--amend "理由"`), recorded in the item files.
    #[serde(default)]
    closed: Vec<RawClosed>,
    /// The scale of the recorded ratings (評価), best first; "none" when the document records
    /// no ratings.
    #[cfg_attr(test, schemars(with = "Option<ScaleSchema>"))]
    scale: Option<RawScale>,
    /// 基本方針.
    policies: Vec<RawPolicy>,
    /// 改革の推進項目, numbered across the plan.
    themes: Vec<RawTheme>,
}

/// plan.toml's `scale`: the scale's ratings, or `"none"` for a document that records no
/// ratings (評価) at all.
enum RawScale {
    Declared(Scale),
    None,
}

/// The word that says a plan records no ratings.
const NO_SCALE: &str = "none";

impl<'de> Deserialize<'de> for RawScale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = RawScale;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "\"{NO_SCALE}\" or [[scale.ratings]]")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawScale, E> {
                if v == NO_SCALE {
                    Ok(RawScale::None)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(v), &self))
                }
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawScale, A::Error> {
                Scale::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawScale::Declared)
            }
        }
        d.deserialize_any(Either)
    }
}

/// What the schema says `scale` may be: the word "none" or a scale.
#[cfg(test)]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ScaleSchema {
    /// The document records no ratings: "none".
    None(NoScaleWord),
    /// The ratings, best first.
    Declared(Scale),
}

/// "none".
#[cfg(test)]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
enum NoScaleWord {
    #[serde(rename = "none")]
    None,
}

/// A year whose results are published.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawClosed {
    /// The year: "R5".
    #[cfg_attr(test, schemars(with = "String"))]
    year: Spanned<String>,
    /// When its results were published, as the document says it: "令和6年10月".
    published: Option<String>,
}

/// 基本方針: a basic policy.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    /// Its number: 1.
    #[cfg_attr(test, schemars(with = "u32"))]
    number: Spanned<u32>,
    /// Its name: "行政サービスの最適化".
    name: String,
}

/// 改革の推進項目: a reform theme of a policy.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawTheme {
    /// Its number, counted across the plan: 8 for (8).
    #[cfg_attr(test, schemars(with = "u32"))]
    number: Spanned<u32>,
    /// The number of its policy (基本方針).
    #[cfg_attr(test, schemars(with = "u32"))]
    policy: Spanned<u32>,
    /// Its name: "歳入改革(歳入の確保)".
    name: String,
}

fn parse_plan(file: &SourceFile) -> Result<Plan, LoadErrors> {
    let raw: RawPlan = toml::from_str(&file.text).map_err(|e| toml_error(file, None, e))?;
    let lines = LineIndex::new(&file.text);
    let invalid = |span: Range<usize>, problem: PlanProblem| LoadError::Invalid {
        file: file.path.clone(),
        item: None,
        line: lines.line(span.start),
        problem,
    };
    let mut errors = Vec::new();
    let mut years = Vec::new();
    for y in &raw.years {
        match y.get_ref().parse::<FiscalYear>() {
            Ok(year) => years.push(year),
            Err(e) => errors.push(invalid(
                y.span(),
                PlanProblem::Year {
                    problem: e.problem(),
                },
            )),
        }
    }
    let year_notation = YearNotation::of(&years);
    for y in &mut years {
        *y = y.in_notation(year_notation);
    }
    if years.windows(2).any(|w| w[0].next() != Some(w[1])) {
        errors.push(invalid(
            raw.years.first().map(|y| y.span()).unwrap_or(0..0),
            PlanProblem::YearsNotConsecutive,
        ));
    }
    let report_unit = match &raw.report_unit {
        None => MoneyUnit::default(),
        Some(u) => u
            .get_ref()
            .parse()
            .unwrap_or_else(|e: super::value::UnitError| {
                errors.push(invalid(
                    u.span(),
                    PlanProblem::Unit {
                        field: "report_unit".into(),
                        problem: e,
                    },
                ));
                MoneyUnit::default()
            }),
    };
    let mut closed = Vec::new();
    for c in raw.closed {
        match c.year.get_ref().parse::<FiscalYear>() {
            Ok(year) => match years.iter().copied().find(|y| *y == year) {
                Some(year) => closed.push(ClosedYear {
                    year,
                    published: c.published,
                }),
                None => errors.push(invalid(
                    c.year.span(),
                    PlanProblem::YearOutsidePeriod {
                        year: c.year.get_ref().clone(),
                    },
                )),
            },
            Err(e) => errors.push(invalid(
                c.year.span(),
                PlanProblem::Year {
                    problem: e.problem(),
                },
            )),
        }
    }
    let line = |span: Range<usize>| lines.line(span.start);
    let duplicate =
        |what, key: String, second: Range<usize>, first: Range<usize>| LoadError::Duplicate {
            what,
            key,
            file: file.path.clone(),
            item: None,
            line: line(second),
            first_file: file.path.clone(),
            first_line: line(first),
        };
    let read_years: Vec<Option<FiscalYear>> =
        raw.years.iter().map(|y| y.get_ref().parse().ok()).collect();
    for (i, y) in read_years.iter().enumerate() {
        if let Some(first) = (0..i).find(|&f| y.is_some() && read_years[f] == *y) {
            errors.push(duplicate(
                Identity::Year,
                raw.years[i].get_ref().clone(),
                raw.years[i].span(),
                raw.years[first].span(),
            ));
        }
    }
    for (i, p) in raw.policies.iter().enumerate() {
        if let Some(first) = raw.policies[..i].iter().find(|f| f.number == p.number) {
            errors.push(duplicate(
                Identity::Policy,
                p.number.get_ref().to_string(),
                p.number.span(),
                first.number.span(),
            ));
        }
    }
    for (i, t) in raw.themes.iter().enumerate() {
        if let Some(first) = raw.themes[..i].iter().find(|f| f.number == t.number) {
            errors.push(duplicate(
                Identity::Theme,
                format!("({})", t.number.get_ref()),
                t.number.span(),
                first.number.span(),
            ));
        }
    }
    // Only a scale that repeats a label is looked for in the file (looking parses it again:
    // a tenth of a warm national `summary`, issue 24).
    let twice = match &raw.scale {
        Some(RawScale::Declared(scale)) if scale.repeats_a_label() => duplicate_label(&file.text),
        _ => None,
    };
    if let Some((label, first_line, line)) = twice {
        errors.push(LoadError::Duplicate {
            what: Identity::ScaleLabel,
            key: label,
            file: file.path.clone(),
            item: None,
            line,
            first_file: file.path.clone(),
            first_line,
        });
    }
    let policies: Vec<Policy> = raw
        .policies
        .into_iter()
        .map(|p| Policy {
            number: p.number.into_inner(),
            name: p.name,
        })
        .collect();
    let mut themes = Vec::new();
    for t in raw.themes {
        if !policies.iter().any(|p| p.number == *t.policy.get_ref()) {
            errors.push(invalid(
                t.policy.span(),
                PlanProblem::ThemeWithoutPolicy {
                    theme: *t.number.get_ref(),
                    policy: *t.policy.get_ref(),
                },
            ));
        }
        themes.push(Theme {
            number: t.number.into_inner(),
            policy: t.policy.into_inner(),
            name: t.name,
        });
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    Ok(Plan {
        id: raw.id,
        name: raw.name,
        municipality: raw.municipality,
        years,
        year_notation,
        report_unit,
        indicator_words: raw.indicator_words,
        closed,
        rules: raw.rules.map(PathBuf::from),
        scale: raw.scale.map(|s| match s {
            RawScale::Declared(scale) => scale,
            RawScale::None => Scale::none(),
        }),
        policies,
        themes,
        items: Vec::new(),
    })
}

type Text = Spanned<String>;

/// items/<policy>-<theme>-<item>.toml: one implementation item (実施項目) and its 進捗管理シート.
/// Values are written as the document prints them: "23,583", "▲19.6%", "30億円以内", "2(78)",
/// "検討", "-". The file format: docs/plan-format.md.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    /// 実施項目名.
    pub(super) title: String,
    /// 取組主管 部局: "企画部"; left out where the document prints none.
    pub(super) department: Option<String>,
    /// 取組主管 所属: "経営企画課".
    pub(super) section: String,
    /// 関連所属.
    #[serde(default)]
    pub(super) related_sections: Vec<String>,
    /// Whether the document has the item's 進捗管理シート (false: only its 【参考①】 row).
    pub(super) sheet: bool,
    /// 具体的な改善取組内容.
    pub(super) actions: Option<String>,
    /// 現状と課題.
    pub(super) situation: Option<String>,
    /// 計画最終年度において目指す姿.
    pub(super) final_goal: Option<String>,
    /// Free notes on the transcription.
    #[serde(default)]
    pub(super) notes: Vec<String>,
    /// 全期間総合評価: a label of the plan's scale, in the final year.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) overall_rating: Option<Text>,
    /// 指標(行動/成果).
    pub(super) indicator: RawIndicator,
    /// 年次計画 and results, one table per fiscal year: [years.R5].
    #[serde(default)]
    #[cfg_attr(test, schemars(with = "BTreeMap<String, RawYear>"))]
    pub(super) years: BTreeMap<Text, RawYear>,
    /// 〔小計〕 as printed.
    #[serde(default)]
    pub(super) subtotals: RawSubtotals,
    /// Where the document contradicts itself: the printed value is kept and the disagreement
    /// recorded, for `gyokaku check`.
    #[serde(default)]
    pub(super) discrepancies: Vec<RawDiscrepancy>,
    /// Published results changed afterwards (訂正), as `gyokaku import --amend` records them.
    #[serde(default)]
    pub(super) amendments: Vec<RawAmendment>,
}

/// 指標(行動/成果): the item's indicator.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct RawIndicator {
    /// The indicator's name.
    pub(super) name: String,
    /// 単位 as printed: 件, %, 千円, トン/年 …, "-" when none.
    pub(super) unit: String,
    /// 種別: a kind of the rule set (the default rules: higher_better, lower_better,
    /// cumulative, upper_bound, level, milestone).
    #[cfg_attr(test, schemars(with = "String"))]
    pub(super) kind: Text,
    /// 指標の現状値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) baseline: Option<Text>,
    /// 計画最終年度の目標値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) final_target: Option<Text>,
    /// 効果額の算定式: a Rhai expression of value, previous, baseline and total, in 千円:
    /// "(value - previous) * 200".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) effect: Option<Text>,
    /// Words this indicator's figures may be given as instead of a number, each read as no
    /// figure ("集計中"), besides the plan's indicator_words.
    #[serde(default)]
    pub(super) words: Vec<String>,
}

/// One fiscal year of the item: 年次計画, target and expected effect, and the year's results.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct RawYear {
    /// 年次計画: the year's planned actions.
    pub(super) plan: Option<String>,
    /// 目標値 ([上段]).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) target: Option<Text>,
    /// 効果見込額 ([下段], 千円 when written bare).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) expected_effect: Option<Text>,
    /// The year's 取組方針・取組内容.
    pub(super) policy: Option<String>,
    /// 実績値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) actual: Option<Text>,
    /// 実績効果額 (千円 when written bare).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) actual_effect: Option<Text>,
    /// 評価: a label of the plan's scale.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) rating: Option<Text>,
    /// 取組実績: the department's account of the year.
    pub(super) comment: Option<String>,
    /// The planning section's review of the year's rating against the rules' suggestion.
    pub(super) review: Option<RawReview>,
}

/// `[years.R5.review]`: the recorded rating kept with a reason, or the suggestion adopted.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct RawReview {
    /// `kept`: the recorded rating stands; `adopted`: the rules' suggestion became the rating.
    pub(super) decision: ReviewDecision,
    /// The rating recorded after the review (the year's `rating`): a label of the plan's scale.
    #[cfg_attr(test, schemars(with = "String"))]
    pub(super) rating: Text,
    /// What the rules suggested when it was reviewed; absent when they left it to judgement.
    pub(super) suggested: Option<String>,
    /// The rating recorded before, when the review changed it.
    pub(super) previous: Option<String>,
    /// Why the recorded rating was kept (or the suggestion adopted).
    pub(super) reason: Option<String>,
    /// The day of the decision, a TOML date: `2025-01-15`.
    #[cfg_attr(test, schemars(with = "String"))]
    pub(super) date: toml::value::Datetime,
}

/// 〔小計〕: five-year sums as printed.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct RawSubtotals {
    /// 〔小計〕効果見込額.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) expected_effect: Option<Text>,
    /// 〔小計〕実績効果額.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    pub(super) actual_effect: Option<Text>,
}

/// A published result changed afterwards.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct RawAmendment {
    /// The year whose result changed: "R5".
    #[cfg_attr(test, schemars(with = "String"))]
    pub(super) year: Text,
    /// The year's field: actual, actual_effect, rating or comment.
    #[cfg_attr(test, schemars(with = "String"))]
    pub(super) field: Text,
    /// The value before (left out when there was none).
    pub(super) old: Option<String>,
    /// The value after.
    pub(super) new: String,
    /// Why it changed.
    pub(super) reason: String,
    /// The day it was taken in: "2026-12-06".
    pub(super) date: String,
}

/// A place where the document contradicts itself.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(super) struct RawDiscrepancy {
    /// The field whose printed value is kept: "subtotals.expected_effect", "years.R5.target".
    #[cfg_attr(test, schemars(with = "String"))]
    pub(super) field: Text,
    /// What disagrees.
    pub(super) text: String,
    /// The printed value it describes; the entry holds only while the field prints it.
    pub(super) value: Option<String>,
}

/// Reads cells and remembers the line of each field, collecting errors.
struct CellReader<'a> {
    file: &'a SourceFile,
    line_index: LineIndex,
    item: ItemId,
    lines: BTreeMap<String, usize>,
    errors: Vec<LoadError>,
}

impl CellReader<'_> {
    fn line(&self, span: Range<usize>) -> usize {
        self.line_index.line(span.start)
    }

    fn error(&mut self, span: Range<usize>, problem: PlanProblem) {
        self.errors.push(LoadError::Invalid {
            file: self.file.path.clone(),
            item: Some(self.item),
            line: self.line(span),
            problem,
        });
    }

    fn cell(&mut self, field: &str, raw: Option<Text>) -> Option<Cell> {
        let raw = raw?;
        let span = raw.span();
        let line = self.line(span.clone());
        self.lines.insert(field.to_string(), line);
        match Cell::read_owned(raw.into_inner()) {
            Ok(cell) => Some(cell),
            Err(e) => {
                self.error(
                    span,
                    PlanProblem::Value {
                        field: field.into(),
                        problem: e,
                    },
                );
                None
            }
        }
    }

    /// A recorded rating: a label of the plan's scale, when the plan declares one.
    fn rating(&mut self, field: &str, raw: Option<Text>, scale: Option<&Scale>) -> Option<String> {
        let span = raw.as_ref()?.span();
        let label = self.text(field, raw)?;
        if scale.is_some_and(|s| !s.records_ratings()) {
            self.error(
                span,
                PlanProblem::NoRatings {
                    problem: super::scale::NoRatings::Recorded {
                        field: field.into(),
                        label: label.clone(),
                    },
                },
            );
        } else if let Some(scale) = scale.filter(|s| s.get(&label).is_none()) {
            let labels = scale.labels().map(String::from).collect();
            self.error(
                span,
                PlanProblem::RatingOffScale {
                    field: field.into(),
                    label: label.clone(),
                    labels,
                },
            );
        }
        Some(label)
    }

    /// An error about a field already read, at its line.
    fn unit_error_at(&mut self, field: &str, problem: UnitError) {
        let line = self.lines.get(field).copied().unwrap_or(1);
        self.errors.push(LoadError::Invalid {
            file: self.file.path.clone(),
            item: Some(self.item),
            line,
            problem: PlanProblem::Unit {
                field: field.into(),
                problem,
            },
        });
    }

    /// Numbers must be written in the indicator's unit (money units convert), effects in
    /// money, and a year's target and actual in units that compare: a word after a number is
    /// never silently taken for a unit.
    fn check_units(&mut self, indicator: &Indicator, years: &YearMap, subtotals: &Subtotals) {
        let unit = indicator.unit.as_str();
        // A field's name: of the item (no year), or of a year's entry. Named only for an error.
        type Field = (Option<FiscalYear>, &'static str);
        let name = |(year, name): Field| match year {
            None => name.to_string(),
            Some(year) => format!("years.{year}.{name}"),
        };
        let mut measured: Vec<(Field, Option<&Cell>)> = vec![
            ((None, "indicator.baseline"), indicator.baseline.as_ref()),
            (
                (None, "indicator.final_target"),
                indicator.final_target.as_ref(),
            ),
        ];
        let mut money: Vec<(Field, Option<&Cell>)> = vec![
            (
                (None, "subtotals.expected_effect"),
                subtotals.expected_effect.as_ref(),
            ),
            (
                (None, "subtotals.actual_effect"),
                subtotals.actual_effect.as_ref(),
            ),
        ];
        for (year, e) in years {
            let year = Some(*year);
            measured.push(((year, "target"), e.target.as_ref()));
            measured.push(((year, "actual"), e.actual.as_ref()));
            money.push(((year, "expected_effect"), e.expected_effect.as_ref()));
            money.push(((year, "actual_effect"), e.actual_effect.as_ref()));
            if let (Some(t), Some(a)) = (&e.target, &e.actual) {
                if let Err(err) = super::value::check_target_actual(t, a) {
                    self.unit_error_at(&name((year, "actual")), err);
                }
            }
        }
        for (field, cell) in measured {
            if let Some(Err(err)) = cell.map(|c| c.check_unit(unit)) {
                self.unit_error_at(&name(field), err);
            }
        }
        for (field, cell) in money {
            if let Some(Err(err)) = cell.map(Cell::check_money) {
                self.unit_error_at(&name(field), err);
            }
        }
    }

    fn text(&mut self, field: &str, raw: Option<Text>) -> Option<String> {
        let raw = raw?;
        self.lines.insert(field.to_string(), self.line(raw.span()));
        Some(raw.into_inner())
    }
}

fn parse_item(
    file: &SourceFile,
    plan: &Plan,
    themes: &HashMap<u32, &Theme>,
) -> Result<Item, Vec<LoadError>> {
    let stem = file
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let id: ItemId = stem.parse().map_err(|e: super::item::ItemIdError| {
        vec![LoadError::Invalid {
            file: file.path.clone(),
            item: None,
            line: 1,
            problem: PlanProblem::FileNameNotAnId {
                problem: e.problem(),
            },
        }]
    })?;
    // "1-1-01" reads as 1-1-1: only the id's own spelling is a name, so one item cannot be
    // given by two files.
    if id.to_string() != stem {
        return Err(vec![LoadError::ItemFileName {
            file: file.path.clone(),
            expected: id,
        }]);
    }
    // Most files are in the form gyokaku writes, which a reader of that form alone reads
    // several times faster than `toml`; anything else is read by `toml`, with its errors.
    let raw: RawItem = match super::canonical::read_item(&file.text) {
        Some(raw) => raw,
        None => toml::from_str(&file.text).map_err(|e| vec![toml_error(file, Some(id), e)])?,
    };
    let mut r = CellReader {
        file,
        line_index: LineIndex::new(&file.text),
        item: id,
        lines: BTreeMap::new(),
        errors: Vec::new(),
    };
    match themes.get(&id.theme) {
        None => r.error(0..0, PlanProblem::NoSuchTheme { theme: id.theme }),
        Some(theme) if theme.policy != id.policy => r.error(
            0..0,
            PlanProblem::ThemeOfAnotherPolicy {
                theme: id.theme,
                policy: theme.policy,
                given: id.policy,
            },
        ),
        Some(_) => {}
    }

    let kind = r
        .text("indicator.kind", Some(raw.indicator.kind))
        .unwrap_or_default();
    let mut indicator = Indicator {
        name: raw.indicator.name,
        unit: raw.indicator.unit,
        kind,
        baseline: r.cell("indicator.baseline", raw.indicator.baseline),
        final_target: r.cell("indicator.final_target", raw.indicator.final_target),
        effect: r.text("indicator.effect", raw.indicator.effect),
        words: raw.indicator.words,
    };

    let mut years = YearMap::new();
    for (key, y) in raw.years {
        let year = match key.get_ref().parse::<FiscalYear>() {
            Ok(year) => match plan.period_year(year) {
                Some(year) => year,
                None => {
                    r.error(
                        key.span(),
                        PlanProblem::YearOutsidePeriod {
                            year: key.get_ref().clone(),
                        },
                    );
                    continue;
                }
            },
            Err(e) => {
                r.error(
                    key.span(),
                    PlanProblem::Year {
                        problem: e.problem(),
                    },
                );
                continue;
            }
        };
        let field = format!("years.{year}");
        let f = |name: &str| [field.as_str(), ".", name].concat();
        let first_line = r.lines.insert(field.clone(), r.line(key.span()));
        let entry = YearEntry {
            plan: y.plan,
            target: r.cell(&f("target"), y.target),
            expected_effect: r.cell(&f("expected_effect"), y.expected_effect),
            policy: y.policy,
            actual: r.cell(&f("actual"), y.actual),
            actual_effect: r.cell(&f("actual_effect"), y.actual_effect),
            rating: r.rating(&f("rating"), y.rating, plan.scale.as_ref()),
            comment: y.comment,
            review: y.review.map(|v| Review {
                decision: v.decision,
                rating: r
                    .rating(&f("review.rating"), Some(v.rating), plan.scale.as_ref())
                    .unwrap_or_default(),
                suggested: v.suggested,
                previous: v.previous,
                reason: v.reason,
                date: v.date.to_string(),
            }),
        };
        if years.insert(year, entry).is_some() {
            // 平成31年度 and 令和元年度 (or R1 and FY2019) name one fiscal year: both are named.
            let line = r.line(key.span());
            r.errors.push(LoadError::Duplicate {
                what: Identity::Year,
                key: if *key.get_ref() == year.to_string() {
                    year.to_string()
                } else {
                    format!("{} ({year})", key.get_ref())
                },
                file: file.path.clone(),
                item: Some(id),
                line,
                first_file: file.path.clone(),
                first_line: first_line.unwrap_or(line),
            });
        }
    }
    let subtotals = Subtotals {
        expected_effect: r.cell("subtotals.expected_effect", raw.subtotals.expected_effect),
        actual_effect: r.cell("subtotals.actual_effect", raw.subtotals.actual_effect),
    };
    r.check_units(&indicator, &years, &subtotals);
    // Where the indicator counts, a word is a figure's place only if the plan allows it.
    for (field, problem) in
        super::words::read_words(&mut indicator, &mut years, &plan.indicator_words)
    {
        let line = r.lines.get(&field).copied().unwrap_or(1);
        r.errors.push(LoadError::Invalid {
            file: file.path.clone(),
            item: Some(id),
            line,
            problem: PlanProblem::Word { field, problem },
        });
    }
    let overall_rating = r.rating("overall_rating", raw.overall_rating, plan.scale.as_ref());
    let discrepancies = raw
        .discrepancies
        .into_iter()
        .map(|d| {
            let field = d.field.get_ref().clone();
            let line = r.line(d.field.span());
            r.lines
                .entry(format!("discrepancy {field}"))
                .or_insert(line);
            Discrepancy {
                field,
                text: d.text,
                value: d.value,
            }
        })
        .collect();
    let mut amendments = Vec::new();
    for a in raw.amendments {
        let year = match a.year.get_ref().parse::<FiscalYear>() {
            Ok(year) => plan.period_year(year),
            Err(_) => None,
        };
        let Some(year) = year else {
            r.error(
                a.year.span(),
                PlanProblem::YearOutsidePeriod {
                    year: a.year.get_ref().clone(),
                },
            );
            continue;
        };
        if !AMENDABLE_FIELDS.contains(&a.field.get_ref().as_str()) {
            r.error(
                a.field.span(),
                PlanProblem::Amendment {
                    problem: super::item::AmendmentProblem::Field {
                        field: a.field.get_ref().clone(),
                        fields: AMENDABLE_FIELDS.map(String::from).to_vec(),
                    },
                },
            );
            continue;
        }
        amendments.push(Amendment {
            year,
            field: a.field.into_inner(),
            old: a.old,
            new: a.new,
            reason: a.reason,
            date: a.date,
        });
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    Ok(Item {
        id,
        title: raw.title,
        department: raw.department,
        section: raw.section,
        related_sections: raw.related_sections,
        sheet: raw.sheet,
        actions: raw.actions,
        situation: raw.situation,
        final_goal: raw.final_goal,
        notes: raw.notes,
        overall_rating,
        indicator,
        years,
        subtotals,
        discrepancies,
        amendments,
        source: ItemSource {
            file: file.path.clone(),
            lines: r.lines,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::source::MemorySource;

    const PLAN: &str = r#"
id = "t"
name = "テスト計画"
municipality = "テスト市"
years = ["R5", "R6"]

[[policies]]
number = 1
name = "方針"

[[themes]]
number = 2
policy = 1
name = "推進項目"
"#;

    const ITEM: &str = r#"
title = "ごみの減量化"
department = "経済環境部"
section = "清掃リサイクル課"
sheet = true

[indicator]
name = "可燃ごみの排出量"
unit = "トン/年"
kind = "lower_better"
baseline = "22,931"

[years.R5]
target = "23,583"
actual = "21,872"
rating = "A"
"#;

    fn load(items: &[(&str, &str)]) -> Result<Plan, LoadErrors> {
        load_plan_from(&MemorySource {
            plan: SourceFile::new("plan.toml", PLAN),
            items: items.iter().map(|(p, t)| SourceFile::new(*p, *t)).collect(),
        })
    }

    #[test]
    fn loads_a_plan() {
        let plan = load(&[("items/1-2-4.toml", ITEM)]).unwrap();
        let item = &plan.items[0];
        assert_eq!(item.id.to_string(), "1-2-4");
        assert_eq!(item.indicator.kind, "lower_better");
        let r5 = item.year(FiscalYear::reiwa(5)).unwrap();
        assert_eq!(r5.target.as_ref().unwrap().text, "23,583");
        assert_eq!(item.source.locate("years.R5.actual"), "items/1-2-4.toml:15");
        assert_eq!(plan.latest_year_with_results(), Some(FiscalYear::reiwa(5)));
    }

    #[test]
    fn unknown_key_names_file_item_and_line() {
        let broken = ITEM.replace("target = ", "tagret = ");
        let err = load(&[("items/1-2-4.toml", &broken)])
            .unwrap_err()
            .localize(Lang::En);
        assert!(
            err.starts_with("items/1-2-4.toml:14: item 1-2-4: unknown field `tagret`"),
            "{err}"
        );
    }

    #[test]
    fn malformed_value_names_field_and_line() {
        let broken = ITEM.replace("\"21,872\"", "\"21,87\"");
        let err = load(&[("items/1-2-4.toml", &broken)])
            .unwrap_err()
            .localize(Lang::En);
        assert!(
            err.starts_with("items/1-2-4.toml:15: item 1-2-4: years.R5.actual:"),
            "{err}"
        );
    }

    #[test]
    fn every_broken_file_is_reported() {
        let broken = ITEM.replace("\"21,872\"", "21872");
        let errs = load(&[
            ("items/1-2-4.toml", &broken),
            ("items/1-2-5.toml", "title = "),
        ])
        .unwrap_err();
        assert_eq!(errs.0.len(), 2, "{errs}");
        let text = errs.localize(Lang::En);
        assert!(
            text.contains("items/1-2-4.toml:15: item 1-2-4: invalid type"),
            "{text}"
        );
        assert!(text.contains("items/1-2-5.toml:1: item 1-2-5:"), "{text}");
    }

    fn load_spanning(years: &str, item_years: &str) -> Result<Plan, LoadErrors> {
        let plan = PLAN.replace(r#"years = ["R5", "R6"]"#, years);
        let item = format!(
            "title = \"t\"\ndepartment = \"d\"\nsection = \"s\"\nsheet = true\n\
             [indicator]\nname = \"n\"\nunit = \"件\"\nkind = \"higher_better\"\n{item_years}"
        );
        load_plan_from(&MemorySource {
            plan: SourceFile::new("plan.toml", plan),
            items: vec![SourceFile::new("items/1-2-1.toml", item)],
        })
    }

    #[test]
    fn a_plan_spans_the_era_change_as_its_document_prints_it() {
        let plan = load_spanning(
            r#"years = ["平成28年度", "平成29年度", "平成30年度", "平成31年度", "令和2年度"]"#,
            "[years.\"令和元年度\"]\nactual = \"3\"\n[years.H28]\nactual = \"1\"\n",
        )
        .unwrap();
        let printed: Vec<String> = plan.years.iter().map(|y| y.japanese()).collect();
        assert_eq!(
            printed,
            [
                "平成28年度",
                "平成29年度",
                "平成30年度",
                "平成31年度",
                "令和2年度"
            ]
        );
        let fy2019 = plan.period_year("FY2019".parse().unwrap()).unwrap();
        assert_eq!(fy2019.japanese(), "平成31年度");
        let item = &plan.items[0];
        assert_eq!(
            item.year(fy2019).unwrap().actual.as_ref().unwrap().text,
            "3"
        );
        assert_eq!(
            item.source.locate("years.H31.actual"),
            "items/1-2-1.toml:10"
        );
        assert_eq!(plan.latest_year_with_results().unwrap().to_string(), "H31");

        let western = load_spanning(r#"years = ["FY2018", "FY2019"]"#, "").unwrap();
        let printed: Vec<String> = western.years.iter().map(|y| y.japanese()).collect();
        assert_eq!(printed, ["2018年度", "2019年度"]);
    }

    #[test]
    fn one_year_under_two_names_is_an_error() {
        let err = load_spanning(
            r#"years = ["H30", "R1"]"#,
            "[years.H31]\nactual = \"3\"\n[years.\"令和元年度\"]\nactual = \"4\"\n",
        )
        .unwrap_err()
        .localize(Lang::En);
        assert!(err.contains("given twice"), "{err}");
        let err = load_spanning(r#"years = ["H30", "R2"]"#, "")
            .unwrap_err()
            .localize(Lang::En);
        assert!(err.contains("consecutive"), "{err}");
        let err = load_spanning(r#"years = ["H30", "R1"]"#, "[years.R2]\nactual = \"1\"\n")
            .unwrap_err()
            .localize(Lang::En);
        assert!(err.contains("R2 is outside the plan's period"), "{err}");
    }

    #[test]
    fn item_outside_the_plan() {
        let err = load(&[("items/2-2-1.toml", ITEM)])
            .unwrap_err()
            .localize(Lang::En);
        assert!(
            err.contains("theme (2) belongs to policy 1, not 2"),
            "{err}"
        );
        let err = load(&[("items/1-2-x.toml", ITEM)])
            .unwrap_err()
            .localize(Lang::En);
        assert!(err.contains("the file name must be the item id"), "{err}");
        let err = load(&[(
            "items/1-2-4.toml",
            &ITEM.replace("[years.R5]", "[years.R7]"),
        )])
        .unwrap_err()
        .localize(Lang::En);
        assert!(err.contains("R7 is outside the plan's period"), "{err}");
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
