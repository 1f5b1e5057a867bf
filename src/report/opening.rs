//! The published document's own text and the year's figures around it: the cover (title,
//! date, author; 途中経過 for a year still coming in, 下書き for a draft), 1 はじめに, 2 総括
//! with 達成状況, 3 分野別内訳表 with 実績効果額と達成割合, 4 主な取組の進捗状況, 5 今後の取組の方向性
//! and the guide to the sheets, each numbered as the document numbers them. The city's text
//! comes from the plan ([`DocumentText`]); its placeholders are filled in here from the year's
//! summary, and one that cannot be computed is an error naming the file and line.

use std::path::PathBuf;

use super::summary::{breakdown_table, effects_table, figure_table, status_table};
use super::words::{amount_in_words, share_in_words, ShareForm};
use super::{
    effects_chart, ratings_chart, year_name, Block, Field, Lang, List, ListItem, Section, View,
};
use crate::evaluation::Summary;
use crate::i18n::Localize;
use crate::model::{DocumentText, Figure, Part, Passage, Piece, Plan, TextBlock};

pub use messages::{FigureProblem, OpeningText};

// The templates' list is read by the tests only.
#[allow(dead_code)]
mod messages {
    use std::path::PathBuf;

    crate::i18n::messages! {
        /// The document's headings and marks.
        #[derive(Debug, Clone)]
        pub enum OpeningText {
            /// 1 はじめに.
            Introduction =>
                ja: "はじめに",
                en: "Introduction";
            /// 2 総括.
            Overview { year: String } =>
                ja: "{year}の実績結果（総括）",
                en: "Results of {year} (overview)";
            /// 3 分野別内訳表.
            Breakdown =>
                ja: "分野別内訳表",
                en: "Breakdown by policy";
            /// 4 主な取組の進捗状況.
            Progress =>
                ja: "主な取組の進捗状況",
                en: "Progress of the main actions";
            /// 5 今後の取組の方向性.
            Outlook =>
                ja: "今後の取組の方向性",
                en: "Direction of future actions";
            /// 参考② 進捗管理シートの見方.
            Guide =>
                ja: "【参考②】進捗管理シートの見方",
                en: "[Reference 2] How to read the progress sheets";
            /// The worksheet of the document's text.
            TextShort =>
                ja: "本文",
                en: "Text";
            /// The year's total actual effect, under 達成状況 (as the document heads it).
            ActualEffectTotal =>
                ja: "実績効果額と達成割合",
                en: "Actual effect";
            /// The title of a year still coming in.
            Interim { title: String } =>
                ja: "{title}（途中経過）",
                en: "{title} (interim)";
            /// The title of a draft.
            Draft { title: String } =>
                ja: "【下書き】{title}",
                en: "[DRAFT] {title}";
            /// The cover's note on a draft.
            DraftNote { file: PathBuf } =>
                ja: "この文書の文章は下書きです ({file} の draft = true)。経営企画課が確認した後、draft の行を消してください。",
                en: "This document's text is a draft (draft = true in {file}); remove that line once the planning section has reviewed it.";
        }

        /// Why a placeholder cannot be filled in.
        #[derive(Debug, Clone)]
        pub enum FigureProblem {
            /// A share of no items.
            NoItems { year: String } =>
                ja: "{year}の取組項目がないため割合を計算できません",
                en: "{year} has no items to take a share of";
            /// A ratio to no expected effect.
            NoExpectedEffect { year: String } =>
                ja: "{year}の効果見込額がないため達成割合を計算できません",
                en: "{year} has no expected effect to measure the actual effect against";
            /// The whole error.
            At { file: PathBuf, line: usize, written: String, problem: Box<FigureProblem> } =>
                ja: "{file}:{line}: {written} を計算できません: {problem}",
                en: "{file}:{line}: {written} cannot be computed: {problem}";
        }
    }
}

/// A placeholder of the document's text that cannot be computed for the year.
#[derive(Debug, Clone)]
pub struct FigureError {
    /// The text file.
    pub file: PathBuf,
    /// Its line.
    pub line: usize,
    /// The placeholder as written.
    pub written: String,
    /// Why.
    pub problem: FigureProblem,
}

