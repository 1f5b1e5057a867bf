//! The terminal: tables aligned by display width (box-drawing or ASCII borders), wrapped to
//! the terminal's width when it is known; headings, key/value lines and lists as plain lines.
//! (Control characters in data are escaped where the CLI writes to the terminal.)

use std::io::{self, Write};

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width};

use super::Options;
use crate::report::{Block, Document, List, Table};

/// Writes the document for a terminal.
pub fn render(doc: &Document, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &doc.title {
        parts.push(format!("{}\n", t));
    }
    if !doc.cover.is_empty() {
        parts.push(format!("{}\n", doc.cover.join("\n")));
    }
    blocks(&doc.blocks, options, &mut parts);
    out.write_all(parts.join("\n").as_bytes())
}

fn blocks(blocks: &[Block], options: &Options, parts: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Section(s) => {
                // The heading sits right above the section's first block.
                let title = if s.title.starts_with('【') {
                    format!("{}\n", s.title)
                } else {
                    format!("【{}】\n", s.title)
                };
                let mut inner = Vec::new();
                self::blocks(&s.blocks, options, &mut inner);
                match inner.first_mut() {
                    Some(first) => first.insert_str(0, &title),
                    None => inner.push(title),
                }
                parts.extend(inner);
            }
            Block::Table(t) => parts.push(table(t, options)),
            Block::Fields(fields) => parts.push(
                fields
                    .iter()
                    .map(|f| format!("{}: {}\n", &f.key, &f.value.display()))
                    .collect(),
            ),
            Block::List(l) => parts.push(list(l)),
            Block::Text(t) => parts.push(format!("{}\n", t.trim_end())),
            Block::Chart(c) => parts.push(table(&c.as_table(), options)),
        }
    }
}

fn list(l: &List) -> String {
    let mut out = String::new();
    for (i, item) in l.items.iter().enumerate() {
        let mark = if l.ordered {
            format!("{}. ", i + 1)
        } else {
            "- ".into()
        };
        out.push_str(&format!("{mark}{}\n", &item.text));
        let indent = " ".repeat(mark.chars().count() + 2);
        for d in &item.details {
            out.push_str(&format!("{indent}{}\n", d));
        }
    }
    out
}

/// Headers up to this wide (four full-width characters) are kept on one line.
const HEADER_WIDTH: usize = 8;

/// Narrowest a wrapped column may become before the table is shown one record at a time.
const MIN_WRAP_WIDTH: usize = 14;

fn width_of(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

fn table(t: &Table, options: &Options) -> String {
    let mut out = String::new();
    if let Some(title) = &t.title {
        out.push_str(&format!("{}\n", title));
    }
    let wrap_any = t.columns.iter().any(|col| col.wrap);
    // The widest cell of each column; a header wider than HEADER_WIDTH wraps.
    let widest: Vec<usize> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            t.rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|c| width_of(&super::fit_cell(c.display())))
                .max()
                .unwrap_or(0)
                .max(width_of(&col.header).min(HEADER_WIDTH))
                .max(2)
        })
        .collect();
    let width = options.width.filter(|_| wrap_any);
    if let Some(w) = width {
        let borders = 3 * t.columns.len() + 1;
        let fixed: usize = t
            .columns
            .iter()
            .zip(&widest)
            .filter(|(c, _)| !c.wrap)
            .map(|(_, w)| w + 2)
            .sum();
        let wrapped = t.columns.iter().filter(|c| c.wrap).count();
        if borders + fixed + wrapped * MIN_WRAP_WIDTH > w {
            out.push_str(&records(t, options, w));
            return out;
        }
    }
    let mut c = new_table(options, width);
    c.set_header(t.columns.iter().map(|col| col.header.clone()));
    for r in &t.rows {
        c.add_row(r.cells.iter().map(|cell| super::fit_cell(cell.display())));
    }
    for (i, col) in t.columns.iter().enumerate() {
        if let Some(column) = c.column_mut(i) {
            if t.is_numeric(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
            // Only long text columns give way when the table must be narrower; the others
            // keep their widest cell (a header may wrap).
            if width.is_some() && !col.wrap {
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
                    u16::try_from(widest[i] + 2).unwrap_or(u16::MAX),
                )));
            }
        }
    }
    out.push_str(&c.to_string());
    out.push('\n');
    out
}

fn new_table(options: &Options, width: Option<usize>) -> comfy_table::Table {
    let mut c = comfy_table::Table::new();
    c.load_preset(if options.ascii {
        ASCII_FULL_CONDENSED
    } else {
        UTF8_FULL_CONDENSED
    });
    match width {
        Some(w) => {
            c.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        None => {
            c.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    c
}

/// A table too wide for the terminal, one record at a time: each row as a two-column table of
/// header and value, the value wrapped.
fn records(t: &Table, options: &Options, width: usize) -> String {
    let mut out = String::new();
    for (n, r) in t.rows.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut c = new_table(options, Some(width));
        for (col, cell) in t.columns.iter().zip(&r.cells) {
            c.add_row([col.header.clone(), super::fit_cell(cell.display())]);
        }
        if let Some(column) = c.column_mut(0) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
        out.push_str(&c.to_string());
        out.push('\n');
    }
    out
}
