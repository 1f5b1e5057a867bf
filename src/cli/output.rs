//! Everything the command prints goes through here: the format (or the one `--output`'s
//! extension asks for), the language, where to (standard output, or a file written
//! atomically), CSV's byte order mark, the terminal's borders and width. Data printed to the
//! terminal is escaped so that a control character in a plan cannot act on it, and a closed
//! pipe (`gyokaku list | head -1`) ends the command quietly instead of failing.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use gyokaku::i18n::Localize;

use crate::cli::CommandError;
use gyokaku::report::{self, escape_control, Document, Format, Lang, Options};

use super::CliError;

gyokaku::i18n::messages! {
    /// Lines the command line prints about itself, on standard error.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Notice {
        /// Before an error's text.
        Error { message: String } =>
            ja: "エラー: {message}",
            en: "error: {message}";
        /// Before a warning's text.
        Warning { message: String } =>
            ja: "警告: {message}",
            en: "warning: {message}";
        /// A watcher's problem that does not stop watching.
        WhileWatching { reason: String } =>
            ja: "ファイルの監視中: {reason}",
            en: "while watching the files: {reason}";
        /// A folder that cannot be watched.
        CannotWatchFolder { folder: PathBuf, reason: String } =>
            ja: "{folder} を監視できません: {reason}",
            en: "cannot watch {folder}: {reason}";
        /// `--watch` waits.
        Watching { folders: Vec<String> } =>
            ja: "{folders} の変更を監視しています (Ctrl-C で終了)",
            en: "watching {folders} for changes (Ctrl-C to stop)";
        /// `--watch` saw a change.
        Changed { files: Vec<String> } =>
            ja: "── 変更: {files}。評価し直します ──",
            en: "── changed: {files}; evaluating again ──";
    }
}

/// Text tables wider than this are wrapped when standard output is not a terminal.
const DEFAULT_WIDTH: usize = 120;

/// Output options shared by every command.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format: table, md, csv, json, xlsx, html or pdf [default: from the extension of
    /// --output, else table].
    #[arg(long)]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output (atomically: a complete file or none).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte order mark, so that Excel opens the Japanese text
    /// correctly.
    #[arg(long)]
    pub bom: bool,
    /// Draw table borders with ASCII characters (for terminals that draw box characters
    /// double width).
    #[arg(long)]
    pub ascii: bool,
    /// Fit the output into this many columns, wrapping long text [default: the terminal's
    /// width; when not a terminal, long text columns of tables wrap at 120]; 0 never wraps.
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

    fn options(&self, to_terminal: bool, lang: Lang) -> Options {
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
            // The width asked for, or the terminal's, is kept by every line.
            fit: width.is_some() && (self.width.is_some() || to_terminal),
            ascii: self.ascii,
            bom: self.bom,
            lang,
        }
    }

    /// The options the output in `lang` is printed with in `format`: the terminal's width
    /// when text goes to it.
    pub fn print_options(&self, format: Format, lang: Lang) -> Options {
        let to_terminal =
            self.output.is_none() && !format.is_binary() && io::stdout().is_terminal();
        self.options(to_terminal, lang)
    }

    /// Prints the document, worded in `lang` (escaped, see [`out`]), or writes it to
    /// `--output`.
    pub fn emit(&self, doc: &Document, lang: Lang) -> Result<(), CliError> {
        self.emit_with(lang, |format, options, out| {
            report::render(doc, format, options, out)
        })
    }

    /// Prints what `write` writes in the format asked for, with [`OutputArgs::print_options`],
    /// as [`OutputArgs::emit`] prints a document.
    pub fn emit_with(
        &self,
        lang: Lang,
        write: impl FnOnce(Format, &Options, &mut dyn Write) -> io::Result<()>,
    ) -> Result<(), CliError> {
        let format = self.format()?;
        let options = self.print_options(format, lang);
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
            None if format.is_binary() => {
                let mut bytes = Vec::new();
                write(format, &options, &mut bytes)
                    .map_err(|source| cannot_write(PathBuf::from("-"), source))?;
                out_bytes(&bytes, lang);
                Ok(())
            }
            // Text is escaped and written as it is rendered, not gathered first: what the
            // command prints is all made by now, and rendering it cannot fail but by the
            // writing itself.
            None => {
                let mut stdout = Escaped::new(io::BufWriter::new(io::stdout().lock()));
                written(
                    write(format, &options, &mut stdout).and_then(|()| stdout.finish()),
                    lang,
                );
                Ok(())
            }
        }
    }
}

