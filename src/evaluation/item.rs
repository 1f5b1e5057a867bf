//! Evaluating one item for one fiscal year under a rule set.

use std::sync::Arc;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::engine::cell::{self, CellKind};
use crate::engine::{
    CallSite, Effect, EffectBasis, Formula, Reading, RuleError, RuleInput, RuleSet, SheetCells,
    YearCells,
};
use crate::i18n::{Lang, Localize, Text};
use crate::model::{Cell, FiscalYear, Item, ItemId, Plan, YearEntry};

crate::i18n::messages! {
    /// Words of an item's evaluation that reports use too.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EvaluationText {
        /// report/agreement.rs, report/diff.rs, report/explain.rs, report/summary.rs: "judgement required".
        JudgementRequired =>
            ja: "要判断",
            en: "judgement required";
    }
}

/// How the suggested rating relates to the recorded one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Suggested and recorded ratings are the same.
    Agrees,
    /// They differ.
    Differs,
    /// The rules leave the rating to judgement.
    JudgementRequired,
    /// No rating is recorded for the year.
    NotRecorded,
    /// The recorded rating is on another scale than the rule set's (the plan records A–D, the
    /// rules suggest S/A/B/C), or not a label of the rule set's scale: the two cannot be compared.
    NotOnScale,
}

/// One step of an item's evaluation, for `gyokaku explain`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceStep {
    /// The rule file (or item file, for the item's formula).
    pub file: String,
    /// The function: `achievement`, `rating`, `effect`.
    pub function: String,
    /// What the script explained, in order (each line in both languages when the script gave
    /// both).
    pub notes: Vec<Text>,
    /// What it returned, as text ("1.1", "A", "()").
    pub result: String,
}

/// An item's evaluation for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemEvaluation {
    /// The item.
    pub id: ItemId,
    /// Its policy (基本方針).
    pub policy: u32,
    /// Its theme (改革の推進項目).
    pub theme: u32,
    /// 実施項目名.
    pub title: String,
    /// The fiscal year.
    pub year: FiscalYear,
    /// The indicator kind the rule was chosen by.
    pub kind: String,
    /// The indicator's unit.
    pub unit: String,
    /// The year's target, as printed.
    pub target: Option<Cell>,
    /// The year's actual, as printed.
    pub actual: Option<Cell>,
    /// Achievement (1 = exactly on plan), where the numbers give one.
    pub achievement: Option<Decimal>,
    /// The rating the rules suggest; `None` when judgement is required.
    pub suggested: Option<String>,
    /// When the numbers could not tell: the rules' reading of the year's planned actions and
    /// comment (verdict, weak evidence, the evidence), which the suggestion rests on.
    pub reading: Option<Reading>,
    /// The rating recorded on the sheet.
    pub recorded: Option<String>,
    /// How the two relate.
    pub agreement: Agreement,
    /// 効果見込額 (千円).
    pub expected_effect: Option<Decimal>,
    /// 実績効果額 (千円) as recorded.
    pub actual_effect: Option<Decimal>,
    /// The actual effect computed from the item's formula (or the kind's), rounded to 千円.
    pub computed_effect: Option<Decimal>,
    /// Whether the sheet has the year's results (a rating, an actual or an actual effect):
    /// sums measure the actual against what was expected of the items that have them.
    #[serde(skip)]
    pub has_results: bool,
    /// Every rule call, in order.
    pub trace: Vec<TraceStep>,
}

impl ItemEvaluation {
    /// One line: kind, values, band; in Japanese and in English. Put together from the trace
    /// when asked for, since most runs (a summary) never show it.
    pub fn explanation(&self) -> Text {
        // Every step's lines but the effect's.
        let notes: Vec<&Text> = (self.trace.iter().filter(|s| s.function != "effect"))
            .flat_map(|s| &s.notes)
            .collect();
        let rating_notes: &[Text] = (self.trace.iter())
            .find(|s| s.function == "rating" || s.function == "judged")
            .map_or(&[], |s| &s.notes);
        let line = |lang| {
            one_line(
                &self.kind,
                &notes,
                self.suggested.as_deref(),
                rating_notes,
                lang,
            )
        };
        Text::both(line(Lang::Ja), line(Lang::En))
    }
}

