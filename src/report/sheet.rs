//! `gyokaku sheet`: one item's 進捗管理シート — texts, indicator, the five years, subtotals;
//! and the official sheet as the document lays it out (a [`Form`]: the header block, 具体的な
//! 改善取組内容, 現状と課題, the year's policy beside 目指す姿, 指標, each year's 年次計画 beside its
//! target, expected effect, actual, actual effect and rating, 〔小計〕 and 全期間総合評価).

use super::{
    with_unit, year_name, Block, Cell, Document, Field, Form, FormCell, FormRow, Lang, List,
    Section, Table, View,
};
use crate::i18n::Localize;
use crate::model::{Item, MoneyUnit, Plan};
use crate::report::messages::{CsvColumn, Heading};

pub use messages::SheetText;

// The templates' list is read by the tests only.
#[allow(dead_code)]
mod messages {
    crate::i18n::messages! {
        /// The labels of the official 進捗管理シート.
        #[derive(Debug, Clone)]
        pub enum SheetText {
            /// Above the grid.
            FormTitle { plan: String } =>
                ja: "{plan} 実施項目・進捗管理シート",
                en: "{plan}: progress sheet of an implementation item";
            /// 基本方針.
            Policy =>
                ja: "基本方針",
                en: "Basic policy";
            /// 改革の推進項目.
            Theme =>
                ja: "改革の推進項目",
                en: "Reform theme";
            /// 実施項目.
            Item =>
                ja: "実施項目",
                en: "Implementation item";
            /// The owner, as the sheet brackets it.
            Owner { owner: String } =>
                ja: "【{owner}】",
                en: "[{owner}]";
            /// 関連所属.
            Related { sections: String } =>
                ja: "〔関連所属；{sections}〕",
                en: "(related: {sections})";
            /// 具体的な改善取組内容.
            Actions =>
                ja: "具体的な改善取組内容",
                en: "Actions";
            /// 現状と課題.
            Situation =>
                ja: "現状と課題",
                en: "Situation and issues";
            /// The year's policy.
            YearPolicy { year: String } =>
                ja: "{year}の取組方針・取組内容",
                en: "Policy and actions for {year}";
            /// 目指す姿.
            FinalGoal { year: String } =>
                ja: "{year}（計画最終年度）において目指す姿",
                en: "What {year} (the plan's final year) aims at";
            /// 指標.
            Indicator =>
                ja: "指標（行動/成果）",
                en: "Indicator (action/outcome)";
            /// 単位.
            Unit =>
                ja: "単位",
                en: "Unit";
            /// 指標の現状値.
            Baseline =>
                ja: "指標の現状値",
                en: "Baseline";
            /// 計画最終年度の目標値.
            FinalTarget =>
                ja: "計画最終年度の目標値",
                en: "Target for the final year";
            /// 年度.
            Year =>
                ja: "年度",
                en: "Year";
            /// The heading over the years' plans.
            PlanHeader { unit: String } =>
                ja: "年次計画：[上段]定量的な成果指標の目標値／[下段]効果見込額({unit})",
                en: "Annual plan: [upper] the indicator's target / [lower] expected effect ({unit})";
            /// The heading over the years' results.
            ResultsHeader { unit: String } =>
                ja: "取組実績：[上段]定量的な成果指標の実績値／[下段]実績効果額({unit})",
                en: "Results: [upper] the indicator's actual / [lower] actual effect ({unit})";
            /// 評価.
            Rating =>
                ja: "評価",
                en: "Rating";
            /// 〔小計〕効果見込額.
            SubtotalExpected { unit: String } =>
                ja: "〔小計〕効果見込額({unit})",
                en: "[Subtotal] expected effect ({unit})";
            /// 〔小計〕実績効果額.
            SubtotalActual { unit: String } =>
                ja: "〔小計〕実績効果額({unit})",
                en: "[Subtotal] actual effect ({unit})";
            /// 全期間総合評価.
            Overall =>
                ja: "全期間総合評価",
                en: "Overall rating of the period";
            /// The heading over the amendments of published results.
            Amendments =>
                ja: "公表後の訂正",
                en: "Amendments after publication";
            /// An amended actual.
            AmendedActual =>
                ja: "実績値",
                en: "actual";
            /// An amended actual effect.
            AmendedActualEffect =>
                ja: "実績効果額",
                en: "actual effect";
            /// An amended rating.
            AmendedRating =>
                ja: "評価",
                en: "rating";
            /// An amended 取組実績.
            AmendedComment =>
                ja: "取組実績",
                en: "comment";
            /// One amendment.
            Amendment { year: String, field: String, old: String, new: String, date: String, reason: String } =>
                ja: "{year} {field}: {old} → {new} ({date}、理由: {reason})",
                en: "{year} {field}: {old} → {new} ({date}; reason: {reason})";
        }
    }
}

