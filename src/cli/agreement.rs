//! `gyokaku agreement [PLAN] [--rules DIR] [--year R5]`
//!
//! Suggested against recorded ratings: the matrix, the agreement figure, every disagreement
//! with its explanation, and the items left to judgement.

use std::process::ExitCode;

use gyokaku::evaluation::agreement;
use gyokaku::report::review::add_reviews;
use gyokaku::report::{agreement_document, Lang};

use super::{evaluated, free_at_exit, CliError, EvalArgs, PlanArg};

/// Compare the rules' suggested ratings with the recorded ones.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let p = evaluated(&args.plan, &args.eval, lang)?;
    let ev = &p.evaluations[0];
    let mut doc = agreement_document(&agreement(ev), ev, lang);
    // The planning section's reviews of the year's ratings, counted (kept / adopted).
    add_reviews(&mut doc, &p.plan, ev, lang);
    args.eval.out.emit(&doc, lang)?;
    free_at_exit((p, doc));
    Ok(ExitCode::SUCCESS)
}
