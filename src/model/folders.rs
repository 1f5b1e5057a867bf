//! Finding plans: a plan folder holds `plan.toml`; a folder of plans (a prefecture's, the
//! country's) holds plan folders.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::read::FileError;

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
