//! Consistency checks of a plan against itself and a rule set: unknown kinds, missing targets,
//! subtotals that are not the sum of the years, printed effects that do not follow the item's
//! formula, ratings off the scale, rules that fail. A finding that matches a discrepancy
//! recorded in the item (a contradiction of the source document) is reported as documented.

mod plausibility;

pub use plausibility::{implausible_values, Implausibility, Implausible, FACTOR};

use rust_decimal::Decimal;

use crate::engine::{CallSite, RuleSet};
use crate::evaluation::{
    evaluate_item_with, item_formula, recorded_scale, round_amount, rule_input, EffectBasis,
};
use crate::i18n::{Lang, Localize, Text};
use crate::model::{Cell, FiscalYear, Item, ItemId, Plan, Value};

/// A year as the plan writes it (平成20年度, or H20 for a plan that writes H20), whatever
/// notation the item file or the cache gave it.
fn as_planned(plan: &Plan, year: FiscalYear) -> FiscalYear {
    plan.period_year(year).unwrap_or(year)
}

crate::i18n::messages! {
    /// What `gyokaku check` finds.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum FindingKind {
        /// An indicator kind the rule set has no script for.
        UnknownKind { problem: crate::engine::KindProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A numeric indicator without a target in a year.
        NoTarget { year: FiscalYear } =>
            ja: "{year} の目標値がありません",
            en: "no target for {year}";
        /// A recorded rating not on the scale.
        RatingOffScale { rating: String, labels: Vec<String> } =>
            ja: "評価 {rating:?} は評価尺度 ({labels}) にありません",
            en: "rating {rating:?} is not on the scale ({labels})";
        /// A year with an actual but no rating.
        ActualWithoutRating { year: FiscalYear } =>
            ja: "{year} は実績値がありますが評価がありません",
            en: "{year} has an actual but no rating";
        /// A 〔小計〕 that is not the sum of the years.
        SubtotalMismatch { field: EffectName, printed: String, sum: Decimal } =>
            ja: "〔小計〕{field}は {printed} ですが、各年度の合計は {sum} です",
            en: "〔小計〕{field} is {printed} but the years add up to {sum}";
        /// A printed effect that differs from the item's formula.
        FormulaMismatch { year: FiscalYear, field: EffectName, printed: String, computed: Decimal } =>
            ja: "{year} の{field}は {printed} ですが、算定式では {computed} になります",
            en: "{year} {field} is {printed} but the formula gives {computed}";
        /// The item's effect formula or a rule failed.
        RuleFailed { error: Text } =>
            ja: "{error}",
            en: "{error}";
        /// A plan file that does not load.
        LoadFailed { error: Text } =>
            ja: "{error}",
            en: "{error}";
        /// A value that reads but looks wrong.
        Implausible { what: Implausible } =>
            ja: "{what}",
            en: "{what}";
        /// A recorded discrepancy of the source document that no automatic check reaches.
        RecordedOnly =>
            ja: "原資料自体が食い違っています",
            en: "the source document disagrees with itself";
        /// A finding whose recorded discrepancy no longer applies: the value changed since.
        Stale { finding: Box<FindingKind>, recorded: String, now: String } =>
            ja: "{finding} (記録された不整合 {recorded} はもう当てはまりません: 現在の値は {now})",
            en: "{finding} (the discrepancy recorded for {recorded} no longer applies: the field now prints {now})";
        /// A recorded discrepancy that no longer applies, with its text.
        StaleRecord { text: String, recorded: String, now: String } =>
            ja: "{text} (記録された不整合 {recorded} はもう当てはまりません: 現在の値は {now})",
            en: "{text} (the discrepancy recorded for {recorded} no longer applies: the field now prints {now})";
    }

    /// Which effect amount.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EffectName {
        /// 効果見込額.
        Expected =>
            ja: "効果見込額",
            en: "効果見込額 (expected effect)";
        /// 実績効果額.
        Actual =>
            ja: "実績効果額",
            en: "実績効果額 (actual effect)";
    }
}

/// One thing `check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The item, when the finding is about one.
    pub item: Option<ItemId>,
    /// `file:line`, or the rule file.
    pub location: String,
    /// The field (`subtotals.expected_effect`, `years.R6.target` …), when there is one.
    pub field: Option<String>,
    /// What is wrong: a kind of its own, worded in the reader's language.
    pub what: FindingKind,
    /// The recorded discrepancy that explains it, if the source document itself disagrees.
    pub documented: Option<String>,
}

impl Finding {
    /// Whether a recorded discrepancy accounts for it.
    pub fn is_documented(&self) -> bool {
        self.documented.is_some()
    }

    /// Whether it is only a recorded discrepancy that no automatic check reproduces (for
    /// example the 【参考①】 row disagreeing with the sheet).
    pub fn is_recorded_only(&self) -> bool {
        self.what == FindingKind::RecordedOnly
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.what.localize(lang)
    }
}

