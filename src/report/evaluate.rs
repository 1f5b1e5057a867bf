//! `gyokaku evaluate`: one row per item — achievement, suggested and recorded rating, effects.

use serde_json::{json, Value as Json};

use super::{with_unit, year_name, Block, Cell, Document, Field, Lang, Table};
use crate::evaluation::{Agreement, Evaluation, ItemEvaluation};
use crate::i18n::Localize;
use crate::number::plain;
use crate::report::messages::{CsvColumn, CsvValue, Heading};

/// How suggestion and record relate, as open data writes it: 一致, 不一致 … or the JSON codes
/// (`agrees`, `differs` …) in English.
pub(super) fn agreement_value(a: Agreement, lang: Lang) -> String {
    match a {
        Agreement::Agrees => CsvValue::Agrees,
        Agreement::Differs => CsvValue::Differs,
        Agreement::JudgementRequired => CsvValue::JudgementRequired,
        Agreement::NotRecorded => CsvValue::NotRecorded,
        Agreement::NotOnScale => CsvValue::NotOnScale,
    }
    .localize(lang)
}

fn agreement_mark(a: Agreement, lang: Lang) -> String {
    match a {
        Agreement::Agrees => "✓".into(),
        Agreement::Differs => "✗".into(),
        Agreement::JudgementRequired => Heading::JudgeShort.localize(lang),
        Agreement::NotRecorded => String::new(),
        Agreement::NotOnScale => Heading::NotOnScaleShort.localize(lang),
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
        // The year as the plan writes it (平成20年度), and its short key (H20).
        "year": e.year.as_written(Lang::Ja),
        "year_key": e.year.to_string(),
        "kind": e.kind,
        "target": text(&e.target),
        "actual": text(&e.actual),
        "achievement": dec(e.achievement),
        "suggested": e.suggested,
        "reading": e.reading,
        "recorded": e.recorded,
        "agreement": e.agreement,
        "expected_effect": dec(e.expected_effect),
        "actual_effect": dec(e.actual_effect),
        "computed_effect": dec(e.computed_effect),
        "explanation": e.explanation(),
        "rules": ev.rules,
    })
}

/// An evaluation: one row per item. CSV names the rule set on every row; JSON too.
pub fn evaluation_document(ev: &Evaluation, lang: Lang) -> Document {
    let unit = ev.report_unit;
    let mut headers = [
        Heading::ItemId,
        Heading::ItemTitle,
        Heading::Kind,
        Heading::Target,
        Heading::Actual,
        Heading::Achievement,
        Heading::Suggested,
        Heading::RecordedRating,
        Heading::Agrees,
        Heading::ExpectedColumn,
        Heading::ActualEffect,
        Heading::ComputedColumn,
        Heading::Explanation,
    ]
    .map(|h| h.localize(lang));
    // The amounts are printed in the plan's report unit, and say so.
    for h in &mut headers[9..12] {
        *h = with_unit(std::mem::take(h), unit, lang);
    }
    let printed = |c: &Option<crate::model::Cell>| {
        c.as_ref()
            .map_or(Cell::Empty, |c| Cell::Text(c.text.clone()))
    };
    let rating = |r: &Option<String>| r.clone().map_or(Cell::Empty, Cell::Rating);
    let mut table = Table::new(&headers).wrap(&[1, 12]).figures(&[3, 4]);
    let mut csv = Table::new(
        &[
            CsvColumn::Id,
            CsvColumn::Year,
            CsvColumn::Kind,
            CsvColumn::Target,
            CsvColumn::Actual,
            CsvColumn::Achievement,
            CsvColumn::Suggested,
            CsvColumn::Recorded,
            CsvColumn::Agreement,
            CsvColumn::ExpectedEffect,
            CsvColumn::ActualEffect,
            CsvColumn::ComputedEffect,
            CsvColumn::Explanation,
            CsvColumn::Rules,
            CsvColumn::RulesSha256,
        ]
        .map(|c| c.localize(lang)),
    );
    for e in &ev.items {
        table.row(vec![
            e.id.to_string().into(),
            e.title.clone().into(),
            e.kind.clone().into(),
            printed(&e.target),
            printed(&e.actual),
            e.achievement.map_or(Cell::Empty, Cell::Percent),
            match &e.suggested {
                None => Cell::None,
                Some(_) => super::agreement::suggested_cell(e, lang),
            },
            rating(&e.recorded),
            agreement_mark(e.agreement, lang).into(),
            Cell::amount_in(unit, e.expected_effect),
            Cell::amount_in(unit, e.actual_effect),
            Cell::amount_in(unit, e.computed_effect),
            e.explanation().localize(lang).into(),
        ]);
        csv.row(vec![
            e.id.to_string().into(),
            e.year.to_string().into(),
            e.kind.clone().into(),
            printed(&e.target),
            printed(&e.actual),
            e.achievement.map_or(Cell::Empty, Cell::Number),
            rating(&e.suggested),
            rating(&e.recorded),
            agreement_value(e.agreement, lang).into(),
            // Open data: 千円 for every plan, so that the rows of many plans add up.
            Cell::amount_or_none(e.expected_effect),
            Cell::amount_or_none(e.actual_effect),
            Cell::amount_or_none(e.computed_effect),
            e.explanation().localize(lang).into(),
            ev.rules.name.clone().into(),
            ev.rules.hash.clone().into(),
        ]);
    }
    let title = format!(
        "{} {} — {}",
        ev.plan,
        year_name(ev.year, lang),
        Heading::Evaluation.localize(lang)
    );
    let mut doc = Document::titled(title);
    doc.push(table);
    doc.push(Block::Fields(vec![Field::text(
        Heading::Rules.localize(lang),
        ev.rules.short(),
    )]));
    doc.csv = Some(csv);
    doc.json = Some(Json::Array(
        ev.items.iter().map(|e| json_row(e, ev)).collect(),
    ));
    doc
}
