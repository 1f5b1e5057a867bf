//! Evaluations stored beside the cache of parsed plans, so that a second run over the same plan
//! and rule set does not run the rules again: `summary`, `report`, `evaluate` … over a folder of
//! plans read what the first run computed.
//!
//! A rule sees nothing but the plan's figures and texts, its rule set's files and pure
//! functions (`rules/README.md`), so what the rules give for an item and year is a function of
//! the plan's files, the rule set's files and the program. An entry is filed under a SHA-256 of
//! all three: the plan's [`PlanKey`] (its files as they are now; given only for a plan whose
//! files are settled), the rule set's hash (every script and data file), and gyokaku's version
//! with a fingerprint of its whole source and `Cargo.lock`. Anything else changed, the key
//! differs and the rules run again. Only the rules' part is stored; the sheet's own figures,
//! and how a suggestion relates to the recorded rating, are taken from the plan every time.
//!
//! One entry per plan folder and rule set folder, `evaluations/<hash>.bin` in the cache
//! folder, holding every year computed so far under that key; beside it `<hash>.summary.bin`,
//! a plan's summary lines (per-year sums) for `summary` over a folder of plans and its
//! summaries (the tables of `summary` on one plan, with how many items have no results that
//! year), with the years each choice of years (`--year all`, `--year R5`, the latest complete
//! year) made of the plan's files. It is written atomically and
//! checked like an entry of parsed plans: a partial, corrupt or foreign entry is no entry. A
//! rule set recording coverage is never answered from an entry: its calls must run to be
//! counted. Each year of an entry says whether it was computed with the rules' explanations
//! ([`RuleSet::explain_calls`]): a run that explains takes only years that have them (the
//! others are computed again, with them, and stored so); a run without takes either.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::aggregate::frame;
use super::item::{recorded_scale, RuleOutcome};
use super::{
    evaluations, rule_outcomes, Counts, EffectTotals, Evaluation, PlanYearSummary, RulesUsed,
    Summary,
};
use crate::engine::{Figure, FigureTable, RuleError, RuleSet};
use crate::model::{
    hex, read_entry, write_entry, FiscalYear, ItemId, KeyHasher, Plan, PlanCache, PlanKey,
    PlanLoader,
};

/// The folder of the cache that holds the stored evaluations, beside the parsed plans'.
pub const EVALUATIONS_FOLDER: &str = "evaluations";

/// What an entry of evaluations starts with.
const MAGIC: &[u8; 16] = b"gyokaku results\0";

/// What an entry of summary lines starts with.
const SUMS_MAGIC: &[u8; 16] = b"gyokaku sums 4\0\0";

/// The number of this layout of an entry.
const FORMAT: u32 = 2;

/// A folder of stored evaluations, or none (every evaluation computed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvaluations {
    dir: Option<PathBuf>,
}

/// Whether an evaluation was read from its entry or computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Every year asked for was in the plan's current entry: no rule ran.
    Read,
    /// The rules ran, and the entry was written.
    Written,
    /// The rules ran; nothing was written (no key, coverage recorded, or the folder cannot be
    /// written).
    Computed,
}

