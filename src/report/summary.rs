//! `gyokaku summary`: the document's tables 達成状況, 分野別内訳表 and 実績効果額と達成割合,
//! plus effects per theme and the rules' suggested ratings per policy.

use super::progress::ProgressHeading;
use super::{year_name, Cell, Document, Field, Lang, Table};
use crate::engine::{Figure, FigureTable};
use crate::evaluation::{Counts, EffectTotals, EvaluationText, PolicySummary, Summary};
use crate::i18n::Localize;
use crate::model::Scale;
use crate::report::messages::{CsvColumn, Heading};

crate::i18n::messages! {
    /// Titles and sentences of the reports that carry figures.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ReportText {
        /// The heading of a year's results (the year as the language writes it).
        ResultsOf { year: String } =>
            ja: "{year}の取組結果",
            en: "results of {year}";
        /// The title of the effect amounts per policy.
        EffectsTitle { unit: String } =>
            ja: "実績効果額と達成割合 (単位:{unit})",
            en: "Effect amounts and ratio ({unit})";
        /// The title of the effect amounts per theme.
        ThemeEffectsTitle { unit: String } =>
            ja: "改革の推進項目別 効果額 (単位:{unit})",
            en: "Effect amounts by theme ({unit})";
    }
}

fn rating_header(scale: &Scale, label: &str, lang: Lang) -> String {
    match scale.get(label) {
        Some(r) => format!("{} {}", r.label, lang.pick(&r.name, &r.name_en)),
        None => label.to_string(),
    }
}

/// The header of a recorded label that is not on the scale in use: shown apart, never mapped.
fn off_scale_header(label: &str, lang: Lang) -> String {
    format!("{label} ({})", Heading::NotOnThisScale.localize(lang))
}

fn ratio(e: &EffectTotals) -> Cell {
    Cell::percent_or_none(e.ratio())
}

/// An effect amount (千円, the sheets' unit) in the plan's report unit, converted exactly.
fn money(s: &Summary, d: rust_decimal::Decimal) -> Cell {
    Cell::Amount(s.report_unit.from_thousand_yen(d).unwrap_or(d))
}

/// The effect columns of a line: expected, the expected of what has results (when part of the
/// year has not reported), actual ("-" before any result) and the ratio between them.
fn effect_cells(s: &Summary, e: &EffectTotals) -> Vec<Cell> {
    let mut cells = vec![money(s, e.expected)];
    if s.effects.partly_reported() {
        cells.push(
            e.expected_with_results()
                .map_or(Cell::None, |d| money(s, d)),
        );
    }
    cells.push(e.actual_reported().map_or(Cell::None, |d| money(s, d)));
    cells.push(ratio(e));
    cells
}

/// The headers of [`effect_cells`].
fn effect_headers(s: &Summary, lang: Lang) -> Vec<String> {
    let mut headers = vec![Heading::ExpectedEffect.localize(lang)];
    if s.effects.partly_reported() {
        headers.push(ProgressHeading::ExpectedReported.localize(lang));
    }
    headers.push(Heading::ActualEffect.localize(lang));
    headers.push(Heading::Ratio.localize(lang));
    headers
}

/// The heading of a year's results: "伊勢原市… 令和5年度の取組結果".
pub fn results_heading(s: &Summary, lang: Lang) -> String {
    format!(
        "{} {}",
        s.plan_name,
        ReportText::ResultsOf {
            year: year_name(s.year, lang)
        }
        .localize(lang)
    )
}

/// 達成状況: recorded rating counts.
pub fn status_table(s: &Summary, lang: Lang) -> Table {
    let mut status = Table::new(&[
        Heading::Rating.localize(lang),
        Heading::ItemCount.localize(lang),
    ])
    .title(Heading::RatingCountsTitle.localize(lang));
    for l in s.recorded_scale.labels() {
        status.row(vec![
            rating_header(&s.recorded_scale, l, lang).into(),
            Cell::count(s.recorded.get(l)),
        ]);
    }
    for (l, n) in &s.recorded.not_on_scale {
        status.row(vec![off_scale_header(l, lang).into(), Cell::count(*n)]);
    }
    if s.recorded.unrated > 0 {
        status.row(vec![
            Heading::NotRated.localize(lang).into(),
            Cell::count(s.recorded.unrated),
        ]);
    }
    status.total(vec![
        Heading::Total.localize(lang).into(),
        Cell::count(s.recorded.total),
    ]);
    status
}

