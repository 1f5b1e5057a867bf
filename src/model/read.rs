//! Reading a plan's or a rule set's files safely: only regular files inside the folder they
//! belong to (a symlink to `/etc/passwd` or to a device is refused, so no error message can quote
//! it), and no more than a size limit (a symlink to `/dev/zero` or a named pipe cannot hang
//! the run or fill memory).

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

crate::i18n::messages! {
    /// A plan, rule or case file that is not read.
    #[derive(Debug)]
    pub enum FileError {
        /// A folder, a named pipe, a device…
        NotRegular { path: PathBuf } =>
            ja: "{path}: 通常のファイルではありません",
            en: "{path}: not a regular file";
        /// Larger than the limit.
        TooLarge { path: PathBuf, limit: u64 } =>
            ja: "{path}: ファイルが {limit} バイトより大きいため読みません",
            en: "{path}: the file is larger than {limit} bytes";
        /// Through a symbolic link (of the file or a folder on its way), outside the folder.
        OutsideFolder { path: PathBuf, folder: PathBuf } =>
            ja: "{path}: (シンボリックリンクの先が) {folder} の外にあるため読みません",
            en: "{path}: the file lies outside {folder} (through a symbolic link) and is not read";
        /// Not UTF-8 text.
        NotText { path: PathBuf } =>
            ja: "{path}: UTF-8 のテキストではありません",
            en: "{path}: not UTF-8 text";
        /// The system could not read it.
        Io { path: PathBuf, source: std::io::Error } =>
            ja: "{path}: {source}",
            en: "{path}: {source}";
        /// A folder given as plans that is neither a plan folder nor holds any.
        NoPlans { path: PathBuf } =>
            ja: "{path}: 計画のフォルダ (plan.toml のあるフォルダ) でも、計画のフォルダを含むフォルダでもありません",
            en: "{path}: neither a plan folder (no plan.toml) nor a folder of plan folders";
    }
}

/// The largest plan, item, rule test or `ruleset.toml` file read: far above any real one (the
/// longest item of the bundled plan is a few kB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

impl From<FileError> for io::Error {
    /// Keeps the kind where there is one, and the typed error inside
    /// ([`crate::i18n::io_error`]).
    fn from(e: FileError) -> Self {
        let kind = match &e {
            FileError::Io { source, .. } => source.kind(),
            FileError::NotText { .. } => io::ErrorKind::InvalidData,
            _ => io::ErrorKind::Other,
        };
        crate::i18n::io_error(kind, e)
    }
}

/// Whether `path` resolves (through every symbolic link) to a place inside `folder`.
pub fn is_within(path: &Path, folder: &Path) -> io::Result<bool> {
    Ok(metadata_within(path, folder)?.is_some())
}

/// What `path` is (symbolic links followed) when it resolves to a place inside `folder`;
/// `None` when it resolves outside.
///
/// The common case needs no resolving of whole paths: `path` is `folder` joined with plain
/// names (no `..`), none of them a symbolic link. It then lies inside `folder` wherever that
/// folder itself is, and the look at its last name is the file's own metadata: one `lstat`
/// per name below `folder` instead of a `readlink` for every name of both paths from the
/// root (a folder of 120,000 plan items spent seconds of system time there).
fn metadata_within(path: &Path, folder: &Path) -> io::Result<Option<fs::Metadata>> {
    if let Ok(below) = path.strip_prefix(folder) {
        let plain = below
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if plain && below.components().next().is_some() {
            let mut at = folder.to_path_buf();
            let mut last = None;
            for name in below.components() {
                at.push(name);
                let meta = fs::symlink_metadata(&at)?;
                if meta.file_type().is_symlink() {
                    last = None;
                    break;
                }
                last = Some(meta);
            }
            if last.is_some() {
                return Ok(last);
            }
        }
    }
    // A symbolic link on the way, `..`, or a path not written below `folder`: resolve both.
    if fs::canonicalize(path)?.starts_with(fs::canonicalize(folder)?) {
        fs::metadata(path).map(Some)
    } else {
        Ok(None)
    }
}

