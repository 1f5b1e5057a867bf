//! `gyokaku man [--output DIR]`
//!
//! The manual page (roff, section 1) in the language asked for (`--lang`): `gyokaku.1` on
//! standard output (`gyokaku man | man -l -`), or with `--output DIR` that page and one per
//! command (`gyokaku-summary.1` …) written into DIR, each atomically.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::help::Help;
use crate::cli::CommandError;
use clap::ColorChoice;
use gyokaku::cycle::commit::{commit, PendingFile};
use gyokaku::i18n::Localize;
use gyokaku::report::Lang;

use super::CliError;

/// Write the manual page.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write gyokaku.1 and one page per command into this folder instead of printing
    /// gyokaku.1.
    #[arg(long, short = 'o', value_name = "DIR")]
    output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let cmd = super::command(lang, ColorChoice::Never);
    let Some(dir) = args.output else {
        super::output::out_bytes(&page(cmd.clone(), lang), lang);
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(&dir).map_err(|reason| CommandError::CannotCreateFolder {
        path: dir.clone(),
        reason,
    })?;
    let mut files = vec![PendingFile {
        path: dir.join("gyokaku.1"),
        content: page(cmd.clone(), lang),
    }];
    // `help` is a command of the command line, not a page of the manual.
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        // A command's page is named as man finds it: `man gyokaku-summary`.
        let name = format!("gyokaku-{}", sub.get_name());
        let sub = sub.clone().name(&name).display_name(&name);
        files.push(PendingFile {
            path: dir.join(format!("{name}.1")),
            content: page(sub.version(env!("CARGO_PKG_VERSION")), lang),
        });
    }
    commit(&files)?;
    for f in &files {
        super::output::out(&format!("{}\n", f.path.display()), lang);
    }
    Ok(ExitCode::SUCCESS)
}

/// One page, its section headings in `lang` (manual pages in Japanese name them 名前, 書式…).
fn page(cmd: clap::Command, lang: Lang) -> Vec<u8> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut roff)
        .expect("rendering into memory cannot fail");
    let text = String::from_utf8_lossy(&roff);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let heading = line.trim_end().strip_prefix(".SH ");
        match heading.and_then(section) {
            Some(h) => out.push_str(&format!(".SH {}\n", h.localize(lang))),
            None => out.push_str(line),
        }
    }
    out.into_bytes()
}

/// The section a heading of clap_mangen's names.
fn section(heading: &str) -> Option<Help> {
    Some(match heading {
        "NAME" => Help::ManName,
        "SYNOPSIS" => Help::ManSynopsis,
        "DESCRIPTION" => Help::ManDescription,
        "OPTIONS" => Help::ManOptions,
        "SUBCOMMANDS" => Help::ManCommands,
        "VERSION" => Help::ManVersion,
        _ => return None,
    })
}
