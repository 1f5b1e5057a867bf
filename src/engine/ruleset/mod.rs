//! A rule set: the rating scale, one Rhai script per indicator kind, the rating script and the
//! optional summary and judgement scripts, read from a folder and those it extends, compiled
//! once and run with fixed limits. One file per job: `source` and `layers` read the files,
//! `compile` and `sandbox` make the scripts runnable, `quiet` makes a script that builds no
//! explanation, `bytecode` lowers a script and keeps a machine per thread to run it, `kind`
//! reads what a kind script declares of its kind, `run` calls one function, and `rating`,
//! `effect` and `summary` are what the rest of gyokaku asks of a rule set.

mod bytecode;
mod compile;
mod coverage;
mod effect;
mod kind;
mod layers;
pub mod limits;
mod period;
mod quiet;
mod rating;
mod run;
mod sandbox;
mod script;
mod source;
mod summary;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

pub use effect::{Formula, FORMULA_VARIABLES};
pub use kind::KindTraits;
#[cfg(test)]
pub(crate) use layers::Config as ConfigFile;
pub use layers::{CONFIG_FILE, JUDGEMENT_FILE, RATING_FILE};
pub use rating::Suggestion;
pub use run::{CallSite, Outcome};
pub use sandbox::{ComparisonProblem, ValueKind};
pub use source::{DirRules, EditedRules, MemoryRules, RuleSource};

use super::coverage::Recorder;
use super::data::{Data, PhraseGroup};
use super::error::RuleError;
use super::error::{DidYouMean, KindProblem};
use crate::model::{Scale, SourceFile};
use compile::Compiled;
use layers::Layers;
use script::{Script, Scripts};

/// A compiled rule set, ready to evaluate items.
pub struct RuleSet {
    name: String,
    description: String,
    location: String,
    hash: String,
    scale: Scale,
    /// The rule sets this one extends, nearest first.
    bases: Vec<String>,
    kinds: BTreeMap<String, Script>,
    rating: Script,
    /// summary.rhai, when the rule set (or one it extends) has one.
    summary: Option<Script>,
    /// `judgement.rhai`, when the rule set has one.
    judgement: Option<Script>,
    /// `forecast.rhai`, when the rule set (or one it extends) has one.
    forecast: Option<Script>,
    /// `overall.rhai`, when the rule set (or one it extends) has one.
    overall: Option<Script>,
    /// The data files (`data/*.toml`), each with the location of its rule set, and their paths
    /// as messages name them.
    data_files: Vec<(String, SourceFile)>,
    data_paths: Vec<String>,
    /// The data files read: when the scripts compile, or first asked for. A run whose
    /// evaluations are all stored reads none.
    data: OnceLock<Data>,
    /// Every script (file, text) in the order they compile and their errors are reported:
    /// rating.rhai, summary.rhai, each layer's kinds (a kind of a base is compiled, and
    /// checked, even when replaced), judgement.rhai.
    sources: Vec<(String, String)>,
    /// The engine and the compiled scripts, once compiled: at loading ([`RuleSet::load`]) or
    /// at the first rule that runs ([`RuleSet::load_deferred`]).
    compiled: OnceLock<Compiled>,
    /// Held while compiling, so that threads wanting the scripts at once compile them once.
    compiling: Mutex<()>,
    /// Set by [`RuleSet::record_coverage`]; `None` in normal evaluation.
    coverage: Option<Recorder>,
    /// Whether calls are remembered ([`RuleSet::remember_calls`]).
    remember: bool,
    /// Whether the rules explain themselves ([`RuleSet::explain_calls`]).
    explain: bool,
    /// Whether scripts run as bytecode: always, never, or by default (`None`) once they have
    /// run enough calls ([`RuleSet::run_as_bytecode`]).
    bytecode: Option<bool>,
}

