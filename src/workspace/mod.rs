//! The library's entry point. A [`Workspace`] reads plans — through the cache of parsed plans
//! and stored evaluations, or from their files alone — chooses each plan's rule set and years,
//! and evaluates one plan or a folder of plans. A host program (a city's own system, a
//! notebook, a web service) and the `gyokaku` command both start here.
//!
//! ```no_run
//! use gyokaku::evaluation::summarize;
//! use gyokaku::workspace::{Workspace, Years};
//!
//! let workspace = Workspace::new();
//! let evaluated = workspace.evaluate("plans/isehara-6", Years::LatestComplete)?;
//! let evaluation = &evaluated.evaluations[0];
//! let summary = summarize(&evaluated.plan, evaluation);
//! println!("{}: 実績効果額 {}千円", evaluation.year, summary.effects.actual);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod rule_sets;
mod years;

pub use error::{CorpusError, PlanError};
pub use years::{YearError, Years};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::{check_plan, Finding, FindingKind};
use crate::cycle::Completeness;
use crate::engine::RuleSet;
use crate::evaluation::{
    map_plans, summarize_with_rules, summary_rows, totals, CorpusSummary, EvaluatedPlan,
    Evaluation, PlanYearSummary, StoredEvaluations, Summary,
};
use crate::i18n::{Lang, Text};
use crate::model::{
    load_document_text, plan_folders, text_file, FiscalYear, LoadError, LoadErrors, Plan,
    PlanCache, PlanKey, PlanLoader,
};
use rule_sets::RuleSets;

/// Where plans and rule sets are read from, which rule set applies, the reader's language, and
/// whether the rules explain themselves.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    loader: PlanLoader,
    rules: Option<PathBuf>,
    lang: Lang,
    /// The rules run without building explanations ([`Workspace::with_explanations`]).
    quiet: bool,
}

impl Workspace {
    /// Plans read from their files alone, each evaluated under its own rule set (the one its
    /// `plan.toml` names), worded in Japanese.
    pub fn new() -> Self {
        Workspace::default()
    }

    /// Plans read through `cache`: a plan whose files are unchanged is not parsed again, and
    /// what the rules gave for it is stored beside it and read back while neither the plan nor
    /// the rule set changes.
    pub fn cached(cache: PlanCache) -> Self {
        Workspace::new().with_loader(PlanLoader::cached(cache))
    }

    /// Through the user's cache (`$GYOKAKU_CACHE_DIR`, `$XDG_CACHE_HOME/gyokaku` or
    /// `~/.cache/gyokaku`), or from the files alone when there is none.
    pub fn user_cache() -> Self {
        Workspace::new().with_loader(PlanLoader::from_env(false))
    }

    /// Plans read by `loader`.
    pub fn with_loader(mut self, loader: PlanLoader) -> Self {
        self.loader = loader;
        self
    }

    /// Every plan evaluated under the rule set in `dir` instead of its own.
    pub fn with_rules(mut self, dir: impl Into<PathBuf>) -> Self {
        self.rules = Some(dir.into());
        self
    }

    /// What is worded for a reader (documents, errors) is in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Whether the rules build their explanations (the default) or, for output that shows
    /// none, run without: every value is the same and every explanation empty
    /// ([`RuleSet::explain_calls`], `rules/README.md`). Evaluations stored without
    /// explanations serve such runs only; a run that explains computes them again.
    pub fn with_explanations(mut self, on: bool) -> Self {
        self.quiet = !on;
        self
    }

    /// Whether the rules explain themselves ([`Workspace::with_explanations`]).
    pub fn explains(&self) -> bool {
        !self.quiet
    }

    /// The reader's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How plans are loaded.
    pub fn loader(&self) -> &PlanLoader {
        &self.loader
    }

    /// The rule set given for every plan, if any.
    pub fn rules(&self) -> Option<&Path> {
        self.rules.as_deref()
    }

    /// Loads the plan in `dir`.
    pub fn load(&self, dir: impl AsRef<Path>) -> Result<Plan, PlanError> {
        Ok(self.loader.load(dir.as_ref())?)
    }

