//! `gyokaku completions bash|zsh|fish|powershell|elvish`
//!
//! Prints the shell's completion script for gyokaku: its commands, options and the values
//! options take, described in the language asked for (`--lang`). For example
//! `gyokaku completions bash > ~/.local/share/bash-completion/completions/gyokaku`.

use std::process::ExitCode;

use clap::ColorChoice;
use clap_complete::Shell;
use gyokaku::report::Lang;

use super::CliError;

/// Print the shell completion script.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

/// Runs the command.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let mut cmd = super::command(lang, ColorChoice::Never);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "gyokaku", &mut script);
    super::output::out_bytes(&script, lang);
    Ok(ExitCode::SUCCESS)
}
