//! JSON: the command's own data when it has some (exact decimals as strings), else the
//! document itself.

use std::io::{self, Write};

use crate::report::Document;

/// Writes pretty JSON and a final newline.
pub fn render(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    match &doc.json {
        Some(data) => serde_json::to_writer_pretty(&mut *out, data)?,
        None => serde_json::to_writer_pretty(&mut *out, doc)?,
    }
    out.write_all(b"\n")
}
