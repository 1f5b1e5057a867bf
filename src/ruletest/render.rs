//! What `gyokaku test` prints: failures with expected and got, a line per case file, the
//! coverage of the scripts, and the closing `N passed, N failed`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

use crate::engine::{Coverage, CoveragePoint, Scale, ScriptCoverage};
use crate::i18n::{Lang, Localize, Text};

use super::run::{CaseResult, RuleTestText, TestRun};

crate::i18n::messages! {
    /// The coverage report of `gyokaku test --coverage`: its table, what no case reached.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CoverageReportText {
        /// The first column of the coverage table.
        Script =>
            ja: "カバレッジ",
            en: "coverage";
        /// Column: statements reached of all.
        Statements =>
            ja: "文",
            en: "statements";
        /// Column: branches reached of all.
        Branches =>
            ja: "分岐",
            en: "branches";
        /// Column: functions called of all.
        Functions =>
            ja: "関数",
            en: "functions";
        /// How many phrase groups some case's text contains.
        PhraseGroupsFound { found: usize, groups: usize } =>
            ja: "ケースの文章に見つかった表現の分類: {found}/{groups}",
            en: "phrase groups found in the cases' texts: {found}/{groups}";
        /// Everything was reached (a rule set without phrase groups).
        Full =>
            ja: "完全なカバレッジ: ルールのすべての文・分岐・関数が実行され、評価尺度のすべての評価が出ました",
            en: "full coverage: every statement, branch and function of the rules ran, and every rating band of the scale was produced";
        /// Everything was reached, every phrase group found.
        FullWithPhraseGroups =>
            ja: "完全なカバレッジ: ルールのすべての文・分岐・関数が実行され、評価尺度のすべての評価が出て、すべての表現の分類が見つかりました",
            en: "full coverage: every statement, branch and function of the rules ran, every rating band of the scale was produced, and every phrase group was found";
        /// Before the points no case reached.
        NotReached =>
            ja: "どのケースも到達していない箇所:",
            en: "not reached by any case:";
        /// Before the functions no case called.
        NeverCalled =>
            ja: "一度も呼ばれていない関数:",
            en: "functions never called:";
        /// A function never called, with its statements.
        Uncalled { file: String, line: usize, name: String, statements: usize } =>
            ja: "  {file}:{line}: {name} ({statements} 文)",
            en: "  {file}:{line}: {name} ({statements} statements)";
        /// A function of one statement never called.
        UncalledOne { file: String, line: usize, name: String, statements: usize } =>
            ja: "  {file}:{line}: {name} ({statements} 文)",
            en: "  {file}:{line}: {name} ({statements} statement)";
        /// Ratings of the scale no case produced.
        BandsNeverProduced { labels: Vec<String> } =>
            ja: "一度も出なかった評価: {labels}",
            en: "rating bands never produced: {labels}";
        /// Before the phrase groups no case's text contains.
        GroupsMissing =>
            ja: "どのケースの文章にも含まれていない表現の分類:",
            en: "phrase groups no case's text contains:";
        /// A phrase group no case's text contains (its label in Japanese).
        GroupMissing { file: String, line: usize, group: Text } =>
            ja: "  {file}:{line}: {group}",
            en: "  {file}:{line}: {group}";
    }
}

fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_string();
    s.push_str(&" ".repeat(width.saturating_sub(text.width())));
    s
}

fn render_failure(out: &mut String, r: &CaseResult, lang: Lang) {
    let failed = RuleTestText::Failed {
        file: r.file.clone(),
        line: r.line,
        name: r.name.clone(),
    };
    let _ = writeln!(out, "{}", failed.localize(lang));
    if let Some(e) = &r.error {
        let e = RuleTestText::CaseError {
            message: e.localize(lang),
        };
        let _ = writeln!(out, "{}", e.localize(lang));
    }
    for m in &r.mismatches {
        let mismatch = RuleTestText::Mismatch {
            check: m.check.to_string(),
            line: m.line,
            expected: m.expected.to_string(),
            got: m.got.to_string(),
        };
        let _ = writeln!(out, "{}", mismatch.localize(lang));
    }
    if !r.trace.is_empty() {
        let _ = writeln!(out, "{}", RuleTestText::RulesExplained.localize(lang));
        for t in &r.trace {
            let _ = writeln!(out, "    {}", t.localize(lang));
        }
    }
}

