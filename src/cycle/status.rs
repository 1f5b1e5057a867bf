//! Where a year's reports stand: per department and section (部/課), which items have reported
//! and which have not, and which returned values look implausible.

use serde::Serialize;
use serde_json::json;

use super::completeness::Completeness;
use crate::check::{implausible_values, Implausibility, Implausible};
use crate::engine::RuleSet;
use crate::i18n::{CsvColumn, CsvValue, CycleText, Heading, Lang, Localize};
use crate::model::{FiscalYear, ItemId, Plan};
use crate::report::{Block, Cell, Document, List, ListItem, Section, Table};

/// One section's (所属's) reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionStatus {
    /// 取組主管 部局.
    pub department: String,
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
                    owner: format!("{} {}", item.department, item.section),
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

/// An implausible value in the user's language.
pub fn implausible_text(what: &Implausible, lang: Lang) -> String {
    what.localize(lang)
}

fn ids(list: &[ItemId]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status as a report.
pub fn status_document(s: &Status, lang: Lang) -> Document {
    let year = crate::report::year_name(s.year, lang);
    let mut doc = Document::titled(
        CycleText::StatusTitle {
            plan: s.plan.clone(),
            year,
        }
        .localize(lang),
    );
    let c = &s.completeness;
    doc.push(Block::Text(c.notice(lang).unwrap_or_else(|| {
        CycleText::AllReported { items: c.items }.localize(lang)
    })));

    let columns = [
        CycleText::StatusDepartment,
        CycleText::StatusSection,
        CycleText::StatusItems,
        CycleText::StatusReported,
        CycleText::StatusNotReported,
        CycleText::StatusItemsNotReported,
    ]
    .map(|c| c.localize(lang));
    let mut table = Table::new(&columns);
    for sec in &s.sections {
        table.row(vec![
            sec.department.clone().into(),
            sec.section.clone().into(),
            Cell::Number((sec.reported.len() + sec.missing.len()).into()),
            Cell::Number(sec.reported.len().into()),
            Cell::Number(sec.missing.len().into()),
            ids(&sec.missing).into(),
        ]);
    }
    let mut by_section = Section::new(Heading::ReportsPerDepartment.localize(lang));
    by_section.push(table);
    doc.push(by_section);

    let mut questioned = Section::new(format!(
        "{} ({})",
        Heading::ValuesToCheck.localize(lang),
        s.questioned.len()
    ));
    if s.questioned.is_empty() {
        questioned.push(Block::Text(Heading::NothingImplausible.localize(lang)));
    } else {
        let mut list = List::default();
        for q in &s.questioned {
            list.items.push(ListItem {
                text: format!("{} {} ({}) {}", q.item, q.title, q.owner, q.value.field),
                details: vec![implausible_text(&q.value.what, lang)],
            });
        }
        questioned.push(list);
    }
    doc.push(questioned);

    let mut csv = Table::new(
        &[
            CsvColumn::Department,
            CsvColumn::Section,
            CsvColumn::Id,
            CsvColumn::Reported,
            CsvColumn::ToCheck,
        ]
        .map(|c| c.localize(lang)),
    );
    for sec in &s.sections {
        for (id, reported) in sec
            .reported
            .iter()
            .map(|i| (i, true))
            .chain(sec.missing.iter().map(|i| (i, false)))
        {
            let to_check: Vec<String> = s
                .questioned
                .iter()
                .filter(|q| q.item == *id)
                .map(|q| implausible_text(&q.value.what, lang))
                .collect();
            csv.row(vec![
                sec.department.clone().into(),
                sec.section.clone().into(),
                id.to_string().into(),
                CsvValue::yes_no(reported).localize(lang).into(),
                to_check.join("; ").into(),
            ]);
        }
    }
    doc.csv = Some(csv);
    doc.json = Some(json!({
        "plan": s.plan,
        "year": s.year,
        "items": c.items,
        "without_results": c.without_results,
        "sections": s.sections,
        "questioned": s.questioned,
    }));
    doc
}
