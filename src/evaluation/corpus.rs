//! Many plans in one run (a prefecture's, the country's): every plan folder of a folder is
//! loaded and evaluated for its years, plans and items in parallel, and each command makes
//! what it reports of each plan ([`evaluate_plans`]); `summary` sums them up
//! ([`summarize_corpus`]). Each plan is dropped as soon as the command's part is made of it, so
//! memory stays that of a few plans however many there are; results come in folder order,
//! whatever the order the threads finish in.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;

use super::aggregate::{summarize, Counts, EffectTotals};
use super::{Evaluation, StoredEvaluations};
use crate::engine::{RuleError, RuleSet};
use crate::i18n::{display_lang, CommandError, Lang, Localize};
use crate::model::{FiscalYear, LoadErrors, Plan, PlanKey, PlanLoader};

/// One plan's summary for one year: a line of the corpus tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanYearSummary {
    /// The plan's id (plan.toml).
    pub plan: String,
    /// 自治体名.
    pub municipality: String,
    /// The plan folder.
    pub folder: PathBuf,
    /// The fiscal year.
    pub year: FiscalYear,
    /// Recorded ratings.
    pub recorded: Counts,
    /// Suggested ratings.
    pub suggested: Counts,
    /// Effect amounts (千円).
    pub effects: EffectTotals,
}

/// All plans of a year together, or of every year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusTotal {
    /// The fiscal year; `None` for all years together.
    pub year: Option<FiscalYear>,
    /// How many plans had this year evaluated.
    pub plans: usize,
    /// Recorded ratings.
    pub recorded: Counts,
    /// Suggested ratings.
    pub suggested: Counts,
    /// Effect amounts (千円).
    pub effects: EffectTotals,
}

/// Every plan's summary lines and the totals over the plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusSummary {
    /// How many plan folders.
    pub plans: usize,
    /// One per plan and year: plans in folder order, each plan's years in order.
    pub rows: Vec<PlanYearSummary>,
    /// Per fiscal year (in year order), then all years together when there is more than one.
    pub totals: Vec<CorpusTotal>,
}

/// Why a corpus could not be evaluated: the first failing plan, in folder order. Worded by the
/// catalogue: each kind's own wording after the plan folder.
#[derive(Debug)]
pub enum CorpusError<E: std::error::Error + 'static> {
    /// A plan did not load.
    Load {
        /// The plan folder.
        folder: PathBuf,
        /// What was wrong.
        source: LoadErrors,
    },
    /// A plan names no rule set and none was given.
    NoRules {
        /// The plan folder.
        folder: PathBuf,
    },
    /// The rules did not load, or a rule failed on an item.
    Rules {
        /// The plan folder.
        folder: PathBuf,
        /// The rule error.
        source: Arc<RuleError>,
    },
    /// The effect amounts of the plans add up beyond `Decimal`'s range.
    TotalOverflow {
        /// The year whose total overflowed; `None` for all years together.
        year: Option<FiscalYear>,
    },
    /// The caller's part failed on the plan: choosing its years, or what it makes of the
    /// evaluations.
    Year {
        /// The plan folder.
        folder: PathBuf,
        /// Why.
        source: E,
    },
}

impl<E: std::error::Error + Localize + 'static> Localize for CorpusError<E> {
    fn localize(&self, lang: Lang) -> String {
        let at = |folder: &Path, text: String| format!("{}: {text}", folder.display());
        match self {
            // A plan's load errors are one a line: they start on the line after its folder.
            CorpusError::Load { folder, source } => {
                at(folder, format!("\n{}", source.localize(lang)))
            }
            CorpusError::NoRules { folder } => at(folder, CommandError::NoRuleSet.localize(lang)),
            CorpusError::Rules { folder, source } => at(folder, source.localize(lang)),
            CorpusError::TotalOverflow { .. } => CommandError::TotalsOverflow {
                max: rust_decimal::Decimal::MAX.to_string(),
            }
            .localize(lang),
            CorpusError::Year { folder, source } => at(folder, source.localize(lang)),
        }
    }
}

impl<E: std::error::Error + Localize + 'static> std::fmt::Display for CorpusError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(display_lang()))
    }
}

impl<E: std::error::Error + Localize + 'static> std::error::Error for CorpusError<E> {}

