//! `gyokaku agreement`: renders the comparison of suggested and recorded ratings
//! ([`AgreementReport`]) — the matrix, the agreement figure and every disagreement.

use super::{Block, Cell, Document, Field, Lang, Table};
use crate::evaluation::{AgreementReport, Evaluation, EvaluationText, ItemEvaluation};
use crate::i18n::Localize;
use crate::report::messages::{CsvColumn, CsvValue, Heading};

crate::i18n::messages! {
    /// The agreement of the rules' suggestions with the recorded ratings, as a report states it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AgreementReportText {
        /// The figure with the items left to judgement and the items rated.
        Line { figure: String, judgement: usize, rated: usize } =>
            ja: "{figure} — 要判断 {judgement} 件、評価済み {rated} 件",
            en: "{figure} — judgement required {judgement}, rated items {rated}";
        /// Items whose recorded rating is on no scale, not compared.
        OffScale { count: usize } =>
            ja: "、尺度外 (比較対象外) {count} 件",
            en: ", not on this scale (not compared) {count}";
    }
}

/// The suggested rating, marked when it rests on weak evidence (the reading of the text gives
/// little to go on): "B (弱)", "B (weak)".
pub fn suggested_cell(e: &ItemEvaluation, lang: Lang) -> Cell {
    match &e.suggested {
        None => Cell::Empty,
        Some(label) if e.reading.as_ref().is_some_and(|r| r.weak) => {
            Cell::Text(format!("{label} ({})", Heading::Weak.localize(lang)))
        }
        Some(label) => Cell::Rating(label.clone()),
    }
}

