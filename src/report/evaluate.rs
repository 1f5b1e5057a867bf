//! `gyokaku evaluate`: one row per item — achievement, suggested and recorded rating, effects.

use serde_json::{json, Value as Json};

use super::{opt_amount, percent, plain, Align, Format, Lang, Table};
use crate::evaluation::{Agreement, Evaluation, ItemEvaluation};

fn agreement_mark(a: Agreement, lang: Lang) -> &'static str {
    match a {
        Agreement::Agrees => "✓",
        Agreement::Differs => "✗",
        Agreement::JudgementRequired => lang.pick("要判断", "judge"),
        Agreement::NotRecorded => "",
        Agreement::NotOnScale => lang.pick("尺度外", "n/a"),
    }
}

fn json_row(e: &ItemEvaluation, ev: &Evaluation) -> Json {
    let dec =
        |d: Option<rust_decimal::Decimal>| d.map(plain).map(Json::String).unwrap_or(Json::Null);
    let text = |c: &Option<crate::model::Cell>| {
        c.as_ref()
            .map(|c| Json::String(c.text.clone()))
            .unwrap_or(Json::Null)
    };
    json!({
        "id": e.id.to_string(),
        "year": e.year.to_string(),
        "kind": e.kind,
        "target": text(&e.target),
        "actual": text(&e.actual),
        "achievement": dec(e.achievement),
        "suggested": e.suggested,
        "recorded": e.recorded,
        "agreement": e.agreement,
        "expected_effect": dec(e.expected_effect),
        "actual_effect": dec(e.actual_effect),
        "computed_effect": dec(e.computed_effect),
        "explanation": e.explanation,
        "rules": ev.rules,
    })
}

/// Renders an evaluation. Every format records the rule set that produced it.
pub fn render_evaluation(ev: &Evaluation, format: Format, lang: Lang) -> String {
    if format == Format::Json {
        let rows: Vec<Json> = ev.items.iter().map(|e| json_row(e, ev)).collect();
        return serde_json::to_string_pretty(&rows).expect("JSON of plain values") + "\n";
    }
    let headers: Vec<&str> = if format == Format::Csv {
        vec![
            "id",
            "year",
            "kind",
            "target",
            "actual",
            "achievement",
            "suggested",
            "recorded",
            "agreement",
            "expected_effect",
            "actual_effect",
            "computed_effect",
            "explanation",
        ]
    } else {
        match lang {
            Lang::Ja => vec![
                "取組",
                "実施項目",
                "種別",
                "目標値",
                "実績値",
                "達成率",
                "提案",
                "評価",
                "一致",
                "効果見込額",
                "実績効果額",
                "算定効果額",
                "説明",
            ],
            Lang::En => vec![
                "id",
                "title",
                "kind",
                "target",
                "actual",
                "achievement",
                "suggested",
                "recorded",
                "agrees",
                "expected",
                "actual effect",
                "computed",
                "explanation",
            ],
        }
    };
    let mut table = Table::new(&headers).align(&[
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
    ]);
    let csv = format == Format::Csv;
    for e in &ev.items {
        let printed =
            |c: &Option<crate::model::Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
        let num = |d: Option<rust_decimal::Decimal>| {
            if csv {
                d.map(plain).unwrap_or_default()
            } else {
                opt_amount(d)
            }
        };
        table.row(vec![
            e.id.to_string(),
            if csv {
                e.year.to_string()
            } else {
                e.title.clone()
            },
            e.kind.clone(),
            printed(&e.target),
            printed(&e.actual),
            e.achievement
                .map(|a| if csv { plain(a) } else { percent(a) })
                .unwrap_or_default(),
            e.suggested
                .clone()
                .unwrap_or_else(|| if csv { String::new() } else { "-".into() }),
            e.recorded.clone().unwrap_or_default(),
            if csv {
                serde_json::to_value(e.agreement)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            } else {
                agreement_mark(e.agreement, lang).to_string()
            },
            num(e.expected_effect),
            num(e.actual_effect),
            num(e.computed_effect),
            e.explanation.clone(),
        ]);
    }
    let title = format!(
        "{} {} — {}",
        ev.plan,
        match lang {
            Lang::Ja => ev.year.japanese(),
            Lang::En => ev.year.english(),
        },
        lang.pick("評価結果", "evaluation")
    );
    if csv {
        // The rule set that produced each row travels with it.
        table
            .headers
            .extend(["rules".to_string(), "rules_sha256".to_string()]);
        for row in &mut table.rows {
            row.extend([ev.rules.name.clone(), ev.rules.hash.clone()]);
        }
        return table.render(format);
    }
    let mut out = table.title(title).render(format);
    out.push_str(&format!(
        "{}: {}\n",
        lang.pick("ルール", "rules"),
        ev.rules.short()
    ));
    out
}
