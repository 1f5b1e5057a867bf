//! Shared helpers for integration tests: run the real binary from the repository root.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root (tests run the binary from here, as a user would).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `gyokaku ARGS…` run in the repository root.
pub fn gyokaku(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("gyokaku").expect("the gyokaku binary is built");
    // Japanese unless a test asks for English, whatever the caller's environment says.
    cmd.current_dir(root())
        .args(args)
        .env_remove("GYOKAKU_LANG")
        .env("GYOKAKU_CACHE_DIR", test_cache());
    cmd
}

/// The cache of parsed plans the tests use (under `target/`, never the user's).
pub fn test_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gyokaku-cache")
}

/// Runs `gyokaku ARGS…`, asserts its exit code and returns stdout.
pub fn stdout_of(args: &[&str], code: i32) -> String {
    let out = gyokaku(args).output().expect("gyokaku runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "gyokaku {args:?} exited {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `gyokaku ARGS…`, asserts its exit code and returns stderr.
pub fn stderr_of(args: &[&str], code: i32) -> String {
    let out = gyokaku(args).output().expect("gyokaku runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "gyokaku {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).expect("UTF-8 output")
}

/// Copies a folder tree (plan or rules) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the bundled plan and the default rules in a temporary folder, to break on purpose.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// Copies `plans/isehara-6` to `<tmp>/plan` and `rules` to `<tmp>/rules`.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_tree(&root().join("plans/isehara-6"), &dir.path().join("plan"));
        copy_tree(&root().join("rules"), &dir.path().join("rules"));
        Sandbox { dir }
    }

    /// A path inside the sandbox (`plan/items/1-1-1.toml`, `rules/…`).
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The plan folder.
    pub fn plan(&self) -> PathBuf {
        self.dir.path().join("plan")
    }

    /// The rules folder.
    pub fn rules(&self) -> PathBuf {
        self.dir.path().join("rules")
    }

    /// Replaces `from` by `to` in the file at `path` (relative to the sandbox: `plan/items/…`,
    /// `rules/…`); `from` must be there, so an edit can't silently do nothing.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let file = self.dir.path().join(path);
        let text = std::fs::read_to_string(&file).expect("the file to edit exists");
        assert!(text.contains(from), "{path} does not contain {from:?}");
        std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    }

    /// Writes a whole file.
    pub fn write(&self, path: &str, text: &str) {
        std::fs::write(self.dir.path().join(path), text).unwrap();
    }

    /// `ARGS… <plan> --rules <rules>`: a command on the sandbox's plan and rules.
    pub fn args<'a>(&'a self, args: &[&'a str]) -> Vec<String> {
        let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        v.push(self.plan().display().to_string());
        v.push("--rules".into());
        v.push(self.rules().display().to_string());
        v
    }
}

/// Runs `gyokaku ARGS…` on a sandbox, asserts the exit code, returns (stdout, stderr).
pub fn run_on(sandbox: &Sandbox, args: &[&str], code: i32) -> (String, String) {
    let args = sandbox.args(args);
    output_of(&args.iter().map(String::as_str).collect::<Vec<_>>(), code)
}

/// Runs `gyokaku ARGS…`, asserts the exit code, returns (stdout, stderr).
pub fn output_of(args: &[&str], code: i32) -> (String, String) {
    let out = gyokaku(args).output().expect("gyokaku runs");
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(
        out.status.code(),
        Some(code),
        "gyokaku {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    (stdout, stderr)
}