/// Counts per policy: 分野別内訳表 (recorded, on the plan's scale) or the rules' suggestions
/// (on the rule set's scale, with a judgement column). Recorded labels off the scale get their
/// own columns, and so do items without a rating, so that every row adds up to its total.
fn counts_table(s: &Summary, lang: Lang, suggested: bool) -> Table {
    let (scale, total, pick): (&Scale, &Counts, fn(&PolicySummary) -> &Counts) = if suggested {
        (&s.scale, &s.suggested, |p| &p.suggested)
    } else {
        (&s.recorded_scale, &s.recorded, |p| &p.recorded)
    };
    let labels: Vec<&str> = scale.labels().collect();
    let off_scale: Vec<&str> = if suggested {
        Vec::new()
    } else {
        s.recorded
            .not_on_scale
            .iter()
            .map(|(l, _)| l.as_str())
            .collect()
    };
    let unrated = !suggested && total.unrated > 0;
    let mut headers = vec![Heading::Policy.localize(lang)];
    headers.extend(labels.iter().map(|l| rating_header(scale, l, lang)));
    headers.extend(off_scale.iter().map(|l| off_scale_header(l, lang)));
    if suggested {
        headers.push(EvaluationText::JudgementRequired.localize(lang));
    }
    if unrated {
        headers.push(Heading::NotRated.localize(lang));
    }
    headers.push(Heading::Total.localize(lang));
    let title = if suggested {
        Heading::SuggestedCountsTitle.localize(lang)
    } else {
        Heading::RatingsByPolicyTitle.localize(lang)
    };
    let mut t = Table::new(&headers).title(title);
    let cells = |name: String, c: &Counts| {
        let mut row: Vec<Cell> = vec![name.into()];
        row.extend(labels.iter().map(|l| Cell::count(c.get(l))));
        row.extend(off_scale.iter().map(|l| Cell::count(c.get(l))));
        if suggested || unrated {
            row.push(Cell::count(c.unrated));
        }
        row.push(Cell::count(c.total));
        row
    };
    for p in &s.policies {
        t.row(cells(format!("{} {}", p.number, p.name), pick(p)));
    }
    t.total(cells(Heading::Total.localize(lang), total));
    t
}

/// 分野別内訳表: recorded rating counts per policy.
pub fn breakdown_table(s: &Summary, lang: Lang) -> Table {
    counts_table(s, lang, false)
}

/// The rules' suggested rating counts per policy.
pub fn suggested_table(s: &Summary, lang: Lang) -> Table {
    counts_table(s, lang, true)
}

/// 実績効果額と達成割合: expected and actual effect per policy and in total.
pub fn effects_table(s: &Summary, lang: Lang) -> Table {
    let mut headers = vec![Heading::Policy.localize(lang)];
    headers.extend(effect_headers(s, lang));
    let mut effects = Table::new(&headers).title(
        ReportText::EffectsTitle {
            unit: s.report_unit.in_lang(lang).into(),
        }
        .localize(lang),
    );
    for p in &s.policies {
        let mut row = vec![format!("{} {}", p.number, p.name).into()];
        row.extend(effect_cells(s, &p.effects));
        effects.row(row);
    }
    let mut total = vec![Heading::Total.localize(lang).into()];
    total.extend(effect_cells(s, &s.effects));
    effects.total(total);
    effects
}

/// Items and effect amounts per theme (改革の推進項目).
pub fn themes_table(s: &Summary, lang: Lang) -> Table {
    let mut headers = vec![
        Heading::Theme.localize(lang),
        Heading::ThemeItemCount.localize(lang),
    ];
    headers.extend(effect_headers(s, lang));
    let mut themes = Table::new(&headers).title(
        ReportText::ThemeEffectsTitle {
            unit: s.report_unit.in_lang(lang).into(),
        }
        .localize(lang),
    );
    for t in &s.themes {
        let mut row = vec![
            format!("{}({}) {}", t.policy, t.number, t.name).into(),
            Cell::count(t.items),
        ];
        row.extend(effect_cells(s, &t.effects));
        themes.row(row);
    }
    themes
}