impl StoredEvaluations {
    /// Evaluations stored in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StoredEvaluations {
            dir: Some(dir.into()),
        }
    }

    /// Evaluations stored in the folder `evaluations` of the cache of parsed plans.
    pub fn beside(plans: &PlanCache) -> Self {
        StoredEvaluations::new(plans.dir().join(EVALUATIONS_FOLDER))
    }

    /// Those of the cache `loader` loads plans through; none when it loads them from their
    /// files alone (`--no-cache`).
    pub fn of(loader: &PlanLoader) -> Self {
        StoredEvaluations {
            dir: loader.cache().map(|c| c.dir().join(EVALUATIONS_FOLDER)),
        }
    }

    /// The folder, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Evaluates `plan` for `years` under `rules` as [`super::evaluate_years`] does, reading
    /// what the rules gave from the plan's entry when it is current and holds every year, and
    /// storing it otherwise. `key` is the plan's, from loading it through the cache; without
    /// one nothing is read or stored.
    pub fn evaluate_years(
        &self,
        plan: &Plan,
        key: Option<&PlanKey>,
        rules: &RuleSet,
        years: &[FiscalYear],
    ) -> Result<Vec<Evaluation>, RuleError> {
        self.evaluate_years_telling(plan, key, rules, years)
            .map(|(evaluations, _)| evaluations)
    }

    /// Like [`StoredEvaluations::evaluate_years`], and whether the entry was read or written.
    pub fn evaluate_years_telling(
        &self,
        plan: &Plan,
        key: Option<&PlanKey>,
        rules: &RuleSet,
        years: &[FiscalYear],
    ) -> Result<(Vec<Evaluation>, Stored), RuleError> {
        let Some(entry) = self.entry(key, rules, years, Kind::Evaluations) else {
            return Ok((super::evaluate_years(plan, rules, years)?, Stored::Computed));
        };
        let mut held = held_outcomes(&entry, plan);
        if let Some(outcomes) = take_outcomes(&entry, &mut held, rules) {
            return Ok((
                evaluations(plan, rules, years, items_of(outcomes)),
                Stored::Read,
            ));
        }
        let outcomes = (rule_outcomes(plan, rules, years)?.into_iter())
            .map(|items| YearOutcomes {
                explained: rules.explains(),
                items,
            })
            .collect();
        let (outcomes, used) = entry.write(held, outcomes);
        Ok((evaluations(plan, rules, years, items_of(outcomes)), used))
    }

    /// The evaluations of `plan` for `years` under `rules` when its entry holds them all
    /// (no rule runs); `None` otherwise.
    pub fn read(
        &self,
        plan: &Plan,
        key: Option<&PlanKey>,
        rules: &RuleSet,
        years: &[FiscalYear],
    ) -> Option<Vec<Evaluation>> {
        let entry = self.entry(key, rules, years, Kind::Evaluations)?;
        let outcomes = take_outcomes(&entry, &mut held_outcomes(&entry, plan), rules)?;
        Some(evaluations(plan, rules, years, items_of(outcomes)))
    }

    /// The summary lines of the plan in `folder` for the years `choice` names (see
    /// [`super::summarize_corpus`]), when the plan's entry of summaries under `rules` says which
    /// years that choice made of these very files and holds the lines of every one: a folder
    /// of plans is summed up without loading a plan's items. `plan` is the plan as
    /// `plan.toml` gives it (its items are not needed), `key` its key.
    pub(crate) fn summary_lines(
        &self,
        folder: &Path,
        plan: &Plan,
        key: &PlanKey,
        rules: &RuleSet,
        choice: &str,
    ) -> Option<Vec<PlanYearSummary>> {
        let entry = self.entry(Some(key), rules, &[], Kind::Sums)?;
        let mut sums: Sums = read_entry(&entry.path, entry.magic, &entry.key)?;
        // The years were distinct when stored (see `entry`).
        let years = sums.years_of(choice)?.to_vec();
        let lines = take(&names_of(&years), &mut sums.lines)?;
        Some(
            (years.into_iter().zip(lines))
                .map(|(year, line)| line.of(plan, folder, year))
                .collect(),
        )
    }

    /// Stores the summary lines `lines` of a plan (one per year of `years`, the years `choice`
    /// made of the plan) beside its evaluations; whether it was written.
    pub(crate) fn store_summary_lines(
        &self,
        key: &PlanKey,
        rules: &RuleSet,
        choice: &str,
        years: &[FiscalYear],
        lines: &[PlanYearSummary],
    ) -> Stored {
        let Some(entry) = self.entry(Some(key), rules, years, Kind::Sums) else {
            return Stored::Computed;
        };
        let mut sums: Sums = read_entry(&entry.path, entry.magic, &entry.key).unwrap_or_default();
        sums.choices.retain(|(name, _)| name != choice);
        sums.choices.push((choice.to_string(), years.to_vec()));
        let lines = lines.iter().map(SummaryLine::from).collect();
        join(&entry.names, &mut sums.lines, lines);
        match write_entry(&entry.path, entry.magic, &entry.key, &sums) {
            Ok(()) => Stored::Written,
            Err(_) => Stored::Computed,
        }
    }

    /// The summary of the plan for the one year `choice` names (the tables of `summary`), and
    /// which items have no results that year, when the plan's entry of summaries under `rules`
    /// says which year that choice made of these very files and holds its summary: a plan is
    /// summed up without loading its items or its evaluations. `plan` is the plan as
    /// `plan.toml` gives it (its items are not needed), `key` its key.
    pub(crate) fn plan_summary(
        &self,
        plan: &Plan,
        key: &PlanKey,
        rules: &RuleSet,
        choice: &str,
    ) -> Option<StoredSummary> {
        let entry = self.entry(Some(key), rules, &[], Kind::Sums)?;
        let mut sums: Sums = read_entry(&entry.path, entry.magic, &entry.key)?;
        let &[year] = sums.years_of(choice)? else {
            return None;
        };
        let [held] = take(&names_of(&[year]), &mut sums.summaries)?
            .try_into()
            .ok()?;
        held.restore(plan, rules, year)
    }

    /// Stores the summary of a plan for the one year `choice` made of it, with which of its
    /// `items` items have no results that year, beside its evaluations; whether it was
    /// written.
    pub(crate) fn store_plan_summary(
        &self,
        key: &PlanKey,
        rules: &RuleSet,
        choice: &str,
        summary: &Summary,
        items: usize,
        without_results: &[ItemId],
    ) -> Stored {
        let years = [summary.year];
        let Some(entry) = self.entry(Some(key), rules, &years, Kind::Sums) else {
            return Stored::Computed;
        };
        let mut sums: Sums = read_entry(&entry.path, entry.magic, &entry.key).unwrap_or_default();
        sums.choices.retain(|(name, _)| name != choice);
        sums.choices.push((choice.to_string(), years.to_vec()));
        let held = YearSummary::of(summary, items, without_results);
        join(&entry.names, &mut sums.summaries, vec![held]);
        match write_entry(&entry.path, entry.magic, &entry.key, &sums) {
            Ok(()) => Stored::Written,
            Err(_) => Stored::Computed,
        }
    }

    /// The entry of the `kind` of the plan of `key` under `rules` for `years`; none when
    /// nothing may be stored (no folder, no key, coverage recorded, or a year asked for twice,
    /// which is computed twice, as without an entry).
    fn entry(
        &self,
        key: Option<&PlanKey>,
        rules: &RuleSet,
        years: &[FiscalYear],
        kind: Kind,
    ) -> Option<Entry> {
        let (dir, key) = (self.dir.as_ref()?, key?);
        let distinct = (years.iter().enumerate()).all(|(i, y)| !years[..i].contains(y));
        if !distinct || rules.records_coverage() {
            return None;
        }
        let (extension, magic) = match kind {
            Kind::Evaluations => ("bin", MAGIC),
            Kind::Sums => ("summary.bin", SUMS_MAGIC),
        };
        Some(Entry {
            path: entry_path(dir, key, rules, extension),
            magic,
            key: entry_key(key, rules),
            names: names_of(years),
        })
    }
}