impl Localize for FigureError {
    fn localize(&self, lang: Lang) -> String {
        FigureProblem::At {
            file: self.file.clone(),
            line: self.line,
            written: self.written.clone(),
            problem: Box::new(self.problem.clone()),
        }
        .localize(lang)
    }
}

impl std::fmt::Display for FigureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

impl std::error::Error for FigureError {}

/// Fills in a text's placeholders from the year's figures.
struct Filler<'a> {
    plan: &'a Plan,
    s: &'a Summary,
    file: PathBuf,
    lang: Lang,
}

impl<'a> Filler<'a> {
    /// Fills in `text`: its figures worded in the text's own language (Japanese unless it is
    /// the English text), never mixed with the report's.
    fn of(plan: &'a Plan, s: &'a Summary, text: Option<&DocumentText>) -> Self {
        Filler {
            plan,
            s,
            file: text.map(|t| t.file.clone()).unwrap_or_default(),
            lang: if text.is_some_and(|t| t.english) {
                Lang::En
            } else {
                Lang::Ja
            },
        }
    }

    fn count(&self, labels: &[String]) -> usize {
        labels.iter().map(|l| self.s.recorded.get(l)).sum()
    }

    fn value(&self, figure: &Figure) -> Result<String, FigureProblem> {
        let s = self.s;
        let lang = self.lang;
        let year = || year_name(s.year, lang);
        let money =
            |d| crate::number::format_number(s.report_unit.from_thousand_yen(d).unwrap_or(d));
        let share = |labels: &[String], form| {
            share_in_words(self.count(labels), s.recorded.total, form, lang)
                .ok_or(FigureProblem::NoItems { year: year() })
        };
        Ok(match figure {
            Figure::Year => year(),
            Figure::FirstYear => self
                .plan
                .years
                .first()
                .map_or_else(String::new, |y| year_name(*y, lang)),
            Figure::LastYear => self
                .plan
                .years
                .last()
                .map_or_else(String::new, |y| year_name(*y, lang)),
            Figure::Policies => self.plan.policies.len().to_string(),
            Figure::Themes => self.plan.themes.len().to_string(),
            Figure::Items => s.recorded.total.to_string(),
            Figure::Count(labels) => self.count(labels).to_string(),
            Figure::Share(labels) => share(labels, ShareForm::Plain)?,
            Figure::ShareAbout(labels) => share(labels, ShareForm::About)?,
            Figure::Percent(labels) => {
                if s.recorded.total == 0 {
                    return Err(FigureProblem::NoItems { year: year() });
                }
                let ratio = rust_decimal::Decimal::from(self.count(labels))
                    / rust_decimal::Decimal::from(s.recorded.total);
                crate::number::format_percent(ratio)
            }
            Figure::Expected => money(s.effects.expected),
            Figure::Actual => money(s.effects.actual),
            Figure::ExpectedWords => amount_in_words(s.effects.expected, lang),
            Figure::ActualWords => amount_in_words(s.effects.actual, lang),
            Figure::Achievement => s
                .effects
                .ratio()
                .map(crate::number::format_percent)
                .ok_or(FigureProblem::NoExpectedEffect { year: year() })?,
            Figure::Item(id) => {
                let title = self.plan.item(*id).map_or("", |i| i.title.as_str());
                format!("{}{title}", id.japanese())
            }
        })
    }

