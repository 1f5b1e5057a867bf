//! Whether a year's results are complete: every item has reported. The default year of every
//! report is the latest complete one; a partial year is reported only when asked for, and then
//! the report says how many items have no results yet.

use crate::model::{FiscalYear, ItemId, Plan};
use crate::report::Lang;

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
        if self.is_complete() {
            return None;
        }
        let n = self.without_results.len();
        Some(match lang {
            Lang::Ja => format!(
                "{}: {}項目中{}項目はまだ実績がありません(集計は途中経過です)",
                self.year.japanese(),
                self.items,
                n
            ),
            Lang::En => format!(
                "{}: {n} of {} items have no results yet (the figures are provisional)",
                self.year, self.items
            ),
        })
    }
}

/// Why no default year could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefaultYearError {
    /// No item has results in any year.
    #[error("no year of the plan has results yet: pass --year")]
    NoResults,
    /// Some year has results, but no year is complete.
    #[error("no year's results are complete; the latest with results is {}, where {} of {} items have no results yet: pass --year {} to report it anyway", .0.year, .0.without_results.len(), .0.items, .0.year)]
    NoCompleteYear(Completeness),
}

impl DefaultYearError {
    /// The message in the user's language.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (DefaultYearError::NoResults, Lang::Ja) => {
                "計画のどの年度にもまだ実績がありません: --year で年度を指定してください".into()
            }
            (DefaultYearError::NoCompleteYear(c), Lang::Ja) => format!(
                "実績がそろった年度がありません。実績のある最新の年度は{}ですが、{}項目中{}項目はまだ実績がありません: 途中経過を見るには --year {} を指定してください",
                c.year.japanese(),
                c.items,
                c.without_results.len(),
                c.year
            ),
        }
    }
}

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
