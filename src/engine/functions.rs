//! The functions the engine gives every script for reading text and data: `data(name)`,
//! `phrases(text)`, `step_words(text)`, `read_comment(plan, comment, telling)`,
//! `furthest_step(text)`, `step_rank(name)`, `scan`, `split_at`, `contains_any`,
//! `starts_with_any`, `similarity`.
//! Documented for analysts in `rules/README.md`.

use std::collections::BTreeMap;
use std::sync::Arc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, INT};
use rust_decimal::Decimal;

use super::data::{Data, PhraseBook, StepBook};
use super::text;
use crate::engine::RuleProblem;

type Result<T> = std::result::Result<T, Box<EvalAltResult>>;

/// A failure of one of these functions, as the rule's error: the kind travels through Rhai
/// inside the error and is taken back out by the engine (`rule_problem`).
fn fail(problem: RuleProblem) -> Box<EvalAltResult> {
    Box::new(EvalAltResult::ErrorRuntime(
        Dynamic::from(problem),
        rhai::Position::NONE,
    ))
}

/// The most character comparisons the text functions may do in one rule call. The engine
/// counts a native call as one operation, however long its text: without this bound,
/// `scan` of a 4,000-character text for 1,000 words of 4,000 characters, called in a loop,
/// would run for hours inside every operation limit.
pub const MAX_TEXT_WORK_PER_CALL: u64 = 20_000_000;

thread_local! {
    /// Character comparisons of the rule call running on this thread.
    static TEXT_WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Starts a rule call's count of text work.
pub(crate) fn reset_text_work() {
    TEXT_WORK.with(|w| w.set(0));
}

/// Charges `units` of text work to the running call; an error once the call's bound is passed.
fn charge(function: &str, units: usize) -> Result<()> {
    TEXT_WORK.with(|w| {
        let total = w.get().saturating_add(units as u64);
        w.set(total);
        if total > MAX_TEXT_WORK_PER_CALL {
            Err(fail(RuleProblem::TooMuchTextWork {
                function: function.to_string(),
                max: MAX_TEXT_WORK_PER_CALL,
            }))
        } else {
            Ok(())
        }
    })
}

/// The strings of a script's array; anything else in it is an error naming the function.
fn strings(function: &str, list: &Array) -> Result<Vec<String>> {
    list.iter()
        .map(|v| {
            v.clone().into_string().map_err(|t| {
                fail(RuleProblem::ListNotStrings {
                    function: function.to_string(),
                    type_name: t.to_string(),
                })
            })
        })
        .collect()
}

fn int(n: usize) -> Dynamic {
    Dynamic::from_int(INT::try_from(n).unwrap_or(INT::MAX))
}

/// A map for a script: `#{ key: value, … }`.
fn map<const N: usize>(entries: [(&str, Dynamic); N]) -> Dynamic {
    Dynamic::from_map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
}

/// The data file `name` (`data(name)`), or the error naming the files there are.
fn data_file<'a>(files: &'a BTreeMap<String, Dynamic>, name: &str) -> Result<&'a Dynamic> {
    files.get(name).ok_or_else(|| {
        let name = name.to_string();
        fail(if files.is_empty() {
            RuleProblem::NoDataFiles { name }
        } else {
            RuleProblem::NoDataFile {
                name,
                known: files.keys().cloned().collect(),
            }
        })
    })
}

/// The rule set's phrase book, or the error that `function` needs `data/phrases.toml`.
fn phrase_book<'a>(book: &'a Option<Arc<PhraseBook>>, function: &str) -> Result<&'a PhraseBook> {
    book.as_deref().ok_or_else(|| {
        fail(RuleProblem::NoPhraseBook {
            function: function.to_string(),
        })
    })
}

/// The rule set's steps, or the error that `function` needs `data/steps.toml`.
fn step_book<'a>(steps: &'a Option<Arc<StepBook>>, function: &str) -> Result<&'a StepBook> {
    steps.as_deref().ok_or_else(|| {
        fail(RuleProblem::NoStepBook {
            function: function.to_string(),
        })
    })
}

