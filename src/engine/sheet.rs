//! The one place a rule call's inputs are made: the cells of a progress sheet (進捗管理シート) —
//! a plan's item in a year, or a rule test case written like one — become the rules' `x`, and
//! an item's effect is computed from its formula or its kind's `effect(x)`. Evaluation, check,
//! explain and `gyokaku test` all go through here, so a case tests exactly what a plan runs.

use rust_decimal::Decimal;

use super::input::{RuleInput, YearRecord};
use crate::i18n::Text;
use crate::model::{Cell, FiscalYear, Scale};

/// The number in a cell, in the indicator's unit (億円 scaled exactly when the units differ).
pub fn number_in(cell: Option<&Cell>, unit: &str) -> Option<Decimal> {
    let q = cell?.value.quantity()?;
    Some(q.amount_in(unit).unwrap_or(q.amount))
}

fn total_of(cell: Option<&Cell>) -> Option<Decimal> {
    cell?.value.quantity()?.total
}

fn printed(cell: Option<&Cell>) -> String {
    cell.map(|c| c.text.clone()).unwrap_or_default()
}

/// One year's row of a sheet.
#[derive(Debug, Clone, Copy)]
pub struct YearCells<'a> {
    /// The fiscal year.
    pub year: FiscalYear,
    /// 目標値.
    pub target: Option<&'a Cell>,
    /// 実績値.
    pub actual: Option<&'a Cell>,
    /// 効果見込額.
    pub expected_effect: Option<&'a Cell>,
    /// 実績効果額.
    pub actual_effect: Option<&'a Cell>,
}

impl YearCells<'_> {
    fn record(&self, unit: &str) -> YearRecord {
        YearRecord {
            year: self.year.to_string(),
            target: number_in(self.target, unit),
            actual: number_in(self.actual, unit),
            target_text: printed(self.target),
            actual_text: printed(self.actual),
            expected_effect: self.expected_effect.and_then(Cell::thousand_yen),
            actual_effect: self.actual_effect.and_then(Cell::thousand_yen),
            ..YearRecord::default()
        }
    }
}

/// What a rule call reads of a sheet for one year.
#[derive(Debug, Clone)]
pub struct SheetCells<'a> {
    /// Item id, "5-8-3" (a case's name when it gives no id).
    pub id: String,
    /// 実施項目名.
    pub title: &'a str,
    /// Indicator kind.
    pub kind: &'a str,
    /// Indicator name.
    pub indicator: &'a str,
    /// Unit.
    pub unit: &'a str,
    /// 指標の現状値.
    pub baseline: Option<&'a Cell>,
    /// 計画最終年度の目標値.
    pub final_target: Option<&'a Cell>,
    /// The previous year's actual (the baseline in the plan's first year).
    pub previous: Option<&'a Cell>,
    /// The previous year's target (the baseline in the plan's first year).
    pub previous_target: Option<&'a Cell>,
    /// The plan's years before this one, in order.
    pub earlier: Vec<YearCells<'a>>,
    /// This year's row.
    pub this: YearCells<'a>,
    /// The rating recorded for the year.
    pub recorded: Option<&'a str>,
    /// The year's planned actions (年次計画); "" when none.
    pub plan: &'a str,
    /// The year's comment (取組実績); "" when none.
    pub comment: &'a str,
}

impl SheetCells<'_> {
    /// The rules' `x`: numbers in the indicator's unit, `within_bound` from the target's
    /// 以内/未満/以上/超, `value` and `total` from the actual, the history with running totals.
    pub fn rule_input(&self, scale: &Scale) -> RuleInput {
        let unit = self.unit;
        let (target, actual) = (self.this.target, self.this.actual);
        let target_n = number_in(target, unit);
        let actual_n = number_in(actual, unit);
        let bound = target
            .and_then(|c| c.value.quantity())
            .and_then(|q| q.bound);
        let within_bound = match (bound, actual_n, target_n) {
            (Some(b), Some(a), Some(t)) => Some(b.holds(a, t)),
            _ => None,
        };
        let mut history: Vec<YearRecord> = (self.earlier.iter())
            .chain([&self.this])
            .map(|y| y.record(unit))
            .collect();
        YearRecord::add_running_totals(&mut history);
        RuleInput {
            id: self.id.clone(),
            title: self.title.to_string(),
            kind: self.kind.to_string(),
            indicator: self.indicator.to_string(),
            unit: unit.to_string(),
            year: self.this.year.to_string(),
            target: target_n,
            actual: actual_n,
            baseline: number_in(self.baseline, unit),
            final_target: number_in(self.final_target, unit),
            previous: number_in(self.previous, unit),
            previous_target: number_in(self.previous_target, unit),
            bound: bound.map(|b| b.operator().to_string()),
            within_bound,
            target_text: printed(target),
            actual_text: printed(actual),
            baseline_text: printed(self.baseline),
            final_target_text: printed(self.final_target),
            plan: self.plan.to_string(),
            comment: self.comment.to_string(),
            target_total: total_of(target),
            actual_total: total_of(actual),
            expected_effect: self.this.expected_effect.and_then(Cell::thousand_yen),
            actual_effect: self.this.actual_effect.and_then(Cell::thousand_yen),
            recorded: self.recorded.map(String::from),
            value: actual_n,
            total: total_of(actual),
            scale: scale.labels().map(String::from).collect(),
            year_index: self.earlier.len(),
            history,
        }
    }
}

/// Which side of the sheet an effect is computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectBasis {
    /// From the year's target: the expected effect (効果見込額).
    Target,
    /// From the year's actual: the actual effect (実績効果額).
    Actual,
}

/// An effect computed by a formula or a kind's `effect(x)`, unrounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    /// The amount (千円).
    pub value: Decimal,
    /// Where it was computed: the item's formula (file and line) or the kind's script.
    pub file: String,
    /// How: the formula with its values, or what the script explained.
    pub notes: Vec<Text>,
}