/// A rule set loaded on first use, and its scripts compiled on first need; or why either
/// could not be.
#[derive(Default)]
struct Shared {
    loaded: OnceLock<Result<Arc<RuleSet>, Arc<RuleError>>>,
    compiled: OnceLock<Result<(), Arc<RuleError>>>,
}

/// Rule sets loaded and compiled once each, shared by every plan (and thread) that uses them.
/// What needs only a rule set's hash (stored sums) does not compile it.
#[derive(Default)]
struct RuleSets {
    by_folder: Mutex<HashMap<PathBuf, Arc<Shared>>>,
}

impl RuleSets {
    fn shared(&self, folder: &Path) -> Arc<Shared> {
        let mut map = self
            .by_folder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.entry(folder.to_path_buf()).or_default().clone()
    }

    /// The rule set in `folder`, its scripts not necessarily compiled.
    fn loaded(&self, folder: &Path) -> Result<Arc<RuleSet>, Arc<RuleError>> {
        self.shared(folder)
            .loaded
            .get_or_init(|| {
                RuleSet::load_dir_deferred(folder)
                    .map(Arc::new)
                    .map_err(Arc::new)
            })
            .clone()
    }

    /// The rule set in `folder`, compiled: its first error, once for every plan that uses it.
    fn compiled(&self, folder: &Path) -> Result<Arc<RuleSet>, Arc<RuleError>> {
        let set = self.loaded(folder)?;
        let shared = self.shared(folder);
        let compiled = shared
            .compiled
            .get_or_init(|| set.compile().map_err(Arc::new));
        compiled.clone().map(|()| set)
    }
}

