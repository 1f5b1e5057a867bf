//! `gyokaku explain ID [PLAN] [--rules DIR] [--year R5] [--format table|md|csv|json]`
//!
//! The full trace of one item's evaluation: every input the rules saw, each rule call (file,
//! function, what the script explained, what it returned), the band the rating fell in, the
//! effect formula and its result, and the recorded rating beside the suggestion.

use std::process::ExitCode;

use gyokaku::model::ItemId;
use gyokaku::report::{explain_item, Lang};

use super::{load, no_such_item, CliError, EvalArgs, PlanArg};

/// Show how the rules evaluated one item, step by step.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item: 5-8-3.
    id: ItemId,
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (plan, rules, year) = load(&args.plan, &args.eval, lang)?;
    let item = plan.item(args.id).ok_or_else(|| no_such_item(args.id))?;
    args.eval
        .out
        .emit(&explain_item(&plan, item, year, &rules, lang)?, lang)?;
    Ok(ExitCode::SUCCESS)
}
