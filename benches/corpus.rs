//! Many plans: `summary` over synthetic corpora of perturbed clones of the bundled plan (see
//! `common/corpus.rs`), every year of every plan, plans and items in parallel. Sizes: 1 plan
//! (71 items), 100 plans (7,100 items) and, with `GYOKAKU_BENCH_NATIONAL=1`, the national
//! scale of 1,741 plans (123,611 items, 618,055 item-years). Corpora are written once under
//! `target/bench-corpus/` and reused. Each size is summed up from the TOML files and through a
//! warm cache (parsed plans, evaluations and sums stored by a first run). `load 100 plans`:
//! loading alone, parsed against cached.
//!
//! ```text
//! cargo bench --bench corpus
//! GYOKAKU_BENCH_NATIONAL=1 cargo bench --bench corpus -- national
//! cargo bench --bench corpus -- load
//! ```

mod common;

use std::path::Path;
use std::time::Duration;

use common::corpus;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gyokaku::evaluation::CorpusSummary;
use gyokaku::model::{plan_folders, CacheUse, PlanCache, PlanLoader, RACY_SECONDS};
use gyokaku::{Workspace, Years};

/// `summary DIR --year all` in `workspace`.
fn summarize(workspace: &Workspace, dir: &Path) -> CorpusSummary {
    workspace.summarize_plans(dir, Years::All).expect("summary")
}

fn bench(c: &mut Criterion) {
    let mut sizes = vec![("71 items", 1), ("7,100 items", 100)];
    if std::env::var_os("GYOKAKU_BENCH_NATIONAL").is_some() {
        sizes.push(("national, 123,611 items", 1741));
    }
    let mut group = c.benchmark_group("summary --year all");
    for (name, plans) in sizes {
        let dir = corpus::ensure(&corpus::default_dir(plans), plans).expect("corpus written");
        let folders = plan_folders(&dir).expect("plan folders");
        // Item-years: the unit "cost per item" is measured in.
        group.throughput(Throughput::Elements(plans as u64 * 71 * 5));
        if plans > 100 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(60));
        } else {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(10));
        }
        // As `gyokaku summary` runs: nothing it prints explains, so the rules build no
        // explanation (the stored evaluations of the warm cache are those summary writes).
        let files_only = Workspace::new().with_explanations(false);
        group.bench_function(name, |b| b.iter(|| summarize(&files_only, &dir)));
        // The same through a warm cache (its own folder under `target/`): every plan's files,
        // evaluations and sums stored by a first run, as a second run over unchanged plans
        // and rules finds them.
        let cached = Workspace::cached(PlanCache::new(
            dir.with_file_name(format!("cache-summary-{plans}")),
        ))
        .with_explanations(false);
        warm_up(&dir, &folders, &cached);
        group.bench_function(format!("{name}, warm cache"), |b| {
            b.iter(|| summarize(&cached, &dir))
        });
    }
    group.finish();
}

/// Runs the summary through `loader` until every plan is in its cache: a corpus just written
/// is younger than the racy window, and is waited for.
fn warm_up(dir: &Path, folders: &[std::path::PathBuf], workspace: &Workspace) {
    let cache = workspace.loader().cache().expect("a cache");
    summarize(workspace, dir);
    let settled =
        || (folders.iter()).all(|f| cache.load_telling(f).expect("plan loads").1 == CacheUse::Read);
    if !settled() {
        std::thread::sleep(Duration::from_secs(RACY_SECONDS + 1));
        summarize(workspace, dir);
        assert!(settled(), "every plan cached");
    }
}

/// Loading alone, every plan of the 100-plan corpus one after the other: parsing the files
/// against reading the cache of parsed plans (warmed first; its folder under `target/`).
fn load(c: &mut Criterion) {
    let dir = corpus::ensure(&corpus::default_dir(100), 100).expect("corpus written");
    let folders = plan_folders(&dir).expect("plan folders");
    let cache = PlanCache::new(dir.with_file_name("cache-100"));
    let parse = PlanLoader::default();
    let cached = PlanLoader::cached(cache.clone());
    // A corpus just written is younger than the racy window: wait for it, so that the cache
    // holds every plan.
    let warm = || {
        (folders.iter())
            .map(|f| cache.load_telling(f).expect("plan loads").1)
            .all(|used| used != CacheUse::Parsed)
    };
    if !warm() {
        std::thread::sleep(Duration::from_secs(RACY_SECONDS + 1));
        assert!(warm(), "every plan cached");
    }
    let mut group = c.benchmark_group("load 100 plans");
    group.throughput(Throughput::Elements(100 * 71));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for (name, loader) in [("parsed", &parse), ("cached", &cached)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for folder in &folders {
                    loader.load(folder).expect("plan loads");
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, load);
criterion_main!(benches);
