//! A rule set's data files (`data/*.toml`): word lists and orders an analyst edits without
//! touching a script — the phrase groups of `data/phrases.toml`, the ordered steps of
//! `data/steps.toml`. Scripts read a file with `data("steps")`, find the phrases of a text
//! with `phrases(text)` and the words of steps with `step_words(text)`; both searches are
//! prepared once, when the rule set is loaded.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rhai::{Array, Dynamic, Map};
use rust_decimal::Decimal;
use serde::Deserialize;

use super::error::RuleError;
use super::text;
use crate::i18n::RuleConfigProblem;

/// The folder of a rule set that holds its data files.
pub const DATA_DIR: &str = "data";
/// The data file of phrase groups read by `phrases(text)`.
pub const PHRASES_FILE: &str = "data/phrases.toml";
/// The data file of ordered steps read by `step_words(text)`.
pub const STEPS_FILE: &str = "data/steps.toml";

/// One group of `data/phrases.toml`: phrases that say the same thing about the year's work.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseGroup {
    /// The group's name, as scripts see it ("completion").
    pub name: String,
    /// What its phrases say, for analysts.
    #[serde(default)]
    pub meaning: String,
    /// The group's name in Japanese explanations ("完了・実施"), as scripts see it
    /// (`label`); its `name` when not given.
    #[serde(default)]
    pub label: String,
    /// The phrases, exactly as they are written in comments.
    pub phrases: Vec<String>,
    /// 1-based line of the group in the file.
    #[serde(skip)]
    pub line: usize,
}

impl PhraseGroup {
    /// The group's name in Japanese explanations: its label, else its name.
    pub fn label(&self) -> &str {
        if self.label.trim().is_empty() {
            &self.name
        } else {
            &self.label
        }
    }
}

#[derive(Deserialize)]
struct PhraseFile {
    #[serde(default)]
    group: Vec<toml::Spanned<PhraseGroup>>,
}

/// The phrase groups of a rule set, ready to search texts, with a record of which groups some
/// text contained (for `gyokaku test --coverage`).
#[derive(Debug)]
pub struct PhraseBook {
    file: String,
    groups: Vec<PhraseGroup>,
    /// Every phrase, prepared for searching, and the group it belongs to.
    phrases: text::Scanner,
    group_of: Vec<usize>,
    recording: AtomicBool,
    found: Vec<AtomicBool>,
}

/// A phrase group and whether any text searched while recording contained one of its phrases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseGroupCoverage {
    /// The data file.
    pub file: String,
    /// 1-based line of the group.
    pub line: usize,
    /// The group's name.
    pub name: String,
    /// Its Japanese label (the name when it has none).
    pub label: String,
    /// Whether some case's text contained one of its phrases.
    pub found: bool,
}

impl PhraseBook {
    /// Reads `data/phrases.toml`. Every group needs a name and phrases, and a phrase may belong
    /// to one group only (else a text containing it would say two things).
    pub fn parse(file: &str, text: &str) -> Result<PhraseBook, RuleError> {
        let config = |line: usize, problem: RuleConfigProblem| RuleError::Config {
            file: file.to_string(),
            line,
            problem,
        };
        let parsed: PhraseFile = toml::from_str(text).map_err(|e| {
            config(
                e.span().map(|s| line_of(text, s.start)).unwrap_or(1),
                RuleConfigProblem::Toml {
                    detail: e.message().trim_end().to_string(),
                },
            )
        })?;
        if parsed.group.is_empty() {
            return Err(config(1, RuleConfigProblem::NoPhraseGroups));
        }
        let mut groups = Vec::new();
        let mut phrases = Vec::new();
        let mut group_of = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for spanned in parsed.group {
            let line = line_of(text, spanned.span().start);
            let mut group = spanned.into_inner();
            group.line = line;
            if group.name.trim().is_empty() || group.phrases.is_empty() {
                return Err(config(line, RuleConfigProblem::GroupWithoutPhrases));
            }
            if groups.iter().any(|g: &PhraseGroup| g.name == group.name) {
                return Err(config(
                    line,
                    RuleConfigProblem::SecondGroup {
                        name: group.name.clone(),
                    },
                ));
            }
            for p in &group.phrases {
                if p.trim().is_empty() {
                    return Err(config(
                        line,
                        RuleConfigProblem::EmptyPhrase {
                            group: group.name.clone(),
                        },
                    ));
                }
                if let Some(other) = seen.insert(p.clone(), group.name.clone()) {
                    return Err(config(
                        line,
                        RuleConfigProblem::PhraseInTwoGroups {
                            phrase: p.clone(),
                            first: other,
                            second: group.name.clone(),
                        },
                    ));
                }
                phrases.push(p.clone());
                group_of.push(groups.len());
            }
            groups.push(group);
        }
        Ok(PhraseBook {
            file: file.to_string(),
            found: groups.iter().map(|_| AtomicBool::new(false)).collect(),
            groups,
            phrases: text::Scanner::new(&phrases),
            group_of,
            recording: AtomicBool::new(false),
        })
    }

