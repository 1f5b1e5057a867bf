//! The command line: one file per subcommand; each parses its arguments and calls the library.

mod agreement;
mod cache;
mod check;
mod completions;
mod diff;
mod evaluate;
mod explain;
mod help;
mod import;
mod init;
mod list;
mod man;
mod output;
mod period;
mod report;
mod serve;
mod sheet;
mod status;
mod summary;
mod template;
mod test;
mod watch;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cli::output::Notice;
use gyokaku::cycle::commit::CommitError;
use gyokaku::cycle::{Completeness, ImportFailure, TemplateError};
use gyokaku::engine::{RuleError, RuleSet};
use gyokaku::evaluation::{DiffError, EvaluatedPlan, Evaluation};
use gyokaku::i18n::Localize;
use gyokaku::model::{
    is_plan_folder, FiscalYear, ItemId, LoadErrors, Plan, PlanFolderMissing, PlanLoader,
};
use gyokaku::report::{write_plans, Document, Format, Lang, PlanPart, PrintedPart};
use gyokaku::ruletest::AcceptError;
use gyokaku::workspace::{CorpusError, PlanError, Workspace, Years};

pub use output::OutputArgs;

gyokaku::i18n::messages! {
    /// Why a command could not run (the command line's own failures; the plan's and the
    /// rules' come with their own kinds).
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum CommandError {
        /// `cache`: no folder for the cache can be named.
        NoCacheFolder =>
            ja: "キャッシュのフォルダが決まりません: GYOKAKU_CACHE_DIR、XDG_CACHE_HOME、HOME のいずれも設定されていません",
            en: "no cache folder: none of GYOKAKU_CACHE_DIR, XDG_CACHE_HOME and HOME is set";
        /// `cache`: the cache folder could not be looked at or emptied.
        CacheFolder { path: PathBuf, reason: std::io::Error } =>
            ja: "キャッシュのフォルダ {path} を扱えません: {reason}",
            en: "cannot work on the cache folder {path}: {reason}";
        /// `--year all` given to a command that reports one year.
        OneYearOnly =>
            ja: "--year all: このコマンドは1年度分を出力します。--year R5 のように年度を1つ指定してください",
            en: "--year all: this command reports one year; give one, e.g. --year R5";
        /// The item asked for is not in the plan.
        NoSuchItem { id: String, japanese: String } =>
            ja: "計画に実施項目 {id} ({japanese}) はありません",
            en: "the plan has no item {id} ({japanese})";
        /// The folder given is not a plan.
        NotAPlanFolder { dir: PathBuf } =>
            ja: "{dir} は計画のフォルダではありません (plan.toml がありません)",
            en: "{dir} is not a plan folder (no plan.toml)";
        /// `gyokaku test` found no cases.
        NoTestCases { dir: PathBuf } =>
            ja: "ルールのテストケースがありません: {dir}/*.toml に書いてください (rules/README.md の「Testing rules」を参照)",
            en: "the rule set has no test cases: write them in {dir}/*.toml (see rules/README.md, \"Testing rules\")";
        /// A folder could not be made.
        CannotCreateFolder { path: PathBuf, reason: std::io::Error } =>
            ja: "フォルダ {path} を作れません: {reason}",
            en: "cannot create the folder {path}: {reason}";
        /// The output could not be written (`-`: standard output).
        CannotWrite { path: PathBuf, reason: std::io::Error } =>
            ja: "{path} に書き込めませんでした: {reason}",
            en: "{path} could not be written: {reason}";
        /// Standard output (or error) cannot be written: nothing more can be printed.
        CannotWriteOutput { reason: std::io::Error } =>
            ja: "出力を書き込めません: {reason}",
            en: "cannot write the output: {reason}";
        /// `--output` names a file whose extension says no format, and `--format` is not given.
        UnknownExtension { path: PathBuf } =>
            ja: "{path}: 拡張子から出力形式が分かりません。--format を指定してください",
            en: "{path}: the extension names no format: pass --format";
        /// A binary format (xlsx) asked for on a terminal.
        BinaryToTerminal { format: String } =>
            ja: "{format} は端末に出力できません: --output FILE で書き出してください",
            en: "{format} cannot be shown on a terminal: pass --output FILE";
        /// The file watcher could not start.
        CannotWatch { reason: String } =>
            ja: "ファイルの変更を監視できません: {reason}",
            en: "cannot watch the files: {reason}";
        /// None of the folders could be watched.
        NothingToWatch =>
            ja: "計画とルールのフォルダをどれも監視できません",
            en: "none of the plan's or rules' folders can be watched";
        /// gyokaku itself failed: a bug, whatever the input.
        InternalError { what: String } =>
            ja: "内部エラー: gyokaku の不具合で停止しました: {what}\nこのコマンドと原因になったファイルを添えて報告してください。",
            en: "internal error: gyokaku stopped on a bug: {what}\nPlease report it with the command and the files that caused it.";
        /// The file watcher ended.
        WatchStopped =>
            ja: "ファイルの監視が予期せず止まりました",
            en: "watching the files stopped unexpectedly";
    }
}

