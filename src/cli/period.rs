//! `gyokaku period [PLAN|DIR] [--year R8] [--format table|md|csv|json]`
//!
//! The plan over its whole period, seen from the last year with results (or `--year`): per
//! item the years' ratings, the move from last year, the latest actual, the forecast to the
//! final year and whether the final target will be reached (rules/forecast.rhai), the overall
//! rating the rules suggest (rules/overall.rhai) and why; per 基本方針 and 改革の推進項目 the
//! effects by year and to date, the ratings by year and the outlooks; the transition of the
//! ratings from the year before. Given a folder of plan folders, each plan's in turn.

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::evaluation::evaluate_period;
use gyokaku::model::{is_plan_folder, FiscalYear, Plan};
use gyokaku::report::{period_document, write_plans, Lang, PlanPart, PrintedPart};
use gyokaku::workspace::{PlanError, Years};

use super::{free_at_exit, CliError, OutputArgs, PlanArg};

/// Print the whole period: progress to date, the forecast to the final target, the overall
/// rating (全期間総合評価) the rules suggest, and how the ratings moved.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    /// The rule set folder [default: the plan's own, from plan.toml].
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// See the period from this year's results (R6, 令和6年度 …) [default: the last year with results].
    #[arg(long)]
    year: Option<FiscalYear>,
    #[command(flatten)]
    out: OutputArgs,
}

/// The year `year` names in `plan`'s period, spelt the plan's way.
fn seen_from(plan: &Plan, year: Option<FiscalYear>) -> Result<Option<FiscalYear>, CliError> {
    year.map(|y| Years::One(y).one_of(plan).map_err(PlanError::from))
        .transpose()
        .map_err(CliError::from)
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let workspace = args.plan.workspace(args.rules.as_deref(), lang);
    if is_plan_folder(&args.plan.plan) {
        let p = workspace.evaluate(&args.plan.plan, Years::All)?;
        let period = evaluate_period(
            &p.plan,
            &p.rules,
            &p.evaluations,
            seen_from(&p.plan, args.year)?,
        )?;
        let doc = period_document(&period, lang);
        args.out.emit(&doc, lang)?;
        free_at_exit((p, period, doc));
        return Ok(ExitCode::SUCCESS);
    }
    let format = args.out.format()?;
    let options = args.out.print_options(format, lang);
    let parts = workspace
        .evaluate_plans(&args.plan.plan, Years::All, |p| {
            let as_of = seen_from(&p.plan, args.year)?;
            let period = evaluate_period(&p.plan, &p.rules, &p.evaluations, as_of)?;
            let part = PlanPart {
                plan: p.plan.id.clone(),
                municipality: p.plan.municipality.clone(),
                folder: p.folder.clone(),
                year: None,
                doc: period_document(&period, lang),
            };
            Ok::<_, CliError>(PrintedPart::new(part, format, &options))
        })
        .map_err(Box::new)?;
    (args.out).emit_with(lang, |format, options, out| {
        write_plans(parts, format, options, out)
    })?;
    Ok(ExitCode::SUCCESS)
}
