//! `gyokaku sheet`: one item's 進捗管理シート — texts, indicator, the five years, subtotals.

use super::{year_name, Block, Cell, Document, Field, Lang, List, Section, Table};
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

fn printed(c: &Option<crate::model::Cell>) -> Cell {
    match c.as_ref().map(|c| c.text.trim()) {
        None | Some("") => Cell::Empty,
        Some("-") => Cell::None,
        Some(t) => Cell::Text(t.to_string()),
    }
}

/// Each year of the plan with its target, expected effect, actual, actual effect and rating.
fn year_figures(plan: &Plan, item: &Item) -> Vec<(crate::model::FiscalYear, Vec<Cell>)> {
    plan.years
        .iter()
        .map(|year| {
            let e = item.year(*year).cloned().unwrap_or_default();
            (
                *year,
                vec![
                    printed(&e.target),
                    amount(&e.expected_effect),
                    printed(&e.actual),
                    amount(&e.actual_effect),
                    e.rating.map_or(Cell::Empty, Cell::Rating),
                ],
            )
        })
        .collect()
}

/// 〔小計〕 in the same columns, with the overall rating.
fn subtotal_figures(item: &Item) -> Vec<Cell> {
    vec![
        Cell::Empty,
        amount(&item.subtotals.expected_effect),
        Cell::Empty,
        amount(&item.subtotals.actual_effect),
        item.overall_rating
            .clone()
            .map_or(Cell::Empty, Cell::Rating),
    ]
}

/// The sheet's heading: "5(8)③ 市税…".
pub fn sheet_title(item: &Item) -> String {
    format!("{} {}", item.id.japanese(), item.title)
}

/// The five years and the subtotals.
fn years_table(plan: &Plan, item: &Item, lang: Lang) -> Table {
    let mut t = Table::new(&[
        Heading::Year.localize(lang),
        Heading::Target.localize(lang),
        Heading::ExpectedEffect.localize(lang),
        Heading::Actual.localize(lang),
        Heading::ActualEffect.localize(lang),
        Heading::Rating.localize(lang),
    ])
    .figures(&[1, 3]);
    for (year, figures) in year_figures(plan, item) {
        let mut row = vec![year_name(year, lang).into()];
        row.extend(figures);
        t.row(row);
    }
    let mut subtotal = vec![Heading::Subtotal.localize(lang).into()];
    subtotal.extend(subtotal_figures(item));
    t.total(subtotal);
    t
}

/// The sheet's content, under its heading.
pub fn sheet_blocks(plan: &Plan, item: &Item, lang: Lang) -> Vec<Block> {
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
    if !item.sheet {
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
        Field::text(Heading::Kind.localize(lang), ind.kind.clone()),
        Field {
            key: Heading::Baseline.localize(lang),
            value: printed(&ind.baseline),
        },
        Field {
            key: Heading::FinalTarget.localize(lang),
            value: printed(&ind.final_target),
        },
    ];
    if let Some(e) = &ind.effect {
        indicator.push(Field::text(
            Heading::EffectFormula.localize(lang),
            e.clone(),
        ));
    }
    blocks.push(Block::Fields(indicator));
    blocks.push(years_table(plan, item, lang).into());
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
    doc.blocks = sheet_blocks(plan, item, lang);
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
    for (year, figures) in year_figures(plan, item) {
        let mut row = vec![item.id.to_string().into(), year.to_string().into()];
        row.extend(figures);
        csv.row(row);
    }
    let mut subtotal = vec![item.id.to_string().into(), "subtotal".into()];
    subtotal.extend(subtotal_figures(item));
    csv.total(subtotal);
    doc.csv = Some(csv);
    doc.json = Some(serde_json::to_value(item).expect("JSON of plain values"));
    doc
}
