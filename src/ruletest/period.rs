//! Rule test cases of the whole period: the `[[period]]` tables of a case file. A case is an
//! item over every year of a plan's period (the last year listed is the final year), with what
//! `forecast(p)` of forecast.rhai and `overall(p)` of overall.rhai should make of it. Values
//! are written as a plan file writes them and read as a plan's are.

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::case::{CaseError, CaseProblem, Expected};
use super::run::{compare, compare_label, describe, CaseResult, Check};
use crate::engine::{number_in, Outlook, PeriodInput, PeriodYear, RuleError, RuleSet};
use crate::i18n::Text;
use crate::model::{line_of, Cell, FiscalYear, LoadError, OtherProblem, PlanProblem, Value};

/// One case of the whole period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodCase {
    /// The case file.
    pub file: std::path::PathBuf,
    /// 1-based line where the case starts (`[[period]]`).
    pub line: usize,
    /// What the case shows.
    pub name: String,
    /// What the rules see (the scale is the rule set's, set when the case runs).
    pub input: PeriodInput,
    /// What it expects.
    pub expect: PeriodExpectations,
}

/// What a case of the period expects; at least one is given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodExpectations {
    /// The forecast's outlook.
    pub outlook: Option<Expected<Outlook>>,
    /// The expected final-year value (in the indicator's unit), or none.
    pub expected: Option<Expected<Decimal>>,
    /// The lower end of the range, or none.
    pub low: Option<Expected<Decimal>>,
    /// The upper end of the range, or none.
    pub high: Option<Expected<Decimal>>,
    /// The expected final-year step, or none.
    pub step: Option<Expected<String>>,
    /// How far the item has come towards its final target (a ratio), or none.
    pub progress: Option<Expected<Decimal>>,
    /// Whether the forecast is marked weak.
    pub weak: Option<Expected<bool>>,
    /// The overall rating `overall(p)` suggests, or none ("judgement required").
    pub overall: Option<Expected<String>>,
}

impl PeriodExpectations {
    /// Whether a forecast must run: any of its results is expected, or the overall rating
    /// (which reads it).
    fn needs_forecast(&self) -> bool {
        self.outlook.is_some()
            || self.expected.is_some()
            || self.low.is_some()
            || self.high.is_some()
            || self.step.is_some()
            || self.progress.is_some()
            || self.weak.is_some()
    }
}

type Text2 = Spanned<String>;

/// A `[[period]]` case as written.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    /// What the case shows, as failures print it.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    name: Option<Text2>,
    /// Item id the scripts see (`p.id`), as plan files name items: "1-2-3".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    id: Option<Text2>,
    /// 実施項目名 (`p.title`).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    title: Option<Text2>,
    /// 指標 (`p.indicator`).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    indicator: Option<Text2>,
    /// The indicator kind (`p.kind`): what `kind(p.kind)` declares.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    kind: Option<Text2>,
    /// 単位 as printed; "-" when left out.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    unit: Option<Text2>,
    /// 指標の現状値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    baseline: Option<Text2>,
    /// 計画最終年度の目標値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    final_target: Option<Text2>,
    /// Every year of the plan's period, in order; the last is the final year. A year with an
    /// actual, an actual effect or a rating has results.
    #[serde(default)]
    years: Vec<RawPeriodYear>,
    /// What the rules should give.
    #[cfg_attr(test, schemars(with = "Option<RawPeriodExpect>"))]
    expect: Option<Spanned<RawPeriodExpect>>,
}

/// One year of a `[[period]]` case.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawPeriodYear {
    /// The fiscal year: "R5", "令和5年度", "FY2023".
    #[cfg_attr(test, schemars(with = "String"))]
    year: Text2,
    /// 目標値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    target: Option<Text2>,
    /// 実績値.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    actual: Option<Text2>,
    /// 効果見込額 (千円).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    expected_effect: Option<Text2>,
    /// 実績効果額 (千円).
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    actual_effect: Option<Text2>,
    /// 年次計画.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    plan: Option<Text2>,
    /// 取組実績.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    comment: Option<Text2>,
    /// The rating recorded for the year.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    rating: Option<Text2>,
    /// The rating the rules suggest for the year.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    suggested: Option<Text2>,
}

