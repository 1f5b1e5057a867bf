//! Any text as an item file of a small plan: loading must never panic, and a plan that loads
//! must evaluate under the default rules without panicking (errors are fine).
#![no_main]

use std::sync::OnceLock;

use gyokaku::engine::RuleSet;
use gyokaku::evaluation::{evaluate, summarize};
use gyokaku::model::{load_plan_from, MemorySource, SourceFile};
use libfuzzer_sys::fuzz_target;

const PLAN: &str = r#"
id = "fuzz"
name = "計画"
municipality = "市"
years = ["R5", "R6"]

[[policies]]
number = 1
name = "方針"

[[themes]]
number = 2
policy = 1
name = "推進項目"
"#;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../rules")).expect("the default rules")
    })
}

fuzz_target!(|text: &str| {
    let source = MemorySource {
        plan: SourceFile::new("plan.toml", PLAN),
        items: vec![SourceFile::new("items/1-2-3.toml", text)],
    };
    let Ok(plan) = load_plan_from(&source) else {
        return;
    };
    for year in plan.years.clone() {
        if let Ok(ev) = evaluate(&plan, rules(), year) {
            let _ = summarize(&plan, &ev);
        }
    }
});
