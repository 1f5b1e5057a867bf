//! Scales: the rule set's scale for suggestions, the plan's scale for recorded ratings. The
//! bundled plan (recorded A–D) under the example S/A/B/C rule set (examples/rules-sabc); a plan
//! that declares no scale, whose recorded ratings are read on the rules' scale and shown apart
//! when they are not on it, never mapped onto it.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, root, stdout_of};

const SABC: &str = "examples/rules-sabc";

#[test]
fn summary_under_the_sabc_scale() {
    let out = stdout_of(&["summary", "--rules", SABC], 0);
    // Suggestions on the rule set's S/A/B/C scale …
    assert!(out.contains("S 計画以上"), "{out}");
    assert!(out.contains("C ほとんど進んでいない"), "{out}");
    // … recorded ratings on the plan's A–D scale, with the official counts.
    assert!(out.contains("│ A 計画を上回る       ┆   17 │"), "{out}");
    assert!(out.contains("│ D 進捗がほぼなし     ┆    0 │"), "{out}");
    insta::assert_snapshot!("sabc_summary", out);
    insta::assert_snapshot!(
        "sabc_summary_csv",
        stdout_of(&["summary", "--rules", SABC, "--format", "csv"], 0)
    );
}

#[test]
fn list_under_the_sabc_scale() {
    insta::assert_snapshot!("sabc_list", stdout_of(&["list", "--rules", SABC], 0));
}

#[test]
fn agreement_under_the_sabc_scale() {
    let out = stdout_of(&["agreement", "--rules", SABC], 0);
    // Rows: suggestions on S/A/B/C; columns: recorded ratings on the plan's A–D.
    assert!(
        out.contains("│ 提案＼評価 ┆  A ┆  B ┆  C ┆ D ┆ 合計 │"),
        "{out}"
    );
    assert!(
        out.contains("│ S          ┆ 12 ┆  1 ┆  0 ┆ 0 ┆   13 │"),
        "{out}"
    );
    insta::assert_snapshot!("sabc_agreement", out);
}

#[test]
fn the_sabc_rules_pass_the_check() {
    // Every kind the plan uses has a script; the recorded A/B/C labels exist on the scale.
    stdout_of(&["check", "--rules", SABC], 0);
}

/// A copy of the plan that declares no scale, where 1-3-4 and 2-4-8 are recorded "D", a label
/// the S/A/B/C scale lacks.
fn plan_with_d_ratings(dir: &Path) -> PathBuf {
    let plan = dir.join("plan");
    copy_tree(&root().join("plans/isehara-6"), &plan);
    let plan_toml = plan.join("plan.toml");
    let text = std::fs::read_to_string(&plan_toml).unwrap();
    let start = text.find("# The scale of the recorded ratings").unwrap();
    let end = text.find("[[policies]]").unwrap();
    std::fs::write(&plan_toml, format!("{}{}", &text[..start], &text[end..])).unwrap();
    for id in ["1-3-4", "2-4-8"] {
        let item = plan.join(format!("items/{id}.toml"));
        let text = std::fs::read_to_string(&item).unwrap();
        assert!(text.contains("rating = \"C\""), "{id} is recorded C");
        std::fs::write(&item, text.replace("rating = \"C\"", "rating = \"D\"")).unwrap();
    }
    plan
}

