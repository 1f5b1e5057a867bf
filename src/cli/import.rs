//! `gyokaku import FILE.xlsx… [--plan DIR] [--dry-run] [--amend 理由]`
//!
//! Takes the returned workbooks in: every entry cell is read with the plan files' value parser;
//! an invalid cell is reported as `book.xlsx!実績入力!J12: <item>: …` and then nothing at all is
//! written. Otherwise the item files are updated in place (comments and layout kept; 〔小計〕
//! derived from the years), each atomically. `--dry-run` prints what would change, item by
//! item, and writes nothing. Importing the same workbook again changes nothing. A year the plan
//! declares closed (published) changes only with `--amend "理由"`, each change recorded in the
//! item file.
//! Exit 0 when imported (or checked), 2 when nothing could be written.
//!
//! `gyokaku import --plan-sheet FILE.xlsx [--plan DIR] [--dry-run]` takes the plan sheet in
//! instead (the plan itself: made in DIR when it has no plan, else updated), with the same
//! checks: every cell read as the plan files are, errors named by cell, nothing written on
//! any error, the same workbook twice changing nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::cycle::{import_workbooks, Amend};
use gyokaku::engine::RuleSet;
use gyokaku::report::Lang;
use gyokaku::setup::plan_import::import_plan_sheet;
use gyokaku::Workspace;

use super::CliError;

/// Take returned workbooks into the plan's item files.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The returned workbooks (.xlsx made by `gyokaku template`).
    #[arg(required_unless_present = "plan_sheet", value_name = "FILE.xlsx")]
    files: Vec<PathBuf>,
    /// Take in the plan sheet (made by `gyokaku template --plan-sheet`): the plan's policies,
    /// themes and items.
    #[arg(long, value_name = "FILE.xlsx", conflicts_with = "files")]
    plan_sheet: Option<PathBuf>,
    /// The plan folder.
    #[arg(long, default_value = "plans/isehara-6")]
    plan: PathBuf,
    /// Change results of a year the plan declares closed (published), for this reason: each
    /// change is recorded in its item file with the old and new value, the reason and the day.
    #[arg(long, value_name = "理由")]
    amend: Option<String>,
    /// Print what would change and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// The rule set whose scale ratings are checked against when the plan declares none.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    if let Some(book) = &args.plan_sheet {
        let done = import_plan_sheet(&args.plan, book, args.rules.as_deref(), args.dry_run)?;
        super::output::out(&done.render(args.dry_run, lang), lang);
        return Ok(ExitCode::SUCCESS);
    }
    let mut workspace = Workspace::new().with_lang(lang);
    if let Some(rules) = &args.rules {
        workspace = workspace.with_rules(rules);
    }
    let plan = workspace.load(&args.plan)?;
    let rules = match plan.scale {
        Some(_) => None,
        None => Some(RuleSet::load_dir(workspace.rules_folder(&plan)?)?),
    };
    let amend = match &args.amend {
        Some(reason) => Some(Amend::today(reason)?),
        None => None,
    };
    let result = import_workbooks(
        &args.plan,
        &args.files,
        rules.as_ref().map(RuleSet::scale),
        amend.as_ref(),
        args.dry_run,
        &mut |_| Ok(()),
    );
    match result {
        Ok(done) => {
            super::output::out(
                &gyokaku::cycle::render_import(&done, args.dry_run, lang),
                lang,
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e.into()),
    }
}
