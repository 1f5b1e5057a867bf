//! Whether a year's results are complete: every item has reported. The default year of every
//! report is the latest complete one; a partial year is reported only when asked for, and then
//! the report says how many items have no results yet.

use crate::i18n::{display_lang, CycleText, Lang, Localize};
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
            CycleText::NotAllReported {
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

/// Why no default year could be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefaultYearError {
    /// No item has results in any year.
    NoResults,
    /// Some year has results, but no year is complete.
    NoCompleteYear(Completeness),
}

impl DefaultYearError {
    /// The message in the user's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            DefaultYearError::NoResults => CycleText::NoResultsYet.localize(lang),
            DefaultYearError::NoCompleteYear(c) => CycleText::NoCompleteYear {
                year: c.year.to_string(),
                missing: c.without_results.len(),
                items: c.items,
            }
            .localize(lang),
        }
    }
}

impl std::fmt::Display for DefaultYearError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(display_lang()))
    }
}

impl std::error::Error for DefaultYearError {}

/// The year reports use by default: the latest whose results are complete.
pub fn default_year(plan: &Plan) -> Result<FiscalYear, DefaultYearError> {
    if let Some(year) = plan.latest_complete_year() {
        return Ok(year);
    }
    match plan.latest_year_with_results() {
        Some(year) => Err(DefaultYearError::NoCompleteYear(Completeness::of(
            plan, year,
        ))),
        None => Err(DefaultYearError::NoResults),
    }
}
