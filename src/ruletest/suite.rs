//! Every case a rule set is tested by: its own (`RULES/tests/*.toml`) and those of the rule
//! sets it extends, as far as they test the scripts it inherits (`gyokaku test`, the
//! workbench's rule playground).

use std::path::Path;

use super::case::{inherited_cases, load_cases, CaseErrors, CaseFile};
use super::inherit_periods;
use crate::engine::RuleSet;

/// The cases taken from a rule set that `rules` extends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inherited {
    /// Where the base rule set was read from.
    pub base: String,
    /// How many of its cases run.
    pub count: usize,
    /// How many of their expectations were left out (they test scripts `rules` replaces).
    pub left_out: usize,
}

/// The cases of the rule set `rules` read from the folder `dir`, then those of each rule set it
/// extends (nearest first) that test what it inherits.
pub fn cases_of(
    rules: &RuleSet,
    dir: &Path,
) -> Result<(Vec<CaseFile>, Vec<Inherited>), CaseErrors> {
    let mut files = load_cases(dir)?;
    let mut inherited = Vec::new();
    for (i, base) in rules.bases().iter().enumerate() {
        let nearer: Vec<String> = std::iter::once(rules.location())
            .chain(rules.bases()[..i].iter().map(String::as_str))
            .map(|l| format!("{l}/"))
            .collect();
        let replaced = |file: &str| nearer.iter().any(|l| file.starts_with(l.as_str()));
        let mut base_files = load_cases(base)?;
        // The cases of the whole period, as far as forecast.rhai, overall.rhai and what they
        // read are inherited.
        let mut left_out = 0;
        for f in &mut base_files {
            left_out += inherit_periods(
                &mut f.periods,
                rules.forecast_file().is_some_and(replaced) || rules.data_files().any(replaced),
                rules.overall_file().is_some_and(replaced),
                replaced(rules.rating_file()),
                |k| rules.kind_file(k).is_some_and(replaced),
            );
        }
        let (cases, more_left_out) = inherited_cases(
            base_files,
            replaced(rules.rating_file()),
            rules.judgement_file().is_some_and(replaced) || rules.data_files().any(replaced),
            |k| rules.kind_file(k).is_some_and(replaced),
        );
        let left_out = left_out + more_left_out;
        inherited.push(Inherited {
            base: base.clone(),
            count: cases.iter().map(|f| f.cases.len() + f.periods.len()).sum(),
            left_out,
        });
        files.extend(cases);
    }
    Ok((files, inherited))
}
