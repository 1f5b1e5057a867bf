//! `gyokaku sheet ID [PLAN]`
//!
//! One item's 進捗管理シート in the terminal: texts, indicator, the five years, subtotals.

use std::process::ExitCode;

use gyokaku::model::{load_plan, ItemId};
use gyokaku::report::{render_sheet, Format, Lang};

use super::{CliError, PlanArg};

/// Print one item's progress sheet.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The item: 5-8-3.
    id: ItemId,
    #[command(flatten)]
    plan: PlanArg,
    /// Output format: table, json or md.
    #[arg(long, default_value = "table")]
    format: Format,
    /// Language of headings: ja or en.
    #[arg(long, default_value = "ja")]
    lang: Lang,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let plan = load_plan(&args.plan.plan)?;
    let item = plan.item(args.id).ok_or_else(|| {
        CliError::Other(format!(
            "the plan has no item {} ({})",
            args.id,
            args.id.japanese()
        ))
    })?;
    super::output::out(&render_sheet(&plan, item, args.format, args.lang));
    Ok(ExitCode::SUCCESS)
}
