//! What `judge(x)` of `judgement.rhai` returns: a reading of the year's planned actions and
//! comment — a verdict, whether the evidence is weak, and the evidence itself.

use rhai::{Dynamic, Map};
use serde::{Deserialize, Serialize};

use crate::engine::RuleProblem;

/// The verdicts a reading may give, best first. `rating.rhai`'s `judged(x, verdict)` turns one
/// into a label of the scale.
pub const VERDICTS: &[&str] = &["ahead", "on_plan", "behind", "no_progress"];

/// One piece of evidence: a phrase (or step) found in the comment, and the planned point it
/// was matched with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The planned point (年次計画), "" when the evidence is not tied to one.
    pub point: String,
    /// The part of the comment (取組実績) where it was found, "" when none.
    pub clause: String,
    /// What was found: a phrase of `data/phrases.toml` or a step word of `data/steps.toml`.
    pub found: String,
    /// Its phrase group ("completion", "shortfall" …), "step", "not mentioned" or "no phrase".
    pub group: String,
}

/// A reading of the year's text, from `judge(x)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// One of [`VERDICTS`].
    pub verdict: String,
    /// Whether the text gives little to go on: the analyst should read these first.
    pub weak: bool,
    /// What the verdict rests on.
    pub evidence: Vec<Evidence>,
}

fn text_field(map: &Map, key: &str) -> Result<String, RuleProblem> {
    match map.get(key) {
        None => Ok(String::new()),
        Some(v) if v.is_unit() => Ok(String::new()),
        Some(v) => v
            .clone()
            .into_string()
            .map_err(|t| RuleProblem::FieldNotText {
                key: key.to_string(),
                type_name: t.to_string(),
            }),
    }
}

impl Reading {
    /// Reads the map a script returned: `#{ verdict: "on_plan", weak: false, evidence: [#{
    /// point, clause, found, group }] }`. Unknown keys are errors, so a typo is never ignored.
    pub fn from_dynamic(value: &Dynamic) -> Result<Reading, RuleProblem> {
        let map = value
            .clone()
            .try_cast::<Map>()
            .ok_or_else(|| RuleProblem::ReadingNotAMap {
                type_name: value.type_name().to_string(),
            })?;
        if let Some(k) = map
            .keys()
            .find(|k| !["verdict", "weak", "evidence"].contains(&k.as_str()))
        {
            return Err(RuleProblem::ReadingUnknownKey { key: k.to_string() });
        }
        let verdict = text_field(&map, "verdict")?;
        if !VERDICTS.contains(&verdict.as_str()) {
            return Err(RuleProblem::NotAVerdict {
                verdict,
                verdicts: VERDICTS.iter().map(|v| v.to_string()).collect(),
            });
        }
        let weak = match map.get("weak") {
            None => false,
            Some(w) => w.as_bool().map_err(|t| RuleProblem::WeakNotBool {
                type_name: t.to_string(),
            })?,
        };
        let mut evidence = Vec::new();
        if let Some(list) = map.get("evidence") {
            let list = list
                .clone()
                .into_array()
                .map_err(|t| RuleProblem::EvidenceNotArray {
                    type_name: t.to_string(),
                })?;
            for e in list {
                let m = e
                    .clone()
                    .try_cast::<Map>()
                    .ok_or_else(|| RuleProblem::EvidenceNotMap {
                        type_name: e.type_name().to_string(),
                    })?;
                if let Some(k) = m
                    .keys()
                    .find(|k| !["point", "clause", "found", "group"].contains(&k.as_str()))
                {
                    return Err(RuleProblem::EvidenceUnknownKey { key: k.to_string() });
                }
                evidence.push(Evidence {
                    point: text_field(&m, "point")?,
                    clause: text_field(&m, "clause")?,
                    found: text_field(&m, "found")?,
                    group: text_field(&m, "group")?,
                });
            }
        }
        Ok(Reading {
            verdict,
            weak,
            evidence,
        })
    }
}

impl Evidence {
    /// 「point」 ↔ 「clause」: found (group) — one line for explanations.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        if !self.point.is_empty() {
            out.push_str(&format!("「{}」 ↔ ", self.point));
        }
        if !self.clause.is_empty() {
            out.push_str(&format!("「{}」: ", self.clause));
        }
        out.push_str(&format!("{} ({})", self.found, self.group));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localize};

    fn map(pairs: &[(&str, Dynamic)]) -> Dynamic {
        let mut m = Map::new();
        for (k, v) in pairs {
            m.insert((*k).into(), v.clone());
        }
        Dynamic::from_map(m)
    }

    #[test]
    fn a_reading_is_checked_key_by_key() {
        let evidence = map(&[
            ("point", "状況把握".into()),
            ("found", "至らなかった".into()),
            ("group", "shortfall".into()),
        ]);
        let r = Reading::from_dynamic(&map(&[
            ("verdict", "behind".into()),
            ("evidence", Dynamic::from_array(vec![evidence])),
        ]))
        .unwrap();
        assert_eq!(r.verdict, "behind");
        assert!(!r.weak);
        assert_eq!(
            r.evidence[0].describe(),
            "「状況把握」 ↔ 至らなかった (shortfall)"
        );

        let err = |value: Dynamic| {
            Reading::from_dynamic(&value)
                .unwrap_err()
                .localize(Lang::En)
        };
        let late = err(map(&[("verdict", "late".into())]));
        assert!(
            late.contains("one of ahead, on_plan, behind, no_progress"),
            "{late}"
        );
        let typo = err(map(&[("verdict", "behind".into()), ("waek", true.into())]));
        assert!(typo.contains("\"waek\""), "{typo}");
        let label = err(Dynamic::from("B".to_string()));
        assert!(label.contains("must return a map"), "{label}");
        let weak = Reading::from_dynamic(&map(&[
            ("verdict", "behind".into()),
            ("weak", "yes".into()),
        ]))
        .unwrap_err();
        assert!(
            weak.localize(Lang::Ja).contains("weak は true か false"),
            "{weak:?}"
        );
        let err = weak.localize(Lang::En);
        assert!(err.contains("weak must be true or false"), "{err}");
    }
}
