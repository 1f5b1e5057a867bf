//! `--help` in the reader's language. The English is each command's documentation beside its
//! arguments (`src/cli/*.rs`); in Japanese every command's and option's text, and clap's own
//! headings, come from the message catalogue ([`Help`]).

use clap::error::{ContextKind, ErrorKind};
use clap::Command;
use gyokaku::i18n::{ArgError, CommandError, Help, Lang, Localize, Notice};
use gyokaku::model::{FiscalYearError, ItemIdError};
use gyokaku::report::{PeriodHelp, ReportHelp};
use gyokaku::serve::ServeHelp;

/// What a command does, in `lang`: a command's own words beside its module, the others' from
/// the catalogue.
fn about(command: &str, lang: Lang) -> Option<String> {
    if command == "serve" {
        return Some(ServeHelp::About.localize(lang));
    }
    catalogue_about(command).map(|h| h.localize(lang))
}

/// What a command does, worded in the catalogue.
fn catalogue_about(command: &str) -> Option<Help> {
    Some(match command {
        "evaluate" => Help::Evaluate,
        "summary" => Help::Summary,
        "list" => Help::List,
        "agreement" => Help::Agreement,
        "period" => Help::PeriodCommand,
        "check" => Help::Check,
        "sheet" => Help::Sheet,
        "diff" => Help::Diff,
        "explain" => Help::Explain,
        "template" => Help::Template,
        "import" => Help::Import,
        "status" => Help::Status,
        "report" => Help::Report,
        "test" => Help::Test,
        "cache" => Help::Cache,
        "init" => Help::Init,
        "completions" => Help::Completions,
        "man" => Help::Man,
        "help" => Help::HelpCommand,
        _ => return None,
    })
}

/// What an argument of a command means, in `lang`: a command's own options from the messages
/// beside its module, the others from the catalogue.
fn argument(command: &str, id: &str, lang: Lang) -> Option<String> {
    let own = match (command, id) {
        ("report", "internal") => Some(ReportHelp::Internal.localize(lang)),
        ("report", "draft") => Some(ReportHelp::Draft.localize(lang)),
        ("period", "year") => Some(PeriodHelp::SeenFrom.localize(lang)),
        ("import", "amend") => Some(gyokaku::cycle::AmendText::Help.localize(lang)),
        ("serve", "plan") => Some(ServeHelp::Plan.localize(lang)),
        ("serve", "port") => Some(ServeHelp::Port.localize(lang)),
        ("serve", "open") => Some(ServeHelp::Open.localize(lang)),
        ("serve", "listen") => Some(ServeHelp::Listen.localize(lang)),
        _ => None,
    };
    own.or_else(|| catalogue_argument(command, id).map(|h| h.localize(lang)))
}

/// What an argument of a command means, worded in the catalogue.
fn catalogue_argument(command: &str, id: &str) -> Option<Help> {
    Some(match (command, id) {
        ("diff", "rules") => Help::NewRules,
        ("diff", "base") => Help::BaseRules,
        ("test", "rules") => Help::TestRules,
        ("template", "year") => Help::ReportYear,
        ("template", "output") => Help::Workbook,
        ("template" | "import", "rules") => Help::ScaleRules,
        ("import", "plan") => Help::PlanFolder,
        ("import", "files") => Help::Workbooks,
        ("man", "output") => Help::ManFolder,
        ("template", "plan_sheet") => Help::PlanSheet,
        ("template", "from") => Help::From,
        ("import", "plan_sheet") => Help::PlanSheetFile,
        ("init", "dir") => Help::InitDir,
        ("init", "municipality") => Help::Municipality,
        ("init", "plan_name") => Help::PlanName,
        ("init", "years") => Help::Period,
        ("init", "scale") => Help::InitScale,
        ("init", "unit") => Help::InitUnit,
        ("init", "id") => Help::PlanId,
        ("init", "rules") => Help::InitRules,
        ("init", "own_rules") => Help::OwnRules,
        (_, "plan") => Help::Plan,
        (_, "no_cache") => Help::NoCache,
        (_, "rules") => Help::Rules,
        (_, "year") => Help::Year,
        (_, "format") => Help::Format,
        (_, "output") => Help::Output,
        (_, "lang") => Help::Lang,
        (_, "bom") => Help::Bom,
        (_, "ascii") => Help::Ascii,
        (_, "width") => Help::Width,
        (_, "watch") => Help::Watch,
        (_, "id") => Help::Id,
        (_, "coverage") => Help::Coverage,
        (_, "verbose") => Help::Verbose,
        (_, "accept") => Help::Accept,
        (_, "department") => Help::Department,
        (_, "by_department") => Help::ByDepartment,
        (_, "item_sheets") => Help::ItemSheets,
        (_, "dry_run") => Help::DryRun,
        (_, "clear") => Help::Clear,
        (_, "color") => Help::Color,
        (_, "shell") => Help::Shell,
        (_, "help") => Help::HelpFlag,
        (_, "version") => Help::VersionFlag,
        _ => return None,
    })
}

