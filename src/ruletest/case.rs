//! Rule test cases: `rules/tests/*.toml`, read into typed [`Case`]s. Values are written as the
//! document prints them and read exactly as plan files are; every key is checked, and every
//! error names the file and the line.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::period::{read_periods, PeriodCase, RawPeriod};
use crate::engine::cell::{self, CellKind};
use crate::engine::{OwnedSheetCells, OwnedYearCells, RuleInput, Scale, SheetCells};
use crate::model::{
    error_line, line_of, Cell, FileError, FiscalYear, LoadError, LoadErrors, OtherProblem,
    ParseProblem, PlanProblem, UnitError, Value,
};

crate::i18n::messages! {
    /// What a rule test case file says wrongly (`rules/tests/*.toml`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum CaseProblem {
        /// `[defaults]` with a name.
        DefaultsNamed =>
            ja: "[defaults] に name は書けません: ケースごとに名前を付けてください",
            en: "[defaults] cannot have a name: name each case";
        /// `[defaults]` with expectations.
        DefaultsExpect =>
            ja: "[defaults] に期待値は書けません: 期待する結果はケースごとに書いてください",
            en: "[defaults] cannot have expectations: each case says what it expects";
        /// A file without cases.
        NoCases =>
            ja: "[[case]] がありません: ケースを書くか、ファイルを削除してください",
            en: "the file has no [[case]]: add cases or remove the file";
        /// Two cases with one name.
        SameName { first: usize, name: String } =>
            ja: "{first} 行目のケースも {name:?} という名前です: ケースごとに別の名前を付けてください",
            en: "another case on line {first} is also named {name:?}: give each case its own name";
        /// A case without a name.
        NoName =>
            ja: "ケースに名前がありません: name = \"このケースが示すこと\" を書いてください",
            en: "the case has no name: add name = \"what this case shows\"";
        /// A case with an empty name.
        EmptyName =>
            ja: "ケースの名前が空です: このケースが示すことを書いてください",
            en: "the case's name is empty: say what the case shows";
        /// A number that is not a ratio (achievement).
        NotARatio { field: String, given: String } =>
            ja: "{field}: {given:?} は達成率 (\"1.25\" のような比か \"125%\" のような百分率) でも \"none\" でもありません",
            en: "{field}: {given:?} is not an achievement: a ratio such as \"1.25\" or a percentage such as \"125%\", nor \"none\"";
        /// A number that is not an amount.
        NotAnAmount { field: String, given: String } =>
            ja: "{field}: {given:?} は千円単位の金額 (\"15,100\" や \"▲1,500\" など) でも \"none\" でもありません",
            en: "{field}: {given:?} is not an amount in 千円 such as \"15,100\" or \"▲1,500\", nor \"none\"";
        /// A history year that is not a fiscal year.
        HistoryYear { given: String } =>
            ja: "history: {given:?} は年度として読めません",
            en: "history: {given:?} is not a fiscal year";
        /// History years with a gap or out of order.
        HistoryNotConsecutive =>
            ja: "history: 年度は連続し、順に並んでいなければなりません",
            en: "history: the years must be consecutive, in order";
        /// History that does not end the year before the case's.
        HistoryEnd { last: String, year: String } =>
            ja: "history: 最後の年度 ({last}) はケースの年度 ({year}) の前年度にしてください",
            en: "history: the last year given ({last}) must be the one before the case's year ({year})";
        /// A case id written otherwise than plan files name the item ("1-2-01").
        IdNotAsWritten { given: String, id: String } =>
            ja: "id: {given:?} は取組 {id} です: {id:?} と書いてください",
            en: "id: {given:?} is item {id}: write it {id:?}";
        /// A case id that is not an item id.
        NotAnId { problem: ParseProblem } =>
            ja: "id: {problem}",
            en: "id: {problem}";
        /// A case without expectations.
        ExpectsNothing { name: String } =>
            ja: "ケース {name:?} に期待値がありません: expect.achievement, expect.rating, expect.verdict, expect.weak, expect.effect, expect.target_effect のいずれかを書いてください",
            en: "case {name:?} expects nothing: add expect.achievement, expect.rating, expect.verdict, expect.weak, expect.effect or expect.target_effect";
        /// An expected effect with a fraction.
        EffectNotWhole =>
            ja: "効果額は報告書の印字どおり千円単位に丸めて比べます: 千円の整数で書いてください",
            en: "effects are compared rounded to the thousand yen, as reports print them: write a whole number of 千円";
        /// An achievement both given and expected.
        AchievementTwice =>
            ja: "ケースが達成率を与え、しかも期待もしています: expect.achievement を消すか、achievement を消して種別のルールに計算させてください",
            en: "the case gives its achievement and also expects one: drop expect.achievement, or drop achievement and let the kind's rule compute it";
        /// An expected achievement without a kind.
        AchievementWithoutKind =>
            ja: "達成率を期待していますが kind がありません: kind = \"…\" を書いてください",
            en: "the case expects an achievement but names no kind: add kind = \"…\"";
        /// An expected rating with nothing to rate.
        RatingWithoutKind =>
            ja: "評価を期待していますが、kind も評価する achievement もありません",
            en: "the case expects a rating but names no kind and gives no achievement to rate";
        /// An expected effect with nothing to compute it.
        EffectWithoutKind =>
            ja: "効果額を期待していますが、kind も effect_formula もありません",
            en: "the case expects an effect but names no kind and gives no effect_formula";
        /// An expected reading of the text (verdict, weak) without a kind.
        ReadingWithoutKind =>
            ja: "文章の読み取り (expect.verdict, expect.weak) を期待していますが kind がありません: kind = \"…\" を書いてください",
            en: "the case expects a reading of the text (expect.verdict, expect.weak) but names no kind: add kind = \"…\"";
        /// An expected verdict that judgement.rhai cannot give.
        NotAVerdict { given: String, verdicts: Vec<String> } =>
            ja: "expect.verdict: {given:?} は判定 ({verdicts}) でも \"none\" でもありません",
            en: "expect.verdict: {given:?} is not a verdict ({verdicts}), nor \"none\"";
    }
}