/// A sheet's effect: an amount in `unit` when the cell holds one, else its text as printed.
fn amount(unit: MoneyUnit, c: &Option<crate::model::Cell>) -> Cell {
    match c {
        Some(c) => match c.thousand_yen() {
            Some(d) => Cell::amount_in(unit, Some(d)),
            None => printed(&Some(c.clone())),
        },
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

/// Each year of the plan with its target, expected effect, actual, actual effect and rating;
/// the effects in `unit`.
fn year_figures(
    plan: &Plan,
    item: &Item,
    view: View,
    lang: Lang,
    unit: MoneyUnit,
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
                    amount(unit, &e.expected_effect),
                    value(&e.actual),
                    amount(unit, &e.actual_effect),
                    rating_cell(plan, e.rating.as_ref(), view, lang),
                ],
            )
        })
        .collect()
}

/// 〔小計〕 in the same columns, with the overall rating.
fn subtotal_figures(
    plan: &Plan,
    item: &Item,
    view: View,
    lang: Lang,
    unit: MoneyUnit,
) -> Vec<Cell> {
    vec![
        Cell::Empty,
        amount(unit, &item.subtotals.expected_effect),
        Cell::Empty,
        amount(unit, &item.subtotals.actual_effect),
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
        with_unit(
            Heading::ExpectedEffect.localize(lang),
            plan.report_unit,
            lang,
        ),
        Heading::Actual.localize(lang),
        with_unit(Heading::ActualEffect.localize(lang), plan.report_unit, lang),
        Heading::Rating.localize(lang),
    ])
    .figures(&[1, 3]);
    for (year, figures) in year_figures(plan, item, view, lang, plan.report_unit) {
        let mut row = vec![year_name(year, lang).into()];
        row.extend(figures);
        t.row(row);
    }
    let mut subtotal = vec![Heading::Subtotal.localize(lang).into()];
    subtotal.extend(subtotal_figures(plan, item, view, lang, plan.report_unit));
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
        Field::text(Heading::Owner.localize(lang), item.owner()),
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
    if view.is_internal() {
        blocks.extend(review_notes(item, lang));
    }
    blocks
}

