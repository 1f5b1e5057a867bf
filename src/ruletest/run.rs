//! Running cases against a rule set through its public API, as the evaluation does: the kind's
//! `achievement(x)`, then `rating(x, a)`, and the effect from the item's formula or the kind's
//! `effect(x)`. Only what a case expects is run, so coverage shows what the cases really test.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::engine::{CallSite, EffectBasis, RuleError, RuleInput, RuleProblem, RuleSet};
use crate::evaluation::round_amount;
use crate::i18n::{Lang, Localize, Text};
use crate::number::format_number;

use super::case::{Case, CaseFile, Expected};
use super::period::run_period;

crate::i18n::messages! {
    /// What `gyokaku test` prints about the rule set's cases.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RuleTestText {
        /// The closing line.
        Summary { passed: usize, failed: usize } =>
            ja: "{passed} 件成功、{failed} 件失敗",
            en: "{passed} passed, {failed} failed";
        /// A case file where every case passed.
        FilePassed { passed: usize } =>
            ja: "{passed:>3} 件成功",
            en: "{passed:>3} passed";
        /// A case file with failures.
        FileFailed { passed: usize, failed: usize } =>
            ja: "{passed:>3} 件成功、{failed} 件失敗",
            en: "{passed:>3} passed, {failed} failed";
        /// A failed case: its place and name.
        Failed { file: PathBuf, line: usize, name: String } =>
            ja: "失敗 {file}:{line}: {name}",
            en: "FAIL {file}:{line}: {name}";
        /// A passed case, with `--verbose`.
        Passed { file: PathBuf, line: usize, name: String } =>
            ja: "成功 {file}:{line}: {name}",
            en: "ok   {file}:{line}: {name}";
        /// A rule failed while running the case.
        CaseError { message: String } =>
            ja: "  エラー: {message}",
            en: "  error: {message}";
        /// One expectation of a case that did not hold.
        Mismatch { check: String, line: usize, expected: String, got: String } =>
            ja: "  {check} ({line} 行目): 期待値 {expected}、結果 {got}",
            en: "  {check} (line {line}): expected {expected}, got {got}";
        /// Cases of a rule set this one extends, run as its own.
        Inherited { count: usize, base: String, left_out: usize } =>
            ja: "{base} から {count} 件のケースを引き継ぎました。うち {left_out} 件の期待値は、このルールが置き換えたスクリプトのものなので除きました",
            en: "{count} cases inherited from {base}; {left_out} of their expectations left out (they test scripts this rule set replaces)";
        /// `--accept` re-recorded a case.
        Accepted { file: PathBuf, line: usize, name: String } =>
            ja: "更新 {file}:{line}: {name}",
            en: "accepted {file}:{line}: {name}";
        /// `--accept` could not re-record a case whose rule failed.
        NotAcceptedRuleFailed { file: PathBuf, line: usize, name: String } =>
            ja: "未更新 {file}:{line}: {name} (ルールが失敗したため、記録する結果がありません)",
            en: "not accepted {file}:{line}: {name} (a rule failed, there is no result to record)";
        /// `--accept` leaves an inherited case to its own rule set.
        NotAcceptedInherited { file: PathBuf, line: usize, name: String } =>
            ja: "未更新 {file}:{line}: {name} (拡張元のルールのケースです: そちらで更新してください)",
            en: "not accepted {file}:{line}: {name} (the case belongs to a rule set this one extends: accept it there)";
        /// How many cases `--accept` re-recorded.
        Rerecorded { count: usize } =>
            ja: "{count} 件のケースを更新しました",
            en: "{count} cases re-recorded";
        /// Before what the scripts wrote with explain().
        RulesExplained =>
            ja: "  ルールの説明:",
            en: "  the rules explained:";
        /// One piece of evidence of the reading, under the rules' explanation.
        Evidence { evidence: String } =>
            ja: "根拠: {evidence}",
            en: "evidence: {evidence}";
    }
}

/// Which result of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The achievement.
    Achievement,
    /// The rating.
    Rating,
    /// The effect from the actual.
    Effect,
    /// The effect from the target.
    TargetEffect,
    /// The verdict of the reading of the text.
    Verdict,
    /// Whether the reading's evidence (or a forecast) is weak.
    Weak,
    /// The forecast's outlook.
    Outlook,
    /// The forecast's expected final-year value.
    Expected,
    /// The lower end of the forecast's range.
    Low,
    /// The upper end of the forecast's range.
    High,
    /// The forecast's final-year step.
    Step,
    /// The forecast's progress towards the final target.
    Progress,
    /// The suggested overall rating of the period.
    Overall,
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Check::Achievement => "achievement",
            Check::Rating => "rating",
            Check::Effect => "effect",
            Check::TargetEffect => "target_effect",
            Check::Verdict => "verdict",
            Check::Weak => "weak",
            Check::Outlook => "outlook",
            Check::Expected => "expected",
            Check::Low => "low",
            Check::High => "high",
            Check::Step => "step",
            Check::Progress => "progress",
            Check::Overall => "overall",
        })
    }
}

