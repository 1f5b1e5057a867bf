//! `gyokaku report`: the whole published document of a year — 達成状況, 分野別内訳表,
//! 実績効果額と達成割合, the per-theme table, the 【参考①】 list grouped by 基本方針 and
//! 改革の推進項目, every 進捗管理シート, and the charts: ratings per policy (stacked bars) and
//! expected against actual effect per policy.

use rust_decimal::Decimal;

use super::list::{list_document, list_sections, list_title};
use super::sheet::{sheet_blocks, sheet_title};
use super::summary::{
    breakdown_table, effects_table, figure_table, results_heading, status_table, suggested_table,
    themes_table,
};
use super::{Block, Chart, Document, Field, Lang, Section, Series};
use crate::evaluation::{Evaluation, Summary};
use crate::i18n::{Heading, Localize};
use crate::model::Plan;

/// Recorded ratings per policy, one stacked bar each.
pub fn ratings_chart(s: &Summary, lang: Lang) -> Chart {
    Chart {
        title: Heading::RatingsByPolicy.localize(lang),
        stacked: true,
        categories: s
            .policies
            .iter()
            .map(|p| format!("{} {}", p.number, p.name))
            .collect(),
        series: s
            .recorded_scale
            .labels()
            .map(|l| Series {
                name: l.to_string(),
                values: s
                    .policies
                    .iter()
                    .map(|p| Decimal::from(p.recorded.get(l)))
                    .collect(),
            })
            .collect(),
        unit: Heading::ItemsUnit.localize(lang),
    }
}

/// Expected against actual effect per policy, in the plan's report unit.
pub fn effects_chart(s: &Summary, lang: Lang) -> Chart {
    let unit = s.report_unit;
    let money = |d: Decimal| unit.from_thousand_yen(d).unwrap_or(d);
    Chart {
        title: Heading::EffectsByPolicyTitle.localize(lang),
        stacked: false,
        categories: s
            .policies
            .iter()
            .map(|p| format!("{} {}", p.number, p.name))
            .collect(),
        series: vec![
            Series {
                name: Heading::ExpectedEffect.localize(lang),
                values: s
                    .policies
                    .iter()
                    .map(|p| money(p.effects.expected))
                    .collect(),
            },
            Series {
                name: Heading::ActualEffect.localize(lang),
                values: s.policies.iter().map(|p| money(p.effects.actual)).collect(),
            },
        ],
        unit: unit.in_lang(lang).to_string(),
    }
}

/// The published report of the evaluated year. CSV: every table in long form; JSON: the
/// summary and the item list.
pub fn report_document(plan: &Plan, ev: &Evaluation, s: &Summary, lang: Lang) -> Document {
    let mut doc = Document::titled(results_heading(s, lang));

    let mut totals = Section::new(Heading::ResultsInFigures.localize(lang))
        .short(Heading::SummaryShort.localize(lang));
    totals.push(status_table(s, lang));
    totals.push(breakdown_table(s, lang));
    totals.push(ratings_chart(s, lang));
    totals.push(effects_table(s, lang));
    totals.push(effects_chart(s, lang));
    totals.push(themes_table(s, lang));
    totals.push(suggested_table(s, lang));
    // The plan-level figures the rule set's summary.rhai defines (points, 達成率 …).
    for f in &s.figures {
        totals.push(figure_table(f));
    }
    totals.push(Block::Fields(vec![Field::text(
        Heading::Rules.localize(lang),
        s.rules.short(),
    )]));
    doc.push(totals);

    let mut list = Section::new(list_title(ev, lang)).short(Heading::ItemListShort.localize(lang));
    for section in list_sections(plan, ev, lang) {
        list.push(section);
    }
    doc.push(list);

    for item in &plan.items {
        let mut sheet = Section::new(sheet_title(item)).short(item.id.japanese());
        sheet.blocks = sheet_blocks(plan, item, lang);
        doc.push(sheet);
    }

    doc.json = Some(serde_json::json!({
        "summary": s,
        "items": list_document(plan, ev, lang).json,
    }));
    doc
}
