//! `gyokaku evaluate --watch`: evaluates, then evaluates again whenever a rule or plan file
//! changes; an error is printed and watching goes on. The test drives the real binary on a
//! copy of the plan and rules, and waits for output (never for a fixed time).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::{copy_tree, root, test_cache};

/// How long to wait for any one reaction; only reached when the test fails.
const PATIENCE: Duration = Duration::from_secs(90);

/// The watching process; killed when dropped, so a failing test leaves nothing behind.
struct Watching {
    child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    /// Everything seen so far, for failure messages.
    seen: String,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

impl Watching {
    fn start(plan: &Path) -> Watching {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gyokaku"))
            .args([
                "evaluate",
                plan.to_str().unwrap(),
                "--watch",
                "--width",
                "0",
            ])
            .env("GYOKAKU_CACHE_DIR", test_cache())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gyokaku starts");
        let stdout = lines(child.stdout.take().unwrap());
        let stderr = lines(child.stderr.take().unwrap());
        Watching {
            child,
            stdout,
            stderr,
            seen: String::new(),
        }
    }

    /// Waits for the next complete evaluation on stdout (it ends with the "ルール:" line).
    fn next_report(&mut self) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut report = String::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                    let end = line.starts_with("ルール: ");
                    report.push_str(&line);
                    report.push('\n');
                    if end {
                        return report;
                    }
                }
                Err(_) => panic!(
                    "no complete evaluation within {PATIENCE:?}; output so far:\n{}",
                    self.seen
                ),
            }
        }
    }

    /// Waits for a line on stderr that satisfies `wanted`, and returns it.
    fn stderr_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => panic!(
                    "the expected message did not come within {PATIENCE:?}; output so far:\n{}",
                    self.seen
                ),
            }
        }
    }
}

/// The suggested rating in the evaluation table's row of `id`.
fn suggested(report: &str, id: &str) -> String {
    let row = report
        .lines()
        .find(|l| l.starts_with(&format!("│ {id} ")))
        .unwrap_or_else(|| panic!("no row {id} in\n{report}"));
    let cells: Vec<&str> = row.trim_matches('│').split('┆').map(str::trim).collect();
    cells[6].to_string()
}

#[test]
fn a_changed_rule_is_evaluated_again_and_errors_do_not_stop_the_watch() {
    let dir = tempfile::tempdir().unwrap();
    // The plan names its rules as "../../rules": keep that layout, so the watch follows it.
    let plan = dir.path().join("plans/isehara-6");
    copy_tree(&root().join("plans/isehara-6"), &plan);
    let rules = dir.path().join("rules");
    copy_tree(&root().join("rules"), &rules);
    let rating = rules.join("rating.rhai");
    let original = std::fs::read_to_string(&rating).unwrap();

    let mut watching = Watching::start(&plan);
    let first = watching.next_report();
    // 1-2-1 事務事業の点検・見直し: 44 of 40 = 110% → A.
    assert_eq!(suggested(&first, "1-2-1"), "A");
    watching.stderr_line(|l| l.contains("の変更を監視しています") && l.contains("rules"));

    // A rule that does not compile: the error is printed, with its place, and watching goes on.
    std::fs::write(&rating, original.replace("if a >= 0.8 {", "if a >= 0.8 {{")).unwrap();
    let error = watching.stderr_line(|l| l.starts_with("エラー: "));
    assert!(error.contains("rating.rhai:"), "{error}");

    // Fixed, with A only above 110%: evaluated again, and 1-2-1 is now B.
    std::fs::write(&rating, original.replace("if a > 1 {", "if a > 1.1 {")).unwrap();
    let second = watching.next_report();
    assert_eq!(suggested(&second, "1-2-1"), "B", "{second}");
    assert_ne!(
        first.lines().last(),
        second.lines().last(),
        "the rules' hash changed"
    );

    // A plan file with a typo: the error names the file and the key, and watching goes on.
    let item = plan.join("items/1-2-1.toml");
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(&item, text.replacen("title = ", "titel = ", 1)).unwrap();
    let error = watching.stderr_line(|l| l.starts_with("エラー: "));
    assert!(error.contains("items/1-2-1.toml"), "{error}");
    std::fs::write(&item, text).unwrap();
    let third = watching.next_report();
    assert_eq!(suggested(&third, "1-2-1"), "B");
    assert!(
        watching.child.try_wait().unwrap().is_none(),
        "still watching"
    );
}
