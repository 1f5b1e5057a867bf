//! Reports: each command's findings built into a [`Document`] (what is said), printed by one
//! renderer per format (`render/`: how it is printed). A report renders what it is given and
//! never re-computes it.

mod agreement;
mod cache;
mod check;
mod corpus;
mod diff;
mod document;
mod draft;
mod escape;
mod evaluate;
mod explain;
mod list;
mod messages;
mod opening;
mod period;
pub mod progress;
mod published;
pub mod render;
pub mod review;
mod sheet;
mod status;
mod summary;
mod words;

pub use agreement::agreement_document;
pub use cache::cache_document;
pub use check::check_document;
pub use corpus::{
    corpus_summary_document, corpus_summary_document_for, plans_document, write_plans, PlanPart,
    PrintedPart,
};
pub use diff::diff_document;
pub(crate) use document::with_unit;
pub use document::{
    Block, Cell, Chart, Column, Document, Field, Form, FormCell, FormRow, List, ListItem, Row,
    Section, Series, Table,
};
pub use draft::{draft_text, write_draft, DraftError, DraftText};
pub use escape::{escape_control, is_unsafe_for_terminal};
pub use evaluate::evaluation_document;
pub use explain::{explain_document, explain_item, Explanation};
pub use list::list_document;
pub use messages::{CsvColumn, CsvValue, Heading};
pub use opening::{opening_sections, FigureError, FigureProblem, OpeningText};
pub use period::{outlook_word, period_document, trend_section, PeriodHelp, PeriodText};
pub use progress::ProgressHeading;
pub use published::{effects_chart, ratings_chart, report_document, ReportHelp, View, Writing};
pub use render::{render, render_bytes, render_string, save, save_with, Options, SERIES_COLOURS};
pub use sheet::sheet_document;
pub use status::status_document;
pub use summary::{results_heading, summary_document};
pub use words::{amount_in_words, share_in_words, ShareForm};

/// The reader's language (defined in [`crate::i18n`]).
pub use crate::i18n::Lang;

use std::fmt;
use std::str::FromStr;

crate::i18n::messages! {
    /// A format we do not have.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum FormatError {
        /// `--format` names a format we do not have.
        Unknown { given: String, known: Vec<String> } =>
            ja: "出力形式 {given:?} には対応していません: {known} のいずれかを指定してください",
            en: "unknown format {given:?}: use {known}";
    }
}

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
    /// An Excel workbook: a worksheet per top-level section, numbers as numbers, native
    /// charts, A4 print areas.
    Xlsx,
    /// One self-contained HTML page (inline CSS and SVG charts, no scripts), printable to A4.
    Html,
    /// The HTML page printed to A4 PDF by headless Chromium (feature `pdf`).
    Pdf,
}

impl Format {
    /// Whether the format is binary (not text for a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Pdf)
    }
}

impl FromStr for Format {
    type Err = FormatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "md" | "markdown" => Ok(Format::Md),
            "xlsx" => Ok(Format::Xlsx),
            "html" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            other => Err(FormatError::Unknown {
                given: other.into(),
                known: ["table", "json", "csv", "md", "xlsx", "html", "pdf"]
                    .map(String::from)
                    .to_vec(),
            }),
        }
    }
}

impl Format {
    /// The format a file name asks for by its extension: `.md`, `.csv`, `.json`, `.txt`,
    /// `.xlsx`, `.html`, `.pdf`.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Table),
            "md" | "markdown" => Some(Format::Md),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "xlsx" => Some(Format::Xlsx),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
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
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Pdf => "pdf",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
