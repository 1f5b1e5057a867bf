//! Reports: each command's findings built into a [`Document`] (what is said), printed by one
//! renderer per format (`render/`: how it is printed). A report renders what it is given and
//! never re-computes it.

mod agreement;
mod check;
mod corpus;
mod diff;
mod document;
mod escape;
mod evaluate;
mod explain;
mod list;
pub mod render;
mod sheet;
mod summary;

pub use agreement::agreement_document;
pub use check::check_document;
pub use corpus::corpus_summary_document;
pub use diff::diff_document;
pub use document::{
    Block, Cell, Chart, Column, Document, Field, List, ListItem, Row, Section, Series, Table,
};
pub use escape::{escape_control, is_unsafe_for_terminal};
pub use evaluate::evaluation_document;
pub use explain::{explain_document, Explanation};
pub use list::list_document;
pub use render::{render, render_string, save, Options};
pub use sheet::sheet_document;
pub use summary::summary_document;

use std::fmt;
use std::str::FromStr;

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

impl Format {
    /// The format a file name asks for by its extension: `.md`, `.csv`, `.json`, `.txt`.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Table),
            "md" | "markdown" => Some(Format::Md),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
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

/// The year as a heading names it: 令和5年度, or FY2023 (R5).
pub fn year_name(year: crate::model::FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => year.japanese(),
        Lang::En => year.english(),
    }
}
