//! `gyokaku template [PLAN] --year R6 [--department 部名] --output FILE.xlsx`
//! `gyokaku template [PLAN] --year R6 --by-department DIR [--item-sheets]`
//! `gyokaku template [PLAN] --plan-sheet [--from PLAN] --output FILE.xlsx`
//!
//! Writes the workbook a department fills in for the year: one row per item, the plan's figures
//! locked, 実績値・実績効果額・評価・取組実績 open, the rating scale as a drop-down. With
//! `--by-department`, one workbook per department (取組主管 部局) in DIR. Files are written
//! atomically. With `--plan-sheet`, the plan sheet instead: the plan itself (its items, or none
//! for a new plan; `--from` exports another plan's) to fill in and take in with `gyokaku import
//! --plan-sheet`; what its items hold that the sheet cannot carry is listed on standard error.

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::cycle::commit::{commit, PendingFile};
use gyokaku::cycle::{departments, write_template, TemplateOptions};
use gyokaku::engine::RuleSet;
use gyokaku::model::FiscalYear;
use gyokaku::report::Lang;

use gyokaku::i18n::Localize;

use crate::cli::CommandError;
use gyokaku::setup::plan_sheet::{not_carried, write_plan_sheet, PlanSheetText};

use super::{year_of, CliError, PlanArg};

/// Write the Excel workbook departments fill in with the year's results.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    /// The fiscal year to report: R6, 令和6年度 or FY2024.
    #[arg(long, required_unless_present = "plan_sheet")]
    year: Option<FiscalYear>,
    /// Only this department's items (取組主管 部局, e.g. 企画部).
    #[arg(long, value_name = "部名", conflicts_with = "by_department")]
    department: Option<String>,
    /// The workbook to write (.xlsx).
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        required_unless_present = "by_department"
    )]
    output: Option<PathBuf>,
    /// Write one workbook per department into this folder: <year>_<部名>.xlsx.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    by_department: Option<PathBuf>,
    /// Add one sheet per item in the 進捗管理シート layout, showing what is entered.
    #[arg(long)]
    item_sheets: bool,
    /// The rule set whose scale the drop-down offers when the plan declares none.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Write the plan sheet (the plan itself: policies, themes, items, targets) instead of a
    /// year's workbook.
    #[arg(long, conflicts_with_all = ["year", "by_department", "department", "item_sheets"])]
    plan_sheet: bool,
    /// With --plan-sheet: the plan to export [default: PLAN].
    #[arg(long, value_name = "DIR", requires = "plan_sheet")]
    from: Option<PathBuf>,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    if args.plan_sheet {
        return plan_sheet(&args, lang);
    }
    let plan = args.plan.load()?;
    let year = year_of(&plan, args.year)?;
    let rules;
    let scale = match &plan.scale {
        Some(scale) => scale,
        None => {
            let workspace = args.plan.workspace(args.rules.as_deref(), lang);
            rules = RuleSet::load_dir(workspace.rules_folder(&plan)?)?;
            rules.scale()
        }
    };
    let render = |department: Option<&str>| {
        let options = TemplateOptions {
            year,
            department,
            scale,
            item_sheets: args.item_sheets,
        };
        write_template(&plan, &options).map_err(CliError::from)
    };
    let mut files = Vec::new();
    if let Some(dir) = &args.by_department {
        std::fs::create_dir_all(dir).map_err(|reason| CommandError::CannotCreateFolder {
            path: dir.clone(),
            reason,
        })?;
        for department in departments(&plan) {
            files.push(PendingFile {
                path: dir.join(format!("{year}_{department}.xlsx")),
                content: render(Some(&department))?,
            });
        }
    } else if let Some(output) = &args.output {
        files.push(PendingFile {
            path: output.clone(),
            content: render(args.department.as_deref())?,
        });
    }
    commit(&files)?;
    for f in &files {
        super::output::out(&format!("{}\n", f.path.display()), lang);
    }
    Ok(ExitCode::SUCCESS)
}

/// `--plan-sheet`: the plan sheet of the plan (or of `--from`), with what it leaves out said.
fn plan_sheet(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let dir = args.from.as_ref().unwrap_or(&args.plan.plan);
    let plan = args.plan.loader().load(dir)?;
    let workspace = args.plan.workspace(args.rules.as_deref(), lang);
    let rules = RuleSet::load_dir_deferred(workspace.rules_folder(&plan)?)?;
    let kinds: Vec<String> = rules.kinds().map(String::from).collect();
    let Some(output) = &args.output else {
        return Ok(ExitCode::SUCCESS);
    };
    let content = write_plan_sheet(&plan, dir, &kinds, lang)?;
    commit(&[PendingFile {
        path: output.clone(),
        content,
    }])?;
    super::output::out(&format!("{}\n", output.display()), lang);
    let left_out = not_carried(&plan);
    if !left_out.is_empty() {
        super::output::err(&PlanSheetText::NotCarriedHeading.localize(lang));
        for n in &left_out {
            super::output::err(&n.localize(lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}