/// Reads the text file `path`, which must be a regular file inside `folder` (after symbolic
/// links are resolved) of at most `limit` bytes.
pub fn read_text_within(path: &Path, folder: &Path, limit: u64) -> Result<String, FileError> {
    let io = |source: io::Error| FileError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Asked before opening: opening a named pipe would already wait for a writer.
    let Some(meta) = metadata_within(path, folder).map_err(io)? else {
        return Err(FileError::OutsideFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    };
    if !meta.is_file() {
        return Err(FileError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    let too_large = || FileError::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    // Room for the whole file (and one byte more, to see it end): read in one or two calls.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len() + 1).unwrap_or(0));
    fs::File::open(path)
        .map_err(io)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        // It grew between the two looks.
        return Err(too_large());
    }
    // Checked with SIMD and copied: the standard library's check goes character by character
    // through Japanese text, four times the instructions of the copy (5 % of a cold run).
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => Err(FileError::NotText {
            path: path.to_path_buf(),
        }),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_inside_the_folder_and_within_the_limit() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("plan");
        fs::create_dir(&folder).unwrap();
        let ok = folder.join("a.toml");
        fs::write(&ok, "x = 1").unwrap();
        assert_eq!(read_text_within(&ok, &folder, 100).unwrap(), "x = 1");
        assert!(matches!(
            read_text_within(&ok, &folder, 3),
            Err(FileError::TooLarge { .. })
        ));
        let outside = tmp.path().join("secret.toml");
        fs::write(&outside, "secret").unwrap();
        let link = folder.join("b.toml");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        assert!(matches!(
            read_text_within(&link, &folder, 100),
            Err(FileError::OutsideFolder { .. })
        ));
        let inside_link = folder.join("c.toml");
        std::os::unix::fs::symlink(&ok, &inside_link).unwrap();
        assert_eq!(
            read_text_within(&inside_link, &folder, 100).unwrap(),
            "x = 1"
        );
        let zero = folder.join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(read_text_within(&zero, &folder, 100).is_err());
        assert!(matches!(
            read_text_within(&folder, tmp.path(), 100),
            Err(FileError::NotRegular { .. })
        ));
        fs::write(folder.join("bin.toml"), [0xff, 0xfe]).unwrap();
        assert!(matches!(
            read_text_within(&folder.join("bin.toml"), &folder, 100),
            Err(FileError::NotText { .. })
        ));
    }

    #[test]
    fn a_folder_on_the_way_is_followed_like_the_file_itself() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("plan");
        fs::create_dir_all(folder.join("items")).unwrap();
        fs::write(folder.join("items/1-1-01.toml"), "x = 1").unwrap();
        let outside = tmp.path().join("elsewhere");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("1-1-01.toml"), "secret").unwrap();

        // Plain names below the folder.
        let nested = folder.join("items/1-1-01.toml");
        assert_eq!(read_text_within(&nested, &folder, 100).unwrap(), "x = 1");
        assert!(is_within(&nested, &folder).unwrap());
        // A folder on the way that is a link out of the plan, or `..`, leaves it.
        std::os::unix::fs::symlink(&outside, folder.join("linked")).unwrap();
        let through_link = folder.join("linked/1-1-01.toml");
        assert!(matches!(
            read_text_within(&through_link, &folder, 100),
            Err(FileError::OutsideFolder { .. })
        ));
        let up = folder.join("../elsewhere/1-1-01.toml");
        assert!(!is_within(&up, &folder).unwrap());
        // A link on the way that stays inside is followed.
        std::os::unix::fs::symlink(folder.join("items"), folder.join("same")).unwrap();
        let inside = folder.join("same/1-1-01.toml");
        assert_eq!(read_text_within(&inside, &folder, 100).unwrap(), "x = 1");
        // The folder itself may be reached through a link.
        let alias = tmp.path().join("alias");
        std::os::unix::fs::symlink(&folder, &alias).unwrap();
        assert_eq!(
            read_text_within(&alias.join("items/1-1-01.toml"), &alias, 100).unwrap(),
            "x = 1"
        );
        // A missing file is the system's "not found", as before.
        match read_text_within(&folder.join("items/9-9-99.toml"), &folder, 100) {
            Err(FileError::Io { source, .. }) => {
                assert_eq!(source.kind(), io::ErrorKind::NotFound)
            }
            other => panic!("expected not found, got {other:?}"),
        }
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
