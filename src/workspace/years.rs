//! Which fiscal years a run reports: one year, every year of the plan's period, or (by
//! default) the latest whose results are complete.

use std::fmt;
use std::str::FromStr;

use crate::cycle::{default_year, DefaultYearError};
use crate::i18n::{Lang, Localize};
use crate::model::{FiscalYear, FiscalYearError, Plan};

crate::i18n::messages! {
    /// The year asked for that the plan does not have.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum YearText {
        /// The year asked for is not one of the plan's.
        OutsidePeriod { year: String, first: String, last: String } =>
            ja: "{year} は計画期間 ({first}〜{last}) の外です",
            en: "{year} is outside the plan's period ({first}–{last})";
    }
}

/// The years of a plan a run reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Years {
    /// The latest year whose results are complete: every item has reported.
    #[default]
    LatestComplete,
    /// One fiscal year (in any spelling the plan's period knows: FY2019 is a plan's 平成31年度).
    One(FiscalYear),
    /// Every year of the plan's period.
    All,
}

impl Years {
    /// The years of `plan` chosen, in period order.
    pub fn of(&self, plan: &Plan) -> Result<Vec<FiscalYear>, YearError> {
        match self {
            Years::All => Ok(plan.years.clone()),
            Years::One(_) | Years::LatestComplete => Ok(vec![self.one_of(plan)?]),
        }
    }

    /// The one year of `plan` chosen: the year given as the plan spells it, or the latest
    /// complete one. `All` chooses the latest complete year too; commands that report one
    /// year refuse `all` before they get here.
    pub fn one_of(&self, plan: &Plan) -> Result<FiscalYear, YearError> {
        match self {
            // The plan's own spelling of the year: FY2019 is its 平成31年度 when it writes so.
            Years::One(year) => plan
                .period_year(*year)
                .ok_or_else(|| YearError::OutsidePeriod {
                    year: *year,
                    first: plan.years.first().copied(),
                    last: plan.years.last().copied(),
                }),
            Years::LatestComplete | Years::All => default_year(plan).map_err(YearError::NoDefault),
        }
    }

    /// The name of the choice, by which stored summary lines remember the years it made of a
    /// plan's files: `"all"`, `"R5"`, `"latest complete"`. The same name always chooses the
    /// same years of the same files.
    pub fn choice(&self) -> String {
        match self {
            Years::All => "all".to_string(),
            Years::One(year) => year.to_string(),
            Years::LatestComplete => "latest complete".to_string(),
        }
    }

    /// Whether more than one year may be reported.
    pub fn is_all(&self) -> bool {
        *self == Years::All
    }
}

impl From<FiscalYear> for Years {
    fn from(year: FiscalYear) -> Self {
        Years::One(year)
    }
}

impl From<Option<FiscalYear>> for Years {
    fn from(year: Option<FiscalYear>) -> Self {
        year.map_or(Years::LatestComplete, Years::One)
    }
}

/// `all` (or 全年度) for every year; any spelling of a fiscal year for that year.
impl FromStr for Years {
    type Err = FiscalYearError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "all" | "全年度" => Ok(Years::All),
            year => year.parse().map(Years::One),
        }
    }
}

impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.choice())
    }
}

/// Why the years asked for could not be chosen of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearError {
    /// The year is not one of the plan's period.
    OutsidePeriod {
        /// The year asked for.
        year: FiscalYear,
        /// The period's first year.
        first: Option<FiscalYear>,
        /// Its last.
        last: Option<FiscalYear>,
    },
    /// No year was given, and no year's results are complete.
    NoDefault(DefaultYearError),
}

impl Localize for YearError {
    fn localize(&self, lang: Lang) -> String {
        let name = |y: &Option<FiscalYear>| y.map(|y| y.to_string()).unwrap_or_default();
        match self {
            YearError::OutsidePeriod { year, first, last } => YearText::OutsidePeriod {
                year: year.to_string(),
                first: name(first),
                last: name(last),
            }
            .localize(lang),
            YearError::NoDefault(e) => e.localize(lang),
        }
    }
}

impl fmt::Display for YearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(crate::i18n::Lang::Ja))
    }
}

impl std::error::Error for YearError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_and_name_themselves() {
        assert_eq!("all".parse::<Years>().unwrap(), Years::All);
        assert_eq!("全年度".parse::<Years>().unwrap(), Years::All);
        let r5 = FiscalYear::reiwa(5);
        assert_eq!("令和5年度".parse::<Years>().unwrap(), Years::One(r5));
        assert!("R".parse::<Years>().is_err());
        assert_eq!(Years::One(r5).choice(), "R5");
        assert_eq!(Years::All.choice(), "all");
        assert_eq!(Years::default().choice(), "latest complete");
    }

    #[test]
    fn a_year_outside_the_period_is_named_with_the_period() {
        let plan = crate::model::load_plan(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/isehara-6"))
            .unwrap();
        let r5 = FiscalYear::reiwa(5);
        assert_eq!(Years::LatestComplete.of(&plan).unwrap(), [r5]);
        assert_eq!(Years::All.of(&plan).unwrap().len(), 5);
        let err = Years::One(FiscalYear::reiwa(12)).of(&plan).unwrap_err();
        assert!(err.localize(Lang::En).contains("R5–R9"), "{err:?}");
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
