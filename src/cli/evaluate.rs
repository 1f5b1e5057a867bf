//! `gyokaku evaluate [PLAN|DIR] [--rules DIR] [--year R5|all] [--format table|json|csv|md] [--watch]`
//!
//! Evaluates every item for the year: achievement, suggested and recorded rating, expected,
//! recorded and computed effects, and a one-line explanation. Given a folder of plan folders
//! (or `--year all`), each plan and year in turn, with the plan and year on every CSV row. With `--watch`, evaluates again
//! and reprints whenever a plan or rule file changes.

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::model::load_plan;
use gyokaku::report::{evaluation_document, Lang};

use super::{emit_plans, evaluated, many_plans, watch, CliError, EvalArgs, PlanArg};

/// Evaluate every item of a plan for one fiscal year.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
    /// Evaluate again and reprint whenever a plan or rule file changes (Ctrl-C to stop).
    /// Errors are printed and watching goes on.
    #[arg(long)]
    watch: bool,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    if args.watch {
        return watch::watch(lang, || folders(&args), || evaluate_once(&args, lang));
    }
    evaluate_once(&args, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn evaluate_once(args: &Args, lang: Lang) -> Result<(), CliError> {
    if many_plans(&args.plan, &args.eval) {
        return emit_plans(&args.plan, &args.eval, lang, |_, ev| {
            Ok(evaluation_document(ev, lang))
        });
    }
    let p = evaluated(&args.plan, &args.eval, lang)?;
    args.eval
        .out
        .emit(&evaluation_document(&p.evaluations[0], lang), lang)?;
    Ok(())
}

/// The folders to watch: the plan's, and the rule set's (given, or the plan's own).
fn folders(args: &Args) -> Vec<PathBuf> {
    let mut folders = vec![args.plan.plan.clone()];
    let rules = match &args.eval.rules {
        Some(rules) => Some(rules.clone()),
        // A plan that does not load names no rule set yet; it is asked again after the fix.
        None => load_plan(&args.plan.plan).ok().and_then(|p| p.rules),
    };
    folders.extend(rules);
    folders
}
