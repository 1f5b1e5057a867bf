//! `gyokaku agreement`: renders the comparison of suggested and recorded ratings
//! ([`AgreementReport`]) — the matrix, the agreement figure and every disagreement.

use super::{Block, Cell, Document, Field, Lang, Table};
use crate::evaluation::{AgreementReport, Evaluation, ItemEvaluation};
use crate::i18n::{AgreementText, Localize};

/// The suggested rating, marked when it rests on weak evidence (the reading of the text gives
/// little to go on): "B (弱)", "B (weak)".
pub fn suggested_cell(e: &ItemEvaluation, lang: Lang) -> Cell {
    match &e.suggested {
        None => Cell::Empty,
        Some(label) if e.reading.as_ref().is_some_and(|r| r.weak) => {
            Cell::Text(format!("{label} ({})", lang.pick("弱", "weak")))
        }
        Some(label) => Cell::Rating(label.clone()),
    }
}

/// An agreement report: the matrix, the agreement figure, every disagreement. CSV: one row
/// per item; JSON: the report with the year and the rules.
pub fn agreement_document(report: &AgreementReport, ev: &Evaluation, lang: Lang) -> Document {
    let judge = lang.pick("要判断", "judgement required");
    let rating = |r: &Option<String>| r.clone().map_or(Cell::Empty, Cell::Rating);
    let off_scale = lang.pick("尺度外", "not on this scale");
    let any_off_scale = !report.not_on_scale.is_empty();
    let mut headers = vec![lang.pick("提案＼評価", "suggested \\ recorded").to_string()];
    headers.extend(report.recorded_labels.iter().cloned());
    if any_off_scale {
        headers.push(off_scale.into());
    }
    headers.push(lang.pick("合計", "total").into());
    let mut m = Table::new(&headers).title(lang.pick(
        "提案評価と実際の評価の対照表",
        "Suggested against recorded ratings",
    ));
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
            lang.pick("取組", "id"),
            lang.pick("実施項目", "title"),
            lang.pick("提案", "suggested"),
            lang.pick("評価", "recorded"),
            lang.pick("説明", "explanation"),
        ])
        .title(title)
        .wrap(&[1, 4]);
        for e in items {
            t.row(vec![
                e.id.to_string().into(),
                e.title.clone().into(),
                suggested_cell(e, lang),
                rating(&e.recorded),
                e.explanation.clone().into(),
            ]);
        }
        t
    };
    let d = item_table(
        lang.pick("不一致の項目", "Disagreements"),
        &report.disagreements,
    );
    let w = item_table(
        lang.pick(
            "根拠の弱い提案 (一致しているが、先に確認する項目)",
            "Suggestions on weak evidence (they agree; read these first)",
        ),
        &report.weak,
    );
    let mut j = Table::new(&[
        lang.pick("取組", "id"),
        lang.pick("実施項目", "title"),
        lang.pick("評価", "recorded"),
        lang.pick("説明", "explanation"),
    ])
    .title(lang.pick("要判断の項目", "Left to judgement"))
    .wrap(&[1, 3]);
    for e in &report.judgements {
        j.row(vec![
            e.id.to_string().into(),
            e.title.clone().into(),
            rating(&e.recorded),
            e.explanation.clone().into(),
        ]);
    }
    let mut o = Table::new(&[
        lang.pick("取組", "id"),
        lang.pick("実施項目", "title"),
        lang.pick("評価", "recorded"),
        lang.pick("提案", "suggested"),
        lang.pick("説明", "explanation"),
    ])
    .title(lang.pick(
        "尺度にない評価 (比較できない項目)",
        "Recorded ratings not on this scale (not comparable)",
    ))
    .wrap(&[1, 4]);
    for e in &report.not_on_scale {
        o.row(vec![
            e.id.to_string().into(),
            e.title.clone().into(),
            rating(&e.recorded),
            e.suggested
                .clone()
                .map_or_else(|| judge.into(), Cell::Rating),
            e.explanation.clone().into(),
        ]);
    }
    let mut doc = Document::default();
    doc.push(m);
    let figure = if report.comparable && !report.read_as.is_empty() {
        // Different scales, compared through the relation the rule set declares.
        format!(
            "{} ({}: {})",
            report.figure(lang),
            lang.pick(
                "提案を評価の尺度に読み替え",
                "suggestions read on the recorded scale"
            ),
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
            lang.pick("比較できません", "not comparable"),
            lang.pick("評価の尺度", "recorded on"),
            report.recorded_labels.join("/"),
            lang.pick("提案の尺度", "suggested on"),
            report.suggested_labels.join("/"),
        )
    };
    let mut line = AgreementText::Line {
        figure,
        judgement: report.judgement_required,
        rated: report.rated,
    }
    .localize(lang);
    if any_off_scale {
        let off = AgreementText::OffScale {
            count: report.not_on_scale.len(),
        };
        line.push_str(&off.localize(lang));
    }
    let mut fields = vec![Field::text(lang.pick("一致率", "agreement"), line)];
    if report.comparable && report.from_text.agree + report.from_text.differ > 0 {
        fields.push(Field::text(
            lang.pick("数値による提案", "rated from the numbers"),
            report.from_numbers.text(lang),
        ));
        fields.push(Field::text(
            lang.pick(
                "文章による提案 (マイルストーン・目標0)",
                "rated from the text (milestones, targets of 0)",
            ),
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
        lang.pick("ルール", "rules"),
        ev.rules.short(),
    )]));
    let mut t = Table::new(&[
        "id",
        "suggested",
        "weak",
        "recorded",
        "agreement",
        "explanation",
    ]);
    for e in &ev.items {
        t.row(vec![
            e.id.to_string().into(),
            rating(&e.suggested),
            e.reading
                .as_ref()
                .map_or(Cell::Empty, |r| Cell::Text(r.weak.to_string())),
            rating(&e.recorded),
            if report.not_on_scale.iter().any(|o| o.id == e.id) {
                "not_on_scale".into()
            } else {
                serde_json::to_value(e.agreement)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
                    .into()
            },
            e.explanation.clone().into(),
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