/// The folder of a rule set that holds its test cases.
pub const TESTS_DIR: &str = "tests";

/// What a case expects for a result: a value, or "none" (the rule returns `()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected<T> {
    /// The value, or `None` for "none" / "judgement required".
    pub value: Option<T>,
    /// As the case writes it, for messages.
    pub text: String,
    /// 1-based line of the expectation.
    pub line: usize,
}

/// What a case expects; at least one is given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    /// `achievement(x)` of the kind's script, exactly.
    pub achievement: Option<Expected<Decimal>>,
    /// `rating(x, a)`: a label of the scale, or none for "judgement required".
    pub rating: Option<Expected<String>>,
    /// The effect computed from the actual (実績効果額), rounded to the thousand yen.
    pub effect: Option<Expected<Decimal>>,
    /// The effect computed from the target (効果見込額), rounded to the thousand yen.
    pub target_effect: Option<Expected<Decimal>>,
    /// The verdict of `judge(x)` in `judgement.rhai` ("on_plan" …), or none for `()`.
    pub verdict: Option<Expected<String>>,
    /// Whether `judge(x)` marks its evidence as weak.
    pub weak: Option<Expected<bool>>,
}

/// One test case: the inputs of an item in a year, and what the rules should make of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The case file.
    pub file: PathBuf,
    /// 1-based line where the case starts (`[[case]]`).
    pub line: usize,
    /// What the case shows, in the analyst's words.
    pub name: String,
    /// The sheet the case describes: the cells it gives, each under its own name
    /// (`target = "30億円以内"`), and the earlier years it gives as `history`, in order.
    /// `sheet.kind` is `None` for a case that only tests the rating (with `achievement`) or an
    /// item's own effect formula; the unit is "-" and the year R5 when not given.
    pub sheet: OwnedSheetCells,
    /// An achievement given directly (`Some(None)`: "none", the rule's `()`): the rating
    /// script runs on it and the kind's `achievement(x)` does not.
    pub achievement: Option<Option<Decimal>>,
    /// An item's own effect formula (`indicator.effect` of an item file), tested instead of
    /// the kind's `effect(x)`.
    pub effect_formula: Option<String>,
    /// What the case expects.
    pub expect: Expectations,
}

/// The cases of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseFile {
    /// The file.
    pub path: PathBuf,
    /// Its cases, in order.
    pub cases: Vec<Case>,
    /// Its cases of the whole period (`[[period]]`), in order.
    pub periods: Vec<PeriodCase>,
}

/// A case file that cannot be read or is wrong: the same error as a plan file's, with no item.
pub type CaseError = LoadError;

/// Every error found in a rule set's case files.
pub type CaseErrors = LoadErrors;

/// Reads every `*.toml` in `<rules>/tests/`, in name order. No folder means no cases.
pub fn load_cases(rules: impl AsRef<Path>) -> Result<Vec<CaseFile>, CaseErrors> {
    let dir = rules.as_ref().join(TESTS_DIR);
    let io_error = |path: &Path, source: io::Error| {
        LoadErrors(vec![LoadError::Io(
            FileError::Io {
                path: path.to_path_buf(),
                source,
            }
            .into(),
        )])
    };
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&dir, e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| io_error(&dir, e))?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let text =
            crate::model::read_text_within(&path, rules.as_ref(), crate::model::MAX_FILE_BYTES)
                .map_err(|e| LoadErrors(vec![LoadError::Io(e.into())]))?;
        match parse_case_file(&path, &text) {
            Ok(file) => files.push(file),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(LoadErrors(errors))
    }
}

/// The cases of a rule set that another extends, as they apply to the extending one: an
/// expectation is kept only when the scripts it runs are inherited unchanged. A rating is a
/// label of the scale the base's `rating.rhai` maps to, so when `rating.rhai` is replaced
/// (typically with the scale) the base's rating expectations are left out, while its
/// achievement and effect expectations still hold; a case of a replaced kind is left out but
/// for an effect from its own formula. A reading of the text (`expect.verdict`, `expect.weak`)
/// is kept while `judgement.rhai`, the data files it reads and the case's kind are inherited.
/// Returns the cases and how many expectations were left out.
pub fn inherited_cases(
    files: Vec<CaseFile>,
    rating_replaced: bool,
    judgement_replaced: bool,
    replaced_kind: impl Fn(&str) -> bool,
) -> (Vec<CaseFile>, usize) {
    let mut left_out = 0;
    let files = files
        .into_iter()
        .map(|mut f| {
            f.cases.retain_mut(|c| {
                let e = &mut c.expect;
                let kind_replaced = c.sheet.kind.as_deref().is_some_and(&replaced_kind);
                // A given achievement rates without the kind's script.
                let rating_uses_kind = kind_replaced && c.achievement.is_none();
                if (rating_replaced || rating_uses_kind) && e.rating.take().is_some() {
                    left_out += 1;
                }
                if kind_replaced || judgement_replaced {
                    left_out += usize::from(e.verdict.take().is_some());
                    left_out += usize::from(e.weak.take().is_some());
                }
                if kind_replaced {
                    left_out += usize::from(e.achievement.take().is_some());
                    if c.effect_formula.is_none() {
                        left_out += usize::from(e.effect.take().is_some());
                        left_out += usize::from(e.target_effect.take().is_some());
                    }
                }
                e.achievement.is_some()
                    || e.rating.is_some()
                    || e.effect.is_some()
                    || e.target_effect.is_some()
                    || e.verdict.is_some()
                    || e.weak.is_some()
            });
            f
        })
        .filter(|f| !f.cases.is_empty() || !f.periods.is_empty())
        .collect();
    (files, left_out)
}

