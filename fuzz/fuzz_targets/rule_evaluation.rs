//! Any text as a kind's rule script: compiling and running it on an item must never panic or
//! hang (the engine's limits stop it); errors are fine.
#![no_main]

use gyokaku::engine::{CallSite, MemoryRules, RuleInput, RuleSet};
use gyokaku::model::SourceFile;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

const CONFIG: &str = r#"
name = "fuzz"
[[scale.ratings]]
label = "A"
name = "上回る"
name_en = "ahead"
[[scale.ratings]]
label = "B"
name = "概ね"
name_en = "on plan"
"#;

const RATING: &str = "fn rating(x, a) { if a == () { return (); } if a > 1 { \"A\" } else { \"B\" } }";

fuzz_target!(|script: &str| {
    let Ok(rules) = RuleSet::load(&MemoryRules {
        name: "fuzz".into(),
        files: vec![
            SourceFile::new("ruleset.toml", CONFIG),
            SourceFile::new("rating.rhai", RATING),
            SourceFile::new("kinds/k.rhai", script),
        ],
    }) else {
        return;
    };
    let input = std::sync::Arc::new(RuleInput {
        id: "1-2-3".into(),
        year: "R5".into(),
        kind: "k".into(),
        target: Some(Decimal::from(40)),
        actual: Some(Decimal::MAX),
        baseline: Some(Decimal::MAX),
        previous: Some(Decimal::MIN),
        value: Some(Decimal::new(1, 28)),
        scale: vec!["A".into(), "B".into()],
        ..RuleInput::default()
    });
    let at = CallSite {
        item: Some("1-2-3"),
        year: "R5",
    };
    if let Ok(out) = rules.achievement(&input, at) {
        let _ = rules.rating(&input, out.value, at);
    }
    let _ = rules.kind_effect(&input, at);
    if let Ok(f) = rules.compile_formula(script, "fuzz") {
        let _ = rules.eval_formula(&f, [Some(Decimal::MAX), Some(Decimal::MIN), None, Some(Decimal::new(1, 28))], at);
    }
});
