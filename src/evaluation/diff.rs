//! What-if comparison of two rule sets: the same plan and year evaluated under each, and what
//! moved — suggested ratings (as a transition matrix), items, and per-policy totals.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Counts, Evaluation, ItemEvaluation, RulesUsed};
use crate::engine::Scale;
use crate::i18n::Text;
use crate::model::{FiscalYear, ItemId, MoneyUnit, Plan};

crate::i18n::messages! {
    /// Why two evaluations cannot be compared (`gyokaku diff`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum DiffError {
        /// They are of different plans.
        DifferentPlans { base: String, new: String } =>
            ja: "別の計画の評価どうしは比べられません ({base} と {new})",
            en: "cannot compare evaluations of different plans ({base} and {new})";
        /// They are of different years.
        DifferentYears { base: String, new: String } =>
            ja: "別の年度の評価どうしは比べられません ({base} と {new})",
            en: "cannot compare evaluations of different years ({base} and {new})";
        /// They do not cover the same items.
        DifferentItems { base: String, new: String } =>
            ja: "別の実施項目の評価どうしは比べられません: 元のルールの実施項目 {base} の位置に、新しいルールでは {new} があります",
            en: "cannot compare evaluations of different items: item {base} under the base rules stands where the new rules have {new}";
        /// An item evaluated under the base rules only.
        OnlyUnderBase { item: String } =>
            ja: "別の実施項目の評価どうしは比べられません: 実施項目 {item} は元のルールの評価にだけあります",
            en: "cannot compare evaluations of different items: item {item} is evaluated under the base rules only";
        /// An item evaluated under the new rules only.
        OnlyUnderNew { item: String } =>
            ja: "別の実施項目の評価どうしは比べられません: 実施項目 {item} は新しいルールの評価にだけあります",
            en: "cannot compare evaluations of different items: item {item} is evaluated under the new rules only";
    }
}

/// A value before (base rules) and after (new rules).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    /// Under the base rules.
    pub before: T,
    /// Under the new rules.
    pub after: T,
}

impl<T: PartialEq> Change<T> {
    /// Whether the value differs.
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// An item whose suggested rating or computed effect differs between the rule sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    /// The item.
    pub id: ItemId,
    /// Its policy (基本方針).
    pub policy: u32,
    /// 実施項目名.
    pub title: String,
    /// The rating recorded on the sheet (the same under both rule sets).
    pub recorded: Option<String>,
    /// The suggested rating; `None` is "judgement required".
    pub suggested: Change<Option<String>>,
    /// The achievement (1 = exactly on plan), for context.
    pub achievement: Change<Option<Decimal>>,
    /// The computed actual effect (千円).
    pub computed_effect: Change<Option<Decimal>>,
    /// The one-line explanations.
    pub explanation: Change<Text>,
}

/// One side's totals: suggested-rating counts on that side's scale, computed effects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideTotals {
    /// Suggested ratings; `unrated` counts "judgement required".
    pub suggested: Counts,
    /// Sum of the computed actual effects (千円).
    pub computed_effect: Decimal,
    /// How many items have a computed effect.
    pub computed_items: usize,
}

impl SideTotals {
    fn new(scale: &Scale) -> Self {
        SideTotals {
            suggested: Counts::new(scale),
            computed_effect: Decimal::ZERO,
            computed_items: 0,
        }
    }

    fn add(&mut self, e: &ItemEvaluation) {
        self.suggested.add(e.suggested.as_deref());
        if let Some(d) = e.computed_effect {
            // Below 10^26: rule effects are refused at 10^20 千円, a plan has at most 10^6 items.
            self.computed_effect += d;
            self.computed_items += 1;
        }
    }
}

/// One policy's totals before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyDiff {
    /// 基本方針 number.
    pub number: u32,
    /// Its name.
    pub name: String,
    /// Under the base rules.
    pub before: SideTotals,
    /// Under the new rules.
    pub after: SideTotals,
}

/// Where the suggested ratings went: `counts[from][to]` items were suggested `from[..]` under
/// the base rules and `to[..]` under the new ones. The last row and the last column are
/// "judgement required". Rows follow the base scale, columns the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transitions {
    /// The base scale's labels, best first.
    pub from: Vec<String>,
    /// The new scale's labels, best first.
    pub to: Vec<String>,
    /// `(from.len() + 1) × (to.len() + 1)` counts.
    pub counts: Vec<Vec<usize>>,
}

