//! Whether a year's results are complete: every item has reported. The default year of every
//! report is the latest complete one; a partial year is reported only when asked for, and then
//! the report says how many items have no results yet.

use crate::i18n::{Lang, Localize};
use crate::model::{FiscalYear, ItemId, Plan};

/// How far a year's results are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    /// The fiscal year.
    pub year: FiscalYear,
    /// How many items the plan has.
    pub items: usize,
    /// The items without results for the year, in item order.
    pub without_results: Vec<ItemId>,
}

impl Completeness {
    /// Counts the items of `plan` without results for `year`.
    pub fn of(plan: &Plan, year: FiscalYear) -> Self {
        Completeness {
            year,
            items: plan.items.len(),
            without_results: plan.items_without_results(year).map(|i| i.id).collect(),
        }
    }

    /// Whether every item has reported.
    pub fn is_complete(&self) -> bool {
        self.without_results.is_empty()
    }

    /// The notice a report of a partial year carries, or `None` when the year is complete:
    /// "令和6年度: 71項目中70項目はまだ実績がありません" / "R6: 70 of 71 items have no results yet".
    pub fn notice(&self, lang: Lang) -> Option<String> {
        (!self.is_complete()).then(|| {
            CompletenessText::NotAllReported {
                year: year_text(self.year, lang),
                missing: self.without_results.len(),
                items: self.items,
            }
            .localize(lang)
        })
    }
}

/// A year as a notice names it: 令和6年度 in Japanese, R6 in English.
fn year_text(year: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => year.japanese(),
        Lang::En => year.to_string(),
    }
}

crate::i18n::messages! {
    /// What reports say of how far a year's results are in.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CompletenessText {
        /// Before a report of a year whose results are not all in (the year as the language
        /// names it).
        NotAllReported { year: String, missing: usize, items: usize } =>
            ja: "{year}: {items}項目中{missing}項目はまだ実績がありません(集計は途中経過です)",
            en: "{year}: {missing} of {items} items have no results yet (the figures are provisional)";
        /// Every item has reported.
        AllReported { items: usize } =>
            ja: "全{items}項目の実績がそろっています。",
            en: "All {items} items have reported.";
    }

    /// Why no default year could be chosen.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum DefaultYearError {
        /// No item has results in any year.
        NoResults =>
            ja: "計画のどの年度にもまだ実績がありません: --year で年度を指定してください",
            en: "no year of the plan has results yet: pass --year";
        /// Some year has results, but no year is complete: the latest with results, and how
        /// many of the items have none in it.
        NoCompleteYear { year: FiscalYear, missing: usize, items: usize } =>
            ja: "実績がそろった年度がありません。実績のある最新の年度は {year} ですが、{items}項目中{missing}項目はまだ実績がありません: 途中経過を見るには --year {year} を指定してください",
            en: "no year's results are complete; the latest with results is {year}, where {missing} of {items} items have no results yet: pass --year {year} to report it anyway";
    }
}

/// The year reports use by default: the latest whose results are complete.
pub fn default_year(plan: &Plan) -> Result<FiscalYear, DefaultYearError> {
    if let Some(year) = plan.latest_complete_year() {
        return Ok(year);
    }
    match plan.latest_year_with_results() {
        Some(year) => Err(DefaultYearError::NoCompleteYear {
            year,
            missing: plan.items_without_results(year).count(),
            items: plan.items.len(),
        }),
        None => Err(DefaultYearError::NoResults),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
