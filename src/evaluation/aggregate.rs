//! Aggregates: rating counts per policy and in total (達成状況, 分野別内訳表), and effect
//! amounts per policy, theme and in total (実績効果額と達成割合).

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Evaluation, ItemEvaluation, RulesUsed};
use crate::engine::{FigureTable, RuleError, RuleSet, Scale, SummaryInput, SummaryItem};
use crate::model::{FiscalYear, MoneyUnit, Plan};

/// How many items got each rating.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Per label of the scale, best first.
    pub by_rating: Vec<(String, usize)>,
    /// Items with no rating (not recorded, or judgement required for suggestions).
    pub unrated: usize,
    /// Ratings whose label is not on the scale in use (a recorded "D" under an S–C scale), per
    /// label in label order. They are counted here, never mapped onto the scale.
    pub not_on_scale: Vec<(String, usize)>,
    /// All items counted.
    pub total: usize,
}

impl Counts {
    /// No items yet, one zero per label of `scale`.
    pub(crate) fn new(scale: &Scale) -> Self {
        Counts {
            by_rating: scale.labels().map(|l| (l.to_string(), 0)).collect(),
            unrated: 0,
            not_on_scale: Vec::new(),
            total: 0,
        }
    }

    /// No items, with the same labels as `self` (its scale's, and those met off it).
    pub(crate) fn zeroed(&self) -> Self {
        let zero =
            |labels: &[(String, usize)]| labels.iter().map(|(l, _)| (l.clone(), 0)).collect();
        Counts {
            by_rating: zero(&self.by_rating),
            unrated: 0,
            not_on_scale: Vec::new(),
            total: 0,
        }
    }

    /// Counts one item's rating.
    pub(crate) fn add(&mut self, rating: Option<&str>) {
        match rating {
            Some(label) => self.add_rated(label, 1),
            None => {
                self.unrated += 1;
                self.total += 1;
            }
        }
    }

    /// Counts `n` items rated `rating`.
    fn add_rated(&mut self, rating: &str, n: usize) {
        self.total += n;
        if let Some((_, count)) = self.by_rating.iter_mut().find(|(l, _)| l == rating) {
            *count += n;
            return;
        }
        match self
            .not_on_scale
            .binary_search_by(|(l, _)| l.as_str().cmp(rating))
        {
            Ok(i) => self.not_on_scale[i].1 += n,
            Err(i) => self.not_on_scale.insert(i, (rating.to_string(), n)),
        }
    }

    /// Adds another count's items (of any scale: labels not on this one are counted apart).
    pub(crate) fn merge(&mut self, other: &Counts) {
        for (label, n) in other.by_rating.iter().chain(&other.not_on_scale) {
            if *n > 0 {
                self.add_rated(label, *n);
            }
        }
        self.unrated += other.unrated;
        self.total += other.unrated;
    }

    /// The count for one label (of the scale or not).
    pub fn get(&self, label: &str) -> usize {
        self.by_rating
            .iter()
            .chain(&self.not_on_scale)
            .find(|(l, _)| l == label)
            .map_or(0, |(_, n)| *n)
    }

    /// How many ratings are not on the scale, all labels together.
    pub fn not_on_scale_total(&self) -> usize {
        self.not_on_scale.iter().map(|(_, n)| n).sum()
    }
}

/// Expected and actual effect amounts (千円) and the ratio between them. The ratio measures
/// the actual against what was expected of the items that have results: a year not yet
/// reported, or an item that has not reported, is not counted as having achieved nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EffectTotals {
    /// Sum of 効果見込額.
    #[serde(with = "crate::model::exact")]
    pub expected: Decimal,
    /// Sum of 実績効果額.
    #[serde(with = "crate::model::exact")]
    pub actual: Decimal,
    /// Sum of 効果見込額 of the items (and years) that have results: what the actual is
    /// measured against.
    #[serde(with = "crate::model::exact")]
    pub expected_reported: Decimal,
    /// How many items (item-years, over several years) have results.
    pub reported: usize,
}

impl EffectTotals {
    /// Adds another plan's totals; `None` (and `self` unchanged) when a sum would pass
    /// `Decimal`'s range, which thousands of plans of the largest amounts could.
    pub(crate) fn merge(&mut self, other: &EffectTotals) -> Option<()> {
        let expected = self.expected.checked_add(other.expected)?;
        let actual = self.actual.checked_add(other.actual)?;
        let expected_reported = self
            .expected_reported
            .checked_add(other.expected_reported)?;
        (self.expected, self.actual, self.expected_reported) =
            (expected, actual, expected_reported);
        self.reported += other.reported;
        Some(())
    }

