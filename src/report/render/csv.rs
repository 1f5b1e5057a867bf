//! CSV for open data: plain numbers, one header row. A document's own CSV table when it has
//! one, else its only table, else every table in long form (one value per line).

use std::borrow::Cow;
use std::io::{self, Write};

use crate::report::{Block, Cell, Document, Table};

/// Writes CSV.
pub fn render(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    table(&mut w, &csv_table(doc))?;
    w.flush()
}

/// The table CSV prints of `doc`: its own CSV table, else its only table, else every table
/// in long form.
pub fn csv_table(doc: &Document) -> Cow<'_, Table> {
    let tables = doc.tables();
    match (&doc.csv, tables.as_slice()) {
        (Some(t), _) => Cow::Borrowed(t),
        (None, [t]) if !has_fields(&doc.blocks) => Cow::Borrowed(*t),
        (None, _) => Cow::Owned(long(doc)),
    }
}

fn has_fields(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Fields(_) => true,
        Block::Section(s) => has_fields(&s.blocks),
        Block::Form(f) => has_fields(&f.fallback),
        _ => false,
    })
}

fn table<W: Write>(w: &mut ::csv::Writer<W>, t: &Table) -> io::Result<()> {
    w.write_record(t.columns.iter().map(|c| c.header.as_str()))?;
    for r in &t.rows {
        w.write_record(r.cells.iter().map(Cell::plain))?;
    }
    Ok(())
}

/// Every table and key/value line as `section, table, row, column, value`.
fn long(doc: &Document) -> Table {
    fn walk(t: &mut Table, section: &str, blocks: &[Block]) {
        let text = |s: &str| Cell::Text(s.to_string());
        for b in blocks {
            match b {
                Block::Section(s) => walk(t, &s.title, &s.blocks),
                Block::Form(f) => walk(t, section, &f.fallback),
                Block::Table(table) => {
                    let name = table.title.as_deref().unwrap_or_default();
                    for (i, r) in table.rows.iter().enumerate() {
                        let row = (i + 1).to_string();
                        for (c, cell) in table.columns.iter().zip(&r.cells) {
                            let value = Cell::Text(cell.plain());
                            t.row(vec![
                                text(section),
                                text(name),
                                text(&row),
                                text(&c.header),
                                value,
                            ]);
                        }
                    }
                }
                Block::Fields(fields) => {
                    for f in fields {
                        let value = Cell::Text(f.value.plain());
                        t.row(vec![text(section), text(""), text(""), text(&f.key), value]);
                    }
                }
                Block::List(_) | Block::Text(_) | Block::Chart(_) => {}
            }
        }
    }
    let mut t = Table::new(&["section", "table", "row", "column", "value"]);
    walk(
        &mut t,
        doc.title.as_deref().unwrap_or_default(),
        &doc.blocks,
    );
    t
}
