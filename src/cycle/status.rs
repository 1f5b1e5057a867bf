//! Where a year's reports stand: per department and section (部/課), which items have reported
//! and which have not, and which returned values look implausible.

use serde::Serialize;

use super::completeness::Completeness;
use crate::check::{implausible_values, Implausibility};
use crate::engine::RuleSet;
use crate::model::{FiscalYear, ItemId, Plan};

/// One section's (所属's) reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionStatus {
    /// 取組主管 部局, when the document prints one.
    pub department: Option<String>,
    /// 取組主管 所属.
    pub section: String,
    /// Its items that have reported.
    pub reported: Vec<ItemId>,
    /// Its items that have not.
    pub missing: Vec<ItemId>,
}

/// A returned value that looks implausible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Questioned {
    /// The item.
    pub item: ItemId,
    /// Its title.
    pub title: String,
    /// Its department and section.
    pub owner: String,
    /// The field and what looks wrong.
    pub value: Implausibility,
}

/// The year's reporting status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// The plan's name.
    pub plan: String,
    /// The year.
    pub year: FiscalYear,
    /// How many items have reported.
    #[serde(skip)]
    pub completeness: Completeness,
    /// Per section, in the order of the sections' first items.
    pub sections: Vec<SectionStatus>,
    /// Returned values that look implausible and are not recorded as the published figure.
    pub questioned: Vec<Questioned>,
}

impl Status {
    /// Whether everything is in and nothing is questioned.
    pub fn is_clear(&self) -> bool {
        self.completeness.is_complete() && self.questioned.is_empty()
    }
}

/// The status of `year`'s reports.
pub fn status(plan: &Plan, rules: &RuleSet, year: FiscalYear) -> Status {
    let mut sections: Vec<SectionStatus> = Vec::new();
    let mut questioned = Vec::new();
    for item in &plan.items {
        let at = match sections
            .iter()
            .position(|s| s.department == item.department && s.section == item.section)
        {
            Some(i) => i,
            None => {
                sections.push(SectionStatus {
                    department: item.department.clone(),
                    section: item.section.clone(),
                    reported: Vec::new(),
                    missing: Vec::new(),
                });
                sections.len() - 1
            }
        };
        if item.year(year).is_some_and(|e| e.has_results()) {
            sections[at].reported.push(item.id);
        } else {
            sections[at].missing.push(item.id);
        }
        for value in implausible_values(plan, rules, item, year) {
            if item.current_discrepancy(&value.field).is_none() {
                questioned.push(Questioned {
                    item: item.id,
                    title: item.title.clone(),
                    owner: item.owner(),
                    value,
                });
            }
        }
    }
    sections.sort_by(|a, b| {
        a.department
            .cmp(&b.department)
            .then(a.section.cmp(&b.section))
    });
    Status {
        plan: plan.name.clone(),
        year,
        completeness: Completeness::of(plan, year),
        sections,
        questioned,
    }
}
