//! `gyokaku sheet`: one item's 進捗管理シート — texts, indicator, the five years, subtotals.

use super::{year_name, Block, Cell, Document, Field, Lang, List, Section, Table, View};
use crate::i18n::{CsvColumn, Heading, Localize};
use crate::model::{Item, Plan};

/// A sheet's effect: an amount (千円) when the cell holds one, else its text as printed.
fn amount(c: &Option<crate::model::Cell>) -> Cell {
    match c {
        Some(c) => c
            .thousand_yen()
            .map_or_else(|| printed(&Some(c.clone())), Cell::Amount),
        None => Cell::Empty,
    }
}

/// A target or actual as a report prints it: a plain number as a number (so that a workbook
/// can sum it), anything else ("30億円以内", "2(78)", "検討") as the text printed.
pub(super) fn figure(c: Option<&crate::model::Cell>) -> Cell {
    let plain = c
        .and_then(|c| c.value.quantity())
        .filter(|q| q.unit.is_none() && q.bound.is_none() && q.total.is_none() && q.note.is_none());
    match (c, plain) {
        // Only when the number reads exactly as printed ("16.0" stays text).
        (Some(c), Some(q)) if crate::number::format_number(q.amount) == c.text.trim() => {
            Cell::Number(q.amount)
        }
        (c, _) => printed(&c.cloned()),
    }
}

fn printed(c: &Option<crate::model::Cell>) -> Cell {
    match c.as_ref().map(|c| c.text.trim()) {
        None | Some("") => Cell::Empty,
        Some("-") => Cell::None,
        Some(t) => Cell::Text(t.to_string()),
    }
}

/// A recorded rating as the published document prints it, label and name ("A 計画を上回る"),
/// when the plan's scale names it; else the label alone.
pub fn worded_rating(plan: &Plan, label: &str, lang: Lang) -> String {
    match plan.scale.as_ref().and_then(|s| s.get(label)) {
        Some(r) => format!("{} {}", r.label, lang.pick(&r.name, &r.name_en)),
        None => label.to_string(),
    }
}

/// A rating cell: the label (internal view) or the label and its name (published view).
fn rating_cell(plan: &Plan, rating: Option<&String>, view: View, lang: Lang) -> Cell {
    match rating {
        None => Cell::Empty,
        Some(r) if view.is_published() => Cell::Rating(worded_rating(plan, r, lang)),
        Some(r) => Cell::Rating(r.clone()),
    }
}

/// Each year of the plan with its target, expected effect, actual, actual effect and rating.
fn year_figures(
    plan: &Plan,
    item: &Item,
    view: View,
    lang: Lang,
) -> Vec<(crate::model::FiscalYear, Vec<Cell>)> {
    plan.years
        .iter()
        .map(|year| {
            let e = item.year(*year).cloned().unwrap_or_default();
            let value = |c: &Option<crate::model::Cell>| match view {
                View::Published => figure(c.as_ref()),
                View::Internal => printed(c),
            };
            (
                *year,
                vec![
                    value(&e.target),
                    amount(&e.expected_effect),
                    value(&e.actual),
                    amount(&e.actual_effect),
                    rating_cell(plan, e.rating.as_ref(), view, lang),
                ],
            )
        })
        .collect()
}

/// 〔小計〕 in the same columns, with the overall rating.
fn subtotal_figures(plan: &Plan, item: &Item, view: View, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Empty,
        amount(&item.subtotals.expected_effect),
        Cell::Empty,
        amount(&item.subtotals.actual_effect),
        rating_cell(plan, item.overall_rating.as_ref(), view, lang),
    ]
}

/// The sheet's heading: "5(8)③ 市税…".
pub fn sheet_title(item: &Item) -> String {
    format!("{} {}", item.id.japanese(), item.title)
}

/// The five years and the subtotals.
fn years_table(plan: &Plan, item: &Item, view: View, lang: Lang) -> Table {
    let mut t = Table::new(&[
        Heading::Year.localize(lang),
        Heading::Target.localize(lang),
        Heading::ExpectedEffect.localize(lang),
        Heading::Actual.localize(lang),
        Heading::ActualEffect.localize(lang),
        Heading::Rating.localize(lang),
    ])
    .figures(&[1, 3]);
    for (year, figures) in year_figures(plan, item, view, lang) {
        let mut row = vec![year_name(year, lang).into()];
        row.extend(figures);
        t.row(row);
    }
    let mut subtotal = vec![Heading::Subtotal.localize(lang).into()];
    subtotal.extend(subtotal_figures(plan, item, view, lang));
    t.total(subtotal);
    t
}

