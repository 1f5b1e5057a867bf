//! A rating scale (評価): labels, order and meaning. The rule set defines the scale its
//! suggestions use; a plan may declare the scale its recorded ratings use.

use serde::{Deserialize, Serialize};
use toml::Spanned;

crate::i18n::messages! {
    /// What is wrong with a scale's declared relation to another scale.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ScaleProblem {
        /// A label that is not on this scale.
        NotOnThisScale { other: String, label: String } =>
            ja: "{other} との対応: {label:?} はこの尺度の記号ではありません",
            en: "relation to {other}: {label:?} is not a label of this scale";
        /// A label that is not on the other scale.
        NotOnThatScale { other: String, label: String } =>
            ja: "{other} との対応: {label:?} は相手の尺度の記号ではありません",
            en: "relation to {other}: {label:?} is not a label of that scale";
        /// A label of this scale left out.
        Unrelated { other: String, label: String } =>
            ja: "{other} との対応: この尺度の {label:?} の対応がありません",
            en: "relation to {other}: {label:?} of this scale is not related";
    }

    /// A rating recorded in a plan whose document records none (`scale = "none"`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum NoRatings {
        /// A rating where the plan records none.
        Recorded { field: String, label: String } =>
            ja: "{field}: {label:?} は評価ですが、この計画は評価を記録しません (plan.toml の scale = \"none\")。評価を消すか、計画の評価尺度を [[scale.ratings]] で宣言してください",
            en: "{field}: {label:?} is a rating, but this plan records none (scale = \"none\" in plan.toml): remove it, or declare the plan's scale with [[scale.ratings]]";
    }
}

/// One rating of the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The label recorded on the sheets: "A".
    pub label: String,
    /// Its meaning in the document's words: "計画を上回る".
    pub name: String,
    /// Its meaning in English: "ahead of plan".
    pub name_en: String,
}

/// How the labels of one scale read on another scale's: declared by the analyst in
/// `ruleset.toml` (`[[scale.relations]]`), because bands of different schemes never match by
/// their letters (a ≥110% "S" is not a >100% "A" by name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The other scale, by its labels best first: `["A", "B", "C", "D"]`.
    pub scale: Vec<String>,
    /// Each label of this scale and the other scale's label it reads as: `S = "A"`.
    pub labels: std::collections::BTreeMap<String, String>,
}

/// The ratings, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Best first.
    pub ratings: Vec<Rating>,
    /// How its labels read on other scales, for comparing ratings across them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
}

impl Scale {
    /// The scale of a plan whose document records no ratings (`scale = "none"`).
    pub fn none() -> Scale {
        Scale {
            ratings: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// Whether two of its ratings have the same label (after [`normalize_label`]).
    pub fn repeats_a_label(&self) -> bool {
        let labels: Vec<String> = self
            .ratings
            .iter()
            .map(|r| normalize_label(&r.label))
            .collect();
        labels
            .iter()
            .enumerate()
            .any(|(i, l)| labels[..i].contains(l))
    }

    /// Whether ratings are recorded on it at all (`scale = "none"` has no ratings).
    pub fn records_ratings(&self) -> bool {
        !self.ratings.is_empty()
    }

    /// The rating with this label.
    pub fn get(&self, label: &str) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.label == label)
    }

    /// Position of a label, best = 0.
    pub fn position(&self, label: &str) -> Option<usize> {
        self.ratings.iter().position(|r| r.label == label)
    }

