//! The whole plan period: each item's years side by side, its progress to date (the years with
//! results only), the forecast to the final year and the suggested overall rating (全期間総合評価)
//! from the rule set's `forecast.rhai` and `overall.rhai`, sums per policy and theme by year and
//! to date, and how the recorded ratings moved from one year to the next.

mod input;
mod transitions;

pub use transitions::{Direction, RatingChange, RatingTransitions};

use rust_decimal::Decimal;
use serde::Serialize;

use super::aggregate::{Counts, EffectTotals};
use super::item::{agreement_of, recorded_scale};
use super::{Agreement, Evaluation, ItemEvaluation, RulesUsed};
use crate::engine::{Forecast, Outlook, RuleError, RuleSet, Scale};
use crate::i18n::Text;
use crate::model::{Cell, FiscalYear, ItemId, MoneyUnit, Plan};
use input::{period_input, YearView};

/// A plan over its whole period, seen from one year (the last with results, by default).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodEvaluation {
    /// The plan's id.
    pub plan: String,
    /// The plan's name.
    pub plan_name: String,
    /// 自治体名.
    pub municipality: String,
    /// Every year of the period, in order; the last is the final year.
    pub years: Vec<FiscalYear>,
    /// The year the period is seen from: results of later years are left out. `None` when no
    /// year has results yet.
    pub as_of: Option<FiscalYear>,
    /// The rule set.
    pub rules: RulesUsed,
    /// The scale of the suggestions (the rule set's).
    pub scale: Scale,
    /// The scale of the recorded ratings.
    pub recorded_scale: Scale,
    /// The unit reports print effect amounts in; amounts here are 千円.
    pub report_unit: MoneyUnit,
    /// Whether the rule set forecasts (has forecast.rhai).
    pub forecasts: bool,
    /// Whether the rule set suggests an overall rating (has overall.rhai).
    pub overall_rules: bool,
    /// One per item, in item order.
    pub items: Vec<ItemPeriod>,
    /// Per 基本方針, in order.
    pub policies: Vec<GroupPeriod>,
    /// Per 改革の推進項目, in order.
    pub themes: Vec<GroupPeriod>,
    /// The whole plan.
    pub total: GroupPeriod,
    /// How the recorded ratings moved from the year before `as_of` to `as_of`.
    pub transitions: Option<RatingTransitions>,
}

/// One year of an item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemPeriodYear {
    /// The fiscal year.
    pub year: FiscalYear,
    /// 目標値 as printed.
    pub target: Option<Cell>,
    /// 実績値 as printed (none for a year without results).
    pub actual: Option<Cell>,
    /// Whether the year has results (and is not after the year the period is seen from).
    pub has_results: bool,
    /// The achievement the kind's rule computed.
    #[serde(with = "crate::model::exact::option")]
    pub achievement: Option<Decimal>,
    /// The rating recorded on the sheet.
    pub recorded: Option<String>,
    /// The rating the rules suggest.
    pub suggested: Option<String>,
    /// 効果見込額 (千円).
    #[serde(with = "crate::model::exact::option")]
    pub expected_effect: Option<Decimal>,
    /// 実績効果額 (千円).
    #[serde(with = "crate::model::exact::option")]
    pub actual_effect: Option<Decimal>,
}

/// The overall rating of the period (全期間総合評価): the one `overall.rhai` suggests and the one
/// recorded on the sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverallRating {
    /// The label the rules suggest; `None` when they leave it to judgement (or have no
    /// overall.rhai).
    pub suggested: Option<String>,
    /// Whether it is provisional: the final year has no results yet.
    pub provisional: bool,
    /// The overall rating recorded in the item file (`overall_rating`), given in the final year.
    pub recorded: Option<String>,
    /// How the suggestion relates to the recorded one.
    pub agreement: Agreement,
    /// What the rule explained, in order.
    pub explanation: Vec<Text>,
}

/// One item over the whole period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemPeriod {
    /// The item.
    pub id: ItemId,
    /// Its 基本方針.
    pub policy: u32,
    /// Its 改革の推進項目.
    pub theme: u32,
    /// 実施項目名.
    pub title: String,
    /// The indicator kind.
    pub kind: String,
    /// The indicator's unit.
    pub unit: String,
    /// 指標の現状値 as printed.
    pub baseline: Option<Cell>,
    /// 計画最終年度の目標値 as printed.
    pub final_target: Option<Cell>,
    /// Every year of the period, in order.
    pub years: Vec<ItemPeriodYear>,
    /// The item's last year with results.
    pub latest: Option<FiscalYear>,
    /// Effects to date: the expected effect of the years with results against their actual.
    pub effects: EffectTotals,
    /// What `forecast(p)` said (none without forecast.rhai).
    pub forecast: Option<Forecast>,
    /// What the forecast rule explained, in order.
    pub forecast_explanation: Vec<Text>,
    /// The overall rating of the period.
    pub overall: OverallRating,
    /// Its recorded rating in the year before the year the period is seen from and in that
    /// year; `None` when the period is seen from its first year (or no year).
    pub change: Option<RatingChange>,
}

