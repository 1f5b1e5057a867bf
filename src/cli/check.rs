//! `gyokaku check [PLAN|DIR] [--rules DIR]`
//!
//! Checks the plan and the rules: load errors, unknown kinds, missing targets, rule compile
//! errors, subtotals that are not the sum of the years, printed effects that differ from the
//! item's formula. Contradictions of the source document recorded in the items are listed as
//! documented. Exit 0 when clean, 1 with findings, 2 when the check could not run. Given a
//! folder of plan folders, every plan is checked (in parallel) and its findings reported in
//! turn; the exit code is that of all of them.

use std::path::Path;
use std::process::ExitCode;

use gyokaku::check::{check_plan, Finding};
use gyokaku::engine::RuleSet;
use gyokaku::evaluation::map_plans;
use gyokaku::i18n::{CommandError, FindingKind, Lang, Localize, Text};
use gyokaku::model::{is_plan_folder, plan_folders, LoadError, LoadErrors, PlanLoader};
use gyokaku::report::{check_document, write_plans, PlanPart, PrintedPart};

use super::{rules_dir, CliError, OutputArgs, PlanArg};

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

/// A text in both languages.
fn both(e: &impl Localize) -> Text {
    Text::both(e.localize(Lang::Ja), e.localize(Lang::En))
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let dir = &args.plan.plan;
    let rules = args.rules.as_deref();
    let lang = args.out.lang;
    let loader = args.plan.loader();
    let findings = if is_plan_folder(dir) {
        let (_, findings) = check_folder(dir, rules, &loader)?;
        args.out.emit(&check_document(&findings, lang))?;
        findings
    } else {
        let folders = plan_folders(dir).map_err(|_| CommandError::NotAPlanFolder {
            dir: dir.to_path_buf(),
        })?;
        let checked = map_plans(&folders, |folder| check_folder(folder, rules, &loader));
        let format = args.out.format()?;
        let options = args.out.print_options(format);
        let mut parts = Vec::new();
        let mut all = Vec::new();
        for (folder, result) in folders.into_iter().zip(checked) {
            let (plan, findings) = result?;
            // A plan that does not load is named by its folder.
            let name = || {
                folder
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            };
            let (id, municipality) = plan.unwrap_or_else(|| (name(), name()));
            let part = PlanPart {
                plan: id,
                municipality,
                folder,
                year: None,
                doc: check_document(&findings, lang),
            };
            parts.push(PrintedPart::new(part, format, &options, lang));
            all.extend(findings);
        }
        (args.out)
            .emit_with(|format, options, out| write_plans(parts, format, options, lang, out))?;
        all
    };
    Ok(if findings.iter().all(Finding::is_documented) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The id and municipality of a plan that loaded.
type PlanName = Option<(String, String)>;

/// Checks the plan in `dir`: its id and municipality (when it loads) and the findings.
fn check_folder(
    dir: &Path,
    rules: Option<&Path>,
    loader: &PlanLoader,
) -> Result<(PlanName, Vec<Finding>), CliError> {
    let mut findings = Vec::new();
    let plan = match loader.load(dir) {
        Ok(plan) => Some(plan),
        Err(errors) => {
            for e in errors.0 {
                match e {
                    LoadError::Io(io) => return Err(LoadErrors(vec![LoadError::Io(io)]).into()),
                    other => findings.push(Finding {
                        item: other.item(),
                        location: other.location().unwrap_or_default(),
                        field: None,
                        what: FindingKind::LoadFailed {
                            error: Text::both(other.message(Lang::Ja), other.message(Lang::En)),
                        },
                        documented: None,
                    }),
                }
            }
            None
        }
    };
    let rules_path = match (&plan, rules) {
        (_, Some(r)) => Some(r.to_path_buf()),
        (Some(p), None) => Some(rules_dir(p, None)?),
        (None, None) => None,
    };
    let rules = match rules_path.map(RuleSet::load_dir) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            findings.push(Finding {
                item: None,
                location: String::new(),
                field: None,
                what: FindingKind::RuleFailed { error: both(&e) },
                documented: None,
            });
            None
        }
        None => None,
    };
    if let (Some(plan), Some(rules)) = (&plan, &rules) {
        findings.extend(check_plan(plan, rules));
    }
    Ok((plan.map(|p| (p.id, p.municipality)), findings))
}
