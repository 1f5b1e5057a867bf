//! `gyokaku check`: findings, and the source document's recorded inconsistencies.

use serde_json::json;

use super::{Block, Document, Lang, List, ListItem, Section, Table};
use crate::check::Finding;
use crate::i18n::Localize;

crate::i18n::messages! {
    /// The words of `gyokaku check`'s report.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CheckText {
        /// Heading of the source document's own recorded inconsistencies.
        Recorded { count: usize } =>
            ja: "原資料自体の不整合 (記録済み) ({count})",
            en: "Inconsistencies of the source document (recorded) ({count})";
        /// What check found, under a recorded inconsistency.
        Found { message: String } =>
            ja: "検出: {message}",
            en: "found: {message}";
        /// What the item records, under a recorded inconsistency.
        Record { text: String } =>
            ja: "記録: {text}",
            en: "recorded: {text}";
        /// Nothing to look into.
        NoFindings =>
            ja: "問題は見つかりませんでした。",
            en: "No findings.";
        /// Heading of the findings that fail the check.
        Findings { count: usize } =>
            ja: "要確認事項 ({count})",
            en: "Findings ({count})";
        /// CSV header: the item.
        ColumnItem =>
            ja: "取組番号",
            en: "item";
        /// CSV header: file and line.
        ColumnLocation =>
            ja: "場所",
            en: "location";
        /// CSV header: the field.
        ColumnField =>
            ja: "項目",
            en: "field";
        /// CSV header: what is wrong.
        ColumnMessage =>
            ja: "内容",
            en: "message";
        /// CSV header: the recorded discrepancy.
        ColumnDocumented =>
            ja: "記録された不整合",
            en: "documented";
    }
}

/// The findings: the documented inconsistencies of the source document first, then the
/// undocumented ones (they fail the check). CSV: one row per finding, open ones first.
pub fn check_document(findings: &[Finding], lang: Lang) -> Document {
    let (documented, open): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.is_documented());
    let mut doc = Document::default();
    if !documented.is_empty() {
        let mut s = Section::new(
            CheckText::Recorded {
                count: documented.len(),
            }
            .localize(lang),
        );
        let mut list = List::default();
        for f in &documented {
            let id = f.item.map(|i| format!("{i} ")).unwrap_or_default();
            let mut details = Vec::new();
            if !f.is_recorded_only() {
                let found = CheckText::Found {
                    message: f.message(lang),
                };
                details.push(found.localize(lang));
            }
            let record = CheckText::Record {
                text: f.documented.clone().unwrap_or_default(),
            };
            details.push(record.localize(lang));
            list.items.push(ListItem {
                text: format!("{id}{} ({})", f.field.as_deref().unwrap_or("-"), f.location),
                details,
            });
        }
        s.push(list);
        doc.push(s);
    }
    if open.is_empty() {
        doc.push(Block::Text(CheckText::NoFindings.localize(lang)));
    } else {
        let mut s = Section::new(CheckText::Findings { count: open.len() }.localize(lang));
        s.push(List::bullets(
            open.iter()
                .map(|f| format!("{}: {}", f.location, f.message(lang))),
        ));
        doc.push(s);
    }
    let header = [
        CheckText::ColumnItem,
        CheckText::ColumnLocation,
        CheckText::ColumnField,
        CheckText::ColumnMessage,
        CheckText::ColumnDocumented,
    ]
    .map(|c| c.localize(lang));
    let mut t = Table::new(&header.each_ref().map(String::as_str));
    for f in open.iter().chain(&documented) {
        t.row(vec![
            f.item.map(|i| i.to_string()).unwrap_or_default().into(),
            f.location.clone().into(),
            f.field.clone().unwrap_or_default().into(),
            f.message(lang).into(),
            f.documented.clone().unwrap_or_default().into(),
        ]);
    }
    doc.csv = Some(t);
    let json: Vec<_> = findings
        .iter()
        .map(|f| {
            json!({
                "item": f.item,
                "location": f.location,
                "field": f.field,
                "message": f.message(lang),
                "documented": f.documented,
            })
        })
        .collect();
    doc.json = Some(json!(json));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
