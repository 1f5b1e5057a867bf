//! `gyokaku list [PLAN|DIR] [--year R5|all] [--format table|csv|md|json]`
//!
//! The 【参考①】取組項目一覧: one row per item, values as the document writes them. Given a
//! folder of plan folders (or `--year all`), each plan's list in turn, with the plan and year
//! on every CSV row.

use std::process::ExitCode;

use gyokaku::report::{list_document, Lang};

use super::{emit_plans, evaluated, free_at_exit, many_plans, CliError, EvalArgs, PlanArg};

/// Print the item list (【参考①】) for the year.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(mut args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    // Nothing printed explains: the rules build no explanation.
    args.eval = args.eval.without_explanations();
    if many_plans(&args.plan, &args.eval) {
        emit_plans(&args.plan, &args.eval, lang, |p, ev| {
            Ok(list_document(&p.plan, ev, lang))
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let p = evaluated(&args.plan, &args.eval, lang)?;
    let doc = list_document(&p.plan, &p.evaluations[0], lang);
    args.eval.out.emit(&doc, lang)?;
    free_at_exit((p, doc));
    Ok(ExitCode::SUCCESS)
}
