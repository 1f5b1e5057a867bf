//! Evaluation: runs a rule set over a plan for one fiscal year, then aggregates the results
//! per policy and theme. Renders nothing; reports read what this produces.

mod aggregate;
mod agreement;
mod corpus;
mod diff;
mod item;

pub use aggregate::{
    summarize, summarize_with_rules, Counts, EffectTotals, PolicySummary, Summary, ThemeSummary,
};
pub use agreement::{agreement, AgreementReport};
pub use corpus::{summarize_corpus, CorpusError, CorpusSummary, CorpusTotal, PlanYearSummary};
pub use diff::{Change, DiffError, ItemChange, PolicyDiff, RuleDiff, SideTotals, Transitions};
pub use item::{
    computed_effect, evaluate_item, recorded_comparable, recorded_scale, round_amount, rule_input,
    Agreement, EffectBasis, ItemEvaluation, TraceStep,
};

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::{RuleError, RuleSet, Scale};
use crate::model::{FiscalYear, Plan};

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
}

/// Evaluates every item of `plan` for `year` under `rules`, items in parallel. Fails with the
/// error of the first item (in item order) whose rule fails.
pub fn evaluate(plan: &Plan, rules: &RuleSet, year: FiscalYear) -> Result<Evaluation, RuleError> {
    let results: Vec<_> = plan
        .items
        .par_iter()
        .map(|item| evaluate_item(plan, item, year, rules))
        .collect();
    let items = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(Evaluation {
        plan: plan.id.clone(),
        year,
        rules: RulesUsed::of(rules),
        scale: rules.scale().clone(),
        recorded_scale: recorded_scale(plan, rules).clone(),
        items,
    })
}
