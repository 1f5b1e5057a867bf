//! Reading a plan's or a rule set's files safely: only regular files inside the folder they
//! belong to (a symlink to `/etc/passwd` or to a device is refused, so no error message can quote
//! it), and no more than a size limit (a symlink to `/dev/zero` or a named pipe cannot hang
//! the run or fill memory).

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The largest plan, item, rule test or `ruleset.toml` file read: far above any real one (the
/// longest item of the bundled plan is a few kB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

pub use crate::i18n::FileError;

impl From<FileError> for io::Error {
    /// Keeps the kind where there is one, and the typed error inside (`get_ref`).
    fn from(e: FileError) -> Self {
        let kind = match &e {
            FileError::Io { source, .. } => source.kind(),
            FileError::NotText { .. } => io::ErrorKind::InvalidData,
            _ => io::ErrorKind::Other,
        };
        io::Error::new(kind, e)
    }
}

/// Whether `path` resolves (through every symbolic link) to a place inside `folder`.
pub fn is_within(path: &Path, folder: &Path) -> io::Result<bool> {
    Ok(fs::canonicalize(path)?.starts_with(fs::canonicalize(folder)?))
}

/// Reads the text file `path`, which must be a regular file inside `folder` (after symbolic
/// links are resolved) of at most `limit` bytes.
pub fn read_text_within(path: &Path, folder: &Path, limit: u64) -> Result<String, FileError> {
    let io = |source: io::Error| FileError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !is_within(path, folder).map_err(io)? {
        return Err(FileError::OutsideFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    // Asked before opening: opening a named pipe would already wait for a writer.
    let meta = fs::metadata(path).map_err(io)?;
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
    String::from_utf8(bytes).map_err(|_| FileError::NotText {
        path: path.to_path_buf(),
    })
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
}
