//! `gyokaku sheet ID [PLAN]`
//!
//! One item's 進捗管理シート in the terminal: texts, indicator, the five years, subtotals.

use std::process::ExitCode;

use gyokaku::model::ItemId;
use gyokaku::report::{sheet_document, Lang};

use super::{no_such_item, CliError, OutputArgs, PlanArg};

/// Print one item's progress sheet.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item: 5-8-3.
    id: ItemId,
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    out: OutputArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let plan = args.plan.load()?;
    let item = plan.item(args.id).ok_or_else(|| no_such_item(args.id))?;
    args.out.emit(&sheet_document(&plan, item, lang), lang)?;
    Ok(ExitCode::SUCCESS)
}