/// Tolerance between a formula's result and the printed amount: the sheets were computed by
/// hand from unrounded inputs and printed to the thousand yen.
pub const EFFECT_TOLERANCE: Decimal = Decimal::ONE;

struct Findings<'a> {
    item: &'a Item,
    out: Vec<Finding>,
}

impl Findings<'_> {
    fn add(&mut self, field: &str, mut what: FindingKind) {
        let documented = self.item.current_discrepancy(field).map(|d| d.text.clone());
        if let (None, Some(d)) = (&documented, self.item.discrepancy(field)) {
            let (recorded, now) = stale(self.item, d);
            what = FindingKind::Stale {
                finding: Box::new(what),
                recorded,
                now,
            };
        }
        self.out.push(Finding {
            item: Some(self.item.id),
            location: self.item.source.locate(field),
            field: Some(field.to_string()),
            what,
            documented,
        });
    }
}

fn number(cell: Option<&Cell>) -> Option<Decimal> {
    cell.and_then(Cell::thousand_yen)
}

fn show(cell: Option<&Cell>) -> String {
    cell.map(|c| c.text.clone()).unwrap_or_else(|| "-".into())
}

/// Why a recorded discrepancy no longer accounts for a finding: the value it was recorded for,
/// and what the field prints now.
fn stale(item: &Item, d: &crate::model::Discrepancy) -> (String, String) {
    (
        d.value.clone().unwrap_or_else(|| "-".into()),
        item.printed(&d.field).unwrap_or_else(|| "-".into()),
    )
}

/// A rule's error, worded in both languages.
fn both(e: &impl Localize) -> Text {
    Text::both(e.localize(Lang::Ja), e.localize(Lang::En))
}

/// Checks every item of `plan` under `rules`. Findings come in item order.
pub fn check_plan(plan: &Plan, rules: &RuleSet) -> Vec<Finding> {
    let mut all = Vec::new();
    for item in &plan.items {
        let mut f = Findings {
            item,
            out: Vec::new(),
        };
        check_item(plan, rules, item, &mut f);
        // Recorded discrepancies that no automatic check reached are reported as they are.
        for d in &item.discrepancies {
            if !f
                .out
                .iter()
                .any(|x| x.field.as_deref() == Some(d.field.as_str()))
            {
                let current = item.current_discrepancy(&d.field).is_some();
                f.out.push(Finding {
                    item: Some(item.id),
                    location: item.source.locate(&format!("discrepancy {}", d.field)),
                    field: Some(d.field.clone()),
                    what: if current {
                        FindingKind::RecordedOnly
                    } else {
                        let (recorded, now) = stale(item, d);
                        FindingKind::StaleRecord {
                            text: d.text.clone(),
                            recorded,
                            now,
                        }
                    },
                    documented: current.then(|| d.text.clone()),
                });
            }
        }
        all.extend(f.out);
    }
    all
}

fn effect_name(field: &str) -> EffectName {
    if field == "expected_effect" {
        EffectName::Expected
    } else {
        EffectName::Actual
    }
}

