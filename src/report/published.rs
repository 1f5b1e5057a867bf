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

pub use messages::ReportHelp;

// The templates' list is read by the tests only.
#[allow(dead_code)]
mod messages {
    crate::i18n::messages! {
        /// The help of `gyokaku report`'s own options.
        #[derive(Debug, Clone, Copy)]
        pub enum ReportHelp {
            /// --internal.
            Internal =>
                ja: "経営企画課の確認用: 公表する報告書に、ルールによる提案評価と記録された評価との一致、ルールの識別、改革の推進項目別の効果額、転記の備考と原資料の不整合を加えます",
                en: "The planning section's own view: adds the rules' suggestions and their agreement, the rule set's stamp, the figures per theme and the transcription's notes to the published document";
        }
    }
}

/// Which view of the year's report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The document a city publishes: only what it wrote and what the rules computed for
    /// publication.
    #[default]
    Published,
    /// For the planning section's own review: the rules' suggestions and their agreement with
    /// the recorded ratings, the rule set's stamp, the figures per theme and the transcription's
    /// notes besides.
    Internal,
}

impl View {
    /// Whether this is the published document.
    pub fn is_published(self) -> bool {
        self == View::Published
    }

    /// Whether this is the planning section's own view.
    pub fn is_internal(self) -> bool {
        self == View::Internal
    }
}

/// The report of the evaluated year, in the view asked for. CSV: every table in long form;
/// JSON: the summary and the item list.
pub fn report_document(
    plan: &Plan,
    ev: &Evaluation,
    s: &Summary,
    view: View,
    lang: Lang,
) -> Document {
    let mut doc = Document::titled(results_heading(s, lang));

    let mut totals = Section::new(Heading::ResultsInFigures.localize(lang))
        .short(Heading::SummaryShort.localize(lang));
    totals.push(status_table(s, lang));
    totals.push(breakdown_table(s, lang));
    totals.push(ratings_chart(s, lang));
    totals.push(effects_table(s, lang));
    totals.push(effects_chart(s, lang));
    if view.is_internal() {
        totals.push(themes_table(s, lang));
        totals.push(suggested_table(s, lang));
    }
    // The plan-level figures the rule set's summary.rhai defines (points, 達成率 …).
    for f in &s.figures {
        totals.push(figure_table(f));
    }
    if view.is_internal() {
        totals.push(Block::Fields(vec![Field::text(
            Heading::Rules.localize(lang),
            s.rules.short(),
        )]));
    }
    doc.push(totals);

    let mut list = Section::new(list_title(ev, lang)).short(Heading::ItemListShort.localize(lang));
    for section in list_sections(plan, ev, view, lang) {
        list.push(section);
    }
    doc.push(list);

    // The published document has a sheet for the items that have one.
    for item in plan.items.iter().filter(|i| i.sheet || view.is_internal()) {
        let mut sheet = Section::new(sheet_title(item)).short(item.id.japanese());
        sheet.blocks = sheet_blocks(plan, item, view, lang);
        doc.push(sheet);
    }

    let mut json = serde_json::json!({
        "summary": s,
        "items": list_document(plan, ev, lang).json,
    });
    if view.is_published() {
        without_keys(&mut json, &INTERNAL_KEYS);
    }
    doc.json = Some(json);
    doc
}

/// What the JSON of the published view leaves out: the rules' suggestions and the rule set's
/// stamp.
const INTERNAL_KEYS: [&str; 2] = ["suggested", "rules"];

/// `json` without these keys, at any depth.
fn without_keys(json: &mut serde_json::Value, keys: &[&str]) {
    match json {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !keys.contains(&k.as_str()));
            map.values_mut().for_each(|v| without_keys(v, keys));
        }
        serde_json::Value::Array(values) => values.iter_mut().for_each(|v| without_keys(v, keys)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&super::messages::all_templates());
    }
}
