//! `gyokaku list`: the 【参考①】取組項目一覧 — the year's items grouped by 基本方針 and
//! 改革の推進項目, numbered ①②③ as the document numbers them, with 取組内容.

use serde_json::{json, Map, Value as Json};

use super::sheet::figure;
use super::{with_unit, year_name, Block, Cell, Document, Field, Lang, Section, Table, View};
use crate::evaluation::{Evaluation, ItemEvaluation};
use crate::i18n::Localize;
use crate::model::{circled, Item, Plan};
use crate::report::messages::{CsvColumn, Heading};

/// The columns of CSV (named in the reader's language) and the keys of JSON (their stable
/// [`key`](CsvColumn::key)s), in order.
pub const COLUMNS: [CsvColumn; 16] = [
    CsvColumn::Id,
    CsvColumn::Policy,
    CsvColumn::Theme,
    CsvColumn::ItemNumber,
    CsvColumn::Title,
    CsvColumn::Indicator,
    CsvColumn::Unit,
    CsvColumn::Rating,
    CsvColumn::Target,
    CsvColumn::Actual,
    CsvColumn::ExpectedEffect,
    CsvColumn::ActualEffect,
    CsvColumn::Department,
    CsvColumn::Section,
    CsvColumn::Suggested,
    CsvColumn::Comment,
];

/// The position of the recorded rating ("rating") in [`COLUMNS`].
const RATING: usize = 7;

/// One item's values, as the document prints them: the year's from its evaluation, and what
/// the evaluation does not carry (the indicator's name, the owner, the year's comment) from
/// the item.
struct Line<'a> {
    item: &'a Item,
    values: Vec<Option<String>>,
}

fn lines<'a>(plan: &'a Plan, ev: &'a Evaluation) -> Vec<(Line<'a>, &'a ItemEvaluation)> {
    ev.items
        .iter()
        .filter_map(|e| {
            let item = plan.item(e.id)?;
            let text = |c: &Option<crate::model::Cell>| c.as_ref().map(|c| c.text.clone());
            Some((
                Line {
                    item,
                    values: vec![
                        Some(e.id.to_string()),
                        Some(e.policy.to_string()),
                        Some(e.theme.to_string()),
                        Some(e.id.number.to_string()),
                        Some(e.title.clone()),
                        Some(item.indicator.name.clone()),
                        Some(e.unit.clone()),
                        e.recorded.clone(),
                        text(&e.target),
                        text(&e.actual),
                        e.expected_effect.map(crate::number::plain),
                        e.actual_effect.map(crate::number::plain),
                        item.department.clone(),
                        Some(item.section.clone()),
                        e.suggested.clone(),
                        item.year(ev.year).and_then(|y| y.comment.clone()),
                    ],
                },
                e,
            ))
        })
        .collect()
}

/// The table of one theme's items, as the document's 【参考①】 prints it; the internal view
/// adds the rules' suggestion.
fn theme_table(
    lines: &[&(Line, &ItemEvaluation)],
    ev: &Evaluation,
    view: View,
    lang: Lang,
) -> Table {
    let unit = ev.report_unit;
    let mut headers = vec![
        Heading::ItemNumber.localize(lang),
        Heading::ItemName.localize(lang),
        Heading::IndicatorContent.localize(lang),
        Heading::Unit.localize(lang),
        Heading::RatingStatus.localize(lang),
        Heading::WhatWasDone.localize(lang),
        Heading::TargetValue.localize(lang),
        Heading::ActualValue.localize(lang),
        with_unit(Heading::ExpectedShort.localize(lang), unit, lang),
        with_unit(Heading::ActualEffectShort.localize(lang), unit, lang),
        Heading::Department.localize(lang),
        Heading::Section.localize(lang),
    ];
    if view.is_internal() {
        headers.push(Heading::Suggested.localize(lang));
    }
    let mut t = Table::new(&headers).wrap(&[1, 2, 5]).figures(&[6, 7, 8, 9]);
    for (line, e) in lines {
        let item = line.item;
        let rating = match &e.recorded {
            Some(r) if ev.recorded_scale.get(r).is_none() => {
                Cell::Text(format!("{r} ({})", Heading::NotOnThisScale.localize(lang)))
            }
            Some(r) => Cell::Rating(r.clone()),
            None => Cell::None,
        };
        let printed = |i: usize| Cell::text_or_none(line.values[i].clone());
        let mut row = vec![
            circled(e.id.number).into(),
            e.title.clone().into(),
            item.indicator.name.clone().into(),
            e.unit.clone().into(),
            rating,
            printed(15),
            figure(e.target.as_ref()),
            figure(e.actual.as_ref()),
            Cell::amount_in(unit, e.expected_effect),
            Cell::amount_in(unit, e.actual_effect),
            Cell::text_or_none(item.department.clone()),
            item.section.clone().into(),
        ];
        if view.is_internal() {
            row.push(e.suggested.clone().map_or(Cell::None, Cell::Rating));
        }
        t.row(row);
    }
    t
}