    /// The folder of the rule set `plan` is evaluated under: the one given, else the one its
    /// `plan.toml` names.
    pub fn rules_folder(&self, plan: &Plan) -> Result<PathBuf, PlanError> {
        (self.rules.clone())
            .or_else(|| plan.rules.clone())
            .ok_or(PlanError::NoRuleSet)
    }

    /// Loads the plan in `dir` and, while its items load, its rule set, compiled: for what
    /// runs rules itself (a trace, a check, a comparison of two rule sets).
    pub fn load_with_rules(&self, dir: impl AsRef<Path>) -> Result<(Plan, RuleSet), PlanError> {
        let (plan, rules) = self.loader.load_beside(dir.as_ref(), |plan| {
            let mut rules = RuleSet::load_dir(self.rules_folder(plan)?)?;
            rules.explain_calls(self.explains());
            Ok::<_, PlanError>(rules)
        })?;
        Ok((plan, rules?))
    }

    /// Opens the plan in `dir` for the years `years` chooses: its files and its rule set are
    /// read, and the evaluations stored for them, when the cache holds every year. Only when
    /// it does not are the rule set's scripts compiled — here, so that a script that does not
    /// compile is reported before anything is said about the plan.
    pub fn open(&self, dir: impl AsRef<Path>, years: Years) -> Result<Opened, PlanError> {
        self.open_with(dir.as_ref(), &years, &self.rule_sets())
    }

    /// Evaluates the plan in `dir` for the years `years` chooses ([`Workspace::open`], then
    /// [`Opened::evaluate`]).
    pub fn evaluate(
        &self,
        dir: impl AsRef<Path>,
        years: Years,
    ) -> Result<EvaluatedPlan, PlanError> {
        self.open(dir, years)?.evaluate()
    }

    /// Opens the plan in `dir` to sum it up ([`summarize_with_rules`]: the tables of `summary`)
    /// for the one year `years` chooses (`All` chooses the latest complete year, as
    /// [`Years::one_of`] does). Through a cache, a plan's summary is stored with the year the
    /// choice made of its files, and a plan whose files and rule set are those of an earlier
    /// run with the same choice is summed up from it, without loading its items or its
    /// evaluations. Otherwise it is [`Workspace::open`], then [`OpenedSummary::summarize`]
    /// evaluates it.
    pub fn open_summary(
        &self,
        dir: impl AsRef<Path>,
        years: Years,
    ) -> Result<OpenedSummary, PlanError> {
        let dir = dir.as_ref();
        let years = match years {
            Years::All => Years::LatestComplete,
            one => one,
        };
        let choice = years.choice();
        let rule_sets = self.rule_sets();
        let stored = self.stored();
        let held = (self.loader.settled_head(dir)).and_then(|(head, key)| {
            let rules = rule_sets.loaded(&self.rules_folder(&head).ok()?).ok()?;
            stored.plan_summary(&head, &key, &rules, &choice)
        });
        if let Some(held) = held {
            return Ok(OpenedSummary {
                completeness: Completeness {
                    year: held.summary.year,
                    items: held.items,
                    without_results: held.without_results,
                },
                from: SummaryFrom::Stored(held.summary),
            });
        }
        let opened = self.open_with(dir, &years, &rule_sets)?;
        Ok(OpenedSummary {
            completeness: Completeness::of(&opened.plan, opened.years[0]),
            from: SummaryFrom::Opened { opened, choice },
        })
    }