/// gyokaku (行革): evaluates a municipal reform plan (行財政改革推進計画) from plain files.
#[derive(Debug, Parser)]
#[command(name = "gyokaku", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language: ja (the document's) or en [env: GYOKAKU_LANG].
    #[arg(
        long,
        global = true,
        env = "GYOKAKU_LANG",
        default_value = "ja",
        hide_env = true
    )]
    lang: Lang,
    /// Colour in help and messages: auto (when the terminal shows it and NO_COLOR is not set),
    /// always or never.
    #[arg(
        long,
        global = true,
        value_name = "WHEN",
        default_value = "auto",
        hide_possible_values = true
    )]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    Evaluate(evaluate::Args),
    Summary(summary::Args),
    List(list::Args),
    Agreement(agreement::Args),
    Period(period::Args),
    Check(check::Args),
    Sheet(sheet::Args),
    Diff(diff::Args),
    Explain(explain::Args),
    Template(template::Args),
    Import(import::Args),
    Status(status::Args),
    Report(report::Args),
    Test(test::Args),
    Cache(cache::Args),
    Init(init::Args),
    Serve(serve::Args),
    Completions(completions::Args),
    Man(man::Args),
}

/// Where the plan is, and how to read it.
#[derive(Debug, Clone, clap::Args)]
pub struct PlanArg {
    /// The plan folder (plan.toml and items/).
    #[arg(default_value = "plans/isehara-6")]
    pub plan: PathBuf,
    /// Parse every plan file and run every rule, without the cache of parsed plans and stored
    /// evaluations (which is then left as it is).
    #[arg(long)]
    pub no_cache: bool,
}

impl PlanArg {
    /// Loads plans through the user's cache of parsed plans, unless `--no-cache`.
    pub fn loader(&self) -> PlanLoader {
        PlanLoader::from_env(self.no_cache)
    }

    /// The workspace the command reads plans in: through the cache unless `--no-cache`, under
    /// the rule set `rules` when one is given, worded in `lang`.
    pub fn workspace(&self, rules: Option<&Path>, lang: Lang) -> Workspace {
        let workspace = Workspace::new().with_loader(self.loader()).with_lang(lang);
        match rules {
            Some(rules) => workspace.with_rules(rules),
            None => workspace,
        }
    }

    /// Loads the plan.
    pub fn load(&self) -> Result<Plan, CliError> {
        Ok(self.loader().load(&self.plan)?)
    }
}

/// Which rules, which year, and how to print.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// The rule set folder [default: the plan's own, from plan.toml].
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// The fiscal year: R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2023 or 2023年度 [default: the latest whose results are complete]; `all` for every year of the period (summary, evaluate, list, report).
    #[arg(long)]
    pub year: Option<Years>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Set by a command whose output shows no explanation, not on the command line: the rules
    /// then build none ([`EvalArgs::without_explanations`]).
    #[arg(skip)]
    pub quiet: bool,
}

impl EvalArgs {
    /// These options for a command whose output shows no explanation: the rules run without
    /// building them (`Workspace::with_explanations`), every value the same.
    pub fn without_explanations(mut self) -> Self {
        self.quiet = true;
        self
    }

    /// The years `--year` asks for (the latest complete one when it is not given).
    pub fn years(&self) -> Years {
        self.year.unwrap_or_default()
    }

    /// The one year asked for: `--year all` is for commands over several years.
    pub fn one_year(&self) -> Result<Years, CliError> {
        match self.years() {
            Years::All => Err(CommandError::OneYearOnly.into()),
            one => Ok(one),
        }
    }

