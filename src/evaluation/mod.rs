//! Evaluation: runs a rule set over a plan for one fiscal year, then aggregates the results
//! per policy and theme. Renders nothing; reports read what this produces.

mod aggregate;
mod agreement;
mod corpus;
mod diff;
mod item;
mod period;
mod stored;

/// Which side of the sheet an effect is computed for (defined with the rule input).
pub use crate::engine::EffectBasis;
pub use aggregate::{
    summarize, summarize_with_rules, Counts, EffectTotals, PolicySummary, Summary, ThemeSummary,
};
pub use agreement::{agreement, AgreementReport, AgreementText, Figure};
pub use corpus::{map_plans, CorpusSummary, CorpusTotal, EvaluatedPlan, PlanYearSummary};
pub(crate) use corpus::{summary_rows, totals};
pub use diff::{Change, DiffError, ItemChange, PolicyDiff, RuleDiff, SideTotals, Transitions};
pub use item::{
    computed_effect, evaluate_item, evaluate_item_with, item_formula, recorded_comparable,
    recorded_relates, recorded_scale, round_amount, rule_input, sheet_cells, Agreement,
    EvaluationText, ItemEvaluation, ItemYear, TraceStep,
};
pub use period::{
    evaluate_period, Direction, GroupPeriod, GroupYear, ItemPeriod, ItemPeriodYear, OutlookCounts,
    OverallRating, PeriodEvaluation, RatingChange, RatingTransitions,
};
pub use stored::{Stored, StoredEvaluations, EVALUATIONS_FOLDER};

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::{RuleError, RuleSet, Scale};
use crate::model::{FiscalYear, MoneyUnit, Plan};
use item::{item_evaluation, rule_outcome, RuleOutcome};

/// Which rule set produced an evaluation: its name, where it was loaded from, and a content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesUsed {
    /// ruleset.toml's name.
    pub name: String,
    /// The folder.
    pub location: String,
    /// SHA-256 of the rule set's files.
    pub hash: String,
}

impl RulesUsed {
    /// Describes `rules`.
    pub fn of(rules: &RuleSet) -> Self {
        RulesUsed {
            name: rules.name().to_string(),
            location: rules.location().to_string(),
            hash: rules.hash().to_string(),
        }
    }

    /// "isehara-default (rules, sha256 1a2b3c4d5e6f)".
    pub fn short(&self) -> String {
        format!(
            "{} ({}, sha256 {})",
            self.name,
            self.location,
            &self.hash[..12.min(self.hash.len())]
        )
    }
}

/// A whole plan evaluated for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// The plan's id.
    pub plan: String,
    /// The fiscal year.
    pub year: FiscalYear,
    /// The rule set that produced it.
    pub rules: RulesUsed,
    /// The rating scale of the suggestions (the rule set's).
    pub scale: Scale,
    /// The rating scale of the recorded ratings (the plan's, or else the rule set's).
    pub recorded_scale: Scale,
    /// One per item, in item order.
    pub items: Vec<ItemEvaluation>,
    /// The unit documents print the items' effect amounts in (the plan's `report_unit`); the
    /// amounts above are 千円, as on the sheets.
    pub report_unit: MoneyUnit,
}

/// Evaluates every item of `plan` for `year` under `rules`, items in parallel. Fails with the
/// error of the first item (in item order) whose rule fails.
pub fn evaluate(plan: &Plan, rules: &RuleSet, year: FiscalYear) -> Result<Evaluation, RuleError> {
    let mut evaluations = evaluate_years(plan, rules, &[year])?;
    Ok(evaluations.remove(0))
}

/// Evaluates every item of `plan` for each of `years` (in that order), items in parallel, each
/// item's formula compiled once for all the years. Fails with the error of the first item (in
/// item order, then year order) whose rule fails.
pub fn evaluate_years(
    plan: &Plan,
    rules: &RuleSet,
    years: &[FiscalYear],
) -> Result<Vec<Evaluation>, RuleError> {
    // Each year as the plan writes it (平成20年度 or H20), however it was asked for.
    let years: Vec<FiscalYear> = (years.iter())
        .map(|y| plan.period_year(*y).unwrap_or(*y))
        .collect();
    let outcomes = rule_outcomes(plan, rules, &years)?;
    Ok(evaluations(plan, rules, &years, outcomes))
}

/// What the rules give for every item of `plan` in each of `years`: one list per year, in item
/// order.
fn rule_outcomes(
    plan: &Plan,
    rules: &RuleSet,
    years: &[FiscalYear],
) -> Result<Vec<Vec<RuleOutcome>>, RuleError> {
    let per_item: Vec<Result<Vec<RuleOutcome>, RuleError>> = plan
        .items
        .par_iter()
        .map(|item| {
            let formula = item_formula(item, rules)?;
            (years.iter())
                .map(|year| rule_outcome(plan, item, formula.as_ref(), *year, rules))
                .collect()
        })
        .collect();
    let mut by_year: Vec<Vec<RuleOutcome>> = years
        .iter()
        .map(|_| Vec::with_capacity(plan.items.len()))
        .collect();
    for item in per_item {
        for (year, outcome) in by_year.iter_mut().zip(item?) {
            year.push(outcome);
        }
    }
    Ok(by_year)
}

/// The plan's evaluations for `years` from what the rules gave (`outcomes`, as
/// [`rule_outcomes`] lists them).
fn evaluations(
    plan: &Plan,
    rules: &RuleSet,
    years: &[FiscalYear],
    outcomes: Vec<Vec<RuleOutcome>>,
) -> Vec<Evaluation> {
    let rules_used = RulesUsed::of(rules);
    let recorded_scale = recorded_scale(plan, rules);
    years
        .iter()
        .zip(outcomes)
        .map(|(year, outcomes)| Evaluation {
            plan: plan.id.clone(),
            year: *year,
            rules: rules_used.clone(),
            scale: rules.scale().clone(),
            recorded_scale: recorded_scale.clone(),
            items: (plan.items.iter().zip(outcomes))
                .map(|(item, outcome)| item_evaluation(plan, item, *year, rules, outcome))
                .collect(),
            report_unit: plan.report_unit,
        })
        .collect()
}
