//! Benchmarks of the bundled plan: loading, compiling the rules, evaluating and summarising,
//! checking; and the default rules in Rhai against the same rules written in Rust
//! (`rules/rhai` ÷ `rules/native` is the cost of rules an analyst can edit; `rules/rhai quiet` ÷
//! `rules/native quiet` the same without explanations, as output that shows none runs). Run with
//! `cargo bench --bench evaluate`.

mod common;

use std::hint::black_box;
use std::sync::Arc;

use common::native;
use criterion::{criterion_group, criterion_main, Criterion};
use gyokaku::check::check_plan;
use gyokaku::engine::{CallSite, RuleInput, RuleSet};
use gyokaku::evaluation::{evaluate, rule_input, summarize};
use gyokaku::model::{load_plan, FiscalYear};

fn paths() -> (String, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    (format!("{root}/plans/isehara-6"), format!("{root}/rules"))
}

/// The default rules run through Rhai on one input, as evaluation calls them.
fn rhai(rules: &RuleSet, x: &Arc<RuleInput>) -> native::Native {
    let at = CallSite {
        item: Some(&x.id),
        year: &x.year,
    };
    let achievement = rules.achievement(x, at).unwrap();
    let rating = rules.rating(x, achievement.value, at).unwrap();
    let effect = rules.kind_effect(x, at).unwrap().map(|e| e.value);
    // Both explain in Japanese and English.
    let notes = achievement
        .trace
        .into_iter()
        .chain(rating.trace)
        .map(|t| (t.ja, t.en))
        .collect();
    native::Native {
        achievement: achievement.value,
        rating: rating.value.map(|l| match l.as_str() {
            "A" => "A",
            "B" => "B",
            "C" => "C",
            "D" => "D",
            other => panic!("label {other} is not on the default scale"),
        }),
        effect,
        notes,
    }
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

    // The same 71 inputs through the Rhai rules and through the native ones, which must agree.
    let inputs: Vec<Arc<RuleInput>> = (plan.items.iter())
        .map(|item| Arc::new(rule_input(&plan, item, year, &rules)))
        .collect();
    let mut quiet = RuleSet::load_dir(&rules_dir).expect("rules compile");
    quiet.remember_calls(false);
    quiet.explain_calls(false);
    for x in &inputs {
        assert_eq!(rhai(&rules, x), native::evaluate(x), "item {}", x.id);
        assert_eq!(rhai(&quiet, x), native::evaluate_quiet(x), "item {}", x.id);
    }
    // Every call run: the cost of the scripts themselves. The default rule set would answer
    // the repeated inputs from memory (`RuleSet::remember_calls`), which measures that instead.
    let mut running = RuleSet::load_dir(&rules_dir).expect("rules compile");
    running.remember_calls(false);
    // The same through the scripts' ASTs, each call starting anew (before the bytecode).
    let mut walking = RuleSet::load_dir(&rules_dir).expect("rules compile");
    walking.remember_calls(false);
    walking.run_as_bytecode(false);
    let mut quiet_walking = RuleSet::load_dir(&rules_dir).expect("rules compile");
    quiet_walking.remember_calls(false);
    quiet_walking.explain_calls(false);
    quiet_walking.run_as_bytecode(false);
    let mut group = c.benchmark_group("rules");
    group.bench_function("rhai (71 items: achievement, rating, effect)", |b| {
        b.iter(|| {
            for x in &inputs {
                black_box(rhai(&running, black_box(x)));
            }
        })
    });
    group.bench_function("rhai ast (71 items: achievement, rating, effect)", |b| {
        b.iter(|| {
            for x in &inputs {
                black_box(rhai(&walking, black_box(x)));
            }
        })
    });
    group.bench_function(
        "rhai remembered (71 items: achievement, rating, effect)",
        |b| {
            b.iter(|| {
                for x in &inputs {
                    black_box(rhai(&rules, black_box(x)));
                }
            })
        },
    );
    group.bench_function("native (71 items: achievement, rating, effect)", |b| {
        b.iter(|| {
            for x in &inputs {
                black_box(native::evaluate(black_box(x)));
            }
        })
    });
    // Without explanations, for output that shows none: `rhai quiet` ÷ `native quiet`.
    group.bench_function("rhai quiet (71 items: achievement, rating, effect)", |b| {
        b.iter(|| {
            for x in &inputs {
                black_box(rhai(&quiet, black_box(x)));
            }
        })
    });
    group.bench_function(
        "rhai quiet ast (71 items: achievement, rating, effect)",
        |b| {
            b.iter(|| {
                for x in &inputs {
                    black_box(rhai(&quiet_walking, black_box(x)));
                }
            })
        },
    );
    group.bench_function(
        "native quiet (71 items: achievement, rating, effect)",
        |b| {
            b.iter(|| {
                for x in &inputs {
                    black_box(native::evaluate_quiet(black_box(x)));
                }
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
