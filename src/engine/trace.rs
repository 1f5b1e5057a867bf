//! What rules say through `explain(…)`, `print` and `debug`, kept within bounds: a rule that
//! explains in a loop must not fill memory or the report.

/// The most lines one rule call keeps.
pub const MAX_LINES_PER_CALL: usize = 64;
/// The most characters (bytes of UTF-8) one rule call keeps.
pub const MAX_BYTES_PER_CALL: usize = 16 * 1024;
/// The most bytes all the calls of one rule set keep together (one run); see
/// `RunBudget`.
pub const MAX_BYTES_PER_RUN: usize = 16 * 1024 * 1024;

/// The line that replaces what was cut.
pub fn cut_line(lines: usize, bytes: usize) -> String {
    format!(
        "… (説明が長すぎるため以降を省略 / further explanation cut: more than {lines} lines or {bytes} bytes)"
    )
}

/// The explanation lines of the current call.
#[derive(Debug, Default)]
pub struct Trace {
    lines: Vec<String>,
    call_bytes: usize,
    cut: bool,
}

impl Trace {
    /// Starts a new call: forgets the lines of the previous one.
    pub fn start_call(&mut self) {
        self.lines.clear();
        self.call_bytes = 0;
        self.cut = false;
    }

    /// Keeps one line, unless the call's bound is reached: then one line says that the rest
    /// was cut, and further lines are dropped.
    pub fn push(&mut self, line: &str) {
        if self.cut {
            return;
        }
        if self.lines.len() >= MAX_LINES_PER_CALL
            || self.call_bytes + line.len() > MAX_BYTES_PER_CALL
        {
            self.cut = true;
            self.lines
                .push(cut_line(MAX_LINES_PER_CALL, MAX_BYTES_PER_CALL));
            return;
        }
        self.call_bytes += line.len();
        self.lines.push(line.to_string());
    }

    /// The call's lines, leaving none.
    pub fn take(&mut self) -> Vec<String> {
        self.call_bytes = 0;
        self.cut = false;
        std::mem::take(&mut self.lines)
    }
}

/// What all the calls of one rule set may keep, shared by the threads that use it.
#[derive(Debug, Default)]
pub struct RunBudget {
    used: std::sync::atomic::AtomicUsize,
}

impl RunBudget {
    /// Charges a call's lines to the run; once the run's bound is passed, the lines are
    /// replaced by one saying so.
    pub fn charge(&self, lines: Vec<String>) -> Vec<String> {
        use std::sync::atomic::Ordering;
        let bytes: usize = lines.iter().map(String::len).sum();
        if bytes == 0 {
            return lines;
        }
        let before = self.used.fetch_add(bytes, Ordering::Relaxed);
        if before.saturating_add(bytes) <= MAX_BYTES_PER_RUN {
            return lines;
        }
        vec![format!(
            "… (説明の総量が上限に達したため省略 / explanation cut: this run's explanations passed {MAX_BYTES_PER_RUN} bytes)"
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_keeps_at_most_its_bound_and_says_so() {
        let mut t = Trace::default();
        t.start_call();
        for _ in 0..1000 {
            t.push("x");
        }
        let lines = t.take();
        assert_eq!(lines.len(), MAX_LINES_PER_CALL + 1);
        assert!(lines.last().unwrap().contains("cut"), "{lines:?}");
        let long = "y".repeat(4000);
        t.start_call();
        for _ in 0..30_000 {
            t.push(&long);
        }
        let lines = t.take();
        assert_eq!(lines.len(), MAX_BYTES_PER_CALL / 4000 + 1);
    }

    #[test]
    fn a_run_keeps_at_most_its_bound() {
        let budget = RunBudget::default();
        let long = "z".repeat(MAX_BYTES_PER_CALL);
        let mut kept = 0;
        for _ in 0..(MAX_BYTES_PER_RUN / MAX_BYTES_PER_CALL + 100) {
            kept += budget
                .charge(vec![long.clone()])
                .iter()
                .map(String::len)
                .sum::<usize>();
        }
        assert!(kept <= MAX_BYTES_PER_RUN + 100 * 200, "{kept}");
        assert!(budget.charge(vec!["a".into()])[0].contains("explanation cut"));
    }
}