/// The sheet's content, under its heading. The published view leaves out what only the
/// planning section reads: the indicator's kind and formula, the transcription's notes and the
/// source document's own inconsistencies.
pub fn sheet_blocks(plan: &Plan, item: &Item, view: View, lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    let policy = plan
        .policy(item.id.policy)
        .map(|p| p.name.as_str())
        .unwrap_or_default();
    let theme = plan
        .theme(item.id.theme)
        .map(|t| t.name.as_str())
        .unwrap_or_default();
    let mut owner = vec![
        Field::text(
            Heading::PolicySheet.localize(lang),
            format!("{} {policy}", item.id.policy),
        ),
        Field::text(
            Heading::ThemeSheet.localize(lang),
            format!("({}) {theme}", item.id.theme),
        ),
        Field::text(
            Heading::Owner.localize(lang),
            format!("{} {}", item.department, item.section),
        ),
    ];
    if !item.related_sections.is_empty() {
        owner.push(Field::text(
            Heading::Related.localize(lang),
            item.related_sections.join("、"),
        ));
    }
    blocks.push(Block::Fields(owner));
    if !item.sheet && view.is_internal() {
        blocks.push(Block::Text(Heading::NoProgressSheet.localize(lang)));
    }
    for (label, text) in [
        (Heading::Actions, &item.actions),
        (Heading::Situation, &item.situation),
        (Heading::FinalGoal, &item.final_goal),
    ] {
        if let Some(t) = text {
            let mut s = Section::new(label.localize(lang));
            s.push(Block::Text(t.clone()));
            blocks.push(s.into());
        }
    }
    let ind = &item.indicator;
    let mut indicator = vec![
        Field::text(Heading::IndicatorSheet.localize(lang), ind.name.clone()),
        Field::text(Heading::Unit.localize(lang), ind.unit.clone()),
    ];
    if view.is_internal() {
        indicator.push(Field::text(Heading::Kind.localize(lang), ind.kind.clone()));
    }
    indicator.extend([
        Field {
            key: Heading::Baseline.localize(lang),
            value: printed(&ind.baseline),
        },
        Field {
            key: Heading::FinalTarget.localize(lang),
            value: printed(&ind.final_target),
        },
    ]);
    if let Some(e) = ind.effect.as_ref().filter(|_| view.is_internal()) {
        indicator.push(Field::text(
            Heading::EffectFormula.localize(lang),
            e.clone(),
        ));
    }
    blocks.push(Block::Fields(indicator));
    blocks.push(years_table(plan, item, view, lang).into());
    let mut plans = Vec::new();
    for (year, e) in &item.years {
        let yname = year_name(*year, lang);
        for (label, text) in [
            (Heading::YearPlan.localize(lang), &e.plan),
            (Heading::ItemPolicy.localize(lang), &e.policy),
            (Heading::ItemResults.localize(lang), &e.comment),
        ] {
            if let Some(t) = text {
                plans.push(Field::text(format!("{yname} {label}"), t.clone()));
            }
        }
    }
    if !plans.is_empty() {
        blocks.push(Block::Fields(plans));
    }
    if view.is_published() {
        return blocks;
    }
    if !item.discrepancies.is_empty() {
        let mut s = Section::new(Heading::SourceInconsistencies.localize(lang));
        s.push(List::bullets(
            item.discrepancies
                .iter()
                .map(|d| format!("{}: {}", d.field, d.text)),
        ));
        blocks.push(s.into());
    }
    if !item.notes.is_empty() {
        let mut s = Section::new(Heading::Notes.localize(lang));
        s.push(List::bullets(item.notes.iter().cloned()));
        blocks.push(s.into());
    }
    blocks
}

/// An item's sheet. CSV: the years' figures as open data; JSON: the item itself.
pub fn sheet_document(plan: &Plan, item: &Item, lang: Lang) -> Document {
    let mut doc = Document::titled(sheet_title(item));
    doc.blocks = sheet_blocks(plan, item, View::Internal, lang);
    let mut csv = Table::new(
        &[
            CsvColumn::Id,
            CsvColumn::Year,
            CsvColumn::Target,
            CsvColumn::ExpectedEffect,
            CsvColumn::Actual,
            CsvColumn::ActualEffect,
            CsvColumn::Rating,
        ]
        .map(|c| c.localize(lang)),
    );
    for (year, figures) in year_figures(plan, item, View::Internal, lang) {
        let mut row = vec![item.id.to_string().into(), year.to_string().into()];
        row.extend(figures);
        csv.row(row);
    }
    let mut subtotal = vec![item.id.to_string().into(), "subtotal".into()];
    subtotal.extend(subtotal_figures(plan, item, View::Internal, lang));
    csv.total(subtotal);
    doc.csv = Some(csv);
    doc.json = Some(serde_json::to_value(item).expect("JSON of plain values"));
    doc
}
