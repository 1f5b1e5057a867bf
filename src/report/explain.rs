//! `gyokaku explain`: the full trace of one item's evaluation — what the rules saw (every
//! property of `x`), each rule call with what the script explained and returned, the band the
//! rating fell in, the effect formula, and the recorded rating beside the suggestion.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value as Json};

use super::{year_name, Block, Cell, Document, Field, Lang, List, ListItem, Section, Table};
use crate::engine::{RuleInput, Scale};
use crate::evaluation::{Agreement, ItemEvaluation, RulesUsed, TraceStep};
use crate::model::Item;
use crate::number::{format_percent as percent, plain};

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

/// A property's value as a rule script sees it.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    /// `()`: the document gives nothing.
    Unit,
    Number(Decimal),
    Text(String),
    Bool(bool),
    List(Vec<String>),
}

impl Shown {
    fn num(d: Option<Decimal>) -> Self {
        d.map_or(Shown::Unit, Shown::Number)
    }

    fn text(s: &Option<String>) -> Self {
        s.clone().map_or(Shown::Unit, Shown::Text)
    }

    /// As Rhai would print it in a script: `()`, `1.1`, `"A"`, `true`, `["A", "B"]`.
    fn rhai(&self) -> String {
        match self {
            Shown::Unit => "()".into(),
            Shown::Number(d) => plain(*d),
            Shown::Text(s) => format!("{s:?}"),
            Shown::Bool(b) => b.to_string(),
            Shown::List(l) => format!(
                "[{}]",
                l.iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// JSON: exact decimals as strings, `()` as null.
    fn json(&self) -> Json {
        match self {
            Shown::Unit => Json::Null,
            Shown::Number(d) => Json::String(plain(*d)),
            Shown::Text(s) => Json::String(s.clone()),
            Shown::Bool(b) => Json::Bool(*b),
            Shown::List(l) => json!(l),
        }
    }
}

/// Every property of `x`, in the order of [`crate::engine::PROPERTIES`].
fn properties(x: &RuleInput) -> Vec<(&'static str, Shown)> {
    vec![
        ("id", Shown::Text(x.id.clone())),
        ("title", Shown::Text(x.title.clone())),
        ("kind", Shown::Text(x.kind.clone())),
        ("indicator", Shown::Text(x.indicator.clone())),
        ("unit", Shown::Text(x.unit.clone())),
        ("year", Shown::Text(x.year.clone())),
        ("target", Shown::num(x.target)),
        ("actual", Shown::num(x.actual)),
        ("baseline", Shown::num(x.baseline)),
        ("final_target", Shown::num(x.final_target)),
        ("previous", Shown::num(x.previous)),
        ("previous_target", Shown::num(x.previous_target)),
        ("bound", Shown::text(&x.bound)),
        (
            "within_bound",
            x.within_bound.map_or(Shown::Unit, Shown::Bool),
        ),
        ("target_text", Shown::Text(x.target_text.clone())),
        ("actual_text", Shown::Text(x.actual_text.clone())),
        ("baseline_text", Shown::Text(x.baseline_text.clone())),
        (
            "final_target_text",
            Shown::Text(x.final_target_text.clone()),
        ),
        ("plan", Shown::Text(x.plan.clone())),
        ("comment", Shown::Text(x.comment.clone())),
        ("target_total", Shown::num(x.target_total)),
        ("actual_total", Shown::num(x.actual_total)),
        ("expected_effect", Shown::num(x.expected_effect)),
        ("actual_effect", Shown::num(x.actual_effect)),
        ("recorded", Shown::text(&x.recorded)),
        ("value", Shown::num(x.value)),
        ("total", Shown::num(x.total)),
        ("scale", Shown::List(x.scale.clone())),
        (
            "history",
            Shown::List(
                x.history
                    .iter()
                    .map(|y| {
                        let n = |d: Option<Decimal>| d.map_or("()".into(), plain);
                        format!("{} target {} actual {}", y.year, n(y.target), n(y.actual))
                    })
                    .collect(),
            ),
        ),
        (
            "year_index",
            Shown::Number(Decimal::from(x.year_index as u64)),
        ),
        (
            "target_sum",
            Shown::num(x.this_year().and_then(|y| y.target_sum)),
        ),
        (
            "actual_sum",
            Shown::num(x.this_year().and_then(|y| y.actual_sum)),
        ),
        (
            "expected_effect_sum",
            Shown::num(x.this_year().and_then(|y| y.expected_effect_sum)),
        ),
        (
            "actual_effect_sum",
            Shown::num(x.this_year().and_then(|y| y.actual_effect_sum)),
        ),
    ]
}

/// What a property means, for the inputs table.
fn meaning(property: &str, lang: Lang) -> &'static str {
    let (ja, en) = match property {
        "id" => ("取組", "item id"),
        "title" => ("実施項目名", "item title"),
        "kind" => ("指標の種別", "indicator kind"),
        "indicator" => ("指標", "indicator"),
        "unit" => ("単位", "unit"),
        "year" => ("年度", "fiscal year"),
        "target" => ("目標値", "the year's target"),
        "actual" => ("実績値", "the year's actual"),
        "baseline" => ("指標の現状値", "baseline"),
        "final_target" => ("計画最終年度の目標値", "final year's target"),
        "previous" => (
            "前年度の実績値 (初年度は現状値)",
            "previous actual (baseline in the first year)",
        ),
        "previous_target" => (
            "前年度の目標値 (初年度は現状値)",
            "previous target (baseline in the first year)",
        ),
        "bound" => ("目標の範囲 (以内・未満…)", "bound written with the target"),
        "within_bound" => ("実績が範囲内か", "whether the actual keeps the bound"),
        "target_text" => ("目標値 (表記どおり)", "target as printed"),
        "actual_text" => ("実績値 (表記どおり)", "actual as printed"),
        "baseline_text" => ("指標の現状値 (表記どおり)", "baseline as printed"),
        "final_target_text" => (
            "計画最終年度の目標値 (表記どおり)",
            "final year's target as printed",
        ),
        "plan" => ("年次計画 (その年度の取組)", "the year's planned actions"),
        "comment" => ("取組実績 (所属のコメント)", "the year's comment"),
        "target_total" => ("目標値の括弧内の累計", "bracketed total of the target"),
        "actual_total" => ("実績値の括弧内の累計", "bracketed total of the actual"),
        "expected_effect" => ("効果見込額 (千円)", "expected effect (thousand yen)"),
        "actual_effect" => ("実績効果額 (千円)", "actual effect (thousand yen)"),
        "recorded" => ("評価 (記録)", "recorded rating"),
        "value" => ("effect(x) の値 (実績値)", "value for effect(x): the actual"),
        "total" => ("value の括弧内の累計", "bracketed total of value"),
        "scale" => ("評価の尺度", "the scale's labels"),
        "history" => (
            "初年度から当該年度までの各年度 (目標値・実績値・効果額・累計)",
            "each year from the first to this one: targets, actuals, effects, totals",
        ),
        "year_index" => (
            "history 内の当該年度の位置",
            "this year's position in history",
        ),
        "target_sum" => ("目標値の累計 (初年度から)", "running total of targets"),
        "actual_sum" => ("実績値の累計 (初年度から)", "running total of actuals"),
        "expected_effect_sum" => (
            "効果見込額の累計 (千円)",
            "running total of expected effects",
        ),
        "actual_effect_sum" => ("実績効果額の累計 (千円)", "running total of actual effects"),
        _ => ("", ""),
    };
    lang.pick(ja, en)
}

/// "A 計画を上回る", or the label marked as not on the scale.
fn rating_text(label: &str, scale: &Scale, lang: Lang) -> String {
    match scale.get(label) {
        Some(r) => format!("{} {}", r.label, lang.pick(&r.name, &r.name_en)),
        None => format!("{label} ({})", lang.pick("尺度外", "not on this scale")),
    }
}

/// How the suggestion relates to the recorded rating; a recorded rating off the scale is not
/// comparable.
fn agreement_text(agreement: Agreement, lang: Lang) -> &'static str {
    match agreement {
        Agreement::Agrees => lang.pick("一致", "agrees"),
        Agreement::Differs => lang.pick("不一致", "differs"),
        Agreement::JudgementRequired => lang.pick(
            "ルールは判断を求めています",
            "the rules leave it to judgement",
        ),
        Agreement::NotRecorded => lang.pick("評価の記録なし", "no rating recorded"),
        Agreement::NotOnScale => lang.pick(
            "比較できません (記録された評価がこの尺度にありません)",
            "not comparable (the recorded rating is not on this scale)",
        ),
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

fn step_result(step: &TraceStep) -> String {
    match step.function.as_str() {
        "rating" | "judged" if step.result != "()" => format!("{:?}", step.result),
        _ => step.result.clone(),
    }
}

/// The trace of one item: inputs, the rule calls in order, the outcome. CSV: every input,
/// step and outcome as `part, name, value`; JSON: the trace as data.
pub fn explain_document(x: &Explanation, lang: Lang) -> Document {
    let e = x.evaluation;
    let props = properties(x.input);
    let mut inputs_json = Map::new();
    for (name, v) in &props {
        inputs_json.insert((*name).into(), v.json());
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
            lang.pick("種別", "kind"),
            format!(
                "{} · {}: {} ({})",
                e.kind,
                lang.pick("指標", "indicator"),
                x.item.indicator.name,
                x.item.indicator.unit
            ),
        ),
        Field::text(
            lang.pick("ルール", "rules"),
            format!(
                "{} ({}, sha256 {})",
                x.rules.name, x.rules.location, x.rules.hash
            ),
        ),
    ]));
    let mut csv = Table::new(&["part", "name", "value"]);