/// The command line's help in `lang`: English as documented, Japanese from the catalogue.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so that clap's own --help, --version and `help` are there to be worded.
    cmd.build();
    word(cmd.about(Help::About.localize(lang)), "", lang)
}

fn word(mut cmd: Command, name: &str, lang: Lang) -> Command {
    let t = |h: Help| h.localize(lang);
    cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t(Help::Usage)
        ))
        .subcommand_help_heading(t(Help::Commands));
    if let Some(about) = about(name, lang) {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = argument(name, &id, lang);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                Help::Arguments
            } else {
                Help::Options
            };
            let a = a.help_heading(t(heading));
            let Some(h) = help else { return a };
            // clap's own "[default: …]" would stay English.
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if defaults.is_empty()
                || a.is_hide_default_value_set()
                || !a.get_action().takes_values()
            {
                a.help(h)
            } else {
                let value = defaults.join(", ");
                a.help(format!("{} {}", h, Help::Default { value }.localize(lang)))
                    .hide_default_value(true)
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(&n, |s| word(s, &n, lang));
    }
    cmd
}

/// clap's error about the command line (an unknown option, a value that does not read, a
/// missing argument…) worded in `lang` by the catalogue, with the usage line; `None` for help,
/// version and the rarer kinds, which clap prints itself.
pub fn error_text(e: &clap::Error, lang: Lang) -> Option<String> {
    let get = |kind| e.get(kind).map(ToString::to_string);
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => ArgError::UnknownArgument {
            arg: get(ContextKind::InvalidArg)?,
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = get(ContextKind::InvalidArg)?;
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            // The reason is our own parser's error, or the values clap accepts.
            let reason = std::error::Error::source(e)
                .map(|reason| parse_error(reason, lang))
                .or_else(|| get(ContextKind::ValidValue))
                .filter(|r| !r.is_empty());
            match reason {
                _ if value.is_empty() => ArgError::NoValue { arg },
                Some(reason) => ArgError::InvalidValue { arg, value, reason },
                None => return None,
            }
        }
        ErrorKind::MissingRequiredArgument => ArgError::MissingRequired {
            args: get(ContextKind::InvalidArg)?,
        },
        ErrorKind::InvalidSubcommand => ArgError::UnknownCommand {
            command: get(ContextKind::InvalidSubcommand)?,
        },
        ErrorKind::ArgumentConflict => ArgError::Conflict {
            arg: get(ContextKind::InvalidArg)?,
            other: get(ContextKind::PriorArg)?,
        },
        _ => return None,
    };
    let mut lines = vec![Notice::Error {
        message: problem.localize(lang),
    }
    .localize(lang)];
    if let Some(suggestion) =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand))
    {
        lines.push(String::new());
        lines.push(ArgError::Similar { suggestion }.localize(lang));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        lines.push(String::new());
        lines.push(format!("{} {usage}", Help::Usage.localize(lang)));
    }
    lines.push(String::new());
    lines.push(ArgError::TryHelp.localize(lang));
    Some(lines.join("\n"))
}

/// The error of one of our own parsers (a year, an item id, a format, a language) worded in
/// `lang`: clap keeps it as the source of its own error. Another is as it words itself.
fn parse_error(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(e) = e.downcast_ref::<FiscalYearError>() {
        e.problem().localize(lang)
    } else if let Some(e) = e.downcast_ref::<ItemIdError>() {
        e.problem().localize(lang)
    } else if let Some(e) = e.downcast_ref::<CommandError>() {
        e.localize(lang)
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and every argument has its Japanese help in the catalogue: a new option
    /// without one fails here.
    #[test]
    fn every_command_and_argument_has_japanese_help() {
        let mut cmd = super::super::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            if about(name, Lang::Ja).is_none() {
                missing.push(name.to_string());
            }
            for a in sub.get_arguments() {
                let id = a.get_id().as_str();
                if argument(name, id, Lang::Ja).is_none() {
                    missing.push(format!("{name} {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "no Japanese help for {missing:?}");
    }
}