type Text = Spanned<String>;

/// A rule test file (rules/tests/*.toml): `[defaults]` for every case, then the cases.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    /// Inputs every case of the file starts from.
    #[cfg_attr(test, schemars(with = "Option<RawInputs>"))]
    defaults: Option<Spanned<RawInputs>>,
    /// The cases.
    #[serde(default)]
    #[cfg_attr(test, schemars(with = "Vec<RawInputs>"))]
    case: Vec<Spanned<RawInputs>>,
    /// The cases of the whole period: an item over every year, for forecast.rhai and
    /// overall.rhai.
    #[serde(default)]
    #[cfg_attr(test, schemars(with = "Vec<RawPeriod>"))]
    period: Vec<Spanned<RawPeriod>>,
}

/// What a case expects.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawExpect {
    /// The achievement: "1.1" or "110%".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    achievement: Option<Text>,
    /// The suggested rating.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    rating: Option<Text>,
    /// The actual effect the formula gives.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    effect: Option<Text>,
    /// The expected effect the formula gives.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    target_effect: Option<Text>,
    /// The verdict of a reading of the comment.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    verdict: Option<Text>,
    /// Whether the reading is weak.
    #[cfg_attr(test, schemars(with = "Option<bool>"))]
    weak: Option<Spanned<bool>>,
}

