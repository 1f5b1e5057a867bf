//! Writing several files so that a crash at any moment leaves each of them either old or new:
//! every new content is first written in full to a temporary file in the same folder and
//! flushed to disk; only then are the temporaries renamed over the originals, one by one (a
//! rename within a folder is atomic). A temporary left by a killed run is named
//! `.gyokaku-*.tmp` and is never read as a plan file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::i18n::{Arg, Lang, Localize};

/// A file's new content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingFile {
    /// Where it goes.
    pub path: PathBuf,
    /// Its complete new content.
    pub content: Vec<u8>,
}

/// Why files could not be written. `Display` is in Japanese, the default language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.localize(Lang::Ja))]
pub struct CommitError {
    /// The file that failed.
    pub path: PathBuf,
    /// The files already replaced when it failed (each complete).
    pub replaced: Vec<PathBuf>,
    /// What failed.
    #[source]
    pub source: io::Error,
}

impl Localize for CommitError {
    fn localize(&self, lang: Lang) -> String {
        let (path, reason) = (self.path.clone(), self.source.arg(lang));
        match self.replaced.len() {
            0 => CommitText::FailedUnchanged { path, reason },
            replaced => CommitText::Failed {
                path,
                reason,
                replaced,
            },
        }
        .localize(lang)
    }
}

crate::i18n::messages! {
    /// How a [`CommitError`] reads: which file failed, why (worded in the language), and how
    /// many were replaced before.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum CommitText {
        /// Writing stopped part-way.
        Failed { path: PathBuf, reason: String, replaced: usize } =>
            ja: "{path} を書き込めません: {reason}({replaced}ファイルは更新済み、残りは元のまま)",
            en: "cannot write {path}: {reason} ({replaced} file(s) already replaced, the others unchanged)";
        /// Writing stopped before any file was replaced.
        FailedUnchanged { path: PathBuf, reason: String } =>
            ja: "{path} を書き込めません: {reason}(どのファイルも変更していません)",
            en: "cannot write {path}: {reason} (no file was changed)";
    }
}

/// Writes every file atomically (see the module documentation).
pub fn commit(files: &[PendingFile]) -> Result<(), CommitError> {
    commit_with(files, &mut |_| Ok(()))
}

/// [`commit`], calling `before_rename` before each file is renamed into place; an error it
/// returns stops the commit there (tests inject a crash between two files with it).
pub fn commit_with(
    files: &[PendingFile],
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> Result<(), CommitError> {
    let fail = |path: &Path, replaced: &[PathBuf], source: io::Error| CommitError {
        path: path.to_path_buf(),
        replaced: replaced.to_vec(),
        source,
    };
    // 1. Every new content, complete and on disk, beside its file. Nothing is replaced yet;
    //    on an error the temporaries written so far are removed when dropped.
    let mut temporaries = Vec::with_capacity(files.len());
    for file in files {
        let temp = write_temporary(file).map_err(|e| fail(&file.path, &[], e))?;
        temporaries.push(temp);
    }
    // 2. Rename each over its original.
    let mut replaced: Vec<PathBuf> = Vec::new();
    for (file, temp) in files.iter().zip(temporaries) {
        before_rename(&file.path).map_err(|e| fail(&file.path, &replaced, e))?;
        temp.persist(&file.path)
            .map_err(|e| fail(&file.path, &replaced, e.error))?;
        replaced.push(file.path.clone());
    }
    // 3. Make the renames themselves durable.
    for dir in folders(files) {
        sync_folder(&dir).map_err(|e| fail(&dir, &replaced, e))?;
    }
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn folders(files: &[PendingFile]) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = files.iter().map(|f| folder_of(&f.path)).collect();
    dirs.sort();
    dirs.dedup();
    dirs
}

fn write_temporary(file: &PendingFile) -> io::Result<NamedTempFile> {
    let mut temp = tempfile::Builder::new()
        .prefix(".gyokaku-")
        .suffix(".tmp")
        .tempfile_in(folder_of(&file.path))?;
    temp.write_all(&file.content)?;
    temp.flush()?;
    // The new file keeps the old one's permissions; a file that did not exist gets the usual
    // rw-r--r-- rather than the temporary's private rw-------.
    match fs::metadata(&file.path) {
        Ok(meta) => temp.as_file().set_permissions(meta.permissions())?,
        Err(_) => set_new_file_permissions(temp.as_file())?,
    }
    temp.as_file().sync_all()?;
    Ok(temp)
}

#[cfg(unix)]
fn set_new_file_permissions(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_folder(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        fs::write(&a, "old").unwrap();
        let b = dir.path().join("b.toml");
        commit(&[
            PendingFile {
                path: a.clone(),
                content: b"new a".to_vec(),
            },
            PendingFile {
                path: b.clone(),
                content: b"new b".to_vec(),
            },
        ])
        .unwrap();
        assert_eq!(fs::read_to_string(a).unwrap(), "new a");
        assert_eq!(fs::read_to_string(b).unwrap(), "new b");
        assert_eq!(files_in(dir.path()), ["a.toml", "b.toml"]);
    }

    #[test]
    fn a_crash_between_files_leaves_each_old_or_new_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (1..=3)
            .map(|i| dir.path().join(format!("{i}.toml")))
            .collect();
        for p in &paths {
            fs::write(p, "old").unwrap();
        }
        let pending: Vec<PendingFile> = paths
            .iter()
            .map(|p| PendingFile {
                path: p.clone(),
                content: b"new".to_vec(),
            })
            .collect();
        let mut seen = 0;
        let err = commit_with(&pending, &mut |_| {
            seen += 1;
            if seen == 2 {
                Err(io::Error::other("killed"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(err.replaced, vec![paths[0].clone()]);
        assert_eq!(err.path, paths[1]);
        let contents: Vec<String> = paths
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect();
        assert_eq!(contents, ["new", "old", "old"]);
        assert_eq!(files_in(dir.path()), ["1.toml", "2.toml", "3.toml"]);
        assert!(
            err.localize(Lang::En)
                .contains("1 file(s) already replaced"),
            "{err}"
        );
        assert!(
            err.localize(Lang::Ja).contains("1ファイルは更新済み"),
            "{err}"
        );
    }
}
