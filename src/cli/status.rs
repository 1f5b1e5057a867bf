//! `gyokaku status [PLAN] [--year R6] [--format …]`
//!
//! Where the year's reports stand: per department and section (部/課) which items have reported
//! and which have not, and which returned values look implausible (an actual more than ten
//! times off its target or previous year, 46.313 for 46,313 件, a rating two grades from the
//! suggestion). Exit 0 when every item has reported and nothing is questioned, 1 otherwise.

use std::process::ExitCode;

use gyokaku::cycle::status;
use gyokaku::report::{status_document, Lang};

use super::{CliError, EvalArgs, PlanArg};
use gyokaku::workspace::PlanError;

/// Show which departments have reported the year's results and which values look wrong.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let (plan, rules) = args
        .eval
        .workspace(&args.plan, lang)
        .load_with_rules(&args.plan.plan)?;
    // The report itself says how many items have not reported: no separate notice.
    let year = (args.eval.one_year()?.one_of(&plan)).map_err(PlanError::from)?;
    let s = status(&plan, &rules, year);
    args.eval.out.emit(&status_document(&s, lang), lang)?;
    Ok(if s.is_clear() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
