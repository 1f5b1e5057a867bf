//! `gyokaku agreement`: renders the comparison of suggested and recorded ratings
//! ([`AgreementReport`]) — the matrix, the agreement figure and every disagreement.

use super::{Align, Format, Lang, Table};
use crate::evaluation::{AgreementReport, Evaluation};

/// Renders an agreement report.
pub fn render_agreement(
    report: &AgreementReport,
    ev: &Evaluation,
    format: Format,
    lang: Lang,
) -> String {
    if format == Format::Json {
        return serde_json::to_string_pretty(&serde_json::json!({
            "year": ev.year,
            "rules": ev.rules,
            "report": report,
        }))
        .expect("JSON of plain values")
            + "\n";
    }
    let judge = lang.pick("要判断", "judgement required");
    let off_scale = lang.pick("尺度外", "not on this scale");
    let any_off_scale = !report.not_on_scale.is_empty();
    let mut headers = vec![lang.pick("提案＼評価", "suggested \\ recorded").to_string()];
    headers.extend(report.recorded_labels.iter().cloned());
    if any_off_scale {
        headers.push(off_scale.into());
    }
    headers.push(lang.pick("合計", "total").into());
    let h: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut align = vec![Align::Left];
    align.extend(std::iter::repeat_n(Align::Right, h.len() - 1));
    let mut m = Table::new(&h).align(&align).title(lang.pick(
        "提案評価と実際の評価の対照表",
        "Suggested against recorded ratings",
    ));
    for (i, row) in report.matrix.iter().enumerate() {
        let name = report
            .suggested_labels
            .get(i)
            .cloned()
            .unwrap_or_else(|| judge.to_string());
        let mut cells = vec![name];
        cells.extend(row.iter().map(|n| n.to_string()));
        let mut sum = row.iter().sum::<usize>();
        if any_off_scale {
            let n = report.not_on_scale_by_suggestion[i];
            cells.push(n.to_string());
            sum += n;
        }
        cells.push(sum.to_string());
        m.row(cells);
    }
    let mut d = Table::new(&[
        lang.pick("取組", "id"),
        lang.pick("実施項目", "title"),
        lang.pick("提案", "suggested"),
        lang.pick("評価", "recorded"),
        lang.pick("説明", "explanation"),
    ])
    .title(lang.pick("不一致の項目", "Disagreements"));
    for e in &report.disagreements {
        d.row(vec![
            e.id.to_string(),
            e.title.clone(),
            e.suggested.clone().unwrap_or_default(),
            e.recorded.clone().unwrap_or_default(),
            e.explanation.clone(),
        ]);
    }
    let mut j = Table::new(&[
        lang.pick("取組", "id"),
        lang.pick("実施項目", "title"),
        lang.pick("評価", "recorded"),
        lang.pick("説明", "explanation"),
    ])
    .title(lang.pick("要判断の項目", "Left to judgement"));
    for e in &report.judgements {
        j.row(vec![
            e.id.to_string(),
            e.title.clone(),
            e.recorded.clone().unwrap_or_default(),
            e.explanation.clone(),
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
    ));
    for e in &report.not_on_scale {
        o.row(vec![
            e.id.to_string(),
            e.title.clone(),
            e.recorded.clone().unwrap_or_default(),
            e.suggested.clone().unwrap_or_else(|| judge.into()),
            e.explanation.clone(),
        ]);
    }
    if format == Format::Csv {
        let mut t = Table::new(&["id", "suggested", "recorded", "agreement", "explanation"]);
        for e in &ev.items {
            t.row(vec![
                e.id.to_string(),
                e.suggested.clone().unwrap_or_default(),
                e.recorded.clone().unwrap_or_default(),
                if report.not_on_scale.iter().any(|o| o.id == e.id) {
                    "not_on_scale".into()
                } else {
                    serde_json::to_value(e.agreement)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default()
                },
                e.explanation.clone(),
            ]);
        }
        return t.render(format);
    }
    let mut out = String::new();
    out.push_str(&m.render(format));
    out.push('\n');
    let figure = if report.comparable {
        report.figure()
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
    out.push_str(&format!(
        "{}: {} — {} {}, {} {}",
        lang.pick("一致率", "agreement"),
        figure,
        lang.pick("要判断", "judgement required"),
        report.judgement_required,
        lang.pick("評価済み", "rated items"),
        report.rated
    ));
    if any_off_scale {
        out.push_str(&format!(
            ", {} {}",
            lang.pick("尺度外 (比較対象外)", "not on this scale (not compared)"),
            report.not_on_scale.len()
        ));
    }
    out.push_str("\n\n");
    out.push_str(&d.render(format));
    out.push('\n');
    out.push_str(&j.render(format));
    if any_off_scale {
        out.push('\n');
        out.push_str(&o.render(format));
    }
    out.push_str(&format!(
        "{}: {}\n",
        lang.pick("ルール", "rules"),
        ev.rules.short()
    ));
    out
}