    /// Adds one item's year.
    pub(crate) fn add(&mut self, e: &ItemEvaluation) {
        // Cannot overflow within one plan: an amount read from a sheet is below 10^20 千円
        // (15 digits, 億円 at most), one a rule computes is refused at 10^20 千円, and a plan
        // has at most `MAX_ITEMS` (10^6) items: every sum stays below 10^26, inside Decimal's
        // range (7.9 × 10^28). `tests/properties.rs` adds up the largest amounts.
        let expected = e.expected_effect.unwrap_or_default();
        self.expected += expected;
        self.actual += e.actual_effect.unwrap_or_default();
        if e.has_results {
            self.expected_reported += expected;
            self.reported += 1;
        }
    }

    /// Adds the expected effect of an item's year without results.
    pub(crate) fn add_expected(&mut self, expected: Option<Decimal>) {
        self.expected += expected.unwrap_or_default();
    }

    /// Adds another part of the same plan (an item's years to its policy's): cannot overflow,
    /// as [`EffectTotals::add`] cannot.
    pub(crate) fn add_part(&mut self, other: &EffectTotals) {
        self.expected += other.expected;
        self.actual += other.actual;
        self.expected_reported += other.expected_reported;
        self.reported += other.reported;
    }

    /// 達成割合: actual ÷ the expected effect of what has results; `None` when nothing has
    /// results yet, or nothing was expected of it (or the ratio is outside `Decimal`'s range:
    /// a few thousandths of a 千円 expected against billions actual).
    pub fn ratio(&self) -> Option<Decimal> {
        if self.reported == 0 {
            return None;
        }
        self.actual.checked_div(self.expected_reported)
    }

    /// Whether some of the expected effect belongs to items or years without results yet:
    /// then the expected effect of what has results is shown beside the whole.
    pub fn partly_reported(&self) -> bool {
        self.expected_reported != self.expected
    }

    /// The actual effect, or `None` when nothing has results yet (shown as "-", not 0).
    pub fn actual_reported(&self) -> Option<Decimal> {
        (self.reported > 0).then_some(self.actual)
    }

    /// The expected effect of what has results, or `None` when nothing has (shown as "-").
    pub fn expected_with_results(&self) -> Option<Decimal> {
        (self.reported > 0).then_some(self.expected_reported)
    }
}

/// One policy's line of the tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicySummary {
    /// 基本方針 number.
    pub number: u32,
    /// Its name.
    pub name: String,
    /// Recorded ratings.
    pub recorded: Counts,
    /// Suggested ratings.
    pub suggested: Counts,
    /// Effect amounts.
    pub effects: EffectTotals,
}

/// One theme's effect amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeSummary {
    /// 改革の推進項目 number.
    pub number: u32,
    /// Its policy.
    pub policy: u32,
    /// Its name.
    pub name: String,
    /// Number of items.
    pub items: usize,
    /// Effect amounts.
    pub effects: EffectTotals,
}

/// Everything the summary tables show, computed from item evaluations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The plan's name.
    pub plan_name: String,
    /// The fiscal year.
    pub year: FiscalYear,
    /// The rule set used for suggestions.
    pub rules: RulesUsed,
    /// The scale of the suggested ratings (the rule set's).
    pub scale: Scale,
    /// The scale of the recorded ratings (the plan's, or else the rule set's).
    pub recorded_scale: Scale,
    /// Per policy.
    pub policies: Vec<PolicySummary>,
    /// Per theme.
    pub themes: Vec<ThemeSummary>,
    /// Recorded ratings, all items.
    pub recorded: Counts,
    /// Suggested ratings, all items.
    pub suggested: Counts,
    /// Effect amounts, all items.
    pub effects: EffectTotals,
    /// The unit reports print effect amounts in (the plan's `report_unit`); the amounts above
    /// are 千円, as on the sheets.
    pub report_unit: MoneyUnit,
    /// The plan-level figures the rule set's summary.rhai defines (points per rating, 達成率,
    /// counts per category …); none without one, or from [`summarize`] alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<FigureTable>,
}

/// Adds up an evaluation per policy, per theme and in total.
pub fn summarize(plan: &Plan, evaluation: &Evaluation) -> Summary {
    let mut summary = frame(
        plan,
        evaluation.year,
        evaluation.rules.clone(),
        &evaluation.scale,
        &evaluation.recorded_scale,
    );
    // Policies and themes by number, so that each item finds its lines in one look-up.
    // (The first of a number written twice, as a scan would find.)
    let mut policy_at = HashMap::new();
    for (i, p) in summary.policies.iter().enumerate() {
        policy_at.entry(p.number).or_insert(i);
    }
    let mut theme_at = HashMap::new();
    for (i, t) in summary.themes.iter().enumerate() {
        theme_at.entry(t.number).or_insert(i);
    }
    for e in &evaluation.items {
        if let Some(p) = policy_at.get(&e.policy).map(|&i| &mut summary.policies[i]) {
            p.recorded.add(e.recorded.as_deref());
            p.suggested.add(e.suggested.as_deref());
            p.effects.add(e);
        }
        if let Some(t) = theme_at.get(&e.theme).map(|&i| &mut summary.themes[i]) {
            t.items += 1;
            t.effects.add(e);
        }
        summary.recorded.add(e.recorded.as_deref());
        summary.suggested.add(e.suggested.as_deref());
        summary.effects.add(e);
    }
    summary
}

