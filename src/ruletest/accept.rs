//! `gyokaku test --accept`: after a reviewed change to the rules, re-records the expectations
//! of the failing cases as what the rules now give, in the case files themselves (only the
//! expectation's value changes: comments, order and layout stay), and lists every change.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::run::{CaseResult, Check, RuleTestText, TestRun};
use crate::i18n::{Lang, Localize};

crate::i18n::messages! {
    /// Why `gyokaku test --accept` could not re-record the cases of a file.
    #[derive(Debug)]
    pub enum AcceptError {
        /// A case file could not be read or written.
        Io { file: PathBuf, reason: std::io::Error } =>
            ja: "{file}: {reason}",
            en: "{file}: {reason}";
        /// A case file changed since the run.
        Changed { file: PathBuf, problem: AcceptProblem } =>
            ja: "{file}: テストの実行後にファイルが変わっています: {problem}",
            en: "{file}: the file changed since the run: {problem}";
    }

    /// How a case file no longer fits the run `--accept` re-records.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AcceptProblem {
        /// It no longer parses.
        Toml { detail: String } =>
            ja: "TOML として読めません: {detail}",
            en: "{detail}";
        /// It has no cases.
        NoCases =>
            ja: "[[case]] がなくなっています",
            en: "the file has no [[case]] any more";
        /// The case is gone.
        NoCase { name: String } =>
            ja: "{name:?} という名前のケースがなくなっています",
            en: "no case is named {name:?} any more";
        /// The case has no expectations.
        NoExpect { name: String } =>
            ja: "ケース {name:?} に expect がありません",
            en: "case {name:?} has no expect";
        /// The case no longer has the expectation that failed.
        NoExpectation { name: String, check: String } =>
            ja: "ケース {name:?} に expect.{check} がありません",
            en: "case {name:?} has no expect.{check}";
    }
}

/// One case whose expectations were re-recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The case file.
    pub file: PathBuf,
    /// 1-based line of the case.
    pub line: usize,
    /// The case's name.
    pub name: String,
    /// Per expectation: which, what it was, what it is now.
    pub changes: Vec<(Check, String, String)>,
}

/// A failing case that `--accept` cannot re-record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAccepted {
    /// The case file.
    pub file: PathBuf,
    /// 1-based line of the case.
    pub line: usize,
    /// The case's name.
    pub name: String,
    /// Why.
    pub reason: NotAcceptedReason,
}

/// Why a failing case was not re-recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAcceptedReason {
    /// A rule failed: there is no result to record.
    RuleFailed,
    /// The case belongs to a rule set this one extends: accept it there.
    Inherited,
}

/// Re-records every failing case of `run` whose file is in `own_tests` (the rule set's own
/// `tests/` folder). Each file is written whole, through a temporary file, or not at all.
pub fn accept(
    run: &TestRun,
    own_tests: &Path,
) -> Result<(Vec<Accepted>, Vec<NotAccepted>), AcceptError> {
    let mut accepted = Vec::new();
    let mut not_accepted = Vec::new();
    let mut by_file: BTreeMap<&Path, Vec<&CaseResult>> = BTreeMap::new();
    for r in run.results.iter().filter(|r| !r.passed()) {
        let reason = if r.error.is_some() {
            Some(NotAcceptedReason::RuleFailed)
        } else if !r.file.starts_with(own_tests) {
            Some(NotAcceptedReason::Inherited)
        } else {
            None
        };
        match reason {
            Some(reason) => not_accepted.push(NotAccepted {
                file: r.file.clone(),
                line: r.line,
                name: r.name.clone(),
                reason,
            }),
            None => by_file.entry(r.file.as_path()).or_default().push(r),
        }
    }
    for (file, results) in by_file {
        let io = |reason| AcceptError::Io {
            file: file.to_path_buf(),
            reason,
        };
        let changed = |problem| AcceptError::Changed {
            file: file.to_path_buf(),
            problem,
        };
        let text = std::fs::read_to_string(file).map_err(io)?;
        let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            changed(AcceptProblem::Toml {
                detail: e.to_string(),
            })
        })?;
        for r in results {
            // A case of a year is a [[case]], one of the whole period a [[period]].
            let table = if r.period { "period" } else { "case" };
            let cases = doc
                .get_mut(table)
                .and_then(toml_edit::Item::as_array_of_tables_mut)
                .ok_or_else(|| changed(AcceptProblem::NoCases))?;
            let name = || r.name.clone();
            let case = cases
                .iter_mut()
                .find(|t| t.get("name").and_then(|n| n.as_str()) == Some(r.name.as_str()))
                .ok_or_else(|| changed(AcceptProblem::NoCase { name: name() }))?;
            let expect = case
                .get_mut("expect")
                .and_then(toml_edit::Item::as_table_like_mut)
                .ok_or_else(|| changed(AcceptProblem::NoExpect { name: name() }))?;
            let mut changes = Vec::new();
            for m in &r.mismatches {
                let value = expect
                    .get_mut(&m.check.to_string())
                    .and_then(toml_edit::Item::as_value_mut)
                    .ok_or_else(|| {
                        changed(AcceptProblem::NoExpectation {
                            name: name(),
                            check: m.check.to_string(),
                        })
                    })?;
                let decor = value.decor().clone();
                *value = match (m.check, m.record.as_str()) {
                    // expect.weak is a boolean; without a reading there is none to record.
                    (Check::Weak, "true") => toml_edit::Value::from(true),
                    (Check::Weak, "false") => toml_edit::Value::from(false),
                    (Check::Weak, _) => continue,
                    _ => toml_edit::Value::from(m.record.as_str()),
                };
                *value.decor_mut() = decor;
                changes.push((m.check, m.expected.clone(), m.record.clone()));
            }
            accepted.push(Accepted {
                file: r.file.clone(),
                line: r.line,
                name: r.name.clone(),
                changes,
            });
        }
        let dir = file.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        tmp.write_all(doc.to_string().as_bytes()).map_err(io)?;
        tmp.persist(file).map_err(|e| io(e.error))?;
    }
    Ok((accepted, not_accepted))
}