/// Registers the text and data functions on `engine`; `data` is the rule set's data files.
pub(crate) fn register(engine: &mut Engine, data: &Data) {
    let files = data.files.clone();
    let whole = files.clone();
    engine.register_fn("data", move |name: &str| -> Result<Dynamic> {
        data_file(&whole, name).cloned()
    });
    // data(name, key): one value of the file, without copying the rest of it.
    engine.register_fn("data", move |name: &str, key: &str| -> Result<Dynamic> {
        let value = data_file(&files, name)?;
        value
            .read_lock::<rhai::Map>()
            .and_then(|m| m.get(key).cloned())
            .ok_or_else(|| {
                fail(RuleProblem::NoDataKey {
                    name: name.to_string(),
                    key: key.to_string(),
                })
            })
    });
    let book = data.phrases.clone();
    engine.register_fn("phrases", move |text: &str| -> Result<Array> {
        let book = phrase_book(&book, "phrases(text)")?;
        charge("phrases", text.len().saturating_mul(64))?;
        Ok(book
            .find(text)
            .into_iter()
            .map(|(group, phrase, start, end)| {
                map([
                    ("group", group.name.clone().into()),
                    ("label", group.label().to_string().into()),
                    ("phrase", phrase.into()),
                    ("start", int(start)),
                    ("end", int(end)),
                ])
            })
            .collect())
    });
    let steps = data.steps.clone();
    engine.register_fn("step_words", move |text: &str| -> Result<Array> {
        let steps = step_book(&steps, "step_words(text)")?;
        charge("step_words", text.len().saturating_mul(64))?;
        Ok(steps
            .find(text)
            .into_iter()
            .map(|w| {
                map([
                    ("step", w.step.to_string().into()),
                    ("rank", int(w.rank)),
                    ("word", w.found.word.into()),
                    ("start", int(w.found.start)),
                    ("end", int(w.found.end)),
                    ("after", w.found.after.into()),
                    ("joined", w.found.joined.into()),
                ])
            })
            .collect())
    });
    let book = data.phrases.clone();
    engine.register_fn(
        "read_comment",
        move |plan: &str, comment: &str, telling: Array| -> Result<Dynamic> {
            const NAME: &str = "read_comment";
            let book = phrase_book(&book, "read_comment(plan, comment, telling)")?;
            let matching = book
                .matching()
                .ok_or_else(|| fail(RuleProblem::NoMatching))?;
            let telling = strings(NAME, &telling)?;
            let r = book.read(plan, comment, matching, &telling, |units| {
                charge(NAME, units)
            })?;
            let texts = |list: Vec<String>| -> Dynamic {
                Dynamic::from_array(list.into_iter().map(Dynamic::from).collect())
            };
            let evidence = r.evidence.into_iter().map(|e| {
                let group = match (e.group, e.clause.is_empty()) {
                    (Some(g), _) => g.name.clone(),
                    (None, true) => "not mentioned".to_string(),
                    (None, false) => "no phrase".to_string(),
                };
                map([
                    ("point", e.point.into()),
                    ("clause", e.clause.into()),
                    ("found", e.found.into()),
                    ("group", group.into()),
                ])
            });
            let groups = (r.groups.iter())
                .map(|g| (g.name.as_str().into(), g.label().to_string().into()))
                .collect();
            Ok(map([
                ("points", texts(r.points)),
                ("clauses", texts(r.clauses)),
                ("groups", Dynamic::from_map(groups)),
                ("matched", int(r.matched)),
                ("evidence", Dynamic::from_array(evidence.collect())),
            ]))
        },
    );
    let steps = data.steps.clone();
    engine.register_fn("furthest_step", move |text: &str| -> Result<Dynamic> {
        let steps = step_book(&steps, "furthest_step(text)")?;
        charge("furthest_step", text.len().saturating_mul(64))?;
        Ok(steps
            .furthest(text)
            .map(|s| {
                map([
                    ("step", s.step.to_string().into()),
                    ("rank", int(s.rank)),
                    ("word", s.word.into()),
                ])
            })
            .unwrap_or(Dynamic::UNIT))
    });
    let steps = data.steps.clone();
    engine.register_fn("step_rank", move |name: &str| -> Result<INT> {
        let steps = step_book(&steps, "step_rank(name)")?;
        Ok(steps
            .rank(name)
            .map_or(-1, |r| INT::try_from(r).unwrap_or(INT::MAX)))
    });
    engine.register_fn("scan", |text: &str, words: Array| -> Result<Array> {
        let words = strings("scan", &words)?;
        charge("scan", text::scan_work(text, &words))?;
        Ok(text::scan(text, &words)
            .into_iter()
            .map(|f| {
                map([
                    ("word", f.word.into()),
                    ("start", int(f.start)),
                    ("end", int(f.end)),
                    ("after", f.after.into()),
                    ("joined", f.joined.into()),
                ])
            })
            .collect())
    });
    engine.register_fn("split_at", |text: &str, markers: Array| -> Result<Array> {
        let markers = strings("split_at", &markers)?;
        charge("split_at", text::scan_work(text, &markers))?;
        Ok(text::split_at(text, &markers)
            .into_iter()
            .map(Dynamic::from)
            .collect())
    });
    // contains_any, starts_with_any: the first of the words found, or ().
    type Find = for<'a> fn(&str, &'a [String]) -> Option<&'a str>;
    for (name, find) in [
        ("contains_any", text::contains_any as Find),
        ("starts_with_any", text::starts_with_any as Find),
    ] {
        engine.register_fn(name, move |text: &str, words: Array| -> Result<Dynamic> {
            let words = strings(name, &words)?;
            charge(name, text.len().saturating_mul(words.len().max(1)))?;
            Ok(find(text, &words)
                .map(|w| Dynamic::from(w.to_string()))
                .unwrap_or(Dynamic::UNIT))
        });
    }
    engine.register_fn("similarity", |a: &str, b: &str| -> Result<Decimal> {
        charge("similarity", a.len().saturating_add(b.len()))?;
        Ok(match text::similarity(a, b) {
            (_, 0) => Decimal::ZERO,
            (shared, all) => Decimal::from(shared) / Decimal::from(all),
        })
    });
}
