//! `gyokaku agreement`: suggested against recorded ratings — the matrix, the agreement figure
//! and every disagreement with its explanation.

use serde::Serialize;

use super::{Align, Format, Lang, Table};
use crate::evaluation::{Agreement, Evaluation, ItemEvaluation};

/// The comparison of suggested and recorded ratings.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementReport {
    /// The rule set's labels (the suggestions), best first: the matrix's rows.
    pub suggested_labels: Vec<String>,
    /// The recorded ratings' labels (the plan's scale), best first: the matrix's columns.
    pub recorded_labels: Vec<String>,
    /// Whether the two scales can be compared (the same labels in the same order). When they
    /// cannot, the matrix is a cross-table and nothing agrees or differs.
    pub comparable: bool,
    /// `matrix[s][r]`: items suggested `suggested_labels[s]` and recorded `recorded_labels[r]`;
    /// the last row is "judgement required".
    pub matrix: Vec<Vec<usize>>,
    /// Items whose suggestion equals the recorded rating.
    pub agree: usize,
    /// Items whose suggestion differs.
    pub differ: usize,
    /// Items left to judgement.
    pub judgement_required: usize,
    /// Items with a recorded rating on the recorded scale.
    pub rated: usize,
    /// The disagreements, in item order.
    pub disagreements: Vec<ItemEvaluation>,
    /// The items left to judgement.
    pub judgements: Vec<ItemEvaluation>,
    /// `not_on_scale_by_suggestion[s]`: items suggested `suggested_labels[s]` (the last:
    /// judgement required) whose recorded rating is not on the recorded scale.
    pub not_on_scale_by_suggestion: Vec<usize>,
    /// Items whose recorded rating is not on the recorded scale (a plan without a scale of its
    /// own, read on the rules' scale): not comparable, never mapped onto the scale.
    pub not_on_scale: Vec<ItemEvaluation>,
}

/// Compares the suggested and recorded ratings of an evaluation.
pub fn agreement(ev: &Evaluation) -> AgreementReport {
    let suggested_labels: Vec<String> = ev.scale.labels().map(String::from).collect();
    let recorded_labels: Vec<String> = ev.recorded_scale.labels().map(String::from).collect();
    let row = |l: &str| suggested_labels.iter().position(|x| x == l);
    let col = |l: &str| recorded_labels.iter().position(|x| x == l);
    let mut matrix = vec![vec![0; recorded_labels.len()]; suggested_labels.len() + 1];
    let mut report = AgreementReport {
        suggested_labels: suggested_labels.clone(),
        recorded_labels: recorded_labels.clone(),
        comparable: ev.scale.comparable_with(&ev.recorded_scale),
        matrix: Vec::new(),
        agree: 0,
        differ: 0,
        judgement_required: 0,
        rated: 0,
        disagreements: Vec::new(),
        judgements: Vec::new(),
        not_on_scale_by_suggestion: vec![0; suggested_labels.len() + 1],
        not_on_scale: Vec::new(),
    };
    for e in &ev.items {
        let Some(recorded) = e.recorded.as_deref() else {
            continue;
        };
        let s = e
            .suggested
            .as_deref()
            .and_then(row)
            .unwrap_or(suggested_labels.len());
        let Some(r) = col(recorded) else {
            report.not_on_scale_by_suggestion[s] += 1;
            report.not_on_scale.push(e.clone());
            continue;
        };
        report.rated += 1;
        matrix[s][r] += 1;
        match e.agreement {
            Agreement::Agrees => report.agree += 1,
            Agreement::Differs => {
                report.differ += 1;
                report.disagreements.push(e.clone());
            }
            Agreement::JudgementRequired => {
                report.judgement_required += 1;
                report.judgements.push(e.clone());
            }
            Agreement::NotRecorded | Agreement::NotOnScale => {}
        }
    }
    report.matrix = matrix;
    report
}

impl AgreementReport {
    /// "52 of 58 (89.7%)": agreement among the items the rules rated.
    pub fn figure(&self) -> String {
        let judged = self.agree + self.differ;
        if judged == 0 {
            return "0 of 0".into();
        }
        let pct = rust_decimal::Decimal::from(self.agree) / rust_decimal::Decimal::from(judged);
        format!("{} of {} ({})", self.agree, judged, super::percent(pct))
    }

    /// Renders the report.
    pub fn render(&self, ev: &Evaluation, format: Format, lang: Lang) -> String {
        if format == Format::Json {
            return serde_json::to_string_pretty(&serde_json::json!({
                "year": ev.year,
                "rules": ev.rules,
                "report": self,
            }))
            .expect("JSON of plain values")
                + "\n";
        }
        let judge = lang.pick("要判断", "judgement required");
        let off_scale = lang.pick("尺度外", "not on this scale");
        let any_off_scale = !self.not_on_scale.is_empty();
        let mut headers = vec![lang.pick("提案＼評価", "suggested \\ recorded").to_string()];
        headers.extend(self.recorded_labels.iter().cloned());
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
        for (i, row) in self.matrix.iter().enumerate() {
            let name = self
                .suggested_labels
                .get(i)
                .cloned()
                .unwrap_or_else(|| judge.to_string());
            let mut cells = vec![name];
            cells.extend(row.iter().map(|n| n.to_string()));
            let mut sum = row.iter().sum::<usize>();
            if any_off_scale {
                let n = self.not_on_scale_by_suggestion[i];
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
        for e in &self.disagreements {
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
        for e in &self.judgements {
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
        for e in &self.not_on_scale {
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
                    if self.not_on_scale.iter().any(|o| o.id == e.id) {
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
        let figure = if self.comparable {
            self.figure()
        } else {
            format!(
                "{} ({} {}, {} {})",
                lang.pick("比較できません", "not comparable"),
                lang.pick("評価の尺度", "recorded on"),
                self.recorded_labels.join("/"),
                lang.pick("提案の尺度", "suggested on"),
                self.suggested_labels.join("/"),
            )
        };
        out.push_str(&format!(
            "{}: {} — {} {}, {} {}",
            lang.pick("一致率", "agreement"),
            figure,
            lang.pick("要判断", "judgement required"),
            self.judgement_required,
            lang.pick("評価済み", "rated items"),
            self.rated
        ));
        if any_off_scale {
            out.push_str(&format!(
                ", {} {}",
                lang.pick("尺度外 (比較対象外)", "not on this scale (not compared)"),
                self.not_on_scale.len()
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
}
