//! Returned values that look wrong even though they read: an actual more than ten times off
//! its target or its previous year, a decimal point in a figure whose unit counts whole things
//! (46.313 件 for 46,313), a recorded rating two or more grades from the rules' suggestion.
//! (A unit word that differs from the indicator's — 18人 for 件 — is already a load error.)

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::RuleSet;
use crate::evaluation::{evaluate_item, recorded_comparable};
use crate::model::{Cell, FiscalYear, Item, Plan};

crate::i18n::messages! {
    /// What looks implausible (a finding of `check`, not an error).
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    pub enum Implausible {
        /// The actual is more than 10 times above or below the year's target.
        FarFromTarget { actual: String, target: String } =>
            ja: "実績値 {actual} が目標値 {target} から10倍を超えて離れています: 入力の誤りではありませんか",
            en: "the actual {actual} is more than 10 times off its target {target}: a typing error?";
        /// The actual is more than 10 times above or below the previous year's (the baseline
        /// in the plan's first year).
        FarFromPrevious { actual: String, previous: String } =>
            ja: "実績値 {actual} が前年度の {previous} から10倍を超えて離れています: 入力の誤りではありませんか",
            en: "the actual {actual} is more than 10 times off the previous year's {previous}: a typing error?";
        /// A decimal point where every other figure of the indicator is a whole number.
        DecimalInWholeNumbers { actual: String, unit: String } =>
            ja: "実績値 {actual} に小数点がありますが、この指標 ({unit}) のほかの数値はすべて整数です: 桁区切りのコンマを点と打っていませんか",
            en: "the actual {actual} has a decimal point, but every other figure of the indicator ({unit}) is a whole number: a thousands separator typed as a point?";
        /// The recorded rating is two or more grades from the rules' suggestion.
        RatingFarFromSuggestion { recorded: String, suggested: String, grades: usize } =>
            ja: "記録された評価 {recorded} は、ルールの提案 {suggested} から {grades} 段階離れています",
            en: "the recorded rating {recorded} is {grades} grades from the suggested {suggested}";
    }
}

/// How far off an actual may be from its target or previous year before it is questioned.
pub const FACTOR: Decimal = Decimal::TEN;

/// One implausible value: which field of the item file it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Implausibility {
    /// `years.R6.actual`, `years.R6.rating`.
    pub field: String,
    /// What looks wrong.
    pub what: Implausible,
}

/// The figure of a cell in the indicator's unit, when it is a nonzero number.
fn figure(cell: Option<&Cell>, unit: &str) -> Option<Decimal> {
    let q = cell?.value.quantity()?;
    let d = q.amount_in(unit).unwrap_or(q.amount);
    (!d.is_zero()).then_some(d.abs())
}

/// Whether `a` and `b` are more than [`FACTOR`] apart.
fn far(a: Decimal, b: Decimal) -> bool {
    let (small, large) = if a < b { (a, b) } else { (b, a) };
    small.checked_mul(FACTOR).is_some_and(|bound| large > bound)
}

/// Whether a cell's figure is printed without decimals: judged by the notation ("347.0" has
/// one decimal place, though its value is whole), never by the value.
fn printed_whole(cell: &Cell) -> bool {
    cell.value.quantity().is_some_and(|q| q.amount.scale() == 0)
}