    /// The groups, in file order.
    pub fn groups(&self) -> &[PhraseGroup] {
        &self.groups
    }

    /// Every phrase of any group in `text`, left to right, the longest at each place, never
    /// overlapping: `(group, phrase, start, end)` with character positions.
    pub fn find(&self, text: &str) -> Vec<(&PhraseGroup, String, usize, usize)> {
        let recording = self.recording.load(Ordering::Relaxed);
        self.phrases
            .scan(text)
            .into_iter()
            .map(|f| {
                let g = self.group_of[f.index];
                if recording {
                    self.found[g].store(true, Ordering::Relaxed);
                }
                (&self.groups[g], f.word, f.start, f.end)
            })
            .collect()
    }

    /// Starts recording which groups texts contain.
    pub(crate) fn record(&self) {
        self.recording.store(true, Ordering::Relaxed);
    }

    /// Which groups texts searched since [`PhraseBook::record`] contained.
    pub(crate) fn coverage(&self) -> Vec<PhraseGroupCoverage> {
        self.groups
            .iter()
            .zip(&self.found)
            .map(|(g, found)| PhraseGroupCoverage {
                file: self.file.clone(),
                line: g.line,
                name: g.name.clone(),
                label: g.label().to_string(),
                found: found.load(Ordering::Relaxed),
            })
            .collect()
    }
}

#[derive(Deserialize)]
struct StepEntry {
    name: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct StepFile {
    #[serde(default)]
    step: Vec<toml::Spanned<StepEntry>>,
}

/// The ordered steps of `data/steps.toml` (`[[step]]`, each a name and the words that name it),
/// ready to search texts. The file's other keys are the scripts' to read through `data`.
#[derive(Debug)]
pub struct StepBook {
    /// The step names, in order.
    names: Vec<String>,
    /// Every word of every step, prepared for searching, and the step it names.
    words: text::Scanner,
    step_of: Vec<usize>,
}

/// One word of a step found in a text by [`StepBook::find`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepWord<'a> {
    /// The step's name.
    pub step: &'a str,
    /// Its place in the order, 0 for the first step.
    pub rank: usize,
    /// Where the word was found, and what follows it.
    pub found: text::Found,
}

