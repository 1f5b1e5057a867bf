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
    accept, inherit_periods, inherited_cases, load_cases, render_accepted, render_coverage,
    render_results, run_cases, summary_line, RuleTestText, TESTS_DIR,
};

use gyokaku::i18n::{CommandError, Lang, Localize};

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
    let mut files = load_cases(&args.rules)?;
    // The cases of the rule sets it extends, as far as they test scripts it inherits.
    let mut notes = String::new();
    for (i, base) in rules.bases().iter().enumerate() {
        let nearer: Vec<String> = std::iter::once(rules.location())
            .chain(rules.bases()[..i].iter().map(String::as_str))
            .map(|l| format!("{l}/"))
            .collect();
        let replaced = |file: &str| nearer.iter().any(|l| file.starts_with(l.as_str()));
        let mut base_files = load_cases(base)?;
        // The cases of the whole period, as far as forecast.rhai, overall.rhai and what they
        // read are inherited.
        let mut left_out = 0;
        for f in &mut base_files {
            left_out += inherit_periods(
                &mut f.periods,
                rules.forecast_file().is_some_and(replaced) || rules.data_files().any(replaced),
                rules.overall_file().is_some_and(replaced),
                replaced(rules.rating_file()),
                |k| rules.kind_file(k).is_some_and(replaced),
            );
        }
        let (inherited, more_left_out) = inherited_cases(
            base_files,
            replaced(rules.rating_file()),
            rules.judgement_file().is_some_and(replaced) || rules.data_files().any(replaced),
            |k| rules.kind_file(k).is_some_and(replaced),
        );
        let left_out = left_out + more_left_out;
        let count: usize = inherited
            .iter()
            .map(|f| f.cases.len() + f.periods.len())
            .sum();
        let note = RuleTestText::Inherited {
            count,
            base: base.clone(),
            left_out,
        };
        notes.push_str(&note.localize(lang));
        notes.push('\n');
        files.extend(inherited);
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