/// The per-policy breakdown as open data: one row per policy and a total row, counts of both
/// scales and the effect amounts as plain numbers.
fn csv_table(s: &Summary, lang: Lang) -> Table {
    let labels: Vec<&str> = s.recorded_scale.labels().collect();
    let suggested_labels: Vec<&str> = s.scale.labels().collect();
    let off_scale: Vec<&str> = s
        .recorded
        .not_on_scale
        .iter()
        .map(|(l, _)| l.as_str())
        .collect();
    let mut headers = vec![CsvColumn::Policy, CsvColumn::PolicyName];
    headers.extend(labels.iter().map(|l| CsvColumn::RecordedCount {
        label: l.to_string(),
    }));
    headers.extend(off_scale.iter().map(|l| CsvColumn::RecordedOffScale {
        label: l.to_string(),
    }));
    if s.recorded.unrated > 0 {
        headers.push(CsvColumn::RecordedNotRated);
    }
    headers.push(CsvColumn::RecordedTotal);
    headers.extend(suggested_labels.iter().map(|l| CsvColumn::SuggestedCount {
        label: l.to_string(),
    }));
    headers.push(CsvColumn::SuggestedJudgementRequired);
    headers.extend([CsvColumn::ExpectedEffect, CsvColumn::ActualEffect]);
    let mut headers: Vec<String> = headers.iter().map(|c| c.localize(lang)).collect();
    let partly = s.effects.partly_reported();
    if partly {
        headers.push(ProgressHeading::ExpectedReportedColumn.localize(lang));
    }
    let mut t = Table::new(&headers);
    let line = |number: String, name: String, r: &Counts, sg: &Counts, e: &EffectTotals| {
        let mut row: Vec<Cell> = vec![number.into(), name.into()];
        row.extend(labels.iter().map(|l| Cell::count(r.get(l))));
        row.extend(off_scale.iter().map(|l| Cell::count(r.get(l))));
        if s.recorded.unrated > 0 {
            row.push(Cell::count(r.unrated));
        }
        row.push(Cell::count(r.total));
        row.extend(suggested_labels.iter().map(|l| Cell::count(sg.get(l))));
        row.push(Cell::count(sg.unrated));
        row.push(money(s, e.expected));
        row.push(money(s, e.actual));
        if partly {
            row.push(money(s, e.expected_reported));
        }
        row
    };
    for p in &s.policies {
        t.row(line(
            p.number.to_string(),
            p.name.clone(),
            &p.recorded,
            &p.suggested,
            &p.effects,
        ));
    }
    t.total(line(
        "total".into(),
        String::new(),
        &s.recorded,
        &s.suggested,
        &s.effects,
    ));
    t
}

/// A table of the figures the rule set's summary.rhai defined.
pub fn figure_table(f: &FigureTable) -> Table {
    let mut t = Table::new(&f.columns).title(f.title.clone());
    for row in &f.rows {
        t.row(
            row.iter()
                .map(|figure| match figure {
                    Figure::None => Cell::None,
                    Figure::Text(s) => Cell::Text(s.clone()),
                    Figure::Number(d) => Cell::Number(*d),
                    Figure::Percent(d) => Cell::Percent(*d),
                })
                .collect(),
        );
    }
    t
}

/// The summary tables (CSV: the per-policy breakdown; JSON: the whole summary).
pub fn summary_document(s: &Summary, lang: Lang) -> Document {
    let mut doc = Document::titled(results_heading(s, lang));
    doc.push(status_table(s, lang));
    doc.push(breakdown_table(s, lang));
    doc.push(effects_table(s, lang));
    doc.push(themes_table(s, lang));
    doc.push(suggested_table(s, lang));
    for f in &s.figures {
        doc.push(figure_table(f));
    }
    doc.push(super::Block::Fields(vec![Field::text(
        Heading::Rules.localize(lang),
        s.rules.short(),
    )]));
    doc.csv = Some(csv_table(s, lang));
    doc.json = Some(serde_json::to_value(s).expect("JSON of plain values"));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