impl Transitions {
    fn new(from: &Scale, to: &Scale) -> Self {
        let from: Vec<String> = from.labels().map(String::from).collect();
        let to: Vec<String> = to.labels().map(String::from).collect();
        let counts = vec![vec![0; to.len() + 1]; from.len() + 1];
        Transitions { from, to, counts }
    }

    fn add(&mut self, before: Option<&str>, after: Option<&str>) {
        // A suggestion is always on its rule set's scale (the engine refuses any other label).
        let row = before
            .and_then(|l| self.from.iter().position(|x| x == l))
            .unwrap_or(self.from.len());
        let col = after
            .and_then(|l| self.to.iter().position(|x| x == l))
            .unwrap_or(self.to.len());
        self.counts[row][col] += 1;
    }

    /// Items whose suggestion stayed the same label (judgement required included).
    pub fn unchanged(&self) -> usize {
        let mut n = self.counts[self.from.len()][self.to.len()];
        for (r, label) in self.from.iter().enumerate() {
            if let Some(c) = self.to.iter().position(|l| l == label) {
                n += self.counts[r][c];
            }
        }
        n
    }
}

/// The whole plan evaluated under two rule sets, compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleDiff {
    /// The plan's id.
    pub plan: String,
    /// The fiscal year.
    pub year: FiscalYear,
    /// The base rule set (OLD).
    pub base: RulesUsed,
    /// The new rule set (NEW).
    pub new: RulesUsed,
    /// The base rule set's scale.
    pub base_scale: Scale,
    /// The new rule set's scale.
    pub new_scale: Scale,
    /// How many items were compared.
    pub items: usize,
    /// Where the suggested ratings went.
    pub transitions: Transitions,
    /// Every item whose suggestion or computed effect changed, in item order.
    pub changes: Vec<ItemChange>,
    /// Per policy, in plan order.
    pub policies: Vec<PolicyDiff>,
    /// All items.
    pub total: PolicyDiff,
    /// The unit reports print the effect totals in (the plan's `report_unit`); the amounts
    /// above are 千円.
    pub report_unit: MoneyUnit,
}

impl RuleDiff {
    /// Compares `base` with `new`, two evaluations of `plan` for the same year.
    pub fn new(plan: &Plan, base: &Evaluation, new: &Evaluation) -> Result<RuleDiff, DiffError> {
        if base.plan != new.plan {
            return Err(DiffError::DifferentPlans {
                base: base.plan.clone(),
                new: new.plan.clone(),
            });
        }
        if base.year != new.year {
            return Err(DiffError::DifferentYears {
                base: base.year.to_string(),
                new: new.year.to_string(),
            });
        }
        let side = |ev: &Evaluation| SideTotals::new(&ev.scale);
        let mut policies: Vec<PolicyDiff> = plan
            .policies
            .iter()
            .map(|p| PolicyDiff {
                number: p.number,
                name: p.name.clone(),
                before: side(base),
                after: side(new),
            })
            .collect();
        let mut total = PolicyDiff {
            number: 0,
            name: String::new(),
            before: side(base),
            after: side(new),
        };
        let mut transitions = Transitions::new(&base.scale, &new.scale);
        let mut changes = Vec::new();
        let count = base.items.len().max(new.items.len());
        for i in 0..count {
            let (b, n) = match (base.items.get(i), new.items.get(i)) {
                (Some(b), Some(n)) if b.id == n.id => (b, n),
                (b, n) => {
                    let id = |e: &ItemEvaluation| e.id.to_string();
                    return Err(match (b, n) {
                        (Some(b), Some(n)) => DiffError::DifferentItems {
                            base: id(b),
                            new: id(n),
                        },
                        (Some(b), None) => DiffError::OnlyUnderBase { item: id(b) },
                        (None, n) => DiffError::OnlyUnderNew {
                            item: n.map(id).unwrap_or_default(),
                        },
                    });
                }
            };
            transitions.add(b.suggested.as_deref(), n.suggested.as_deref());
            if let Some(p) = policies.iter_mut().find(|p| p.number == b.policy) {
                p.before.add(b);
                p.after.add(n);
            }
            total.before.add(b);
            total.after.add(n);
            let change = ItemChange {
                id: b.id,
                policy: b.policy,
                title: b.title.clone(),
                recorded: b.recorded.clone(),
                suggested: Change {
                    before: b.suggested.clone(),
                    after: n.suggested.clone(),
                },
                achievement: Change {
                    before: b.achievement,
                    after: n.achievement,
                },
                computed_effect: Change {
                    before: b.computed_effect,
                    after: n.computed_effect,
                },
                explanation: Change {
                    before: b.explanation(),
                    after: n.explanation(),
                },
            };
            if change.suggested.changed() || change.computed_effect.changed() {
                changes.push(change);
            }
        }
        Ok(RuleDiff {
            plan: base.plan.clone(),
            year: base.year,
            base: base.rules.clone(),
            new: new.rules.clone(),
            base_scale: base.scale.clone(),
            new_scale: new.scale.clone(),
            items: count,
            transitions,
            changes,
            policies,
            total,
            report_unit: plan.report_unit,
        })
    }

