//! `gyokaku cache [--clear]`
//!
//! Where the cache of parsed plans and stored evaluations is, and how many entries of how many
//! bytes it holds; `--clear` removes every entry (the next runs write them again).

use std::process::ExitCode;

use crate::cli::CommandError;
use gyokaku::model::PlanCache;
use gyokaku::report::{cache_document, Lang};

use super::{CliError, OutputArgs};

/// Show the cache of parsed plans and stored evaluations: its folder and what it holds.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Remove every entry of the cache (the next runs write them again).
    #[arg(long)]
    clear: bool,
    #[command(flatten)]
    out: OutputArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let cache = PlanCache::from_env().ok_or(CommandError::NoCacheFolder)?;
    let parts = match args.clear {
        true => cache.clear(),
        false => cache.parts(),
    }
    .map_err(|reason| CommandError::CacheFolder {
        path: cache.dir().to_path_buf(),
        reason,
    })?;
    let doc = cache_document(cache.dir(), &parts, args.clear, lang);
    args.out.emit(&doc, lang)?;
    Ok(ExitCode::SUCCESS)
}