#[test]
fn ratings_off_the_scale_are_counted_apart_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with_d_ratings(dir.path());
    let rules = root().join(SABC);
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "summary".to_string(),
            plan.to_str().unwrap().into(),
            "--rules".into(),
            rules.to_str().unwrap().into(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run = |extra: &[&'static str]| {
        let a = args(extra);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        stdout_of(&a, 0).replace(rules.to_str().unwrap(), SABC)
    };
    let out = run(&[]);
    assert!(out.contains("│ D (尺度外)             ┆    2 │"), "{out}");
    // C counts only the items recorded C, not the D ones.
    assert!(out.contains("│ C ほとんど進んでいない ┆    9 │"), "{out}");
    insta::assert_snapshot!("off_scale_summary", out);
    let csv = run(&["--format", "csv"]);
    assert!(
        csv.starts_with("基本方針,基本方針名,評価_S,評価_A,評価_B,評価_C,評価_区分外_D,評価計,"),
        "{csv}"
    );
    let csv = run(&["--format", "csv", "--lang", "en"]);
    assert!(csv.starts_with("policy,name,recorded_S,recorded_A,recorded_B,recorded_C,recorded_not_on_scale_D,recorded_total,"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    assert_eq!(
        json["recorded"]["not_on_scale"],
        serde_json::json!([["D", 2]])
    );
    assert_eq!(json["recorded"]["total"], 71);
}

#[test]
fn ratings_off_the_scale_are_not_compared_in_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with_d_ratings(dir.path());
    let rules = root().join(SABC);
    let base = [
        "agreement",
        plan.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ];
    let out = stdout_of(&base, 0).replace(rules.to_str().unwrap(), SABC);
    assert!(out.contains("尺度外 (比較対象外) 2"), "{out}");
    insta::assert_snapshot!("off_scale_agreement", out);
    assert!(
        out.contains("評価済み 69"),
        "the two D items are not counted as rated: {out}"
    );
    let csv = stdout_of(&[&base[..], &["--format", "csv"]].concat(), 0);
    assert!(csv.contains("\n1-3-4,B,,D,尺度外,"), "{csv}");
    assert!(csv.contains("\n2-4-8,B,いいえ,D,尺度外,"), "{csv}");
    let csv = stdout_of(
        &[&base[..], &["--format", "csv", "--lang", "en"]].concat(),
        0,
    );
    assert!(csv.contains("\n1-3-4,B,,D,not_on_scale,"), "{csv}");
    // Its target is 0: the inherited reading of its comment (…できておらず) gives "behind", B here.
    assert!(csv.contains("\n2-4-8,B,false,D,not_on_scale,"), "{csv}");
    assert!(
        !csv.contains(",D,differs,"),
        "a D is never a disagreement: {csv}"
    );
}

#[test]
fn ratings_off_the_scale_are_marked_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with_d_ratings(dir.path());
    let rules = root().join(SABC);
    let base = [
        "list",
        plan.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ];
    let out = stdout_of(&[&base[..], &["--lang", "en", "--width", "0"]].concat(), 0);
    let row = out
        .lines()
        .find(|l| l.contains("時間外勤務の縮減"))
        .unwrap();
    assert!(row.contains("D (not on this scale)"), "{row}");
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout_of(&[&base[..], &["--format", "json"]].concat(), 0)).unwrap();
    let overtime = json.iter().find(|r| r["id"] == "1-3-4").unwrap();
    assert_eq!(
        overtime["rating"], "D",
        "the recorded label itself, unmapped"
    );
    assert_eq!(overtime["rating_on_scale"], false);
    let review = json.iter().find(|r| r["id"] == "1-2-1").unwrap();
    assert_eq!(review["rating_on_scale"], true);
    // check reports the label too.
    let out = stdout_of(
        &[
            "check",
            plan.to_str().unwrap(),
            "--rules",
            rules.to_str().unwrap(),
            "--lang",
            "en",
        ],
        1,
    );
    assert!(
        out.contains("rating \"D\" is not on the scale (S, A, B, C)"),
        "{out}"
    );
}

#[test]
fn recorded_ratings_on_another_scale_are_not_compared() {
    let out = stdout_of(&["agreement", "--rules", SABC, "--lang", "en"], 0);
    assert!(
        out.contains("agreement: not comparable (recorded on A/B/C/D, suggested on S/A/B/C)"),
        "{out}"
    );
    let csv = stdout_of(
        &[
            "agreement",
            "--rules",
            SABC,
            "--format",
            "csv",
            "--lang",
            "en",
        ],
        0,
    );
    assert!(
        !csv.contains(",agrees,") && !csv.contains(",differs,"),
        "{csv}"
    );
    assert_eq!(csv.matches(",not_on_scale,").count(), 71, "{csv}");
}

#[test]
fn a_recorded_rating_off_the_plans_scale_is_a_load_error() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    copy_tree(&root().join("plans/isehara-6"), &plan);
    let item = plan.join("items/1-3-4.toml");
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(&item, text.replace("rating = \"C\"", "rating = \"E\"")).unwrap();
    let out = common::gyokaku(&["summary", plan.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("items/1-3-4.toml:")
            && err.contains(
                "実施項目 1-3-4: years.R5.rating: \"E\" は計画の評価尺度 (A、B、C、D) にありません"
            ),
        "{err}"
    );
    let out = common::gyokaku(&["summary", plan.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("items/1-3-4.toml:") && err.contains("item 1-3-4: years.R5.rating: \"E\" is not a rating of the plan's scale (A, B, C, D)"),
        "{err}"
    );
}

#[test]
fn a_declared_relation_makes_two_scales_comparable() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&root().join("rules"), &tmp.path().join("rules"));
    let sabc = tmp.path().join(SABC);
    copy_tree(&root().join(SABC), &sabc);
    let config = sabc.join("ruleset.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(
        "\n[[scale.relations]]\nscale = [\"A\", \"B\", \"C\", \"D\"]\nlabels = { S = \"A\", A = \"B\", B = \"C\", C = \"D\" }\n",
    );
    std::fs::write(&config, &text).unwrap();
    let rules = sabc.to_str().unwrap();
    let out = stdout_of(&["agreement", "--rules", rules], 0);
    assert!(
        out.contains(
            "(提案を評価の尺度に読み替え: S→A, A→B, B→C, C→D) — 要判断 0 件、評価済み 71 件"
        ),
        "{out}"
    );
    // S read as A agrees with a recorded A, A as B, B as C, C as D: 32 of the 41 rated from
    // their numbers, and the 30 milestones and targets of 0 whose text the inherited
    // judgement.rhai reads, through this scale's judged(x, verdict).
    assert!(out.contains("一致率: 71 件中 62 件 (87.3%)"), "{out}");
    assert!(
        out.contains("数値による提案: 41 件中 32 件 (78.0%)"),
        "{out}"
    );

    // A relation naming a label the scale does not have is an error in ruleset.toml.
    std::fs::write(&config, text.replace("C = \"D\"", "X = \"D\"")).unwrap();
    let err = common::stderr_of(&["agreement", "--rules", rules], 2);
    assert!(err.contains("ruleset.toml:1:"), "{err}");
    assert!(
        err.contains("\"X\" はこの尺度の記号ではありません"),
        "{err}"
    );
}