impl StepBook {
    /// Reads the `[[step]]`s of `data/steps.toml`: each needs a name and words, and a word
    /// names one step only (else a text containing it would name two).
    pub fn parse(file: &str, text: &str) -> Result<StepBook, RuleError> {
        let config = |line: usize, problem: RuleConfigProblem| RuleError::Config {
            file: file.to_string(),
            line,
            problem,
        };
        let parsed: StepFile = toml::from_str(text).map_err(|e| {
            config(
                e.span().map(|s| line_of(text, s.start)).unwrap_or(1),
                RuleConfigProblem::Toml {
                    detail: e.message().trim_end().to_string(),
                },
            )
        })?;
        let mut names = Vec::new();
        let mut words = Vec::new();
        let mut step_of = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for spanned in parsed.step {
            let line = line_of(text, spanned.span().start);
            let step = spanned.into_inner();
            if step.name.trim().is_empty() || step.words.is_empty() {
                return Err(config(line, RuleConfigProblem::StepWithoutWords));
            }
            for w in step.words {
                if w.trim().is_empty() {
                    return Err(config(
                        line,
                        RuleConfigProblem::EmptyStepWord {
                            step: step.name.clone(),
                        },
                    ));
                }
                if let Some(other) = seen.insert(w.clone(), step.name.clone()) {
                    return Err(config(
                        line,
                        RuleConfigProblem::WordInTwoSteps {
                            word: w.clone(),
                            first: other,
                            second: step.name.clone(),
                        },
                    ));
                }
                words.push(w);
                step_of.push(names.len());
            }
            names.push(step.name);
        }
        Ok(StepBook {
            names,
            words: text::Scanner::new(&words),
            step_of,
        })
    }

    /// Every word of any step in `text`, left to right, the longest at each place, never
    /// overlapping.
    pub fn find(&self, text: &str) -> Vec<StepWord<'_>> {
        self.words
            .scan(text)
            .into_iter()
            .map(|found| {
                let rank = self.step_of[found.index];
                StepWord {
                    step: &self.names[rank],
                    rank,
                    found,
                }
            })
            .collect()
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads a data file into the value scripts get from `data(name)`: tables become maps, arrays
/// arrays, strings strings, whole numbers integers, other numbers exact decimals.
pub fn parse_data(file: &str, text: &str) -> Result<Dynamic, RuleError> {
    let value: toml::Table = toml::from_str(text).map_err(|e| RuleError::Config {
        file: file.to_string(),
        line: e.span().map(|s| line_of(text, s.start)).unwrap_or(1),
        problem: RuleConfigProblem::Toml {
            detail: e.message().trim_end().to_string(),
        },
    })?;
    to_dynamic(file, &toml::Value::Table(value))
}

fn to_dynamic(file: &str, value: &toml::Value) -> Result<Dynamic, RuleError> {
    Ok(match value {
        toml::Value::String(s) => Dynamic::from(s.clone()),
        toml::Value::Integer(i) => Dynamic::from_int(*i),
        toml::Value::Float(f) => {
            // TOML floats are binary; a rule wants the number as written, which for the
            // short decimals of a data file the shortest representation gives back exactly.
            let d: Decimal = f.to_string().parse().map_err(|_| RuleError::Config {
                file: file.to_string(),
                line: 1,
                problem: RuleConfigProblem::NotExactDecimal {
                    number: f.to_string(),
                },
            })?;
            Dynamic::from_decimal(d)
        }
        toml::Value::Boolean(b) => Dynamic::from_bool(*b),
        toml::Value::Datetime(d) => Dynamic::from(d.to_string()),
        toml::Value::Array(a) => Dynamic::from_array(
            a.iter()
                .map(|v| to_dynamic(file, v))
                .collect::<Result<Array, _>>()?,
        ),
        toml::Value::Table(t) => {
            let mut map = Map::new();
            for (k, v) in t {
                map.insert(k.as_str().into(), to_dynamic(file, v)?);
            }
            Dynamic::from_map(map)
        }
    })
}

/// The data files of a rule set by name (`steps` for `data/steps.toml`), and its phrase book.
#[derive(Debug, Default, Clone)]
pub struct Data {
    /// The files, as the rule set names them ("rules/data/steps.toml").
    pub paths: Vec<String>,
    /// `data(name)` values.
    pub files: Arc<BTreeMap<String, Dynamic>>,
    /// `phrases(text)`, when the rule set has `data/phrases.toml`.
    pub phrases: Option<Arc<PhraseBook>>,
    /// `step_words(text)`, when the rule set has `data/steps.toml`.
    pub steps: Option<Arc<StepBook>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::English as _;

    const PHRASES: &str = r#"
[[group]]
name = "completion"
phrases = ["完了した", "った"]

[[group]]
name = "shortfall"
meaning = "planned work not reached"
label = "未達"
phrases = ["至らなかった"]
"#;

