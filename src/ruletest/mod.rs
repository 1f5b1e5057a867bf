//! Rule tests for analysts (`gyokaku test`): cases beside the rules in `rules/tests/*.toml`,
//! run through the rule set's public API, with statement and branch coverage of the scripts.
//!
//! ```no_run
//! use gyokaku::engine::RuleSet;
//! use gyokaku::ruletest::{load_cases, run_cases};
//!
//! let rules = RuleSet::load_dir("rules")?;
//! let cases = load_cases("rules")?;
//! let run = run_cases(&rules, &cases);
//! println!("{} passed, {} failed", run.passed(), run.failed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! With the `coverage` feature, `rules.record_coverage()` before the run and
//! `rules.coverage()` after it give the scripts' statement and branch coverage.

#[cfg(feature = "edit")]
mod accept;
mod case;
pub mod period;
#[cfg(feature = "report")]
mod render;
mod run;
mod suite;

/// The case files' own type, for its JSON Schema (src/schemas.rs).
#[cfg(test)]
pub(crate) use case::RawFile as CaseFileSchema;

#[cfg(feature = "edit")]
pub use accept::{
    accept, render_accepted, AcceptError, AcceptProblem, Accepted, NotAccepted, NotAcceptedReason,
};
pub use case::{
    inherited_cases, load_cases, parse_case_file, Case, CaseError, CaseErrors, CaseFile,
    CaseProblem, Expectations, Expected, TESTS_DIR,
};
pub use period::{inherit_periods, PeriodCase, PeriodCaseProblem, PeriodExpectations};
#[cfg(feature = "report")]
pub use render::{render_coverage, render_results, summary_line};
pub use run::{run_cases, CaseResult, Check, Mismatch, RuleTestText, TestRun};
pub use suite::{cases_of, Inherited};
