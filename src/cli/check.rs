//! `gyokaku check [PLAN|DIR] [--rules DIR]`
//!
//! Checks the plan and the rules: load errors, unknown kinds, missing targets, rule compile
//! errors, subtotals that are not the sum of the years, printed effects that differ from the
//! item's formula. Contradictions of the source document recorded in the items are listed as
//! documented. Exit 0 when clean, 1 with findings, 2 when the check could not run. Given a
//! folder of plan folders, every plan is checked (in parallel) and its findings reported in
//! turn; the exit code is that of all of them.

use std::process::ExitCode;

use crate::cli::CommandError;
use gyokaku::check::Finding;
use gyokaku::model::is_plan_folder;
use gyokaku::report::{check_document, write_plans, Lang, PlanPart, PrintedPart};
use gyokaku::workspace::CorpusError;

use super::{CliError, OutputArgs, PlanArg};

/// Check a plan and its rules for errors and inconsistencies.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    /// The rule set folder [default: the plan's own].
    #[arg(long, value_name = "DIR")]
    rules: Option<std::path::PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let dir = &args.plan.plan;
    let workspace = args.plan.workspace(args.rules.as_deref(), lang);
    let findings = if is_plan_folder(dir) {
        let checked = workspace.check(dir)?;
        args.out
            .emit(&check_document(&checked.findings, lang), lang)?;
        checked.findings
    } else {
        let checked = workspace.check_plans(dir).map_err(|e| match e {
            CorpusError::NoPlans { .. } => CliError::from(CommandError::NotAPlanFolder {
                dir: dir.to_path_buf(),
            }),
            CorpusError::Plan { source, .. } => source.into(),
            other => Box::new(other.map_part(|never| match never {})).into(),
        })?;
        let format = args.out.format()?;
        let options = args.out.print_options(format, lang);
        let mut parts = Vec::new();
        let mut all = Vec::new();
        for checked in checked {
            // A plan that does not load is named by its folder.
            let name = || {
                (checked.folder.file_name())
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            };
            let (id, municipality) = checked.plan.unwrap_or_else(|| (name(), name()));
            let part = PlanPart {
                plan: id,
                municipality,
                folder: checked.folder,
                year: None,
                doc: check_document(&checked.findings, lang),
            };
            parts.push(PrintedPart::new(part, format, &options));
            all.extend(checked.findings);
        }
        (args.out).emit_with(lang, |format, options, out| {
            write_plans(parts, format, options, out)
        })?;
        all
    };
    Ok(if findings.iter().all(Finding::is_documented) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