/// What a `[[period]]` case expects.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawPeriodExpect {
    /// The forecast's outlook: "reached", "at_risk", "missed" or "cannot_tell".
    #[cfg_attr(test, schemars(with = "Option<Outlook>"))]
    outlook: Option<Spanned<Outlook>>,
    /// The expected final-year value, in the indicator's unit, or "none".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    expected: Option<Text2>,
    /// The lower end of the expected range, or "none".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    low: Option<Text2>,
    /// The upper end of the expected range, or "none".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    high: Option<Text2>,
    /// The expected final-year step (a step of data/steps.toml), or "none".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    step: Option<Text2>,
    /// Progress towards the final target: "0.58" or "58%", or "none".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    progress: Option<Text2>,
    /// Whether the forecast is marked weak.
    #[cfg_attr(test, schemars(with = "Option<bool>"))]
    weak: Option<Spanned<bool>>,
    /// The overall rating overall.rhai suggests, or "none" / "judgement required".
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    overall: Option<Text2>,
}

crate::i18n::messages! {
    /// What is wrong with a `[[period]]` case.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PeriodCaseProblem {
        /// A case without years.
        NoYears =>
            ja: "years がありません: 計画期間の年度を順に、最終年度まで書いてください (years = [{{ year = \"R5\", target = \"…\", actual = \"…\" }}, …])",
            en: "the case has no years: list the plan's years in order through the final one (years = [{{ year = \"R5\", target = \"…\", actual = \"…\" }}, …])";
        /// A case without expectations.
        ExpectsNothing { name: String } =>
            ja: "ケース {name:?} に期待値がありません: expect.outlook, expect.expected, expect.low, expect.high, expect.step, expect.progress, expect.weak, expect.overall のいずれかを書いてください",
            en: "case {name:?} expects nothing: add expect.outlook, expect.expected, expect.low, expect.high, expect.step, expect.progress, expect.weak or expect.overall";
        /// A number that is not one.
        NotANumber { field: String, given: String } =>
            ja: "{field}: {given:?} は数値でも \"none\" でもありません",
            en: "{field}: {given:?} is not a number, nor \"none\"";
        /// Expected of a rule the rule set does not have.
        NoScript { file: String } =>
            ja: "ルールセットに {file} がありません",
            en: "the rule set has no {file}";
    }
}

impl From<PeriodCaseProblem> for PlanProblem {
    fn from(problem: PeriodCaseProblem) -> Self {
        PlanProblem::Other {
            problem: OtherProblem::new(problem),
        }
    }
}

/// Reads the `[[period]]` cases of a file; `names` are the names taken so far (by line), and
/// errors go to `errors`.
pub(super) fn read_periods(
    path: &Path,
    text: &str,
    raw: Vec<Spanned<RawPeriod>>,
    names: &mut BTreeMap<String, usize>,
    errors: &mut Vec<CaseError>,
) -> Vec<PeriodCase> {
    let mut r = Reader { path, text, errors };
    let mut cases = Vec::new();
    for raw_case in raw {
        let line = line_of(text, raw_case.span().start);
        let Some(case) = r.case(line, raw_case.into_inner()) else {
            continue;
        };
        if let Some(first) = names.get(&case.name) {
            r.error_on(
                line,
                CaseProblem::SameName {
                    first: *first,
                    name: case.name.clone(),
                },
            );
        } else {
            names.insert(case.name.clone(), line);
        }
        cases.push(case);
    }
    cases
}

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    errors: &'a mut Vec<CaseError>,
}

