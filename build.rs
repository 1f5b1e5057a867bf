//! Fingerprints gyokaku's source for its caches (src/model/cache.rs, src/evaluation/stored.rs):
//! a build that reads plans or evaluates them differently reads no entry that another build
//! wrote, even at the same version number.
//!
//! - `GYOKAKU_MODEL_FINGERPRINT`: the plan model (`src/model`), for the cache of parsed plans;
//! - `GYOKAKU_BUILD_FINGERPRINT`: all of `src` and `Cargo.lock` (the rule engine's version
//!   among them), for stored evaluations.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("source folder entry").path();
        if path.is_dir() {
            sources(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn fingerprint(files: &[PathBuf]) -> String {
    let mut hasher = DefaultHasher::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(file).expect("source file"));
    }
    format!("{:016x}", hasher.finish())
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut model = Vec::new();
    sources(Path::new("src/model"), &mut model);
    model.sort();
    let mut all = Vec::new();
    sources(Path::new("src"), &mut all);
    all.sort();
    all.push(PathBuf::from("Cargo.lock"));
    println!(
        "cargo:rustc-env=GYOKAKU_MODEL_FINGERPRINT={}",
        fingerprint(&model)
    );
    println!(
        "cargo:rustc-env=GYOKAKU_BUILD_FINGERPRINT={}",
        fingerprint(&all)
    );
}
