//! `gyokaku test [RULES] [--coverage] [--verbose] [--accept]`
//!
//! Runs the rule set's test cases (`RULES/tests/*.toml`): for each case, the kind's
//! `achievement(x)`, `rating(x, a)` and the effect, compared with what the case expects. Prints
//! each failure with expected and got and the case's file and line, one line per case file,
//! with `--coverage` the statements, branches, functions and ratings no case reached, and last
//! `N passed, N failed`. The cases of the rule sets it extends run too, as far as they test the
//! scripts it inherits. `--accept` re-records the failing cases' expectations. Exit 0 when
//! every case passes (or was re-recorded), 1 when one fails, 2 when the tests could not run
//! (the rules do not compile, a case file is wrong, there are no cases).

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::engine::RuleSet;
use gyokaku::ruletest::{
    accept, cases_of, render_accepted, render_coverage, render_results, run_cases, summary_line,
    RuleTestText, TESTS_DIR,
};

use gyokaku::i18n::{Lang, Localize};

use crate::cli::CommandError;

use super::CliError;

/// Run the rule set's test cases, optionally with coverage of its scripts.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule set folder; its cases are in RULES/tests/*.toml.
    #[arg(default_value = "rules")]
    rules: PathBuf,
    /// Also list the statements, branches, functions and ratings no case reaches.
    #[arg(long)]
    coverage: bool,
    /// List every case, not only the failures.
    #[arg(long, short)]
    verbose: bool,
    /// After a reviewed change to the rules: re-record the failing cases' expectations as what
    /// the rules now give, in the case files, listing every case changed.
    #[arg(long)]
    accept: bool,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let mut rules = RuleSet::load_dir(&args.rules)?;
    let (files, inherited) = cases_of(&rules, &args.rules)?;
    let mut notes = String::new();
    for i in inherited {
        let note = RuleTestText::Inherited {
            count: i.count,
            base: i.base,
            left_out: i.left_out,
        };
        notes.push_str(&note.localize(lang));
        notes.push('\n');
    }
    if files.is_empty() {
        return Err(CommandError::NoTestCases {
            dir: args.rules.join(TESTS_DIR),
        }
        .into());
    }
    if args.coverage {
        rules.record_coverage();
    }
    let run = run_cases(&rules, &files);
    super::output::out(&render_results(&run, args.verbose, lang), lang);
    super::output::out(&notes, lang);
    if let Some(coverage) = rules.coverage() {
        super::output::out("\n", lang);
        super::output::out(&render_coverage(&coverage, &run, rules.scale(), lang), lang);
    }
    super::output::out(&format!("{}\n", summary_line(&run, lang)), lang);
    if args.accept && run.failed() > 0 {
        let (accepted, not_accepted) = accept(&run, &args.rules.join(TESTS_DIR))?;
        super::output::out("\n", lang);
        super::output::out(&render_accepted(&accepted, &not_accepted, lang), lang);
        return Ok(if not_accepted.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    Ok(if run.failed() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