impl Reader<'_> {
    fn line(&self, t: &Text2) -> usize {
        line_of(self.text, t.span().start)
    }

    fn error_on(&mut self, line: usize, problem: impl Into<PlanProblem>) {
        self.errors.push(LoadError::Invalid {
            file: self.path.to_path_buf(),
            item: None,
            line,
            problem: problem.into(),
        });
    }

    fn cell(&mut self, field: &str, raw: Option<&Text2>, unit: Option<&str>) -> Option<Cell> {
        let raw = raw?;
        let cell = match raw.get_ref().parse::<Cell>() {
            Ok(cell) => cell,
            Err(problem) => {
                let line = self.line(raw);
                self.error_on(
                    line,
                    PlanProblem::Value {
                        field: field.into(),
                        problem,
                    },
                );
                return None;
            }
        };
        let fits = match unit {
            Some(unit) => cell.check_unit(unit),
            None => cell.check_money(),
        };
        if let Err(problem) = fits {
            let line = self.line(raw);
            self.error_on(
                line,
                PlanProblem::Unit {
                    field: field.into(),
                    problem,
                },
            );
        }
        Some(cell)
    }

    /// An expected number, in the indicator's `unit` (`ratio`: a share, "58%" or "0.58").
    fn expected_number(
        &mut self,
        field: &str,
        raw: Option<&Text2>,
        unit: &str,
        ratio: bool,
    ) -> Option<Expected<Decimal>> {
        let raw = raw?;
        let line = self.line(raw);
        let text = raw.get_ref().trim().to_string();
        if is_none(&text) {
            return Some(Expected {
                value: None,
                text,
                line,
            });
        }
        let value = text
            .parse::<Cell>()
            .ok()
            .and_then(|cell| match &cell.value {
                Value::Number(q) if ratio && q.unit.as_deref() == Some("%") => {
                    Some(q.amount / Decimal::ONE_HUNDRED)
                }
                Value::Number(q) if ratio => q.unit.is_none().then_some(q.amount),
                _ => number_in(Some(&cell), unit),
            });
        if value.is_none() {
            self.error_on(
                line,
                PeriodCaseProblem::NotANumber {
                    field: field.into(),
                    given: text.clone(),
                },
            );
        }
        Some(Expected { value, text, line })
    }

    fn expected_text(raw: Option<&Text2>, line: usize) -> Option<Expected<String>> {
        let text = raw?.get_ref().trim().to_string();
        let value = (!is_none(&text) && text != "judgement required").then(|| text.clone());
        Some(Expected { value, text, line })
    }

    fn case(&mut self, line: usize, c: RawPeriod) -> Option<PeriodCase> {
        let errors_before = self.errors.len();
        let Some(name) = c.name.as_ref().map(|n| n.get_ref().trim().to_string()) else {
            self.error_on(line, CaseProblem::NoName);
            return None;
        };
        if name.is_empty() {
            self.error_on(line, CaseProblem::EmptyName);
        }
        let text = |t: &Option<Text2>| t.as_ref().map(|t| t.get_ref().trim().to_string());
        let unit = text(&c.unit).unwrap_or_else(|| "-".into());
        let baseline = self.cell("baseline", c.baseline.as_ref(), Some(&unit));
        let final_target = self.cell("final_target", c.final_target.as_ref(), Some(&unit));
        if c.years.is_empty() {
            self.error_on(line, PeriodCaseProblem::NoYears);
        }
        let mut years: Vec<PeriodYear> = Vec::new();
        let mut previous: Option<FiscalYear> = None;
        for y in &c.years {
            let year_line = self.line(&y.year);
            let year = match y.year.get_ref().parse::<FiscalYear>() {
                Ok(year) => year,
                Err(e) => {
                    self.error_on(
                        year_line,
                        PlanProblem::FieldYear {
                            field: "years".into(),
                            problem: e.problem(),
                        },
                    );
                    continue;
                }
            };
            if previous.is_some_and(|p| p.next() != Some(year)) {
                self.error_on(year_line, PlanProblem::YearsNotConsecutive);
            }
            previous = Some(year);
            let field = |key: &str| format!("years {year} {key}");
            let target = self.cell(&field("target"), y.target.as_ref(), Some(&unit));
            let actual = self.cell(&field("actual"), y.actual.as_ref(), Some(&unit));
            let expected_effect =
                self.cell(&field("expected_effect"), y.expected_effect.as_ref(), None);
            let actual_effect = self.cell(&field("actual_effect"), y.actual_effect.as_ref(), None);
            let printed = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
            let given = |c: &Option<Cell>| c.as_ref().is_some_and(|c| c.value != Value::None);
            years.push(PeriodYear {
                year: year.to_string(),
                target: number_in(target.as_ref(), &unit),
                actual: number_in(actual.as_ref(), &unit),
                target_text: printed(&target),
                actual_text: printed(&actual),
                bound: (target.as_ref())
                    .and_then(|c| c.value.quantity()?.bound)
                    .map(|b| b.operator().to_string()),
                plan: text(&y.plan).unwrap_or_default(),
                comment: text(&y.comment).unwrap_or_default(),
                results: y.rating.is_some() || given(&actual) || given(&actual_effect),
                recorded: text(&y.rating),
                suggested: text(&y.suggested),
                achievement: None,
                expected_effect: expected_effect.as_ref().and_then(Cell::thousand_yen),
                actual_effect: actual_effect.as_ref().and_then(Cell::thousand_yen),
            });
        }
        let Some(raw_expect) = c.expect else {
            self.error_on(line, PeriodCaseProblem::ExpectsNothing { name });
            return None;
        };
        let e = raw_expect.into_inner();
        let line_of_text = |t: &Option<Text2>| t.as_ref().map_or(line, |t| self.line(t));
        let (step_line, overall_line) = (line_of_text(&e.step), line_of_text(&e.overall));
        let expect = PeriodExpectations {
            outlook: e.outlook.as_ref().map(|o| Expected {
                value: Some(*o.get_ref()),
                text: o.get_ref().id().to_string(),
                line: line_of(self.text, o.span().start),
            }),
            expected: self.expected_number("expect.expected", e.expected.as_ref(), &unit, false),
            low: self.expected_number("expect.low", e.low.as_ref(), &unit, false),
            high: self.expected_number("expect.high", e.high.as_ref(), &unit, false),
            step: Self::expected_text(e.step.as_ref(), step_line),
            progress: self.expected_number("expect.progress", e.progress.as_ref(), &unit, true),
            weak: e.weak.as_ref().map(|w| Expected {
                value: Some(*w.get_ref()),
                text: w.get_ref().to_string(),
                line: line_of(self.text, w.span().start),
            }),
            overall: Self::expected_text(e.overall.as_ref(), overall_line),
        };
        if !expect.needs_forecast() && expect.overall.is_none() {
            self.error_on(
                line,
                PeriodCaseProblem::ExpectsNothing { name: name.clone() },
            );
        }
        if self.errors.len() > errors_before {
            return None;
        }
        let printed = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
        Some(PeriodCase {
            file: self.path.to_path_buf(),
            line,
            input: PeriodInput {
                id: text(&c.id).unwrap_or_default(),
                title: text(&c.title).unwrap_or_default(),
                kind: text(&c.kind).unwrap_or_default(),
                indicator: text(&c.indicator).unwrap_or_default(),
                baseline: number_in(baseline.as_ref(), &unit),
                baseline_text: printed(&baseline),
                final_target: number_in(final_target.as_ref(), &unit),
                final_target_text: printed(&final_target),
                final_bound: (final_target.as_ref())
                    .and_then(|c| c.value.quantity()?.bound)
                    .map(|b| b.operator().to_string()),
                unit,
                years,
                scale: Vec::new(),
                forecast: None,
            },
            name,
            expect,
        })
    }
}