/// What the entry of `plan`'s evaluations holds: filed under the key of these very files, any
/// other number of items is a foreign entry, read as none.
fn held_outcomes(entry: &Entry, plan: &Plan) -> Held<YearOutcomes> {
    entry.read(|year: &YearOutcomes| year.items.len() == plan.items.len())
}

/// The outcomes of every year the run asks for, taken out of `held`, when it holds them all and,
/// for `rules` that explain, each with its explanations (a year computed without is computed
/// again; what the entry holds of other years stays).
fn take_outcomes(
    entry: &Entry,
    held: &mut Held<YearOutcomes>,
    rules: &RuleSet,
) -> Option<Vec<YearOutcomes>> {
    let unexplained = |name: &String| (held.iter()).any(|(n, year)| n == name && !year.explained);
    if rules.explains() && entry.names.iter().any(unexplained) {
        return None;
    }
    entry.take(held)
}

/// What the rules gave for one year of a plan: each item's outcome, and whether it holds the
/// rules' explanations.
#[derive(Debug, Default, Serialize, Deserialize)]
struct YearOutcomes {
    explained: bool,
    items: Vec<RuleOutcome>,
}

/// The items' outcomes of each year.
fn items_of(years: Vec<YearOutcomes>) -> Vec<Vec<RuleOutcome>> {
    years.into_iter().map(|y| y.items).collect()
}

