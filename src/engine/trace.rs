//! What rules say through `explain(…)`, `print` and `debug`, kept within bounds: a rule that
//! explains in a loop must not fill memory or the report. The bound is per call, so what one
//! item and year is explained does not depend on how many others the same run evaluated. A line
//! is a [`Text`]: the script's Japanese and English (`explain(ja, en)`), or one text for both.

use std::cell::RefCell;

use crate::i18n::Text;

crate::i18n::messages! {
    /// Lines the engine adds to what a rule explained.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RuleTrace {
        /// One call explained too much: the rest was cut.
        CallCut { lines: usize, bytes: usize } =>
            ja: "… (説明が長すぎるため以降を省略: {lines} 行または {bytes} バイトを超えました)",
            en: "… (further explanation cut: more than {lines} lines or {bytes} bytes)";
        /// An item's own effect formula with the values it was given.
        Formula { expression: String, value: String, previous: String, baseline: String, total: String } =>
            ja: "{expression} (value = {value}、previous = {previous}、baseline = {baseline}、total = {total})",
            en: "{expression} with value = {value}, previous = {previous}, baseline = {baseline}, total = {total}";
    }
}

/// The most lines one rule call keeps.
pub const MAX_LINES_PER_CALL: usize = 64;
/// The most characters (bytes of UTF-8) one rule call keeps.
pub const MAX_BYTES_PER_CALL: usize = 16 * 1024;

/// The bytes a line keeps: its two texts, or one when they are the same.
fn size(line: &Text) -> usize {
    if line.ja == line.en {
        line.ja.len()
    } else {
        line.ja.len() + line.en.len()
    }
}

/// The explanation lines of the current call.
#[derive(Debug, Default)]
pub struct Trace {
    lines: Vec<Text>,
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
    pub fn push(&mut self, line: Text) {
        if self.cut {
            return;
        }
        let bytes = size(&line);
        if self.lines.len() >= MAX_LINES_PER_CALL || self.call_bytes + bytes > MAX_BYTES_PER_CALL {
            self.cut = true;
            self.lines.push(Text::of(&RuleTrace::CallCut {
                lines: MAX_LINES_PER_CALL,
                bytes: MAX_BYTES_PER_CALL,
            }));
            return;
        }
        self.call_bytes += bytes;
        self.lines.push(line);
    }

    /// The call's lines, leaving none.
    pub fn take(&mut self) -> Vec<Text> {
        self.call_bytes = 0;
        self.cut = false;
        std::mem::take(&mut self.lines)
    }
}

thread_local! {
    /// What the rule running on this thread has said through `explain`/`print`/`debug`. A rule
    /// call runs start to end on one thread, so each call's lines are its own even when many
    /// threads share one rule set; a call starts with [`start_call`] and ends with [`take_call`].
    static CURRENT: RefCell<Trace> = RefCell::new(Trace::default());
}

/// `print`, `debug` and `explain(text)`: one text for both languages.
pub(super) fn note(line: &str) {
    CURRENT.with(|t| t.borrow_mut().push(Text::same(line)));
}

/// `explain(ja, en)`: the line in Japanese and in English.
pub(super) fn note_both(ja: &str, en: &str) {
    CURRENT.with(|t| t.borrow_mut().push(Text::both(ja, en)));
}

/// Starts a rule call on this thread: what the previous one said is forgotten.
pub(super) fn start_call() {
    CURRENT.with(|t| t.borrow_mut().start_call());
}

/// What the call running on this thread has said, leaving nothing.
pub(super) fn take_call() -> Vec<Text> {
    CURRENT.with(|t| t.borrow_mut().take())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_keeps_at_most_its_bound_and_says_so() {
        let mut t = Trace::default();
        t.start_call();
        for _ in 0..1000 {
            t.push(Text::same("x"));
        }
        let lines = t.take();
        assert_eq!(lines.len(), MAX_LINES_PER_CALL + 1);
        let cut = lines.last().unwrap();
        assert!(
            cut.en.contains("cut") && cut.ja.contains("省略"),
            "{lines:?}"
        );
        let long = "y".repeat(4000);
        t.start_call();
        for _ in 0..30_000 {
            t.push(Text::same(long.clone()));
        }
        let lines = t.take();
        assert_eq!(lines.len(), MAX_BYTES_PER_CALL / 4000 + 1);
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
