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

/// The agreement of the default rules with the recorded ratings, as README.md states it: the
/// figures are computed here and must appear in the README word for word, so the text cannot
/// drift from what the rules do.
#[test]
fn the_readme_states_the_agreement_of_the_default_rules() {
    let root = env!("CARGO_MANIFEST_DIR");
    let plan = load_plan(format!("{root}/plans/isehara-6")).expect("the bundled plan loads");
    let rules = RuleSet::load_dir(format!("{root}/rules")).expect("the default rules compile");
    let ev = evaluate(&plan, &rules, FiscalYear::reiwa(5)).expect("every rule runs");
    let report = gyokaku::evaluation::agreement(&ev);
    let suggested = ev.items.iter().filter(|e| e.suggested.is_some()).count();
    let weak = ev
        .items
        .iter()
        .filter(|e| e.reading.as_ref().is_some_and(|r| r.weak))
        .count();

    // What the issue asks of them: a suggestion for at least 69 of 71 items, at least 85%
    // agreement on the items read from their text, at least 95% on the numeric ones.
    assert!(suggested >= 69, "{suggested} suggestions");
    let share = |f: gyokaku::evaluation::Figure| f.agree * 100 / (f.agree + f.differ).max(1);
    assert!(
        share(report.from_text) >= 85,
        "{}",
        report.from_text.text(gyokaku::i18n::Lang::En)
    );
    assert!(
        share(report.from_numbers) >= 95,
        "{}",
        report.from_numbers.text(gyokaku::i18n::Lang::En)
    );

    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    for stated in [
        format!("**{suggested} of {} items**", ev.items.len()),
        format!("**{}**", report.figure(gyokaku::i18n::Lang::En)),
        format!(
            "**{}** of those rated from their numbers",
            report.from_numbers.text(gyokaku::i18n::Lang::En)
        ),
        format!(
            "**{}** of the milestones and zero targets",
            report.from_text.text(gyokaku::i18n::Lang::En)
        ),
        format!("{weak} of the text readings are marked weak"),
    ] {
        assert!(
            readme.contains(&stated),
            "README.md should state {stated:?}"
        );
    }
}
