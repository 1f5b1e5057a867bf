//! Fingerprints the plan model's source for the cache of parsed plans (src/model/cache.rs): a
//! build whose model is written differently reads no entry that an earlier build wrote, even
//! at the same version number.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::Path;

fn main() {
    let model = Path::new("src/model");
    println!("cargo:rerun-if-changed={}", model.display());
    let mut files: Vec<_> = std::fs::read_dir(model)
        .expect("src/model")
        .map(|e| e.expect("src/model entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).expect("model source"));
    }
    println!(
        "cargo:rustc-env=GYOKAKU_MODEL_FINGERPRINT={:016x}",
        hasher.finish()
    );
}
