//! gyokaku (行革): evaluates Japanese municipal administrative and fiscal reform plans
//! (行財政改革推進計画) from plain files.
//!
//! Data flows one way:
//!
//! ```text
//! plan files (TOML) ──► model ──► engine (Rhai rules) ──► evaluation ──► report
//! ```
//!
//! ```no_run
//! use gyokaku::{engine::RuleSet, evaluation, model};
//!
//! let plan = model::load_plan("plans/isehara-6")?;
//! let rules = RuleSet::load_dir("rules")?;
//! let year = plan.latest_complete_year().expect("a year with complete results");
//! let result = evaluation::evaluate(&plan, &rules, year)?;
//! let summary = evaluation::summarize(&plan, &result);
//! println!("{} items, actual effect {}千円", result.items.len(), summary.effects.actual);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod check;
pub mod cycle;
pub mod engine;
pub mod evaluation;
pub mod i18n;
pub mod model;
pub mod number;
#[cfg(feature = "report")]
pub mod report;
pub mod ruletest;
pub mod workspace;

pub use workspace::{Workspace, Years};
