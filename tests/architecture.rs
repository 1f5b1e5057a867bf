//! The house stays clean: data flows one way through the library's layers (docs/architecture.md).
//! A module may use the modules of the layers below its own, never one beside or above it, so
//! there are no cycles and no back-arrows. Doc comments and unit tests are not counted: a test
//! may evaluate a plan to check a lower layer's part.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The library's top-level modules, bottom layer first. Modules on one line are beside each
/// other: neither uses the other.
const LAYERS: &[&[&str]] = &[
    &["number"],
    &["i18n"],
    &["model"],
    &["engine"],
    &["evaluation"],
    &["check", "ruletest"],
    &["cycle"],
    &["setup", "schemas", "workspace"],
    &["report"],
    &["serve"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The code of a source file without its comments and its unit tests.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    (text.lines())
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a file's code names as `crate::module`.
fn uses(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = (rest.chars())
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        found.push(name);
    }
    found
}

fn sources(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut seen = 0;
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        // The command (main.rs, cli/) uses the library as any other program does.
        if module == "main" || module == "cli" || module == "lib" {
            continue;
        }
        let own = layer_of(&module)
            .unwrap_or_else(|| panic!("{module} (src/{}) has a layer", relative.display()));
        seen += 1;
        let code = code_of(&fs::read_to_string(&file).unwrap());
        for used in uses(&code) {
            if used == module {
                continue;
            }
            let Some(layer) = layer_of(&used) else {
                continue; // crate::SomeReexport at the root
            };
            if layer >= own {
                wrong
                    .entry(format!("src/{}", relative.display()))
                    .or_default()
                    .push(used);
            }
        }
    }
    assert!(seen > 50, "the sources were read: {seen}");
    assert!(
        wrong.is_empty(),
        "modules using a layer beside or above their own: {wrong:#?}"
    );
}

#[test]
fn the_library_names_every_top_level_module_in_a_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(name) = line.trim().strip_prefix("pub mod ") {
            let name = name.trim_end_matches(';');
            assert!(layer_of(name).is_some(), "{name} is in LAYERS");
        }
    }
}
