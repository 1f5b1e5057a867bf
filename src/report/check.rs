//! `gyokaku check`: findings, and the source document's recorded inconsistencies.

use serde_json::json;

use super::{Format, Lang, Table};
use crate::check::Finding;

/// Renders findings: the undocumented ones first (they fail the check), then the documented
/// inconsistencies of the source document.
pub fn render_check(findings: &[Finding], format: Format, lang: Lang) -> String {
    if format == Format::Json {
        return serde_json::to_string_pretty(&json!(findings)).expect("JSON of plain values")
            + "\n";
    }
    let (documented, open): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.is_documented());
    if format == Format::Csv {
        let mut t = Table::new(&["item", "location", "field", "message", "documented"]);
        for f in open.iter().chain(&documented) {
            t.row(vec![
                f.item.map(|i| i.to_string()).unwrap_or_default(),
                f.location.clone(),
                f.field.clone().unwrap_or_default(),
                f.message.clone(),
                f.documented.clone().unwrap_or_default(),
            ]);
        }
        return t.render(format);
    }
    let mut out = String::new();
    let md = format == Format::Md;
    let bullet = if md { "- " } else { "  " };
    if !documented.is_empty() {
        out.push_str(&format!(
            "{}{} ({}):\n",
            if md { "### " } else { "" },
            lang.pick(
                "原資料自体の不整合 (記録済み)",
                "Inconsistencies of the source document (recorded)"
            ),
            documented.len()
        ));
        for f in &documented {
            let id = f.item.map(|i| format!("{i} ")).unwrap_or_default();
            out.push_str(&format!(
                "{bullet}{id}{} ({})\n",
                f.field.as_deref().unwrap_or("-"),
                f.location
            ));
            if !f.is_recorded_only() {
                out.push_str(&format!(
                    "{bullet}    {}: {}\n",
                    lang.pick("検出", "found"),
                    f.message
                ));
            }
            out.push_str(&format!(
                "{bullet}    {}: {}\n",
                lang.pick("記録", "recorded"),
                f.documented.as_deref().unwrap_or_default()
            ));
        }
        out.push('\n');
    }
    if open.is_empty() {
        out.push_str(lang.pick("問題は見つかりませんでした。\n", "No findings.\n"));
    } else {
        out.push_str(&format!(
            "{}{} ({}):\n",
            if md { "### " } else { "" },
            lang.pick("要確認事項", "Findings"),
            open.len()
        ));
        for f in &open {
            out.push_str(&format!("{bullet}{}: {}\n", f.location, f.message));
        }
    }
    out
}
