//! `gyokaku check`: findings, and the source document's recorded inconsistencies.

use serde_json::json;

use super::{Block, Document, Lang, List, ListItem, Section, Table};
use crate::check::Finding;

/// The findings: the documented inconsistencies of the source document first, then the
/// undocumented ones (they fail the check). CSV: one row per finding, open ones first.
pub fn check_document(findings: &[Finding], lang: Lang) -> Document {
    let (documented, open): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.is_documented());
    let mut doc = Document::default();
    if !documented.is_empty() {
        let mut s = Section::new(format!(
            "{} ({})",
            lang.pick(
                "原資料自体の不整合 (記録済み)",
                "Inconsistencies of the source document (recorded)"
            ),
            documented.len()
        ));
        let mut list = List::default();
        for f in &documented {
            let id = f.item.map(|i| format!("{i} ")).unwrap_or_default();
            let mut details = Vec::new();
            if !f.is_recorded_only() {
                details.push(format!("{}: {}", lang.pick("検出", "found"), f.message));
            }
            details.push(format!(
                "{}: {}",
                lang.pick("記録", "recorded"),
                f.documented.as_deref().unwrap_or_default()
            ));
            list.items.push(ListItem {
                text: format!("{id}{} ({})", f.field.as_deref().unwrap_or("-"), f.location),
                details,
            });
        }
        s.push(list);
        doc.push(s);
    }
    if open.is_empty() {
        doc.push(Block::Text(
            lang.pick("問題は見つかりませんでした。", "No findings.")
                .into(),
        ));
    } else {
        let mut s = Section::new(format!(
            "{} ({})",
            lang.pick("要確認事項", "Findings"),
            open.len()
        ));
        s.push(List::bullets(
            open.iter()
                .map(|f| format!("{}: {}", f.location, f.message)),
        ));
        doc.push(s);
    }
    let mut t = Table::new(&["item", "location", "field", "message", "documented"]);
    for f in open.iter().chain(&documented) {
        t.row(vec![
            f.item.map(|i| i.to_string()).unwrap_or_default().into(),
            f.location.clone().into(),
            f.field.clone().unwrap_or_default().into(),
            f.message.clone().into(),
            f.documented.clone().unwrap_or_default().into(),
        ]);
    }
    doc.csv = Some(t);
    doc.json = Some(json!(findings));
    doc
}
