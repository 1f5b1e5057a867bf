//! The plan-level rule: `summary(s)` of `summary.rhai`, the year's figures a rule set defines
//! beside the rating tables.

use super::run::{CallSite, Outcome};
use super::RuleSet;
use crate::engine::error::RuleError;
use crate::engine::summary::{figure_tables, FigureTable, SummaryInput};

impl RuleSet {
    /// Runs `summary(s)` of summary.rhai: the year's plan-level figures the rule set defines
    /// (none when it has no summary.rhai).
    pub fn summary(&self, input: &SummaryInput) -> Result<Outcome<Vec<FigureTable>>, RuleError> {
        let Some(script) = &self.summary else {
            return Ok(Outcome {
                value: Vec::new(),
                trace: Vec::new(),
            });
        };
        let at = CallSite {
            item: None,
            year: &input.year,
        };
        let out = self.run(script, "summary", vec![input.to_dynamic()], at)?;
        let value = figure_tables(out.value).map_err(|problem| RuleError::Runtime {
            file: script.file.clone(),
            function: "summary".into(),
            item: None,
            year: at.year.into(),
            problem: Box::new(problem),
        })?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }
}
