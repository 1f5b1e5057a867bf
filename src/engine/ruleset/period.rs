//! The rules of the whole plan period: `forecast(p)` of `forecast.rhai` and `overall(p)` of
//! `overall.rhai`, run once per item over every year of the period. What they return is
//! checked: a forecast map, a label of the scale or `()`.

use super::run::{CallSite, Outcome};
use super::RuleSet;
use crate::engine::error::RuleError;
use crate::engine::period::{Forecast, PeriodInput};

impl RuleSet {
    /// Whether the rule set forecasts the final year (it has `forecast.rhai`).
    pub fn has_forecast(&self) -> bool {
        self.forecast.is_some()
    }

    /// Whether the rule set suggests an overall rating of the period (it has `overall.rhai`).
    pub fn has_overall(&self) -> bool {
        self.overall.is_some()
    }

    /// Runs `forecast(p)` of `forecast.rhai`: the item's expected final-year value or step and
    /// whether its final target will be reached. `Ok(None)` without the script.
    pub fn forecast(&self, p: &PeriodInput) -> Result<Option<Outcome<Forecast>>, RuleError> {
        let Some(script) = &self.forecast else {
            return Ok(None);
        };
        let period = period_of(p);
        let at = CallSite {
            item: Some(&p.id),
            year: &period,
        };
        let out = self.run(script, "forecast", vec![p.for_forecast()], at)?;
        let value = Forecast::from_dynamic(&out.value).map_err(|problem| RuleError::Period {
            file: script.file.clone(),
            function: "forecast".into(),
            item: p.id.clone(),
            problem: Box::new(problem),
        })?;
        Ok(Some(Outcome {
            value,
            trace: out.trace,
        }))
    }

    /// Runs `overall(p)` of `overall.rhai`: the overall rating of the period it suggests (a
    /// label of the scale), or `None` for "judgement required". `Ok(None)` without the script.
    pub fn overall(&self, p: &PeriodInput) -> Result<Option<Outcome<Option<String>>>, RuleError> {
        let Some(script) = &self.overall else {
            return Ok(None);
        };
        let period = period_of(p);
        let at = CallSite {
            item: Some(&p.id),
            year: &period,
        };
        let out = self.run(script, "overall", vec![p.for_overall()], at)?;
        let value = self.label_result(&script.file, "overall", at, &out.value)?;
        Ok(Some(Outcome {
            value,
            trace: out.trace,
        }))
    }
}