    /// The workspace of `plan` under these options, worded in `lang`.
    pub fn workspace(&self, plan: &PlanArg, lang: Lang) -> Workspace {
        (plan.workspace(self.rules.as_deref(), lang)).with_explanations(!self.quiet)
    }
}

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The plan did not load.
    #[error("{0}")]
    Plan(#[from] LoadErrors),
    /// The rules did not load or failed.
    #[error("{0}")]
    Rules(#[from] RuleError),
    /// A plan could not be opened or evaluated.
    #[error("{0}")]
    Workspace(#[from] PlanError),
    /// Test cases could not be re-recorded.
    #[error("{0}")]
    Accept(#[from] AcceptError),
    /// An entry workbook could not be made.
    #[error("{0}")]
    Template(#[from] TemplateError),
    /// Returned workbooks could not be imported.
    #[error("{0}")]
    Import(#[from] ImportFailure),
    /// Files could not be written.
    #[error("{0}")]
    Commit(#[from] CommitError),
    /// A plan of a folder of plans could not be summed up.
    #[error("{0}")]
    Corpus(#[from] Box<CorpusError<CliError>>),
    /// Two evaluations that cannot be compared.
    #[error("{0}")]
    Diff(#[from] DiffError),
    /// A plan folder could not be made.
    #[error("{0}")]
    Init(#[from] gyokaku::setup::init::InitError),
    /// A plan sheet could not be taken in.
    #[error("{0}")]
    PlanSheet(#[from] gyokaku::setup::plan_import::PlanImportFailure),
    /// The plan folder is not there.
    #[error("{0}")]
    PlanFolder(#[from] PlanFolderMissing),
    /// An amendment without its reason.
    #[error("{0}")]
    Amend(#[from] gyokaku::cycle::AmendText),
    /// The workbench could not be served.
    #[error("{0}")]
    Serve(#[from] gyokaku::serve::StartError),
    /// The command line's own failures.
    #[error(transparent)]
    Command(#[from] CommandError),
    /// The year's report text in the plan folder does not read.
    #[error("{0}")]
    Text(#[from] gyokaku::model::TextError),
    /// A placeholder of the report text cannot be computed.
    #[error("{0}")]
    Figure(#[from] gyokaku::report::FigureError),
    /// The draft of the report text could not be written.
    #[error("{0}")]
    Draft(#[from] gyokaku::report::DraftError),
}

impl Localize for CliError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            CliError::Plan(e) => e.localize(lang),
            CliError::Rules(e) => e.localize(lang),
            CliError::Diff(e) => e.localize(lang),
            CliError::Workspace(e) => e.localize(lang),
            CliError::Template(e) => e.localize(lang),
            CliError::Import(e) => e.localize(lang),
            CliError::Commit(e) => e.localize(lang),
            CliError::Accept(e) => e.localize(lang),
            CliError::Corpus(e) => e.localize(lang),
            CliError::Init(e) => e.localize(lang),
            CliError::PlanSheet(e) => e.localize(lang),
            CliError::PlanFolder(e) => e.localize(lang),
            CliError::Amend(e) => e.localize(lang),
            CliError::Serve(e) => e.localize(lang),
            CliError::Command(e) => e.localize(lang),
            CliError::Text(e) => e.localize(lang),
            CliError::Figure(e) => e.localize(lang),
            CliError::Draft(e) => e.localize(lang),
        }
    }
}

/// Whether the command reports many plans or years: `dir` is a folder of plan folders, or
/// `--year all` is given.
pub fn many_plans(plans: &PlanArg, eval: &EvalArgs) -> bool {
    !is_plan_folder(&plans.plan) || eval.years().is_all()
}

/// The plan's year `year` chooses (one year, or the latest complete one).
pub fn year_of(plan: &Plan, year: Option<FiscalYear>) -> Result<FiscalYear, CliError> {
    Ok(Years::from(year).one_of(plan).map_err(PlanError::from)?)
}

/// Evaluates every plan of `dir` for the years `--year` asks for, makes each plan's document
/// for each year with `make` (in parallel, plans dropped as they are done), and prints them
/// together, in `lang`: a section per plan and year, CSV and JSON with the plan and year on
/// every row.
pub fn emit_plans(
    plans: &PlanArg,
    eval: &EvalArgs,
    lang: Lang,
    make: impl Fn(&EvaluatedPlan, &Evaluation) -> Result<Document, CliError> + Sync,
) -> Result<(), CliError> {
    emit_plans_over(plans, eval, lang, eval.years(), make)
}

/// [`emit_plans`], each plan evaluated for the years `evaluated` chooses (every year, for a
/// report that looks back over the period) and a part made for each year `--year` asks for.
pub fn emit_plans_over(
    plans: &PlanArg,
    eval: &EvalArgs,
    lang: Lang,
    evaluated: Years,
    make: impl Fn(&EvaluatedPlan, &Evaluation) -> Result<Document, CliError> + Sync,
) -> Result<(), CliError> {
    let format = eval.out.format()?;
    let options = eval.out.print_options(format, lang);
    // Each part is reduced to what the format prints of it on the worker that made it.
    let parts = eval
        .workspace(plans, lang)
        .evaluate_plans(&plans.plan, evaluated, |p| {
            let asked = eval.years().of(&p.plan).map_err(PlanError::from)?;
            (p.evaluations.iter())
                .filter(|ev| asked.contains(&ev.year))
                .map(|ev| {
                    let part = PlanPart {
                        plan: p.plan.id.clone(),
                        municipality: p.plan.municipality.clone(),
                        folder: p.folder.clone(),
                        year: Some(ev.year),
                        doc: make(&p, ev)?,
                    };
                    Ok(PrintedPart::new(part, format, &options))
                })
                .collect::<Result<Vec<_>, CliError>>()
        })
        .map_err(Box::new)?;
    let parts: Vec<PrintedPart> = parts.into_iter().flatten().collect();
    eval.out.emit_with(lang, |format, options, out| {
        write_plans(parts, format, options, out)
    })
}

/// Says, before a report of a partial year, how many items have no results yet: on standard
/// output with the report for a table or Markdown, on standard error for CSV and JSON (which
/// must stay machine-readable); in `lang`.
pub fn announce_completeness(plan: &Plan, year: FiscalYear, out: &OutputArgs, lang: Lang) {
    announce(&Completeness::of(plan, year), out, lang);
}

/// Says, before a report of a partial year, how many items have no results yet
/// ([`announce_completeness`]), from how far the year's results are in.
pub fn announce(completeness: &Completeness, out: &OutputArgs, lang: Lang) {
    if let Some(notice) = completeness.notice(lang) {
        match (out.format(), &out.output) {
            (Ok(Format::Table | Format::Md), None) => output::out(&format!("{notice}\n\n"), lang),
            _ => output::err(&notice),
        }
    }
}

/// The plan has no such item.
pub fn no_such_item(id: ItemId) -> CliError {
    CommandError::NoSuchItem {
        id: id.to_string(),
        japanese: id.japanese(),
    }
    .into()
}

/// Loads the plan and its rules, compiled, and chooses the year: for a command that runs
/// the rules itself, printing in `lang`.
pub fn load(
    plan: &PlanArg,
    eval: &EvalArgs,
    lang: Lang,
) -> Result<(Plan, RuleSet, FiscalYear), CliError> {
    let (plan, rules) = eval.workspace(plan, lang).load_with_rules(&plan.plan)?;
    let year = eval.one_year()?.one_of(&plan).map_err(PlanError::from)?;
    announce_completeness(&plan, year, &eval.out, lang);
    Ok((plan, rules, year))
}

/// Loads the plan and its rules and evaluates the year: what most commands start from. When
/// the cache holds the year's evaluation under these files, it is read and the rule set's
/// scripts are never compiled. What it says is in `lang`.
pub fn evaluated(
    plan_arg: &PlanArg,
    eval: &EvalArgs,
    lang: Lang,
) -> Result<EvaluatedPlan, CliError> {
    let opened = eval
        .workspace(plan_arg, lang)
        .open(&plan_arg.plan, eval.one_year()?)?;
    announce_completeness(opened.plan(), opened.years()[0], &eval.out, lang);
    Ok(opened.evaluate()?)
}

/// Leaves `value` to the end of the process instead of freeing it now: a one-shot command's
/// plan, rules and evaluation are thousands of small allocations, and freeing them one by one
/// just before exiting costs more than the output; the operating system takes the memory back
/// at once. Only for what holds no file, lock or unwritten output, and never in a command that
/// runs on (`--watch`), where it would pile up.
pub fn free_at_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Says in `lang` that gyokaku itself failed (a panic: a bug, whatever the input).
pub fn report_internal_error(what: &str, lang: Lang) {
    output::err(
        &CommandError::InternalError {
            what: what.to_string(),
        }
        .localize(lang),
    );
}

/// The language asked for: `--lang X` or `--lang=X` anywhere on the command line, else
/// `GYOKAKU_LANG`, else Japanese. Read before clap, so that `--help` and clap's own errors are
/// in it too.
pub fn lang_of(args: &[OsString]) -> Lang {
    option_value(args, "--lang")
        .or_else(|| std::env::var(LANG_ENV).ok())
        .and_then(|l| l.parse().ok())
        .unwrap_or_default()
}

/// The colour asked for with `--color WHEN` or `--color=WHEN` anywhere on the command line;
/// `auto` when not given (or not a choice: clap then says so), where the terminal decides
/// and `NO_COLOR` turns colour off. Read before clap, like the language, because clap colours
/// help and errors while it reads the arguments.
pub fn color_of(args: &[OsString]) -> ColorChoice {
    option_value(args, "--color")
        .and_then(|v| <ColorChoice as clap::ValueEnum>::from_str(&v, true).ok())
        .unwrap_or(ColorChoice::Auto)
}

/// The value of the last `NAME VALUE` or `NAME=VALUE` before `--`.
fn option_value(args: &[OsString], name: &str) -> Option<String> {
    let mut given = None;
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        } else if arg == name {
            given = args.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            given = Some(v.to_string());
        }
    }
    given
}

/// The command line as `--help`, completions and the man page show it: worded in `lang`,
/// coloured as `color` says.
pub fn command(lang: Lang, color: ColorChoice) -> clap::Command {
    // Set before the wording builds the command, which passes it on to every subcommand.
    help::localize(Cli::command().color(color), lang)
}

/// The environment variable choosing the language when `--lang` is not given.
pub const LANG_ENV: &str = "GYOKAKU_LANG";

/// Prints an error of a command, worded in `lang`, on standard error.
pub fn print_error(e: &impl Localize, lang: Lang) {
    output::err(
        &Notice::Error {
            message: e.localize(lang),
        }
        .localize(lang),
    );
}

/// The plan folder of the command (its `PLAN` or `--plan`) when nothing is there: said before
/// anything is read, with where it was looked for and how to name it. A command that makes the
/// plan (`--plan-sheet`) is left to do so.
fn missing_plan_folder(matches: &clap::ArgMatches) -> Option<PlanFolderMissing> {
    let (name, sub) = matches.subcommand()?;
    let dir = sub.try_get_one::<PathBuf>("plan").ok().flatten()?;
    if sub.try_contains_id("plan_sheet").unwrap_or(false)
        && sub.value_source("plan_sheet") == Some(clap::parser::ValueSource::CommandLine)
    {
        return None;
    }
    let defaulted = sub.value_source("plan") == Some(clap::parser::ValueSource::DefaultValue);
    // The command is built again only to say how to name the folder, when it is missing.
    let usage = || {
        let command = Cli::command();
        let positional = command
            .find_subcommand(name)
            .and_then(|c| c.get_arguments().find(|a| a.get_id() == "plan"))
            .is_some_and(|a| a.is_positional());
        if positional {
            format!("{name} path/to/plan")
        } else {
            format!("{name} --plan path/to/plan")
        }
    };
    PlanFolderMissing::check(dir, defaulted, usage)
}

/// Parses the command line `args` and runs the command; `lang` is the language the command
/// line asks for, as [`lang_of`] reads it before clap.
pub fn main(args: Vec<OsString>, lang: Lang) -> ExitCode {
    let color = color_of(&args);
    // Wording the command line's help costs more than reading it: it is worded only when clap
    // has something to show (help, the version, an error), by reading the arguments again with
    // the worded command (the same reading: the wording changes no argument).
    // The version reads the same in every language: printed without wording the help.
    let matches = match Cli::command()
        .try_get_matches_from(&args)
        .or_else(|e| match e.kind() {
            clap::error::ErrorKind::DisplayVersion => Err(e),
            _ => command(lang, color).try_get_matches_from(args),
        }) {
        Ok(matches) => matches,
        Err(e) => match help::error_text(&e, lang) {
            Some(text) => {
                output::err(&text);
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // clap's reading of `--lang` (wherever it stood) and GYOKAKU_LANG: every command is told
    // the language it words its output and errors in.
    let lang = cli.lang;
    if let Some(missing) = missing_plan_folder(&matches) {
        print_error(&CliError::from(missing), lang);
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Evaluate(a) => evaluate::run(a, lang),
        Command::Summary(a) => summary::run(a, lang),
        Command::List(a) => list::run(a, lang),
        Command::Agreement(a) => agreement::run(a, lang),
        Command::Period(a) => period::run(a, lang),
        Command::Check(a) => check::run(a, lang),
        Command::Sheet(a) => sheet::run(a, lang),
        Command::Diff(a) => diff::run(a, lang),
        Command::Explain(a) => explain::run(a, lang),
        Command::Template(a) => template::run(a, lang),
        Command::Import(a) => import::run(a, lang),
        Command::Status(a) => status::run(a, lang),
        Command::Report(a) => report::run(a, lang),
        Command::Test(a) => test::run(a, lang),
        Command::Cache(a) => cache::run(a, lang),
        Command::Init(a) => init::run(a, lang),
        Command::Serve(a) => serve::run(a, lang),
        Command::Completions(a) => completions::run(a, lang),
        Command::Man(a) => man::run(a, lang),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            print_error(&e, lang);
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        gyokaku::i18n::check_templates(&all_templates());
    }
}
