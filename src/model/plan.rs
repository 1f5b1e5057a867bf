//! The plan (行財政改革推進計画): its period, policies, themes and items.

use std::path::PathBuf;

use serde::Serialize;

use super::fiscal_year::{FiscalYear, YearNotation};
use super::item::{Item, ItemId};
use super::scale::Scale;
use super::value::MoneyUnit;

/// 基本方針.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// 1–5 in the Isehara plan.
    pub number: u32,
    /// "行政サービスの最適化".
    pub name: String,
}

/// 改革の推進項目, numbered across the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Theme {
    /// (1)–(10) in the Isehara plan.
    pub number: u32,
    /// The policy the theme belongs to.
    pub policy: u32,
    /// "歳入改革(歳入の確保)".
    pub name: String,
}

/// A year whose results are published (閉じた年度): taken in again only as an amendment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClosedYear {
    /// The year, in the plan's notation.
    pub year: FiscalYear,
    /// When the results were published, as the document says it: "令和6年10月".
    pub published: Option<String>,
}

/// A whole five-year plan with its items, in item order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// "isehara-6".
    pub id: String,
    /// "伊勢原市第6次行財政改革推進計画".
    pub name: String,
    /// "伊勢原市".
    pub municipality: String,
    /// The fiscal years of the period, in order, in the plan's notation.
    pub years: Vec<FiscalYear>,
    /// How the plan's document prints its years (令和5年度, 平成31年度, 2018年度), read from how
    /// `years` are written in plan.toml. Every year of the plan is printed this way.
    pub year_notation: YearNotation,
    /// The unit the plan's report prints effect totals in (`report_unit` in plan.toml; 千円,
    /// the sheets' unit, when not given). Tables state it in their heading (単位:百万円).
    pub report_unit: MoneyUnit,
    /// Words any indicator's figures may be given as instead of a number ("集計中"), besides
    /// 未定: read as no figure, printed as written (`indicator_words` in plan.toml).
    pub indicator_words: Vec<String>,
    /// The years whose results are published (`[[closed]]` in plan.toml): import changes
    /// them only as amendments, each recorded in the item file.
    pub closed: Vec<ClosedYear>,
    /// The plan's default rule set, resolved against the plan's folder.
    pub rules: Option<PathBuf>,
    /// The scale the recorded ratings (評価) are on. Without one, recorded ratings are read on
    /// the scale of the rule set in use; a scale without ratings (`scale = "none"`) is that of
    /// a document that records none.
    pub scale: Option<Scale>,
    /// 基本方針, in order.
    pub policies: Vec<Policy>,
    /// 改革の推進項目, in order.
    pub themes: Vec<Theme>,
    /// 実施項目, ordered by id.
    pub items: Vec<Item>,
}

impl Plan {
    /// The item with this id.
    pub fn item(&self, id: ItemId) -> Option<&Item> {
        // Items are kept in id order (the loader sorts them): found in log time, so a report
        // that looks up every item stays linear in the plan's size.
        match self.items.binary_search_by_key(&id, |i| i.id) {
            Ok(i) => self.items.get(i),
            Err(_) => self.items.iter().find(|i| i.id == id),
        }
    }

    /// The policy with this number.
    pub fn policy(&self, number: u32) -> Option<&Policy> {
        self.policies.iter().find(|p| p.number == number)
    }

    /// The theme with this number.
    pub fn theme(&self, number: u32) -> Option<&Theme> {
        self.themes.iter().find(|t| t.number == number)
    }

    /// The year of the period that `year` names, printed the plan's way (`None` outside the
    /// period): `FY2019` is the plan's 平成31年度 when that is how its document writes it.
    pub fn period_year(&self, year: FiscalYear) -> Option<FiscalYear> {
        self.years.iter().copied().find(|y| *y == year)
    }

    /// The year, when its results are published.
    pub fn closed_year(&self, year: FiscalYear) -> Option<&ClosedYear> {
        self.closed.iter().find(|c| c.year == year)
    }

    /// The items that have no results for `year` yet (no row for the year, or a row without
    /// actual, actual effect or rating), in item order.
    pub fn items_without_results(&self, year: FiscalYear) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| !i.year(year).is_some_and(|e| e.has_results()))
    }

    /// Whether every item has its results for `year`.
    pub fn is_complete(&self, year: FiscalYear) -> bool {
        !self.items.is_empty() && self.items_without_results(year).next().is_none()
    }

    /// The latest year of the period whose results are complete (every item has reported):
    /// the year to report by default. A partial year is reported only when asked for.
    pub fn latest_complete_year(&self) -> Option<FiscalYear> {
        self.years
            .iter()
            .rev()
            .copied()
            .find(|y| self.is_complete(*y))
    }

    /// The latest year of the period for which any item has results (complete or not).
    pub fn latest_year_with_results(&self) -> Option<FiscalYear> {
        self.years.iter().rev().copied().find(|y| {
            self.items
                .iter()
                .any(|i| i.year(*y).is_some_and(|e| e.has_results()))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{load_plan, FiscalYear};

    #[test]
    fn the_default_year_is_the_latest_complete_one() {
        let mut plan = load_plan(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/isehara-6")).unwrap();
        let r5 = FiscalYear::reiwa(5);
        let r6 = FiscalYear::reiwa(6);
        assert!(plan.is_complete(r5));
        assert_eq!(plan.latest_complete_year(), Some(r5));
        // One R6 actual makes R6 the latest year with results, not a complete one.
        let entry = plan.items[0].years.get_mut(&r6).unwrap();
        entry.rating = Some("B".into());
        assert_eq!(plan.latest_year_with_results(), Some(r6));
        assert_eq!(plan.latest_complete_year(), Some(r5));
        assert_eq!(plan.items_without_results(r6).count(), 70);
        assert_eq!(plan.items_without_results(r5).count(), 0);
    }
}