    fn passage(&self, p: &Passage) -> Result<String, FigureError> {
        let mut out = String::new();
        for piece in &p.pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Figure {
                    figure,
                    written,
                    line,
                } => out.push_str(&self.value(figure).map_err(|problem| FigureError {
                    file: self.file.clone(),
                    line: *line,
                    written: written.clone(),
                    problem,
                })?),
            }
        }
        Ok(out)
    }

    fn blocks(&self, blocks: &[TextBlock]) -> Result<Vec<Block>, FigureError> {
        let mut out = Vec::new();
        for b in blocks {
            match b {
                TextBlock::Paragraph(p) => out.push(Block::Text(self.passage(p)?)),
                TextBlock::Bullets(items) => out.push(Block::List(List {
                    ordered: false,
                    items: items
                        .iter()
                        .map(|p| {
                            Ok(ListItem {
                                text: self.passage(p)?,
                                details: Vec::new(),
                            })
                        })
                        .collect::<Result<_, FigureError>>()?,
                })),
                TextBlock::Heading {
                    title,
                    policy,
                    blocks,
                    ..
                } => {
                    let title = match policy.and_then(|n| self.plan.policy(n)) {
                        Some(p) => format!("{} {}", p.number, p.name),
                        None => title.clone(),
                    };
                    let mut s = Section::new(title);
                    s.blocks = self.blocks(blocks)?;
                    out.push(s.into());
                }
            }
        }
        Ok(out)
    }
}

/// The document's title and the lines of its cover.
pub fn cover(
    s: &Summary,
    text: Option<&DocumentText>,
    interim: Option<String>,
    lang: Lang,
) -> (String, Vec<String>) {
    let mut title = match text.and_then(|t| t.title.clone()) {
        Some(t) => t,
        None => super::summary::results_heading(s, lang),
    };
    let mut lines = Vec::new();
    if interim.is_some() {
        title = OpeningText::Interim { title }.localize(lang);
    }
    if let Some(t) = text.filter(|t| t.draft) {
        title = OpeningText::Draft { title }.localize(lang);
        lines.push(
            OpeningText::DraftNote {
                file: t.file.clone(),
            }
            .localize(lang),
        );
    }
    if let Some(t) = text {
        lines.extend(t.date.iter().cloned());
        lines.extend(t.author.iter().cloned());
    }
    lines.extend(interim);
    (title, lines)
}

/// The numbered parts before the item list: the city's text where it wrote one, and the
/// year's figures (総括 and 分野別内訳表 always). The internal view adds the rules' side to
/// 分野別内訳表.
pub fn opening_sections(
    plan: &Plan,
    s: &Summary,
    text: Option<&DocumentText>,
    view: View,
    lang: Lang,
) -> Result<Vec<Section>, FigureError> {
    let filler = Filler::of(plan, s, text);
    let written = |part: Part| -> Result<Vec<Block>, FigureError> {
        match text.and_then(|t| t.part(part)) {
            Some(p) => filler.blocks(&p.blocks),
            None => Ok(Vec::new()),
        }
    };
    let has = |part: Part| text.is_some_and(|t| t.part(part).is_some());
    let mut sections = Vec::new();
    let mut number = 0;
    let mut numbered = |heading: OpeningText| {
        number += 1;
        Section::new(format!("{number} {}", heading.localize(lang)))
    };

    if has(Part::Introduction) {
        let mut intro = numbered(OpeningText::Introduction);
        intro.blocks = written(Part::Introduction)?;
        sections.push(intro);
    }

    let mut overview = numbered(OpeningText::Overview {
        year: year_name(s.year, lang),
    });
    overview.blocks = written(Part::Overview)?;
    overview.push(status_table(s, lang));
    overview.push(Block::Fields(vec![Field {
        key: OpeningText::ActualEffectTotal.localize(lang),
        value: super::Cell::Text(format!(
            "{}{}{}",
            crate::number::format_number(
                s.report_unit
                    .from_thousand_yen(s.effects.actual)
                    .unwrap_or(s.effects.actual)
            ),
            lang.pick("", " "),
            s.report_unit.in_lang(lang)
        )),
    }]));
    overview.push(ratings_chart(s, lang));
    sections.push(overview);

    let mut breakdown = numbered(OpeningText::Breakdown);
    breakdown.push(breakdown_table(s, lang));
    breakdown.push(effects_table(s, lang));
    breakdown.push(effects_chart(s, lang));
    if view.is_internal() {
        breakdown.push(super::summary::themes_table(s, lang));
        breakdown.push(super::summary::suggested_table(s, lang));
    }
    // The plan-level figures the rule set's summary.rhai defines (points, 達成率 …).
    for f in &s.figures {
        breakdown.push(figure_table(f));
    }
    if view.is_internal() {
        breakdown.push(Block::Fields(vec![Field::text(
            crate::report::messages::Heading::Rules.localize(lang),
            s.rules.short(),
        )]));
    }
    breakdown.blocks.extend(written(Part::Breakdown)?);
    sections.push(breakdown);

    if has(Part::Progress) {
        let mut progress = numbered(OpeningText::Progress);
        progress.blocks = written(Part::Progress)?;
        sections.push(progress);
    }
    if has(Part::Outlook) {
        let mut outlook = numbered(OpeningText::Outlook);
        outlook.blocks = written(Part::Outlook)?;
        sections.push(outlook);
    }
    Ok(sections)
}

