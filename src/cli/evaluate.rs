//! `gyokaku evaluate [PLAN] [--rules DIR] [--year R5] [--format table|json|csv|md]`
//!
//! Evaluates every item for the year: achievement, suggested and recorded rating, expected,
//! recorded and computed effects, and a one-line explanation.

use std::process::ExitCode;

use gyokaku::evaluation::evaluate;
use gyokaku::report::render_evaluation;

use super::{load, CliError, EvalArgs, PlanArg};

/// Evaluate every item of a plan for one fiscal year.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let (plan, rules, year) = load(&args.plan.plan, &args.eval)?;
    let ev = evaluate(&plan, &rules, year)?;
    print!(
        "{}",
        render_evaluation(&ev, args.eval.format, args.eval.lang)
    );
    Ok(ExitCode::SUCCESS)
}
