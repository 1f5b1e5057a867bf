//! The rule engine: rule sets of Rhai scripts (`rules/`), compiled once and run with limits.
//! Knows the plan model's numbers only through [`RuleInput`]; knows nothing of output formats.

mod coverage;
mod error;
mod input;
mod ruleset;
mod sheet;
mod source;
mod summary;
#[cfg(test)]
pub(crate) mod testing;
mod trace;

pub use crate::model::{Rating, Scale};
pub use coverage::{Coverage, CoveragePoint, FunctionCoverage, Operator, Reach, ScriptCoverage};
pub use error::{Compile, RuleError};
pub use input::{RuleInput, YearRecord, PROPERTIES, YEAR_PROPERTIES};
pub use ruleset::{
    limits, CallSite, Formula, Outcome, RuleSet, CONFIG_FILE, FORMULA_VARIABLES, RATING_FILE,
};
pub use sheet::{number_in, Effect, EffectBasis, SheetCells, YearCells};
pub use source::{DirRules, MemoryRules, RuleSource};
pub use summary::{Figure, FigureTable, SummaryInput, SummaryItem, SUMMARY_FILE};
pub use trace::{MAX_BYTES_PER_CALL, MAX_BYTES_PER_RUN, MAX_LINES_PER_CALL};