fn check_item(plan: &Plan, rules: &RuleSet, item: &Item, f: &mut Findings) {
    let kind = item.indicator.kind.as_str();
    if let Some(problem) = rules.unknown_kind(kind) {
        f.add("indicator.kind", FindingKind::UnknownKind { problem });
        return;
    }

    // Targets: a kind whose targets are numbers (its script does not declare
    // `NUMERIC_TARGETS = false`) needs one in every year of the period (or "—"/"↓" where the
    // sheet sets no new one). Items without a sheet only have their 【参考①】 row.
    if rules.kind_traits(kind).numeric_targets && item.sheet {
        for year in &plan.years {
            if item.year(*year).and_then(|e| e.target.as_ref()).is_none() {
                f.add(
                    &format!("years.{year}.target"),
                    FindingKind::NoTarget {
                        year: as_planned(plan, *year),
                    },
                );
            }
        }
    }

    // Ratings on the scale, and results that carry one (where the document records ratings).
    let rated = recorded_scale(plan, rules).records_ratings();
    for (year, entry) in &item.years {
        if let Some(r) = &entry.rating {
            let scale = recorded_scale(plan, rules);
            if scale.get(r).is_none() {
                f.add(
                    &format!("years.{year}.rating"),
                    FindingKind::RatingOffScale {
                        rating: r.clone(),
                        labels: scale.labels().map(String::from).collect(),
                    },
                );
            }
        } else if rated
            && entry
                .actual
                .as_ref()
                .is_some_and(|c| c.value != Value::None)
        {
            f.add(
                &format!("years.{year}.rating"),
                FindingKind::ActualWithoutRating {
                    year: as_planned(plan, *year),
                },
            );
        }
    }

    // Subtotals against the sum of the years.
    for (field, pick) in [
        (
            "expected_effect",
            (|e: &crate::model::YearEntry| e.expected_effect.as_ref())
                as fn(&crate::model::YearEntry) -> Option<&Cell>,
        ),
        ("actual_effect", |e| e.actual_effect.as_ref()),
    ] {
        let subtotal = match field {
            "expected_effect" => item.subtotals.expected_effect.as_ref(),
            _ => item.subtotals.actual_effect.as_ref(),
        };
        let Some(subtotal) = subtotal else { continue };
        let sum: Decimal = item.years.values().filter_map(|e| number(pick(e))).sum();
        let printed = subtotal.thousand_yen().unwrap_or_default();
        if printed != sum {
            f.add(
                &format!("subtotals.{field}"),
                FindingKind::SubtotalMismatch {
                    field: effect_name(field),
                    printed: subtotal.text.clone(),
                    sum,
                },
            );
        }
    }

    // The item's formula must compile; if it does not, that is the one finding about it (the
    // years' effects and evaluations would only repeat it).
    let formula = match item_formula(item, rules) {
        Ok(formula) => formula,
        Err(e) => {
            let at = item.source.locate("indicator.effect");
            let without_place = |lang| {
                let text = e.localize(lang);
                text.strip_prefix(&format!("{at}: "))
                    .unwrap_or(&text)
                    .to_string()
            };
            let error = Text::both(without_place(Lang::Ja), without_place(Lang::En));
            f.add("indicator.effect", FindingKind::RuleFailed { error });
            return;
        }
    };

    // The item's formula against the printed amounts.
    if item.indicator.effect.is_some() || rules.kind_has_effect(kind) {
        for (year, entry) in &item.years {
            let input = std::sync::Arc::new(rule_input(plan, item, *year, rules));
            let at = CallSite {
                item: Some(&input.id),
                year: &input.year,
            };
            for (basis, field, cell) in [
                (
                    EffectBasis::Target,
                    "expected_effect",
                    entry.expected_effect.as_ref(),
                ),
                (
                    EffectBasis::Actual,
                    "actual_effect",
                    entry.actual_effect.as_ref(),
                ),
            ] {
                let Some(cell) = cell else { continue };
                let path = format!("years.{year}.{field}");
                match rules.effect(&input, basis, formula.as_ref(), at) {
                    Ok(Some(effect)) => {
                        let d = effect.value;
                        let printed = cell.thousand_yen().unwrap_or_default();
                        if (round_amount(d) - printed).abs() > EFFECT_TOLERANCE {
                            f.add(
                                &path,
                                FindingKind::FormulaMismatch {
                                    year: as_planned(plan, *year),
                                    field: effect_name(field),
                                    printed: show(Some(cell)),
                                    computed: round_amount(d),
                                },
                            );
                        }
                    }
                    Ok(None) => {}
                    Err(e) => f.add(&path, FindingKind::RuleFailed { error: both(&e) }),
                }
            }
        }
    }

    // Every year with results must evaluate without a rule failing.
    for (year, entry) in &item.years {
        if entry.has_results() {
            if let Err(e) = evaluate_item_with(plan, item, formula.as_ref(), *year, rules) {
                f.add(
                    &format!("years.{year}"),
                    FindingKind::RuleFailed { error: both(&e) },
                );
            }
            // Values that read but look wrong.
            for found in implausible_values(plan, rules, item, *year) {
                f.add(&found.field, FindingKind::Implausible { what: found.what });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{memory_rules, RATING};
    use crate::model::testing::plan_with_item;

    /// An item of kind `k` with a target in R5 only.
    const ITEM: &str = r#"
title = "段階的な導入"
department = "企画部"
section = "企画課"
sheet = true
[indicator]
name = "導入の段階"
unit = "-"
kind = "k"
[years.R5]
target = "検討"
"#;

    /// Whether check reports a year without a target for ITEM under a kind script `script`.
    fn missing_targets(script: &str) -> Vec<String> {
        let plan = plan_with_item("5-10-1", ITEM);
        let rules = memory_rules(RATING, "k", script).unwrap();
        (check_plan(&plan, &rules).into_iter())
            .filter(|f| matches!(f.what, FindingKind::NoTarget { .. }))
            .filter_map(|f| f.field)
            .collect()
    }

    /// Check knows no kind by name: a kind's script says whether its targets are numbers.
    #[test]
    fn a_year_without_a_target_is_reported_unless_the_kind_declares_its_targets_are_no_numbers() {
        assert_eq!(
            missing_targets("fn achievement(x) { () }"),
            ["years.R6.target"]
        );
        assert!(
            missing_targets("const NUMERIC_TARGETS = false;\nfn achievement(x) { () }").is_empty()
        );
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
