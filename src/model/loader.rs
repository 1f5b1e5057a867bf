//! How the commands load plans: through the user's cache of parsed plans, or from the files
//! alone.

use std::path::Path;

use super::cache::{PlanCache, PlanKey};
use super::load::{load_plan, load_plan_beside, LoadErrors};
use super::plan::Plan;

/// Loads plan folders, through a cache of parsed plans or not. The default reads the files
/// alone.
#[derive(Debug, Clone, Default)]
pub struct PlanLoader {
    cache: Option<PlanCache>,
}

impl PlanLoader {
    /// Through `cache`.
    pub fn cached(cache: PlanCache) -> Self {
        PlanLoader { cache: Some(cache) }
    }

    /// Through the user's cache ([`PlanCache::from_env`]) unless `no_cache`, or when there is
    /// none.
    pub fn from_env(no_cache: bool) -> Self {
        PlanLoader {
            cache: PlanCache::from_env().filter(|_| !no_cache),
        }
    }

    /// The cache used, if any.
    pub fn cache(&self) -> Option<&PlanCache> {
        self.cache.as_ref()
    }

    /// The plan in `dir` as `plan.toml` gives it, without its items, and its key, when it is
    /// loaded through a cache and its files are settled ([`PlanCache::settled_head`]).
    pub fn settled_head(&self, dir: &Path) -> Option<(Plan, PlanKey)> {
        self.cache.as_ref()?.settled_head(dir)
    }

    /// Loads the plan in `dir`.
    pub fn load(&self, dir: &Path) -> Result<Plan, LoadErrors> {
        match &self.cache {
            Some(cache) => cache.load(dir),
            None => load_plan(dir),
        }
    }

    /// Loads the plan in `dir` and runs `beside` on the plan as `plan.toml` gives it, without
    /// its items — on another thread while its item files are parsed, after its items when
    /// they come from the cache — so that what needs only `plan.toml` (the plan's rule set) is
    /// ready when the plan is. `beside` does not run when `plan.toml` does not load; its result
    /// is dropped when the items do not.
    pub fn load_beside<T: Send>(
        &self,
        dir: &Path,
        beside: impl FnOnce(&Plan) -> T + Send,
    ) -> Result<(Plan, T), LoadErrors> {
        self.load_keyed_beside(dir, beside)
            .map(|(plan, _, t)| (plan, t))
    }

    /// Like [`PlanLoader::load_beside`], and the plan's [`PlanKey`] when it came through the
    /// cache and its files are settled: what may file results computed from the plan.
    pub fn load_keyed_beside<T: Send>(
        &self,
        dir: &Path,
        beside: impl FnOnce(&Plan) -> T + Send,
    ) -> Result<(Plan, Option<PlanKey>, T), LoadErrors> {
        match &self.cache {
            Some(cache) => cache
                .load_keyed_beside(dir, beside)
                .map(|(plan, _, key, t)| (plan, key, t)),
            None => load_plan_beside(dir, beside).map(|(plan, t)| (plan, None, t)),
        }
    }
}
