//! Markdown: headings by section depth, pipe tables, lists.

use std::io::{self, Write};

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::{CellAlignment, ContentArrangement};

use crate::report::{Block, Chart, Document, Table};

/// Writes Markdown.
pub fn render(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &doc.title {
        parts.push(format!("# {}\n", inline(t)));
    }
    // The cover's lines, one paragraph each.
    for line in &doc.cover {
        parts.push(format!("{}\n", line));
    }
    blocks(&doc.blocks, 1, &mut parts);
    out.write_all(parts.join("\n").as_bytes())
}

/// Text inside a table cell or a heading: one line, pipes escaped.
fn inline(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn blocks(blocks: &[Block], depth: usize, parts: &mut Vec<String>) {
    let hashes = "#".repeat((depth + 1).min(6));
    for b in blocks {
        match b {
            Block::Section(s) => {
                parts.push(format!("{hashes} {}\n", inline(&s.title)));
                self::blocks(&s.blocks, depth + 1, parts);
            }
            Block::Table(t) => parts.push(table(t, &hashes)),
            Block::Fields(fields) => parts.push(
                fields
                    .iter()
                    .map(|f| format!("- **{}**: {}\n", inline(&f.key), f.value.display()))
                    .collect(),
            ),
            Block::List(l) => {
                let mut out = String::new();
                for (i, item) in l.items.iter().enumerate() {
                    let mark = if l.ordered {
                        format!("{}. ", i + 1)
                    } else {
                        "- ".into()
                    };
                    out.push_str(&format!("{mark}{}\n", item.text));
                    let indent = " ".repeat(mark.len());
                    for d in &item.details {
                        out.push_str(&format!("{indent}- {d}\n"));
                    }
                }
                parts.push(out);
            }
            // A line break inside a paragraph is kept as a Markdown hard break.
            Block::Text(t) => parts.push(format!("{}\n", t.trim_end().replace('\n', "  \n"))),
            Block::Chart(c) => parts.push(chart(c, &hashes)),
            Block::Form(f) => self::blocks(&f.fallback, depth, parts),
        }
    }
}

fn table(t: &Table, hashes: &str) -> String {
    let mut out = String::new();
    if let Some(title) = &t.title {
        out.push_str(&format!("{hashes}# {}\n\n", inline(title)));
    }
    let mut c = comfy_table::Table::new();
    c.load_preset(ASCII_MARKDOWN)
        .set_content_arrangement(ContentArrangement::Disabled);
    c.set_header(t.columns.iter().map(|col| inline(&col.header)));
    for r in &t.rows {
        c.add_row(
            r.cells
                .iter()
                .map(|cell| inline(&super::fit_cell(cell.display()))),
        );
    }
    for i in 0..t.columns.len() {
        if t.is_numeric(i) {
            if let Some(column) = c.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    out.push_str(&c.to_string());
    out.push('\n');
    out
}

/// A chart in Markdown is a table of its figures.
fn chart(c: &Chart, hashes: &str) -> String {
    table(&c.as_table(), hashes)
}
