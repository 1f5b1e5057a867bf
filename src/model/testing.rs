//! Plans built in memory for unit tests: one policy (5), one theme (10), years R5–R6.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::cache::Stamp;
use super::{load_plan_from, DirSource, MemorySource, Plan, SourceFile, RACY_SECONDS};

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

/// A copy of the bundled plan in `to` whose files are older than the cache's racy window, so
/// that it is cached as soon as it loads.
pub fn settled_copy(to: &Path) {
    fs::create_dir_all(to.join("items")).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/isehara-6");
    fs::copy(from.join("plan.toml"), to.join("plan.toml")).unwrap();
    for e in fs::read_dir(from.join("items")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), to.join("items").join(e.file_name())).unwrap();
    }
    age(to);
}

/// Waits until every file of the plan in `plan` is older than the cache's racy window.
pub fn age(plan: &Path) {
    let items = DirSource::new(plan).item_paths_with_metadata().unwrap();
    let text = fs::read_to_string(plan.join("plan.toml")).unwrap();
    let stamp = Stamp::of(plan, &SourceFile::new("plan.toml", text), &items).unwrap();
    let ready = stamp.newest + Duration::from_secs(RACY_SECONDS);
    if let Ok(wait) = ready.duration_since(SystemTime::now()) {
        std::thread::sleep(wait + Duration::from_millis(50));
    }
}

/// Copies the folder `from` into `to`, sub-folders included.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}