/// The list of re-recorded cases, then those that could not be.
pub fn render_accepted(accepted: &[Accepted], not_accepted: &[NotAccepted], lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for a in accepted {
        let line = RuleTestText::Accepted {
            file: a.file.clone(),
            line: a.line,
            name: a.name.clone(),
        };
        let _ = writeln!(out, "{}", line.localize(lang));
        for (check, old, new) in &a.changes {
            let _ = writeln!(out, "  expect.{check}: {old} → {new}");
        }
    }
    for n in not_accepted {
        let line = match n.reason {
            NotAcceptedReason::RuleFailed => RuleTestText::NotAcceptedRuleFailed {
                file: n.file.clone(),
                line: n.line,
                name: n.name.clone(),
            },
            NotAcceptedReason::Inherited => RuleTestText::NotAcceptedInherited {
                file: n.file.clone(),
                line: n.line,
                name: n.name.clone(),
            },
        };
        let _ = writeln!(out, "{}", line.localize(lang));
    }
    let count = RuleTestText::Rerecorded {
        count: accepted.len(),
    };
    let _ = writeln!(out, "{}", count.localize(lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::memory_rules;
    use crate::ruletest::{parse_case_file, run_cases};

    #[test]
    fn failing_expectations_are_rewritten_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let tests = dir.path().join("tests");
        std::fs::create_dir(&tests).unwrap();
        let path = tests.join("k.toml");
        let text = "# ratio cases\n[defaults]\nkind = \"k\"\n\n[[case]]\nname = \"ok\"\ntarget = \"10\"\nactual = \"10\"\nexpect.achievement = \"1\"\n\n[[case]]\nname = \"moved\"  # the band moved\ntarget = \"10\"\nactual = \"12\"\nexpect.achievement = \"1.1\"   # was 110%\nexpect.rating = \"B\"\n";
        std::fs::write(&path, text).unwrap();
        let rules = memory_rules(
            "fn rating(x, a) { if a > 1 { \"A\" } else { \"B\" } }",
            "k",
            "fn achievement(x) { x.actual / x.target }",
        )
        .unwrap();
        let file = parse_case_file(&path, text).unwrap();
        let run = run_cases(&rules, &[file]);
        assert_eq!(run.failed(), 1);
        let (accepted, not) = accept(&run, &tests).unwrap();
        assert!(not.is_empty());
        assert_eq!(
            accepted[0].changes,
            vec![
                (Check::Achievement, "1.1".into(), "1.2".into()),
                (Check::Rating, "B".into(), "A".into())
            ]
        );
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            after,
            text.replace("\"1.1\"", "\"1.2\"")
                .replace("rating = \"B\"", "rating = \"A\"")
        );
        let run = run_cases(&rules, &[parse_case_file(&path, &after).unwrap()]);
        assert_eq!(run.failed(), 0);
        let listed = render_accepted(&accepted, &not, Lang::En);
        assert!(
            listed.contains(
                "k.toml:11: moved\n  expect.achievement: 1.1 → 1.2\n  expect.rating: B → A\n"
            ),
            "{listed}"
        );
    }

    #[test]
    fn a_case_file_changed_since_the_run_is_an_error_in_either_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.toml");
        let text = "[[case]]\nname = \"moved\"\nkind = \"k\"\ntarget = \"10\"\nactual = \"12\"\nexpect.achievement = \"1.1\"\n";
        std::fs::write(&path, text).unwrap();
        let rules =
            memory_rules("fn rating(x, a) { () }", "k", "fn achievement(x) { 1.2 }").unwrap();
        let run = run_cases(&rules, &[parse_case_file(&path, text).unwrap()]);
        // Renamed by hand between the run and --accept.
        std::fs::write(&path, text.replace("moved", "renamed")).unwrap();
        let err = accept(&run, dir.path()).unwrap_err();
        let file = path.display();
        assert_eq!(
            err.localize(Lang::Ja),
            format!("{file}: テストの実行後にファイルが変わっています: \"moved\" という名前のケースがなくなっています")
        );
        assert_eq!(
            err.localize(Lang::En),
            format!("{file}: the file changed since the run: no case is named \"moved\" any more")
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text.replace("moved", "renamed")
        );
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
