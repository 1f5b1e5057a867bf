//! A rating scale (評価): labels, order and meaning. The rule set defines the scale its
//! suggestions use; a plan may declare the scale its recorded ratings use.

use serde::{Deserialize, Serialize};

/// One rating of the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The label recorded on the sheets: "A".
    pub label: String,
    /// Its meaning in the document's words: "計画を上回る".
    pub name: String,
    /// Its meaning in English: "ahead of plan".
    pub name_en: String,
}

/// The ratings, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Best first.
    pub ratings: Vec<Rating>,
}

impl Scale {
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
}