/// The 【参考①】 list as sections: one per 基本方針, one per 改革の推進項目 within it.
pub fn list_sections(plan: &Plan, ev: &Evaluation, view: View, lang: Lang) -> Vec<Section> {
    let lines = lines(plan, ev);
    let mut sections = Vec::new();
    for policy in &plan.policies {
        let mut ps = Section::new(format!("{} {}", policy.number, policy.name));
        for theme in plan.themes.iter().filter(|t| t.policy == policy.number) {
            let of_theme: Vec<&(Line, &ItemEvaluation)> = lines
                .iter()
                .filter(|(_, e)| e.policy == policy.number && e.theme == theme.number)
                .collect();
            if of_theme.is_empty() {
                continue;
            }
            let mut ts = Section::new(format!("{} {}", circled(theme.number), theme.name));
            ts.push(theme_table(&of_theme, ev, view, lang));
            ps.push(ts);
        }
        if !ps.blocks.is_empty() {
            sections.push(ps);
        }
    }
    sections
}

/// The list's heading: "【参考①】取組項目一覧 — 令和5年度".
pub fn list_title(ev: &Evaluation, lang: Lang) -> String {
    format!(
        "{} — {}",
        Heading::ItemListTitle.localize(lang),
        year_name(ev.year, lang)
    )
}

/// The list. CSV: one row per item, plain numbers; JSON: the same rows as objects, with
/// `rating_on_scale` false for a recorded rating not on the plan's scale (never mapped onto it).
pub fn list_document(plan: &Plan, ev: &Evaluation, lang: Lang) -> Document {
    let lines = lines(plan, ev);
    let mut doc = Document::titled(list_title(ev, lang));
    for s in list_sections(plan, ev, View::Internal, lang) {
        doc.push(s);
    }
    doc.push(Block::Fields(vec![Field::text(
        Heading::Rules.localize(lang),
        ev.rules.short(),
    )]));

    let mut csv = Table::new(&COLUMNS.map(|c| c.localize(lang)));
    for (l, _) in &lines {
        csv.row(
            l.values
                .iter()
                .map(|v| v.clone().map_or(Cell::Empty, Cell::Text))
                .collect(),
        );
    }
    doc.csv = Some(csv);

    let off_scale = |r: &Option<String>| {
        r.as_deref()
            .is_some_and(|r| ev.recorded_scale.get(r).is_none())
    };
    let rows: Vec<Json> = lines
        .iter()
        .map(|(l, _)| {
            let mut m = Map::new();
            for (k, v) in COLUMNS.iter().zip(&l.values) {
                m.insert(k.key(), v.clone().map(Json::String).unwrap_or(Json::Null));
            }
            let rating = &l.values[RATING];
            m.insert(
                "rating_on_scale".into(),
                rating
                    .as_ref()
                    .map_or(Json::Null, |_| Json::Bool(!off_scale(rating))),
            );
            m.insert("rules".into(), json!(ev.rules));
            Json::Object(m)
        })
        .collect();
    doc.json = Some(Json::Array(rows));
    doc
}
