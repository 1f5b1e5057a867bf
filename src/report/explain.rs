//! `gyokaku explain`: the full trace of one item's evaluation — what the rules saw (every
//! property of `x`), each rule call with what the script explained and returned, the band the
//! rating fell in, the effect formula, and the recorded rating beside the suggestion.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value as Json};

use super::{year_name, Block, Cell, Document, Field, Lang, List, ListItem, Section, Table};
use crate::engine::{PropertyValue, RuleError, RuleInput, RuleSet, Scale};
use crate::evaluation::{
    computed_effect, evaluate_item, round_amount, rule_input, Agreement, EffectBasis,
    EvaluationText, ItemEvaluation, RulesUsed, TraceStep,
};
use crate::i18n::Localize;
use crate::model::{FiscalYear, Item, Plan};
use crate::number::{format_percent as percent, plain};
use crate::report::messages::Heading;

/// Everything `explain` shows of one item in one year, gathered by the caller.
#[derive(Debug, Clone, Copy)]
pub struct Explanation<'a> {
    /// The item.
    pub item: &'a Item,
    /// What the rules saw: the `x` of `achievement(x)` and `rating(x, a)`.
    pub input: &'a RuleInput,
    /// The item's evaluation, with its trace.
    pub evaluation: &'a ItemEvaluation,
    /// The expected effect (効果見込額) computed from the year's target and rounded to the
    /// thousand yen, with its (unrounded) step, when the item or its kind has an effect formula.
    pub expected: Option<&'a (Decimal, TraceStep)>,
    /// The rule set.
    pub rules: &'a RulesUsed,
    /// Its scale.
    pub scale: &'a Scale,
}