/// The failures (every case with `verbose`), then one line per case file.
pub fn render_results(run: &TestRun, verbose: bool, lang: Lang) -> String {
    let mut out = String::new();
    for r in &run.results {
        if !r.passed() {
            render_failure(&mut out, r, lang);
            out.push('\n');
        } else if verbose {
            let passed = RuleTestText::Passed {
                file: r.file.clone(),
                line: r.line,
                name: r.name.clone(),
            };
            let _ = writeln!(out, "{}", passed.localize(lang));
        }
    }
    if verbose && run.results.iter().all(CaseResult::passed) && !run.results.is_empty() {
        out.push('\n');
    }
    let mut files: BTreeMap<&PathBuf, (usize, usize)> = BTreeMap::new();
    for r in &run.results {
        let e = files.entry(&r.file).or_default();
        if r.passed() {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    let names: Vec<String> = files.keys().map(|p| p.display().to_string()).collect();
    let width = names.iter().map(|n| n.width()).max().unwrap_or(0);
    for (name, (passed, failed)) in names.iter().zip(files.values()) {
        let counts = if *failed == 0 {
            RuleTestText::FilePassed { passed: *passed }
        } else {
            RuleTestText::FileFailed {
                passed: *passed,
                failed: *failed,
            }
        }
        .localize(lang);
        let _ = writeln!(out, "{}  {counts}", pad(name, width));
    }
    out
}

/// The closing line: `N passed, N failed`.
pub fn summary_line(run: &TestRun, lang: Lang) -> String {
    RuleTestText::Summary {
        passed: run.passed(),
        failed: run.failed(),
    }
    .localize(lang)
}

/// A marker line under `source` with a caret at each 1-based column (in characters, as Rhai
/// counts them), keeping tabs and wide characters aligned.
fn carets(source: &str, columns: &[usize]) -> String {
    let last = columns.iter().copied().max().unwrap_or(0);
    let mut line = String::new();
    let mut chars = source.chars();
    for col in 1..=last {
        let c = chars.next();
        let width = c.and_then(|c| c.width()).unwrap_or(1);
        if columns.contains(&col) {
            line.push('^');
            line.push_str(&" ".repeat(width.saturating_sub(1)));
        } else if c == Some('\t') {
            line.push('\t');
        } else {
            line.push_str(&" ".repeat(width));
        }
    }
    line.trim_end().to_string()
}

/// Whether `function` of `script` was called.
fn called(script: &ScriptCoverage, function: &str) -> bool {
    script
        .functions
        .iter()
        .any(|f| f.name == function && f.called)
}

/// The lines of called functions that hold points no case reached. A function never called is
/// listed once, not line by line; on a line never run, its branches go without saying.
fn render_uncovered(out: &mut String, script: &ScriptCoverage, lang: Lang) {
    let mut lines: BTreeMap<usize, Vec<&CoveragePoint>> = BTreeMap::new();
    for p in script.uncovered().filter(|p| called(script, &p.function)) {
        lines.entry(p.line).or_default().push(p);
    }
    for (line, mut points) in lines {
        if points.iter().any(|p| !p.reach.is_branch()) {
            points.retain(|p| !p.reach.is_branch());
        }
        let mut reasons: Vec<String> = Vec::new();
        for p in &points {
            let r = p.reach.message().localize(lang);
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
        let _ = writeln!(out, "  {}:{line}: {}", script.file, reasons.join("; "));
        let source = script.source_line(line).unwrap_or("");
        let gutter = line.to_string();
        let _ = writeln!(out, "    {gutter} | {source}");
        let columns: Vec<usize> = points.iter().map(|p| p.column).collect();
        let _ = writeln!(
            out,
            "    {} | {}",
            " ".repeat(gutter.len()),
            carets(source, &columns)
        );
    }
}

/// Per script: statements, branches and functions reached; then what no case reached, the
/// functions never called and the rating bands never produced — or that coverage is full.
pub fn render_coverage(coverage: &Coverage, run: &TestRun, scale: &Scale, lang: Lang) -> String {
    let mut out = String::new();
    let headers = [
        CoverageReportText::Script,
        CoverageReportText::Statements,
        CoverageReportText::Branches,
        CoverageReportText::Functions,
    ]
    .map(|h| h.localize(lang));
    let rows: Vec<[String; 4]> = coverage
        .scripts
        .iter()
        .map(|s| {
            let (st, st_all) = s.statements();
            let (br, br_all) = s.branches();
            let called = s.functions.iter().filter(|f| f.called).count();
            [
                s.file.clone(),
                format!("{st}/{st_all}"),
                format!("{br}/{br_all}"),
                format!("{called}/{}", s.functions.len()),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].width())
                .chain([headers[i].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Aligned by display width: the Japanese headings are two columns a character.
    let line = |cells: [&str; 4]| {
        let right: Vec<String> = (1..4)
            .map(|i| {
                let gap = widths[i].saturating_sub(cells[i].width());
                format!("{}{}", " ".repeat(gap), cells[i])
            })
            .collect();
        format!("{}  {}\n", pad(cells[0], widths[0]), right.join("  "))
    };
    out.push_str(&line([&headers[0], &headers[1], &headers[2], &headers[3]]));
    for r in &rows {
        out.push_str(&line([&r[0], &r[1], &r[2], &r[3]]));
    }
    let never: Vec<&str> = scale
        .labels()
        .filter(|l| !run.ratings_produced.contains(*l))
        .collect();
    let uncalled: Vec<(&ScriptCoverage, &str, usize)> = coverage
        .scripts
        .iter()
        .flat_map(|s| {
            s.functions
                .iter()
                .filter(|f| !f.called)
                .map(move |f| (s, f.name.as_str(), f.line))
        })
        .collect();
    let points_missed = coverage
        .scripts
        .iter()
        .any(|s| s.uncovered().any(|p| called(s, &p.function)));
    let groups_missed: Vec<_> = coverage.phrase_groups.iter().filter(|g| !g.found).collect();
    if !coverage.phrase_groups.is_empty() {
        let found = coverage.phrase_groups.len() - groups_missed.len();
        let found = CoverageReportText::PhraseGroupsFound {
            found,
            groups: coverage.phrase_groups.len(),
        };
        let _ = writeln!(out, "{}", found.localize(lang));
    }
    if !points_missed && uncalled.is_empty() && never.is_empty() && groups_missed.is_empty() {
        let full = if coverage.phrase_groups.is_empty() {
            CoverageReportText::Full
        } else {
            CoverageReportText::FullWithPhraseGroups
        };
        let _ = writeln!(out, "{}", full.localize(lang));
        return out;
    }
    if points_missed {
        let _ = writeln!(out, "\n{}", CoverageReportText::NotReached.localize(lang));
        for s in &coverage.scripts {
            render_uncovered(&mut out, s, lang);
        }
    }
    if !uncalled.is_empty() {
        let _ = writeln!(out, "\n{}", CoverageReportText::NeverCalled.localize(lang));
        for (s, name, line) in uncalled {
            let statements = s
                .points
                .iter()
                .filter(|p| p.function == name && !p.reach.is_branch())
                .count();
            let (file, name) = (s.file.clone(), name.to_string());
            let uncalled = if statements == 1 {
                CoverageReportText::UncalledOne {
                    file,
                    line,
                    name,
                    statements,
                }
            } else {
                CoverageReportText::Uncalled {
                    file,
                    line,
                    name,
                    statements,
                }
            };
            let _ = writeln!(out, "{}", uncalled.localize(lang));
        }
    }
    if !never.is_empty() {
        let never = CoverageReportText::BandsNeverProduced {
            labels: never.iter().map(|l| l.to_string()).collect(),
        };
        let _ = writeln!(out, "\n{}", never.localize(lang));
    }
    if !groups_missed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            CoverageReportText::GroupsMissing.localize(lang)
        );
        for g in groups_missed {
            let group = if g.label == g.name {
                Text::same(g.name.clone())
            } else {
                Text::both(format!("{} ({})", g.name, g.label), g.name.clone())
            };
            let missing = CoverageReportText::GroupMissing {
                file: g.file.clone(),
                line: g.line,
                group,
            };
            let _ = writeln!(out, "{}", missing.localize(lang));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_mark_columns_under_wide_characters() {
        assert_eq!(carets("    if a {", &[5]), "    ^");
        assert_eq!(carets("a || b", &[1, 6]), "^    ^");
        // "検討" is two columns wide each.
        assert_eq!(carets("検討 == x", &[4]), "     ^");
        assert_eq!(carets("\tx", &[2]), "\t^");
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
