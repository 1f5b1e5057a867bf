//! What the rules of the period see of an item: every year of the plan's period from its sheet
//! and its evaluation, the years after the one the period is seen from left without results.

use crate::engine::{number_in, PeriodInput, PeriodYear};
use crate::evaluation::ItemEvaluation;
use crate::model::{Cell, FiscalYear, Item};

/// One year of an item as the period sees it: the sheet's row and what the rules made of it
/// (`None` for a year not evaluated).
pub(super) struct YearView<'a> {
    pub(super) year: FiscalYear,
    pub(super) evaluation: Option<&'a ItemEvaluation>,
    /// Whether the year counts as having results: it has them and is not after the year the
    /// period is seen from.
    pub(super) has_results: bool,
}

/// The input of `forecast(p)` and `overall(p)` for `item` over `years` (the plan's period, in
/// order), on the rule set's `scale`.
pub(super) fn period_input<'a>(
    item: &'a Item,
    years: &[YearView],
    scale: &[String],
) -> PeriodInput {
    let unit = item.indicator.unit.as_str();
    let printed = |c: Option<&Cell>| c.map(|c| c.text.clone()).unwrap_or_default();
    PeriodInput {
        id: item.id.to_string(),
        title: item.title.clone(),
        kind: item.indicator.kind.clone(),
        indicator: item.indicator.name.clone(),
        unit: unit.to_string(),
        baseline: number_in(item.indicator.baseline.as_ref(), unit),
        baseline_text: printed(item.indicator.baseline.as_ref()),
        final_target: number_in(item.indicator.final_target.as_ref(), unit),
        final_target_text: printed(item.indicator.final_target.as_ref()),
        final_bound: bound_of(item.indicator.final_target.as_ref()),
        years: years
            .iter()
            .map(|y| {
                let entry = item.year(y.year);
                let target = entry.and_then(|e| e.target.as_ref());
                let text = |t: Option<&String>| t.cloned().unwrap_or_default();
                // A year the period is not seen from yet shows its plan only.
                let result = |c: Option<&'a Cell>| c.filter(|_| y.has_results);
                let actual = result(entry.and_then(|e| e.actual.as_ref()));
                let evaluation = y.evaluation.filter(|_| y.has_results);
                PeriodYear {
                    year: y.year.to_string(),
                    target: number_in(target, unit),
                    actual: number_in(actual, unit),
                    target_text: printed(target),
                    actual_text: printed(actual),
                    bound: bound_of(target),
                    plan: text(entry.and_then(|e| e.plan.as_ref())),
                    comment: if y.has_results {
                        text(entry.and_then(|e| e.comment.as_ref()))
                    } else {
                        String::new()
                    },
                    results: y.has_results,
                    recorded: evaluation.and_then(|e| e.recorded.clone()),
                    suggested: evaluation.and_then(|e| e.suggested.clone()),
                    achievement: evaluation.and_then(|e| e.achievement),
                    expected_effect: entry
                        .and_then(|e| e.expected_effect.as_ref())
                        .and_then(Cell::thousand_yen),
                    actual_effect: result(entry.and_then(|e| e.actual_effect.as_ref()))
                        .and_then(Cell::thousand_yen),
                }
            })
            .collect(),
        scale: scale.to_vec(),
        forecast: None,
    }
}

/// The bound a cell writes with its number (以内 "<=", 未満 "<" …).
fn bound_of(cell: Option<&Cell>) -> Option<String> {
    let bound = cell?.value.quantity()?.bound?;
    Some(bound.operator().to_string())
}
