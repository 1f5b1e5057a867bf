//! The words of progress to date: the expected effect of what has results (the items and years
//! that have reported), which the actual effect is measured against, shown beside the whole
//! when part of the plan has not reported yet.

crate::i18n::messages! {
    /// Headings of progress to date.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ProgressHeading {
        /// 効果見込額 of the items (and years) that have results.
        ExpectedReported =>
            ja: "効果見込額(実績のある分)",
            en: "expected effect (with results)";
        /// The same, in thousand yen (tables over many plans).
        ExpectedReportedThousandYen =>
            ja: "効果見込額(実績のある分・千円)",
            en: "expected effect with results (¥1,000)";
        /// The same, as a CSV column.
        ExpectedReportedColumn =>
            ja: "効果見込額(実績のある分)",
            en: "expected_effect_reported";
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_has_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
