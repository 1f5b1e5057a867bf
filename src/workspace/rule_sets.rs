//! Rule sets loaded once per run and compiled once when a rule must run, shared by every plan
//! (and thread) that uses them. What needs only a rule set's hash (stored evaluations and
//! sums) does not compile it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::engine::{RuleError, RuleSet};

/// A rule set loaded on first use, and its scripts compiled on first need; or why either
/// could not be.
#[derive(Default)]
struct Shared {
    loaded: OnceLock<Result<Arc<RuleSet>, Arc<RuleError>>>,
    compiled: OnceLock<Result<(), Arc<RuleError>>>,
}

/// The rule sets of one run, by folder, each explaining or not as the run does.
#[derive(Default)]
pub(crate) struct RuleSets {
    by_folder: Mutex<HashMap<PathBuf, Arc<Shared>>>,
    /// The rules run without explanations ([`RuleSet::explain_calls`]).
    quiet: bool,
}

impl RuleSets {
    /// The rule sets of a run whose rules build their explanations (`explain`) or not.
    pub(crate) fn new(explain: bool) -> Self {
        RuleSets {
            by_folder: Mutex::default(),
            quiet: !explain,
        }
    }

    fn shared(&self, folder: &Path) -> Arc<Shared> {
        let mut map = self
            .by_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.entry(folder.to_path_buf()).or_default().clone()
    }

    /// The rule set in `folder`, its scripts not necessarily compiled.
    pub(crate) fn loaded(&self, folder: &Path) -> Result<Arc<RuleSet>, Arc<RuleError>> {
        self.shared(folder)
            .loaded
            .get_or_init(|| {
                let mut set = RuleSet::load_dir_deferred(folder).map_err(Arc::new)?;
                set.explain_calls(!self.quiet);
                Ok(Arc::new(set))
            })
            .clone()
    }

    /// The rule set in `folder`, compiled: its first error, once for every plan that uses it.
    pub(crate) fn compiled(&self, folder: &Path) -> Result<Arc<RuleSet>, Arc<RuleError>> {
        let set = self.loaded(folder)?;
        let shared = self.shared(folder);
        let compiled = shared
            .compiled
            .get_or_init(|| set.compile().map_err(Arc::new));
        compiled.clone().map(|()| set)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    /// A rule set is loaded once, and a script that does not compile is compiled once: every
    /// plan that uses it gets the one error.
    #[test]
    fn rule_sets_load_once_and_compile_once() {
        let tmp = tempfile::tempdir().unwrap();
        let rules = tmp.path().join("rules");
        fs::create_dir_all(rules.join("kinds")).unwrap();
        let bundled = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"));
        for f in ["ruleset.toml", "rating.rhai"] {
            fs::copy(bundled.join(f), rules.join(f)).unwrap();
        }
        fs::write(rules.join("kinds/a.rhai"), "fn achievement(x) { 1 + }").unwrap();
        let sets = RuleSets::default();
        let loaded = sets.loaded(&rules).unwrap();
        assert!(Arc::ptr_eq(&loaded, &sets.loaded(&rules).unwrap()));
        let first = sets.compiled(&rules).unwrap_err();
        let again = sets.compiled(&rules).unwrap_err();
        assert!(Arc::ptr_eq(&first, &again), "compiled once");
        assert!(first.to_string().contains("kinds/a.rhai"), "{first}");
    }
}
