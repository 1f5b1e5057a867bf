//! Many plans in one run (a prefecture's, the country's): plans scheduled on the workers one
//! at a time ([`map_plans`]), each plan's summary lines, and the totals over the plans. The
//! [`crate::workspace::Workspace`] loads and evaluates the plans; results come in folder
//! order, whatever the order the threads finish in.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serde::Serialize;

use super::aggregate::{summarize, Counts, EffectTotals};
use super::Evaluation;
use crate::engine::RuleSet;
use crate::model::{FiscalYear, Plan, PlanKey};

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

/// Runs `job` on every folder, each plan on one worker at a time, and returns the results in
/// folder order, whatever order the workers finish in. One worker per core takes the next
/// folder and does the whole plan itself: what inside a plan runs on rayon (loading items,
/// evaluating them) runs on the worker, which is a pool of one thread. (Handing every plan's
/// items to the one shared pool kept both cores waiting on each other: the national corpus
/// cold took 4.9–7.2 s instead of 3.4 s. A rayon loop over the plans would let a thread
/// waiting inside one plan start another: many plans in memory at once.) So at most one plan
/// per worker is held, as long as `job` keeps only what it makes of the plan; one plan alone
/// is done on the calling thread, its items in parallel.
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
                    // Each worker its own pool of itself: a plan's items are then loaded and
                    // evaluated on the worker, one after the other, instead of every worker's
                    // handing its plan's items to the one shared pool and waiting.
                    let own = rayon::ThreadPoolBuilder::new()
                        .num_threads(1)
                        .use_current_thread()
                        .build();
                    let mut done = Vec::new();
                    let mut work = || loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(folder) = folders.get(i) else {
                            break;
                        };
                        done.push((i, job(folder)));
                    };
                    match &own {
                        Ok(pool) => pool.install(&mut work),
                        Err(_) => work(),
                    }
                    done
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

/// A plan's summary lines, one per year evaluated.
pub(crate) fn summary_rows(p: &EvaluatedPlan) -> Vec<PlanYearSummary> {
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
pub(crate) fn totals(rows: &[PlanYearSummary]) -> Result<Vec<CorpusTotal>, Option<FiscalYear>> {
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
    // Plans told apart by their folder's name as listed: a set of paths compares them
    // component by component, which was 4 % of a warm national summary (issue 24).
    let mut plans = HashSet::new();
    for r in rows {
        let year = by_year.entry(r.year).or_insert_with(|| empty(Some(r.year)));
        for total in [year, &mut all] {
            total.plans += 1;
            total.recorded.merge(&r.recorded);
            total.suggested.merge(&r.suggested);
            total.effects.merge(&r.effects).ok_or(total.year)?;
        }
        plans.insert(r.folder.as_os_str());
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
    use rayon::prelude::*;
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

    /// With several workers, each does its plans' parallel work itself: inside a plan, rayon
    /// sees a pool of one thread, the worker.
    #[test]
    fn each_worker_is_a_pool_of_itself() {
        let folders: Vec<PathBuf> = (0..6).map(|i| PathBuf::from(format!("p{i}"))).collect();
        let two = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let seen = two.install(|| {
            map_plans(&folders, |_| {
                let worker = std::thread::current().id();
                let inner: Vec<_> = (0..4)
                    .into_par_iter()
                    .map(|_| std::thread::current().id())
                    .collect();
                (
                    rayon::current_num_threads(),
                    inner.iter().all(|t| *t == worker),
                )
            })
        });
        assert_eq!(seen, vec![(1, true); 6]);
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
                actual,
                ..EffectTotals::default()
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
