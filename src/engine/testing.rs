//! Rule sets built in memory for unit tests: a two-label scale, a rating script and one kind,
//! and an input and call site to run them with.

use rust_decimal::Decimal;

use super::{CallSite, MemoryRules, RuleError, RuleInput, RuleSet};
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

/// A rating script on [`TWO_LABEL_CONFIG`]: A above 100%, else B; `()` without an achievement.
pub const RATING: &str =
    "fn rating(x, a) { if a == () { return (); } if a > 1 { \"A\" } else { \"B\" } }";

/// Loads the rule set "mem" with [`RATING`] and `script` as the kind `k`.
pub fn rules(script: &str) -> Result<RuleSet, RuleError> {
    memory_rules(RATING, "k", script)
}

/// Item 1-2-3 of kind `k` in R5: target 40, actual 44.
pub fn input() -> RuleInput {
    RuleInput {
        id: "1-2-3".into(),
        year: "R5".into(),
        kind: "k".into(),
        target: Some(Decimal::from(40)),
        actual: Some(Decimal::from(44)),
        ..RuleInput::default()
    }
}

/// Where [`input`] is: item 1-2-3, R5.
pub const AT: CallSite = CallSite {
    item: Some("1-2-3"),
    year: "R5",
};

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
