//! Everything the command prints goes through here: data is escaped so that a control character
//! in a plan cannot act on the terminal, and a closed pipe (`gyokaku list | head -1`) ends the
//! command quietly instead of failing.

use std::io::{self, Write};

use gyokaku::report::escape_control;

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
        // Nothing more can be printed; say so where it still can be.
        let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
        std::process::exit(2);
    }
}

/// Writes a line to stderr (messages, errors); a stderr that cannot be written is ignored.
pub fn err(line: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", escape_control(line));
}