/// The summary of `plan`'s `year` before any item is added: what `plan.toml` and the rule set
/// give (names, scales, the unit), every count and amount zero.
pub(crate) fn frame(
    plan: &Plan,
    year: FiscalYear,
    rules: RulesUsed,
    scale: &Scale,
    recorded_scale: &Scale,
) -> Summary {
    Summary {
        plan_name: plan.name.clone(),
        year,
        rules,
        scale: scale.clone(),
        recorded_scale: recorded_scale.clone(),
        policies: (plan.policies.iter())
            .map(|p| PolicySummary {
                number: p.number,
                name: p.name.clone(),
                recorded: Counts::new(recorded_scale),
                suggested: Counts::new(scale),
                effects: EffectTotals::default(),
            })
            .collect(),
        themes: (plan.themes.iter())
            .map(|t| ThemeSummary {
                number: t.number,
                policy: t.policy,
                name: t.name.clone(),
                items: 0,
                effects: EffectTotals::default(),
            })
            .collect(),
        recorded: Counts::new(recorded_scale),
        suggested: Counts::new(scale),
        effects: EffectTotals::default(),
        report_unit: plan.report_unit,
        figures: Vec::new(),
    }
}

/// [`summarize`], and the figures of the rule set's summary.rhai (when it has one) on the same
/// evaluation.
pub fn summarize_with_rules(
    plan: &Plan,
    evaluation: &Evaluation,
    rules: &RuleSet,
) -> Result<Summary, RuleError> {
    let mut summary = summarize(plan, evaluation);
    let input = SummaryInput {
        plan: plan.name.clone(),
        year: evaluation.year.to_string(),
        scale: evaluation.scale.labels().map(String::from).collect(),
        recorded_scale: evaluation
            .recorded_scale
            .labels()
            .map(String::from)
            .collect(),
        policies: plan
            .policies
            .iter()
            .map(|p| (p.number, p.name.clone()))
            .collect(),
        items: evaluation
            .items
            .iter()
            .map(|e| SummaryItem {
                id: e.id.to_string(),
                policy: e.policy,
                theme: e.theme,
                title: e.title.clone(),
                kind: e.kind.clone(),
                recorded: e.recorded.clone(),
                suggested: e.suggested.clone(),
                achievement: e.achievement,
                expected_effect: e.expected_effect,
                actual_effect: e.actual_effect,
                computed_effect: e.computed_effect,
            })
            .collect(),
    };
    summary.figures = rules.summary(&input)?.value;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Rating;

    fn scale(labels: &[&str]) -> Scale {
        Scale {
            ratings: labels
                .iter()
                .map(|l| Rating {
                    label: l.to_string(),
                    name: format!("{l} の意味"),
                    name_en: format!("meaning of {l}"),
                })
                .collect(),
            relations: Vec::new(),
        }
    }

    #[test]
    fn merging_counts_adds_them_label_by_label() {
        let mut a = Counts::new(&scale(&["A", "B"]));
        for r in [Some("A"), None, Some("B"), Some("A")] {
            a.add(r);
        }
        let mut b = Counts::new(&scale(&["S", "A"]));
        for r in [Some("S"), Some("A"), None, None] {
            b.add(r);
        }
        a.merge(&b);
        assert_eq!(a.by_rating, [("A".to_string(), 3), ("B".to_string(), 1)]);
        assert_eq!(a.not_on_scale, [("S".to_string(), 1)]);
        assert_eq!((a.unrated, a.total), (3, 8));
    }

    #[test]
    fn ratings_off_the_scale_are_counted_apart_and_never_mapped() {
        let mut c = Counts::new(&scale(&["S", "A", "B", "C"]));
        for r in [
            Some("A"),
            Some("D"),
            None,
            Some("S"),
            Some("D"),
            Some("E"),
            Some("A"),
        ] {
            c.add(r);
        }
        assert_eq!(
            c.by_rating,
            [("S", 1), ("A", 2), ("B", 0), ("C", 0)].map(|(l, n)| (l.to_string(), n))
        );
        assert_eq!(c.not_on_scale, [("D".to_string(), 2), ("E".to_string(), 1)]);
        assert_eq!(c.unrated, 1);
        assert_eq!(c.total, 7);
        assert_eq!(c.get("D"), 2);
        assert_eq!(c.not_on_scale_total(), 3);
        let on_scale: usize = c.by_rating.iter().map(|(_, n)| n).sum();
        assert_eq!(on_scale + c.unrated + c.not_on_scale_total(), c.total);
    }
}
