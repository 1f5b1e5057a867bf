//! What the rules say of an item in a year: the kind's achievement, the rating it suggests and,
//! when the numbers cannot tell, the reading of the year's text (`judge`) and its rating
//! (`judged`). Each result is checked: a number or `()`, a label of the scale or `()`.

use std::sync::Arc;

use rhai::Dynamic;
use rust_decimal::Decimal;

use super::run::{number_result, runtime, CallSite, Outcome};
use super::script::Script;
use super::RuleSet;
use crate::engine::error::RuleError;
use crate::engine::input::RuleInput;
use crate::engine::reading::Reading;
use crate::engine::RuleProblem;

/// How the rules rated an item: the reading of its text, when they needed one, and the rating.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// `judge(x)`, run when the achievement is `()` and the rule set has `judgement.rhai`.
    pub reading: Option<Outcome<Option<Reading>>>,
    /// `judged(x, verdict)` when there is a reading, else `rating(x, a)`.
    pub rating: Outcome<Option<String>>,
    /// Which function of the rating script gave the rating: "rating" or "judged".
    pub rated_by: &'static str,
}

impl RuleSet {
    /// Runs `achievement(x)` of the kind's script: 1 means exactly on plan, `None` that the
    /// numbers say nothing (a judgement is needed).
    pub fn achievement(
        &self,
        input: &Arc<RuleInput>,
        at: CallSite,
    ) -> Result<Outcome<Option<Decimal>>, RuleError> {
        let script = self.kind_script(&input.kind, at)?;
        let out = self.call(script, "achievement", input, Vec::new(), at)?;
        let value = number_result(&script.file, "achievement", at, &out.value)?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// Runs `rating(x, achievement)` of the rating script: a label of the scale, or `None` for
    /// "judgement required".
    pub fn rating(
        &self,
        input: &Arc<RuleInput>,
        achievement: Option<Decimal>,
        at: CallSite,
    ) -> Result<Outcome<Option<String>>, RuleError> {
        let a = achievement
            .map(Dynamic::from_decimal)
            .unwrap_or(Dynamic::UNIT);
        let out = self.call(&self.rating, "rating", input, vec![a], at)?;
        let value = self.label_result(&self.rating.file, "rating", at, &out.value)?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// Runs `judge(x)` of `judgement.rhai`: a reading of the year's planned actions and comment,
    /// or `None` when the text says nothing the rules can use. `Ok(None)` without the script.
    pub fn judge(
        &self,
        input: &Arc<RuleInput>,
        at: CallSite,
    ) -> Result<Option<Outcome<Option<Reading>>>, RuleError> {
        let Some(script) = &self.judgement else {
            return Ok(None);
        };
        let out = self.call(script, "judge", input, Vec::new(), at)?;
        let value = if out.value.is_unit() {
            None
        } else {
            Some(
                Reading::from_dynamic(&out.value)
                    .map_err(|problem| runtime(&script.file, "judge", at, problem))?,
            )
        };
        Ok(Some(Outcome {
            value,
            trace: out.trace,
        }))
    }

    /// The rating the rules suggest for an achievement: `rating(x, a)`; when `a` is `()` and the
    /// rule set has `judgement.rhai`, its reading `judge(x)` and then, if it gives one,
    /// `judged(x, verdict)`.
    pub fn suggest(
        &self,
        input: &Arc<RuleInput>,
        achievement: Option<Decimal>,
        at: CallSite,
    ) -> Result<Suggestion, RuleError> {
        let reading = match achievement {
            None => self.judge(input, at)?,
            Some(_) => None,
        };
        if let Some(verdict) = reading
            .as_ref()
            .and_then(|r| r.value.as_ref())
            .map(|r| r.verdict.clone())
        {
            return Ok(Suggestion {
                rating: self.judged(input, &verdict, at)?,
                reading,
                rated_by: "judged",
            });
        }
        Ok(Suggestion {
            rating: self.rating(input, achievement, at)?,
            reading,
            rated_by: "rating",
        })
    }

    /// Runs `judged(x, verdict)` of the rating script: the label of the scale for a verdict of
    /// `judge(x)`, or `None` for "judgement required".
    pub fn judged(
        &self,
        input: &Arc<RuleInput>,
        verdict: &str,
        at: CallSite,
    ) -> Result<Outcome<Option<String>>, RuleError> {
        let out = self.call(
            &self.rating,
            "judged",
            input,
            vec![Dynamic::from(verdict.to_string())],
            at,
        )?;
        let value = self.label_result(&self.rating.file, "judged", at, &out.value)?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// The script of `kind`; an error naming the kinds there are when it has none.
    fn kind_script(&self, kind: &str, at: CallSite) -> Result<&Script, RuleError> {
        self.kinds.get(kind).ok_or_else(|| {
            runtime(
                // The rule set, not a kinds/ file that is not there.
                &self.location,
                "achievement",
                at,
                RuleProblem::NoKindScript {
                    kind: kind.to_string(),
                    kinds: self.kinds.keys().cloned().collect(),
                },
            )
        })
    }

    /// A label of the scale, or `None` for `()`, from what `function` of the script in `file`
    /// returned.
    pub(super) fn label_result(
        &self,
        file: &str,
        function: &str,
        at: CallSite,
        value: &Dynamic,
    ) -> Result<Option<String>, RuleError> {
        if value.is_unit() {
            return Ok(None);
        }
        let error = |problem| runtime(file, function, at, problem);
        let label = value.clone().into_string().map_err(|t| {
            error(RuleProblem::NotALabel {
                type_name: t.to_string(),
            })
        })?;
        if self.scale.get(&label).is_none() {
            return Err(error(RuleProblem::LabelOffScale {
                label,
                labels: self.scale.labels().map(str::to_string).collect(),
            }));
        }
        Ok(Some(label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, rules, AT, RATING, TWO_LABEL_CONFIG};
    use crate::engine::MemoryRules;
    use crate::i18n::Text;
    use crate::model::SourceFile;

    #[test]
    fn results_are_checked() {
        let r = rules("fn achievement(x) { \"high\" }").unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("must return a number or ()"), "{err}");
        let r = rules("fn achievement(x) { 1 }").unwrap();
        let bad = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", "fn rating(x, a) { \"Z\" }"),
                SourceFile::new("kinds/k.rhai", "fn achievement(x) { 1 }"),
            ],
        })
        .unwrap();
        let err = bad
            .rating(&Arc::new(input()), Some(Decimal::ONE), AT)
            .unwrap_err()
            .en();
        assert!(
            err.contains("\"Z\", which is not on the scale (A, B)"),
            "{err}"
        );
        assert!(r.kind_effect(&Arc::new(input()), AT).unwrap().is_none());
    }

    /// A rule set that reads text: a kind whose achievement is always (), a judgement script,
    /// a rating script with judged, and a phrase file.
    fn reading_rules(judge: &str, judged: bool) -> Result<RuleSet, RuleError> {
        let rating = if judged {
            format!("{RATING} fn judged(x, v) {{ if v == \"ahead\" {{ \"A\" }} else {{ \"B\" }} }}")
        } else {
            RATING.to_string()
        };
        RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", rating),
                SourceFile::new("kinds/k.rhai", "fn achievement(x) { () }"),
                SourceFile::new("judgement.rhai", judge),
                SourceFile::new(
                    "data/phrases.toml",
                    "[[group]]\nname = \"ahead\"\nphrases = [\"前倒し\"]\n",
                ),
                SourceFile::new("data/steps.toml", "ahead_from = \"試行\"\n"),
            ],
        })
    }

    #[test]
    fn a_reading_of_the_text_rates_what_the_numbers_cannot() {
        let r = reading_rules(
            r#"fn judge(x) {
                let found = phrases(x.comment);
                if found.len() == 0 { return (); }
                explain(`${found[0].phrase} in ${data("steps").ahead_from}`);
                #{ verdict: found[0].group, evidence: [#{ found: found[0].phrase, group: found[0].group }] }
            }"#,
            true,
        )
        .unwrap();
        assert!(r.has_judgement());
        assert_eq!(r.phrase_groups()[0].name, "ahead");
        let input = RuleInput {
            comment: "工事を前倒しした".into(),
            ..input()
        };
        let s = r.suggest(&Arc::new(input.clone()), None, AT).unwrap();
        assert_eq!(s.rated_by, "judged");
        assert_eq!(s.rating.value.as_deref(), Some("A"));
        let reading = s.reading.unwrap();
        assert_eq!(reading.trace, [Text::same("前倒し in 試行")]);
        let reading = reading.value.unwrap();
        assert_eq!((reading.verdict.as_str(), reading.weak), ("ahead", false));
        assert_eq!(reading.evidence[0].found, "前倒し");
        // Nothing in the text: rating(x, ()) as before; a number: judge never runs.
        let s = r.suggest(&Arc::new(self::input()), None, AT).unwrap();
        assert_eq!((s.rated_by, s.rating.value), ("rating", None));
        assert!(s.reading.unwrap().value.is_none());
        let s = r
            .suggest(&Arc::new(input.clone()), Some(Decimal::TWO), AT)
            .unwrap();
        assert!(s.reading.is_none());
        assert_eq!(s.rating.value.as_deref(), Some("A"));
    }

    #[test]
    fn a_reading_needs_judged_and_a_known_verdict() {
        let err = reading_rules("fn judge(x) { () }", false).unwrap_err().en();
        assert!(err.contains("no function judged(x, verdict)"), "{err}");
        let err = reading_rules("fn other(x) { () }", true).unwrap_err().en();
        assert!(err.contains("defines no function judge(x)"), "{err}");
        let r = reading_rules("fn judge(x) { #{ verdict: \"late\" } }", true).unwrap();
        let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
        assert!(
            err.starts_with(
                "mem/judgement.rhai: function judge, item 1-2-3, R5: returned the verdict \"late\""
            ),
            "{err}"
        );
    }

    #[test]
    fn text_functions_check_their_arguments() {
        let r = reading_rules("fn judge(x) { scan(x.comment, [1]) }", true).unwrap();
        let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("scan: the list must hold strings"), "{err}");
        let r = reading_rules("fn judge(x) { data(\"stpes\") }", true).unwrap();
        let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
        assert!(
            err.contains(
                "data(\"stpes\"): the rule set has no data/stpes.toml (it has: phrases, steps)"
            ),
            "{err}"
        );
        let r = reading_rules(
            r#"fn judge(x) {
                let parts = split_at("・調査 ・検討", [" ・"]);
                let s = similarity("状況把握", "状況把握を行った");
                if parts == ["調査", "検討"] && s == 1 && contains_any("abc", ["x", "b"]) == "b"
                    && starts_with_any("abc", ["b"]) == () { #{ verdict: "on_plan" } } else { () }
            }"#,
            true,
        )
        .unwrap();
        assert_eq!(
            r.judge(&Arc::new(input()), AT)
                .unwrap()
                .unwrap()
                .value
                .unwrap()
                .verdict,
            "on_plan"
        );
        // data(name, key), and the readings that need what the data files lack.
        for (script, message) in [
            (
                "data(\"steps\", \"not_there\")",
                "data/steps.toml has no not_there",
            ),
            (
                "read_comment(x.plan, x.comment, [])",
                "data/phrases.toml has no match_share and [markers]",
            ),
        ] {
            let r = reading_rules(&format!("fn judge(x) {{ {script} }}"), true).unwrap();
            let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
            assert!(err.contains(message), "{script}: {err}");
        }
        let r = reading_rules(
            r#"fn judge(x) {
                let from = step_rank(data("steps", "ahead_from"));
                if from == -1 && furthest_step("前倒し") == () { #{ verdict: "ahead" } } else { () }
            }"#,
            true,
        )
        .unwrap();
        let reading = r.judge(&Arc::new(input()), AT).unwrap().unwrap();
        assert_eq!(reading.value.unwrap().verdict, "ahead");
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", RATING),
                SourceFile::new("data/steps.toml", "ahead_from = "),
            ],
        })
        .unwrap_err()
        .en();
        assert!(err.starts_with("mem/data/steps.toml:1:"), "{err}");
    }
}