// One compiled rule set serves every thread of a parallel evaluation.
const _: fn() = || {
    fn shared_across_threads<T: Send + Sync>() {}
    shared_across_threads::<RuleSet>();
};

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleSet")
            .field("name", &self.name)
            .field("location", &self.location)
            .field("kinds", &self.kinds.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl RuleSet {
    /// Loads and compiles the rule set in folder `dir`.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<RuleSet, RuleError> {
        Self::load(&DirRules::new(dir.as_ref()))
    }

    /// Loads the rule set in folder `dir`, compiling its scripts when the first rule runs
    /// ([`RuleSet::load_deferred`]).
    pub fn load_dir_deferred(dir: impl AsRef<Path>) -> Result<RuleSet, RuleError> {
        Self::load_deferred(&DirRules::new(dir.as_ref()))
    }

    /// Loads and compiles a rule set from any source.
    pub fn load(source: &dyn RuleSource) -> Result<RuleSet, RuleError> {
        let set = Self::load_deferred(source)?;
        set.compiled()?;
        Ok(set)
    }

    /// Loads a rule set from any source and compiles its scripts only when the first rule
    /// runs: what reads its name, hash and scale (an evaluation stored under its hash, for
    /// one) does without compiling. Errors in ruleset.toml are found now; a data file that
    /// does not read, a script that does not compile or lacks a function it must have, fail
    /// the first rule that runs, with the error [`RuleSet::load`] would give.
    pub fn load_deferred(source: &dyn RuleSource) -> Result<RuleSet, RuleError> {
        let layers = Layers::read(source)?;
        let location = layers.location().to_string();
        let hash = layers.hash();
        let scale = layers.scale()?;
        let data_files = layers.data_files();
        let data_paths = (data_files.iter())
            .map(|(location, f)| format!("{location}/{}", f.path.display()))
            .collect();
        let Scripts {
            rating,
            summary,
            kinds,
            judgement,
            forecast,
            overall,
            sources,
        } = layers.scripts()?;
        let bases = layers.bases();
        let config = layers.into_config();
        Ok(RuleSet {
            name: config.name,
            description: config.description,
            location,
            hash,
            scale,
            bases,
            kinds,
            rating,
            summary,
            judgement,
            forecast,
            overall,
            data_files,
            data_paths,
            data: OnceLock::new(),
            sources,
            compiled: OnceLock::new(),
            compiling: Mutex::new(()),
            coverage: None,
            remember: true,
            explain: true,
            bytecode: None,
        })
    }

    /// The rule set's name from ruleset.toml.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rule set's description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Where it was loaded from.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// SHA-256 of all its files: which rules produced an evaluation.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Where the rule sets this one extends (`extends` in ruleset.toml) were loaded from,
    /// nearest first; empty when it extends none.
    pub fn bases(&self) -> &[String] {
        &self.bases
    }

    /// The rating scale.
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The indicator kinds it has a script for.
    pub fn kinds(&self) -> impl Iterator<Item = &str> {
        self.kinds.keys().map(String::as_str)
    }

    /// Whether there is a script for `kind`.
    pub fn has_kind(&self, kind: &str) -> bool {
        self.kinds.contains_key(kind)
    }

    /// What is wrong with an item's `kind` when the rule set has no script for it: the kinds
    /// it has and the nearest of them; `None` when it has one.
    pub fn unknown_kind(&self, kind: &str) -> Option<KindProblem> {
        (!self.has_kind(kind)).then(|| KindProblem::Unknown {
            kind: kind.to_string(),
            rules: self.location.clone(),
            kinds: self.kinds().map(String::from).collect(),
            nearest: crate::model::nearest(kind, self.kinds())
                .map(|name| DidYouMean::Name { name: name.into() }),
        })
    }

    /// The file of the script for `kind`.
    pub fn kind_file(&self, kind: &str) -> Option<&str> {
        self.kinds.get(kind).map(|s| s.file.as_str())
    }

    /// The file of the summary script, when the rule set has one.
    pub fn summary_file(&self) -> Option<&str> {
        self.summary.as_ref().map(|s| s.file.as_str())
    }

    /// The file of the rating script.
    pub fn rating_file(&self) -> &str {
        &self.rating.file
    }

    /// Whether the rule set reads the year's text when the numbers cannot tell (it has
    /// `judgement.rhai`).
    pub fn has_judgement(&self) -> bool {
        self.judgement.is_some()
    }

    /// The file of the forecast script, when there is one.
    pub fn forecast_file(&self) -> Option<&str> {
        self.forecast.as_ref().map(|s| s.file.as_str())
    }

    /// The file of the overall rating script, when there is one.
    pub fn overall_file(&self) -> Option<&str> {
        self.overall.as_ref().map(|s| s.file.as_str())
    }

    /// The file of the judgement script, when there is one.
    pub fn judgement_file(&self) -> Option<&str> {
        self.judgement.as_ref().map(|s| s.file.as_str())
    }

    /// The data files (`data/*.toml`) the rule set reads, as it names them.
    pub fn data_files(&self) -> impl Iterator<Item = &str> {
        self.data_paths.iter().map(String::as_str)
    }

    /// The phrase groups of `data/phrases.toml` (empty without one, or when the data files do
    /// not read: the first rule that runs says why).
    pub fn phrase_groups(&self) -> &[PhraseGroup] {
        (self.data().ok())
            .and_then(|d| d.phrases.as_ref())
            .map(|b| b.groups())
            .unwrap_or_default()
    }

    /// The data files read, now if they are not yet.
    fn data(&self) -> Result<&Data, RuleError> {
        if let Some(data) = self.data.get() {
            return Ok(data);
        }
        let data = Data::read(self.data_files.iter().map(|(l, f)| (l.as_str(), f)))?;
        Ok(self.data.get_or_init(|| data))
    }
}
