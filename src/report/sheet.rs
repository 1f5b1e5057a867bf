//! `gyokaku sheet`: one item's 進捗管理シート — texts, indicator, the five years, subtotals.

use super::{year_name, Block, Cell, Document, Field, Lang, List, Section, Table};
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
        lang.pick("年度", "year"),
        lang.pick("目標値", "target"),
        lang.pick("効果見込額", "expected effect"),
        lang.pick("実績値", "actual"),
        lang.pick("実績効果額", "actual effect"),
        lang.pick("評価", "rating"),
    ])
    .figures(&[1, 3]);
    for (year, figures) in year_figures(plan, item) {
        let mut row = vec![year_name(year, lang).into()];
        row.extend(figures);
        t.row(row);
    }
    let mut subtotal = vec![lang.pick("〔小計〕", "subtotal").into()];
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
            lang.pick("基本方針", "Policy"),
            format!("{} {policy}", item.id.policy),
        ),
        Field::text(
            lang.pick("改革の推進項目", "Theme"),
            format!("({}) {theme}", item.id.theme),
        ),
        Field::text(
            lang.pick("取組主管", "Owner"),
            format!("{} {}", item.department, item.section),
        ),
    ];
    if !item.related_sections.is_empty() {
        owner.push(Field::text(
            lang.pick("関連所属", "Related"),
            item.related_sections.join("、"),
        ));
    }
    blocks.push(Block::Fields(owner));
    if !item.sheet {
        blocks.push(Block::Text(
            lang.pick(
                "(この項目には進捗管理シートがありません。【参考①】の内容のみ)",
                "(no progress sheet for this item: only its 【参考①】 row)",
            )
            .into(),
        ));
    }
    for (label_ja, label_en, text) in [
        ("具体的な改善取組内容", "Actions", &item.actions),
        ("現状と課題", "Situation", &item.situation),
        (
            "令和9年度(計画最終年度)において目指す姿",
            "Final goal",
            &item.final_goal,
        ),
    ] {
        if let Some(t) = text {
            let mut s = Section::new(lang.pick(label_ja, label_en));
            s.push(Block::Text(t.clone()));
            blocks.push(s.into());
        }
    }
    let ind = &item.indicator;
    let mut indicator = vec![
        Field::text(lang.pick("指標", "Indicator"), ind.name.clone()),
        Field::text(lang.pick("単位", "unit"), ind.unit.clone()),
        Field::text(lang.pick("種別", "kind"), ind.kind.clone()),
        Field {
            key: lang.pick("現状値", "baseline").into(),
            value: printed(&ind.baseline),
        },
        Field {
            key: lang.pick("最終年度目標値", "final target").into(),
            value: printed(&ind.final_target),
        },
    ];
    if let Some(e) = &ind.effect {
        indicator.push(Field::text(
            lang.pick("効果額の算定式", "effect formula"),
            e.clone(),
        ));
    }
    blocks.push(Block::Fields(indicator));
    blocks.push(years_table(plan, item, lang).into());
    let mut plans = Vec::new();
    for (year, e) in &item.years {
        let yname = year_name(*year, lang);
        for (label, text) in [
            (lang.pick("年次計画", "plan"), &e.plan),
            (lang.pick("取組方針", "policy"), &e.policy),
            (lang.pick("取組実績", "results"), &e.comment),
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
        let mut s = Section::new(lang.pick("原資料の不整合", "Source inconsistencies"));
        s.push(List::bullets(
            item.discrepancies
                .iter()
                .map(|d| format!("{}: {}", d.field, d.text)),
        ));
        blocks.push(s.into());
    }
    if !item.notes.is_empty() {
        let mut s = Section::new(lang.pick("備考", "Notes"));
        s.push(List::bullets(item.notes.iter().cloned()));
        blocks.push(s.into());
    }
    blocks
}

/// An item's sheet. CSV: the years' figures as open data; JSON: the item itself.
pub fn sheet_document(plan: &Plan, item: &Item, lang: Lang) -> Document {
    let mut doc = Document::titled(sheet_title(item));
    doc.blocks = sheet_blocks(plan, item, lang);
    let mut csv = Table::new(&[
        "id",
        "year",
        "target",
        "expected_effect",
        "actual",
        "actual_effect",
        "rating",
    ]);
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
