//! Recording which statements and branches of a rule set's scripts its calls reach, for
//! `gyokaku test --coverage` (the recorder itself is `engine/coverage.rs`).

use super::RuleSet;
#[cfg(feature = "coverage")]
use crate::engine::coverage::{Coverage, Recorder};

impl RuleSet {
    /// Starts recording which statements and branches of the scripts the following calls
    /// reach (for `gyokaku test --coverage`). Recording makes calls slower; a rule set on
    /// which this is never called evaluates exactly as before. Results and limits are the same.
    #[cfg(feature = "coverage")]
    pub fn record_coverage(&mut self) {
        // Scripts that do not compile run nothing to record: their first rule fails.
        let compiled = self.compiled().is_ok();
        if let (Some(c), Some(data)) = (
            (self.compiled.get_mut()).filter(|_| compiled && self.coverage.is_none()),
            self.data.get(),
        ) {
            self.coverage = Some(Recorder::install(c.engine_mut(data)));
        }
        if let Some(book) = self.data.get().and_then(|d| d.phrases.as_ref()) {
            book.record();
        }
    }

    /// Whether the rule set records coverage ([`RuleSet::record_coverage`]).
    pub fn records_coverage(&self) -> bool {
        self.coverage.is_some()
    }

    /// What the calls since [`RuleSet::record_coverage`] reached, per script (the rating
    /// script first, then judgement.rhai, forecast.rhai, overall.rhai and the kinds); `None`
    /// when not recording.
    #[cfg(feature = "coverage")]
    pub fn coverage(&self) -> Option<Coverage> {
        let recorder = self.coverage.as_ref()?;
        let compiled = self.compiled.get()?;
        let scripts = std::iter::once(&self.rating)
            .chain(&self.judgement)
            .chain(&self.forecast)
            .chain(&self.overall)
            .chain(self.kinds.values());
        let mut coverage =
            recorder.report(scripts.map(|s| (s.file.as_str(), s.text.as_str(), compiled.ast(s))));
        coverage.phrase_groups = (self.data.get())
            .and_then(|d| d.phrases.as_ref())
            .map(|b| b.coverage())
            .unwrap_or_default();
        Some(coverage)
    }
}