fn is_none(text: &str) -> bool {
    matches!(text, "none" | "()")
}

/// Runs a `[[period]]` case: `forecast(p)` when a forecast (or the overall rating, which reads
/// it) is expected, then `overall(p)` when the overall rating is.
pub(super) fn run_period(rules: &RuleSet, case: &PeriodCase) -> CaseResult {
    let mut result = CaseResult {
        file: case.file.clone(),
        line: case.line,
        name: case.name.clone(),
        period: true,
        mismatches: Vec::new(),
        error: None,
        trace: Vec::new(),
    };
    if let Err(e) = run(rules, case, &mut result) {
        result.error = Some(describe(&e));
    }
    result
}

fn run(rules: &RuleSet, case: &PeriodCase, result: &mut CaseResult) -> Result<(), RuleError> {
    let mut input = case.input.clone();
    if input.id.is_empty() {
        input.id.clone_from(&case.name);
    }
    input.scale = rules.scale().labels().map(String::from).collect();
    let e = &case.expect;
    let missing = |file: &str| {
        Some(Text::of(&PeriodCaseProblem::NoScript {
            file: file.to_string(),
        }))
    };
    if e.needs_forecast() || e.overall.is_some() {
        match rules.forecast(&input)? {
            Some(out) => {
                result.trace.extend(out.trace.iter().cloned());
                input.forecast = Some(out.value);
            }
            None if e.needs_forecast() => {
                result.error = missing(crate::engine::FORECAST_FILE);
                return Ok(());
            }
            None => {}
        }
    }
    if let Some(f) = &input.forecast {
        let number = |d: Option<Decimal>| {
            d.map(|d| d.normalize().to_string())
                .unwrap_or_else(|| "none".into())
        };
        if let Some(x) = &e.outlook {
            let got = f.outlook.id().to_string();
            compare(
                result,
                Check::Outlook,
                x,
                &Some(f.outlook),
                got.clone(),
                got,
            );
        }
        for (check, expected, got) in [
            (Check::Expected, &e.expected, f.expected),
            (Check::Low, &e.low, f.low),
            (Check::High, &e.high, f.high),
            (Check::Progress, &e.progress, f.progress),
        ] {
            if let Some(x) = expected {
                compare(result, check, x, &got, number(got), number(got));
            }
        }
        if let Some(x) = &e.step {
            let got = f.step.clone().unwrap_or_else(|| "none".into());
            compare(result, Check::Step, x, &f.step, got.clone(), got);
        }
        if let Some(x) = &e.weak {
            let got = f.weak.to_string();
            compare(result, Check::Weak, x, &Some(f.weak), got.clone(), got);
        }
    }
    if let Some(x) = &e.overall {
        let Some(out) = rules.overall(&input)? else {
            result.error = missing(crate::engine::OVERALL_FILE);
            return Ok(());
        };
        result.trace.extend(out.trace);
        compare_label(result, Check::Overall, x, &out.value, rules);
    }
    Ok(())
}

