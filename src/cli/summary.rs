//! `gyokaku summary [PLAN] [--year R5] [--format …]`
//!
//! The report's tables, computed from item data: 達成状況, 分野別内訳表, 実績効果額と達成割合,
//! effects per theme, and the ratings the rules suggest.

use std::process::ExitCode;

use gyokaku::evaluation::summarize;
use gyokaku::report::summary_document;

use super::{evaluated, CliError, EvalArgs, PlanArg};

/// Print the summary tables of the year's results.
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
    args.eval.out.emit(&summary_document(
        &summarize(&plan, &ev),
        args.eval.out.lang,
    ))?;
    Ok(ExitCode::SUCCESS)
}
