//! `gyokaku diff [PLAN] --rules NEW [--base OLD] [--year R5] [--format table|json|csv|md]`
//!
//! What-if: evaluates the whole plan under two rule sets (OLD defaults to the plan's own) and
//! shows what changes — where the suggested ratings go, every item whose suggestion or computed
//! effect changed, and per-policy totals before and after. Exit 0 when nothing changed, 1 when
//! something did, 2 when the comparison could not run.

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::engine::RuleSet;
use gyokaku::evaluation::{evaluate, RuleDiff};
use gyokaku::model::FiscalYear;
use gyokaku::report::{diff_document, Lang};

use super::{announce_completeness, year_of, CliError, OutputArgs, PlanArg};

/// Compare the plan's evaluation under two rule sets.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    /// The rule set to try (NEW).
    #[arg(long, value_name = "NEW")]
    rules: PathBuf,
    /// The rule set to compare against (OLD) [default: the plan's own, from plan.toml].
    #[arg(long, value_name = "OLD")]
    base: Option<PathBuf>,
    /// The fiscal year: R5, 令和5年度 or FY2023 [default: the latest whose results are complete].
    #[arg(long)]
    year: Option<FiscalYear>,
    #[command(flatten)]
    out: OutputArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let workspace = args.plan.workspace(args.base.as_deref(), lang);
    let (plan, base) = workspace.load_with_rules(&args.plan.plan)?;
    let new = RuleSet::load_dir(&args.rules)?;
    let year = year_of(&plan, args.year)?;
    announce_completeness(&plan, year, &args.out, lang);
    let before = evaluate(&plan, &base, year)?;
    let after = evaluate(&plan, &new, year)?;
    let diff = RuleDiff::new(&plan, &before, &after)?;
    args.out.emit(&diff_document(&diff, lang), lang)?;
    Ok(if diff.is_unchanged() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
