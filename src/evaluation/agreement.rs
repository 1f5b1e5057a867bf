//! Agreement: the rules' suggested ratings against the recorded ones — the matrix, the
//! agreement figure, the disagreements and the items left to judgement.

use crate::i18n::{Lang, Localize};
use serde::Serialize;

use super::{Agreement, Evaluation, ItemEvaluation};

crate::i18n::messages! {
    /// The words of `gyokaku agreement`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AgreementText {
        /// How many of the judged items the suggestion agrees with.
        Figure { agree: usize, judged: usize, percent: String } =>
            ja: "{judged} 件中 {agree} 件 ({percent})",
            en: "{agree} of {judged} ({percent})";
        /// No item could be judged.
        NoneJudged =>
            ja: "0 件中 0 件",
            en: "0 of 0";
    }
}

/// The comparison of suggested and recorded ratings.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementReport {
    /// The rule set's labels (the suggestions), best first: the matrix's rows.
    pub suggested_labels: Vec<String>,
    /// The recorded ratings' labels (the plan's scale), best first: the matrix's columns.
    pub recorded_labels: Vec<String>,
    /// Whether the two scales can be compared: the same labels in the same order, or a
    /// relation the rule set declares. When they cannot, the matrix is a cross-table and
    /// nothing agrees or differs.
    pub comparable: bool,
    /// The declared relation the suggestions are read through (suggested label → recorded
    /// label), when the scales differ and the rule set declares one.
    pub read_as: Vec<(String, String)>,
    /// `matrix[s][r]`: items suggested `suggested_labels[s]` and recorded `recorded_labels[r]`;
    /// the last row is "judgement required".
    pub matrix: Vec<Vec<usize>>,
    /// Items whose suggestion equals the recorded rating.
    pub agree: usize,
    /// Items whose suggestion differs.
    pub differ: usize,
    /// Items with a recorded rating that the rules leave to judgement (the matrix's 要判断 row,
    /// whatever the scales).
    pub judgement_required: usize,
    /// Items with a recorded rating on the recorded scale.
    pub rated: usize,
    /// Agreement among the items rated from their numbers (achievement → rating).
    pub from_numbers: Figure,
    /// Agreement among the items rated from a reading of their text (milestones, targets of
    /// 0: judge → judged).
    pub from_text: Figure,
    /// The disagreements, in item order.
    pub disagreements: Vec<ItemEvaluation>,
    /// The suggestions that agree but rest on weak evidence (the reading of the text gives
    /// little to go on): after the disagreements, what the analyst should read first.
    pub weak: Vec<ItemEvaluation>,
    /// The items left to judgement.
    pub judgements: Vec<ItemEvaluation>,
    /// `not_on_scale_by_suggestion[s]`: items suggested `suggested_labels[s]` (the last:
    /// judgement required) whose recorded rating is not on the recorded scale.
    pub not_on_scale_by_suggestion: Vec<usize>,
    /// Items whose recorded rating is not on the recorded scale (a plan without a scale of its
    /// own, read on the rules' scale): not comparable, never mapped onto the scale.
    pub not_on_scale: Vec<ItemEvaluation>,
}

/// Suggestions that agree with the recorded rating, of those compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Suggestions equal to the recorded rating.
    pub agree: usize,
    /// Suggestions that differ.
    pub differ: usize,
}

impl Figure {
    /// "58 件中 52 件 (89.7%)", "52 of 58 (89.7%)".
    pub fn text(&self, lang: Lang) -> String {
        let judged = self.agree + self.differ;
        if judged == 0 {
            return AgreementText::NoneJudged.localize(lang);
        }
        let pct = rust_decimal::Decimal::from(self.agree) / rust_decimal::Decimal::from(judged);
        AgreementText::Figure {
            agree: self.agree,
            judged,
            percent: crate::number::format_percent(pct),
        }
        .localize(lang)
    }
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
        comparable: ev.scale.relates_to(&ev.recorded_scale),
        read_as: if ev.scale.comparable_with(&ev.recorded_scale) {
            Vec::new()
        } else {
            ev.scale
                .labels()
                .filter_map(|l| {
                    ev.scale
                        .read_on(l, &ev.recorded_scale)
                        .map(|r| (l.to_string(), r.to_string()))
                })
                .collect()
        },
        matrix: Vec::new(),
        agree: 0,
        differ: 0,
        judgement_required: 0,
        rated: 0,
        from_numbers: Figure::default(),
        from_text: Figure::default(),
        disagreements: Vec::new(),
        weak: Vec::new(),
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
        // Left to judgement is counted whether or not the scales compare: the matrix's
        // 要判断 row and this count are the same items.
        if e.suggested.is_none() {
            report.judgement_required += 1;
            report.judgements.push(e.clone());
        }
        let Some(r) = col(recorded) else {
            report.not_on_scale_by_suggestion[s] += 1;
            report.not_on_scale.push(e.clone());
            continue;
        };
        report.rated += 1;
        matrix[s][r] += 1;
        let basis = if e.reading.is_some() {
            &mut report.from_text
        } else {
            &mut report.from_numbers
        };
        match e.agreement {
            Agreement::Agrees => {
                report.agree += 1;
                basis.agree += 1;
                if e.reading.as_ref().is_some_and(|r| r.weak) {
                    report.weak.push(e.clone());
                }
            }
            Agreement::Differs => {
                report.differ += 1;
                basis.differ += 1;
                report.disagreements.push(e.clone());
            }
            Agreement::JudgementRequired | Agreement::NotRecorded | Agreement::NotOnScale => {}
        }
    }
    report.matrix = matrix;
    report
}

impl AgreementReport {
    /// "52 of 58 (89.7%)": agreement among the items the rules rated.
    pub fn figure(&self, lang: Lang) -> String {
        Figure {
            agree: self.agree,
            differ: self.differ,
        }
        .text(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
