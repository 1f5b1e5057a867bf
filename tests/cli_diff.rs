//! `gyokaku diff`: the whole plan under two rule sets — exit 0 when nothing changes, 1 when
//! something does (with the transitions, the items and the totals), 2 when it cannot run.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, gyokaku, root, stderr_of, stdout_of};

/// A copy of the default rules in a temporary folder, with `edit` applied to `file`.
fn edited_rules(dir: &Path, file: &str, from: &str, to: &str) -> PathBuf {
    let rules = dir.join("rules-new");
    copy_tree(&root().join("rules"), &rules);
    let path = rules.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from:?}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    rules
}

/// The output with the temporary folder replaced, so that snapshots do not depend on it.
fn redact(out: &str, dir: &Path) -> String {
    out.replace(dir.to_str().unwrap(), "[TMP]")
}

#[test]
fn the_default_rules_against_themselves_change_nothing() {
    let out = stdout_of(&["diff", "--rules", "rules"], 0);
    assert!(
        out.contains("変更なし: 全71項目で提案評価と算定効果額が同じです。"),
        "{out}"
    );
    insta::assert_snapshot!("diff_unchanged", out);
    let en = stdout_of(
        &[
            "diff", "--rules", "rules", "--base", "rules", "--lang", "en",
        ],
        0,
    );
    assert!(
        en.contains(
            "No change: the suggested rating and the computed effect of all 71 items are the same."
        ),
        "{en}"
    );
}

#[test]
fn a_moved_a_band_shows_the_transitions_the_items_and_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    // A only from 110%: "above 100%" becomes "above 110%".
    let rules = edited_rules(dir.path(), "rating.rhai", "if a > 1 {", "if a > 1.1 {");
    let new = rules.to_str().unwrap();
    let out = stdout_of(&["diff", "--rules", new], 1);
    let out = redact(&out, dir.path());
    // Both rule sets are named with their full hash.
    assert!(
        out.contains("変更前のルール: isehara-default (rules, sha256 "),
        "{out}"
    );
    assert!(
        out.contains("変更後のルール: isehara-default ([TMP]/rules-new, sha256 "),
        "{out}"
    );
    insta::assert_snapshot!("diff_a_band_moved", out);

    let md = redact(
        &stdout_of(
            &["diff", "--rules", new, "--format", "md", "--lang", "en"],
            1,
        ),
        dir.path(),
    );
    insta::assert_snapshot!("diff_a_band_moved_md_en", md);

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["diff", "--rules", new, "--format", "json"], 1)).unwrap();
    assert_eq!(json["base"]["name"], "isehara-default");
    assert_eq!(json["base"]["hash"].as_str().unwrap().len(), 64);
    assert_ne!(json["base"]["hash"], json["new"]["hash"]);
    assert_eq!(json["items"], 71);
    let changes = json["changes"].as_array().unwrap();
    // Every change went from A to B, and each had an achievement above 100% and up to 110%.
    for c in changes {
        assert_eq!(c["suggested"]["before"], "A", "{c}");
        assert_eq!(c["suggested"]["after"], "B", "{c}");
        let a: rust_decimal::Decimal = c["achievement"]["after"].as_str().unwrap().parse().unwrap();
        assert!(
            a > rust_decimal::Decimal::ONE && a <= rust_decimal::Decimal::new(11, 1),
            "{c}"
        );
    }
    // The matrix: row A, column B holds exactly the changed items.
    assert_eq!(json["transitions"]["counts"][0][1], changes.len());
    assert_eq!(
        json["total"]["after"]["suggested"]["by_rating"][0][1]
            .as_u64()
            .unwrap()
            + changes.len() as u64,
        json["total"]["before"]["suggested"]["by_rating"][0][1]
            .as_u64()
            .unwrap()
    );

    let csv = stdout_of(&["diff", "--rules", new, "--format", "csv"], 1);
    assert!(
        csv.starts_with("取組番号,取組項目,評価,提案 (変更前),提案 (変更後),"),
        "{csv}"
    );
    let csv = stdout_of(
        &["diff", "--rules", new, "--format", "csv", "--lang", "en"],
        1,
    );
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,title,recorded,suggested_before,suggested_after,achievement_before,achievement_after,computed_effect_before,computed_effect_after,base_rules,new_rules"
    );
    assert_eq!(lines.count(), changes.len());
    // The rule sets' names hold commas: CSV quotes them.
    assert!(
        csv.contains("1-2-1,事務事業の点検・見直し,A,A,B,1.1,1.1,13200,13200,\"isehara-default (rules, sha256 "),
        "{csv}"
    );
}

#[test]
fn a_new_kind_effect_is_shown_with_both_amounts() {
    let dir = tempfile::tempdir().unwrap();
    // higher_better gains a default effect: the actual itself. Items with a formula of their
    // own keep it; the others had no computed effect and now have one.
    let rules = edited_rules(
        dir.path(),
        "kinds/higher_better.rhai",
        "fn achievement(x) {",
        "fn effect(x) {\n    x.value\n}\n\nfn achievement(x) {",
    );
    let out = stdout_of(
        &[
            "diff",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
        1,
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    let evaluation: Vec<serde_json::Value> =
        serde_json::from_str(&stdout_of(&["evaluate", "--format", "json"], 0)).unwrap();
    for c in changes {
        assert_eq!(c["suggested"]["before"], c["suggested"]["after"], "{c}");
        assert!(c["computed_effect"]["before"].is_null(), "{c}");
        assert!(c["computed_effect"]["after"].is_string(), "{c}");
        let row = evaluation.iter().find(|r| r["id"] == c["id"]).unwrap();
        assert_eq!(row["kind"], "higher_better", "{row}");
        assert!(row["computed_effect"].is_null(), "{row}");
    }
    // 1-1-3 職員提案制度: 7 proposals.
    let proposals = changes.iter().find(|c| c["id"] == "1-1-3").unwrap();
    assert_eq!(proposals["computed_effect"]["after"], "7");
    let total_after: rust_decimal::Decimal = json["total"]["after"]["computed_effect"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let total_before: rust_decimal::Decimal = json["total"]["before"]["computed_effect"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let added: rust_decimal::Decimal = changes
        .iter()
        .map(|c| {
            c["computed_effect"]["after"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(total_after - total_before, added);
}

#[test]
fn another_scale_gets_its_own_rows_and_columns() {
    let out = stdout_of(
        &["diff", "--rules", "examples/rules-sabc", "--base", "rules"],
        1,
    );
    assert!(
        out.contains(
            "変更後の尺度: S 計画以上 / A 計画どおり / B やや遅れている / C ほとんど進んでいない"
        ),
        "{out}"
    );
    insta::assert_snapshot!("diff_sabc", out);
}

#[test]
fn rules_that_do_not_compile_cannot_be_compared() {
    let dir = tempfile::tempdir().unwrap();
    let rules = edited_rules(dir.path(), "rating.rhai", "if a >= 0.8 {", "if a >= 0.8 {{");
    let err = stderr_of(&["diff", "--rules", rules.to_str().unwrap()], 2);
    assert!(err.contains("rules-new/rating.rhai:"), "{err}");
    let err = stderr_of(&["diff", "--rules", "no/such/rules"], 2);
    assert!(err.contains("no/such/rules"), "{err}");
    let out = gyokaku(&["diff"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--rules is required");
}