/// Makes what a case file accepts of a sheet from [`crate::engine::sheet_cells!`]: a key for
/// every cell (the case's own year's row among them) and for each year of `history`, and how
/// they are read into an [`OwnedSheetCells`].
macro_rules! case_keys {
    (
        cells { $( $(#[$m:meta])* $name:ident : $kind:ident = $from:expr; )* }
        row { $( $(#[$rm:meta])* $row:ident : $rkind:ident = $rfrom:expr; )* }
    ) => {
        /// A case, or the file's `[defaults]` (which may not have `name` or `expect`). Values are
        /// written as a plan file writes them.
        #[derive(Deserialize, Default)]
        #[cfg_attr(test, derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        struct RawInputs {
            /// The case's name, as failures print it.
            #[cfg_attr(test, schemars(with = "Option<String>"))]
            name: Option<Text>,
            $(
                $(#[$m])*
                #[cfg_attr(test, schemars(with = "Option<String>"))]
                $name: Option<Text>,
            )*
            /// A given achievement, instead of the one the kind computes.
            #[cfg_attr(test, schemars(with = "Option<String>"))]
            achievement: Option<Text>,
            /// 効果額の算定式.
            #[cfg_attr(test, schemars(with = "Option<String>"))]
            effect_formula: Option<Text>,
            /// Earlier years of the item.
            history: Option<Vec<RawYear>>,
            /// What the rules must give.
            #[cfg_attr(test, schemars(with = "Option<RawExpect>"))]
            expect: Option<Spanned<RawExpect>>,
        }

        /// One earlier year of a case's history.
        #[derive(Deserialize, Clone)]
        #[cfg_attr(test, derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        struct RawYear {
            $( $(#[$rm])* $row: <cell::$rkind as HistoryCell>::Written, )*
        }

        impl Reader<'_> {
            /// The cells a case gives (or else its file's `[defaults]`), each read as its kind
            /// is written and then checked against the case's unit. No earlier years yet.
            fn sheet(&mut self, c: &RawInputs, defaults: &RawInputs) -> OwnedSheetCells {
                let sheet = OwnedSheetCells {
                    $( $name: <cell::$kind as CaseCell>::read(
                        self,
                        stringify!($name),
                        c.$name.as_ref().or(defaults.$name.as_ref()),
                    ), )*
                    earlier: Vec::new(),
                };
                $( <cell::$kind as CaseCell>::check(
                    self,
                    stringify!($name),
                    c.$name.as_ref().or(defaults.$name.as_ref()),
                    &sheet.$name,
                    &sheet.unit,
                ); )*
                sheet
            }

            /// The row of an earlier year `year` of the history.
            fn history_year(
                &mut self,
                y: &RawYear,
                year: FiscalYear,
                unit: &str,
            ) -> OwnedYearCells {
                OwnedYearCells {
                    $( $row: <cell::$rkind as HistoryCell>::read_in(
                        self, year, stringify!($row), &y.$row, unit,
                    ), )*
                }
            }
        }
    };
}

crate::engine::sheet_cells!(case_keys);

/// Reads one case file's text; `path` names it in messages.
pub fn parse_case_file(path: &Path, text: &str) -> Result<CaseFile, Vec<CaseError>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        vec![LoadError::Invalid {
            file: path.to_path_buf(),
            item: None,
            line: error_line(text, &e),
            problem: PlanProblem::Toml {
                detail: e.message().trim_end().to_string(),
            },
        }]
    })?;
    let mut r = Reader {
        path,
        text,
        errors: Vec::new(),
    };
    let defaults = match raw.defaults {
        Some(d) => {
            let line = r.line(d.span());
            let d = d.into_inner();
            if let Some(name) = &d.name {
                r.error(name.span(), CaseProblem::DefaultsNamed);
            }
            if d.expect.is_some() {
                r.error_on(line, CaseProblem::DefaultsExpect);
            }
            d
        }
        None => RawInputs::default(),
    };
    if raw.case.is_empty() && raw.period.is_empty() && r.errors.is_empty() {
        r.error(0..0, CaseProblem::NoCases);
    }
    let mut cases = Vec::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for raw_case in raw.case {
        let line = r.line(raw_case.span());
        let raw_case = raw_case.into_inner();
        if let Some(case) = r.case(line, raw_case, &defaults) {
            if let Some(first) = names.get(&case.name) {
                r.errors.push(LoadError::Invalid {
                    file: path.to_path_buf(),
                    item: None,
                    line,
                    problem: CaseProblem::SameName {
                        first: *first,
                        name: case.name.clone(),
                    }
                    .into(),
                });
            } else {
                names.insert(case.name.clone(), line);
            }
            cases.push(case);
        }
    }
    let periods = read_periods(path, text, raw.period, &mut names, &mut r.errors);
    if r.errors.is_empty() {
        Ok(CaseFile {
            path: path.to_path_buf(),
            cases,
            periods,
        })
    } else {
        Err(r.errors)
    }
}

/// What a number in a case stands for.
#[derive(Debug, Clone, Copy)]
enum Number {
    /// An achievement: 1 = 100%.
    Ratio,
    /// An effect amount in 千円.
    Amount,
}

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    errors: Vec<CaseError>,
}

impl Reader<'_> {
    fn line(&self, span: Range<usize>) -> usize {
        line_of(self.text, span.start)
    }

    fn error(&mut self, span: Range<usize>, problem: impl Into<PlanProblem>) {
        self.error_on(self.line(span), problem);
    }

    fn error_on(&mut self, line: usize, problem: impl Into<PlanProblem>) {
        self.errors.push(LoadError::Invalid {
            file: self.path.to_path_buf(),
            item: None,
            line,
            problem: problem.into(),
        });
    }

    fn cell(&mut self, field: &str, raw: Option<&Text>) -> Option<Cell> {
        let raw = raw?;
        match raw.get_ref().parse::<Cell>() {
            Ok(cell) => Some(cell),
            Err(e) => {
                self.error(
                    raw.span(),
                    PlanProblem::Value {
                        field: field.into(),
                        problem: e,
                    },
                );
                None
            }
        }
    }

    /// Notes a unit that does not fit the cell of `field` (`fits`, when the cell was read).
    fn check(&mut self, field: &str, raw: Option<&Text>, fits: Option<Result<(), UnitError>>) {
        if let (Some(raw), Some(Err(e))) = (raw, fits) {
            self.error(
                raw.span(),
                PlanProblem::Unit {
                    field: field.into(),
                    problem: e,
                },
            );
        }
    }

    /// A number as the document prints it ("1.25", "125%", "15,100", "▲1,500"), read as `what`.
    fn number(&mut self, field: &str, raw: &Text, what: Number) -> Option<Decimal> {
        let value = match raw.get_ref().parse::<Cell>() {
            Ok(cell) => cell.value,
            Err(e) => {
                self.error(
                    raw.span(),
                    PlanProblem::Value {
                        field: field.into(),
                        problem: e,
                    },
                );
                return None;
            }
        };
        let number = match (&value, what) {
            (Value::Number(q), _) if q.bound.is_some() || q.total.is_some() || q.note.is_some() => {
                None
            }
            (Value::Number(q), _) if q.unit.is_none() => Some(q.amount),
            (Value::Number(q), Number::Ratio) if q.unit.as_deref() == Some("%") => {
                Some(q.amount / Decimal::ONE_HUNDRED)
            }
            (Value::Number(q), Number::Amount) => q.amount_in("千円"),
            _ => None,
        };
        if number.is_none() {
            let (field, given) = (field.to_string(), raw.get_ref().clone());
            let problem = match what {
                Number::Ratio => CaseProblem::NotARatio { field, given },
                Number::Amount => CaseProblem::NotAnAmount { field, given },
            };
            self.error(raw.span(), problem);
        }
        number
    }

    fn expected_number(
        &mut self,
        field: &str,
        raw: Option<&Text>,
        what: Number,
    ) -> Option<Expected<Decimal>> {
        let raw = raw?;
        let line = self.line(raw.span());
        let text = raw.get_ref().trim().to_string();
        if is_none(&text) {
            return Some(Expected {
                value: None,
                text,
                line,
            });
        }
        let value = self.number(field, raw, what)?;
        Some(Expected {
            value: Some(value),
            text,
            line,
        })
    }

    fn case(&mut self, line: usize, c: RawInputs, defaults: &RawInputs) -> Option<Case> {
        let errors_before = self.errors.len();
        let Some(name) = c.name.as_ref().map(|n| n.get_ref().trim().to_string()) else {
            self.error_on(line, CaseProblem::NoName);
            return None;
        };
        if name.is_empty() {
            self.error_on(line, CaseProblem::EmptyName);
        }
        // A key of the case, or else of [defaults].
        macro_rules! input {
            ($field:ident) => {
                c.$field.as_ref().or(defaults.$field.as_ref())
            };
        }
        let mut sheet = self.sheet(&c, defaults);
        if let (Some(raw), Some(t), Some(a)) = (input!(actual), &sheet.target, &sheet.actual) {
            self.check(
                "actual",
                Some(raw),
                Some(crate::model::check_target_actual(t, a)),
            );
        }
        let achievement = match input!(achievement) {
            Some(a) if is_none(a.get_ref().trim()) => Some(None),
            Some(a) => self.number("achievement", a, Number::Ratio).map(Some),
            None => None,
        };
        let effect_formula = trimmed(input!(effect_formula));
        for y in c
            .history
            .as_ref()
            .or(defaults.history.as_ref())
            .into_iter()
            .flatten()
        {
            let HistoryKey(given) = &y.year;
            let Ok(year) = given.get_ref().parse::<FiscalYear>() else {
                self.error(
                    given.span(),
                    CaseProblem::HistoryYear {
                        given: given.get_ref().clone(),
                    },
                );
                continue;
            };
            if (sheet.earlier.last()).is_some_and(|h| h.year.next() != Some(year)) {
                self.error(given.span(), CaseProblem::HistoryNotConsecutive);
            }
            let row = self.history_year(y, year, &sheet.unit);
            sheet.earlier.push(row);
        }
        if let Some(last) = sheet.earlier.last() {
            if last.year.next() != Some(sheet.year) {
                self.error_on(
                    line,
                    CaseProblem::HistoryEnd {
                        last: last.year.to_string(),
                        year: sheet.year.to_string(),
                    },
                );
            }
        }

        let Some(raw_expect) = c.expect else {
            self.error_on(line, CaseProblem::ExpectsNothing { name });
            return None;
        };
        let expect_line = self.line(raw_expect.span());
        let e = raw_expect.into_inner();
        let rating = e.rating.as_ref().map(|r| {
            let text = r.get_ref().trim().to_string();
            Expected {
                value: (!is_none(&text) && text != "judgement required").then(|| text.clone()),
                text,
                line: self.line(r.span()),
            }
        });
        let expect = Expectations {
            achievement: self.expected_number(
                "expect.achievement",
                e.achievement.as_ref(),
                Number::Ratio,
            ),
            rating,
            effect: self.expected_number("expect.effect", e.effect.as_ref(), Number::Amount),
            target_effect: self.expected_number(
                "expect.target_effect",
                e.target_effect.as_ref(),
                Number::Amount,
            ),
            verdict: None,
            weak: e.weak.as_ref().map(|w| Expected {
                value: Some(*w.get_ref()),
                text: w.get_ref().to_string(),
                line: self.line(w.span()),
            }),
        };
        let mut expect = expect;
        if let Some(v) = &e.verdict {
            let text = v.get_ref().trim().to_string();
            let value = (!is_none(&text)).then(|| text.clone());
            if value
                .as_deref()
                .is_some_and(|v| !crate::engine::VERDICTS.contains(&v))
            {
                self.error(
                    v.span(),
                    CaseProblem::NotAVerdict {
                        given: text.clone(),
                        verdicts: crate::engine::VERDICTS
                            .iter()
                            .map(|v| v.to_string())
                            .collect(),
                    },
                );
            }
            expect.verdict = Some(Expected {
                value,
                text,
                line: self.line(v.span()),
            });
        }
        let whole = |x: &Option<Expected<Decimal>>| {
            x.as_ref()
                .filter(|x| x.value.is_some_and(|v| !v.fract().is_zero()))
                .map(|x| x.line)
        };
        for l in [whole(&expect.effect), whole(&expect.target_effect)]
            .into_iter()
            .flatten()
        {
            self.error_on(l, CaseProblem::EffectNotWhole);
        }
        let nothing = expect.achievement.is_none()
            && expect.rating.is_none()
            && expect.effect.is_none()
            && expect.target_effect.is_none()
            && expect.verdict.is_none()
            && expect.weak.is_none();
        if nothing {
            self.error_on(
                expect_line,
                CaseProblem::ExpectsNothing { name: name.clone() },
            );
        }
        let kind = &sheet.kind;
        if (expect.verdict.is_some() || expect.weak.is_some()) && kind.is_none() {
            self.error_on(line, CaseProblem::ReadingWithoutKind);
        }
        if expect.achievement.is_some() && achievement.is_some() {
            self.error_on(line, CaseProblem::AchievementTwice);
        }
        if expect.achievement.is_some() && kind.is_none() {
            self.error_on(line, CaseProblem::AchievementWithoutKind);
        }
        if expect.rating.is_some() && kind.is_none() && achievement.is_none() {
            self.error_on(line, CaseProblem::RatingWithoutKind);
        }
        if (expect.effect.is_some() || expect.target_effect.is_some())
            && kind.is_none()
            && effect_formula.is_none()
        {
            self.error_on(line, CaseProblem::EffectWithoutKind);
        }
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Case {
            file: self.path.to_path_buf(),
            line,
            name,
            sheet,
            achievement,
            effect_formula,
            expect,
        })
    }
}

