//! `gyokaku report [PLAN] [--year R5] --output report.xlsx|report.html|report.md`
//!
//! The whole published document of a year, as the planning section publishes it: the summary
//! tables (達成状況, 分野別内訳表, 実績効果額と達成割合, per theme), charts of the ratings and the
//! effects per policy, the 【参考①】 list, and every 進捗管理シート. The format follows the
//! extension of `--output` (xlsx: a worksheet per part; html: one printable page).

use std::process::ExitCode;

use gyokaku::evaluation::{evaluate, summarize_with_rules};
use gyokaku::report::report_document;

use super::{load, CliError, EvalArgs, PlanArg};

/// Write the year's whole report: tables, charts, item list and every progress sheet.
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
    // The document's tables, and the figures the rule set's summary.rhai adds.
    let summary = summarize_with_rules(&plan, &ev, &rules)?;
    args.eval
        .out
        .emit(&report_document(&plan, &ev, &summary, args.eval.out.lang))?;
    Ok(ExitCode::SUCCESS)
}
