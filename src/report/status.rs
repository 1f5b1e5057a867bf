//! `gyokaku status`: where a year's reports stand, per department and section (部/課), and
//! the returned values that look implausible.

use serde_json::json;

use super::{year_name, Block, Cell, Document, List, ListItem, Section, Table};
use crate::cycle::Status;
use crate::i18n::{CsvColumn, CsvValue, CycleText, Heading, Lang, Localize};
use crate::model::ItemId;

fn ids(list: &[ItemId]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status as a report.
pub fn status_document(s: &Status, lang: Lang) -> Document {
    let year = year_name(s.year, lang);
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
                details: vec![q.value.what.localize(lang)],
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
                .map(|q| q.value.what.localize(lang))
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
