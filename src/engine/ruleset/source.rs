//! Where rule files come from: a folder on disk, or memory (tests, embedding).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::{read_text_within, FileError, SourceFile, MAX_FILE_BYTES};

/// Gives the files of a rule set, each named by its path relative to the rule set's folder
/// (`ruleset.toml`, `rating.rhai`, `judgement.rhai`, `kinds/higher_better.rhai`,
/// `data/phrases.toml` …).
pub trait RuleSource {
    /// Where the rule set lives, for messages and audit ("rules/").
    fn location(&self) -> String;
    /// Every file of the rule set (tests under `tests/` need not be included).
    fn files(&self) -> io::Result<Vec<SourceFile>>;
    /// The rule set that `extends = "…"` in this one's ruleset.toml names, relative to it.
    /// Rule sets held in memory extend none.
    fn extended(&self, path: &str) -> io::Result<Box<dyn RuleSource>> {
        Err(crate::i18n::io_error(
            io::ErrorKind::Unsupported,
            crate::engine::RuleConfigProblem::ExtendsFromMemory {
                location: self.location(),
                path: path.to_string(),
            },
        ))
    }
}

/// A rule set folder on disk.
#[derive(Debug, Clone)]
pub struct DirRules {
    dir: PathBuf,
}

impl DirRules {
    /// The rule set in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        DirRules { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl RuleSource for DirRules {
    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn extended(&self, path: &str) -> io::Result<Box<dyn RuleSource>> {
        Ok(Box::new(DirRules::new(crate::model::normalize(
            &self.dir.join(path),
        ))))
    }

    fn files(&self) -> io::Result<Vec<SourceFile>> {
        let mut files = Vec::new();
        for sub in ["", "kinds", crate::engine::DATA_DIR] {
            let dir = self.dir.join(sub);
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) if !sub.is_empty() && e.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => return Err(FileError::Io { path: dir, source }.into()),
            };
            let mut names = Vec::new();
            for entry in entries {
                let path = entry?.path();
                let keep = path.extension().is_some_and(|e| match sub {
                    "kinds" => e == "rhai",
                    "" => e == "rhai" || e == "toml",
                    _ => e == "toml",
                });
                if keep {
                    names.push(path);
                }
            }
            names.sort();
            for path in names {
                // A script, not data: its own, smaller, limit keeps compiling quick.
                let limit = if path.extension().is_some_and(|e| e == "rhai") {
                    super::limits::MAX_SCRIPT_BYTES
                } else {
                    MAX_FILE_BYTES
                };
                let text = read_text_within(&path, &self.dir, limit)?;
                let rel = path.strip_prefix(&self.dir).unwrap_or(&path).to_path_buf();
                files.push(SourceFile { path: rel, text });
            }
        }
        Ok(files)
    }
}

/// A rule set held in memory.
#[derive(Debug, Clone)]
pub struct MemoryRules {
    /// Shown in messages.
    pub name: String,
    /// The files, with paths relative to the rule set's folder.
    pub files: Vec<SourceFile>,
}

impl RuleSource for MemoryRules {
    fn location(&self) -> String {
        self.name.clone()
    }

    fn files(&self) -> io::Result<Vec<SourceFile>> {
        Ok(self.files.clone())
    }
}

/// A rule set folder with one file's text replaced in memory: what an edit would make of the
/// rule set, tried before it is saved (the workbench's rule playground). Messages name the
/// folder's files as on disk, and the rule sets it extends are read from disk as usual.
#[derive(Debug, Clone)]
pub struct EditedRules {
    dir: DirRules,
    /// The file replaced, relative to the folder (`rating.rhai`, `data/phrases.toml`).
    file: PathBuf,
    text: String,
}

impl EditedRules {
    /// The rule set in `dir` with `file`'s text replaced by `text`.
    pub fn new(dir: impl Into<PathBuf>, file: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        EditedRules {
            dir: DirRules::new(dir),
            file: file.into(),
            text: text.into(),
        }
    }
}

impl RuleSource for EditedRules {
    fn location(&self) -> String {
        self.dir.location()
    }

    fn extended(&self, path: &str) -> io::Result<Box<dyn RuleSource>> {
        self.dir.extended(path)
    }

    fn files(&self) -> io::Result<Vec<SourceFile>> {
        // The edit is held to the limit a file on disk is read with.
        let limit = if self.file.extension().is_some_and(|e| e == "rhai") {
            super::limits::MAX_SCRIPT_BYTES
        } else {
            MAX_FILE_BYTES
        };
        if self.text.len() as u64 > limit {
            return Err(FileError::TooLarge {
                path: self.dir.dir().join(&self.file),
                limit,
            }
            .into());
        }
        let mut files = self.dir.files()?;
        match files.iter_mut().find(|f| f.path == self.file) {
            Some(f) => f.text = self.text.clone(),
            None => files.push(SourceFile {
                path: self.file.clone(),
                text: self.text.clone(),
            }),
        }
        Ok(files)
    }
}