/// An agreement report: the matrix, the agreement figure, every disagreement. CSV: one row
/// per item; JSON: the report with the year and the rules.
pub fn agreement_document(report: &AgreementReport, ev: &Evaluation, lang: Lang) -> Document {
    let judge = &EvaluationText::JudgementRequired.localize(lang);
    let rating = |r: &Option<String>| r.clone().map_or(Cell::Empty, Cell::Rating);
    let off_scale = &Heading::NotOnThisScale.localize(lang);
    let any_off_scale = !report.not_on_scale.is_empty();
    let mut headers = vec![Heading::SuggestedByRecordedCorner
        .localize(lang)
        .to_string()];
    headers.extend(report.recorded_labels.iter().cloned());
    if any_off_scale {
        headers.push(off_scale.into());
    }
    headers.push(Heading::Total.localize(lang));
    let mut m = Table::new(&headers).title(Heading::AgreementMatrixTitle.localize(lang));
    for (i, row) in report.matrix.iter().enumerate() {
        let name = report
            .suggested_labels
            .get(i)
            .cloned()
            .unwrap_or_else(|| judge.to_string());
        let mut cells = vec![Cell::Text(name)];
        cells.extend(row.iter().map(|n| Cell::count(*n)));
        let mut sum = row.iter().sum::<usize>();
        if any_off_scale {
            let n = report.not_on_scale_by_suggestion[i];
            cells.push(Cell::count(n));
            sum += n;
        }
        cells.push(Cell::count(sum));
        m.row(cells);
    }
    // The disagreements, then the suggestions that agree on weak evidence: what to read first.
    let item_table = |title: &str, items: &[ItemEvaluation]| {
        let mut t = Table::new(&[
            Heading::ItemId.localize(lang),
            Heading::ItemTitle.localize(lang),
            Heading::Suggested.localize(lang),
            Heading::RecordedRating.localize(lang),
            Heading::Explanation.localize(lang),
        ])
        .title(title)
        .wrap(&[1, 4]);
        for e in items {
            t.row(vec![
                e.id.to_string().into(),
                e.title.clone().into(),
                suggested_cell(e, lang),
                rating(&e.recorded),
                e.explanation().localize(lang).into(),
            ]);
        }
        t
    };
    let d = item_table(
        &Heading::Disagreements.localize(lang),
        &report.disagreements,
    );
    let w = item_table(&Heading::WeakEvidenceTitle.localize(lang), &report.weak);
    let mut j = Table::new(&[
        Heading::ItemId.localize(lang),
        Heading::ItemTitle.localize(lang),
        Heading::RecordedRating.localize(lang),
        Heading::Explanation.localize(lang),
    ])
    .title(Heading::LeftToJudgementTitle.localize(lang))
    .wrap(&[1, 3]);
    for e in &report.judgements {
        j.row(vec![
            e.id.to_string().into(),
            e.title.clone().into(),
            rating(&e.recorded),
            e.explanation().localize(lang).into(),
        ]);
    }
    let mut o = Table::new(&[
        Heading::ItemId.localize(lang),
        Heading::ItemTitle.localize(lang),
        Heading::RecordedRating.localize(lang),
        Heading::Suggested.localize(lang),
        Heading::Explanation.localize(lang),
    ])
    .title(Heading::NotOnScaleTitle.localize(lang))
    .wrap(&[1, 4]);
    for e in &report.not_on_scale {
        o.row(vec![
            e.id.to_string().into(),
            e.title.clone().into(),
            rating(&e.recorded),
            e.suggested
                .clone()
                .map_or_else(|| judge.as_str().into(), Cell::Rating),
            e.explanation().localize(lang).into(),
        ]);
    }
    let mut doc = Document::default();
    doc.push(m);
    let figure = if report.comparable && !report.read_as.is_empty() {
        // Different scales, compared through the relation the rule set declares.
        format!(
            "{} ({}: {})",
            report.figure(lang),
            Heading::ReadOnRecordedScale.localize(lang),
            report
                .read_as
                .iter()
                .map(|(s, r)| format!("{s}→{r}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else if report.comparable {
        report.figure(lang)
    } else {
        format!(
            "{} ({} {}, {} {})",
            Heading::NotComparable.localize(lang),
            Heading::RecordedOn.localize(lang),
            report.recorded_labels.join("/"),
            Heading::SuggestedOn.localize(lang),
            report.suggested_labels.join("/"),
        )
    };
    let mut line = AgreementReportText::Line {
        figure,
        judgement: report.judgement_required,
        rated: report.rated,
    }
    .localize(lang);
    if any_off_scale {
        let off = AgreementReportText::OffScale {
            count: report.not_on_scale.len(),
        };
        line.push_str(&off.localize(lang));
    }
    let mut fields = vec![Field::text(Heading::Agreement.localize(lang), line)];
    if report.comparable && report.from_text.agree + report.from_text.differ > 0 {
        fields.push(Field::text(
            Heading::RatedFromTheNumbers.localize(lang),
            report.from_numbers.text(lang),
        ));
        fields.push(Field::text(
            Heading::RatedFromTheText.localize(lang),
            report.from_text.text(lang),
        ));
    }
    doc.push(Block::Fields(fields));
    doc.push(d);
    if !report.weak.is_empty() {
        doc.push(w);
    }
    if !report.judgements.is_empty() {
        doc.push(j);
    }
    if any_off_scale {
        doc.push(o);
    }
    doc.push(Block::Fields(vec![Field::text(
        Heading::Rules.localize(lang),
        ev.rules.short(),
    )]));
    let mut t = Table::new(
        &[
            CsvColumn::Id,
            CsvColumn::Suggested,
            CsvColumn::Weak,
            CsvColumn::Recorded,
            CsvColumn::Agreement,
            CsvColumn::Explanation,
        ]
        .map(|c| c.localize(lang)),
    );
    for e in &ev.items {
        t.row(vec![
            e.id.to_string().into(),
            rating(&e.suggested),
            e.reading.as_ref().map_or(Cell::Empty, |r| {
                CsvValue::yes_no(r.weak).localize(lang).into()
            }),
            rating(&e.recorded),
            if report.not_on_scale.iter().any(|o| o.id == e.id) {
                CsvValue::NotOnScale.localize(lang).into()
            } else {
                super::evaluate::agreement_value(e.agreement, lang).into()
            },
            e.explanation().localize(lang).into(),
        ]);
    }
    doc.csv = Some(t);
    doc.json = Some(serde_json::json!({
        "year": ev.year,
        "rules": ev.rules,
        "report": report,
    }));
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