    // The inputs.
    let mut inputs = Table::new(&[
        lang.pick("プロパティ", "property"),
        lang.pick("値", "value"),
        lang.pick("意味", "meaning"),
    ])
    .title(lang.pick("ルールへの入力 (x)", "What the rules see (x)"));
    for (name, v) in &props {
        inputs.row(vec![
            format!("x.{name}").into(),
            v.rhai().into(),
            meaning(name, lang).into(),
        ]);
        csv.row(vec![
            "input".into(),
            format!("x.{name}").into(),
            v.rhai().into(),
        ]);
    }
    doc.push(inputs);

    // The calls, in order.
    let from_actual = lang.pick(
        "実績値から: 算定効果額",
        "from the actual: the computed effect",
    );
    let from_target = lang.pick(
        "目標値から: 効果見込額",
        "from the target: the expected effect",
    );
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
                Shown::num(x.input.target).rhai(),
                Shown::num(x.input.previous_target).rhai(),
                Shown::num(x.input.target_total).rhai()
            )]
        };
        steps.push((call, s, with));
    }
    let mut list = List {
        ordered: true,
        items: Vec::new(),
    };
    for (n, (call, s, with)) in steps.iter().enumerate() {
        let prefix = if is_item_formula(s, x.item) {
            ""
        } else {
            "explain: "
        };
        let mut details = with.clone();
        details.extend(s.notes.iter().map(|note| format!("{prefix}{note}")));
        details.push(format!("→ {}", step_result(s)));
        csv.row(vec![
            format!("step {}", n + 1).into(),
            format!("{call} — {}", s.file).into(),
            step_result(s).into(),
        ]);
        list.items.push(ListItem {
            text: format!("{call} — {}", s.file),
            details,
        });
    }
    let mut calls = Section::new(lang.pick("ルールの実行経過", "The rule calls, in order"));
    calls.push(list);
    doc.push(calls);

    // The outcome, the recorded values beside the computed ones.
    let mut result = Table::new(&[lang.pick("項目", "what"), lang.pick("値", "value")])
        .title(lang.pick("結果", "Outcome"));
    let mut outcome = |name: &str, value: Cell| {
        csv.row(vec!["outcome".into(), name.into(), value.clone()]);
        result.row(vec![name.into(), value]);
    };
    outcome(
        lang.pick("達成率", "achievement"),
        e.achievement
            .map_or_else(
                || {
                    lang.pick(
                        "なし (数値では判断できない)",
                        "none (the numbers cannot tell)",
                    )
                    .to_string()
                },
                |a| format!("{} ({})", percent(a), plain(a)),
            )
            .into(),
    );
    outcome(
        lang.pick("提案", "suggested"),
        e.suggested
            .as_deref()
            .map_or_else(
                || lang.pick("要判断", "judgement required").into(),
                |s| rating_text(s, x.scale, lang),
            )
            .into(),
    );
    outcome(
        lang.pick("評価 (記録)", "recorded"),
        e.recorded
            .as_deref()
            .map_or(Cell::None, |r| rating_text(r, x.scale, lang).into()),
    );
    outcome(
        lang.pick("提案と評価", "suggested against recorded"),
        agreement_text(e.agreement, lang).into(),
    );
    outcome(
        lang.pick(
            "実績効果額 (記録, 千円)",
            "actual effect (recorded, thousand yen)",
        ),
        Cell::amount_or_none(e.actual_effect),
    );
    outcome(
        lang.pick("算定効果額 (千円)", "computed effect (thousand yen)"),
        Cell::amount_or_none(e.computed_effect),
    );
    outcome(
        lang.pick(
            "効果見込額 (記録, 千円)",
            "expected effect (recorded, thousand yen)",
        ),
        Cell::amount_or_none(e.expected_effect),
    );
    if let Some((d, _)) = x.expected {
        outcome(
            lang.pick(
                "効果見込額 (目標値から算定, 千円)",
                "expected effect (from the target, thousand yen)",
            ),
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
    fn every_property_a_script_can_read_is_shown() {
        let names: Vec<&str> = properties(&RuleInput::default())
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, crate::engine::PROPERTIES);
        for n in names {
            assert!(!meaning(n, Lang::Ja).is_empty(), "{n} has a meaning");
            assert!(!meaning(n, Lang::En).is_empty(), "{n} has a meaning");
        }
    }

    #[test]
    fn values_read_as_a_script_sees_them() {
        let x = RuleInput {
            target: Some(Decimal::new(15, 1)),
            bound: Some("<=".into()),
            within_bound: Some(false),
            scale: vec!["A".into(), "B".into()],
            ..RuleInput::default()
        };
        let p = properties(&x);
        let get = |n: &str| p.iter().find(|(k, _)| *k == n).unwrap().1.rhai();
        assert_eq!(get("target"), "1.5");
        assert_eq!(get("actual"), "()");
        assert_eq!(get("bound"), "\"<=\"");
        assert_eq!(get("within_bound"), "false");
        assert_eq!(get("recorded"), "()");
        assert_eq!(get("scale"), "[\"A\", \"B\"]");
        assert_eq!(get("target_text"), "\"\"");
    }
}