    #[test]
    fn phrases_are_found_longest_first_and_recorded() {
        let book = PhraseBook::parse("data/phrases.toml", PHRASES).unwrap();
        book.record();
        let found = book.find("調査は完了したが、視察には至らなかった。");
        let got: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|f| (f.0.name.as_str(), f.0.label(), f.1.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("completion", "completion", "完了した"),
                ("shortfall", "未達", "至らなかった")
            ],
            "a group without a label is called by its name"
        );
        let cov = book.coverage();
        assert_eq!((cov[0].line, cov[1].line), (2, 6));
        assert!(cov.iter().all(|g| g.found));
    }

    #[test]
    fn a_phrase_in_two_groups_is_an_error() {
        let text = "[[group]]\nname = \"a\"\nphrases = [\"x\"]\n[[group]]\nname = \"b\"\nphrases = [\"x\"]\n";
        let err = PhraseBook::parse("p.toml", text).unwrap_err().en();
        assert!(err.starts_with("p.toml:4: the phrase \"x\""), "{err}");
        let err = PhraseBook::parse("p.toml", "x = 1").unwrap_err().en();
        assert!(err.contains("no [[group]]"), "{err}");
        let err = PhraseBook::parse("p.toml", "[[group]]\nname = \"a\"\nphrases = []\n")
            .unwrap_err()
            .en();
        assert!(err.contains("at least one phrase"), "{err}");
    }

    #[test]
    fn step_words_carry_their_step_and_rank() {
        let text = "ahead_from = \"試行\"\n[[step]]\nname = \"検討\"\nwords = [\"検討\", \"協議\"]\n[[step]]\nname = \"運用\"\nwords = [\"運用\", \"運用開始\"]\n";
        let book = StepBook::parse("data/steps.toml", text).unwrap();
        let found = book.find("協議を経て運用開始、運用方法を検討");
        let got: Vec<(&str, usize, &str, bool)> = found
            .iter()
            .map(|w| (w.step, w.rank, w.found.word.as_str(), w.found.joined))
            .collect();
        assert_eq!(
            got,
            [
                ("検討", 0, "協議", false),
                ("運用", 1, "運用開始", false),
                ("運用", 1, "運用", true),
                ("検討", 0, "検討", false)
            ]
        );
        assert!(StepBook::parse("s.toml", "ahead_from = \"x\"\n")
            .unwrap()
            .find("検討")
            .is_empty());
        let twice =
            "[[step]]\nname = \"a\"\nwords = [\"x\"]\n[[step]]\nname = \"b\"\nwords = [\"x\"]\n";
        let err = StepBook::parse("s.toml", twice).unwrap_err().en();
        assert!(err.starts_with("s.toml:4: the word \"x\""), "{err}");
        let err = StepBook::parse("s.toml", "[[step]]\nname = \"a\"\nwords = []\n")
            .unwrap_err()
            .en();
        assert!(err.contains("at least one word"), "{err}");
        let err = StepBook::parse("s.toml", "[[step]]\nname = \"a\"\nwords = [\" \"]\n")
            .unwrap_err()
            .en();
        assert!(err.contains("empty word"), "{err}");
    }

    #[test]
    fn data_files_become_maps_of_exact_values() {
        let d = parse_data(
            "data/steps.toml",
            "ahead_from = \"試行\"\nshare = 0.3\n[[step]]\nname = \"検討\"\nwords = [\"検討\", \"協議\"]\n",
        )
        .unwrap();
        let map = d.cast::<Map>();
        assert_eq!(
            map["share"].as_decimal().unwrap(),
            Decimal::from_str_exact("0.3").unwrap()
        );
        let steps = map["step"].clone().into_array().unwrap();
        assert_eq!(steps.len(), 1);
        let err = parse_data("data/x.toml", "a = ").unwrap_err().en();
        assert!(err.starts_with("data/x.toml:1:"), "{err}");
    }
}
