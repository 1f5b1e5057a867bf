//! A rule set's data files (`data/*.toml`): word lists and orders an analyst edits without
//! touching a script — the phrase groups of `data/phrases.toml`, the ordered steps of
//! `data/steps.toml`. Scripts read a file with `data("steps")`, find the phrases of a text
//! with `phrases(text)` and the words of steps with `step_words(text)`; both searches are
//! prepared once, when the rule set is loaded. The books also read with them: a year's plan
//! against its comment ([`PhraseBook::read`], `read_comment`) and the furthest step a text
//! names ([`StepBook::furthest`], `furthest_step`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rhai::{Array, Dynamic, Map};
use rust_decimal::Decimal;
use serde::Deserialize;

use super::error::RuleError;
use super::text;
use crate::engine::RuleConfigProblem;
use crate::model::{error_line, line_of, SourceFile};

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
    #[serde(default)]
    match_share: Option<toml::Spanned<toml::Value>>,
    #[serde(default)]
    markers: Option<MarkerLists>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct MarkerLists {
    #[serde(default)]
    points: Vec<String>,
    #[serde(default)]
    clauses: Vec<String>,
}

/// How `read_comment` cuts and matches texts: `match_share` and `[markers]` of
/// `data/phrases.toml`, prepared once.
#[derive(Debug, Clone)]
pub struct Matching {
    /// How alike a planned point and a clause must be to be matched (share of the point's
    /// character pairs found in the clause).
    pub match_share: Decimal,
    /// Where the planned actions are cut into points.
    point_splitter: text::Splitter,
    /// Where the comment is cut into clauses.
    clause_splitter: text::Splitter,
}

/// One piece of evidence of [`PhraseBook::read`]: a planned point, the clause of the comment
/// matched with it, the phrase found there and its group — or, in `group`, `not mentioned`
/// (no clause is like the point) or `no phrase` (the clause has no phrase of the groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadEvidence<'a> {
    /// The planned point ("" for a clause no point was matched with).
    pub point: String,
    /// The clause ("" when no clause is like the point).
    pub clause: String,
    /// The most telling phrase of the clause ("" when none).
    pub found: String,
    /// The phrase's group, or `None` with `found` empty.
    pub group: Option<&'a PhraseGroup>,
}

/// What [`PhraseBook::read`] makes of a year's planned actions and comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentReading<'a> {
    /// The planned points, in order.
    pub points: Vec<String>,
    /// The clauses of the comment, in order.
    pub clauses: Vec<String>,
    /// Every group of which the comment has a phrase, in file order.
    pub groups: Vec<&'a PhraseGroup>,
    /// How many planned points a clause was matched with.
    pub matched: usize,
    /// Per planned point (in order) its clause and phrase, then each clause with a telling
    /// phrase that no point was matched with.
    pub evidence: Vec<ReadEvidence<'a>>,
}