/// A property's value as Rhai would print it in a script: `()`, `1.1`, `"A"`, `true`,
/// `["A", "B"]`; each year of the history by its year, target and actual.
fn rhai(value: PropertyValue) -> String {
    let list = |items: Vec<String>| {
        let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    match value {
        PropertyValue::Text(t) | PropertyValue::MaybeText(Some(t)) => format!("{t:?}"),
        PropertyValue::Number(Some(d)) => plain(d),
        PropertyValue::Flag(Some(b)) => b.to_string(),
        PropertyValue::Index(i) => i.to_string(),
        PropertyValue::Labels(_) | PropertyValue::Years(_) => list(listed(value)),
        PropertyValue::MaybeText(None)
        | PropertyValue::Number(None)
        | PropertyValue::Flag(None) => "()".into(),
    }
}

/// A property's value in JSON: exact decimals as strings, `()` as null.
fn json_of(value: PropertyValue) -> Json {
    match value {
        PropertyValue::Text(t) | PropertyValue::MaybeText(Some(t)) => Json::String(t.into()),
        PropertyValue::Number(Some(d)) => Json::String(plain(d)),
        PropertyValue::Flag(Some(b)) => Json::Bool(b),
        PropertyValue::Index(i) => Json::String(i.to_string()),
        PropertyValue::Labels(_) | PropertyValue::Years(_) => json!(listed(value)),
        PropertyValue::MaybeText(None)
        | PropertyValue::Number(None)
        | PropertyValue::Flag(None) => Json::Null,
    }
}

/// The items of a list property: the labels, or each year as "R5 target 10 actual 12".
fn listed(value: PropertyValue) -> Vec<String> {
    match value {
        PropertyValue::Labels(labels) => labels.to_vec(),
        PropertyValue::Years(years) => years
            .iter()
            .map(|y| {
                let n = |d: Option<Decimal>| d.map_or("()".into(), plain);
                format!("{} target {} actual {}", y.year, n(y.target), n(y.actual))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// "A 計画を上回る", or the label marked as not on the scale.
fn rating_text(label: &str, scale: &Scale, lang: Lang) -> String {
    match scale.get(label) {
        Some(r) => format!("{} {}", r.label, lang.pick(&r.name, &r.name_en)),
        None => format!("{label} ({})", Heading::NotOnThisScale.localize(lang)),
    }
}

/// How the suggestion relates to the recorded rating; a recorded rating off the scale is not
/// comparable.
fn agreement_text(agreement: Agreement, lang: Lang) -> String {
    match agreement {
        Agreement::Agrees => Heading::Agrees.localize(lang),
        Agreement::Differs => Heading::Differs.localize(lang),
        Agreement::JudgementRequired => Heading::RulesLeaveToJudgement.localize(lang),
        Agreement::NotRecorded => Heading::NoRatingRecorded.localize(lang),
        Agreement::NotOnScale => Heading::NotComparableOffScale.localize(lang),
    }
}

/// A step's call: the function as the script declares it, or the item's formula.
fn call_of(step: &TraceStep, item: &Item, achievement: Option<Decimal>) -> String {
    match step.function.as_str() {
        "achievement" => "achievement(x)".into(),
        "rating" => format!(
            "rating(x, {})",
            achievement.map_or_else(|| "()".to_string(), plain)
        ),
        "judge" => "judge(x)".into(),
        "judged" => "judged(x, verdict)".into(),
        "effect" => match &item.indicator.effect {
            Some(expr) => format!("effect = {expr:?}"),
            None => "effect(x)".into(),
        },
        other => other.to_string(),
    }
}

/// Whether a step ran the item's own formula (its note is the formula and its variables, not
/// something a script explained).
fn is_item_formula(step: &TraceStep, item: &Item) -> bool {
    step.function == "effect" && item.indicator.effect.is_some()
}

/// What a call returned, as the trace shows it: a rating quoted, a reading of the text marked
/// when its evidence is weak ("ahead (弱)").
fn step_result(step: &TraceStep, weak: bool, lang: Lang) -> String {
    match step.function.as_str() {
        "rating" | "judged" if step.result != "()" => format!("{:?}", step.result),
        "judge" if weak => format!("{} ({})", step.result, Heading::Weak.localize(lang)),
        _ => step.result.clone(),
    }
}

/// Evaluates `item` of `plan` for `year` under `rules` and makes its trace
/// ([`explain_document`]): what `gyokaku explain` prints and the workbench shows.
pub fn explain_item(
    plan: &Plan,
    item: &Item,
    year: FiscalYear,
    rules: &RuleSet,
    lang: Lang,
) -> Result<Document, RuleError> {
    let evaluation = evaluate_item(plan, item, year, rules)?;
    let input = rule_input(plan, item, year, rules);
    // Rounded as the sheets print it, like the computed actual effect; the step keeps the
    // exact result.
    let expected = computed_effect(plan, item, year, EffectBasis::Target, rules)?
        .map(|(amount, step)| (round_amount(amount), step));
    let used = RulesUsed::of(rules);
    let explanation = Explanation {
        item,
        input: &input,
        evaluation: &evaluation,
        expected: expected.as_ref(),
        rules: &used,
        scale: rules.scale(),
    };
    Ok(explain_document(&explanation, lang))
}

/// The trace of one item: inputs, the rule calls in order, the outcome. CSV: every input,
/// step and outcome as `part, name, value`; JSON: the trace as data.
pub fn explain_document(x: &Explanation, lang: Lang) -> Document {
    let e = x.evaluation;
    let mut inputs_json = Map::new();
    for (property, value) in x.input.properties() {
        inputs_json.insert(property.name.into(), json_of(value));
    }
    let dec = |d: Option<Decimal>| d.map(plain).map_or(Json::Null, Json::String);
    let json = json!({
        "id": e.id.to_string(),
        "title": e.title,
        "year": e.year,
        "kind": e.kind,
        "rules": x.rules,
        "inputs": Json::Object(inputs_json),
        "steps": e.trace,
        "achievement": dec(e.achievement),
        "suggested": e.suggested,
        "recorded": e.recorded,
        "agreement": json!(e.agreement),
        "actual_effect": dec(e.actual_effect),
        "computed_effect": dec(e.computed_effect),
        "expected_effect": dec(e.expected_effect),
        "computed_expected_effect": dec(x.expected.map(|(d, _)| *d)),
        "expected_effect_step": x.expected.map(|(_, s)| s),
    });
    let mut doc = Document::titled(format!(
        "{} {} {} — {}",
        e.id.japanese(),
        e.id,
        e.title,
        year_name(e.year, lang)
    ));
    doc.push(Block::Fields(vec![
        Field::text(
            Heading::Kind.localize(lang),
            format!(
                "{} · {}: {} ({})",
                e.kind,
                Heading::Indicator.localize(lang),
                x.item.indicator.name,
                x.item.indicator.unit
            ),
        ),
        Field::text(
            Heading::Rules.localize(lang),
            format!(
                "{} ({}, sha256 {})",
                x.rules.name, x.rules.location, x.rules.hash
            ),
        ),
    ]));
    let mut csv = Table::new(&[
        Heading::TracePart.localize(lang),
        Heading::TraceName.localize(lang),
        Heading::Value.localize(lang),
    ]);

    // The inputs.
    let mut inputs = Table::new(&[
        Heading::Property.localize(lang),
        Heading::Value.localize(lang),
        Heading::Meaning.localize(lang),
    ])
    .title(Heading::RuleInputTitle.localize(lang));
    for (property, value) in x.input.properties() {
        let name = format!("x.{}", property.name);
        inputs.row(vec![
            name.clone().into(),
            rhai(value).into(),
            property.meaning(lang).into(),
        ]);
        csv.row(vec![
            Heading::TraceInput.localize(lang).into(),
            name.into(),
            rhai(value).into(),
        ]);
    }
    doc.push(inputs);

    // The calls, in order.
    let from_actual = Heading::FromActualComputedEffect.localize(lang);
    let from_target = Heading::FromTargetExpectedEffect.localize(lang);
    let mut steps: Vec<(String, &TraceStep, Vec<String>)> = e
        .trace
        .iter()
        .map(|s| {
            let mut call = call_of(s, x.item, e.achievement);
            if s.function == "effect" {
                call = format!("{call} ({from_actual})");
            }
            (call, s, Vec::new())
        })
        .collect();
    if let Some((_, s)) = x.expected {
        let call = format!("{} ({from_target})", call_of(s, x.item, e.achievement));
        // The kind's effect(x) sees the target's side of x; the item formula's note says so itself.
        let with = if is_item_formula(s, x.item) {
            Vec::new()
        } else {
            vec![format!(
                "x.value = {}, x.previous = {}, x.total = {}",
                rhai(PropertyValue::Number(x.input.target)),
                rhai(PropertyValue::Number(x.input.previous_target)),
                rhai(PropertyValue::Number(x.input.target_total))
            )]
        };
        steps.push((call, s, with));
    }
    let mut list = List {
        ordered: true,
        items: Vec::new(),
    };
    let weak = e.reading.as_ref().is_some_and(|r| r.weak);
    for (n, (call, s, with)) in steps.iter().enumerate() {
        let prefix = if is_item_formula(s, x.item) {
            ""
        } else {
            "explain: "
        };
        let mut details = with.clone();
        details.extend(
            s.notes
                .iter()
                .map(|note| format!("{prefix}{}", note.localize(lang))),
        );
        let returned = step_result(s, weak, lang);
        details.push(format!("→ {returned}"));
        csv.row(vec![
            Heading::TraceStepNumber { n: n + 1 }.localize(lang).into(),
            format!("{call} — {}", s.file).into(),
            returned.into(),
        ]);
        list.items.push(ListItem {
            text: format!("{call} — {}", s.file),
            details,
        });
    }
    let mut calls = Section::new(Heading::RuleCallsTitle.localize(lang));
    calls.push(list);
    doc.push(calls);

    // The outcome, the recorded values beside the computed ones.
    let mut result = Table::new(&[Heading::What.localize(lang), Heading::Value.localize(lang)])
        .title(Heading::Outcome.localize(lang));
    let mut outcome = |name: &str, value: Cell| {
        csv.row(vec![
            Heading::TraceOutcome.localize(lang).into(),
            name.into(),
            value.clone(),
        ]);
        result.row(vec![name.into(), value]);
    };
    outcome(
        &Heading::Achievement.localize(lang),
        e.achievement
            .map_or_else(
                || Heading::NoAchievement.localize(lang),
                |a| format!("{} ({})", percent(a), plain(a)),
            )
            .into(),
    );
    outcome(
        &Heading::Suggested.localize(lang),
        e.suggested
            .as_deref()
            .map_or_else(
                || EvaluationText::JudgementRequired.localize(lang),
                |s| rating_text(s, x.scale, lang),
            )
            .into(),
    );
    outcome(
        &Heading::RecordedRatingNoted.localize(lang),
        e.recorded
            .as_deref()
            .map_or(Cell::None, |r| rating_text(r, x.scale, lang).into()),
    );
    outcome(
        &Heading::SuggestedAgainstRecorded.localize(lang),
        agreement_text(e.agreement, lang).into(),
    );
    outcome(
        &Heading::ActualEffectRecorded.localize(lang),
        Cell::amount_or_none(e.actual_effect),
    );
    outcome(
        &Heading::ComputedEffectThousandYenSpaced.localize(lang),
        Cell::amount_or_none(e.computed_effect),
    );
    outcome(
        &Heading::ExpectedEffectRecorded.localize(lang),
        Cell::amount_or_none(e.expected_effect),
    );
    if let Some((d, _)) = x.expected {
        outcome(
            &Heading::ExpectedEffectFromTarget.localize(lang),
            Cell::Amount(*d),
        );
    }
    doc.push(result);
    doc.csv = Some(csv);
    doc.json = Some(json);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_a_script_sees_them() {
        let x = RuleInput {
            target: Some(Decimal::new(15, 1)),
            bound: Some("<=".into()),
            within_bound: Some(false),
            scale: vec!["A".into(), "B".into()],
            ..RuleInput::default()
        };
        let get = |n: &str| rhai(x.properties().find(|(p, _)| p.name == n).unwrap().1);
        assert_eq!(get("target"), "1.5");
        assert_eq!(get("actual"), "()");
        assert_eq!(get("bound"), "\"<=\"");
        assert_eq!(get("within_bound"), "false");
        assert_eq!(get("recorded"), "()");
        assert_eq!(get("scale"), "[\"A\", \"B\"]");
        assert_eq!(get("target_text"), "\"\"");
    }
}
