//! The rule engine: rule sets of Rhai scripts (`rules/`), compiled once and run with limits.
//! Knows the plan model's numbers only through [`RuleInput`]; knows nothing of output formats.

mod coverage;
mod data;
mod error;
mod functions;
mod input;
mod memo;
pub mod period;
mod reading;
mod record;
mod ruleset;
/// ruleset.toml's own type, for its JSON Schema (src/schemas.rs).
#[cfg(test)]
pub(crate) use ruleset::ConfigFile;
mod sheet;
mod summary;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;
mod trace;

pub use crate::model::{Rating, Scale};
pub use coverage::{Coverage, CoveragePoint, FunctionCoverage, Operator, Reach, ScriptCoverage};
pub use data::{PhraseGroup, PhraseGroupCoverage, DATA_DIR, PHRASES_FILE};
pub use error::{
    Compile, CompileProblem, DidYouMean, KindProblem, RuleConfigProblem, RuleError, RuleHint,
    RuleProblem, RuleText,
};
pub use input::{
    InputProperty, PropertyValue, RuleInput, YearRecord, INPUT_PROPERTIES, PROPERTIES,
    YEAR_PROPERTIES,
};
pub use period::{
    Forecast, ForecastProblem, Outlook, PeriodInput, PeriodRuleText, PeriodYear, FORECAST_FILE,
    FORECAST_KEYS, OVERALL_FILE,
};
pub use reading::{Evidence, Reading, VERDICTS};
pub(crate) use record::sheet_cells;
pub use ruleset::{
    limits, CallSite, ComparisonProblem, DirRules, EditedRules, Formula, KindTraits, MemoryRules,
    Outcome, RuleSet, RuleSource, Suggestion, ValueKind, CONFIG_FILE, FORMULA_VARIABLES,
    JUDGEMENT_FILE, RATING_FILE,
};
pub(crate) use sheet::split_rows;
pub use sheet::{
    cell, number_in, Effect, EffectBasis, OwnedSheetCells, OwnedYearCells, SheetCells, YearCells,
};
pub use summary::{Figure, FigureTable, SummaryInput, SummaryItem, SUMMARY_FILE};
pub use trace::{MAX_BYTES_PER_CALL, MAX_LINES_PER_CALL};
