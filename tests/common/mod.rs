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
    cmd.current_dir(root()).args(args);
    cmd
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
