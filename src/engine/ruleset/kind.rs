//! What a kind script declares of its kind: top-level constants such as `const LIMIT = true;`,
//! read once when the scripts compile. `gyokaku check` asks for them through
//! [`RuleSet::kind_traits`], the other scripts through `kind(name)`, so that neither needs to
//! know a kind by its name.

use std::collections::BTreeMap;
use std::sync::Arc;

use rhai::{Dynamic, Engine, Map, AST};

use super::compile::Compiled;
use super::RuleSet;
use crate::engine::error::RuleError;
use crate::engine::RuleConfigProblem;
use crate::model::line_of;

/// Declares the traits, each once: its field (also the property `kind(name)` gives), the
/// constant a kind script writes, and the value of a kind that does not declare it.
macro_rules! kind_traits {
    ($( $(#[doc = $doc:literal])* $field:ident: $constant:literal = $default:literal, )*) => {
        /// What a kind's script declares of its kind (`rules/README.md`, "What a kind declares").
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct KindTraits {
            $( $(#[doc = $doc])* pub $field: bool, )*
        }

        impl Default for KindTraits {
            fn default() -> Self {
                KindTraits { $( $field: $default, )* }
            }
        }

        impl KindTraits {
            /// The constants a kind script may declare.
            pub const CONSTANTS: &'static [&'static str] = &[$( $constant ),*];

            /// Sets what `constant` declares; false when it declares nothing.
            fn set(&mut self, constant: &str, value: bool) -> bool {
                match constant {
                    $( $constant => self.$field = value, )*
                    _ => return false,
                }
                true
            }

            /// `kind(name)` as scripts read it: each trait by its field's name.
            fn to_map(self) -> Map {
                let mut map = Map::new();
                $( map.insert(stringify!($field).into(), Dynamic::from_bool(self.$field)); )*
                map
            }
        }
    };
}

kind_traits! {
    /// `NUMERIC_TARGETS`: the targets are numbers, one in every year of the plan's period, so
    /// `gyokaku check` reports a year without one. Declared `false` by a kind whose targets are
    /// steps in words (milestone).
    numeric_targets: "NUMERIC_TARGETS" = true,
    /// `LIMIT`: the target is a limit the actual must keep, and an achievement below 100% means
    /// it was not kept (upper_bound).
    limit: "LIMIT" = false,
    /// `LOWER_IS_BETTER`: the less the better, as for a cost, a count to cut or a limit
    /// (lower_better, upper_bound).
    lower_is_better: "LOWER_IS_BETTER" = false,
    /// `LEVEL`: the target is a level to keep, either way — above it is as far off as below
    /// (level): a forecast asks whether it is kept, not where a trend leads.
    level: "LEVEL" = false,
}

/// Every kind's traits, by kind.
pub(super) type Kinds = BTreeMap<String, KindTraits>;

impl KindTraits {
    /// What the kind script in `file`, whose text is `text`, declares: its top-level constants
    /// (in `ast`, compiled). A constant that declares nothing, or not as `true` or `false`, is
    /// an error naming its line.
    fn declared(file: &str, text: &str, ast: &AST) -> Result<KindTraits, RuleError> {
        let mut traits = KindTraits::default();
        for (name, _, value) in ast.iter_literal_variables(true, false) {
            let error = |problem| RuleError::Config {
                file: file.to_string(),
                line: declaration_line(text, name),
                problem,
            };
            if !KindTraits::CONSTANTS.contains(&name) {
                return Err(error(RuleConfigProblem::UnknownDeclaration {
                    name: name.to_string(),
                    known: KindTraits::CONSTANTS
                        .iter()
                        .map(|c| c.to_string())
                        .collect(),
                }));
            }
            let value = value.as_bool().map_err(|_| {
                error(RuleConfigProblem::DeclarationNotBool {
                    name: name.to_string(),
                })
            })?;
            traits.set(name, value);
        }
        Ok(traits)
    }
}

/// The line of `const <name>` starting a line of `text` (a top-level statement, not a
/// comment); 1 if it cannot be found.
fn declaration_line(text: &str, name: &str) -> usize {
    let word_end = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    let line_start = |i: usize| {
        text[..i]
            .rsplit('\n')
            .next()
            .is_some_and(|s| s.trim().is_empty())
    };
    text.match_indices("const")
        .find(|(i, _)| {
            line_start(*i)
                && (text[i + "const".len()..].trim_start().strip_prefix(name)).is_some_and(word_end)
        })
        .map(|(i, _)| line_of(text, i))
        .unwrap_or(1)
}

/// Registers `kind(name)`: the traits of kind `name` as a map (the defaults for a kind the
/// rule set has no script for).
pub(super) fn register(engine: &mut Engine, kinds: Arc<Kinds>) {
    engine.register_fn("kind", move |name: &str| {
        kinds.get(name).copied().unwrap_or_default().to_map()
    });
}

impl RuleSet {
    /// What each kind's script declares, read from the compiled scripts.
    pub(super) fn declared_kinds(&self, compiled: &Compiled) -> Result<Kinds, RuleError> {
        (self.kinds.iter())
            .map(|(kind, s)| {
                let traits = KindTraits::declared(&s.file, &s.text, compiled.ast(s))?;
                Ok((kind.clone(), traits))
            })
            .collect()
    }

    /// What the script of `kind` declares of its kind; the defaults for a kind without a
    /// script, or when the scripts do not compile.
    pub fn kind_traits(&self, kind: &str) -> KindTraits {
        let Ok(compiled) = self.compiled() else {
            return KindTraits::default();
        };
        compiled.kinds.get(kind).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, memory_rules, AT, RATING, TWO_LABEL_CONFIG};
    use crate::engine::{MemoryRules, RuleInput};
    use crate::model::SourceFile;
    use rust_decimal::Decimal;

    /// The rule set "mem" with `rating` and the kinds `limit` (declares LIMIT), `steps`
    /// (declares NUMERIC_TARGETS = false) and `plain` (declares nothing).
    fn kinds(rating: &str) -> Result<RuleSet, RuleError> {
        RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", rating),
                SourceFile::new(
                    "kinds/limit.rhai",
                    "// a limit\nconst LIMIT = true;\nconst LOWER_IS_BETTER = true;\nfn achievement(x) { 1 }",
                ),
                SourceFile::new(
                    "kinds/steps.rhai",
                    "const NUMERIC_TARGETS = false;\nfn achievement(x) { () }",
                ),
                SourceFile::new("kinds/plain.rhai", "fn achievement(x) { 1 }"),
            ],
        })
    }

    #[test]
    fn a_kind_script_declares_its_traits_and_the_rest_are_defaults() {
        let r = kinds(RATING).unwrap();
        let traits = |limit, lower_is_better, numeric_targets| KindTraits {
            numeric_targets,
            limit,
            lower_is_better,
            level: false,
        };
        assert_eq!(r.kind_traits("limit"), traits(true, true, true));
        assert_eq!(r.kind_traits("steps"), traits(false, false, false));
        assert_eq!(r.kind_traits("plain"), KindTraits::default());
        assert_eq!(r.kind_traits("none"), KindTraits::default());
        assert_eq!(KindTraits::default(), traits(false, false, true));
        assert_eq!(
            KindTraits::CONSTANTS,
            ["NUMERIC_TARGETS", "LIMIT", "LOWER_IS_BETTER", "LEVEL"]
        );
    }

    /// The rating asks `kind(x.kind)`, never a kind's name; and a call remembered for one kind
    /// is not recalled for another, since reading `x.kind` is part of what the call read.
    #[test]
    fn scripts_read_the_traits_of_a_kind_by_its_name() {
        let r = kinds(
            r#"fn rating(x, a) {
                let k = kind(x.kind);
                if k.limit && k.lower_is_better && k.numeric_targets { "B" } else { "A" }
            }"#,
        )
        .unwrap();
        let rate = |kind: &str| {
            let x = RuleInput {
                kind: kind.into(),
                ..input()
            };
            r.rating(&Arc::new(x), Some(Decimal::ONE), AT)
                .unwrap()
                .value
        };
        for _ in 0..2 {
            assert_eq!(rate("limit").as_deref(), Some("B"));
            assert_eq!(rate("plain").as_deref(), Some("A"));
            assert_eq!(rate("steps").as_deref(), Some("A"));
            // A kind the rule set has no script for has the defaults.
            assert_eq!(rate("").as_deref(), Some("A"));
        }
        let misspelt = kinds("fn rating(x, a) { if kind(x.kind).limt { \"A\" } else { \"B\" } }")
            .unwrap()
            .rating(&Arc::new(input()), None, AT)
            .unwrap_err()
            .en();
        assert!(misspelt.contains("limt"), "{misspelt}");
    }

    #[test]
    fn a_constant_that_declares_nothing_or_not_as_a_truth_value_is_an_error() {
        let err = memory_rules(
            RATING,
            "k",
            "// kind k\n\nconst LIMT = true;\nfn achievement(x) { 1 }",
        )
        .unwrap_err()
        .en();
        assert_eq!(
            err,
            "mem/kinds/k.rhai:3: the constant LIMT declares nothing of the kind: a kind script can declare NUMERIC_TARGETS, LIMIT, LOWER_IS_BETTER, LEVEL"
        );
        let err = memory_rules(
            RATING,
            "k",
            "const  LIMIT = \"yes\";\nfn achievement(x) { 1 }",
        )
        .unwrap_err()
        .en();
        assert_eq!(
            err,
            "mem/kinds/k.rhai:1: LIMIT must be declared true or false"
        );
        // Deferred, the error is the first rule's, as loading's would be.
        let deferred = RuleSet::load_deferred(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", RATING),
                SourceFile::new("kinds/k.rhai", "const LIMIT = 1;\nfn achievement(x) { 1 }"),
            ],
        })
        .unwrap();
        let err = deferred
            .achievement(&Arc::new(input()), AT)
            .unwrap_err()
            .en();
        assert_eq!(
            err,
            "mem/kinds/k.rhai:1: LIMIT must be declared true or false"
        );
        assert_eq!(deferred.kind_traits("k"), KindTraits::default());
    }

    #[test]
    fn a_declaration_is_found_on_its_line() {
        let text = "// const LIMIT in a comment\nconst LIMITED = 1;\nconst\n  LIMIT = true;";
        assert_eq!(declaration_line(text, "LIMIT"), 3);
        assert_eq!(declaration_line(text, "LIMITED"), 2);
        assert_eq!(declaration_line(text, "OTHER"), 1);
    }
}