/// A result that is not what the case expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Which result.
    pub check: Check,
    /// 1-based line of the expectation.
    pub line: usize,
    /// As the case writes it.
    pub expected: String,
    /// What the rules gave.
    pub got: String,
    /// What the rules gave as the case would write it (`gyokaku test --accept` records it).
    pub record: String,
}

/// The outcome of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// The case file.
    pub file: PathBuf,
    /// 1-based line of the case.
    pub line: usize,
    /// The case's name.
    pub name: String,
    /// Whether it is a case of the whole period (`[[period]]`) rather than of a year
    /// (`[[case]]`).
    pub period: bool,
    /// Results that differ from the expectations.
    pub mismatches: Vec<Mismatch>,
    /// A rule that failed while running the case, in both languages.
    pub error: Option<Text>,
    /// What the rules explained, in order, in both languages when the rules gave both.
    pub trace: Vec<Text>,
}

impl CaseResult {
    /// Whether every expectation held and no rule failed.
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty() && self.error.is_none()
    }
}

/// The outcome of every case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestRun {
    /// Per case, in file and case order.
    pub results: Vec<CaseResult>,
    /// The rating labels the rating script returned, over all cases.
    pub ratings_produced: BTreeSet<String>,
}

impl TestRun {
    /// How many cases passed.
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed()).count()
    }

    /// How many cases failed.
    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }
}

/// Runs every case of `files` against `rules`.
pub fn run_cases(rules: &RuleSet, files: &[CaseFile]) -> TestRun {
    let mut run = TestRun::default();
    for case in files.iter().flat_map(|f| &f.cases) {
        let mut result = CaseResult {
            file: case.file.clone(),
            line: case.line,
            name: case.name.clone(),
            period: false,
            mismatches: Vec::new(),
            error: None,
            trace: Vec::new(),
        };
        if let Err(e) = run_case(rules, case, &mut result, &mut run.ratings_produced) {
            result.error = Some(describe(&e));
        }
        run.results.push(result);
    }
    for case in files.iter().flat_map(|f| &f.periods) {
        run.results.push(run_period(rules, case));
    }
    run
}

/// A rule error without the item and year a plan would name: the case is named already.
pub(super) fn describe(e: &RuleError) -> Text {
    Text::both(e.in_case(Lang::Ja), e.in_case(Lang::En))
}

fn show(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string())
        .unwrap_or_else(|| "none".into())
}

pub(super) fn compare<T: PartialEq>(
    result: &mut CaseResult,
    check: Check,
    expected: &Expected<T>,
    got: &Option<T>,
    got_text: String,
    record: String,
) {
    if expected.value.as_ref() != got.as_ref() {
        result.mismatches.push(Mismatch {
            check,
            line: expected.line,
            expected: expected.text.clone(),
            got: got_text,
            record,
        });
    }
}

/// Compares a label the rules gave (`None`: judgement required) with the one expected; an
/// expected label off the scale fails, saying so.
pub(super) fn compare_label(
    result: &mut CaseResult,
    check: Check,
    expected: &Expected<String>,
    got: &Option<String>,
    rules: &RuleSet,
) {
    let text = got.clone().unwrap_or_else(|| "judgement required".into());
    let on_scale = (expected.value.as_ref()).is_none_or(|l| rules.scale().get(l).is_some());
    if on_scale {
        compare(result, check, expected, got, text.clone(), text);
        return;
    }
    result.mismatches.push(Mismatch {
        check,
        line: expected.line,
        expected: format!(
            "{} (not a label of the scale: {})",
            expected.text,
            rules.scale().labels().collect::<Vec<_>>().join(", ")
        ),
        got: text.clone(),
        record: text,
    });
}

