//! Reports: render evaluations, summaries, sheets and findings as text tables, Markdown, CSV or
//! JSON. A report renders what it is given and never re-computes it.

mod agreement;
mod check;
mod diff;
mod escape;
mod evaluate;
mod explain;
mod list;
mod sheet;
mod summary;
mod table;

pub use agreement::render_agreement;
pub use check::render_check;
pub use diff::render_diff;
pub use escape::{escape_control, is_unsafe_for_terminal};
pub use evaluate::render_evaluation;
pub use explain::{render_explain, Explanation};
pub use list::render_list;
pub use sheet::render_sheet;
pub use summary::render_summary;
pub use table::{Align, Table};

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A terminal table, aligned by display width.
    #[default]
    Table,
    /// JSON, exact decimals as strings.
    Json,
    /// CSV with a header row.
    Csv,
    /// Markdown tables.
    Md,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "md" | "markdown" => Ok(Format::Md),
            other => Err(format!(
                "unknown format {other:?}: use table, json, csv or md"
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
        })
    }
}

/// Language of headings: the document's Japanese by default, or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 日本語 (the official document's headings).
    #[default]
    Ja,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ja" => Ok(Lang::Ja),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language {other:?}: use ja or en")),
        }
    }
}

impl Lang {
    /// Picks the Japanese or the English text.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// An amount with thousands separators, as the document prints it: "797,733", "-15,173".
pub fn amount(d: Decimal) -> String {
    crate::engine::format_number(d)
}

/// An exact decimal as plain text for CSV and JSON: "569807", "1.1".
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An optional amount for tables; "-" when none.
pub fn opt_amount(d: Option<Decimal>) -> String {
    d.map(amount).unwrap_or_else(|| "-".into())
}

/// A ratio as a percentage with one decimal: "349.1%".
pub fn percent(d: Decimal) -> String {
    crate::engine::format_percent(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(amount(d("797733")), "797,733");
        assert_eq!(amount(d("-15173")), "-15,173");
        assert_eq!(amount(d("999")), "999");
        assert_eq!(amount(d("1234567.50")), "1,234,567.5");
        assert_eq!(amount(d("0")), "0");
        assert_eq!(plain(d("1.100")), "1.1");
        assert_eq!(percent(d("3.4907")), "349.1%");
        assert_eq!(percent(d("20.234")), "2,023.4%");
        assert_eq!(percent(d("-1.6")), "-160.0%");
        assert_eq!(percent(d("0")), "0.0%");
    }
}
