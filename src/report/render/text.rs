//! The terminal: tables aligned by display width (box-drawing or ASCII borders), wrapped to
//! the terminal's width when it is known; headings, key/value lines and lists as plain lines,
//! folded at that width too. (Control characters in data are escaped where the CLI writes to
//! the terminal.)

use std::io::{self, Write};

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width};

use super::Options;
use crate::report::{Block, Document, List, Table};

/// Writes the document for a terminal.
pub fn render(doc: &Document, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &doc.title {
        parts.push(format!("{}\n", fold(t, fit(options))));
    }
    if !doc.cover.is_empty() {
        parts.push(format!("{}\n", fold(&doc.cover.join("\n"), fit(options))));
    }
    blocks(&doc.blocks, options, &mut parts);
    out.write_all(parts.join("\n").as_bytes())
}

/// Characters a folded line does not start with (Japanese line-breaking rules, 禁則).
const NO_LINE_START: [char; 14] = [
    '。', '、', '」', '』', '）', ')', '，', '．', '・', '：', '；', '！', '？', '〉',
];

/// The width every line must keep, when it must.
fn fit(options: &Options) -> Option<usize> {
    options.width.filter(|_| options.fit)
}

/// `text` with every line longer than `width` columns folded: at the last space of the line
/// when there is one in its second half (words stay whole), else where the width ends
/// (Japanese has no spaces). Continuation lines are indented by two.
fn fold(text: &str, width: Option<usize>) -> String {
    let Some(width) = width.filter(|w| *w > 8) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut rest = line;
        let mut indent = "";
        loop {
            let room = width - indent.len();
            let mut used = 0;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used > room {
                    cut = i;
                    break;
                }
            }
            if cut == rest.len() {
                out.push_str(indent);
                out.push_str(rest);
                break;
            }
            // A line does not start with closing punctuation (。、」…): its character before
            // goes down with it.
            for _ in 0..2 {
                match rest[..cut].char_indices().next_back() {
                    Some((i, _)) if i > 0 && rest[cut..].starts_with(NO_LINE_START) => cut = i,
                    _ => break,
                }
            }
            // A space in the second half of what fits: break there.
            let head = &rest[..cut];
            let at = head
                .rfind(' ')
                .filter(|i| width_of(&head[..*i]) > room / 2)
                .unwrap_or(cut);
            out.push_str(indent);
            out.push_str(rest[..at].trim_end());
            out.push('\n');
            rest = rest[at..].trim_start();
            indent = "  ";
            if rest.is_empty() {
                break;
            }
        }
    }
    out
}

fn blocks(blocks: &[Block], options: &Options, parts: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Section(s) => {
                // The heading sits right above the section's first block.
                let title = if s.title.starts_with('【') {
                    format!("{}\n", fold(&s.title, fit(options)))
                } else {
                    format!("{}\n", fold(&format!("【{}】", s.title), fit(options)))
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
                    .map(|f| {
                        let line = format!("{}: {}", &f.key, &f.value.display());
                        format!("{}\n", fold(&line, fit(options)))
                    })
                    .collect(),
            ),
            Block::List(l) => parts.push(fold(&list(l), fit(options))),
            Block::Text(t) => parts.push(format!("{}\n", fold(t.trim_end(), fit(options)))),
            Block::Chart(c) => parts.push(table(&c.as_table(), options)),
            Block::Form(f) => self::blocks(&f.fallback, options, parts),
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
    // The widest cell of each column, then with its header: whole, and as it may wrap (a
    // header wider than HEADER_WIDTH wraps).
    // Each cell worded once, for its width and for the table (wording an amount is most of
    // a long table's cost).
    let shown: Vec<Vec<String>> = (t.rows.iter())
        .map(|r| {
            (r.cells.iter())
                .map(|c| super::fit_cell(c.display()))
                .collect()
        })
        .collect();
    let cells: Vec<usize> = (0..t.columns.len())
        .map(|i| {
            (shown.iter().filter_map(|r| r.get(i)))
                .map(|c| width_of(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let natural = 3 * t.columns.len()
        + 1
        + (t.columns.iter().zip(&cells))
            .map(|(col, w)| (*w).max(width_of(&col.header)) + 2)
            .sum::<usize>();
    let widest: Vec<usize> = (t.columns.iter().zip(&cells))
        .map(|(col, w)| (*w).max(width_of(&col.header).min(HEADER_WIDTH)).max(2))
        .collect();
    // The columns that give way when the table must be narrower: its long text columns; in a
    // table without any that is still wider than it must be, every column that is not figures
    // (a name, a property, a value).
    let too_wide = fit(options).is_some_and(|w| natural > w);
    let wraps: Vec<bool> = (t.columns.iter().enumerate())
        .map(|(i, col)| {
            col.wrap || (too_wide && !t.columns.iter().any(|c| c.wrap) && !t.is_numeric(i))
        })
        .collect();
    let wrap_any = wraps.iter().any(|w| *w);
    let width = options.width.filter(|_| wrap_any);
    if let Some(w) = width {
        let borders = 3 * t.columns.len() + 1;
        let fixed: usize = (wraps.iter().zip(&widest))
            .filter(|(wrap, _)| !**wrap)
            .map(|(_, w)| w + 2)
            .sum();
        let wrapped = wraps.iter().filter(|w| **w).count();
        if borders + fixed + wrapped * MIN_WRAP_WIDTH > w {
            out.push_str(&records(t, options, w));
            return out;
        }
    }
    let mut c = new_table(options, width);
    c.set_header(t.columns.iter().map(|col| col.header.clone()));
    for r in shown {
        c.add_row(r);
    }
    for i in 0..t.columns.len() {
        if let Some(column) = c.column_mut(i) {
            if t.is_numeric(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
            // Only long text columns give way when the table must be narrower; the others
            // keep their widest cell (a header may wrap).
            if width.is_some() && !wraps[i] {
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