/// The one-line explanation in `lang`: the kind, what the rules explained, and the suggested
/// rating unless the rating's own lines already end on it.
fn one_line(
    kind: &str,
    notes: &[&Text],
    suggested: Option<&str>,
    rating_notes: &[Text],
    lang: Lang,
) -> String {
    let said: Vec<String> = notes.iter().map(|n| n.localize(lang)).collect();
    let mut line = format!("{kind}: {}", said.join("; "));
    match suggested {
        None => {
            let judge = EvaluationText::JudgementRequired.localize(lang);
            if !line.ends_with(&judge) {
                line.push_str(&format!(" → {judge}"));
            }
        }
        Some(s) => {
            let arrow = format!("→ {s}");
            if !rating_notes
                .iter()
                .any(|t| t.localize(lang).contains(&arrow))
            {
                line.push_str(&format!(" {arrow}"));
            }
        }
    }
    line
}

/// Rounds an amount to the thousand yen as the sheets print it.
pub fn round_amount(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// A plan's item in one fiscal year: where a plan's cells are read from.
#[derive(Debug, Clone, Copy)]
pub struct ItemYear<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The item.
    pub item: &'a Item,
    /// The fiscal year.
    pub year: FiscalYear,
    /// The item's row for the year, when its sheet has one.
    pub entry: Option<&'a YearEntry>,
}

impl<'a> ItemYear<'a> {
    /// `item` of `plan` in `year`.
    pub fn new(plan: &'a Plan, item: &'a Item, year: FiscalYear) -> Self {
        ItemYear {
            plan,
            item,
            year,
            entry: item.year(year),
        }
    }

    /// A cell of the previous year's row; the baseline in the plan's first year.
    pub fn before(&self, cell: fn(&'a YearEntry) -> Option<&'a Cell>) -> Option<&'a Cell> {
        if self.plan.years.first() == Some(&self.year) {
            return self.item.indicator.baseline.as_ref();
        }
        let previous = self.year.previous()?;
        self.item.year(previous).and_then(cell)
    }

    /// The item in each of the plan's years before this one, in order.
    fn earlier(self) -> impl Iterator<Item = ItemYear<'a>> {
        (self.plan.years.iter())
            .take_while(move |y| **y < self.year)
            .map(move |y| ItemYear::new(self.plan, self.item, *y))
    }
}

