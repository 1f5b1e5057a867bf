//! `gyokaku list [PLAN] [--year R5] [--format table|csv|md|json]`
//!
//! The 【参考①】取組項目一覧: one row per item, values as the document writes them.

use std::process::ExitCode;

use gyokaku::report::list_document;

use super::{evaluated, CliError, EvalArgs, PlanArg};

/// Print the item list (【参考①】) for the year.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let (plan, ev) = evaluated(&args.plan.plan, &args.eval)?;
    args.eval
        .out
        .emit(&list_document(&plan, &ev, args.eval.out.lang))?;
    Ok(ExitCode::SUCCESS)
}
