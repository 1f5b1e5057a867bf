//! The JSON Schemas of the files people write by hand — plan.toml, item files, ruleset.toml and
//! rule test files — generated from the very types their loaders deserialize, and kept in
//! `schemas/` for editors (taplo / Even Better TOML, through `.taplo.toml`). A test fails when
//! a committed schema is not what the types give; `GYOKAKU_WRITE_SCHEMAS=1 cargo test --lib
//! schemas` writes them anew.

use std::path::PathBuf;

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;

/// Draft-07: the draft taplo's validator and most editors read.
fn schema_of<T: JsonSchema>() -> serde_json::Value {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// Every schema: its file name in `schemas/` and its content.
pub(crate) fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("plan.schema.json", schema_of::<crate::model::PlanFile>()),
        ("item.schema.json", schema_of::<crate::model::ItemFile>()),
        (
            "ruleset.schema.json",
            schema_of::<crate::engine::ConfigFile>(),
        ),
        (
            "rule-test.schema.json",
            schema_of::<crate::ruletest::CaseFileSchema>(),
        ),
    ]
}

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let write = std::env::var_os("GYOKAKU_WRITE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for (name, schema) in schemas() {
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = folder().join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if write {
            std::fs::create_dir_all(folder()).unwrap();
            std::fs::write(&path, text).unwrap();
        } else {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/{stale:?} differ from the types they come from: \
         GYOKAKU_WRITE_SCHEMAS=1 cargo test --lib schemas writes them"
    );
}
