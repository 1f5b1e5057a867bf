//! `gyokaku check [PLAN] [--rules DIR]`
//!
//! Checks the plan and the rules: load errors, unknown kinds, missing targets, rule compile
//! errors, subtotals that are not the sum of the years, printed effects that differ from the
//! item's formula. Contradictions of the source document recorded in the items are listed as
//! documented. Exit 0 when clean, 1 with findings, 2 when the check could not run.

use std::process::ExitCode;

use gyokaku::check::{check_plan, Finding};
use gyokaku::engine::RuleSet;
use gyokaku::i18n::{CommandError, FindingKind, Lang, Localize, Text};
use gyokaku::model::{load_plan, LoadError, LoadErrors};
use gyokaku::report::check_document;

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
    if !args.plan.plan.join("plan.toml").is_file() {
        return Err(CommandError::NotAPlanFolder {
            dir: args.plan.plan.clone(),
        }
        .into());
    }
    let mut findings = Vec::new();
    let plan = match load_plan(&args.plan.plan) {
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
    let rules_path = match (&plan, &args.rules) {
        (_, Some(r)) => Some(r.clone()),
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
    args.out.emit(&check_document(&findings, args.out.lang))?;
    Ok(if findings.iter().all(Finding::is_documented) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
