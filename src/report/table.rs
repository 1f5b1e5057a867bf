//! A plain table rendered as a terminal table (by display width), Markdown or CSV.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{CellAlignment, ContentArrangement};

use super::Format;

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// Headers, rows and an optional title; rendering chooses the format.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Printed above the table (a heading in Markdown).
    pub title: Option<String>,
    /// Column headers.
    pub headers: Vec<String>,
    /// Per column; missing columns are left-aligned.
    pub align: Vec<Align>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with headers.
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets alignments.
    pub fn align(mut self, align: &[Align]) -> Self {
        self.align = align.to_vec();
        self
    }

    /// Adds a row.
    pub fn row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Renders as text, Markdown or CSV (JSON is each report's own).
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Md => {
                let mut out = String::new();
                if let Some(t) = &self.title {
                    out.push_str(&format!("### {t}\n\n"));
                }
                let body: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| c.replace('|', "\\|").replace('\n', " "))
                            .collect()
                    })
                    .collect();
                out.push_str(&self.comfy(ASCII_MARKDOWN, &body).to_string());
                out.push('\n');
                out
            }
            _ => {
                let mut out = String::new();
                if let Some(t) = &self.title {
                    out.push_str(&format!("{t}\n"));
                }
                out.push_str(&self.comfy(UTF8_FULL_CONDENSED, &self.rows).to_string());
                out.push('\n');
                out
            }
        }
    }

    fn comfy(&self, preset: &str, rows: &[Vec<String>]) -> comfy_table::Table {
        let mut t = comfy_table::Table::new();
        t.load_preset(preset)
            .set_content_arrangement(ContentArrangement::Disabled);
        t.set_header(self.headers.clone());
        for row in rows {
            t.add_row(row.clone());
        }
        for (i, a) in self.align.iter().enumerate() {
            if let Some(col) = t.column_mut(i) {
                col.set_cell_alignment(match a {
                    Align::Left => CellAlignment::Left,
                    Align::Right => CellAlignment::Right,
                });
            }
        }
        t
    }

    fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        w.write_record(&self.headers).expect("in-memory CSV");
        for r in &self.rows {
            w.write_record(r).expect("in-memory CSV");
        }
        String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("CSV of UTF-8 text")
    }
}