/// The `[[period]]` cases of a rule set that another extends, as they apply to the extending
/// one: forecast expectations are kept while forecast.rhai, the data files and the case's kind
/// are inherited, the overall rating while overall.rhai, forecast.rhai and rating.rhai (the
/// scale) are. Returns how many expectations were left out.
pub fn inherit_periods(
    cases: &mut Vec<PeriodCase>,
    forecast_replaced: bool,
    overall_replaced: bool,
    rating_replaced: bool,
    replaced_kind: impl Fn(&str) -> bool,
) -> usize {
    let mut left_out = 0;
    cases.retain_mut(|c| {
        let e = &mut c.expect;
        if forecast_replaced || replaced_kind(&c.input.kind) {
            for taken in [
                e.outlook.take().is_some(),
                e.expected.take().is_some(),
                e.low.take().is_some(),
                e.high.take().is_some(),
                e.step.take().is_some(),
                e.progress.take().is_some(),
                e.weak.take().is_some(),
            ] {
                left_out += usize::from(taken);
            }
        }
        if (overall_replaced || forecast_replaced || rating_replaced) && e.overall.take().is_some()
        {
            left_out += 1;
        }
        e.needs_forecast() || e.overall.is_some()
    });
    left_out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::engine::testing::{RATING, TWO_LABEL_CONFIG};
    use crate::engine::MemoryRules;
    use crate::i18n::{Lang, Localize};
    use crate::model::SourceFile;
    use crate::ruletest::{parse_case_file, run_cases, Mismatch};

    #[test]
    fn every_message_has_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }

    /// "mem": a forecast at twice the last actual, reached from 20, and an overall rating of A
    /// when reached.
    fn rules() -> RuleSet {
        RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", RATING),
                SourceFile::new(
                    "forecast.rhai",
                    r#"fn forecast(p) {
                        let v = p.years[p.last].actual * 2;
                        explain(`twice ${p.years[p.last].actual_text}`);
                        #{ outlook: if v >= p.final_target { "reached" } else { "at_risk" }, expected: v, progress: 0.5 }
                    }"#,
                ),
                SourceFile::new(
                    "overall.rhai",
                    r#"fn overall(p) { if p.forecast.outlook == "reached" { "A" } else { () } }"#,
                ),
            ],
        })
        .unwrap()
    }

    const CASES: &str = r#"
[[case]]
name = "a case of a year"
achievement = "1.2"
expect.rating = "A"

[[period]]
name = "twice 12 reaches 20"
unit = "件"
final_target = "20"
years = [{ year = "R5", actual = "12", rating = "B" }, { year = "R6", target = "20" }]
expect.outlook = "reached"
expect.expected = "24"
expect.progress = "50%"
expect.overall = "A"