/// The implausible values of `item`'s results for `year`. A rule that fails only leaves out
/// the rating comparison (check reports the failure itself).
pub fn implausible_values(
    plan: &Plan,
    rules: &RuleSet,
    item: &Item,
    year: FiscalYear,
) -> Vec<Implausibility> {
    let mut out = Vec::new();
    let Some(entry) = item.year(year).filter(|e| e.has_results()) else {
        return out;
    };
    let unit = item.indicator.unit.as_str();
    let actual_field = format!("years.{year}.actual");
    if let (Some(actual), Some(cell)) = (figure(entry.actual.as_ref(), unit), &entry.actual) {
        if let Some(target) = entry
            .target
            .as_ref()
            .filter(|t| figure(Some(t), unit).is_some_and(|t| far(actual, t)))
        {
            out.push(Implausibility {
                field: actual_field.clone(),
                what: Implausible::FarFromTarget {
                    actual: cell.text.clone(),
                    target: target.text.clone(),
                },
            });
        }
        let previous = if plan.years.first() == Some(&year) {
            item.indicator.baseline.as_ref()
        } else {
            year.previous()
                .and_then(|p| item.year(p))
                .and_then(|e| e.actual.as_ref())
        };
        if let Some(previous) =
            previous.filter(|p| figure(Some(p), unit).is_some_and(|p| far(actual, p)))
        {
            out.push(Implausibility {
                field: actual_field.clone(),
                what: Implausible::FarFromPrevious {
                    actual: cell.text.clone(),
                    previous: previous.text.clone(),
                },
            });
        }
        // Every other figure of the indicator: baseline, final target, each year's target and
        // actual. Percentages and money may have decimals; a count never does.
        let others: Vec<&Cell> = [
            item.indicator.baseline.as_ref(),
            item.indicator.final_target.as_ref(),
        ]
        .into_iter()
        .chain(item.years.iter().flat_map(|(y, e)| {
            let actual = (*y != year).then_some(e.actual.as_ref()).flatten();
            [e.target.as_ref(), actual]
        }))
        .flatten()
        .filter(|c| figure(Some(c), unit).is_some())
        .collect();
        if !printed_whole(cell) && !others.is_empty() && others.iter().all(|c| printed_whole(c)) {
            out.push(Implausibility {
                field: actual_field,
                what: Implausible::DecimalInWholeNumbers {
                    actual: cell.text.clone(),
                    unit: unit.to_string(),
                },
            });
        }
    }
    if recorded_comparable(plan, rules) {
        if let Ok(ev) = evaluate_item(plan, item, year, rules) {
            let scale = rules.scale();
            if let (Some(s), Some(r)) = (&ev.suggested, &ev.recorded) {
                if let (Some(ps), Some(pr)) = (scale.position(s), scale.position(r)) {
                    let grades = ps.abs_diff(pr);
                    if grades >= 2 {
                        out.push(Implausibility {
                            field: format!("years.{year}.rating"),
                            what: Implausible::RatingFarFromSuggestion {
                                recorded: r.clone(),
                                suggested: s.clone(),
                                grades,
                            },
                        });
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::plan_with_item;

    fn item(unit: &str, baseline: &str, target: &str, actual: &str) -> String {
        format!(
            "title = \"t\"\ndepartment = \"財務部\"\nsection = \"財政課\"\nsheet = true\n\
             [indicator]\nname = \"n\"\nunit = \"{unit}\"\nkind = \"higher_better\"\nbaseline = \"{baseline}\"\n\
             [years.R5]\ntarget = \"{target}\"\nactual = \"{actual}\"\nrating = \"B\"\n\
             [years.R6]\ntarget = \"{target}\"\n"
        )
    }

    fn found(unit: &str, baseline: &str, target: &str, actual: &str) -> Vec<Implausible> {
        let plan = plan_with_item("5-10-1", &item(unit, baseline, target, actual));
        let rules = RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap();
        implausible_values(&plan, &rules, &plan.items[0], FiscalYear::reiwa(5))
            .into_iter()
            .map(|i| i.what)
            .collect()
    }

    #[test]
    fn a_point_for_a_thousands_separator() {
        let f = found("件", "17,000", "18,500", "46.313");
        assert!(
            f.contains(&Implausible::DecimalInWholeNumbers {
                actual: "46.313".into(),
                unit: "件".into()
            }),
            "{f:?}"
        );
        // It is also far below its target and the year before.
        assert!(matches!(f[0], Implausible::FarFromTarget { .. }), "{f:?}");
        assert!(matches!(f[1], Implausible::FarFromPrevious { .. }), "{f:?}");
        // Judged by the notation: "347.0" is printed with a decimal, so "400.3" is not odd
        // (三田市's 百万円 figures), while "46.0" among whole numbers is.
        assert!(found("件", "300", "347.0", "400.3").is_empty());
        assert!(!found("件", "17", "18", "46.0").is_empty());
        // Percentages with decimals are normal.
        assert!(found("%", "97.5", "98.3", "98.5").is_empty());
        assert!(found("件", "17,000", "18,500", "46,313").is_empty());
    }

    #[test]
    fn ten_times_off() {
        let f = found("件", "40", "40", "440");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            found("件", "40", "40", "400").is_empty(),
            "exactly 10× is not flagged"
        );
        assert!(
            found("件", "0", "0", "7").is_empty(),
            "nothing to compare with zero"
        );
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