fn run_case(
    rules: &RuleSet,
    case: &Case,
    result: &mut CaseResult,
    produced: &mut BTreeSet<String>,
) -> Result<(), RuleError> {
    let input = Arc::new(case.rule_input(rules.scale()));
    let item = if case.sheet.id.is_empty() {
        case.name.clone()
    } else {
        case.sheet.id.clone()
    };
    let at = CallSite {
        item: Some(&item),
        year: &input.year,
    };
    let expect = &case.expect;
    if let Some(kind) = case.sheet.kind.as_deref().filter(|k| !rules.has_kind(k)) {
        let problem = RuleProblem::NoKindScript {
            kind: kind.to_string(),
            kinds: rules.kinds().map(str::to_string).collect(),
        };
        result.error = Some(Text::both(
            problem.localize(Lang::Ja),
            problem.localize(Lang::En),
        ));
        return Ok(());
    }

    let reads = expect.verdict.is_some() || expect.weak.is_some();
    if expect.achievement.is_some() || expect.rating.is_some() || reads {
        let achievement = match case.achievement {
            Some(a) => a,
            None => {
                let out = rules.achievement(&input, at)?;
                result.trace.extend(out.trace);
                out.value
            }
        };
        if let Some(e) = &expect.achievement {
            compare(
                result,
                Check::Achievement,
                e,
                &achievement,
                show(achievement),
                show(achievement),
            );
        }
        // The reading of the text runs as in an evaluation: only for an achievement of ().
        let reading = match (achievement, reads || expect.rating.is_some()) {
            (None, true) => rules.judge(&input, at)?,
            _ => None,
        };
        let verdict = reading
            .as_ref()
            .and_then(|r| r.value.as_ref())
            .map(|r| (r.verdict.clone(), r.weak));
        if let Some(out) = &reading {
            result.trace.extend(out.trace.iter().cloned());
            for e in out.value.iter().flat_map(|r| &r.evidence) {
                result.trace.push(Text::of(&RuleTestText::Evidence {
                    evidence: e.describe(),
                }));
            }
        }
        if let Some(e) = &expect.verdict {
            let got = verdict.as_ref().map(|v| v.0.clone());
            let text = got.clone().unwrap_or_else(|| "none".into());
            compare(result, Check::Verdict, e, &got, text.clone(), text);
        }
        if let Some(e) = &expect.weak {
            let got = verdict.as_ref().map(|v| v.1);
            let text = got
                .map(|w| w.to_string())
                .unwrap_or_else(|| "no reading".into());
            compare(result, Check::Weak, e, &got, text.clone(), text);
        }
        if let Some(e) = &expect.rating {
            let out = match &verdict {
                Some((v, _)) => rules.judged(&input, v, at)?,
                None => rules.rating(&input, achievement, at)?,
            };
            result.trace.extend(out.trace);
            if let Some(label) = &out.value {
                produced.insert(label.clone());
            }
            compare_label(result, Check::Rating, e, &out.value, rules);
        }
    }

    for (check, expected, basis) in [
        (Check::Effect, &expect.effect, EffectBasis::Actual),
        (
            Check::TargetEffect,
            &expect.target_effect,
            EffectBasis::Target,
        ),
    ] {
        let Some(e) = expected else { continue };
        let raw = effect(rules, case, &input, basis, at, &mut result.trace)?;
        let rounded = raw.map(round_amount);
        let amount = |d: Option<Decimal>| d.map(format_number).unwrap_or_else(|| "none".into());
        let got = match raw {
            Some(r) if Some(r) != rounded => {
                format!("{} ({} before rounding)", amount(rounded), amount(raw))
            }
            _ => amount(rounded),
        };
        compare(result, check, e, &rounded, got, amount(rounded));
    }
    Ok(())
}