/// What an entry holds: each year computed so far (as the plan writes it), with what was
/// computed for it.
type Held<T> = Vec<(String, T)>;

/// What a plan's entry holds: its evaluations (`<hash>.bin`), or its summary lines
/// (`<hash>.summary.bin`).
#[derive(Clone, Copy)]
enum Kind {
    Evaluations,
    Sums,
}

/// One entry, and the years (as the plan writes them) a run asks of it.
struct Entry {
    path: PathBuf,
    magic: &'static [u8; 16],
    key: [u8; 32],
    names: Vec<String>,
}

impl Entry {
    /// What the entry holds, if it is current and every year's part passes `fits`; else
    /// nothing.
    fn read<T: DeserializeOwned>(&self, fits: impl Fn(&T) -> bool) -> Held<T> {
        read_entry(&self.path, self.magic, &self.key)
            .filter(|held: &Held<T>| held.iter().all(|(_, t)| fits(t)))
            .unwrap_or_default()
    }

    /// The part of every year asked for, taken out of `held`, when it holds them all.
    fn take<T: Default>(&self, held: &mut Held<T>) -> Option<Vec<T>> {
        take(&self.names, held)
    }

    /// Writes `computed` (a part per year asked for) with what `held` has of other years;
    /// gives `computed` back, and whether it was written.
    fn write<T: Serialize>(&self, mut held: Held<T>, computed: Vec<T>) -> (Vec<T>, Stored) {
        let first = join(&self.names, &mut held, computed);
        let used = match write_entry(&self.path, self.magic, &self.key, &held) {
            Ok(()) => Stored::Written,
            Err(_) => Stored::Computed,
        };
        (held.drain(first..).map(|(_, t)| t).collect(), used)
    }
}

/// The years as a plan writes them, by which an entry holds them.
fn names_of(years: &[FiscalYear]) -> Vec<String> {
    years.iter().map(|y| y.to_string()).collect()
}

/// The part of each year of `names` (distinct), taken out of `held`, when it holds them all.
fn take<T: Default>(names: &[String], held: &mut Held<T>) -> Option<Vec<T>> {
    let places: Vec<usize> = (names.iter())
        .map(|name| held.iter().position(|(n, _)| n == name))
        .collect::<Option<_>>()?;
    // The years are distinct: each place is taken once.
    Some(
        places
            .into_iter()
            .map(|at| std::mem::take(&mut held[at].1))
            .collect(),
    )
}

/// Puts `computed` (a part per year of `names`) into `held` in place of what it held of those
/// years, at its end; where they start.
fn join<T>(names: &[String], held: &mut Held<T>, computed: Vec<T>) -> usize {
    held.retain(|(n, _)| !names.contains(n));
    let first = held.len();
    held.extend(names.iter().cloned().zip(computed));
    first
}

/// What a plan's entry of summaries holds: the years each choice of years made of the plan's
/// files (by its name), and the summary line and the summary of each year summed up so far
/// (as the plan writes it).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Sums {
    choices: Vec<(String, Vec<FiscalYear>)>,
    lines: Held<SummaryLine>,
    summaries: Held<YearSummary>,
}

impl Sums {
    fn years_of(&self, choice: &str) -> Option<&[FiscalYear]> {
        (self.choices.iter())
            .find(|(name, _)| name == choice)
            .map(|(_, years)| years.as_slice())
    }
}

/// A plan's summary line for a year, without what `plan.toml` and the folder give.
#[derive(Debug, Default, Serialize, Deserialize)]
struct SummaryLine {
    recorded: Counts,
    suggested: Counts,
    effects: EffectTotals,
}

impl SummaryLine {
    fn from(line: &PlanYearSummary) -> Self {
        SummaryLine {
            recorded: line.recorded.clone(),
            suggested: line.suggested.clone(),
            effects: line.effects,
        }
    }

    fn of(self, plan: &Plan, folder: &Path, year: FiscalYear) -> PlanYearSummary {
        PlanYearSummary {
            plan: plan.id.clone(),
            municipality: plan.municipality.clone(),
            folder: folder.to_path_buf(),
            year,
            recorded: self.recorded,
            suggested: self.suggested,
            effects: self.effects,
        }
    }
}