/// How many items each outlook has (items without a forecast under `none`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct OutlookCounts {
    /// 達成.
    pub reached: usize,
    /// 未達の恐れ.
    pub at_risk: usize,
    /// 未達成.
    pub missed: usize,
    /// 判断できない.
    pub cannot_tell: usize,
    /// No forecast (the rule set has no forecast.rhai).
    pub none: usize,
}

impl OutlookCounts {
    fn add(&mut self, outlook: Option<Outlook>) {
        match outlook {
            Some(Outlook::Reached) => self.reached += 1,
            Some(Outlook::AtRisk) => self.at_risk += 1,
            Some(Outlook::Missed) => self.missed += 1,
            Some(Outlook::CannotTell) => self.cannot_tell += 1,
            None => self.none += 1,
        }
    }

    /// The count of one outlook.
    pub fn get(&self, outlook: Outlook) -> usize {
        match outlook {
            Outlook::Reached => self.reached,
            Outlook::AtRisk => self.at_risk,
            Outlook::Missed => self.missed,
            Outlook::CannotTell => self.cannot_tell,
        }
    }
}

/// A group's year: the recorded ratings and the effects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupYear {
    /// The fiscal year.
    pub year: FiscalYear,
    /// Recorded ratings (items without results are not rated).
    pub recorded: Counts,
    /// Effect amounts (千円).
    pub effects: EffectTotals,
}

/// A 基本方針, an 改革の推進項目 or the whole plan over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupPeriod {
    /// The policy's or theme's number (0 for the whole plan).
    pub number: u32,
    /// The policy a theme belongs to (its own number for a policy, 0 for the whole plan).
    pub policy: u32,
    /// Its name ("" for the whole plan).
    pub name: String,
    /// How many items.
    pub items: usize,
    /// Per year of the period.
    pub by_year: Vec<GroupYear>,
    /// Effects to date: every year with results together.
    pub effects: EffectTotals,
    /// The forecasts' outlooks.
    pub outlooks: OutlookCounts,
    /// The suggested overall ratings.
    pub overall: Counts,
}

impl GroupPeriod {
    fn new(number: u32, policy: u32, name: &str, years: &[FiscalYear], p: &Parts) -> Self {
        GroupPeriod {
            number,
            policy,
            name: name.to_string(),
            items: 0,
            by_year: years
                .iter()
                .map(|y| GroupYear {
                    year: *y,
                    recorded: Counts::new(p.recorded_scale),
                    effects: EffectTotals::default(),
                })
                .collect(),
            effects: EffectTotals::default(),
            outlooks: OutlookCounts::default(),
            overall: Counts::new(p.scale),
        }
    }

    fn add(&mut self, item: &ItemPeriod, evaluations: &[Option<&ItemEvaluation>]) {
        self.items += 1;
        for ((year, item_year), e) in self.by_year.iter_mut().zip(&item.years).zip(evaluations) {
            let Some(e) = e else { continue };
            if item_year.has_results {
                year.recorded.add(e.recorded.as_deref());
                year.effects.add(e);
            } else {
                // A year without results (yet, or after the year the period is seen from):
                // unrated, and its expected effect in the whole, not in what is measured.
                year.recorded.add(None);
                year.effects.add_expected(e.expected_effect);
            }
        }
        self.effects.add_part(&item.effects);
        self.outlooks.add(item.forecast.as_ref().map(|f| f.outlook));
        self.overall.add(item.overall.suggested.as_deref());
    }
}

/// What every group is counted on.
struct Parts<'a> {
    scale: &'a Scale,
    recorded_scale: &'a Scale,
}

