//! The `gyokaku` command: a thin shell over the library.

mod cli;

use std::process::ExitCode;

// Rules allocate many small values (Rhai's maps, strings, arrays) on both cores; mimalloc serves
// them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language asked for, read before anything can fail: the panic message is in it too.
    let lang = cli::lang_of(&args);
    // A panic is a bug in gyokaku, never the user's input: say so in one clear message and exit
    // with the error code, instead of a backtrace and exit code 101.
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        cli::report_internal_error(&format!("{what}{place}"), lang);
    }));
    std::panic::catch_unwind(|| cli::main(args, lang)).unwrap_or(ExitCode::from(2))
}