/// The phrase groups of a rule set, ready to search texts, with a record of which groups some
/// text contained (for `gyokaku test --coverage`).
#[derive(Debug)]
pub struct PhraseBook {
    /// Named by coverage reports.
    #[cfg_attr(not(feature = "coverage"), allow(dead_code))]
    file: String,
    groups: Vec<PhraseGroup>,
    /// Every phrase, prepared for searching, and the group it belongs to.
    phrases: text::Scanner,
    group_of: Vec<usize>,
    recording: AtomicBool,
    found: Vec<AtomicBool>,
    /// `match_share` and `[markers]`, when the file has them.
    matching: Option<Matching>,
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
                error_line(text, &e),
                RuleConfigProblem::Toml {
                    detail: e.message().trim_end().to_string(),
                },
            )
        })?;
        if parsed.group.is_empty() {
            return Err(config(1, RuleConfigProblem::NoPhraseGroups));
        }
        let matching = match (&parsed.match_share, &parsed.markers) {
            (Some(share), Some(markers)) => {
                let line = line_of(text, share.span().start);
                let match_share = decimal_of(share.get_ref())
                    .filter(|d| (Decimal::ZERO..=Decimal::ONE).contains(d))
                    .ok_or_else(|| {
                        config(
                            line,
                            RuleConfigProblem::NotAShare {
                                key: "match_share".into(),
                            },
                        )
                    })?;
                Some(Matching {
                    match_share,
                    point_splitter: text::Splitter::new(&markers.points),
                    clause_splitter: text::Splitter::new(&markers.clauses),
                })
            }
            _ => None,
        };
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
            matching,
        })
    }

    /// `match_share` and `[markers]` of the file, when it has both.
    pub fn matching(&self) -> Option<&Matching> {
        self.matching.as_ref()
    }

    /// Reads a year's planned actions (`plan`) against its comment with `matching`: the plan
    /// cut into points and the comment into clauses at the markers; each point matched with
    /// the clause most like it (the last of equally alike ones), when at least `match_share`
    /// of its character pairs are found there; of each clause's phrases the most telling, by
    /// the order of group names in `telling` (a phrase of a group not in `telling` never is).
    /// `charge` is told the work of each step before it is done and may stop the reading.
    pub fn read<E>(
        &self,
        plan: &str,
        comment: &str,
        matching: &Matching,
        telling: &[String],
        mut charge: impl FnMut(usize) -> Result<(), E>,
    ) -> Result<CommentReading<'_>, E> {
        charge(matching.clause_splitter.work(comment))?;
        let clauses = matching.clause_splitter.split(comment);
        charge(matching.point_splitter.work(plan))?;
        let points = matching.point_splitter.split(plan);

        // Of each clause's phrases the most telling (its group and phrase; of equally telling
        // ones the first), and every group the comment uses.
        let rank: Vec<Option<usize>> = (self.groups.iter())
            .map(|g| telling.iter().position(|t| *t == g.name))
            .collect();
        let mut used = vec![false; self.groups.len()];
        let mut telling_phrase: Vec<Option<(usize, usize)>> = Vec::with_capacity(clauses.len());
        for clause in &clauses {
            charge(clause.len().saturating_mul(64))?;
            let mut best: Option<(usize, usize, usize)> = None;
            for hit in self.phrases.hits(clause) {
                let g = self.group_of[hit.index];
                self.note_found(g);
                used[g] = true;
                if let Some(r) = rank[g] {
                    if best.is_none_or(|(best_rank, _, _)| r < best_rank) {
                        best = Some((r, g, hit.index));
                    }
                }
            }
            telling_phrase.push(best.map(|(_, g, phrase)| (g, phrase)));
        }
        let most_telling = |clause: usize| {
            telling_phrase[clause]
                .map(|(g, phrase)| (&self.groups[g], self.phrases.word(phrase).to_string()))
        };

        let mut evidence = Vec::new();
        let mut matched = 0;
        let clause_pairs: Vec<text::Pairs> = clauses.iter().map(|c| text::Pairs::of(c)).collect();
        for point in &points {
            let mut best = None;
            let mut best_share = matching.match_share;
            let point_pairs = text::Pairs::of(point);
            for (i, clause) in clauses.iter().enumerate() {
                charge(point.len().saturating_add(clause.len()))?;
                let share = match point_pairs.found_in(&clause_pairs[i]) {
                    (_, 0) => Decimal::ZERO,
                    (shared, all) => Decimal::from(shared) / Decimal::from(all),
                };
                if share >= best_share {
                    best = Some(i);
                    best_share = share;
                }
            }
            let Some(best) = best else {
                evidence.push(ReadEvidence {
                    point: point.clone(),
                    clause: String::new(),
                    found: String::new(),
                    group: None,
                });
                continue;
            };
            matched += 1;
            let (group, phrase) = match most_telling(best) {
                Some((g, p)) => (Some(g), p),
                None => (None, String::new()),
            };
            evidence.push(ReadEvidence {
                point: point.clone(),
                clause: clauses[best].clone(),
                found: phrase,
                group,
            });
        }
        // Phrases of clauses no planned point was matched with.
        for (i, clause) in clauses.iter().enumerate() {
            if let Some((g, p)) = most_telling(i) {
                if !evidence.iter().any(|e| e.clause == *clause) {
                    evidence.push(ReadEvidence {
                        point: String::new(),
                        clause: clause.clone(),
                        found: p,
                        group: Some(g),
                    });
                }
            }
        }
        Ok(CommentReading {
            groups: (self.groups.iter())
                .zip(&used)
                .filter_map(|(g, u)| u.then_some(g))
                .collect(),
            points,
            clauses,
            matched,
            evidence,
        })
    }

    /// The phrases of `text` with the index of their group, recorded for coverage.
    fn find_indexed(&self, text: &str) -> Vec<(usize, text::Found)> {
        self.phrases
            .scan(text)
            .into_iter()
            .map(|f| {
                let g = self.group_of[f.index];
                self.note_found(g);
                (g, f)
            })
            .collect()
    }

    /// Records that a text contained a phrase of group `g`, while recording.
    fn note_found(&self, g: usize) {
        if self.recording.load(Ordering::Relaxed) {
            self.found[g].store(true, Ordering::Relaxed);
        }
    }

    /// The groups, in file order.
    pub fn groups(&self) -> &[PhraseGroup] {
        &self.groups
    }

    /// Every phrase of any group in `text`, left to right, the longest at each place, never
    /// overlapping: `(group, phrase, start, end)` with character positions.
    pub fn find(&self, text: &str) -> Vec<(&PhraseGroup, String, usize, usize)> {
        self.find_indexed(text)
            .into_iter()
            .map(|(g, f)| (&self.groups[g], f.word, f.start, f.end))
            .collect()
    }

    /// Starts recording which groups texts contain.
    #[cfg(feature = "coverage")]
    pub(crate) fn record(&self) {
        self.recording.store(true, Ordering::Relaxed);
    }

    /// Which groups texts searched since [`PhraseBook::record`] contained.
    #[cfg(feature = "coverage")]
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

