//! The rating scale (評価): labels, order and meaning. It belongs to the rule set, not to Rust.

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
}
