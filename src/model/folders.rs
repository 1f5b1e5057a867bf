//! Finding plans: a plan folder holds `plan.toml`; a folder of plans (a prefecture's, the
//! country's) holds plan folders.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::read::FileError;

crate::i18n::messages! {
    /// A plan folder that is not there: where the command looked, and how to name the folder.
    #[derive(Debug)]
    pub enum PlanFolderMissing {
        /// None was given: the default, relative to the folder the command started in.
        Default { default: PathBuf, looked: PathBuf, usage: String } =>
            ja: "計画フォルダが指定されていないので既定の {default} を探しましたが、{looked} はありません。計画フォルダ (plan.toml のあるフォルダ、または計画フォルダを含むフォルダ) を指定してください: gyokaku {usage}",
            en: "no plan folder was given, so the default {default} was looked for, but {looked} is not there. Give the plan folder (the folder of plan.toml, or a folder of plan folders): gyokaku {usage}";
        /// The folder given is not there.
        Given { given: PathBuf, looked: PathBuf, usage: String } =>
            ja: "計画フォルダ {given} がありません ({looked} を探しました)。計画フォルダ (plan.toml のあるフォルダ、または計画フォルダを含むフォルダ) を指定してください: gyokaku {usage}",
            en: "the plan folder {given} is not there (looked for {looked}). Give the plan folder (the folder of plan.toml, or a folder of plan folders): gyokaku {usage}";
    }
}

impl PlanFolderMissing {
    /// Why `dir` cannot be a plan or a folder of plans, when nothing is there at all: `None`
    /// when there is something (a plan, a folder, a file: loading then says what it is).
    /// `defaulted` says the folder is the command's default rather than one the user typed;
    /// `usage` says how to give one (`summary path/to/plan`), asked only when the folder is
    /// missing.
    pub fn check(
        dir: &Path,
        defaulted: bool,
        usage: impl FnOnce() -> String,
    ) -> Option<PlanFolderMissing> {
        if fs::symlink_metadata(dir).is_ok() {
            return None;
        }
        let looked = std::env::current_dir()
            .map(|cwd| cwd.join(dir))
            .unwrap_or_else(|_| dir.to_path_buf());
        let usage = usage();
        Some(if defaulted {
            PlanFolderMissing::Default {
                default: dir.to_path_buf(),
                looked,
                usage,
            }
        } else {
            PlanFolderMissing::Given {
                given: dir.to_path_buf(),
                looked,
                usage,
            }
        })
    }
}

/// Whether `dir` is a plan folder (it has a `plan.toml`). Whatever `plan.toml` is (a file, a
/// link, a named pipe), the folder is meant as a plan: loading it then says what is wrong with
/// the file, rather than that there is no plan.
pub fn is_plan_folder(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join("plan.toml")).is_ok()
}

/// The plans in `dir`: `dir` itself when it is a plan folder, else every sub-folder that is
/// one, in name order (so that every run lists them alike). Sub-folders without a `plan.toml`
/// are passed over; a folder with no plan at all is an error.
pub fn plan_folders(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if is_plan_folder(dir) {
        return Ok(vec![dir.to_path_buf()]);
    }
    let entries = fs::read_dir(dir).map_err(|source| FileError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut folders = Vec::new();
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_dir() && is_plan_folder(&entry.path()) {
            folders.push(entry.path());
        }
    }
    if folders.is_empty() {
        return Err(FileError::NoPlans {
            path: dir.to_path_buf(),
        }
        .into());
    }
    // All in one folder: the paths differ only in their names, so comparing them as strings
    // orders them as paths (and quicker than component by component).
    folders.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(folders)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn a_missing_folder_says_where_it_was_looked_for() {
        let root = tempfile::tempdir().unwrap();
        assert!(
            PlanFolderMissing::check(root.path(), false, || "summary path/to/plan".into())
                .is_none()
        );
        let missing = root.path().join("plans/isehara-6");
        let err =
            PlanFolderMissing::check(&missing, true, || "summary path/to/plan".into()).unwrap();
        let en = crate::i18n::Localize::localize(&err, crate::i18n::Lang::En);
        assert!(en.contains(&missing.display().to_string()), "{en}");
        assert!(en.ends_with("gyokaku summary path/to/plan"), "{en}");
    }

    #[test]
    fn a_plan_folder_or_the_plan_folders_inside_in_name_order() {
        let root = tempfile::tempdir().unwrap();
        for name in ["b", "a", "not-a-plan"] {
            fs::create_dir(root.path().join(name)).unwrap();
        }
        fs::write(root.path().join("a/plan.toml"), "").unwrap();
        fs::write(root.path().join("b/plan.toml"), "").unwrap();
        fs::write(root.path().join("plan.toml.bak"), "").unwrap();
        let found = plan_folders(root.path()).unwrap();
        assert_eq!(found, [root.path().join("a"), root.path().join("b")]);
        assert_eq!(
            plan_folders(&root.path().join("a")).unwrap(),
            [root.path().join("a")]
        );
        let err = plan_folders(&root.path().join("not-a-plan")).unwrap_err();
        let text = |lang| crate::i18n::Arg::arg(&err, lang);
        assert!(
            text(crate::i18n::Lang::En).contains("not-a-plan: neither a plan folder"),
            "{err}"
        );
        assert!(
            text(crate::i18n::Lang::Ja).contains("計画のフォルダを含むフォルダでもありません"),
            "{err}"
        );
    }
}
