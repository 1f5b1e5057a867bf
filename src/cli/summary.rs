//! `gyokaku summary [PLAN|DIR] [--year R5|all] [--format …]`
//!
//! The report's tables, computed from item data: 達成状況, 分野別内訳表, 実績効果額と達成割合,
//! effects per theme, and the ratings the rules suggest, then the plan-level figures the rule
//! set's summary.rhai defines, if it has one. Given a folder of plan folders (or
//! `--year all`), one line per plan and year and the totals over all plans, plans evaluated in
//! parallel.

use std::process::ExitCode;

use gyokaku::report::{corpus_summary_document_for, summary_document, Lang};

use super::{announce, free_at_exit, many_plans, CliError, EvalArgs, PlanArg};

/// Print the summary tables of the year's results (of one plan, or of every plan in a folder).
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
    if !many_plans(&args.plan, &args.eval) {
        // The document's tables, and the figures the rule set's summary.rhai adds: stored in
        // the cache with the year chosen, or the plan evaluated and summed up.
        let opened = (args.eval.workspace(&args.plan, lang))
            .open_summary(&args.plan.plan, args.eval.one_year()?)?;
        announce(opened.completeness(), &args.eval.out, lang);
        let summed = opened.summarize()?;
        let doc = summary_document(&summed.summary, lang);
        args.eval.out.emit(&doc, lang)?;
        free_at_exit((summed, doc));
        return Ok(ExitCode::SUCCESS);
    }
    let corpus = (args.eval.workspace(&args.plan, lang))
        .summarize_plans(&args.plan.plan, args.eval.years())
        .map_err(|e| Box::new(e.map_part(|never| match never {})))?;
    // Only what the format prints is built: the national summary has 8,705 lines.
    let doc = corpus_summary_document_for(&corpus, lang, args.eval.out.format()?);
    args.eval.out.emit(&doc, lang)?;
    Ok(ExitCode::SUCCESS)
}
