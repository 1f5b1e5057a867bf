//! Words where an indicator counts. An indicator counts when its targets are figures (or,
//! with no target of its own, its baseline is): then every baseline, target and actual must be
//! a figure, "-" (none), "—"/"↓" (no new target), or a word the plan declares for it (集計中,
//! and 未定 / (未定) everywhere), read as no figure. Any other word ("三十五台", a figure in
//! words) is an error at its place, in item files and in returned workbooks alike.

use super::item::Indicator;
use super::value::{normalize, Cell, Value};
use super::year_map::YearMap;

/// Words every plan may write instead of a figure: undecided.
pub const UNDECIDED: [&str; 2] = ["未定", "(未定)"];

crate::i18n::messages! {
    /// A word where the indicator counts.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum WordProblem {
        /// Neither a figure, "-", nor a word the plan declares.
        NotAFigure { text: String, unit: String, words: Vec<String> } =>
            ja: "{text:?} は数値ではありません。この指標 (単位 {unit}) は数値で測るので、数値 (46,313、▲5、12.6億円 など)、値がなければ \"-\"、または計画が認める語 ({words}) を書いてください (語は plan.toml の indicator_words か項目の [indicator] words で加えられます)",
            en: "{text:?} is not a figure: this indicator (unit {unit}) is measured in figures, so write a number (46,313, ▲5, 12.6億円 …), \"-\" when there is none, or a word the plan allows ({words}; more in plan.toml's indicator_words or the item's [indicator] words)";
    }
}

/// The words that may stand for a figure of an indicator: 未定, (未定), the plan's
/// `indicator_words` and the item's own `words`.
pub fn allowed_words<'a>(plan_words: &'a [String], indicator: &'a Indicator) -> Vec<&'a str> {
    UNDECIDED
        .into_iter()
        .chain(plan_words.iter().map(String::as_str))
        .chain(indicator.words.iter().map(String::as_str))
        .collect()
}

/// Whether `cell` is one of `words` (compared as the value parser reads text: full-width
/// brackets and digits folded).
fn is_word(cell: &Cell, words: &[&str]) -> bool {
    match &cell.value {
        Value::Text(text) => words.iter().any(|w| normalize(w) == *text),
        _ => false,
    }
}

/// Whether the indicator counts: a target (final or a year's) is a figure, or no target is
/// given but "-", "—", "↓" and allowed words, and the baseline is a figure.
pub fn counts(indicator: &Indicator, years: &YearMap, words: &[&str]) -> bool {
    let targets: Vec<&Cell> = (indicator.final_target.iter())
        .chain(years.values().filter_map(|e| e.target.as_ref()))
        .filter(|c| matches!(c.value, Value::Number(_) | Value::Text(_)) && !is_word(c, words))
        .collect();
    if targets.iter().any(|c| matches!(c.value, Value::Number(_))) {
        return true;
    }
    targets.is_empty()
        && (indicator.baseline.as_ref()).is_some_and(|c| matches!(c.value, Value::Number(_)))
}

/// What `cell` is where the indicator counts: an allowed word becomes "no figure" (printed as
/// written); any other word is a problem.
pub fn read_figure(cell: &mut Cell, unit: &str, words: &[&str]) -> Result<(), WordProblem> {
    match &cell.value {
        Value::Text(_) if is_word(cell, words) => {
            cell.value = Value::None;
            Ok(())
        }
        Value::Text(_) => Err(WordProblem::NotAFigure {
            text: cell.text.clone(),
            unit: unit.to_string(),
            words: words.iter().map(|w| w.to_string()).collect(),
        }),
        _ => Ok(()),
    }
}

/// Reads the words of an item's indicator as [`read_figure`] does, when it counts: the
/// problems by field (`indicator.baseline`, `years.R5.actual`).
pub fn read_words(
    indicator: &mut Indicator,
    years: &mut YearMap,
    plan_words: &[String],
) -> Vec<(String, WordProblem)> {
    let words: Vec<String> = allowed_words(plan_words, indicator)
        .into_iter()
        .map(String::from)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if !counts(indicator, years, &words) {
        return Vec::new();
    }
    let unit = indicator.unit.clone();
    let mut problems = Vec::new();
    let mut read = |field: String, cell: &mut Option<Cell>| {
        if let Some(cell) = cell {
            if let Err(problem) = read_figure(cell, &unit, &words) {
                problems.push((field, problem));
            }
        }
    };
    read("indicator.baseline".into(), &mut indicator.baseline);
    read("indicator.final_target".into(), &mut indicator.final_target);
    for (year, entry) in years.iter_mut() {
        read(format!("years.{year}.target"), &mut entry.target);
        read(format!("years.{year}.actual"), &mut entry.actual);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