    /// The plan folders of `dir`: itself when it is a plan folder, else the plan folders inside
    /// it, in name order.
    pub fn plan_folders<E>(&self, dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, CorpusError<E>> {
        plan_folders(dir.as_ref()).map_err(|reason| CorpusError::NoPlans { reason })
    }

    /// Evaluates every plan of `dir` (itself, or the plan folders inside it) for the years
    /// `years` chooses of it, each under its own rule set (or the one given: every rule set
    /// loaded once and compiled once, when a rule must run), and hands it to `make` on the
    /// worker that evaluated it: what `make` returns is kept, the plan is dropped, so memory
    /// stays that of a few plans however many there are. Plans run in parallel; the results
    /// come in folder order, and the error is the first failing plan's in folder order.
    pub fn evaluate_plans<T, E>(
        &self,
        dir: impl AsRef<Path>,
        years: Years,
        make: impl Fn(EvaluatedPlan) -> Result<T, E> + Sync,
    ) -> Result<Vec<T>, CorpusError<E>>
    where
        T: Send,
        E: Send,
    {
        let folders = self.plan_folders(dir)?;
        let rule_sets = self.rule_sets();
        map_plans(&folders, |folder| {
            let plan = self
                .open_with(folder, &years, &rule_sets)
                .and_then(Opened::evaluate)
                .map_err(|e| CorpusError::plan(folder, e))?;
            make(plan).map_err(|source| CorpusError::Part {
                folder: folder.to_path_buf(),
                source,
            })
        })
        .into_iter()
        .collect()
    }

    /// Sums up every plan of `dir` for the years `years` chooses: per plan and year, per year
    /// and over all years. Only the sums of each plan are kept. Through a cache, each plan's
    /// sums are stored with the years the choice made of its files, and a plan whose files and
    /// rule set are those of an earlier run with the same choice is summed up from them
    /// without loading its items.
    pub fn summarize_plans(
        &self,
        dir: impl AsRef<Path>,
        years: Years,
    ) -> Result<CorpusSummary, CorpusError<std::convert::Infallible>> {
        let folders = self.plan_folders(dir)?;
        let rule_sets = self.rule_sets();
        let stored = self.stored();
        let choice = years.choice();
        let per_plan: Vec<Result<Vec<PlanYearSummary>, CorpusError<_>>> =
            map_plans(&folders, |folder| {
                if let Some(lines) = self.stored_lines(folder, &choice, &rule_sets) {
                    return Ok(lines);
                }
                let plan = self
                    .open_with(folder, &years, &rule_sets)
                    .and_then(Opened::evaluate)
                    .map_err(|e| CorpusError::plan(folder, e))?;
                let lines = summary_rows(&plan);
                if let Some(key) = plan.key.as_ref() {
                    let years: Vec<FiscalYear> = plan.evaluations.iter().map(|e| e.year).collect();
                    stored.store_summary_lines(key, &plan.rules, &choice, &years, &lines);
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

    /// Checks the plan in `dir` and its rule set: its id and municipality when it loads, and
    /// every finding — a file that does not load and a rule set that does not compile are
    /// findings too. Fails only when a file or folder cannot be read at all.
    pub fn check(&self, dir: impl AsRef<Path>) -> Result<CheckedPlan, PlanError> {
        let dir = dir.as_ref();
        let mut findings = Vec::new();
        let plan = match self.loader.load(dir) {
            Ok(plan) => Some(plan),
            Err(errors) => {
                for e in errors.0 {
                    match e {
                        LoadError::Io(io) => return Err(LoadErrors(vec![LoadError::Io(io)]).into()),
                        other => findings.push(Finding {
                            item: other.item(),
                            location: other.location().unwrap_or_default(),
                            field: None,
                            what: FindingKind::LoadFailed {
                                error: Text::both(other.message(Lang::Ja), other.message(Lang::En)),
                            },
                            documented: None,
                        }),
                    }
                }
                None
            }
        };
        let rules_folder = match (&plan, &self.rules) {
            (_, Some(r)) => Some(r.clone()),
            (Some(p), None) => Some(self.rules_folder(p)?),
            (None, None) => None,
        };
        let rules = match rules_folder.map(RuleSet::load_dir) {
            Some(Ok(r)) => Some(r),
            Some(Err(e)) => {
                findings.push(Finding {
                    item: None,
                    location: String::new(),
                    field: None,
                    what: FindingKind::RuleFailed {
                        error: Text::of(&e),
                    },
                    documented: None,
                });
                None
            }
            None => None,
        };
        if let (Some(plan), Some(rules)) = (&plan, &rules) {
            findings.extend(check_plan(plan, rules));
        }
        if let Some(plan) = &plan {
            findings.extend(report_text_findings(dir, plan));
        }
        Ok(CheckedPlan {
            folder: dir.to_path_buf(),
            plan: plan.map(|p| (p.id, p.municipality)),
            findings,
        })
    }

    /// Checks every plan of `dir` ([`Workspace::check`]), in parallel; results in folder order.
    pub fn check_plans(
        &self,
        dir: impl AsRef<Path>,
    ) -> Result<Vec<CheckedPlan>, CorpusError<std::convert::Infallible>> {
        let folders = self.plan_folders(dir)?;
        map_plans(&folders, |folder| {
            self.check(folder).map_err(|e| CorpusError::plan(folder, e))
        })
        .into_iter()
        .collect()
    }

    /// The rule sets of one run, explaining or not as the workspace does.
    fn rule_sets(&self) -> RuleSets {
        RuleSets::new(self.explains())
    }

    /// The evaluations stored beside the cache of parsed plans (none without a cache).
    fn stored(&self) -> StoredEvaluations {
        StoredEvaluations::of(&self.loader)
    }

    /// Opens the plan in `folder` with the rule sets of the run.
    fn open_with(
        &self,
        folder: &Path,
        years: &Years,
        rule_sets: &RuleSets,
    ) -> Result<Opened, PlanError> {
        // The plan's rule set (named by plan.toml) is loaded, or found loaded, while its items
        // parse (after them when they come from the cache); it is compiled only if a rule must
        // run.
        let (plan, key, rules) = self.loader.load_keyed_beside(folder, |plan| {
            let rules_folder = self.rules_folder(plan)?;
            let rules = rule_sets.loaded(&rules_folder)?;
            Ok::<_, PlanError>((rules_folder, rules))
        })?;
        let (rules_folder, rules) = rules?;
        let years = years.of(&plan)?;
        let stored = self.stored();
        let read = stored.read(&plan, key.as_ref(), &rules, &years);
        if read.is_none() {
            // A script that does not compile: its one error, for every plan that uses it.
            rule_sets.compiled(&rules_folder)?;
        }
        Ok(Opened {
            folder: folder.to_path_buf(),
            plan,
            key,
            rules,
            years,
            read,
            stored,
        })
    }

    /// The summary lines of the plan in `folder` stored by an earlier run that chose its years
    /// by `choice`, when its files are settled and its entry holds every year: `None` whenever
    /// anything stands in the way (the plan is then loaded, which says what is wrong with it).
    fn stored_lines(
        &self,
        folder: &Path,
        choice: &str,
        rule_sets: &RuleSets,
    ) -> Option<Vec<PlanYearSummary>> {
        let (head, key) = self.loader.settled_head(folder)?;
        let rules = rule_sets.loaded(&self.rules_folder(&head).ok()?).ok()?;
        self.stored()
            .summary_lines(folder, &head, &key, &rules, choice)
    }
}

/// A plan opened for evaluation: its files and rule set read, its years chosen, and what the
/// cache holds of its evaluations read.
pub struct Opened {
    folder: PathBuf,
    plan: Plan,
    key: Option<PlanKey>,
    rules: Arc<RuleSet>,
    years: Vec<FiscalYear>,
    read: Option<Vec<Evaluation>>,
    stored: StoredEvaluations,
}

impl Opened {
    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The years chosen, in period order.
    pub fn years(&self) -> &[FiscalYear] {
        &self.years
    }

    /// The rule set it is evaluated under (compiled unless the cache holds every year).
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Evaluates the plan for its years: what the cache holds, or the rules run now (and what
    /// they gave stored, through a cache).
    pub fn evaluate(self) -> Result<EvaluatedPlan, PlanError> {
        let evaluations = match self.read {
            Some(evaluations) => evaluations,
            None => (self.stored).evaluate_years(
                &self.plan,
                self.key.as_ref(),
                &self.rules,
                &self.years,
            )?,
        };
        Ok(EvaluatedPlan {
            folder: self.folder,
            plan: self.plan,
            key: self.key,
            rules: self.rules,
            evaluations,
        })
    }
}

/// A plan opened to be summed up for one year ([`Workspace::open_summary`]): its summary read
/// from the cache, or the plan opened for evaluation.
pub struct OpenedSummary {
    completeness: Completeness,
    from: SummaryFrom,
}

/// Where an [`OpenedSummary`] takes its summary from.
enum SummaryFrom {
    Stored(Summary),
    Opened { opened: Opened, choice: String },
}

/// A plan summed up for one year ([`OpenedSummary::summarize`]).
pub struct SummarizedPlan {
    /// The summary, with the figures of the rule set's summary.rhai.
    pub summary: Summary,
    /// The plan evaluated for the year, when it was (not when its summary was read from the
    /// cache).
    pub evaluated: Option<EvaluatedPlan>,
}

impl OpenedSummary {
    /// How far the year's results are in: a summary of a partial year says so.
    pub fn completeness(&self) -> &Completeness {
        &self.completeness
    }

    /// The year summed up.
    pub fn year(&self) -> FiscalYear {
        self.completeness.year
    }

    /// The summary: the one stored, or the plan evaluated (through the cache, what the rules
    /// gave is read or stored) and summed up, and the summary stored when the plan has a key.
    pub fn summarize(self) -> Result<SummarizedPlan, PlanError> {
        let (opened, choice) = match self.from {
            SummaryFrom::Stored(summary) => {
                return Ok(SummarizedPlan {
                    summary,
                    evaluated: None,
                })
            }
            SummaryFrom::Opened { opened, choice } => (opened, choice),
        };
        let stored = opened.stored.clone();
        let evaluated = opened.evaluate()?;
        let summary =
            summarize_with_rules(&evaluated.plan, &evaluated.evaluations[0], &evaluated.rules)?;
        if let Some(key) = &evaluated.key {
            let c = &self.completeness;
            stored.store_plan_summary(
                key,
                &evaluated.rules,
                &choice,
                &summary,
                c.items,
                &c.without_results,
            );
        }
        Ok(SummarizedPlan {
            summary,
            evaluated: Some(evaluated),
        })
    }
}

/// A plan checked ([`Workspace::check`]).
#[derive(Debug, Clone)]
pub struct CheckedPlan {
    /// The plan folder.
    pub folder: PathBuf,
    /// The plan's id and municipality, when it loaded.
    pub plan: Option<(String, String)>,
    /// What the check found, in order.
    pub findings: Vec<Finding>,
}

/// The report texts of the plan (`report/R5.md`, `report/R5.en.md` …) that do not read: each
/// error a finding at its file and line, as `report` would refuse it. What only the year's
/// figures can tell (a figure of a year without results) is left to `report`.
fn report_text_findings(dir: &Path, plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    for &year in &plan.years {
        let ja = text_file(dir, plan, year, false);
        let en = text_file(dir, plan, year, true).filter(|en| Some(en) != ja.as_ref());
        for (file, english) in [(ja, false), (en, true)] {
            if file.is_none() {
                continue;
            }
            if let Err(e) = load_document_text(dir, plan, year, english) {
                out.push(Finding {
                    item: None,
                    location: format!("{}:{}", e.file.display(), e.line),
                    field: None,
                    what: FindingKind::LoadFailed {
                        error: Text::of(&e.problem),
                    },
                    documented: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::i18n::Localize;
    use crate::model::testing::{age, settled_copy};

    /// A folder holding two settled copies of the bundled plan (`a`, `b`) naming the bundled
    /// rules, and a workspace caching in `cache` beside them.
    fn corpus(tmp: &Path) -> (PathBuf, Vec<PathBuf>, Workspace) {
        let dir = tmp.join("plans");
        let folders: Vec<PathBuf> = ["a", "b"].iter().map(|n| dir.join(n)).collect();
        for folder in &folders {
            settled_copy(folder);
            let plan = folder.join("plan.toml");
            let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
            let text = fs::read_to_string(&plan).unwrap();
            let text = text.replace("rules = \"../../rules\"", &format!("rules = \"{rules}\""));
            fs::write(&plan, text).unwrap();
        }
        let workspace = Workspace::cached(PlanCache::new(tmp.join("cache")));
        (dir, folders, workspace)
    }

    /// A script that does not compile fails the first plan that uses it, with its one error.
    #[test]
    fn a_rule_set_that_does_not_compile_fails_the_first_plan() {
        let tmp = tempfile::tempdir().unwrap();
        let rules = tmp.path().join("rules");
        fs::create_dir_all(rules.join("kinds")).unwrap();
        let bundled = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"));
        for f in ["ruleset.toml", "rating.rhai"] {
            fs::copy(bundled.join(f), rules.join(f)).unwrap();
        }
        fs::write(rules.join("kinds/a.rhai"), "fn achievement(x) { 1 + }").unwrap();
        let (dir, folders, workspace) = corpus(tmp.path());
        match workspace
            .with_rules(&rules)
            .summarize_plans(&dir, Years::All)
        {
            Err(CorpusError::Plan {
                folder,
                source: PlanError::Rules(e),
            }) => {
                assert_eq!(folder, folders[0]);
                assert!(e.to_string().contains("kinds/a.rhai"), "{e}");
            }
            other => panic!("{:?}", other.map(|c| c.rows.len())),
        }
    }

    #[test]
    fn one_plan_evaluated_through_the_cache_is_the_plan_evaluated_from_its_files() {
        let tmp = tempfile::tempdir().unwrap();
        let (_, folders, cached) = corpus(tmp.path());
        let plain = Workspace::new().evaluate(&folders[0], Years::All).unwrap();
        let first = cached.evaluate(&folders[0], Years::All).unwrap();
        let again = cached.open(&folders[0], Years::All).unwrap();
        assert!(
            again.read.is_some(),
            "the second run reads what the first stored"
        );
        let again = again.evaluate().unwrap();
        assert_eq!(first.evaluations, plain.evaluations);
        assert_eq!(again.evaluations, plain.evaluations);
        assert_eq!(plain.evaluations.len(), 5);
        let r5 = Workspace::new()
            .evaluate(&folders[0], Years::LatestComplete)
            .unwrap();
        assert_eq!(r5.evaluations[0].year, FiscalYear::reiwa(5));
    }

    #[test]
    fn a_folder_of_plans_is_summed_up_from_stored_lines_while_nothing_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, folders, cached) = corpus(tmp.path());
        let files_only = Workspace::new();
        let plain = files_only.summarize_plans(&dir, Years::All).unwrap();
        assert_eq!(plain.rows.len(), 2 * 5);
        assert_eq!(cached.summarize_plans(&dir, Years::All).unwrap(), plain);
        assert_eq!(cached.summarize_plans(&dir, Years::All).unwrap(), plain);

        // What a run reports of an unchanged plan is what its entry holds: plan b's lines
        // stored as plan a's are read for b, and its items are not loaded.
        let stored = cached.stored();
        let (head, key) = cached.loader().settled_head(&folders[1]).unwrap();
        let rules = RuleSet::load_dir(head.rules.clone().unwrap()).unwrap();
        let mut fake: Vec<PlanYearSummary> = plain.rows[..5].to_vec();
        fake[0].effects.actual += rust_decimal::Decimal::ONE;
        stored.store_summary_lines(&key, &rules, "all", &head.years, &fake);
        let read = cached.summarize_plans(&dir, Years::All).unwrap();
        assert_eq!(read.rows[5].effects.actual, fake[0].effects.actual);
        assert_eq!(read.rows[5].folder, folders[1]);
        // Years chosen from the items (the latest complete one): the first run with that
        // choice loads every plan, and stores what it chose ...
        let latest = Years::LatestComplete;
        let loaded = cached.summarize_plans(&dir, latest).unwrap();
        let year = loaded.rows[1].year;
        let of_year = |rows: &[PlanYearSummary]| -> Vec<PlanYearSummary> {
            rows.iter().filter(|r| r.year == year).cloned().collect()
        };
        assert_eq!(loaded.rows, of_year(&plain.rows));
        // ... which the next run reads without loading the items: b's line faked for that
        // choice is what it reports.
        let mut fake_latest = of_year(&plain.rows)[1..].to_vec();
        fake_latest[0].effects.actual += rust_decimal::Decimal::TWO;
        stored.store_summary_lines(&key, &rules, &latest.choice(), &[year], &fake_latest);
        let read = cached.summarize_plans(&dir, latest).unwrap();
        assert_eq!(read.rows[1].effects.actual, fake_latest[0].effects.actual);
        assert_eq!(read.rows[0], loaded.rows[0]);

        // A changed item file: plan b evaluated again, its new lines stored and read.
        let item = folders[1].join("items/5-8-3.toml");
        let text = fs::read_to_string(&item).unwrap();
        fs::write(&item, text.replace("\"15,100\"", "\"25,100\"")).unwrap();
        age(&folders[1]);
        let changed = cached.summarize_plans(&dir, Years::All).unwrap();
        assert_eq!(changed.rows[..5], plain.rows[..5]);
        assert_ne!(changed.rows[5..], plain.rows[5..]);
        let plain_changed = files_only.summarize_plans(&dir, Years::All).unwrap();
        assert_eq!(changed, plain_changed);
        assert_eq!(
            cached.summarize_plans(&dir, Years::All).unwrap(),
            plain_changed
        );
    }

    /// The summary and completeness of `folder` for `years` as computed from its files (under
    /// the rule set `rules` instead of its own, when given).
    fn summed_from_files(
        folder: &Path,
        rules: Option<&Path>,
        years: Years,
    ) -> (Summary, Completeness) {
        let files_only = match rules {
            Some(rules) => Workspace::new().with_rules(rules),
            None => Workspace::new(),
        };
        let p = files_only.evaluate(folder, years).unwrap();
        let summary = summarize_with_rules(&p.plan, &p.evaluations[0], &p.rules).unwrap();
        (summary, Completeness::of(&p.plan, p.evaluations[0].year))
    }

    /// Whether the summary of `folder` for `years` through `workspace` was read from the cache,
    /// and that it is the one computed from its files.
    fn summed_up(workspace: &Workspace, folder: &Path, years: Years) -> bool {
        let opened = workspace.open_summary(folder, years).unwrap();
        let read = matches!(opened.from, SummaryFrom::Stored(_));
        let (summary, completeness) = summed_from_files(folder, workspace.rules(), years);
        assert_eq!(opened.completeness(), &completeness);
        let summed = opened.summarize().unwrap();
        assert_eq!(summed.summary, summary);
        assert_eq!(summed.evaluated.is_none(), read);
        read
    }

    /// The stored summary of plan `a` (the corpus's first), its entry.
    fn summary_entry(tmp: &Path) -> PathBuf {
        let entries: Vec<PathBuf> = fs::read_dir(tmp.join("cache/evaluations"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".summary.bin"))
            .collect();
        let [entry] = entries.as_slice() else {
            panic!("one entry of summaries: {entries:?}")
        };
        entry.clone()
    }

    #[test]
    fn one_plan_is_summed_up_from_its_stored_summary_while_nothing_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, folders, cached) = corpus(tmp.path());
        let folder = &folders[0];
        let years = [Years::LatestComplete]
            .into_iter()
            .chain(["R5", "R6", "R9"].map(|y| Years::One(y.parse().unwrap())));
        for choice in years {
            assert!(
                !summed_up(&cached, folder, choice),
                "{choice}: computed first"
            );
            assert!(summed_up(&cached, folder, choice), "{choice}: then read");
        }
        // Without a cache: always computed.
        assert!(!summed_up(&Workspace::new(), folder, Years::LatestComplete));

        // What is reported of an unchanged plan is what its entry holds: its items are not
        // loaded.
        let stored = cached.stored();
        let (head, key) = cached.loader().settled_head(folder).unwrap();
        let rules = RuleSet::load_dir(head.rules.clone().unwrap()).unwrap();
        let r6 = FiscalYear::reiwa(6);
        let (mut fake, completeness) = summed_from_files(folder, None, Years::One(r6));
        fake.effects.actual += rust_decimal::Decimal::ONE;
        fake.policies[1].suggested.unrated += 1;
        let missing = &completeness.without_results[..1];
        let written = stored.store_plan_summary(&key, &rules, "R6", &fake, 3, missing);
        assert_eq!(written, crate::evaluation::Stored::Written);
        let read = cached.open_summary(folder, Years::One(r6)).unwrap();
        assert_eq!(read.completeness().without_results, missing);
        assert_eq!(read.completeness().items, 3);
        assert_eq!(read.summarize().unwrap().summary, fake);

        // The folder's summary lines share the entry: each reads its own part.
        let lines = cached.summarize_plans(&dir, Years::All).unwrap();
        assert_eq!(cached.summarize_plans(&dir, Years::All).unwrap(), lines);
        assert!(summed_up(&cached, folder, Years::LatestComplete));

        // A changed item file, plan.toml, or rule file: computed again, then read again.
        let item = folder.join("items/5-8-3.toml");
        let text = fs::read_to_string(&item).unwrap();
        fs::write(&item, text.replace("\"15,100\"", "\"25,100\"")).unwrap();
        assert!(!summed_up(&cached, folder, Years::LatestComplete), "racy");
        age(folder);
        assert!(!summed_up(&cached, folder, Years::LatestComplete));
        assert!(summed_up(&cached, folder, Years::LatestComplete));
        let plan_toml = folder.join("plan.toml");
        let text = fs::read_to_string(&plan_toml).unwrap();
        fs::write(&plan_toml, text.replacen("第6次", "第7次", 1)).unwrap();
        assert!(!summed_up(&cached, folder, Years::LatestComplete));
        assert!(summed_up(&cached, folder, Years::LatestComplete));
        let rules_copy = tmp.path().join("rules");
        crate::model::testing::copy_dir(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")),
            &rules_copy,
        );
        let other_rules = cached.clone().with_rules(&rules_copy);
        assert!(!summed_up(&other_rules, folder, Years::LatestComplete));
        assert!(summed_up(&other_rules, folder, Years::LatestComplete));
        let rating = rules_copy.join("rating.rhai");
        let text = fs::read_to_string(&rating).unwrap();
        fs::write(&rating, format!("{text}\n// a comment\n")).unwrap();
        assert!(!summed_up(&other_rules, folder, Years::LatestComplete));
        assert!(summed_up(&other_rules, folder, Years::LatestComplete));
    }

    #[test]
    fn a_broken_stored_summary_is_computed_again() {
        let tmp = tempfile::tempdir().unwrap();
        let (_, folders, cached) = corpus(tmp.path());
        let folder = &folders[0];
        assert!(!summed_up(&cached, folder, Years::LatestComplete));
        assert!(summed_up(&cached, folder, Years::LatestComplete));
        let entry = summary_entry(tmp.path());
        let whole = fs::read(&entry).unwrap();
        let mut flipped = whole.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x40;
        for broken in [&whole[..whole.len() / 2], &flipped, b"not an entry", &[]] {
            fs::write(&entry, broken).unwrap();
            assert!(!summed_up(&cached, folder, Years::LatestComplete));
            assert!(summed_up(&cached, folder, Years::LatestComplete));
        }
    }

    #[test]
    fn a_folder_without_plans_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let err = Workspace::new()
            .summarize_plans(tmp.path(), Years::All)
            .unwrap_err();
        assert!(matches!(err, CorpusError::NoPlans { .. }));
        let text = err.localize(Lang::En);
        assert!(text.contains(&tmp.path().display().to_string()), "{text}");
    }
}
