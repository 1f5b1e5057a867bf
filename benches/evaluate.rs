//! Benchmarks: loading the plan, compiling the rules, evaluating and summarising the whole plan.
//! Run with `cargo bench`.

use criterion::{criterion_group, criterion_main, Criterion};
use gyokaku::check::check_plan;
use gyokaku::engine::RuleSet;
use gyokaku::evaluation::{evaluate, summarize};
use gyokaku::model::{load_plan, FiscalYear};

fn paths() -> (String, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    (format!("{root}/plans/isehara-6"), format!("{root}/rules"))
}

fn bench(c: &mut Criterion) {
    let (plan_dir, rules_dir) = paths();
    let plan = load_plan(&plan_dir).expect("plan loads");
    let rules = RuleSet::load_dir(&rules_dir).expect("rules compile");
    let year = FiscalYear::reiwa(5);

    c.bench_function("load plan (71 items)", |b| {
        b.iter(|| load_plan(&plan_dir).unwrap())
    });
    c.bench_function("compile rule set", |b| {
        b.iter(|| RuleSet::load_dir(&rules_dir).unwrap())
    });
    c.bench_function("evaluate plan for R5", |b| {
        b.iter(|| evaluate(&plan, &rules, year).unwrap())
    });
    c.bench_function("evaluate + summarize", |b| {
        b.iter(|| {
            let ev = evaluate(&plan, &rules, year).unwrap();
            summarize(&plan, &ev)
        })
    });
    c.bench_function("check plan", |b| b.iter(|| check_plan(&plan, &rules)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
