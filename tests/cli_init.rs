//! `gyokaku init`: a new plan folder whose plan.toml loads and checks clean, with its README;
//! a folder that has a plan, or a file init would write, is refused and nothing is written;
//! a missing value is an error naming its option.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::Path;

use common::{copy_tree, gyokaku, root};

/// A temporary working folder holding a copy of the default rules (`rules/`), so that the
/// paths init writes are the same on every machine.
fn workplace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("rules"), &dir.path().join("rules"));
    dir
}

/// `gyokaku ARGS…` run in `cwd`: (exit code, stdout, stderr).
fn run_in(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = gyokaku(args).current_dir(cwd).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const ISEHARA_7: [&str; 8] = [
    "--municipality",
    "伊勢原市",
    "--plan-name",
    "伊勢原市第7次行財政改革推進計画",
    "--years",
    "R10..R14",
    "--unit",
    "千円",
];

#[test]
fn a_new_plan_loads_and_checks_clean_in_both_languages() {
    for lang in ["ja", "en"] {
        let work = workplace();
        let mut args = vec!["init", "plans/isehara-7", "--lang", lang];
        args.extend(ISEHARA_7);
        let (code, out, err) = run_in(work.path(), &args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            out,
            "plans/isehara-7/plan.toml\nplans/isehara-7/README.md\nplans/isehara-7/.taplo.toml\n\
             plans/isehara-7/.schemas/plan.schema.json\nplans/isehara-7/.schemas/item.schema.json\n"
        );
        assert!(err.contains("--plan-sheet"), "{err}");
        let plan = work.path().join("plans/isehara-7");
        assert!(plan.join("items").is_dir());
        let read = |f: &str| std::fs::read_to_string(plan.join(f)).unwrap();
        insta::assert_snapshot!(format!("plan_toml_{lang}"), read("plan.toml"));
        insta::assert_snapshot!(format!("readme_{lang}"), read("README.md"));
        // Editors check the plan's files with gyokaku's schemas, copied beside them.
        let taplo = read(".taplo.toml");
        assert!(
            taplo.contains(
                "include = [\"items/*.toml\"]\n[rule.schema]\npath = \".schemas/item.schema.json\""
            ),
            "{taplo}"
        );
        for schema in ["plan.schema.json", "item.schema.json"] {
            let ours = std::fs::read_to_string(root().join("schemas").join(schema)).unwrap();
            assert_eq!(read(&format!(".schemas/{schema}")), ours);
        }
        let schema: serde_json::Value =
            serde_json::from_str(&read(".schemas/plan.schema.json")).unwrap();
        let plan_toml: toml::Value = toml::from_str(&read("plan.toml")).unwrap();
        let instance = serde_json::to_value(plan_toml).unwrap();
        assert!(jsonschema::is_valid(&schema, &instance));
        let (code, out, err) = run_in(work.path(), &["check", "plans/isehara-7", "--lang", lang]);
        assert_eq!(code, 0, "{out}{err}");
        let (code, out, err) = run_in(
            work.path(),
            &["summary", "plans/isehara-7", "--year", "R10"],
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("伊勢原市第7次行財政改革推進計画 令和10年度"),
            "{out}"
        );
    }
}

#[test]
fn a_rule_set_of_its_own_extends_the_one_given() {
    let work = workplace();
    let mut args = vec![
        "init",
        "plans/sanda",
        "--own-rules",
        "--id",
        "sanda-2",
        "--scale",
        "S-C",
        "--years",
        "令和7年度〜令和11年度",
        "--unit",
        "百万円",
    ];
    args.extend(&ISEHARA_7[..4]);
    let (code, out, err) = run_in(work.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("plans/sanda/rules/ruleset.toml\n"), "{out}");
    assert!(
        out.ends_with("plans/sanda/.schemas/ruleset.schema.json\n"),
        "{out}"
    );
    let plan = std::fs::read_to_string(work.path().join("plans/sanda/plan.toml")).unwrap();
    assert!(plan.contains("id = \"sanda-2\""), "{plan}");
    assert!(
        plan.contains(
            "years = [\"令和7年度\", \"令和8年度\", \"令和9年度\", \"令和10年度\", \"令和11年度\"]"
        ),
        "{plan}"
    );
    assert!(
        plan.contains("rules = \"rules\"\nreport_unit = \"百万円\""),
        "{plan}"
    );
    assert!(
        plan.contains("label = \"S\"\nname = \"計画以上\""),
        "{plan}"
    );
    let rules =
        std::fs::read_to_string(work.path().join("plans/sanda/rules/ruleset.toml")).unwrap();
    assert!(rules.contains("extends = \"../../../rules\""), "{rules}");
    let (code, out, err) = run_in(work.path(), &["check", "plans/sanda"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn nothing_is_written_over() {
    let work = workplace();
    let mut args = vec!["init", "plans/isehara-7"];
    args.extend(ISEHARA_7);
    assert_eq!(run_in(work.path(), &args).0, 0);
    let before = std::fs::read_to_string(work.path().join("plans/isehara-7/plan.toml")).unwrap();
    let (code, _, err) = run_in(work.path(), &args);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "エラー: plans/isehara-7 にはすでに計画 (plan.toml) があります。新しい計画は別のフォルダに作ってください\n"
    );
    let after = std::fs::read_to_string(work.path().join("plans/isehara-7/plan.toml")).unwrap();
    assert_eq!(before, after);

    // A folder without a plan but with a README of its own: refused, and no plan.toml either.
    let other = work.path().join("plans/other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("README.md"), "ours").unwrap();
    let mut args = vec!["init", "plans/other", "--lang", "en"];
    args.extend(ISEHARA_7);
    let (code, _, err) = run_in(work.path(), &args);
    assert_eq!(code, 2);
    assert!(
        err.contains("plans/other/README.md is already there"),
        "{err}"
    );
    assert!(!other.join("plan.toml").exists());
    assert_eq!(
        std::fs::read_to_string(other.join("README.md")).unwrap(),
        "ours"
    );
}

#[test]
fn a_value_not_given_or_not_read_is_named_by_its_option() {
    let work = workplace();
    let (code, _, err) = run_in(
        work.path(),
        &[
            "init",
            "plans/x",
            "--municipality",
            "伊勢原市",
            "--years",
            "R10..R14",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("エラー: 次の引数が必要です: --plan-name <NAME>"),
        "{err}"
    );
    let mut args = vec!["init", "plans/x", "--lang", "en"];
    args.extend(&ISEHARA_7[..4]);
    let (_, _, err) = run_in(work.path(), &args);
    assert!(
        err.starts_with("error: the following required arguments were not provided: --years"),
        "{err}"
    );
    for (option, value, says) in [
        ("--years", "R14..R10", "comes after"),
        (
            "--years",
            "next year",
            "--years \"next year\" cannot be read",
        ),
        ("--scale", "◎○△×", "--scale \"◎○△×\""),
        ("--unit", "件", "--unit \"件\" is not a money unit"),
        (
            "--rules",
            "no-such-rules",
            "the rule set --rules no-such-rules does not load",
        ),
    ] {
        let mut args = vec!["init", "plans/x", "--lang", "en", option, value];
        args.extend(&ISEHARA_7[..4]);
        if option != "--years" {
            args.extend(["--years", "R10..R14"]);
        }
        let (code, _, err) = run_in(work.path(), &args);
        assert_eq!(code, 2, "{option} {value}");
        assert!(err.contains(says), "{option} {value}: {err}");
        assert!(!work.path().join("plans/x").exists(), "{option} {value}");
    }
}
