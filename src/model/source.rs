//! Where plan files come from: a folder on disk, or memory (tests, embedding).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::read::{read_text_within, FileError, MAX_FILE_BYTES};

/// A file's name (for messages) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Shown in messages; for a folder source, the path on disk.
    pub path: PathBuf,
    /// The file's content.
    pub text: String,
}

impl SourceFile {
    /// A file from a name and its text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }
}

/// Gives the texts of a plan: its `plan.toml` and its `items/*.toml`.
pub trait PlanSource {
    /// The folder relative paths in the plan are resolved against (the `rules` key), if any.
    fn base_dir(&self) -> Option<&Path>;
    /// `plan.toml`.
    fn plan_file(&self) -> io::Result<SourceFile>;
    /// Every item file, in any order.
    fn item_files(&self) -> io::Result<Vec<SourceFile>>;
}

/// A plan folder on disk.
#[derive(Debug, Clone)]
pub struct DirSource {
    dir: PathBuf,
}

impl DirSource {
    /// The plan in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        DirSource { dir: dir.into() }
    }
}

/// Reads a file of the plan in `dir`: a regular file inside it, of at most [`MAX_FILE_BYTES`].
fn read(path: PathBuf, dir: &Path) -> io::Result<SourceFile> {
    let text = read_text_within(&path, dir, MAX_FILE_BYTES)?;
    Ok(SourceFile { path, text })
}

impl PlanSource for DirSource {
    fn base_dir(&self) -> Option<&Path> {
        Some(&self.dir)
    }

    fn plan_file(&self) -> io::Result<SourceFile> {
        read(self.dir.join("plan.toml"), &self.dir)
    }

    fn item_files(&self) -> io::Result<Vec<SourceFile>> {
        self.item_paths()?
            .into_iter()
            .map(|p| read(p, &self.dir))
            .collect()
    }
}

impl DirSource {
    /// The plan's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads one file of the plan (an item file of [`DirSource::item_paths`]).
    pub(crate) fn read_item(&self, path: &Path) -> io::Result<SourceFile> {
        read(path.to_path_buf(), &self.dir)
    }

    /// The paths of the item files (`items/*.toml`), in name order.
    pub fn item_paths(&self) -> io::Result<Vec<PathBuf>> {
        Ok(self
            .listed(|_, _| Ok(()))?
            .into_iter()
            .map(|(p, ())| p)
            .collect())
    }

    /// The item files of [`DirSource::item_paths`], each with its metadata (that of the file a
    /// symbolic link leads to): one listing of `items/`, each file looked up in it rather than
    /// from the root, so that the thousands of a folder of plans are quick to look at.
    pub fn item_paths_with_metadata(&self) -> io::Result<Vec<(PathBuf, fs::Metadata)>> {
        self.listed(|entry, path| match entry.file_type()?.is_symlink() {
            true => fs::metadata(path),
            false => entry.metadata(),
        })
    }

    /// Every `items/*.toml` in name order, with what `each` finds of it.
    fn listed<T>(
        &self,
        each: impl Fn(&fs::DirEntry, &Path) -> io::Result<T>,
    ) -> io::Result<Vec<(PathBuf, T)>> {
        let dir = self.dir.join("items");
        let entries = fs::read_dir(&dir).map_err(|source| FileError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let found = each(&entry, &path)?;
                listed.push((path, found));
            }
        }
        // All in one folder: the paths differ only in their names, so comparing them as
        // strings orders them as paths (and quicker than component by component).
        listed.sort_by(|(a, _), (b, _)| a.as_os_str().cmp(b.as_os_str()));
        Ok(listed)
    }
}

/// A plan held in memory.
#[derive(Debug, Clone)]
pub struct MemorySource {
    /// `plan.toml`.
    pub plan: SourceFile,
    /// The item files; each path's file name gives the item id.
    pub items: Vec<SourceFile>,
}

impl PlanSource for MemorySource {
    fn base_dir(&self) -> Option<&Path> {
        None
    }

    fn plan_file(&self) -> io::Result<SourceFile> {
        Ok(self.plan.clone())
    }

    fn item_files(&self) -> io::Result<Vec<SourceFile>> {
        Ok(self.items.clone())
    }
}