/// A plan's summary of a year read from its entry, and how far the year's results are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredSummary {
    /// The summary, as [`super::summarize_with_rules`] gave it.
    pub summary: Summary,
    /// How many items the plan has.
    pub items: usize,
    /// The items without results for the year, in item order.
    pub without_results: Vec<ItemId>,
}

/// A plan's summary of a year without what `plan.toml` and the rule set give (names, scales,
/// the rule set's name and hash, the unit): what its items added up to per policy, per theme
/// and in total, the figures of the rule set's summary.rhai, and which items have no results.
#[derive(Debug, Default, Serialize, Deserialize)]
struct YearSummary {
    /// Per policy of `plan.toml`, in its order: recorded and suggested ratings, effects.
    policies: Vec<(Counts, Counts, EffectTotals)>,
    /// Per theme of `plan.toml`, in its order: the number of items, effects.
    themes: Vec<(usize, EffectTotals)>,
    recorded: Counts,
    suggested: Counts,
    effects: EffectTotals,
    figures: Vec<StoredTable>,
    items: usize,
    without_results: Vec<ItemId>,
}

impl YearSummary {
    fn of(s: &Summary, items: usize, without_results: &[ItemId]) -> Self {
        YearSummary {
            policies: (s.policies.iter())
                .map(|p| (p.recorded.clone(), p.suggested.clone(), p.effects))
                .collect(),
            themes: s.themes.iter().map(|t| (t.items, t.effects)).collect(),
            recorded: s.recorded.clone(),
            suggested: s.suggested.clone(),
            effects: s.effects,
            figures: s.figures.iter().map(StoredTable::of).collect(),
            items,
            without_results: without_results.to_vec(),
        }
    }

    /// The summary of `plan` (as `plan.toml` gives it) for `year` under `rules`; `None` when
    /// the policies or themes are not those it was added up for (a foreign entry).
    fn restore(self, plan: &Plan, rules: &RuleSet, year: FiscalYear) -> Option<StoredSummary> {
        let (scale, recorded_scale) = (rules.scale(), recorded_scale(plan, rules));
        let mut summary = frame(plan, year, RulesUsed::of(rules), scale, recorded_scale);
        if summary.policies.len() != self.policies.len()
            || summary.themes.len() != self.themes.len()
        {
            return None;
        }
        for (p, (recorded, suggested, effects)) in summary.policies.iter_mut().zip(self.policies) {
            (p.recorded, p.suggested, p.effects) = (recorded, suggested, effects);
        }
        for (t, (items, effects)) in summary.themes.iter_mut().zip(self.themes) {
            (t.items, t.effects) = (items, effects);
        }
        (summary.recorded, summary.suggested, summary.effects) =
            (self.recorded, self.suggested, self.effects);
        summary.figures = self.figures.into_iter().map(StoredTable::table).collect();
        Some(StoredSummary {
            summary,
            items: self.items,
            without_results: self.without_results,
        })
    }
}

/// A table of summary.rhai's figures as an entry holds it (every decimal exact).
#[derive(Debug, Serialize, Deserialize)]
struct StoredTable {
    title: String,
    columns: Vec<String>,
    rows: Vec<Vec<StoredFigure>>,
}