/// The effect, unrounded, computed as for a plan's item: the case's own formula when it gives
/// one, else the kind's `effect(x)`; only when the value is a number.
fn effect(
    rules: &RuleSet,
    case: &Case,
    input: &Arc<RuleInput>,
    basis: EffectBasis,
    at: CallSite,
    trace: &mut Vec<Text>,
) -> Result<Option<Decimal>, RuleError> {
    let formula = match &case.effect_formula {
        Some(expression) => {
            let file = format!("{}:{}", case.file.display(), case.line);
            Some(rules.compile_formula(expression, &file)?)
        }
        None => None,
    };
    Ok(rules
        .effect(input, basis, formula.as_ref(), at)?
        .map(|effect| {
            trace.extend(effect.notes);
            effect.value
        }))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::engine::testing::memory_rules;
    use crate::ruletest::parse_case_file;

    const RATING: &str = r#"
fn rating(x, a) {
    if a == () { return (); }
    if a > 1 { explain("above 100% → A"); return "A"; }
    "B"
}
"#;

    const RATIO: &str = r#"
fn achievement(x) {
    if x.target == () || x.actual == () { return (); }
    explain(`ratio of ${x.actual_text} to ${x.target_text}`);
    x.actual / x.target
}
fn effect(x) {
    if x.value == () { return (); }
    x.value / 3
}
"#;

    fn rules(kind: &str) -> RuleSet {
        memory_rules(RATING, "ratio", kind).unwrap()
    }

    fn run(rules: &RuleSet, text: &str) -> TestRun {
        let file = parse_case_file(Path::new("tests/t.toml"), text).unwrap();
        run_cases(rules, &[file])
    }

    #[test]
    fn expected_and_got_for_each_result() {
        let run = run(
            &rules(RATIO),
            r#"
[defaults]
kind = "ratio"

[[case]]
name = "passes"
target = "10"
actual = "11"
expect.achievement = "110%"
expect.rating = "A"

[[case]]
name = "fails"
target = "10"
actual = "8"
expect.achievement = "1"
expect.rating = "A"
"#,
        );
        assert_eq!((run.passed(), run.failed()), (1, 1));
        assert!(run.results[0].passed());
        let failed = &run.results[1];
        assert_eq!((failed.line, failed.name.as_str()), (12, "fails"));
        assert_eq!(
            failed.mismatches,
            vec![
                Mismatch {
                    check: Check::Achievement,
                    line: 16,
                    expected: "1".into(),
                    got: "0.8".into(),
                    record: "0.8".into(),
                },
                Mismatch {
                    check: Check::Rating,
                    line: 17,
                    expected: "A".into(),
                    got: "B".into(),
                    record: "B".into(),
                },
            ]
        );
        assert_eq!(failed.trace, vec![Text::same("ratio of 8 to 10")]);
        assert_eq!(
            run.ratings_produced.iter().collect::<Vec<_>>(),
            vec!["A", "B"]
        );
    }

    #[test]
    fn only_what_a_case_expects_runs() {
        let run = run(
            &rules(RATIO),
            "[[case]]\nname = \"a\"\nkind = \"ratio\"\ntarget = \"1\"\nactual = \"2\"\nexpect.achievement = \"2\"\n",
        );
        assert_eq!(run.passed(), 1);
        assert!(run.ratings_produced.is_empty(), "rating.rhai did not run");
    }

    #[test]
    fn a_rule_error_an_unknown_kind_or_label_fails_the_case() {
        let broken = RATIO.replace("x.actual / x.target", "x.actual / x.tagret");
        let run = run(
            &rules(&broken),
            r#"
[[case]]
name = "typo in the rule"
kind = "ratio"
target = "10"
actual = "8"
expect.achievement = "0.8"

[[case]]
name = "unknown kind"
kind = "ratoi"
expect.effect = "none"

[[case]]
name = "label not on the scale"
achievement = "0.5"
expect.rating = "D"
"#,
        );
        assert_eq!(run.failed(), 3);
        let error = run.results[0].error.as_ref().unwrap();
        assert!(
            error
                .en
                .starts_with("mem/kinds/ratio.rhai, function achievement: "),
            "{error:?}"
        );
        assert!(
            error
                .ja
                .starts_with("mem/kinds/ratio.rhai、関数 achievement: "),
            "{error:?}"
        );
        assert!(error.en.contains("tagret"), "{error:?}");
        assert_eq!(
            run.results[1].error.as_ref().map(|e| e.en.as_str()),
            Some("the rule set has no script for kind \"ratoi\" (it has: ratio)")
        );
        assert_eq!(
            run.results[2].mismatches[0].expected,
            "D (not a label of the scale: A, B)"
        );
        assert_eq!(run.results[2].mismatches[0].got, "B");
    }

    #[test]
    fn effects_round_to_the_thousand_yen_and_formulas_need_a_value() {
        let run = run(
            &rules(RATIO),
            r#"
[[case]]
name = "kind effect, rounded"
kind = "ratio"
actual = "10"
target = "2"
expect.effect = "3"
expect.target_effect = "1"

[[case]]
name = "kind effect without a value"
kind = "ratio"
expect.effect = "none"

[[case]]
name = "formula"
effect_formula = "(value - previous) * 200"
previous = "82"
actual = "94"
expect.effect = "2,401"

[[case]]
name = "formula without a value"
effect_formula = "(value - previous) * 200"
previous = "82"
expect.effect = "none"
"#,
        );
        assert!(run.results[0].passed(), "{:?}", run.results[0]);
        assert!(run.results[1].passed(), "{:?}", run.results[1]);
        assert_eq!(run.results[2].mismatches[0].got, "2,400");
        assert!(run.results[3].passed(), "{:?}", run.results[3]);
        let rounded = run_case_effect("10");
        assert_eq!(
            rounded,
            "3 (3.3333333333333333333333333333 before rounding)"
        );
    }

    /// What a failing effect expectation reports for an actual of `actual` (÷ 3).
    fn run_case_effect(actual: &str) -> String {
        let run = run(
            &rules(RATIO),
            &format!("[[case]]\nname = \"e\"\nkind = \"ratio\"\nactual = \"{actual}\"\nexpect.effect = \"0\"\n"),
        );
        run.results[0].mismatches[0].got.clone()
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