/// How a case file writes a kind of cell: read from the key's text, then checked against the
/// case's unit once every key is read.
trait CaseCell: CellKind {
    /// Reads the key (the case's, or else `[defaults]`'s), noting what is wrong.
    fn read(r: &mut Reader, field: &str, raw: Option<&Text>) -> Self::Owned;

    /// Checks the value read against the case's unit.
    fn check(_: &mut Reader, _field: &str, _raw: Option<&Text>, _: &Self::Owned, _unit: &str) {}
}

/// A key's text in an entry of a case's history, with where it stands in the file.
#[derive(Deserialize, Clone)]
#[serde(transparent)]
struct HistoryKey(Text);

/// Written as a string.
#[cfg(test)]
impl schemars::JsonSchema for HistoryKey {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// A kind of cell each earlier year of a case's history gives.
trait HistoryCell: CaseCell {
    /// As a history entry writes it.
    type Written: for<'de> Deserialize<'de> + Clone;

    /// The key's text, when the entry gives it.
    fn given(raw: &Self::Written) -> Option<&Text>;

    /// Reads it for the earlier year `year`: read and checked as the case's own, named after
    /// the year in messages ("history R5 target").
    fn read_in(
        r: &mut Reader,
        year: FiscalYear,
        field: &str,
        raw: &Self::Written,
        unit: &str,
    ) -> Self::Owned {
        let field = format!("history {year} {field}");
        let raw = Self::given(raw);
        let value = Self::read(r, &field, raw);
        Self::check(r, &field, raw, &value, unit);
        value
    }
}

/// The key's text, trimmed.
fn trimmed(raw: Option<&Text>) -> Option<String> {
    raw.map(|t| t.get_ref().trim().to_string())
}

impl CaseCell for cell::Text {
    fn read(_: &mut Reader, _: &str, raw: Option<&Text>) -> String {
        trimmed(raw).unwrap_or_default()
    }
}

impl CaseCell for cell::Kind {
    fn read(_: &mut Reader, _: &str, raw: Option<&Text>) -> Option<String> {
        trimmed(raw)
    }
}

impl CaseCell for cell::Unit {
    fn read(_: &mut Reader, _: &str, raw: Option<&Text>) -> String {
        trimmed(raw).unwrap_or_else(|| "-".into())
    }
}

impl CaseCell for cell::Label {
    fn read(_: &mut Reader, _: &str, raw: Option<&Text>) -> Option<String> {
        trimmed(raw)
    }
}

/// The id a script sees is an item's: written as plan files name items (1-2-3).
impl CaseCell for cell::Id {
    fn read(r: &mut Reader, _: &str, raw: Option<&Text>) -> String {
        if let Some(id) = raw {
            match id.get_ref().parse::<crate::model::ItemId>() {
                Ok(parsed) if parsed.to_string() == *id.get_ref() => {}
                Ok(parsed) => r.error(
                    id.span(),
                    CaseProblem::IdNotAsWritten {
                        given: id.get_ref().clone(),
                        id: parsed.to_string(),
                    },
                ),
                Err(e) => r.error(
                    id.span(),
                    CaseProblem::NotAnId {
                        problem: e.problem(),
                    },
                ),
            }
        }
        trimmed(raw).unwrap_or_default()
    }
}

/// R5 when not given.
impl CaseCell for cell::Year {
    fn read(r: &mut Reader, field: &str, raw: Option<&Text>) -> FiscalYear {
        let Some(y) = raw else {
            return FiscalYear::reiwa(5);
        };
        y.get_ref().parse::<FiscalYear>().unwrap_or_else(|e| {
            r.error(
                y.span(),
                PlanProblem::FieldYear {
                    field: field.into(),
                    problem: e.problem(),
                },
            );
            FiscalYear::reiwa(5)
        })
    }
}

impl HistoryCell for cell::Year {
    /// Every year of the history names its year.
    type Written = HistoryKey;

