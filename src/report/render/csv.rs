//! CSV for open data: plain numbers, one header row. A document's own CSV table when it has
//! one, else its only table, else every table in long form (one value per line).

use std::io::{self, Write};

use crate::report::{Block, Cell, Document, Table};

/// Writes CSV.
pub fn render(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    let tables = doc.tables();
    match (&doc.csv, tables.as_slice()) {
        (Some(t), _) => table(&mut w, t)?,
        (None, [t]) if !has_fields(&doc.blocks) => table(&mut w, t)?,
        (None, _) => long(&mut w, doc)?,
    }
    w.flush()
}

fn has_fields(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Fields(_) => true,
        Block::Section(s) => has_fields(&s.blocks),
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
fn long<W: Write>(w: &mut ::csv::Writer<W>, doc: &Document) -> io::Result<()> {
    fn walk<W: Write>(w: &mut ::csv::Writer<W>, section: &str, blocks: &[Block]) -> io::Result<()> {
        for b in blocks {
            match b {
                Block::Section(s) => walk(w, &s.title, &s.blocks)?,
                Block::Table(t) => {
                    let name = t.title.as_deref().unwrap_or_default();
                    for (i, r) in t.rows.iter().enumerate() {
                        let row = (i + 1).to_string();
                        for (c, cell) in t.columns.iter().zip(&r.cells) {
                            w.write_record([section, name, &row, &c.header, &cell.plain()])?;
                        }
                    }
                }
                Block::Fields(fields) => {
                    for f in fields {
                        w.write_record([section, "", "", &f.key, &f.value.plain()])?;
                    }
                }
                Block::List(_) | Block::Text(_) | Block::Chart(_) => {}
            }
        }
        Ok(())
    }
    w.write_record(["section", "table", "row", "column", "value"])?;
    walk(w, doc.title.as_deref().unwrap_or_default(), &doc.blocks)
}
