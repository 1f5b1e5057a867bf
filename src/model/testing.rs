//! Plans built in memory for unit tests: one policy (5), one theme (10), years R5–R6.

use super::{load_plan_from, MemorySource, Plan, SourceFile};

/// plan.toml of the test plan: policy 5 健全な財政運営, theme (10) 財政運営規律の確保.
pub const PLAN_TOML: &str = r#"
id = "t"
name = "テスト"
municipality = "テスト市"
years = ["R5", "R6"]
[[policies]]
number = 5
name = "健全な財政運営"
[[themes]]
number = 10
policy = 5
name = "財政運営規律の確保"
"#;

/// The test plan with one item: `item` as `items/<id>.toml`.
pub fn plan_with_item(id: &str, item: &str) -> Plan {
    load_plan_from(&MemorySource {
        plan: SourceFile::new("plan.toml", PLAN_TOML),
        items: vec![SourceFile::new(format!("items/{id}.toml"), item)],
    })
    .expect("the test plan loads")
}
