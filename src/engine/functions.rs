//! The functions the engine gives every script for reading text and data: `data(name)`,
//! `phrases(text)`, `scan`, `split_at`, `contains_any`, `starts_with_any`, `similarity`.
//! Documented for analysts in `rules/README.md`.

use rhai::{Array, Dynamic, Engine, EvalAltResult, INT};
use rust_decimal::Decimal;

use super::data::Data;
use super::text;

type Result<T> = std::result::Result<T, Box<EvalAltResult>>;

/// The strings of a script's array; anything else in it is an error naming the function.
fn strings(function: &str, list: &Array) -> Result<Vec<String>> {
    list.iter()
        .map(|v| {
            v.clone().into_string().map_err(|t| {
                format!("{function}: the list must hold strings, it holds a {t}").into()
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

/// Registers the text and data functions on `engine`; `data` is the rule set's data files.
pub(crate) fn register(engine: &mut Engine, data: &Data) {
    let files = data.files.clone();
    engine.register_fn("data", move |name: &str| -> Result<Dynamic> {
        files.get(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = files.keys().map(String::as_str).collect();
            format!(
                "data(\"{name}\"): the rule set has no data/{name}.toml (it has: {})",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )
            .into()
        })
    });
    let book = data.phrases.clone();
    engine.register_fn("phrases", move |text: &str| -> Result<Array> {
        let book = book.as_ref().ok_or_else(|| -> Box<EvalAltResult> {
            "phrases(text): the rule set has no data/phrases.toml".into()
        })?;
        Ok(book
            .find(text)
            .into_iter()
            .map(|(group, phrase, start, end)| {
                map([
                    ("group", group.to_string().into()),
                    ("phrase", phrase.into()),
                    ("start", int(start)),
                    ("end", int(end)),
                ])
            })
            .collect())
    });
    engine.register_fn("scan", |text: &str, words: Array| -> Result<Array> {
        let words = strings("scan", &words)?;
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
            Ok(find(text, &words)
                .map(|w| Dynamic::from(w.to_string()))
                .unwrap_or(Dynamic::UNIT))
        });
    }
    engine.register_fn("similarity", |a: &str, b: &str| -> Decimal {
        match text::similarity(a, b) {
            (_, 0) => Decimal::ZERO,
            (shared, all) => Decimal::from(shared) / Decimal::from(all),
        }
    });
}