    fn given(raw: &HistoryKey) -> Option<&Text> {
        Some(&raw.0)
    }

    /// The year is the entry's key, read before the rest.
    fn read_in(_: &mut Reader, year: FiscalYear, _: &str, _: &HistoryKey, _: &str) -> FiscalYear {
        year
    }
}

/// Units as a plan's loader checks them: a word after a number is never a unit.
impl CaseCell for cell::Figure {
    fn read(r: &mut Reader, field: &str, raw: Option<&Text>) -> Option<Cell> {
        r.cell(field, raw)
    }

    fn check(r: &mut Reader, field: &str, raw: Option<&Text>, cell: &Option<Cell>, unit: &str) {
        r.check(field, raw, cell.as_ref().map(|c| c.check_unit(unit)));
    }
}

impl HistoryCell for cell::Figure {
    type Written = Option<HistoryKey>;

    fn given(raw: &Option<HistoryKey>) -> Option<&Text> {
        raw.as_ref().map(|k| &k.0)
    }
}

impl CaseCell for cell::Money {
    fn read(r: &mut Reader, field: &str, raw: Option<&Text>) -> Option<Cell> {
        r.cell(field, raw)
    }

    fn check(r: &mut Reader, field: &str, raw: Option<&Text>, cell: &Option<Cell>, _: &str) {
        r.check(field, raw, cell.as_ref().map(Cell::check_money));
    }
}

impl HistoryCell for cell::Money {
    type Written = Option<HistoryKey>;

    fn given(raw: &Option<HistoryKey>) -> Option<&Text> {
        raw.as_ref().map(|k| &k.0)
    }
}

fn is_none(text: &str) -> bool {
    matches!(text, "none" | "()")
}

impl Case {
    /// The cells of the sheet the case describes, as a plan's item gives them
    /// ([`crate::evaluation::sheet_cells`]).
    pub fn sheet_cells(&self) -> SheetCells<'_> {
        self.sheet.cells()
    }

    /// The `x` the rules see, built exactly as for a plan's item.
    pub fn rule_input(&self, scale: &Scale) -> RuleInput {
        self.sheet_cells().rule_input(scale)
    }
}