[[period]]
name = "twice 8 misses 20"
unit = "件"
final_target = "20"
years = [{ year = "R5", actual = "8" }, { year = "R6", target = "20" }]
expect.outlook = "reached"
expect.expected = "16"
expect.step = "none"
expect.overall = "none"
"#;

    #[test]
    fn period_cases_run_beside_the_cases_of_a_year() {
        let file = parse_case_file(Path::new("tests/p.toml"), CASES).unwrap();
        assert_eq!((file.cases.len(), file.periods.len()), (1, 2));
        assert_eq!(file.periods[0].line, 7);
        assert_eq!(
            file.periods[0].input.years[0].actual,
            Some(Decimal::from(12))
        );
        assert!(file.periods[0].input.years[0].results);
        assert!(!file.periods[0].input.years[1].results);
        let run = run_cases(&rules(), &[file]);
        assert_eq!((run.passed(), run.failed()), (2, 1));
        let failed = &run.results[2];
        assert!(failed.period);
        assert_eq!(
            failed.mismatches,
            [Mismatch {
                check: Check::Outlook,
                line: 22,
                expected: "reached".into(),
                got: "at_risk".into(),
                record: "at_risk".into(),
            }]
        );
        assert_eq!(failed.trace, [Text::same("twice 8")]);
    }

    #[test]
    #[cfg(feature = "edit")]
    fn a_failing_period_case_is_re_recorded_in_its_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, CASES).unwrap();
        let file = parse_case_file(&path, CASES).unwrap();
        let run = run_cases(&rules(), &[file]);
        let (accepted, not) = crate::ruletest::accept(&run, dir.path()).unwrap();
        assert!(not.is_empty());
        assert_eq!(
            accepted[0].changes,
            [(Check::Outlook, "reached".into(), "at_risk".into())]
        );
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            after,
            CASES.replacen(
                "expect.outlook = \"reached\"\nexpect.expected = \"16\"",
                "expect.outlook = \"at_risk\"\nexpect.expected = \"16\"",
                1
            )
        );
    }

    #[test]
    fn period_cases_without_a_script_or_wrongly_written_are_errors() {
        let without = crate::engine::testing::rules("fn achievement(x) { 1 }").unwrap();
        let file = parse_case_file(Path::new("p.toml"), CASES).unwrap();
        let run = run_cases(&without, &[file]);
        let error = run.results[1].error.as_ref().unwrap();
        assert_eq!(error.en, "the rule set has no forecast.rhai");
        for (text, line, message) in [
            ("[[period]]\nname = \"n\"\nexpect.outlook = \"reached\"\n", 1, "the case has no years"),
            ("[[period]]\nname = \"n\"\nyears = [{ year = \"R5\" }]\n", 1, "case \"n\" expects nothing"),
            (
                "[[period]]\nname = \"n\"\nyears = [{ year = \"R5\" }]\nexpect.expected = \"many\"\n",
                4,
                "expect.expected: \"many\" is not a number, nor \"none\"",
            ),
            (
                "[[period]]\nname = \"n\"\nyears = [\n{ year = \"R5\" },\n{ year = \"R7\" }]\nexpect.outlook = \"reached\"\n",
                5,
                "the plan's years must be consecutive",
            ),
            (
                "[[period]]\nname = \"n\"\nyears = [{ year = \"R5\" }]\nexpect.outlook = \"reachd\"\n",
                4,
                "unknown variant `reachd`",
            ),
            (
                "[[case]]\nname = \"n\"\nachievement = \"1\"\nexpect.rating = \"A\"\n[[period]]\nname = \"n\"\nyears = [{ year = \"R5\" }]\nexpect.overall = \"A\"\n",
                5,
                "another case on line 1 is also named \"n\"",
            ),
        ] {
            let errors = parse_case_file(Path::new("p.toml"), text).unwrap_err();
            let en = errors[0].localize(Lang::En);
            assert!(en.starts_with(&format!("p.toml:{line}: ")), "{text}: {en}");
            assert!(en.contains(message), "{text}: {en}");
            assert_ne!(errors[0].localize(Lang::Ja), en);
        }
    }
}
