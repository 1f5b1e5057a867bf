//! `--watch`: runs a command again whenever a plan or rule file changes, until interrupted.
//!
//! Editors save in bursts (write, rename, touch), so a run starts only once the files have
//! been quiet for [`QUIET`]. A failing run (a rule that does not compile, a plan file with a
//! typo) is printed like any error, and watching goes on.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher};

use gyokaku::i18n::{Lang, Localize};

use crate::cli::output::Notice;

use crate::cli::CommandError;

use super::{print_error, CliError};

/// Prints a warning in `lang` that does not stop watching.
fn warn(notice: Notice, lang: Lang) {
    super::output::err(
        &Notice::Warning {
            message: notice.localize(lang),
        }
        .localize(lang),
    );
}

/// How long the files must stay unchanged before running again.
pub const QUIET: Duration = Duration::from_millis(200);

/// Whether a path is a plan or rule file (`.toml`, `.rhai`): editors' swap and backup files
/// are not.
fn is_plan_or_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml" || e == "rhai")
}

/// The plan or rule files an event changed; reading a file (as every run does) changes nothing.
fn changed_files(event: &Event) -> impl Iterator<Item = &PathBuf> {
    let relevant = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    event
        .paths
        .iter()
        .filter(move |p| relevant && is_plan_or_rule_file(p))
}

/// Blocks until a plan or rule file changes, then until the burst is over; returns the files.
/// The watcher's problems meanwhile are warned of in `lang`.
fn next_change(
    events: &Receiver<notify::Result<Event>>,
    lang: Lang,
) -> Result<BTreeSet<PathBuf>, CliError> {
    let gone = || CliError::Command(CommandError::WatchStopped);
    let mut changed = BTreeSet::new();
    while changed.is_empty() {
        match events.recv().map_err(|_| gone())? {
            Ok(event) => changed.extend(changed_files(&event).cloned()),
            Err(e) => warn(
                Notice::WhileWatching {
                    reason: e.to_string(),
                },
                lang,
            ),
        }
    }
    loop {
        match events.recv_timeout(QUIET) {
            Ok(Ok(event)) => changed.extend(changed_files(&event).cloned()),
            Ok(Err(e)) => warn(
                Notice::WhileWatching {
                    reason: e.to_string(),
                },
                lang,
            ),
            Err(RecvTimeoutError::Timeout) => return Ok(changed),
            Err(RecvTimeoutError::Disconnected) => return Err(gone()),
        }
    }
}

/// Runs `run` now and again after every change to a `.toml` or `.rhai` file under the folders
/// `folders` names. `folders` is asked before every run, so a plan that switches to another
/// rule set is followed; a folder once watched stays watched. Errors of `run` are printed and
/// watching goes on. Everything it says is in `lang`. Returns only when watching itself fails.
pub fn watch(
    lang: Lang,
    folders: impl Fn() -> Vec<PathBuf>,
    mut run: impl FnMut() -> Result<(), CliError>,
) -> Result<ExitCode, CliError> {
    let (sender, events) = mpsc::channel();
    let mut watcher =
        notify::recommended_watcher(sender).map_err(|e| CommandError::CannotWatch {
            reason: e.to_string(),
        })?;
    let mut watched: Vec<PathBuf> = Vec::new();
    loop {
        // Watch before running, so that no change made after the output appears is missed.
        for folder in folders() {
            if watched.contains(&folder) {
                continue;
            }
            match watcher.watch(&folder, RecursiveMode::Recursive) {
                Ok(()) => watched.push(folder),
                Err(e) => warn(
                    Notice::CannotWatchFolder {
                        folder: folder.clone(),
                        reason: e.to_string(),
                    },
                    lang,
                ),
            }
        }
        if watched.is_empty() {
            return Err(CommandError::NothingToWatch.into());
        }
        if let Err(e) = run() {
            print_error(&e, lang);
        }
        // Stdout is line-buffered; make sure the whole report is out before waiting.
        let _ = std::io::stdout().flush();
        super::output::err(
            &Notice::Watching {
                folders: watched.iter().map(|f| f.display().to_string()).collect(),
            }
            .localize(lang),
        );
        let changed = next_change(&events, lang)?;
        super::output::err(
            &Notice::Changed {
                files: changed.iter().map(|f| f.display().to_string()).collect(),
            }
            .localize(lang),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind};

    fn event(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_writes_to_plan_and_rule_files_count() {
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let read = EventKind::Access(AccessKind::Open(AccessMode::Any));
        let count = |e: Event| changed_files(&e).count();
        assert_eq!(count(event(write, "rules/rating.rhai")), 1);
        assert_eq!(count(event(write, "plans/p/items/1-1-1.toml")), 1);
        assert_eq!(
            count(event(
                EventKind::Create(CreateKind::File),
                "rules/kinds/new.rhai"
            )),
            1
        );
        assert_eq!(
            count(event(read, "rules/rating.rhai")),
            0,
            "a run reads every file"
        );
        assert_eq!(count(event(write, "rules/.rating.rhai.swp")), 0);
        assert_eq!(count(event(write, "rules/rating.rhai~")), 0);
        assert_eq!(count(event(write, "rules/README.md")), 0);
    }

    #[test]
    fn a_burst_of_events_is_one_change() {
        let (tx, rx) = mpsc::channel();
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        tx.send(Ok(event(
            EventKind::Access(AccessKind::Any),
            "rules/rating.rhai",
        )))
        .unwrap();
        tx.send(Ok(event(write, "rules/rating.rhai"))).unwrap();
        tx.send(Ok(event(write, "rules/rating.rhai"))).unwrap();
        tx.send(Ok(event(write, "rules/kinds/level.rhai"))).unwrap();
        let changed = next_change(&rx, Lang::Ja).unwrap();
        assert_eq!(
            changed.into_iter().collect::<Vec<_>>(),
            [
                PathBuf::from("rules/kinds/level.rhai"),
                PathBuf::from("rules/rating.rhai")
            ]
        );
        drop(tx);
        assert!(
            next_change(&rx, Lang::Ja).is_err(),
            "a closed channel ends the watch"
        );
    }
}
