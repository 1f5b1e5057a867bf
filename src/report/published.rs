//! `gyokaku report`: the whole published document of a year — the cover, the city's text with
//! the year's figures (達成状況, 分野別内訳表, 実績効果額と達成割合 and their charts: ratings per
//! policy as stacked bars, expected against actual effect per policy), the 【参考①】 list
//! grouped by 基本方針 and 改革の推進項目, the guide to the sheets and every 進捗管理シート — in
//! the published view or the planning section's own.

use rust_decimal::Decimal;

use super::list::{list_document, list_sections, list_title};
use super::opening::{cover, guide_section, opening_sections, FigureError, OpeningText};
use super::period::{item_trend, trend_section};
use super::sheet::{official_sheet, sheet_title};
use super::{Block, Chart, Document, Lang, Section, Series};
use crate::evaluation::{Evaluation, PeriodEvaluation, Summary};
use crate::i18n::Localize;
use crate::model::{DocumentText, Plan};
use crate::report::messages::Heading;

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
        compact: false,
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
        compact: false,
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
            /// --draft.
            Draft =>
                ja: "年度のデータから総括と主な取組の進捗状況の下書きを計画フォルダの report/<年度>.md に書きます (既にあれば <年度>.draft.md。どちらも上書きしません)",
                en: "Write a draft of the overview and the main actions from the year's data into the plan folder, report/<year>.md (or <year>.draft.md when that exists; neither is overwritten)";
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

/// What the report is made of besides the year's evaluation: the city's text of the year
/// (from the plan folder) and, for a year still coming in, the notice saying how many items
/// have not reported.
#[derive(Debug, Clone, Copy, Default)]
pub struct Writing<'a> {
    /// The city's text: cover, はじめに, 総括, 主な取組, 今後の方向性, the guide.
    pub text: Option<&'a DocumentText>,
    /// "令和6年度: 71項目中70項目はまだ実績がありません", for a year still coming in: the title
    /// says 途中経過 and the cover gives this line.
    pub interim: Option<&'a str>,
    /// The plan over its period seen from the year: the report then has its 推移 section and
    /// a chart of target against actual on each item's sheet.
    pub period: Option<&'a PeriodEvaluation>,
}

/// The report of the evaluated year, in the view asked for: the cover, the numbered parts
/// (the city's text and the year's figures), the 【参考①】 list, the guide to the sheets and
/// every 進捗管理シート. CSV: every table in long form; JSON: the summary and the item list.
/// A placeholder of the text that cannot be computed is an error naming its file and line.
pub fn report_document(
    plan: &Plan,
    ev: &Evaluation,
    s: &Summary,
    writing: Writing,
    view: View,
    lang: Lang,
) -> Result<Document, FigureError> {
    let (title, cover) = cover(s, writing.text, writing.interim.map(String::from), lang);
    let mut doc = Document::titled(title);
    doc.cover = cover;

    // The numbered parts print on one worksheet and flow from page to page.
    let short = if writing.text.is_some() {
        OpeningText::TextShort.localize(lang)
    } else {
        Heading::SummaryShort.localize(lang)
    };
    for (i, mut part) in opening_sections(plan, s, writing.text, view, lang)?
        .into_iter()
        .enumerate()
    {
        if i == 0 {
            part = part.short(short.clone());
        } else {
            part.continues = true;
        }
        doc.push(part);
    }

    // 推移: the years so far (issue 22's section, src/report/period/trend.rs).
    doc.blocks
        .extend(writing.period.map(|p| trend_section(p, lang).into()));

    let mut list = Section::new(list_title(ev, lang)).short(Heading::ItemListShort.localize(lang));
    for section in list_sections(plan, ev, view, lang) {
        list.push(section);
    }
    doc.push(list);

    if let Some(guide) = guide_section(plan, s, writing.text, lang)? {
        doc.push(guide.short(OpeningText::Guide.localize(lang)));
    }

    // The published document has a sheet for the items that have one.
    for item in plan.items.iter().filter(|i| i.sheet || view.is_internal()) {
        let mut sheet = Section::new(sheet_title(item)).short(item.id.japanese());
        sheet.push(official_sheet(plan, item, view, lang));
        let trend = writing.period.and_then(|p| item_trend(p, item.id, lang));
        sheet.blocks.extend(trend.map(Block::from));
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
    Ok(doc)
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