    /// Whether no suggested rating and no computed effect changed.
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many items' suggested rating changed.
    pub fn suggestions_changed(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.suggested.changed())
            .count()
    }

    /// How many items' computed effect changed.
    pub fn effects_changed(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.computed_effect.changed())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{MemoryRules, RuleSet};
    use crate::evaluation::evaluate;
    use crate::i18n::{Lang, Localize};
    use crate::model::{load_plan_from, MemorySource, SourceFile};

    const PLAN: &str = r#"
id = "t"
name = "テスト計画"
municipality = "テスト市"
years = ["R5", "R6"]

[[policies]]
number = 1
name = "方針一"

[[policies]]
number = 2
name = "方針二"

[[themes]]
number = 1
policy = 1
name = "テーマ一"

[[themes]]
number = 2
policy = 2
name = "テーマ二"
"#;

    fn item(target: &str, actual: &str, rating: &str, effect: &str) -> String {
        format!(
            r#"
title = "項目"
department = "部"
section = "課"
related_sections = []
sheet = true

[indicator]
name = "件数"
unit = "千円"
kind = "higher_better"
baseline = "0"
effect = "{effect}"

[years.R5]
target = "{target}"
actual = "{actual}"
rating = "{rating}"
"#
        )
    }

    fn plan() -> Plan {
        let items = vec![
            SourceFile::new("items/1-1-1.toml", item("100", "110", "A", "value")),
            SourceFile::new("items/1-1-2.toml", item("100", "95", "B", "value")),
            SourceFile::new("items/2-2-1.toml", item("100", "50", "C", "value")),
        ];
        load_plan_from(&MemorySource {
            plan: SourceFile::new("plan.toml", PLAN),
            items,
        })
        .expect("the test plan loads")
    }

    /// A rule set whose rating gives `top` above `a_from`, `mid` from 0.8, `low` below.
    fn rules(name: &str, labels: &[&str], a_from: &str, effect: &str) -> RuleSet {
        let scale: String = labels
            .iter()
            .map(|l| {
                format!("[[scale.ratings]]\nlabel = \"{l}\"\nname = \"{l}\"\nname_en = \"{l}\"\n")
            })
            .collect();
        let rating = format!(
            "fn rating(x, a) {{ if a == () {{ return (); }} if a > {a_from} {{ return \"{}\"; }} if a >= 0.8 {{ return \"{}\"; }} \"{}\" }}",
            labels[0], labels[1], labels[2]
        );
        let kind = format!(
            "fn achievement(x) {{ if x.actual == () {{ return (); }} x.actual / x.target }}\nfn effect(x) {{ {effect} }}"
        );
        RuleSet::load(&MemoryRules {
            name: name.into(),
            files: vec![
                SourceFile::new("ruleset.toml", format!("name = \"{name}\"\n{scale}")),
                SourceFile::new("rating.rhai", rating),
                SourceFile::new("kinds/higher_better.rhai", kind),
            ],
        })
        .expect("the test rules compile")
    }

    fn diff(base: &RuleSet, new: &RuleSet) -> RuleDiff {
        let plan = plan();
        let year = "R5".parse().unwrap();
        let b = evaluate(&plan, base, year).unwrap();
        let n = evaluate(&plan, new, year).unwrap();
        RuleDiff::new(&plan, &b, &n).unwrap()
    }

    #[test]
    fn the_same_rules_change_nothing() {
        let r = rules("old", &["A", "B", "C"], "1", "x.value");
        let d = diff(&r, &r);
        assert!(d.is_unchanged());
        assert_eq!(d.items, 3);
        assert_eq!(d.transitions.unchanged(), 3);
        assert_eq!(
            d.transitions.counts,
            vec![
                vec![1, 0, 0, 0],
                vec![0, 1, 0, 0],
                vec![0, 0, 1, 0],
                vec![0; 4]
            ]
        );
        assert_eq!(d.total.before, d.total.after);
    }

    #[test]
    fn a_moved_band_shows_as_transitions_items_and_totals() {
        let old = rules("old", &["A", "B", "C"], "1", "x.value");
        let new = rules("new", &["A", "B", "C"], "1.2", "x.value");
        let d = diff(&old, &new);
        assert!(!d.is_unchanged());
        // 110% was A (above 100%) and is B under "above 120%".
        assert_eq!(d.transitions.counts[0], vec![0, 1, 0, 0]);
        assert_eq!(d.transitions.unchanged(), 2);
        assert_eq!(d.changes.len(), 1);
        let c = &d.changes[0];
        assert_eq!(c.id.to_string(), "1-1-1");
        assert_eq!(c.recorded.as_deref(), Some("A"));
        assert_eq!(
            (c.suggested.before.as_deref(), c.suggested.after.as_deref()),
            (Some("A"), Some("B"))
        );
        assert!(!c.computed_effect.changed());
        assert_eq!(d.suggestions_changed(), 1);
        assert_eq!(d.effects_changed(), 0);
        let p1 = &d.policies[0];
        assert_eq!(
            (p1.before.suggested.get("A"), p1.before.suggested.get("B")),
            (1, 1)
        );
        assert_eq!(
            (p1.after.suggested.get("A"), p1.after.suggested.get("B")),
            (0, 2)
        );
        assert_eq!(d.policies[1].before, d.policies[1].after);
        assert_eq!(d.base.name, "old");
        assert_eq!(d.new.name, "new");
    }

    #[test]
    fn a_changed_effect_is_a_change_with_both_values() {
        let old = rules("old", &["A", "B", "C"], "1", "x.value");
        let new = rules("new", &["A", "B", "C"], "1", "x.value * 2");
        let d = diff(&old, &new);
        // Every item has its own formula (`value`), which the kind's effect does not override.
        assert!(d.is_unchanged(), "{:?}", d.changes);

        let plan = plan();
        let mut plain = plan.clone();
        for item in &mut plain.items {
            item.indicator.effect = None;
        }
        let year = "R5".parse().unwrap();
        let b = evaluate(&plain, &old, year).unwrap();
        let n = evaluate(&plain, &new, year).unwrap();
        let d = RuleDiff::new(&plain, &b, &n).unwrap();
        assert_eq!(d.effects_changed(), 3);
        assert_eq!(d.suggestions_changed(), 0);
        let c = &d.changes[0];
        assert_eq!(c.computed_effect.before, Some(Decimal::from(110)));
        assert_eq!(c.computed_effect.after, Some(Decimal::from(220)));
        assert_eq!(d.total.before.computed_effect, Decimal::from(255));
        assert_eq!(d.total.after.computed_effect, Decimal::from(510));
        assert_eq!(d.total.after.computed_items, 3);
    }

    #[test]
    fn another_scale_gets_its_own_columns() {
        let old = rules("old", &["A", "B", "C"], "1", "x.value");
        let new = rules("new", &["S", "A", "B"], "1", "x.value");
        let d = diff(&old, &new);
        assert_eq!(d.transitions.from, ["A", "B", "C"]);
        assert_eq!(d.transitions.to, ["S", "A", "B"]);
        // A→S, B→A, C→B: every label moved, though the bands are the same.
        assert_eq!(d.transitions.unchanged(), 0);
        assert_eq!(d.transitions.counts[0][0], 1);
        assert_eq!(d.transitions.counts[1][1], 1);
        assert_eq!(d.transitions.counts[2][2], 1);
        assert_eq!(d.total.after.suggested.get("S"), 1);
        assert!(d.total.after.suggested.not_on_scale.is_empty());
    }

    #[test]
    fn evaluations_of_different_years_are_refused() {
        let r = rules("old", &["A", "B", "C"], "1", "x.value");
        let plan = plan();
        let b = evaluate(&plan, &r, "R5".parse().unwrap()).unwrap();
        let n = evaluate(&plan, &r, "R6".parse().unwrap()).unwrap();
        let e = RuleDiff::new(&plan, &b, &n).unwrap_err();
        assert_eq!(
            e.localize(Lang::En),
            "cannot compare evaluations of different years (R5 and R6)"
        );
        assert_eq!(
            e.localize(Lang::Ja),
            "別の年度の評価どうしは比べられません (R5 と R6)"
        );
        let mut fewer = n.clone();
        fewer.year = b.year;
        fewer.items.pop();
        let e = RuleDiff::new(&plan, &b, &fewer).unwrap_err();
        assert_eq!(
            e.localize(Lang::En),
            "cannot compare evaluations of different items: item 2-2-1 is evaluated under the base rules only"
        );
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
