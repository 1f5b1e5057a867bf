//! `gyokaku status`: where a year's reports stand, per department and section (部/課), and
//! the returned values that look implausible.

use serde_json::json;

use super::{year_name, Block, Cell, Document, List, ListItem, Section, Table};
use crate::cycle::{CompletenessText, Status};
use crate::i18n::{Lang, Localize};
use crate::model::ItemId;
use crate::report::messages::{CsvColumn, CsvValue};

fn ids(list: &[ItemId]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

crate::i18n::messages! {
    /// The words of `gyokaku status`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum StatusText {
        /// The title.
        Title { plan: String, year: String } =>
            ja: "{plan} {year} 報告状況",
            en: "{plan} {year}: reporting status";
        /// Column: the department.
        Department =>
            ja: "部局",
            en: "department";
        /// Column: the section.
        Section =>
            ja: "所属",
            en: "section";
        /// Column: how many items.
        Items =>
            ja: "項目数",
            en: "items";
        /// Column: how many have reported.
        Reported =>
            ja: "報告済",
            en: "reported";
        /// Column: how many have not.
        NotReported =>
            ja: "未報告",
            en: "not reported";
        /// Column: which have not.
        ItemsNotReported =>
            ja: "未報告の項目",
            en: "items not reported";
        /// The section of the reports per department and section.
        ReportsPerDepartment =>
            ja: "部・課ごとの報告状況",
            en: "Reports per department and section";
        /// The section of the values that look implausible.
        ValuesToCheck =>
            ja: "要確認の値",
            en: "Values to check";
        /// Nothing looks implausible.
        NothingImplausible =>
            ja: "疑わしい値はありません。",
            en: "No value looks implausible.";
    }
}

/// The status as a report.
pub fn status_document(s: &Status, lang: Lang) -> Document {
    let year = year_name(s.year, lang);
    let mut doc = Document::titled(
        StatusText::Title {
            plan: s.plan.clone(),
            year,
        }
        .localize(lang),
    );
    let c = &s.completeness;
    doc.push(Block::Text(c.notice(lang).unwrap_or_else(|| {
        CompletenessText::AllReported { items: c.items }.localize(lang)
    })));

    let columns = [
        StatusText::Department,
        StatusText::Section,
        StatusText::Items,
        StatusText::Reported,
        StatusText::NotReported,
        StatusText::ItemsNotReported,
    ]
    .map(|c| c.localize(lang));
    let mut table = Table::new(&columns);
    for sec in &s.sections {
        table.row(vec![
            Cell::text_or_none(sec.department.clone()),
            sec.section.clone().into(),
            Cell::Number((sec.reported.len() + sec.missing.len()).into()),
            Cell::Number(sec.reported.len().into()),
            Cell::Number(sec.missing.len().into()),
            ids(&sec.missing).into(),
        ]);
    }
    let mut by_section = Section::new(StatusText::ReportsPerDepartment.localize(lang));
    by_section.push(table);
    doc.push(by_section);

    let mut questioned = Section::new(format!(
        "{} ({})",
        StatusText::ValuesToCheck.localize(lang),
        s.questioned.len()
    ));
    if s.questioned.is_empty() {
        questioned.push(Block::Text(StatusText::NothingImplausible.localize(lang)));
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
                Cell::text_or_none(sec.department.clone()),
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

#[cfg(test)]
mod tests {
    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