/// Evaluates `plan` over its whole period under `rules`, from its evaluations of every year
/// (`evaluations`: one per year of the period, any order; a year without one counts as having
/// no results), seen from `as_of` (default: the last year with results). Runs `forecast(p)`
/// and `overall(p)` for every item; fails with the error of the first item whose rule fails.
pub fn evaluate_period(
    plan: &Plan,
    rules: &RuleSet,
    evaluations: &[Evaluation],
    as_of: Option<FiscalYear>,
) -> Result<PeriodEvaluation, RuleError> {
    let as_of = as_of.or_else(|| plan.latest_year_with_results());
    let by_year: Vec<Option<&Evaluation>> = (plan.years.iter())
        .map(|y| evaluations.iter().find(|e| e.year == *y))
        .collect();
    let scale: Vec<String> = rules.scale().labels().map(String::from).collect();
    let recorded_scale = recorded_scale(plan, rules);
    let previous = as_of
        .and_then(|y| plan.years.iter().position(|p| *p == y))
        .and_then(|i| i.checked_sub(1))
        .map(|i| plan.years[i]);

    let mut items = Vec::with_capacity(plan.items.len());
    let mut item_evaluations = Vec::with_capacity(plan.items.len());
    for (index, item) in plan.items.iter().enumerate() {
        let evaluated: Vec<Option<&ItemEvaluation>> = by_year
            .iter()
            .map(|e| {
                e.and_then(|e| e.items.get(index))
                    .filter(|e| e.id == item.id)
            })
            .collect();
        let views: Vec<YearView> = (plan.years.iter().zip(&evaluated))
            .map(|(year, e)| YearView {
                year: *year,
                evaluation: *e,
                has_results: as_of.is_some_and(|a| *year <= a)
                    && item.year(*year).is_some_and(|e| e.has_results()),
            })
            .collect();
        let mut input = period_input(item, &views, &scale);
        let forecast = rules.forecast(&input)?;
        input.forecast = forecast.as_ref().map(|f| f.value.clone());
        let overall = rules.overall(&input)?;
        let years: Vec<ItemPeriodYear> = views
            .iter()
            .map(|v| {
                let entry = item.year(v.year);
                let e = v.evaluation.filter(|_| v.has_results);
                ItemPeriodYear {
                    year: v.year,
                    target: entry.and_then(|e| e.target.clone()),
                    actual: entry
                        .and_then(|e| e.actual.clone())
                        .filter(|_| v.has_results),
                    has_results: v.has_results,
                    achievement: e.and_then(|e| e.achievement),
                    recorded: e.and_then(|e| e.recorded.clone()),
                    suggested: e.and_then(|e| e.suggested.clone()),
                    expected_effect: v.evaluation.and_then(|e| e.expected_effect),
                    actual_effect: e.and_then(|e| e.actual_effect),
                }
            })
            .collect();
        let mut effects = EffectTotals::default();
        for (v, e) in views.iter().zip(&evaluated) {
            match e {
                Some(e) if v.has_results => effects.add(e),
                Some(e) => effects.add_expected(e.expected_effect),
                None => {}
            }
        }
        let rating_in = |year: FiscalYear| {
            years
                .iter()
                .find(|y| y.year == year)
                .and_then(|y| y.recorded.as_deref())
        };
        let change = previous.zip(as_of).map(|(before, after)| {
            RatingChange::between(recorded_scale, rating_in(before), rating_in(after))
        });
        let suggested = overall.as_ref().and_then(|o| o.value.clone());
        let recorded = item.overall_rating.clone();
        items.push(ItemPeriod {
            id: item.id,
            policy: item.id.policy,
            theme: item.id.theme,
            title: item.title.clone(),
            kind: item.indicator.kind.clone(),
            unit: item.indicator.unit.clone(),
            baseline: item.indicator.baseline.clone(),
            final_target: item.indicator.final_target.clone(),
            latest: years.iter().rev().find(|y| y.has_results).map(|y| y.year),
            years,
            effects,
            forecast_explanation: forecast
                .as_ref()
                .map(|f| f.trace.clone())
                .unwrap_or_default(),
            forecast: forecast.map(|f| f.value),
            overall: OverallRating {
                agreement: agreement_of(plan, rules, suggested.as_deref(), recorded.as_deref()),
                suggested,
                provisional: !input.final_reported(),
                recorded,
                explanation: overall.map(|o| o.trace).unwrap_or_default(),
            },
            change,
        });
        item_evaluations.push(evaluated);
    }

    let parts = Parts {
        scale: rules.scale(),
        recorded_scale,
    };
    let years = &plan.years;
    let mut policies: Vec<GroupPeriod> = (plan.policies.iter())
        .map(|p| GroupPeriod::new(p.number, p.number, &p.name, years, &parts))
        .collect();
    let mut themes: Vec<GroupPeriod> = (plan.themes.iter())
        .map(|t| GroupPeriod::new(t.number, t.policy, &t.name, years, &parts))
        .collect();
    let mut total = GroupPeriod::new(0, 0, "", years, &parts);
    for (item, evaluated) in items.iter().zip(&item_evaluations) {
        if let Some(p) = policies.iter_mut().find(|p| p.number == item.policy) {
            p.add(item, evaluated);
        }
        if let Some(t) = themes.iter_mut().find(|t| t.number == item.theme) {
            t.add(item, evaluated);
        }
        total.add(item, evaluated);
    }
    let transitions = previous.zip(as_of).map(|(from, to)| {
        RatingTransitions::of(
            recorded_scale,
            from,
            to,
            (items.iter()).filter_map(|i| Some(i.id).zip(i.change.as_ref())),
        )
    });
    Ok(PeriodEvaluation {
        plan: plan.id.clone(),
        plan_name: plan.name.clone(),
        municipality: plan.municipality.clone(),
        years: plan.years.clone(),
        as_of,
        rules: RulesUsed::of(rules),
        scale: rules.scale().clone(),
        recorded_scale: recorded_scale.clone(),
        report_unit: plan.report_unit,
        forecasts: rules.has_forecast(),
        overall_rules: rules.has_overall(),
        items,
        policies,
        themes,
        total,
        transitions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::evaluate_years;
    use crate::model::load_plan;

    /// examples/five-year under the default rules, seen from `as_of`.
    fn five_year(as_of: Option<FiscalYear>) -> PeriodEvaluation {
        let root = env!("CARGO_MANIFEST_DIR");
        let plan = load_plan(format!("{root}/examples/five-year")).unwrap();
        let rules = RuleSet::load_dir(format!("{root}/rules")).unwrap();
        let evaluations = evaluate_years(&plan, &rules, &plan.years).unwrap();
        evaluate_period(&plan, &rules, &evaluations, as_of).unwrap()
    }

    /// The forecasts the example's README tells, item by item.
    #[test]
    fn the_five_year_example_concludes_what_its_readme_says() {
        let p = five_year(None);
        assert_eq!(p.as_of, Some(FiscalYear::reiwa(8)));
        let outlook = |id: &str| {
            let item = p.items.iter().find(|i| i.id.to_string() == id).unwrap();
            item.forecast.as_ref().unwrap().outlook
        };
        for id in [
            "1-1-1", "1-1-2", "2-3-2", "2-3-3", "3-4-1", "3-4-3", "3-5-1", "3-5-2",
        ] {
            assert_eq!(outlook(id), Outlook::Reached, "{id}");
        }
        for id in ["1-1-3", "1-2-1", "1-2-2", "2-3-1", "3-4-2", "3-4-4"] {
            assert_eq!(outlook(id), Outlook::AtRisk, "{id}");
        }
        assert_eq!((p.total.outlooks.reached, p.total.outlooks.at_risk), (8, 6));
        // Progress to date: R5–R8's 624,750 actual against their 790,500 expected.
        assert_eq!(p.total.effects.actual, Decimal::from(624_750));
        assert_eq!(p.total.effects.expected_reported, Decimal::from(790_500));
        assert_eq!(p.total.effects.expected, Decimal::from(1_145_500));
        // Every overall rating is provisional: R9 has no results yet.
        assert!(p.items.iter().all(|i| i.overall.provisional));
        assert!(p
            .items
            .iter()
            .all(|i| i.overall.agreement == Agreement::NotRecorded));
        // R7 → R8: 3-4-4 falls two grades, 1-1-3 and 3-4-2 one, 2-3-3 rises.
        let t = p.transitions.as_ref().unwrap();
        assert_eq!((t.from, t.to), (FiscalYear::reiwa(7), FiscalYear::reiwa(8)));
        assert_eq!((t.up, t.same, t.down, t.unknown), (1, 10, 3, 0));
        assert_eq!(
            t.fell_two
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["3-4-4"]
        );
        assert_eq!(
            t.matrix[0],
            [4, 0, 1, 0],
            "A in R7: four kept A, one fell to C"
        );
    }

    /// Seen from R6, R7 and R8 have no results: their actuals and ratings are left out, and the
    /// forecast rests on R5–R6.
    #[test]
    fn the_period_seen_from_an_earlier_year_leaves_the_later_results_out() {
        let p = five_year(Some(FiscalYear::reiwa(6)));
        assert_eq!(p.as_of, Some(FiscalYear::reiwa(6)));
        let item = &p.items[0];
        assert_eq!(item.latest, Some(FiscalYear::reiwa(6)));
        assert!(!item.years[2].has_results && item.years[2].actual.is_none());
        assert_eq!(item.years[2].recorded, None);
        assert_eq!(p.total.by_year[2].recorded.unrated, 14);
        assert_eq!(p.total.effects.actual, Decimal::from(128_850 + 149_550));
        let t = p.transitions.as_ref().unwrap();
        assert_eq!((t.from, t.to), (FiscalYear::reiwa(5), FiscalYear::reiwa(6)));
        let first = five_year(Some(FiscalYear::reiwa(5)));
        assert!(first.transitions.is_none(), "no year before R5");
        assert!(first.items.iter().all(|i| i.change.is_none()));
    }
}