/// What only the planning section reads of an item: its reviews of the ratings, published
/// results amended afterwards, the source document's inconsistencies and the transcription's
/// notes.
fn review_notes(item: &Item, lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(reviews) = super::review::item_reviews_section(item, lang) {
        blocks.push(reviews.into());
    }
    if !item.amendments.is_empty() {
        let mut s = Section::new(SheetText::Amendments.localize(lang));
        s.push(List::bullets(item.amendments.iter().map(|a| {
            SheetText::Amendment {
                year: year_name(a.year, lang),
                field: field_label(&a.field, lang),
                old: a.old.clone().unwrap_or_else(|| "-".into()),
                new: a.new.clone(),
                date: a.date.clone(),
                reason: a.reason.clone(),
            }
            .localize(lang)
        })));
        blocks.push(s.into());
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

/// A year's field of an item file as the sheet names it: 実績値, 実績効果額, 評価, 取組実績.
fn field_label(field: &str, lang: Lang) -> String {
    match field {
        "actual" => SheetText::AmendedActual,
        "actual_effect" => SheetText::AmendedActualEffect,
        "rating" => SheetText::AmendedRating,
        "comment" => SheetText::AmendedComment,
        other => return other.to_string(),
    }
    .localize(lang)
}

/// The columns of the official sheet's grid: 年度 | 年次計画 (two) | target and expected effect |
/// 評価 | rating and 取組実績 (two) | actual and actual effect.
const FORM_WIDTHS: [u16; 8] = [13, 21, 21, 11, 7, 14, 14, 11];

/// The item's official 進捗管理シート as the document lays it out, for the formats that draw
/// a grid; the others print `sheet_blocks`. The internal view adds the indicator's kind and
/// formula and the review notes under the grid.
pub fn official_sheet(plan: &Plan, item: &Item, view: View, lang: Lang) -> Block {
    let t = |m: SheetText| m.localize(lang);
    let unit = || plan.report_unit.in_lang(lang).to_string();
    let label = |col, span, m: SheetText| FormCell::label(col, span, m.localize(lang));
    let text = |col, span, v: &Option<String>| {
        FormCell::value(col, span, v.clone().map_or(Cell::Empty, Cell::Text))
    };
    let mut rows: Vec<Vec<FormCell>> = Vec::new();
    let policy = plan.policy(item.id.policy).map_or("", |p| p.name.as_str());
    let theme = plan.theme(item.id.theme).map_or("", |p| p.name.as_str());
    rows.push(vec![
        label(0, 1, SheetText::Policy),
        FormCell::value(1, 2, format!("{} {policy}", item.id.policy)),
        label(3, 2, SheetText::Theme),
        FormCell::value(5, 3, format!("({}) {theme}", item.id.theme)),
    ]);
    let mut owner = t(SheetText::Owner {
        owner: item.owner(),
    });
    if !item.related_sections.is_empty() {
        owner.push_str(&t(SheetText::Related {
            sections: item.related_sections.join("、"),
        }));
    }
    rows.push(vec![
        label(0, 1, SheetText::Item),
        FormCell::value(
            1,
            4,
            format!("{} {}", crate::model::circled(item.id.number), item.title),
        ),
        FormCell::value(5, 3, owner),
    ]);
    rows.push(vec![
        label(0, 1, SheetText::Actions),
        text(1, 7, &item.actions),
    ]);
    rows.push(vec![
        label(0, 1, SheetText::Situation),
        text(1, 7, &item.situation),
    ]);
    // The year the sheet was drawn up for: the one with 取組方針 (else the plan's first).
    let (policy_year, year_policy) = match item
        .years
        .iter()
        .find_map(|(y, e)| e.policy.clone().map(|p| (*y, p)))
    {
        Some((y, p)) => (Some(y), Some(p)),
        None => (plan.years.first().copied(), None),
    };
    let name =
        |y: Option<&crate::model::FiscalYear>| y.map_or_else(String::new, |y| year_name(*y, lang));
    let last_year = name(plan.years.last());
    rows.push(vec![
        label(
            0,
            4,
            SheetText::YearPolicy {
                year: name(policy_year.as_ref()),
            },
        ),
        label(4, 4, SheetText::FinalGoal { year: last_year }),
    ]);
    rows.push(vec![text(0, 4, &year_policy), text(4, 4, &item.final_goal)]);
    let ind = &item.indicator;
    rows.push(vec![
        label(0, 1, SheetText::Indicator),
        FormCell::value(1, 4, ind.name.clone()),
        label(5, 1, SheetText::Unit),
        FormCell::value(6, 2, ind.unit.clone()),
    ]);
    rows.push(vec![
        label(0, 1, SheetText::Baseline),
        FormCell::value(1, 2, figure(ind.baseline.as_ref())),
        label(3, 3, SheetText::FinalTarget),
        FormCell::value(6, 2, figure(ind.final_target.as_ref())),
    ]);
    rows.push(vec![
        label(0, 1, SheetText::Year),
        label(1, 3, SheetText::PlanHeader { unit: unit() }),
        label(4, 4, SheetText::ResultsHeader { unit: unit() }),
    ]);
    for year in &plan.years {
        let e = item.year(*year).cloned().unwrap_or_default();
        rows.push(vec![
            FormCell::value(0, 1, year_name(*year, lang)).tall(2),
            text(1, 2, &e.plan).tall(2),
            FormCell::value(3, 1, figure(e.target.as_ref())),
            label(4, 1, SheetText::Rating),
            FormCell::value(
                5,
                2,
                rating_cell(plan, e.rating.as_ref(), View::Published, lang),
            ),
            FormCell::value(7, 1, figure(e.actual.as_ref())),
        ]);
        rows.push(vec![
            FormCell::value(3, 1, amount(plan.report_unit, &e.expected_effect)),
            text(4, 3, &e.comment),
            FormCell::value(7, 1, amount(plan.report_unit, &e.actual_effect)),
        ]);
    }
    rows.push(vec![
        label(0, 3, SheetText::SubtotalExpected { unit: unit() }),
        FormCell::value(
            3,
            1,
            amount(plan.report_unit, &item.subtotals.expected_effect),
        ),
        label(4, 3, SheetText::SubtotalActual { unit: unit() }),
        FormCell::value(
            7,
            1,
            amount(plan.report_unit, &item.subtotals.actual_effect),
        ),
    ]);
    // Empty until the final year's overall rating is recorded.
    rows.push(vec![
        label(0, 3, SheetText::Overall),
        FormCell::value(
            3,
            5,
            rating_cell(plan, item.overall_rating.as_ref(), View::Published, lang),
        ),
    ]);
    Block::Form(Form {
        title: Some(t(SheetText::FormTitle {
            plan: plan.name.clone(),
        })),
        widths: FORM_WIDTHS.to_vec(),
        rows: rows.into_iter().map(|cells| FormRow { cells }).collect(),
        fallback: sheet_blocks(plan, item, view, lang),
        below: if view.is_internal() {
            review_blocks(item, lang)
        } else {
            Vec::new()
        },
    })
}

/// The blocks the grid formats print under the official sheet in the internal view: the
/// indicator's kind and formula, and the review notes.
fn review_blocks(item: &Item, lang: Lang) -> Vec<Block> {
    let mut fields = vec![Field::text(
        Heading::Kind.localize(lang),
        item.indicator.kind.clone(),
    )];
    if let Some(e) = &item.indicator.effect {
        fields.push(Field::text(
            Heading::EffectFormula.localize(lang),
            e.clone(),
        ));
    }
    let mut blocks = vec![Block::Fields(fields)];
    blocks.extend(review_notes(item, lang));
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
    // Open data: 千円, the sheets' unit, for every plan (as evaluate's and list's CSV).
    let unit = MoneyUnit::ThousandYen;
    for (year, figures) in year_figures(plan, item, View::Internal, lang, unit) {
        let mut row = vec![item.id.to_string().into(), year.to_string().into()];
        row.extend(figures);
        csv.row(row);
    }
    let mut subtotal = vec![item.id.to_string().into(), "subtotal".into()];
    subtotal.extend(subtotal_figures(plan, item, View::Internal, lang, unit));
    csv.total(subtotal);
    doc.csv = Some(csv);
    doc.json = Some(serde_json::to_value(item).expect("JSON of plain values"));
    doc
}
