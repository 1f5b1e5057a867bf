//! A script of a rule set, and the scripts of one by what they are for.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// A script of the rule set: the file it came from and its text (shown by coverage reports,
/// compiled again without explanations).
pub(super) struct Script {
    pub(super) file: String,
    pub(super) text: String,
    /// Its place among the rule set's scripts as they compile ([`super::compile::Compiled::ast`]).
    pub(super) index: usize,
    /// Tells this script's remembered calls (`engine/memo.rs`) from those of every other script
    /// loaded in the process.
    pub(super) id: u64,
}

/// The next [`Script::id`].
static SCRIPTS: AtomicU64 = AtomicU64::new(0);

impl Script {
    /// The script in `file` with `text`, the `index`th to compile.
    pub(super) fn new(file: &str, text: &str, index: usize) -> Script {
        Script {
            file: file.to_string(),
            text: text.to_string(),
            index,
            id: SCRIPTS.fetch_add(1, Ordering::Relaxed),
        }
    }
}

/// A rule set's scripts by what they are for.
pub(super) struct Scripts {
    /// `rating.rhai`.
    pub(super) rating: Script,
    /// `summary.rhai`, when there is one.
    pub(super) summary: Option<Script>,
    /// `kinds/<kind>.rhai` by kind.
    pub(super) kinds: BTreeMap<String, Script>,
    /// `judgement.rhai`, when there is one.
    pub(super) judgement: Option<Script>,
    /// `forecast.rhai`, when there is one.
    pub(super) forecast: Option<Script>,
    /// `overall.rhai`, when there is one.
    pub(super) overall: Option<Script>,
    /// Every script (file, text) in the order they compile and their errors are reported:
    /// rating.rhai, summary.rhai, each layer's kinds (a kind of a base is compiled, and
    /// checked, even when replaced), judgement.rhai, forecast.rhai, overall.rhai.
    pub(super) sources: Vec<(String, String)>,
}
