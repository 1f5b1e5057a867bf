//! The official FY2023 (令和5年度) figures of Isehara City's report, asserted number by number
//! against what gyokaku computes from the 71 items.

use gyokaku::engine::RuleSet;
use gyokaku::evaluation::{evaluate, summarize, Summary};
use gyokaku::model::{load_plan, FiscalYear};
use rust_decimal::Decimal;

fn summary() -> Summary {
    let root = env!("CARGO_MANIFEST_DIR");
    let plan = load_plan(format!("{root}/plans/isehara-6")).expect("the bundled plan loads");
    let rules = RuleSet::load_dir(format!("{root}/rules")).expect("the default rules compile");
    let ev = evaluate(&plan, &rules, FiscalYear::reiwa(5)).expect("every rule runs");
    summarize(&plan, &ev)
}

#[test]
fn seventy_one_items_in_five_policies() {
    let s = summary();
    let counts: Vec<usize> = s.policies.iter().map(|p| p.recorded.total).collect();
    assert_eq!(counts, [18, 19, 8, 7, 19]);
    assert_eq!(s.recorded.total, 71);
}

#[test]
fn rating_counts_per_policy_and_in_total() {
    let s = summary();
    let official = [
        (1, [4, 9, 5, 0]),
        (2, [5, 11, 3, 0]),
        (3, [2, 6, 0, 0]),
        (4, [0, 7, 0, 0]),
        (5, [6, 10, 3, 0]),
    ];
    for (policy, abcd) in official {
        let p = s.policies.iter().find(|p| p.number == policy).unwrap();
        let got: Vec<usize> = ["A", "B", "C", "D"]
            .iter()
            .map(|l| p.recorded.get(l))
            .collect();
        assert_eq!(got, abcd, "policy {policy}");
        assert_eq!(p.recorded.unrated, 0, "policy {policy}");
    }
    let total: Vec<usize> = ["A", "B", "C", "D"]
        .iter()
        .map(|l| s.recorded.get(l))
        .collect();
    assert_eq!(total, [17, 43, 11, 0]);
}

#[test]
fn effect_amounts_per_policy_and_in_total() {
    let s = summary();
    let official: [(u32, i64, i64); 5] = [
        (1, 29_273, 592_300),
        (2, 4_565, 6_594),
        (3, 4_471, 5_079),
        (4, 0, 0),
        (5, 190_211, 193_760),
    ];
    for (policy, expected, actual) in official {
        let p = s.policies.iter().find(|p| p.number == policy).unwrap();
        assert_eq!(
            p.effects.expected,
            Decimal::from(expected),
            "policy {policy} 効果見込額"
        );
        assert_eq!(
            p.effects.actual,
            Decimal::from(actual),
            "policy {policy} 実績効果額"
        );
    }
    assert_eq!(s.effects.expected, Decimal::from(228_520));
    assert_eq!(s.effects.actual, Decimal::from(797_733));
}

#[test]
fn theme_effects_add_up_to_their_policies() {
    let s = summary();
    for p in &s.policies {
        let (e, a) = s
            .themes
            .iter()
            .filter(|t| t.policy == p.number)
            .fold((Decimal::ZERO, Decimal::ZERO), |(e, a), t| {
                (e + t.effects.expected, a + t.effects.actual)
            });
        assert_eq!(
            (e, a),
            (p.effects.expected, p.effects.actual),
            "policy {}",
            p.number
        );
    }
}
