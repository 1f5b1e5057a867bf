//! Rule sets built in memory for unit tests: a two-label scale, a rating script and one kind.

use super::{MemoryRules, RuleError, RuleSet};
use crate::model::SourceFile;

/// A ruleset.toml with the scale A (ahead of plan) and B (roughly on plan).
pub const TWO_LABEL_CONFIG: &str = r#"
name = "test"
[[scale.ratings]]
label = "A"
name = "計画を上回る"
name_en = "ahead of plan"
[[scale.ratings]]
label = "B"
name = "概ね計画どおり"
name_en = "roughly on plan"
"#;

/// Loads the rule set "mem": [`TWO_LABEL_CONFIG`], `rating` as rating.rhai and `script` as
/// `kinds/<kind>.rhai`.
pub fn memory_rules(rating: &str, kind: &str, script: &str) -> Result<RuleSet, RuleError> {
    RuleSet::load(&MemoryRules {
        name: "mem".into(),
        files: vec![
            SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
            SourceFile::new("rating.rhai", rating),
            SourceFile::new(format!("kinds/{kind}.rhai"), script),
        ],
    })
}

/// The English wording of an error, for tests that assert its text (`to_string` is Japanese).
pub trait English {
    /// The text in English.
    fn en(&self) -> String;
}

impl<T: crate::i18n::Localize> English for T {
    fn en(&self) -> String {
        self.localize(crate::i18n::Lang::En)
    }
}