/// Makes how a plan fills the sheet's cells from [`crate::engine::sheet_cells!`]: each cell as
/// the declaration says a plan gives it.
macro_rules! plan_cells {
    (
        cells { $( $(#[$m:meta])* $name:ident : $kind:ident = $from:expr; )* }
        row { $( $(#[$rm:meta])* $row:ident : $rkind:ident = $rfrom:expr; )* }
    ) => {
        /// The cells of `item`'s sheet the rules read for `year`: the year's row, the rows of
        /// the plan's years before it, and the previous year's figures (the baseline in the
        /// plan's first year).
        pub fn sheet_cells<'a>(plan: &'a Plan, item: &'a Item, year: FiscalYear) -> SheetCells<'a> {
            let p = ItemYear::new(plan, item, year);
            SheetCells {
                $( $name: {
                    let from: fn(ItemYear<'a>) -> <cell::$kind as CellKind>::Ref<'a> = $from;
                    from(p)
                }, )*
                earlier: p.earlier().map(year_cells).collect(),
            }
        }

        /// The row of a plan's item in a year.
        fn year_cells(p: ItemYear<'_>) -> YearCells<'_> {
            YearCells {
                $( $row: {
                    let from: fn(ItemYear<'_>) -> <cell::$rkind as CellKind>::Ref<'_> = $rfrom;
                    from(p)
                }, )*
            }
        }
    };
}

crate::engine::sheet_cells!(plan_cells);

/// Builds what the rules see of `item` in `year`.
pub fn rule_input(plan: &Plan, item: &Item, year: FiscalYear, rules: &RuleSet) -> RuleInput {
    sheet_cells(plan, item, year).rule_input(rules.scale())
}

/// The item's own effect formula, compiled (once per item: every year and both bases use it).
pub fn item_formula(item: &Item, rules: &RuleSet) -> Result<Option<Formula>, RuleError> {
    let Some(expr) = &item.indicator.effect else {
        return Ok(None);
    };
    let file = item.source.locate("indicator.effect");
    rules.compile_formula(expr, &file).map(Some)
}

fn effect_step(effect: Effect) -> (Decimal, TraceStep) {
    let step = TraceStep {
        file: effect.file,
        function: "effect".into(),
        notes: effect.notes,
        result: effect.value.normalize().to_string(),
    };
    (effect.value, step)
}

/// Computes an item's effect for a year from its formula (or the kind's `effect`), unrounded.
/// `Ok(None)` when there is no formula or the value is not a number.
pub fn computed_effect(
    plan: &Plan,
    item: &Item,
    year: FiscalYear,
    basis: EffectBasis,
    rules: &RuleSet,
) -> Result<Option<(Decimal, TraceStep)>, RuleError> {
    let formula = item_formula(item, rules)?;
    let input = Arc::new(rule_input(plan, item, year, rules));
    let at = CallSite {
        item: Some(&input.id),
        year: &input.year,
    };
    Ok(rules
        .effect(&input, basis, formula.as_ref(), at)?
        .map(effect_step))
}

fn show(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string())
        .unwrap_or_else(|| "()".into())
}

/// The scale the plan's recorded ratings are on: its own, or else the rule set's.
pub fn recorded_scale<'a>(plan: &'a Plan, rules: &'a RuleSet) -> &'a crate::model::Scale {
    plan.scale.as_ref().unwrap_or(rules.scale())
}

/// Whether recorded ratings can be compared with the rules' suggestions: both scales have the
/// same labels in the same order.
pub fn recorded_comparable(plan: &Plan, rules: &RuleSet) -> bool {
    recorded_scale(plan, rules).comparable_with(rules.scale())
}

/// Whether suggestions can be compared with the recorded ratings at all: the same scale, or
/// one whose relation to the recorded scale the rule set declares (`[[scale.relations]]`).
pub fn recorded_relates(plan: &Plan, rules: &RuleSet) -> bool {
    rules.scale().relates_to(recorded_scale(plan, rules))
}

/// How a suggestion of the rules relates to the rating recorded on the sheet (a year's, or the
/// overall rating of the period). It is compared on the recorded scale: itself when the scales
/// are the same, through the rule set's declared relation when they differ.
pub fn agreement_of(
    plan: &Plan,
    rules: &RuleSet,
    suggested: Option<&str>,
    recorded: Option<&str>,
) -> Agreement {
    let on_recorded = recorded_scale(plan, rules);
    match (suggested, recorded) {
        (_, None) => Agreement::NotRecorded,
        (_, Some(r)) if !recorded_relates(plan, rules) || on_recorded.get(r).is_none() => {
            Agreement::NotOnScale
        }
        (None, Some(_)) => Agreement::JudgementRequired,
        (Some(s), Some(r)) if rules.scale().read_on(s, on_recorded) == Some(r) => Agreement::Agrees,
        _ => Agreement::Differs,
    }
}

/// Evaluates one item for one year.
pub fn evaluate_item(
    plan: &Plan,
    item: &Item,
    year: FiscalYear,
    rules: &RuleSet,
) -> Result<ItemEvaluation, RuleError> {
    let formula = item_formula(item, rules)?;
    evaluate_item_with(plan, item, formula.as_ref(), year, rules)
}

/// Evaluates one item for one year with its formula compiled already ([`item_formula`]).
pub fn evaluate_item_with(
    plan: &Plan,
    item: &Item,
    formula: Option<&Formula>,
    year: FiscalYear,
    rules: &RuleSet,
) -> Result<ItemEvaluation, RuleError> {
    let outcome = rule_outcome(plan, item, formula, year, rules)?;
    Ok(item_evaluation(plan, item, year, rules, outcome))
}

/// What the rules give for an item and year: everything of its [`ItemEvaluation`] that is not
/// the plan's own. A function of the plan and the rule set alone (a rule sees nothing else), so
/// it can be stored with them (`stored.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RuleOutcome {
    #[serde(with = "crate::model::exact::option")]
    achievement: Option<Decimal>,
    suggested: Option<String>,
    reading: Option<Reading>,
    #[serde(with = "crate::model::exact::option")]
    computed_effect: Option<Decimal>,
    trace: Vec<TraceStep>,
}

/// Runs the rules for one item and year.
pub(crate) fn rule_outcome(
    plan: &Plan,
    item: &Item,
    formula: Option<&Formula>,
    year: FiscalYear,
    rules: &RuleSet,
) -> Result<RuleOutcome, RuleError> {
    // A kind the rule set lacks is the item's mistake (a typo in its file), named there.
    if let Some(problem) = rules.unknown_kind(&item.indicator.kind) {
        return Err(RuleError::UnknownKind {
            at: item.source.locate("indicator.kind"),
            problem,
        });
    }
    // Built once and shared: every rule call and the effect read the same input.
    let input = Arc::new(rule_input(plan, item, year, rules));
    let at = CallSite {
        item: Some(&input.id),
        year: &input.year,
    };
    let mut trace = Vec::new();
    let achievement = rules.achievement(&input, at)?;
    trace.push(TraceStep {
        file: rules.kind_file(&input.kind).unwrap_or_default().to_string(),
        function: "achievement".into(),
        notes: achievement.trace,
        result: show(achievement.value),
    });
    let suggestion = rules.suggest(&input, achievement.value, at)?;
    let mut reading = None;
    if let Some(out) = suggestion.reading {
        trace.push(TraceStep {
            file: rules.judgement_file().unwrap_or_default().to_string(),
            function: "judge".into(),
            notes: out.trace,
            result: out
                .value
                .as_ref()
                .map(|r| r.verdict.clone())
                .unwrap_or_else(|| "()".into()),
        });
        reading = out.value;
    }
    let rating = suggestion.rating;
    trace.push(TraceStep {
        file: rules.rating_file().to_string(),
        function: suggestion.rated_by.into(),
        notes: rating.trace,
        result: rating.value.clone().unwrap_or_else(|| "()".into()),
    });
    let computed = rules
        .effect(&input, EffectBasis::Actual, formula, at)?
        .map(effect_step);
    let computed_effect = computed.as_ref().map(|(d, _)| round_amount(*d));
    if let Some((_, step)) = computed {
        trace.push(step);
    }
    Ok(RuleOutcome {
        achievement: achievement.value,
        suggested: rating.value,
        reading,
        computed_effect,
        trace,
    })
}

/// An item's evaluation for `year`: what the rules gave (`outcome`), the sheet's own figures,
/// and how the suggestion relates to the recorded rating.
pub(crate) fn item_evaluation(
    plan: &Plan,
    item: &Item,
    year: FiscalYear,
    rules: &RuleSet,
    outcome: RuleOutcome,
) -> ItemEvaluation {
    let entry = item.year(year);
    let recorded = entry.and_then(|e| e.rating.clone());
    let agreement = agreement_of(
        plan,
        rules,
        outcome.suggested.as_deref(),
        recorded.as_deref(),
    );
    ItemEvaluation {
        id: item.id,
        policy: item.id.policy,
        theme: item.id.theme,
        title: item.title.clone(),
        year,
        kind: item.indicator.kind.clone(),
        unit: item.indicator.unit.clone(),
        target: entry.and_then(|e| e.target.clone()),
        actual: entry.and_then(|e| e.actual.clone()),
        achievement: outcome.achievement,
        suggested: outcome.suggested,
        reading: outcome.reading,
        recorded,
        agreement,
        expected_effect: entry
            .and_then(|e| e.expected_effect.as_ref())
            .and_then(Cell::thousand_yen),
        actual_effect: entry
            .and_then(|e| e.actual_effect.as_ref())
            .and_then(Cell::thousand_yen),
        computed_effect: outcome.computed_effect,
        has_results: entry.is_some_and(|e| e.has_results()),
        trace: outcome.trace,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::plan_with_item;

    const ITEM: &str = r#"
title = "市債"
department = "企画部"
section = "財政課"
sheet = true
[indicator]
name = "予算における市債の発行額"
unit = "千円"
kind = "upper_bound"
baseline = "2(70)"
[years.R5]
target = "30億円以内"
actual = "12.6億円"
[years.R6]
target = "2(78)"
actual = "3(79)"
"#;

    fn rules() -> RuleSet {
        RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap()
    }

    #[test]
    fn inputs_scale_units_and_carry_previous_values() {
        let plan = plan_with_item("5-10-1", ITEM);
        let rules = rules();
        let item = &plan.items[0];
        let d = |s: &str| Some(Decimal::from_str_exact(s).unwrap());

        let r5 = rule_input(&plan, item, FiscalYear::reiwa(5), &rules);
        assert_eq!(r5.target, d("3000000"), "30億円 in 千円");
        assert_eq!(r5.actual, d("1260000"));
        assert_eq!(r5.bound.as_deref(), Some("<="));
        assert_eq!(r5.within_bound, Some(true));
        assert_eq!(r5.previous, d("2"), "the baseline in the first year");
        assert_eq!(r5.target_text, "30億円以内");

        let r6 = rule_input(&plan, item, FiscalYear::reiwa(6), &rules);
        assert_eq!(r6.previous, d("1260000"), "last year's actual");
        assert_eq!(r6.previous_target, d("3000000"), "last year's target");
        assert_eq!((r6.target_total, r6.actual_total), (d("78"), d("79")));
        assert_eq!(r6.within_bound, None);

        let ev = evaluate_item(&plan, item, FiscalYear::reiwa(5), &rules).unwrap();
        assert_eq!(ev.suggested.as_deref(), Some("A"));
        assert_eq!(ev.agreement, Agreement::NotRecorded);
        assert!(
            ev.explanation()
                .en
                .starts_with("upper_bound: actual 12.6億円 keeps the limit 30億円以内"),
            "{}",
            ev.explanation()
        );
    }

    #[test]
    fn rules_see_every_year_so_far_with_running_totals() {
        let item = r#"
title = "健診"
department = "d"
section = "s"
sheet = true
[indicator]
name = "受診者数"
unit = "人"
kind = "higher_better"
[years.R5]
target = "100"
actual = "120人"
expected_effect = "1百万円"
actual_effect = "1,500"
[years.R6]
target = "150"
actual = "140"
"#;
        let plan = plan_with_item("5-10-1", item);
        let d = |s: &str| Some(Decimal::from_str_exact(s).unwrap());
        let r5 = rule_input(&plan, &plan.items[0], FiscalYear::reiwa(5), &rules());
        assert_eq!((r5.history.len(), r5.year_index), (1, 0));
        let r6 = rule_input(&plan, &plan.items[0], FiscalYear::reiwa(6), &rules());
        assert_eq!((r6.history.len(), r6.year_index), (2, 1));
        let (first, this) = (&r6.history[0], &r6.history[1]);
        assert_eq!(
            (first.year.as_str(), first.actual_text.as_str()),
            ("R5", "120人")
        );
        assert_eq!(first.expected_effect, d("1000"), "1百万円 in 千円");
        assert_eq!((this.target_sum, this.actual_sum), (d("250"), d("260")));
        assert_eq!(
            this.expected_effect_sum, None,
            "R6 gives no expected effect"
        );
        assert_eq!(r6.this_year(), Some(this));
    }

    #[test]
    fn a_script_reads_the_history() {
        let rules = crate::engine::testing::memory_rules(
            "fn rating(x, a) { () }",
            "progress",
            r#"fn achievement(x) {
                let first = x.history[0];
                explain(`${first.year}: ${first.actual_text}`);
                x.actual_sum / x.target_sum
            }"#,
        )
        .unwrap();
        let item = r#"
title = "t"
department = "d"
section = "s"
sheet = true
[indicator]
name = "n"
unit = "件"
kind = "progress"
[years.R5]
target = "10"
actual = "12"
[years.R6]
target = "10"
actual = "6"
"#;
        let plan = plan_with_item("5-10-1", item);
        let ev = evaluate_item(&plan, &plan.items[0], FiscalYear::reiwa(6), &rules).unwrap();
        assert_eq!(ev.achievement, Decimal::from_str_exact("0.9").ok());
        assert!(
            ev.explanation().en.contains("R5: 12"),
            "{:?}",
            ev.explanation()
        );
    }

    #[test]
    fn rounding_to_the_thousand_yen() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(round_amount(d("9483.35")), d("9483"));
        assert_eq!(round_amount(d("-15173.5")), d("-15174"));
        assert_eq!(round_amount(d("0.5")), d("1"));
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
