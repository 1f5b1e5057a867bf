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

/// The reader's language (defined in [`crate::i18n`]).
pub use crate::i18n::Lang;

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
    type Err = crate::i18n::CommandError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "md" | "markdown" => Ok(Format::Md),
            other => Err(crate::i18n::CommandError::UnknownFormat {
                given: other.into(),
                known: ["table", "json", "csv", "md"].map(String::from).to_vec(),
            }),
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

/// The year as a heading names it: 令和5年度, or FY2023 (R5).
pub fn year_name(year: crate::model::FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => year.japanese(),
        Lang::En => year.english(),
    }
}