/// A number of a data file as the exact decimal it is written as: TOML floats are binary, and
/// for the short decimals of a data file the shortest representation gives the number back.
fn decimal_of(value: &toml::Value) -> Option<Decimal> {
    match value {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) => f.to_string().parse().ok(),
        _ => None,
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
    #[serde(default)]
    not_reached_after: Vec<String>,
}

/// The furthest step a text names as reached ([`StepBook::furthest`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepReached<'a> {
    /// The step's name.
    pub step: &'a str,
    /// Its place in the order, 0 for the first step.
    pub rank: usize,
    /// The word that names it in the text.
    pub word: String,
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
    /// What, following a step's word, makes it the aim rather than the step reached.
    not_reached_after: Vec<String>,
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
                error_line(text, &e),
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
            not_reached_after: parsed.not_reached_after,
        })
    }

    /// The place of the step named `name` in the order, if there is one.
    pub fn rank(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The furthest step `text` names as reached: of its step words ([`StepBook::find`]),
    /// those not joined to a longer word and not followed by one of `not_reached_after`
    /// (導入に向けた: the aim, not the result), the one of the latest step (the first found of
    /// that step).
    pub fn furthest(&self, text: &str) -> Option<StepReached<'_>> {
        // The best so far: its rank and word.
        let mut best: Option<(usize, usize)> = None;
        for hit in self.words.hits(text) {
            let rank = self.step_of[hit.index];
            let later = best.is_none_or(|(best_rank, _)| rank > best_rank);
            if later
                && !hit.joined(text)
                && text::starts_with_any(hit.after(text), &self.not_reached_after).is_none()
            {
                best = Some((rank, hit.index));
            }
        }
        best.map(|(rank, word)| StepReached {
            step: &self.names[rank],
            rank,
            word: self.words.word(word).to_string(),
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

/// Reads a data file into the value scripts get from `data(name)`: tables become maps, arrays
/// arrays, strings strings, whole numbers integers, other numbers exact decimals.
pub fn parse_data(file: &str, text: &str) -> Result<Dynamic, RuleError> {
    let value: toml::Table = toml::from_str(text).map_err(|e| RuleError::Config {
        file: file.to_string(),
        line: error_line(text, &e),
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
            let d = decimal_of(value).ok_or_else(|| RuleError::Config {
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
    /// `data(name)` values.
    pub files: Arc<BTreeMap<String, Dynamic>>,
    /// `phrases(text)`, when the rule set has `data/phrases.toml`.
    pub phrases: Option<Arc<PhraseBook>>,
    /// `step_words(text)`, when the rule set has `data/steps.toml`.
    pub steps: Option<Arc<StepBook>>,
}

impl Data {
    /// Reads a rule set's `data/*.toml` files, each with the location of the rule set it comes
    /// from; `data/phrases.toml` also becomes its phrase book, `data/steps.toml` its step book.
    pub fn read<'a>(
        files: impl Iterator<Item = (&'a str, &'a SourceFile)>,
    ) -> Result<Data, RuleError> {
        let mut values = BTreeMap::new();
        let mut phrases = None;
        let mut steps = None;
        for (location, f) in files {
            let name = f
                .path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let file = format!("{location}/{}", f.path.display());
            values.insert(name, parse_data(&file, &f.text)?);
            if f.path == Path::new(PHRASES_FILE) {
                phrases = Some(Arc::new(PhraseBook::parse(&file, &f.text)?));
            }
            if f.path == Path::new(STEPS_FILE) {
                steps = Some(Arc::new(StepBook::parse(&file, &f.text)?));
            }
        }
        Ok(Data {
            files: Arc::new(values),
            phrases,
            steps,
        })
    }
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
    #[cfg(feature = "coverage")]
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

    const READING: &str = r#"
match_share = 0.5

[markers]
points = ["・"]
clauses = ["。", "が、"]

[[group]]
name = "completion"
label = "完了"
phrases = ["実施した", "行った"]

[[group]]
name = "shortfall"
phrases = ["至らなかった", "未実施"]
"#;

    fn read<'a>(book: &'a PhraseBook, plan: &str, comment: &str) -> CommentReading<'a> {
        let telling = ["shortfall".to_string(), "completion".to_string()];
        let matching = book.matching().expect("match_share and markers");
        book.read(plan, comment, matching, &telling, |_| Ok::<_, ()>(()))
            .unwrap()
    }

    #[test]
    fn a_comment_is_read_point_by_point() {
        let book = PhraseBook::parse("data/phrases.toml", READING).unwrap();
        let r = read(
            &book,
            "・研修会の開催・視察の実施・規程の改正",
            "研修会を行ったが、視察の実施には至らなかった。様式は未実施。",
        );
        assert_eq!(r.points, ["研修会の開催", "視察の実施", "規程の改正"]);
        assert_eq!(
            r.clauses,
            [
                "研修会を行った",
                "視察の実施には至らなかった",
                "様式は未実施"
            ]
        );
        let names: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["completion", "shortfall"], "file order");
        assert_eq!(r.matched, 2);
        let got: Vec<(&str, &str, &str, Option<&str>)> = (r.evidence.iter())
            .map(|e| {
                let group = e.group.map(|g| g.name.as_str());
                (e.point.as_str(), e.clause.as_str(), e.found.as_str(), group)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "研修会の開催",
                    "研修会を行った",
                    "行った",
                    Some("completion")
                ),
                (
                    "視察の実施",
                    "視察の実施には至らなかった",
                    "至らなかった",
                    Some("shortfall")
                ),
                ("規程の改正", "", "", None),
                ("", "様式は未実施", "未実施", Some("shortfall")),
            ]
        );
    }

    #[test]
    fn the_most_telling_phrase_follows_the_order_given() {
        let book = PhraseBook::parse("data/phrases.toml", READING).unwrap();
        let matching = book.matching().unwrap();
        let comment = "調査を実施したが一部未実施";
        let order = |first: &str, second: &str| {
            let telling = [first.to_string(), second.to_string()];
            let r = book
                .read("調査", comment, matching, &telling, |_| Ok::<_, ()>(()))
                .unwrap();
            r.evidence[0].found.clone()
        };
        assert_eq!(order("shortfall", "completion"), "未実施");
        assert_eq!(order("completion", "shortfall"), "実施した");
        // A group left out of the order is never the most telling.
        let r = book
            .read("調査", comment, matching, &["x".into()], |_| {
                Ok::<_, ()>(())
            })
            .unwrap();
        assert_eq!(
            (r.evidence[0].found.as_str(), r.evidence[0].group),
            ("", None)
        );
        assert_eq!(
            r.groups.len(),
            2,
            "the groups the comment uses, all the same"
        );
    }

    #[test]
    fn reading_is_charged_and_can_be_stopped() {
        let book = PhraseBook::parse("data/phrases.toml", READING).unwrap();
        let matching = book.matching().unwrap();
        let mut charged = 0;
        let r = book.read("・調査", "調査した。", matching, &[], |units| {
            charged += units;
            Ok::<_, ()>(())
        });
        assert!(r.is_ok() && charged > 0);
        let stopped = book.read("・調査", "調査した。", matching, &[], |_| {
            Err("stop")
        });
        assert_eq!(stopped.unwrap_err(), "stop");
    }

    #[test]
    fn reading_needs_the_share_and_the_markers() {
        assert!(PhraseBook::parse("p.toml", PHRASES)
            .unwrap()
            .matching()
            .is_none());
        for share in ["\"half\"", "1.5", "-0.1"] {
            let text = READING.replace("match_share = 0.5", &format!("match_share = {share}"));
            let err = PhraseBook::parse("p.toml", &text).unwrap_err().en();
            assert!(
                err.starts_with("p.toml:2:")
                    && err.contains("match_share must be a number from 0 to 1"),
                "{share}: {err}"
            );
        }
        let book = PhraseBook::parse("p.toml", READING).unwrap();
        assert_eq!(
            book.matching().unwrap().match_share,
            Decimal::from_str_exact("0.5").unwrap()
        );
    }

    #[test]
    fn the_furthest_step_reached() {
        let text = "not_reached_after = [\"に向け\"]\n[[step]]\nname = \"検討\"\nwords = [\"検討\"]\n[[step]]\nname = \"運用\"\nwords = [\"運用\", \"導入\"]\n";
        let book = StepBook::parse("data/steps.toml", text).unwrap();
        let reached = |t: &str| book.furthest(t).map(|s| (s.step, s.rank, s.word));
        assert_eq!(
            reached("検討の上、導入した"),
            Some(("運用", 1, "導入".into()))
        );
        assert_eq!(
            reached("導入に向けた検討"),
            Some(("検討", 0, "検討".into())),
            "an aim is not a step reached"
        );
        assert_eq!(reached("運用方法を整理"), None, "運用 only begins 運用方法");
        assert_eq!(reached(""), None);
        assert_eq!((book.rank("運用"), book.rank("x")), (Some(1), None));
    }

    /// Texts in the manner of plans and comments, for the bundled phrases and steps.
    const TEXTS: [&str; 6] = [
        "業務量調査を実施し、3業務を選定し、BPR計画を策定した。改善への取組は令和6年度に実施予定。",
        "・地域行政情報調書の整理を行い、見直しに向けて検討を進めた。成功事例の周知は未実施。",
        "運用方法を検討したが、導入には至らなかった。試行運用の準備を行っている。",
        "  ■ 調査研究・視察を行い、ヒアリング等による個別具体的な状況把握に努めた ①協議 ②合意",
        "実施した上で行った。完了したものの、一部未達。導入に向けた調整を行い、運用開始した",
        "",
    ];

    #[test]
    fn the_furthest_step_is_the_latest_of_the_words_found_that_name_it_reached() {
        let steps = include_str!("../../rules/data/steps.toml");
        let book = StepBook::parse("rules/data/steps.toml", steps).unwrap();
        for text in TEXTS {
            let reached = (book.find(text).into_iter()).filter(|w| {
                !w.found.joined
                    && text::starts_with_any(&w.found.after, &book.not_reached_after).is_none()
            });
            // The latest step, and of its words the first.
            let mut plain: Option<StepWord<'_>> = None;
            for w in reached {
                if plain.as_ref().is_none_or(|p| w.rank > p.rank) {
                    plain = Some(w);
                }
            }
            let plain = plain.map(|w| (w.step, w.rank, w.found.word));
            let got = book.furthest(text).map(|s| (s.step, s.rank, s.word));
            assert_eq!(got, plain, "{text}");
        }
    }

    #[test]
    fn a_clause_is_read_with_its_most_telling_phrase_found() {
        let phrases = include_str!("../../rules/data/phrases.toml");
        let book = PhraseBook::parse("rules/data/phrases.toml", phrases).unwrap();
        let matching = book.matching().unwrap();
        let telling: Vec<String> = [
            "not_started",
            "shortfall",
            "delay",
            "completion",
            "progress",
        ]
        .map(String::from)
        .to_vec();
        for comment in TEXTS {
            let r = book
                .read(comment, comment, matching, &telling, |_| Ok::<_, ()>(()))
                .unwrap();
            for e in r.evidence.iter().filter(|e| !e.clause.is_empty()) {
                // The phrase of the earliest group in `telling`, of equally telling ones the first.
                let plain = (book.find(&e.clause).into_iter())
                    .filter_map(|(g, p, _, _)| {
                        let rank = telling.iter().position(|t| *t == g.name)?;
                        Some((rank, g, p))
                    })
                    .min_by_key(|(rank, _, _)| *rank)
                    .map(|(_, g, p)| (g.name.as_str(), p));
                let got = e.group.map(|g| (g.name.as_str(), e.found.clone()));
                assert_eq!(got, plain, "{}", e.clause);
            }
            let mut groups: Vec<&str> = (r.clauses.iter())
                .flat_map(|c| book.find(c))
                .map(|(g, ..)| g.name.as_str())
                .collect();
            groups.sort_by_key(|name| book.groups().iter().position(|g| g.name == *name));
            groups.dedup();
            let got: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
            assert_eq!(got, groups, "{comment}");
        }
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
