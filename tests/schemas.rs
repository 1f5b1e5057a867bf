//! Every bundled and example plan, item, rule set and rule test file validates against the JSON
//! Schema `.taplo.toml` associates with it (the schemas editors use), every such file has one,
//! and the schemas refuse what the loaders refuse (an unknown key, a number for a value).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::{Path, PathBuf};

use common::root;

/// `.taplo.toml`'s rules: (include patterns, schema path).
fn rules() -> Vec<(Vec<String>, PathBuf)> {
    let text = std::fs::read_to_string(root().join(".taplo.toml")).unwrap();
    let config: toml::Value = toml::from_str(&text).unwrap();
    config["rule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| {
            let include = rule["include"].as_array().unwrap();
            let include = include.iter().map(|p| p.as_str().unwrap().into()).collect();
            let schema = rule["schema"]["path"].as_str().unwrap();
            (include, root().join(schema))
        })
        .collect()
}

/// Whether `path` (relative, with `/`) matches `pattern`, whose `*` stands for any part of one
/// name (the only wildcard `.taplo.toml` uses here).
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), path.split('/').collect());
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(p, n)| name_matches(p, n))
}

fn name_matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            name.len() >= head.len() + tail.len() && name.starts_with(head) && name.ends_with(tail)
        }
    }
}

/// Every .toml file under `dir`, relative to the repository root.
fn toml_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path.strip_prefix(root()).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn validator(schema: &Path) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The errors of `text` against `validator`, one a line.
fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(text).unwrap();
    let instance = serde_json::to_value(value).unwrap();
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_bundled_file_validates_against_its_schema() {
    let mut files = Vec::new();
    for dir in ["plans", "examples", "rules"] {
        toml_files(&root().join(dir), &mut files);
    }
    files.sort();
    let rules = rules();
    let validators: Vec<_> = rules.iter().map(|(_, s)| validator(s)).collect();
    let mut checked = 0;
    for file in &files {
        // The rule set's data files (phrase lists, steps) are read by the rules, not by a schema.
        if file.starts_with("rules/data/") {
            continue;
        }
        let rule = rules
            .iter()
            .position(|(include, _)| include.iter().any(|p| matches(p, file)));
        let Some(rule) = rule else {
            panic!("{file}: .taplo.toml gives it no schema");
        };
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let errors = errors(&validators[rule], &text);
        assert!(errors.is_empty(), "{file}:\n{}", errors.join("\n"));
        checked += 1;
    }
    // 71 items and plan.toml, the examples, the rules and their tests.
    assert!(checked > 100, "{checked} files");
}

#[test]
fn the_schemas_refuse_what_the_loaders_refuse() {
    let item = validator(&root().join("schemas/item.schema.json"));
    let text = std::fs::read_to_string(root().join("plans/isehara-6/items/5-8-3.toml")).unwrap();
    assert!(errors(&item, &text).is_empty());
    let typo = errors(&item, &text.replacen("target = ", "tagret = ", 1));
    assert_eq!(typo.len(), 1, "{typo:?}");
    assert!(typo[0].contains("tagret"), "{typo:?}");
    let number = errors(&item, &text.replacen("baseline = \"", "baseline = 1 #", 1));
    assert!(
        number.iter().any(|e| e.starts_with("/indicator/baseline")),
        "{number:?}"
    );
    let plan = validator(&root().join("schemas/plan.schema.json"));
    let errs = errors(
        &plan,
        "id = \"x\"\nname = \"n\"\nyears = [\"R5\"]\npolicies = []\nthemes = []\n",
    );
    assert!(errs.iter().any(|e| e.contains("municipality")), "{errs:?}");
}

#[test]
fn every_schema_is_associated() {
    let named: Vec<PathBuf> = rules().into_iter().map(|(_, s)| s).collect();
    for entry in std::fs::read_dir(root().join("schemas")).unwrap() {
        let path = entry.unwrap().path();
        assert!(
            named.contains(&path),
            "{} is in no rule of .taplo.toml",
            path.display()
        );
    }
}
