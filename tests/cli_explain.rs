//! `gyokaku explain ID`: one item's evaluation step by step — inputs, rule calls, notes,
//! results, the effect formula, the recorded rating beside the suggestion.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{copy_tree, root, stderr_of, stdout_of};

#[test]
fn a_cumulative_item_with_its_own_formula() {
    let out = stdout_of(&["explain", "5-8-3"], 0);
    // Which file and function ran, the band crossed, the formula.
    for expected in [
        "1. achievement(x) — rules/kinds/cumulative.rhai",
        "explain: 増加分 15,100 (25,900 − 現状値 10,800) ÷ 計画増加分 10,000 = 151.0%",
        "2. rating(x, 1.51) — rules/rating.rhai",
        "explain: 100%超 → A",
        "3. effect = \"value - previous\" (実績値から: 算定効果額) — plans/isehara-6/items/5-8-3.toml:",
        "value - previous (value = 25900、previous = 10800、baseline = 10800、total = ())",
    ] {
        assert!(out.contains(expected), "{expected:?} in\n{out}");
    }
    insta::assert_snapshot!("explain_5_8_3", out);
}

#[test]
fn a_disagreement_in_english_shows_both_ratings() {
    let out = stdout_of(&["explain", "1-3-4", "--year", "R5", "--lang", "en"], 0);
    assert!(out.contains("B roughly on plan"), "{out}");
    assert!(out.contains("C behind plan"), "{out}");
    assert!(out.contains("differs"), "{out}");
    // The rules' English, not their Japanese.
    assert!(out.contains("explain: 80% to 100% → B"), "{out}");
    assert!(!out.contains("80%以上100%以下"), "{out}");
    insta::assert_snapshot!("explain_1_3_4_en", out);
}

#[test]
fn a_milestone_left_to_judgement_in_markdown() {
    insta::assert_snapshot!(
        "explain_1_1_4_md",
        stdout_of(&["explain", "1-1-4", "--format", "md"], 0)
    );
}

#[test]
fn json_gives_every_input_and_every_step() {
    let out = stdout_of(&["explain", "5-10-1", "--format", "json"], 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let inputs = json["inputs"].as_object().unwrap();
    // 市債 "30億円以内", actual 12.6億円: the bound and whether it was kept.
    assert_eq!(inputs["target"], "30");
    assert_eq!(inputs["actual"], "12.6");
    assert_eq!(inputs["bound"], "<=");
    assert_eq!(inputs["within_bound"], true);
    assert_eq!(inputs["target_text"], "30億円以内");
    assert_eq!(inputs["expected_effect"], serde_json::Value::Null);
    let steps = json["steps"].as_array().unwrap();
    assert_eq!(steps[0]["file"], "rules/kinds/upper_bound.rhai");
    assert_eq!(steps[0]["function"], "achievement");
    assert_eq!(steps[1]["file"], "rules/rating.rhai");
    assert_eq!(steps[1]["function"], "rating");
    assert_eq!(steps[1]["result"], "A");
    assert_eq!(json["suggested"], "A");
    assert_eq!(json["recorded"], "A");
    assert_eq!(json["agreement"], "agrees");
    assert_eq!(json["rules"]["name"], "isehara-default");
}

#[test]
fn the_expected_effect_is_computed_from_the_target() {
    // 2-5-4 公園ベンチ: (value − previous) × 200; baseline 82, R5 target 87 → 1,000, actual 94 → 2,400.
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["explain", "2-5-4", "--format", "json"], 0)).unwrap();
    assert_eq!(json["computed_effect"], "2400");
    assert_eq!(json["computed_expected_effect"], "1000");
    assert_eq!(json["expected_effect"], "1000");
    assert_eq!(json["expected_effect_step"]["function"], "effect");
}

#[test]
fn under_another_scale_a_recorded_rating_off_it_is_not_compared() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    copy_tree(&root().join("plans/isehara-6"), &plan);
    let item = plan.join("items/1-3-4.toml");
    let text = std::fs::read_to_string(&item)
        .unwrap()
        .replace("rating = \"C\"", "rating = \"D\"");
    std::fs::write(&item, text).unwrap();
    let rules = root().join("examples/rules-sabc");
    let args = [
        "explain",
        "1-3-4",
        plan.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--lang",
        "en",
    ];
    let out = stdout_of(&args, 0);
    assert!(
        out.contains("│ recorded                                        ┆ D (not on this scale)"),
        "{out}"
    );
    assert!(
        out.contains("not comparable (the recorded rating is not on this scale)"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("x.scale ") && l.contains("┆ [\"S\", \"A\", \"B\", \"C\"]")),
        "{out}"
    );
}

#[test]
fn an_unknown_item_cannot_be_explained() {
    let err = stderr_of(&["explain", "9-9-9"], 2);
    assert!(err.contains("計画に実施項目 9-9-9"), "{err}");
    let err = stderr_of(&["explain", "9-9-9", "--lang", "en"], 2);
    assert!(err.contains("the plan has no item 9-9-9"), "{err}");
}

#[test]
fn explain_as_csv_gives_inputs_steps_and_outcome() {
    let out = stdout_of(&["explain", "5-8-3", "--format", "csv", "--lang", "en"], 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("part,name,value"));
    assert!(out.contains("input,x.target,"), "{out}");
    assert!(out.contains("\nstep 1,"), "{out}");
    assert!(out.contains("\noutcome,"), "{out}");
    // Open data: plain numbers, no thousands separators in the amounts.
    assert!(!out.contains("┆"), "{out}");
    // Japanese by default, headers and parts alike.
    let out = stdout_of(&["explain", "5-8-3", "--format", "csv"], 0);
    assert_eq!(out.lines().next(), Some("区分,名前,値"));
    assert!(out.contains("\n入力,x.target,20800\n"), "{out}");
    assert!(out.contains("\n手順1,"), "{out}");
    assert!(out.contains("\n結果,"), "{out}");
}

#[test]
fn a_weak_reading_is_marked_in_the_readers_language() {
    let out = stdout_of(&["explain", "1-1-4"], 0);
    assert!(out.contains("→ ahead (弱)"), "{out}");
    let out = stdout_of(&["explain", "1-1-4", "--lang", "en"], 0);
    assert!(out.contains("→ ahead (weak)"), "{out}");
}

#[test]
fn a_kinds_own_effect_shows_what_x_held_for_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_tree(&root().join("rules"), &rules);
    let script = rules.join("kinds/higher_better.rhai");
    let text = std::fs::read_to_string(&script).unwrap();
    let effect = "fn effect(x) {\n    explain(`${x.value} proposals at 1千円`);\n    x.value\n}\n";
    std::fs::write(&script, format!("{text}\n{effect}")).unwrap();
    // 1-1-3 職員提案制度: target 4, actual 7, no formula of its own.
    let out = stdout_of(
        &[
            "explain",
            "1-1-3",
            "--rules",
            rules.to_str().unwrap(),
            "--lang",
            "en",
        ],
        0,
    );
    let out = out.replace(dir.path().to_str().unwrap(), "[TMP]");
    for expected in [
        "3. effect(x) (from the actual: the computed effect) — [TMP]/rules/kinds/higher_better.rhai\n     explain: 7 proposals at 1千円\n     → 7\n",
        "4. effect(x) (from the target: the expected effect) — [TMP]/rules/kinds/higher_better.rhai\n     x.value = 4, x.previous = ",
        "     explain: 4 proposals at 1千円\n     → 4\n",
    ] {
        assert!(out.contains(expected), "{expected:?} in\n{out}");
    }
}