impl From<CaseProblem> for PlanProblem {
    fn from(problem: CaseProblem) -> Self {
        PlanProblem::Other {
            problem: OtherProblem::new(problem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSet;
    use crate::evaluation::rule_input;
    use crate::model::testing::plan_with_item;

    fn parse(text: &str) -> Result<CaseFile, String> {
        use crate::i18n::Localize;
        parse_case_file(Path::new("tests/t.toml"), text).map_err(|errors| {
            errors
                .iter()
                .map(|e| e.localize(crate::i18n::Lang::En))
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    const CASES: &str = r#"
[defaults]
kind = "upper_bound"
unit = "億円"

[[case]]
name = "kept"
target = "30億円以内"
actual = "25億円"
expect.achievement = "120%"
expect.rating = "A"

[[case]]
name = "judgement"
kind = "milestone"
unit = "-"
target = "検討"
expect.achievement = "none"
expect.rating = "judgement required"
"#;

    #[test]
    fn a_reading_of_the_text_is_expected_by_verdict_and_weak() {
        let file = parse(
            "[[case]]\nname = \"r\"\nkind = \"milestone\"\nplan = \"・調査\"\ncomment = \"調査を行った。\"\nexpect.verdict = \"on_plan\"\nexpect.weak = false\n",
        )
        .unwrap();
        let case = &file.cases[0];
        assert_eq!(
            (case.sheet.plan.as_str(), case.sheet.comment.as_str()),
            ("・調査", "調査を行った。")
        );
        assert_eq!(
            case.expect.verdict.as_ref().unwrap().value.as_deref(),
            Some("on_plan")
        );
        assert_eq!(case.expect.weak.as_ref().unwrap().value, Some(false));
        let input = case.rule_input(&crate::model::Scale {
            ratings: vec![],
            relations: vec![],
        });
        assert_eq!(input.comment, "調査を行った。");

        let err =
            parse("[[case]]\nname = \"r\"\nkind = \"milestone\"\nexpect.verdict = \"late\"\n")
                .unwrap_err();
        assert!(err.contains("t.toml:4: expect.verdict: \"late\" is not a verdict (ahead, on_plan, behind, no_progress)"), "{err}");
        let err = parse("[[case]]\nname = \"r\"\nexpect.weak = true\n").unwrap_err();
        assert!(
            err.contains(
                "expects a reading of the text (expect.verdict, expect.weak) but names no kind"
            ),
            "{err}"
        );
    }

    #[test]
    fn reads_cases_with_defaults_lines_and_expectations() {
        let file = parse(CASES).unwrap();
        assert_eq!(file.cases.len(), 2);
        let kept = &file.cases[0];
        assert_eq!((kept.line, kept.name.as_str()), (6, "kept"));
        assert_eq!(kept.sheet.kind.as_deref(), Some("upper_bound"));
        assert_eq!(kept.sheet.unit, "億円");
        assert_eq!(kept.sheet.target.as_ref().unwrap().text, "30億円以内");
        let a = kept.expect.achievement.as_ref().unwrap();
        assert_eq!((a.value, a.line), (Some(dec("1.2")), 10));
        assert_eq!(
            kept.expect.rating.as_ref().unwrap().value.as_deref(),
            Some("A")
        );
        let judgement = &file.cases[1];
        assert_eq!(judgement.line, 13);
        assert_eq!(judgement.sheet.kind.as_deref(), Some("milestone"));
        assert_eq!(judgement.expect.achievement.as_ref().unwrap().value, None);
        assert_eq!(judgement.expect.rating.as_ref().unwrap().value, None);
        assert_eq!(judgement.sheet.year, FiscalYear::reiwa(5));
    }

    #[test]
    fn an_unknown_key_names_file_and_line() {
        let err = parse(&CASES.replace("actual = \"25億円\"", "actaul = \"25億円\"")).unwrap_err();
        assert!(
            err.starts_with("tests/t.toml:9: unknown field `actaul`"),
            "{err}"
        );
        let err =
            parse(&CASES.replace("expect.rating = \"A\"", "expect.ratng = \"A\"")).unwrap_err();
        assert!(
            err.starts_with("tests/t.toml:11: unknown field `ratng`"),
            "{err}"
        );
    }

    #[test]
    fn malformed_values_and_missing_parts_name_their_lines() {
        let err = parse(&CASES.replace("\"25億円\"", "\"25,0億円\"")).unwrap_err();
        assert!(err.starts_with("tests/t.toml:9: actual: "), "{err}");
        let err = parse(&CASES.replace("\"120%\"", "\"120%以内\"")).unwrap_err();
        assert!(
            err.starts_with(
                "tests/t.toml:10: expect.achievement: \"120%以内\" is not an achievement"
            ),
            "{err}"
        );
        let err = parse(&CASES.replace("name = \"judgement\"\n", "")).unwrap_err();
        assert_eq!(
            err,
            "tests/t.toml:13: the case has no name: add name = \"what this case shows\""
        );
        let err = parse(&CASES.replace("name = \"judgement\"", "name = \"kept\"")).unwrap_err();
        assert!(
            err.contains("another case on line 6 is also named \"kept\""),
            "{err}"
        );
        let err = parse("[[case]]\nname = \"nothing\"\nkind = \"level\"\n").unwrap_err();
        assert!(
            err.starts_with("tests/t.toml:1: case \"nothing\" expects nothing"),
            "{err}"
        );
        let err = parse("[[case]]\nname = \"e\"\nkind = \"cumulative\"\nexpect.effect = \"1.5\"\n")
            .unwrap_err();
        assert!(
            err.starts_with("tests/t.toml:4: effects are compared rounded"),
            "{err}"
        );
        let err = parse("[[case]]\nname = \"r\"\nexpect.rating = \"B\"\n").unwrap_err();
        assert!(
            err.contains("names no kind and gives no achievement"),
            "{err}"
        );
        let err = parse("[[case]]\nname = \"r\"\nkind = \"level\"\nachievement = \"1\"\nexpect.achievement = \"1\"\n")
            .unwrap_err();
        assert!(
            err.contains("gives its achievement and also expects one"),
            "{err}"
        );
        let err = parse("[defaults]\nname = \"d\"\n[[case]]\nname = \"r\"\nachievement = \"1\"\nexpect.rating = \"B\"\n")
            .unwrap_err();
        assert!(
            err.starts_with("tests/t.toml:2: [defaults] cannot have a name"),
            "{err}"
        );
        let err = parse("[defaults]\nkind = \"level\"\n").unwrap_err();
        assert!(err.contains("the file has no [[case]]"), "{err}");
    }

    #[test]
    fn a_word_after_a_number_is_no_unit_in_a_case_either() {
        let err = parse(&CASES.replace("\"25億円\"", "\"25億円程度\"")).unwrap_err();
        assert!(
            err.starts_with("tests/t.toml:9: actual: \"25億円程度\" is written in \"億円程度\""),
            "{err}"
        );
        let err = parse(
            "[[case]]\nname = \"n\"\nkind = \"higher_better\"\ntarget = \"18件\"\nactual = \"20人\"\nexpect.rating = \"A\"\n",
        )
        .unwrap_err();
        assert!(
            err.contains("t.toml:5: actual: the target \"18件\" and the actual \"20人\" are written in different units"),
            "{err}"
        );
    }

    #[test]
    fn a_history_ends_the_year_before_the_case() {
        let case = |history: &str| {
            parse(&format!(
                "[[case]]\nname = \"n\"\nkind = \"higher_better\"\nunit = \"件\"\nyear = \"R2\"\ntarget = \"10\"\nactual = \"6\"\nhistory = {history}\nexpect.rating = \"A\"\n"
            ))
        };
        let file = case(r#"[{ year = "平成31年度", target = "10", actual = "12" }]"#).unwrap();
        let x = file.cases[0].rule_input(&crate::engine::Scale {
            ratings: vec![],
            relations: vec![],
        });
        assert_eq!(x.history.len(), 2);
        assert_eq!(x.this_year().unwrap().actual_sum, Some(dec("18")));
        let err = case(r#"[{ year = "H30", target = "10" }]"#).unwrap_err();
        assert!(
            err.contains("must be the one before the case's year (R2)"),
            "{err}"
        );
        let err = case(r#"[{ year = "H30" }, { year = "R2" }]"#).unwrap_err();
        assert!(err.contains("consecutive"), "{err}");
        let err = case(r#"[{ year = "R1", actual = "12人" }]"#).unwrap_err();
        assert!(err.contains("history R1 actual"), "{err}");
    }

    #[test]
    fn achievements_and_amounts_read_as_printed() {
        let file = parse(
            r#"
[[case]]
name = "r"
achievement = "▲12.5%"
expect.rating = "D"

[[case]]
name = "e"
kind = "cumulative"
expect.effect = "▲15,173"
expect.target_effect = "1.2億円"
"#,
        )
        .unwrap();
        assert_eq!(file.cases[0].achievement, Some(Some(dec("-0.125"))));
        let e = &file.cases[1].expect;
        assert_eq!(e.effect.as_ref().unwrap().value, Some(dec("-15173")));
        assert_eq!(e.target_effect.as_ref().unwrap().value, Some(dec("120000")));
    }

    #[test]
    fn a_cell_the_case_does_not_give_reads_as_unit() {
        let file =
            parse("[[case]]\nname = \"bare\"\nkind = \"k\"\nexpect.achievement = \"1\"\n").unwrap();
        let x = std::sync::Arc::new(file.cases[0].rule_input(&crate::engine::Scale {
            ratings: vec![],
            relations: vec![],
        }));
        // What a script sees: `()` for what the sheet does not give, "" for its text.
        let rules = crate::engine::testing::memory_rules(
            "fn rating(x, a) { () }",
            "k",
            r#"fn achievement(x) {
                if x.target == () && x.actual_total == () && x.recorded == ()
                    && x.within_bound == () && x.target_text == "" && x.comment == ""
                    && x.unit == "-" && x.year == "R5" && x.history.len() == 1
                    && x.target_sum == () { 1 } else { 0 }
            }"#,
        )
        .unwrap();
        let at = crate::engine::CallSite {
            item: Some("bare"),
            year: &x.year,
        };
        let out = rules.achievement(&x, at).unwrap();
        assert_eq!(out.value, Some(Decimal::ONE), "{:?}", out.trace);
    }

    const ITEM: &str = r#"
title = "市債"
department = "企画部"
section = "財政課"
sheet = true
[indicator]
name = "予算における市債の発行額"
unit = "千円"
kind = "upper_bound"
baseline = "2(70)"
final_target = "25億円以内"
[years.R5]
target = "30億円以内"
actual = "12.6億円"
[years.R6]
target = "2(78)"
actual = "3(79)"
expected_effect = "1,000"
actual_effect = "▲500"
rating = "B"
"#;

    /// The same item, as a case: it must give the rules exactly the same `x`.
    const SAME_AS_CASE: &str = r#"
[[case]]
name = "R6 of the item"
id = "5-10-1"
title = "市債"
indicator = "予算における市債の発行額"
unit = "千円"
kind = "upper_bound"
year = "R6"
baseline = "2(70)"
final_target = "25億円以内"
previous = "12.6億円"
previous_target = "30億円以内"
target = "2(78)"
actual = "3(79)"
expected_effect = "1,000"
actual_effect = "▲500"
recorded = "B"
history = [{ year = "R5", target = "30億円以内", actual = "12.6億円" }]
expect.rating = "A"
"#;

    #[test]
    fn a_case_builds_the_same_rule_input_as_a_plan_item() {
        let plan = plan_with_item("5-10-1", ITEM);
        let rules = RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap();
        let from_plan = rule_input(&plan, &plan.items[0], FiscalYear::reiwa(6), &rules);
        let case = &parse(SAME_AS_CASE).unwrap().cases[0];
        let from_case = case.rule_input(rules.scale());
        assert_eq!(format!("{from_case:?}"), format!("{from_plan:?}"));

        let from_plan = rule_input(&plan, &plan.items[0], FiscalYear::reiwa(5), &rules);
        let r5 = SAME_AS_CASE
            .replace("year = \"R6\"", "year = \"令和5年度\"")
            .replace("previous = \"12.6億円\"", "previous = \"2(70)\"")
            .replace(
                "previous_target = \"30億円以内\"",
                "previous_target = \"2(70)\"",
            )
            .replace("target = \"2(78)\"", "target = \"30億円以内\"")
            .replace("actual = \"3(79)\"", "actual = \"12.6億円\"")
            .replace("expected_effect = \"1,000\"\n", "")
            .replace("actual_effect = \"▲500\"\n", "")
            .replace("recorded = \"B\"\n", "")
            .replace(
                "history = [{ year = \"R5\", target = \"30億円以内\", actual = \"12.6億円\" }]\n",
                "",
            );
        let case = &parse(&r5).unwrap().cases[0];
        assert_eq!(
            format!("{:?}", case.rule_input(rules.scale())),
            format!("{from_plan:?}")
        );
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