/// 【参考②】進捗管理シートの見方, when the text has it.
pub fn guide_section(
    plan: &Plan,
    s: &Summary,
    text: Option<&DocumentText>,
    lang: Lang,
) -> Result<Option<Section>, FigureError> {
    let Some(part) = text.and_then(|t| t.part(Part::Guide)) else {
        return Ok(None);
    };
    let filler = Filler::of(plan, s, text);
    let mut guide = Section::new(OpeningText::Guide.localize(lang));
    guide.blocks = filler.blocks(&part.blocks)?;
    Ok(Some(guide))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::summarize;
    use crate::model::{load_plan, parse_document_text, FiscalYear};

    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&messages::all_templates());
    }

    #[test]
    fn placeholders_are_filled_in_from_the_year() {
        let plan = load_plan(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/isehara-6")).unwrap();
        let ev = crate::workspace::Workspace::new()
            .evaluate(
                concat!(env!("CARGO_MANIFEST_DIR"), "/plans/isehara-6"),
                crate::workspace::Years::LatestComplete,
            )
            .unwrap();
        let s = summarize(&plan, &ev.evaluations[0]);
        let text = parse_document_text(
            std::path::Path::new("report/R5.md"),
            "# 総括\n\n{year}、{items}件のうち{share:A+B}の{count:A+B}件、{actual_words}、{share_about:A+B}、{percent:A+B}、{achievement}、{item:5-8-1}\n",
            &plan,
            FiscalYear::reiwa(5),
        )
        .unwrap();
        let sections = opening_sections(&plan, &s, Some(&text), View::Published, Lang::Ja).unwrap();
        let Block::Text(t) = &sections[0].blocks[0] else {
            panic!("{:?}", sections[0])
        };
        assert_eq!(
            t,
            "令和5年度、71件のうち8割程度の60件、8億円弱、約8割、84.5%、349.1%、5(8)①市税徴収率の向上"
        );
        assert_eq!(sections[0].title, "1 令和5年度の実績結果（総括）");

        // An English text (R5.en.md) has its figures in English, whatever the headings' language.
        let en = parse_document_text(
            std::path::Path::new("report/R5.en.md"),
            "# overview\n\n{count:A+B} of {items} ({share:A+B}), {actual_words}, {year}\n",
            &plan,
            FiscalYear::reiwa(5),
        )
        .unwrap();
        let sections = opening_sections(&plan, &s, Some(&en), View::Published, Lang::Ja).unwrap();
        let Block::Text(t) = &sections[0].blocks[0] else {
            panic!("{:?}", sections[0])
        };
        assert_eq!(
            t,
            "60 of 71 (about 80%), just under ¥800 million, FY2023 (R5)"
        );

        // No items in the year: the share cannot be computed, and the error says where.
        let mut empty = s.clone();
        empty.recorded.total = 0;
        let e =
            opening_sections(&plan, &empty, Some(&text), View::Published, Lang::Ja).unwrap_err();
        assert_eq!((e.line, e.written.as_str()), (3, "{share:A+B}"));
        assert!(e
            .localize(Lang::Ja)
            .starts_with("report/R5.md:3: {share:A+B} を計算できません"));
    }
}