/// A figure as an entry holds it.
#[derive(Debug, Serialize, Deserialize)]
enum StoredFigure {
    None,
    Text(String),
    Number(#[serde(with = "crate::model::exact")] Decimal),
    Percent(#[serde(with = "crate::model::exact")] Decimal),
}

impl StoredTable {
    fn of(t: &FigureTable) -> Self {
        let figure = |f: &Figure| match f {
            Figure::None => StoredFigure::None,
            Figure::Text(s) => StoredFigure::Text(s.clone()),
            Figure::Number(d) => StoredFigure::Number(*d),
            Figure::Percent(d) => StoredFigure::Percent(*d),
        };
        StoredTable {
            title: t.title.clone(),
            columns: t.columns.clone(),
            rows: (t.rows.iter())
                .map(|row| row.iter().map(figure).collect())
                .collect(),
        }
    }

    fn table(self) -> FigureTable {
        let figure = |f: StoredFigure| match f {
            StoredFigure::None => Figure::None,
            StoredFigure::Text(s) => Figure::Text(s),
            StoredFigure::Number(d) => Figure::Number(d),
            StoredFigure::Percent(d) => Figure::Percent(d),
        };
        FigureTable {
            title: self.title,
            columns: self.columns,
            rows: (self.rows.into_iter())
                .map(|row| row.into_iter().map(figure).collect())
                .collect(),
        }
    }
}

/// The entry of a plan folder under a rule set folder.
fn entry_path(dir: &Path, key: &PlanKey, rules: &RuleSet, extension: &str) -> PathBuf {
    let mut name = KeyHasher::new();
    name.field(key.folder().as_os_str().as_encoded_bytes())
        .field(rules.location().as_bytes());
    let name = hex(&name.finish());
    dir.join(format!("{}.{extension}", &name[..32]))
}

/// What the entry of a plan's files under a rule set's files, by this build, is filed under.
fn entry_key(key: &PlanKey, rules: &RuleSet) -> [u8; 32] {
    let mut hasher = KeyHasher::new();
    hasher
        .field(MAGIC)
        .field(env!("CARGO_PKG_VERSION").as_bytes())
        .field(env!("GYOKAKU_BUILD_FINGERPRINT").as_bytes())
        .field(&FORMAT.to_le_bytes())
        .field(key.bytes())
        .field(rules.hash().as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::model::testing::{age, settled_copy};
    use crate::model::CacheUse;

    fn rules() -> RuleSet {
        RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap()
    }

    /// The plan in `dir` through `cache`, and its key (the plan's files are settled).
    fn load(cache: &PlanCache, dir: &Path) -> (Plan, Option<PlanKey>) {
        let (plan, used, key, ()) = cache.load_keyed_beside(dir, |_| ()).unwrap();
        assert_ne!(used, CacheUse::Parsed);
        (plan, key)
    }

    /// A settled copy of the bundled plan loaded through a cache, and the default rules.
    struct Fixture {
        tmp: tempfile::TempDir,
        plan_dir: PathBuf,
        cache: PlanCache,
        stored: StoredEvaluations,
        rules: RuleSet,
        plan: Plan,
        key: Option<PlanKey>,
    }

    fn fixture() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let plan_dir = tmp.path().join("plan");
        settled_copy(&plan_dir);
        let cache = PlanCache::new(tmp.path().join("cache"));
        let (plan, key) = load(&cache, &plan_dir);
        Fixture {
            stored: StoredEvaluations::beside(&cache),
            rules: rules(),
            tmp,
            plan_dir,
            cache,
            plan,
            key,
        }
    }

    #[test]
    fn a_stored_evaluation_is_the_computed_one_and_changes_invalidate_it() {
        let Fixture {
            tmp,
            plan_dir,
            cache,
            stored,
            rules,
            plan,
            key,
        } = fixture();
        let years = plan.years.clone();
        let computed = crate::evaluation::evaluate_years(&plan, &rules, &years).unwrap();

        let run = |plan: &Plan, key: Option<&PlanKey>, rules: &RuleSet, years: &[FiscalYear]| {
            stored
                .evaluate_years_telling(plan, key, rules, years)
                .unwrap()
        };
        let (first, used) = run(&plan, key.as_ref(), &rules, &years);
        assert_eq!((&first, used), (&computed, Stored::Written));
        let (second, used) = run(&plan, key.as_ref(), &rules, &years);
        // Every achievement, suggestion, reading, effect and explanation as computed.
        assert_eq!((&second, used), (&computed, Stored::Read));
        // A year of those held, on its own and among others.
        let r5 = FiscalYear::reiwa(5);
        let (one, used) = run(&plan, key.as_ref(), &rules, &[r5]);
        assert_eq!(used, Stored::Read);
        assert_eq!(
            one[0],
            computed[years.iter().position(|y| *y == r5).unwrap()]
        );

        // The rule set's folder with one data file changed: computed under it, not read.
        let copied = tmp.path().join("rules");
        crate::model::testing::copy_dir(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")),
            &copied,
        );
        let copy = RuleSet::load_dir(&copied).unwrap();
        assert_eq!(run(&plan, key.as_ref(), &copy, &years).1, Stored::Written);
        assert_eq!(run(&plan, key.as_ref(), &copy, &years).1, Stored::Read);
        let phrases = copied.join("data/phrases.toml");
        let text = fs::read_to_string(&phrases).unwrap();
        fs::write(&phrases, format!("{text}\n# a comment\n")).unwrap();
        let changed = RuleSet::load_dir(&copied).unwrap();
        assert_ne!(changed.hash(), copy.hash());
        assert_eq!(
            run(&plan, key.as_ref(), &changed, &years).1,
            Stored::Written
        );
        assert_eq!(run(&plan, key.as_ref(), &changed, &years).1, Stored::Read);

        // A changed item: a new key, computed again, and the new value in it.
        let item = plan_dir.join("items/5-8-3.toml");
        let text = fs::read_to_string(&item).unwrap();
        fs::write(&item, text.replace("\"15,100\"", "\"25,100\"")).unwrap();
        let (racy, racy_key) = cache
            .load_keyed_beside(&plan_dir, |_| ())
            .map(|(p, _, k, _)| (p, k))
            .unwrap();
        assert_eq!(racy_key, None, "a file just written gives no key");
        assert_eq!(run(&racy, None, &rules, &years).1, Stored::Computed);
        age(&plan_dir);
        let (edited, edited_key) = load(&cache, &plan_dir);
        assert_ne!(edited_key, key);
        let (after, used) = run(&edited, edited_key.as_ref(), &rules, &years);
        assert_eq!(used, Stored::Written);
        assert_eq!(
            after,
            crate::evaluation::evaluate_years(&edited, &rules, &years).unwrap()
        );
        assert_ne!(after, computed);

        // Coverage is recorded by running every call: nothing is read.
        #[cfg(feature = "coverage")]
        {
            let mut counting =
                RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap();
            counting.record_coverage();
            assert_eq!(
                run(&edited, edited_key.as_ref(), &counting, &years).1,
                Stored::Computed
            );
        }
        // A year asked for twice: both evaluated, as without an entry.
        let (twice, used) = run(&edited, edited_key.as_ref(), &rules, &[r5, r5]);
        assert_eq!(used, Stored::Computed);
        assert_eq!(twice[0], twice[1]);
    }

    /// A year stored without explanations serves a run without them only: a run that explains
    /// computes it again (and keeps the entry's other years); what it stores serves both.
    #[test]
    fn a_year_stored_without_explanations_is_computed_again_for_a_run_that_explains() {
        let Fixture {
            tmp: _tmp,
            stored,
            rules,
            plan,
            key,
            ..
        } = fixture();
        let key = key.as_ref();
        let mut quiet = self::rules();
        quiet.explain_calls(false);
        let (r5, r6) = (FiscalYear::reiwa(5), FiscalYear::reiwa(6));
        let run = |rules: &RuleSet, years: &[FiscalYear]| {
            stored
                .evaluate_years_telling(&plan, key, rules, years)
                .unwrap()
        };
        let explained = crate::evaluation::evaluate_years(&plan, &rules, &[r5, r6]).unwrap();
        let notes = |evs: &[Evaluation]| {
            (evs.iter().flat_map(|e| &e.items))
                .flat_map(|i| &i.trace)
                .map(|s| s.notes.len())
                .sum::<usize>()
        };
        assert_eq!(run(&quiet, &[r5, r6]).1, Stored::Written);
        let (read, used) = run(&quiet, &[r5]);
        assert_eq!((used, notes(&read)), (Stored::Read, 0));
        // R5 explained: computed again; R6 stays as it was stored.
        let (again, used) = run(&rules, &[r5]);
        assert_eq!((&again[..], used), (&explained[..1], Stored::Written));
        assert!(notes(&again) > 0);
        assert_eq!(run(&rules, &[r5]).1, Stored::Read);
        assert_eq!(run(&quiet, &[r6, r5]).1, Stored::Read);
        assert_eq!(run(&rules, &[r5, r6]).1, Stored::Written);
        assert_eq!(run(&rules, &[r6, r5]).1, Stored::Read);
        let (both, used) = run(&quiet, &[r5, r6]);
        assert_eq!(used, Stored::Read);
        assert_eq!(
            notes(&both),
            notes(&explained),
            "a run without takes explained years too"
        );
    }

    #[test]
    fn a_stored_summary_reads_back_as_summed_up_figures_and_scales_included() {
        let Fixture {
            tmp: _tmp,
            stored,
            rules,
            plan,
            key,
            ..
        } = fixture();
        let key = key.unwrap();
        let r6 = FiscalYear::reiwa(6);
        let evaluation = crate::evaluation::evaluate(&plan, &rules, r6).unwrap();
        let mut summary = crate::evaluation::summarize(&plan, &evaluation);
        // Every kind of figure, decimals with their scale.
        let figures = vec![
            Figure::None,
            Figure::Text("達成".into()),
            Figure::Number("1.50".parse().unwrap()),
            Figure::Percent("0.7000".parse().unwrap()),
        ];
        summary.figures = vec![FigureTable {
            title: "評価得点と達成率".into(),
            columns: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            rows: vec![figures.clone(), figures],
        }];
        summary.recorded.not_on_scale.push(("E".into(), 2));
        let missing = plan
            .items_without_results(r6)
            .map(|i| i.id)
            .collect::<Vec<_>>();
        let items = plan.items.len();
        assert!(!missing.is_empty(), "R6 is partial");
        assert_eq!(stored.plan_summary(&plan, &key, &rules, "R6"), None);
        let written = stored.store_plan_summary(&key, &rules, "R6", &summary, items, &missing);
        assert_eq!(written, Stored::Written);
        let read = stored.plan_summary(&plan, &key, &rules, "R6").unwrap();
        assert_eq!(read.summary, summary);
        assert_eq!((read.items, read.without_results), (items, missing));
        // Nothing is stored for another choice of years.
        assert_eq!(
            stored.plan_summary(&plan, &key, &rules, "latest complete"),
            None
        );
        // Another plan.toml's policies: a foreign entry.
        let mut fewer = plan.clone();
        fewer.policies.pop();
        assert_eq!(stored.plan_summary(&fewer, &key, &rules, "R6"), None);
    }

    #[test]
    fn years_join_the_entry_and_a_broken_entry_is_computed_again() {
        let Fixture {
            tmp: _tmp,
            stored,
            rules,
            plan,
            key,
            ..
        } = fixture();
        let key = key.as_ref();
        let (r5, r6) = (FiscalYear::reiwa(5), FiscalYear::reiwa(6));
        let telling = |years: &[FiscalYear]| {
            stored
                .evaluate_years_telling(&plan, key, &rules, years)
                .unwrap()
        };
        assert_eq!(telling(&[r5]).1, Stored::Written);
        assert_eq!(telling(&[r6]).1, Stored::Written);
        let (both, used) = telling(&[r6, r5]);
        assert_eq!(used, Stored::Read, "R5 and R6 are both held");
        assert_eq!(
            both,
            crate::evaluation::evaluate_years(&plan, &rules, &[r6, r5]).unwrap()
        );

        let entry = fs::read_dir(stored.dir().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect::<Vec<_>>();
        let [entry] = entry.as_slice() else {
            panic!("one entry: {entry:?}")
        };
        let whole = fs::read(entry).unwrap();
        let mut flipped = whole.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x40;
        for broken in [&whole[..whole.len() / 2], &flipped, b"not an entry"] {
            fs::write(entry, broken).unwrap();
            let (evaluations, used) = telling(&[r6, r5]);
            assert_eq!((&evaluations, used), (&both, Stored::Written));
            assert_eq!(telling(&[r6, r5]).1, Stored::Read);
        }
        // A cache folder that cannot be written: computed, and no error.
        let blocked = StoredEvaluations::new(entry.join("not a folder"));
        let (evaluations, used) = blocked
            .evaluate_years_telling(&plan, key, &rules, &[r5])
            .unwrap();
        assert_eq!(
            (evaluations[0].clone(), used),
            (both[1].clone(), Stored::Computed)
        );
    }
}