    /// The labels, best first.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.ratings.iter().map(|r| r.label.as_str())
    }

    /// Whether ratings on the two scales can be compared: the same labels in the same order.
    /// (The wording of a meaning may differ: 計画どおり進捗せず / 計画より進捗が遅れている.)
    pub fn comparable_with(&self, other: &Scale) -> bool {
        self.labels().eq(other.labels())
    }

    /// The declared relation of this scale's labels to `other`'s (one whose `scale` is
    /// `other`'s labels in order), when there is one.
    pub fn relation_to(&self, other: &Scale) -> Option<&Relation> {
        self.relations
            .iter()
            .find(|r| r.scale.iter().map(String::as_str).eq(other.labels()))
    }

    /// `label` of this scale as read on `other`: itself when the scales are the same, through
    /// the declared relation otherwise; `None` when it cannot be read there.
    pub fn read_on<'a>(&'a self, label: &'a str, other: &'a Scale) -> Option<&'a str> {
        if self.comparable_with(other) {
            return self.get(label).map(|r| r.label.as_str());
        }
        self.relation_to(other)?
            .labels
            .get(label)
            .map(String::as_str)
    }

    /// Whether ratings on this scale can be compared with ratings on `other`: the same labels,
    /// or a declared relation.
    pub fn relates_to(&self, other: &Scale) -> bool {
        self.comparable_with(other) || self.relation_to(other).is_some()
    }

    /// What is wrong with the declared relations: a label that is not on this scale or not on
    /// the other, or a label of this scale left unrelated.
    pub fn relation_problems(&self) -> Vec<ScaleProblem> {
        let mut problems = Vec::new();
        for r in &self.relations {
            let other = r.scale.join("/");
            for (from, to) in &r.labels {
                if self.get(from).is_none() {
                    problems.push(ScaleProblem::NotOnThisScale {
                        other: other.clone(),
                        label: from.clone(),
                    });
                }
                if !r.scale.contains(to) {
                    problems.push(ScaleProblem::NotOnThatScale {
                        other: other.clone(),
                        label: to.clone(),
                    });
                }
            }
            for l in self.labels().filter(|l| !r.labels.contains_key(*l)) {
                problems.push(ScaleProblem::Unrelated {
                    other: other.clone(),
                    label: l.to_string(),
                });
            }
        }
        problems
    }
}

/// A label as compared for sameness: without surrounding spaces, full-width letters and digits
/// folded ("Ａ" is "A"). Case is kept: a–d and A–D are different scales.
pub fn normalize_label(label: &str) -> String {
    label
        .trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// A label given twice in the `[[scale.ratings]]` of a TOML file (plan.toml, ruleset.toml): the
/// label and the 1-based lines of both places; `None` when every label is distinct (after
/// [`normalize_label`]) or the text has no scale.
pub fn duplicate_label(text: &str) -> Option<(String, usize, usize)> {
    #[derive(Deserialize)]
    struct File {
        scale: Option<Labels>,
    }
    #[derive(Deserialize)]
    struct Labels {
        ratings: Vec<Label>,
    }
    #[derive(Deserialize)]
    struct Label {
        label: Spanned<String>,
    }
    let file: File = toml::from_str(text).ok()?;
    let ratings = file.scale?.ratings;
    let line = |l: &Spanned<String>| super::lines::line_of(text, l.span().start);
    for (i, r) in ratings.iter().enumerate() {
        let key = normalize_label(r.label.get_ref());
        if let Some(first) = ratings[..i]
            .iter()
            .find(|f| normalize_label(f.label.get_ref()) == key)
        {
            return Some((
                r.label.get_ref().clone(),
                line(&first.label),
                line(&r.label),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn labels_given_twice_are_found_with_both_lines() {
        let text = "[[scale.ratings]]\nlabel = \"A\"\n[[scale.ratings]]\nlabel = \"B\"\n[[scale.ratings]]\nlabel = \" Ａ\"\n";
        assert_eq!(duplicate_label(text), Some((" Ａ".into(), 2, 6)));
        assert_eq!(
            duplicate_label("[[scale.ratings]]\nlabel = \"a\"\n[[scale.ratings]]\nlabel = \"A\"\n"),
            None
        );
        assert_eq!(duplicate_label("x = 1"), None);
    }

    /// The file is looked at again for lines only when the parsed scale repeats a label.
    #[test]
    fn a_repeated_label_is_seen_in_the_parsed_scale() {
        let scale = |labels: &[&str]| Scale {
            ratings: labels
                .iter()
                .map(|l| Rating {
                    label: l.to_string(),
                    name: String::new(),
                    name_en: String::new(),
                })
                .collect(),
            ..Scale::none()
        };
        assert!(scale(&["A", "B", " Ａ"]).repeats_a_label());
        assert!(!scale(&["A", "B", "a"]).repeats_a_label());
        assert!(!Scale::none().repeats_a_label());
    }
}
