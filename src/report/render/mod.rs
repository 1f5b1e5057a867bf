//! Renderers: each prints any [`Document`] in one format to an `impl Write`. A new format is
//! one new file here; the commands never change for it.

mod csv;
mod html;
mod json;
mod markdown;
#[cfg(feature = "pdf")]
mod pdf;
mod text;
mod xlsx;

use std::io::{self, Write};

pub use csv::csv_table;
#[cfg(feature = "pdf")]
pub use pdf::{chromium, PdfProblem};

/// HTML pieces for a page that frames documents itself (`gyokaku serve`): the body of a
/// document, the style sheet and escaping, the same as the HTML report's.
pub mod html_parts {
    pub use super::html::{body, escape, style};
}

use super::{Document, Format, Lang};

/// How to print, besides the format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Fit text tables into this many columns, wrapping long text (none: never wrap).
    pub width: Option<usize>,
    /// Whether every line must fit `width` (a width the reader asked for, or the terminal's):
    /// tables without long text columns are narrowed too, and plain lines are folded. When
    /// not, only the long text columns wrap (output to a file or a pipe).
    pub fit: bool,
    /// ASCII borders instead of box-drawing characters (for terminals that draw them double
    /// width).
    pub ascii: bool,
    /// Start CSV with a UTF-8 byte order mark, so that Excel opens the Japanese text correctly.
    pub bom: bool,
    /// The language the document is worded in, for formats that declare it (HTML's `lang`).
    pub lang: Lang,
}

/// The colours of a chart's series, in order (ratings A, B, C, D…; expected, actual): the
/// workbook's and the page's charts draw series `k` alike (the palette repeats after eight).
pub const SERIES_COLOURS: [&str; 8] = [
    "#2f6db5", "#5fa35a", "#e0a526", "#c8483f", "#7d5ba6", "#3aa3a3", "#9c6b3f", "#7f7f7f",
];

/// The colour of a chart's series `k` (the palette repeats after eight).
pub(crate) fn series_colour(k: usize) -> &'static str {
    SERIES_COLOURS[k % SERIES_COLOURS.len()]
}

/// The most characters a table cell shows: a longer text (a 4 MB title) is cut with a note of
/// how much was left out. Tables are for reading; CSV and JSON carry every character.
pub const MAX_CELL_CHARS: usize = 1_000;

/// `cell`, or its first [`MAX_CELL_CHARS`] characters and a note of the rest. (The table
/// library wraps and splits long lines in time quadratic in their length; cutting first keeps
/// rendering linear in the size of the output.)
pub(crate) fn fit_cell(cell: String) -> String {
    match cell.char_indices().nth(MAX_CELL_CHARS) {
        None => cell,
        Some((cut, _)) => {
            let rest = cell[cut..].chars().count();
            format!("{}… (+{rest}字 / {rest} more characters)", &cell[..cut])
        }
    }
}

/// Writes `doc` in `format` to `out`.
pub fn render(
    doc: &Document,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => text::render(doc, options, out),
        Format::Md => markdown::render(doc, out),
        Format::Csv => {
            if options.bom {
                out.write_all("\u{feff}".as_bytes())?;
            }
            csv::render(doc, out)
        }
        Format::Json => json::render(doc, out),
        Format::Xlsx => xlsx::render(doc, out),
        Format::Html => html::render(doc, options.lang, out),
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::render(doc, options.lang, out),
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "built without the feature pdf",
        )),
    }
}

/// `doc` in `format` as bytes.
pub fn render_bytes(doc: &Document, format: Format, options: &Options) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    render(doc, format, options, &mut out)?;
    Ok(out)
}

/// `doc` in a text format as a string.
pub fn render_string(doc: &Document, format: Format, options: &Options) -> String {
    debug_assert!(!format.is_binary());
    // Writing text formats to memory cannot fail, and they are all UTF-8.
    let out = render_bytes(doc, format, options).expect("rendering to memory");
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes `doc` in `format` to the file at `path` atomically: into a temporary file in the
/// same folder, renamed over `path` only once complete, so that a failure (or a reader opening
/// the file meanwhile) never sees half a report.
pub fn save(
    doc: &Document,
    format: Format,
    options: &Options,
    path: &std::path::Path,
) -> io::Result<()> {
    save_with(path, |out| render(doc, format, options, out))
}

/// Writes what `write` writes to the file at `path` atomically, as [`save`] does.
pub fn save_with(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".gyokaku-").suffix(".tmp");
    // A report is an ordinary file: readable as the umask allows, not private as temporary
    // files are made.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(folder)?;
    {
        let mut w = io::BufWriter::new(file.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
