//! gyokaku (行革): evaluates Japanese municipal administrative and fiscal reform plans
//! (行財政改革推進計画) from plain files.
//!
//! Data flows one way:
//!
//! ```text
//! plan files (TOML) ──► model ──► engine (Rhai rules) ──► evaluation ──► report
//! ```
//!
//! The library is usable without the command line: a [`Workspace`] loads a plan (or a folder
//! of plans), runs its rules and hands back the evaluations; documents and their formats are
//! the optional `report` feature, the `gyokaku` command the default `cli` feature.
//!
//! ```no_run
//! use gyokaku::evaluation::summarize;
//! use gyokaku::{Workspace, Years};
//!
//! let evaluated = Workspace::new().evaluate("plans/isehara-6", Years::LatestComplete)?;
//! let evaluation = &evaluated.evaluations[0];
//! let summary = summarize(&evaluated.plan, evaluation);
//! println!("{} items, actual effect {}千円", evaluation.items.len(), summary.effects.actual);
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
#[cfg(test)]
mod schemas;
#[cfg(feature = "serve")]
pub mod serve;
pub mod setup;
pub mod workspace;

pub use workspace::{Workspace, Years};