/// Text written to `inner` as [`escape_control`] escapes it, as it comes: a character cut
/// between two writes is held back until it is whole (bytes that are not UTF-8 are shown as
/// U+FFFD, as a lossy reading of the whole shows them).
struct Escaped<W: Write> {
    inner: W,
    held: Vec<u8>,
}

impl<W: Write> Escaped<W> {
    fn new(inner: W) -> Self {
        Escaped {
            inner,
            held: Vec::new(),
        }
    }

    /// Writes what is held back and flushes.
    fn finish(&mut self) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        self.inner
            .write_all(String::from_utf8_lossy(&held).as_bytes())?;
        self.inner.flush()
    }
}

impl<W: Write> Write for Escaped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes: &[u8] = if self.held.is_empty() {
            buf
        } else {
            self.held.extend_from_slice(buf);
            joined = std::mem::take(&mut self.held);
            &joined
        };
        let cut = whole_up_to(bytes);
        let text = String::from_utf8_lossy(&bytes[..cut]);
        self.inner.write_all(escape_control(&text).as_bytes())?;
        self.held = bytes[cut..].to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Where a UTF-8 character cut off at the end of `bytes` starts; `bytes.len()` when none is.
fn whole_up_to(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let at = bytes.len() - back;
        let length = match bytes[at] {
            // A continuation byte: the character starts further back.
            0x80..=0xBF => continue,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if length > back { at } else { bytes.len() };
    }
    bytes.len()
}

/// Writes to stdout. When the reader has gone (broken pipe), exits quietly with success: the
/// reader took what it wanted; another failure is reported in `lang`.
pub fn out(text: &str, lang: Lang) {
    let mut stdout = io::stdout().lock();
    written(
        stdout
            .write_all(escape_control(text).as_bytes())
            .and_then(|()| stdout.flush()),
        lang,
    );
}

/// Goes on when writing to stdout went well; else ends the command: quietly with success when
/// the reader has gone (a broken pipe), with a message in `lang` otherwise.
fn written(result: io::Result<()>, lang: Lang) {
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => output_failed(e, lang),
    }
}

/// Nothing more can be printed: says so in `lang` where it still can be, and ends the command.
fn output_failed(reason: io::Error, lang: Lang) -> ! {
    let message = CommandError::CannotWriteOutput { reason }.localize(lang);
    let _ = writeln!(io::stderr(), "{}", Notice::Error { message }.localize(lang));
    std::process::exit(2);
}

/// Writes bytes (a workbook) to stdout unchanged; a closed pipe ends quietly as in [`out`].
pub fn out_bytes(bytes: &[u8], lang: Lang) {
    let mut stdout = io::stdout().lock();
    written(stdout.write_all(bytes).and_then(|()| stdout.flush()), lang);
}

/// Writes a line to stderr (messages, errors); a stderr that cannot be written is ignored.
pub fn err(line: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", escape_control(line));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written in pieces of every size, cutting characters anywhere, the text comes out as
    /// `escape_control` of the whole; a cut character at the very end is shown as U+FFFD.
    #[test]
    fn text_written_in_pieces_is_escaped_as_a_whole() {
        let text = "伊勢原市 ▲19.6%\u{1b}[31m 行革🏯\r\n計画\u{7}";
        for size in 1..=text.len() {
            let mut w = Escaped::new(Vec::new());
            for piece in text.as_bytes().chunks(size) {
                w.write_all(piece).unwrap();
            }
            w.finish().unwrap();
            assert_eq!(
                String::from_utf8(w.inner).unwrap(),
                escape_control(text),
                "{size}"
            );
        }
        let mut w = Escaped::new(Vec::new());
        w.write_all(&"行🏯".as_bytes()[..5]).unwrap();
        w.finish().unwrap();
        assert_eq!(String::from_utf8(w.inner).unwrap(), "行\u{fffd}");
    }

    #[test]
    fn the_messages_have_both_wordings() {
        gyokaku::i18n::check_templates(&all_templates());
    }
}
