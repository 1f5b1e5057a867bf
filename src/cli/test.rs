//! `gyokaku test [RULES] [--coverage] [--verbose]`
//!
//! Runs the rule set's test cases (`RULES/tests/*.toml`): for each case, the kind's
//! `achievement(x)`, `rating(x, a)` and the effect, compared with what the case expects. Prints
//! each failure with expected and got and the case's file and line, one line per case file,
//! with `--coverage` the statements, branches, functions and ratings no case reached, and last
//! `N passed, N failed`. Exit 0 when every case passes, 1 when one fails, 2 when the tests
//! could not run (the rules do not compile, a case file is wrong, there are no cases).

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::engine::RuleSet;
use gyokaku::ruletest::{
    load_cases, render_coverage, render_results, run_cases, summary_line, TESTS_DIR,
};

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
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let mut rules = RuleSet::load_dir(&args.rules)?;
    let files = load_cases(&args.rules).map_err(|e| CliError::Other(e.to_string()))?;
    if files.is_empty() {
        return Err(CliError::Other(format!(
            "the rule set has no test cases: write them in {}/*.toml (see rules/README.md, \"Testing rules\")",
            args.rules.join(TESTS_DIR).display()
        )));
    }
    if args.coverage {
        rules.record_coverage();
    }
    let run = run_cases(&rules, &files);
    super::output::out(&render_results(&run, args.verbose));
    if let Some(coverage) = rules.coverage() {
        super::output::out("\n");
        super::output::out(&render_coverage(&coverage, &run, rules.scale()));
    }
    super::output::out(&format!("{}\n", summary_line(&run)));
    Ok(if run.failed() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