/// The period a rule of the period runs over, for messages: "R5–R9".
fn period_of(p: &PeriodInput) -> String {
    match (p.years.first(), p.years.last()) {
        (Some(first), Some(last)) if first.year != last.year => {
            format!("{}–{}", first.year, last.year)
        }
        (Some(only), _) => only.year.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::engine::period::{Outlook, PeriodYear};
    use crate::engine::testing::English as _;
    use crate::engine::testing::{RATING, TWO_LABEL_CONFIG};
    use crate::engine::MemoryRules;
    use crate::model::SourceFile;

    /// The rule set "mem" with `forecast` as forecast.rhai and `overall` as overall.rhai.
    fn rules(forecast: &str, overall: &str) -> Result<RuleSet, RuleError> {
        RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", RATING),
                SourceFile::new("forecast.rhai", forecast),
                SourceFile::new("overall.rhai", overall),
            ],
        })
    }

    /// Item 1-2-3 over R5–R7, with results in R5.
    fn input() -> PeriodInput {
        let year = |y: &str, actual: Option<i64>| PeriodYear {
            year: y.into(),
            actual: actual.map(Decimal::from),
            results: actual.is_some(),
            ..PeriodYear::default()
        };
        PeriodInput {
            id: "1-2-3".into(),
            final_target: Some(Decimal::from(30)),
            years: vec![year("R5", Some(12)), year("R6", None), year("R7", None)],
            scale: vec!["A".into(), "B".into()],
            ..PeriodInput::default()
        }
    }

    #[test]
    fn a_forecast_and_an_overall_rating_read_the_whole_period() {
        let r = rules(
            r#"fn forecast(p) {
                explain(`${p.years[p.last].actual} in ${p.years[p.last].year} of ${p.final_year}`);
                #{ outlook: "at_risk", expected: p.years[p.last].actual * 2, weak: p.reported == 1, step: () }
            }"#,
            r#"fn overall(p) { if p.forecast.outlook == "at_risk" { "B" } else { "A" } }"#,
        )
        .unwrap();
        assert!(r.has_forecast() && r.has_overall());
        let mut p = input();
        let f = r.forecast(&p).unwrap().unwrap();
        assert_eq!(f.trace, [crate::i18n::Text::same("12 in R5 of R7")]);
        assert_eq!(f.value.outlook, Outlook::AtRisk);
        assert_eq!(f.value.expected, Some(Decimal::from(24)));
        assert!(f.value.weak);
        assert_eq!(f.value.step, None);
        // Without a forecast, overall(p) reads one that cannot tell.
        assert_eq!(r.overall(&p).unwrap().unwrap().value.as_deref(), Some("A"));
        p.forecast = Some(f.value);
        assert_eq!(r.overall(&p).unwrap().unwrap().value.as_deref(), Some("B"));
        assert!(!p.final_reported());
        assert_eq!(p.last_reported(), Some(0));
    }

    #[test]
    fn what_the_period_rules_return_is_checked() {
        for (forecast, why) in [
            (
                "fn forecast(p) { 1 }",
                "must return a map #{ outlook: … }, returned a i64",
            ),
            (
                "fn forecast(p) { #{ expected: 1 } }",
                "returned no outlook (one of reached, at_risk, missed, cannot_tell)",
            ),
            (
                "fn forecast(p) { #{ outlook: \"late\" } }",
                "returned the outlook \"late\"",
            ),
            (
                "fn forecast(p) { #{ outlook: \"reached\", expectd: 1 } }",
                "unknown key \"expectd\"",
            ),
            (
                "fn forecast(p) { #{ outlook: \"reached\", expected: \"1\" } }",
                "expected must be a number or ()",
            ),
            (
                "fn forecast(p) { #{ outlook: \"reached\", step: 1 } }",
                "step must be a string",
            ),
            (
                "fn forecast(p) { #{ outlook: \"reached\", weak: 1 } }",
                "weak must be true or false",
            ),
            (
                "fn forecast(p) { #{ outlook: 1 } }",
                "outlook must be a string",
            ),
        ] {
            let err = rules(forecast, "fn overall(p) { () }")
                .unwrap()
                .forecast(&input())
                .unwrap_err();
            let en = err.en();
            assert!(
                en.starts_with("mem/forecast.rhai: function forecast, item 1-2-3, whole period: "),
                "{en}"
            );
            assert!(en.contains(why), "{forecast}: {en}");
            assert!(err
                .in_case(crate::i18n::Lang::Ja)
                .starts_with("mem/forecast.rhai、関数 forecast: "));
        }
        let r = rules("fn forecast(p) { p.yeras }", "fn overall(p) { \"Z\" }").unwrap();
        let err = r.forecast(&input()).unwrap_err().en();
        assert!(
            err.starts_with("mem/forecast.rhai: function forecast, item 1-2-3, R5–R7: "),
            "{err}"
        );
        assert!(err.contains("yeras"), "{err}");
        let err = r.overall(&input()).unwrap_err().en();
        assert!(
            err.contains("\"Z\", which is not on the scale (A, B)"),
            "{err}"
        );
        let err = rules("fn forecast(p) { () }", "fn overall(p) { 1 }")
            .unwrap()
            .overall(&input())
            .unwrap_err()
            .en();
        assert!(err.contains("must return a rating label or ()"), "{err}");
        let err = rules("fn forecst(p) { () }", "fn overall(p) { () }")
            .unwrap_err()
            .en();
        assert!(err.contains("defines no function forecast(p)"), "{err}");
    }

    #[test]
    fn a_rule_set_without_the_period_rules_says_nothing_of_the_period() {
        let r = crate::engine::testing::rules("fn achievement(x) { 1 }").unwrap();
        assert!(!r.has_forecast() && !r.has_overall());
        assert!(r.forecast(&input()).unwrap().is_none());
        assert!(r.overall(&input()).unwrap().is_none());
    }
}
