//! Everything the command prints goes through here: the format (or the one `--output`'s
//! extension asks for), the language, where to (standard output, or a file written
//! atomically), CSV's byte order mark, the terminal's borders and width. Data printed to the
//! terminal is escaped so that a control character in a plan cannot act on it, and a closed
//! pipe (`gyokaku list | head -1`) ends the command quietly instead of failing.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use gyokaku::i18n::{CommandError, Localize, Notice};
use gyokaku::report::{self, escape_control, Document, Format, Lang, Options};

use super::CliError;

/// Text tables wider than this are wrapped when standard output is not a terminal.
const DEFAULT_WIDTH: usize = 120;

/// Output options shared by every command.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format: table, md, csv, json, xlsx or html [default: from the extension of
    /// --output, else table].
    #[arg(long)]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output (atomically: a complete file or none).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The language: the global `--lang` (before or after the command name).
    #[arg(skip = gyokaku::i18n::display_lang())]
    pub lang: Lang,
    /// Start CSV output with a UTF-8 byte order mark, so that Excel opens the Japanese text
    /// correctly.
    #[arg(long)]
    pub bom: bool,
    /// Draw table borders with ASCII characters (for terminals that draw box characters
    /// double width).
    #[arg(long)]
    pub ascii: bool,
    /// Wrap long text columns of tables to fit this many columns [default: the terminal's
    /// width, or 120 when not a terminal]; 0 never wraps.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
}

impl OutputArgs {
    /// The format asked for: `--format`, else the extension of `--output`, else a table.
    pub fn format(&self) -> Result<Format, CliError> {
        match (self.format, &self.output) {
            (Some(f), _) => Ok(f),
            (None, Some(path)) => Format::from_path(path)
                .ok_or_else(|| CommandError::UnknownExtension { path: path.clone() }.into()),
            (None, None) => Ok(Format::Table),
        }
    }

    fn options(&self, to_terminal: bool) -> Options {
        let width = match self.width {
            Some(0) => None,
            Some(w) => Some(w),
            None if to_terminal => comfy_table::Table::new()
                .width()
                .map(usize::from)
                .or(Some(DEFAULT_WIDTH)),
            None => Some(DEFAULT_WIDTH),
        };
        Options {
            width,
            ascii: self.ascii,
            bom: self.bom,
        }
    }

    /// The options the output is printed with in `format`: the terminal's width when text
    /// goes to it.
    pub fn print_options(&self, format: Format) -> Options {
        let to_terminal =
            self.output.is_none() && !format.is_binary() && io::stdout().is_terminal();
        self.options(to_terminal)
    }

    /// Prints the document (escaped, see [`out`]), or writes it to `--output`.
    pub fn emit(&self, doc: &Document) -> Result<(), CliError> {
        self.emit_with(|format, options, out| report::render(doc, format, options, out))
    }

    /// Prints what `write` writes in the format asked for, with [`OutputArgs::print_options`],
    /// as [`OutputArgs::emit`] prints a document.
    pub fn emit_with(
        &self,
        write: impl FnOnce(Format, &Options, &mut dyn Write) -> io::Result<()>,
    ) -> Result<(), CliError> {
        let format = self.format()?;
        let options = self.print_options(format);
        let cannot_write = |path: PathBuf, reason: io::Error| -> CliError {
            CommandError::CannotWrite { path, reason }.into()
        };
        match &self.output {
            Some(path) => report::save_with(path, |out| write(format, &options, out))
                .map_err(|source| cannot_write(path.clone(), source)),
            None if format.is_binary() && io::stdout().is_terminal() => {
                Err(CommandError::BinaryToTerminal {
                    format: format.to_string(),
                }
                .into())
            }
            None => {
                let mut bytes = Vec::new();
                write(format, &options, &mut bytes)
                    .map_err(|source| cannot_write(PathBuf::from("-"), source))?;
                match format.is_binary() {
                    true => out_bytes(&bytes),
                    // Text formats are UTF-8.
                    false => out(&String::from_utf8_lossy(&bytes)),
                }
                Ok(())
            }
        }
    }
}

/// Writes to stdout. When the reader has gone (broken pipe), exits quietly with success: the
/// reader took what it wanted.
pub fn out(text: &str) {
    let mut stdout = io::stdout().lock();
    let result = stdout
        .write_all(escape_control(text).as_bytes())
        .and_then(|()| stdout.flush());
    if let Err(e) = result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        output_failed(e);
    }
}

/// Nothing more can be printed: says so where it still can be, and ends the command.
fn output_failed(reason: io::Error) -> ! {
    let lang = gyokaku::i18n::display_lang();
    let message = CommandError::CannotWriteOutput { reason }.localize(lang);
    let _ = writeln!(io::stderr(), "{}", Notice::Error { message }.localize(lang));
    std::process::exit(2);
}

/// Writes bytes (a workbook) to stdout unchanged; a closed pipe ends quietly as in [`out`].
pub fn out_bytes(bytes: &[u8]) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        output_failed(e);
    }
}

/// Writes a line to stderr (messages, errors); a stderr that cannot be written is ignored.
pub fn err(line: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", escape_control(line));
}