/// Runs `job` on every folder, each plan on one worker at a time, and returns the results in
/// folder order, whatever order the workers finish in. One worker per core takes the next
/// folder; inside a plan, items load and evaluate in parallel on rayon's pool. (A rayon loop
/// over the plans would let a thread waiting inside one plan start another: many plans in
/// memory at once.) So at most one plan per worker is held, as long as `job` keeps only what
/// it makes of the plan.
pub fn map_plans<T: Send>(folders: &[PathBuf], job: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    let workers = rayon::current_num_threads().clamp(1, folders.len().max(1));
    if workers == 1 {
        // One plan (or one core): no worker to start, the plans one after the other here.
        return folders.iter().map(|folder| job(folder)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(folder) = folders.get(i) else {
                            break done;
                        };
                        done.push((i, job(folder)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// One plan of a folder of plans, loaded and evaluated for its years.
pub struct EvaluatedPlan {
    /// The plan folder.
    pub folder: PathBuf,
    /// The plan.
    pub plan: Plan,
    /// Its key in the cache of parsed plans, when it came through it with settled files.
    pub key: Option<PlanKey>,
    /// The rule set it was evaluated under (the one given, or the plan's own).
    pub rules: Arc<RuleSet>,
    /// One evaluation per year chosen, in year order.
    pub evaluations: Vec<Evaluation>,
}

/// Loads every plan of `folders` (through `loader`), evaluates the years `years` chooses for
/// it under `rules` (or each plan's own rule set, each compiled once for all the plans that
/// use it) and hands it to `make`, on the worker that evaluated it: what `make` returns is
/// kept, the plan is dropped. Results in folder order; the error is the first plan's (in
/// folder order) that failed.
pub fn evaluate_plans<T, E>(
    folders: &[PathBuf],
    rules: Option<&Path>,
    loader: &PlanLoader,
    years: impl Fn(&Plan) -> Result<Vec<FiscalYear>, E> + Sync,
    make: impl Fn(EvaluatedPlan) -> Result<T, E> + Sync,
) -> Result<Vec<T>, CorpusError<E>>
where
    T: Send,
    E: std::error::Error + Send + 'static,
{
    let rule_sets = RuleSets::default();
    map_plans(folders, |folder| {
        let plan = evaluate_plan(folder, rules, loader, &years, &rule_sets)?;
        make(plan).map_err(|source| CorpusError::Year {
            folder: folder.to_path_buf(),
            source,
        })
    })
    .into_iter()
    .collect()
}

/// Loads every plan of `folders`, evaluates the years `years` chooses for it under `rules`
/// (or each plan's own rule set) and sums them up per plan, per year and overall. Only the
/// sums of each plan are kept: its items and their evaluations are dropped as soon as they
/// are counted.
///
/// `choice` names what `years` chooses, in words that tell one choice from another (`"all"`,
/// `"R5"`, `"latest complete"`): `years` may read the whole plan, items too, and the same
/// name must always choose the same years of the same files. Through a cache (`loader`),
/// each plan's sums are stored with its evaluations, with the years the choice made of its
/// files; a plan whose files and rule set are those of an earlier run with the same choice is
/// summed up from them without loading its items.
pub fn summarize_corpus<E>(
    folders: &[PathBuf],
    rules: Option<&Path>,
    loader: &PlanLoader,
    choice: &str,
    years: impl Fn(&Plan) -> Result<Vec<FiscalYear>, E> + Sync,
) -> Result<CorpusSummary, CorpusError<E>>
where
    E: std::error::Error + Send + 'static,
{
    let rule_sets = RuleSets::default();
    let stored = StoredEvaluations::of(loader);
    let per_plan: Vec<Result<Vec<PlanYearSummary>, CorpusError<E>>> =
        map_plans(folders, |folder| {
            if let Some(lines) = stored_lines(folder, rules, loader, choice, &rule_sets) {
                return Ok(lines);
            }
            let plan = evaluate_plan(folder, rules, loader, &years, &rule_sets)?;
            let lines = summary_rows(&plan);
            if let Some(key) = plan.key.as_ref() {
                let years: Vec<FiscalYear> = plan.evaluations.iter().map(|e| e.year).collect();
                stored.store_summary_lines(key, &plan.rules, choice, &years, &lines);
            }
            Ok(lines)
        });
    let rows: Vec<PlanYearSummary> = (per_plan.into_iter())
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    Ok(CorpusSummary {
        plans: folders.len(),
        totals: totals(&rows).map_err(|year| CorpusError::TotalOverflow { year })?,
        rows,
    })
}

/// The summary lines of the plan in `folder` stored by an earlier run that chose its years by
/// `choice`, when its files are settled and its entry holds every year: `None` whenever
/// anything stands in the way (the plan is then loaded, which says what is wrong with it).
fn stored_lines(
    folder: &Path,
    rules: Option<&Path>,
    loader: &PlanLoader,
    choice: &str,
    rule_sets: &RuleSets,
) -> Option<Vec<PlanYearSummary>> {
    let (head, key) = loader.settled_head(folder)?;
    let rule_set = rule_sets.loaded(&rules_folder(rules, &head)?).ok()?;
    StoredEvaluations::of(loader).summary_lines(folder, &head, &key, &rule_set, choice)
}

/// The rule set a plan is evaluated under: the one given, else the one its plan.toml names.
fn rules_folder(given: Option<&Path>, plan: &Plan) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(|| plan.rules.clone())
}

fn evaluate_plan<E: std::error::Error + Send + 'static>(
    folder: &Path,
    rules: Option<&Path>,
    loader: &PlanLoader,
    years: &(impl Fn(&Plan) -> Result<Vec<FiscalYear>, E> + Sync),
    rule_sets: &RuleSets,
) -> Result<EvaluatedPlan, CorpusError<E>> {
    let folder_buf = || folder.to_path_buf();
    let rules_error = |source| CorpusError::Rules {
        folder: folder_buf(),
        source,
    };
    // The plan's rule set (named by plan.toml) is loaded, or found loaded, while its items
    // load; it is compiled only if a rule must run.
    let (plan, key, rule_set) = loader
        .load_keyed_beside(folder, |plan| {
            let rules_folder = rules_folder(rules, plan).ok_or_else(|| CorpusError::NoRules {
                folder: folder_buf(),
            })?;
            let rule_set = rule_sets.loaded(&rules_folder).map_err(rules_error)?;
            Ok((rules_folder, rule_set))
        })
        .map_err(|source| CorpusError::Load {
            folder: folder_buf(),
            source,
        })?;
    let (rules_folder, rule_set) = rule_set?;
    let years = years(&plan).map_err(|source| CorpusError::Year {
        folder: folder_buf(),
        source,
    })?;
    let stored = StoredEvaluations::of(loader);
    let evaluations = match stored.read(&plan, key.as_ref(), &rule_set, &years) {
        Some(evaluations) => evaluations,
        None => {
            // A script that does not compile: its one error, for every plan that uses it.
            let rule_set = rule_sets.compiled(&rules_folder).map_err(rules_error)?;
            (stored.evaluate_years(&plan, key.as_ref(), &rule_set, &years))
                .map_err(|source| rules_error(Arc::new(source)))?
        }
    };
    Ok(EvaluatedPlan {
        folder: folder_buf(),
        plan,
        key,
        rules: rule_set,
        evaluations,
    })
}

/// A plan's summary lines, one per year evaluated.
fn summary_rows(p: &EvaluatedPlan) -> Vec<PlanYearSummary> {
    p.evaluations
        .iter()
        .map(|evaluation| {
            let summary = summarize(&p.plan, evaluation);
            PlanYearSummary {
                plan: p.plan.id.clone(),
                municipality: p.plan.municipality.clone(),
                folder: p.folder.clone(),
                year: evaluation.year,
                recorded: summary.recorded,
                suggested: summary.suggested,
                effects: summary.effects,
            }
        })
        .collect()
}

/// The totals, or the year (`None`: all years) whose effect amounts overflow.
fn totals(rows: &[PlanYearSummary]) -> Result<Vec<CorpusTotal>, Option<FiscalYear>> {
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    // Counted on the first plan's scales; labels of other scales are counted apart.
    let empty = |year| CorpusTotal {
        year,
        plans: 0,
        recorded: first.recorded.zeroed(),
        suggested: first.suggested.zeroed(),
        effects: EffectTotals::default(),
    };
    let mut by_year: BTreeMap<FiscalYear, CorpusTotal> = BTreeMap::new();
    let mut all = empty(None);
    let mut plans = BTreeSet::new();
    for r in rows {
        let year = by_year.entry(r.year).or_insert_with(|| empty(Some(r.year)));
        for total in [year, &mut all] {
            total.plans += 1;
            total.recorded.merge(&r.recorded);
            total.suggested.merge(&r.suggested);
            total.effects.merge(&r.effects).ok_or(total.year)?;
        }
        plans.insert(&r.folder);
    }
    let several_years = by_year.len() > 1;
    let mut totals: Vec<CorpusTotal> = by_year.into_values().collect();
    if several_years {
        all.plans = plans.len();
        totals.push(all);
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// Results come in folder order; a single plan is done on the calling thread, with no
    /// worker started for it.
    #[test]
    fn plans_map_in_folder_order_and_one_plan_on_this_thread() {
        let folders: Vec<PathBuf> = (0..7).map(|i| PathBuf::from(format!("p{i}"))).collect();
        let names = map_plans(&folders, |f| f.display().to_string());
        assert_eq!(names, ["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);
        let here = std::thread::current().id();
        let ran_on = map_plans(&folders[..1], |_| std::thread::current().id());
        assert_eq!(ran_on, [here]);
    }

    fn row(folder: &str, actual: Decimal) -> PlanYearSummary {
        let scale = crate::engine::Scale {
            ratings: Vec::new(),
            relations: Vec::new(),
        };
        PlanYearSummary {
            plan: folder.into(),
            municipality: "市".into(),
            folder: folder.into(),
            year: FiscalYear::reiwa(5),
            recorded: Counts::new(&scale),
            suggested: Counts::new(&scale),
            effects: EffectTotals {
                expected: Decimal::ZERO,
                actual,
            },
        }
    }

    #[test]
    fn totals_beyond_decimal_are_an_error_not_a_panic() {
        let big = Decimal::MAX / Decimal::TWO + Decimal::ONE;
        let ok = totals(&[row("a", big), row("b", Decimal::ONE)]).unwrap();
        assert_eq!(ok[0].effects.actual, big + Decimal::ONE);
        assert_eq!(
            totals(&[row("a", big), row("b", big)]),
            Err(Some(FiscalYear::reiwa(5)))
        );
    }
}

#[cfg(test)]
mod stored_tests {
    use std::convert::Infallible;
    use std::fs;

    use super::*;
    use crate::model::testing::{age, settled_copy};
    use crate::model::PlanCache;

    /// Two settled copies of the bundled plan (`a`, `b`) naming the bundled rules, and a cache.
    fn corpus(tmp: &Path) -> (Vec<PathBuf>, PlanLoader) {
        let folders: Vec<PathBuf> = ["a", "b"].iter().map(|n| tmp.join(n)).collect();
        for folder in &folders {
            settled_copy(folder);
            let plan = folder.join("plan.toml");
            let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
            let text = fs::read_to_string(&plan).unwrap();
            let text = text.replace("rules = \"../../rules\"", &format!("rules = \"{rules}\""));
            fs::write(&plan, text).unwrap();
        }
        (
            folders,
            PlanLoader::cached(PlanCache::new(tmp.join("cache"))),
        )
    }

    fn every_year(plan: &Plan) -> Result<Vec<FiscalYear>, Infallible> {
        Ok(plan.years.clone())
    }

    /// A rule set is loaded once for all the plans, compiled only when a rule must run, and a
    /// script that does not compile fails every plan with the one error, compiled once.
    #[test]
    fn rule_sets_load_once_and_compile_once_when_needed() {
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

        let (folders, loader) = corpus(tmp.path());
        let err = summarize_corpus(&folders, Some(&rules), &loader, "all", every_year);
        match err {
            Err(CorpusError::Rules { folder, source }) => {
                assert_eq!(folder, folders[0]);
                assert_eq!(source.to_string(), first.to_string());
            }
            other => panic!("{:?}", other.map(|c| c.rows.len())),
        }
    }

    #[test]
    fn a_folder_of_plans_is_summed_up_from_stored_lines_while_nothing_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let (folders, loader) = corpus(tmp.path());
        let plain = summarize_corpus(&folders, None, &PlanLoader::default(), "all", every_year);
        let plain = plain.unwrap();
        assert_eq!(plain.rows.len(), 2 * 5);
        let first = summarize_corpus(&folders, None, &loader, "all", every_year).unwrap();
        assert_eq!(first, plain);
        assert_eq!(
            summarize_corpus(&folders, None, &loader, "all", every_year).unwrap(),
            plain
        );

        // What a run reports of an unchanged plan is what its entry holds: plan b's lines
        // stored as plan a's are read for b, and its items are not loaded.
        let stored = StoredEvaluations::of(&loader);
        let (head, key) = loader.settled_head(&folders[1]).unwrap();
        let rules = RuleSet::load_dir(head.rules.clone().unwrap()).unwrap();
        let mut fake: Vec<PlanYearSummary> = plain.rows[..5].to_vec();
        fake[0].effects.actual += rust_decimal::Decimal::ONE;
        stored.store_summary_lines(&key, &rules, "all", &head.years, &fake);
        let read = summarize_corpus(&folders, None, &loader, "all", every_year).unwrap();
        assert_eq!(read.rows[5].effects.actual, fake[0].effects.actual);
        assert_eq!(read.rows[5].folder, folders[1]);
        // Years chosen from the items (the latest complete one): the first run with that
        // choice loads every plan, and stores what it chose ...
        let latest = |plan: &Plan| -> Result<Vec<FiscalYear>, Infallible> {
            Ok(plan.latest_complete_year().into_iter().collect())
        };
        let loaded = summarize_corpus(&folders, None, &loader, "latest", latest).unwrap();
        let year = loaded.rows[1].year;
        let of_year = |rows: &[PlanYearSummary]| -> Vec<PlanYearSummary> {
            rows.iter().filter(|r| r.year == year).cloned().collect()
        };
        assert_eq!(loaded.rows, of_year(&plain.rows));
        // ... which the next run reads without loading the items: b's line faked for that
        // choice is what it reports.
        let mut fake_latest = of_year(&plain.rows)[1..].to_vec();
        fake_latest[0].effects.actual += rust_decimal::Decimal::TWO;
        stored.store_summary_lines(&key, &rules, "latest", &[year], &fake_latest);
        let read = summarize_corpus(&folders, None, &loader, "latest", latest).unwrap();
        assert_eq!(read.rows[1].effects.actual, fake_latest[0].effects.actual);
        assert_eq!(read.rows[0], loaded.rows[0]);

        // A changed item file: plan b evaluated again, its new lines stored and read.
        let item = folders[1].join("items/5-8-3.toml");
        let text = fs::read_to_string(&item).unwrap();
        fs::write(&item, text.replace("\"15,100\"", "\"25,100\"")).unwrap();
        age(&folders[1]);
        let changed = summarize_corpus(&folders, None, &loader, "all", every_year).unwrap();
        assert_eq!(changed.rows[..5], plain.rows[..5]);
        assert_ne!(changed.rows[5..], plain.rows[5..]);
        let plain_changed =
            summarize_corpus(&folders, None, &PlanLoader::default(), "all", every_year).unwrap();
        assert_eq!(changed, plain_changed);
        assert_eq!(
            summarize_corpus(&folders, None, &loader, "all", every_year).unwrap(),
            plain_changed
        );
    }
}
