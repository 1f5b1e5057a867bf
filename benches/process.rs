//! Whole processes, as a user starts them: `gyokaku summary` on the bundled plan through a warm
//! cache (a folder of its own under `target/`), and `gyokaku --version`, the bare cost of
//! starting the program. The goals of issue 24 are medians of these, in wall time on a quiet
//! machine: the summary in 4 ms, the version in 2 ms.
//!
//! ```text
//! cargo bench --bench process
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

/// `gyokaku ARGS…` run to its end in the repository's root, with `cache` as its cache folder.
fn run(args: &[&str], cache: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_gyokaku"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GYOKAKU_CACHE_DIR", cache)
        .output()
        .expect("gyokaku runs");
    assert!(
        out.status.success(),
        "gyokaku {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn bench(c: &mut Criterion) {
    let cache: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-process-cache");
    // Twice: the first run may find the plan's files too young to be cached (the racy window).
    run(&["summary"], &cache);
    std::thread::sleep(Duration::from_secs(gyokaku::model::RACY_SECONDS + 1));
    run(&["summary"], &cache);
    let mut group = c.benchmark_group("process");
    group.sample_size(50);
    group.bench_function("summary (bundled plan, warm cache)", |b| {
        b.iter(|| run(&["summary"], &cache))
    });
    group.bench_function("--version", |b| b.iter(|| run(&["--version"], &cache)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
