//! Rewriting an item file in place with toml_edit: a key set where the format puts it, the
//! table of a year found however the file spells the year, comments and layout kept
//! (`import`, the workbench's review).

use crate::model::FiscalYear;

/// The order of a year's keys in an item file (docs/plan-format.md).
pub(crate) const YEAR_KEYS: [&str; 8] = [
    "plan",
    "target",
    "expected_effect",
    "policy",
    "actual",
    "actual_effect",
    "rating",
    "comment",
];

/// Sets `key` in a table of the item file: an existing value keeps its place and decoration;
/// a new key goes where the format's key order puts it, after the keys that come before it.
pub(crate) fn set_key(
    table: &mut toml_edit::Table,
    key: &str,
    value: impl Into<toml_edit::Value>,
    order: &[&str],
) {
    let mut value = value.into();
    if let Some(old) = table.get(key).and_then(toml_edit::Item::as_value) {
        *value.decor_mut() = old.decor().clone();
        table.insert(key, toml_edit::Item::Value(value));
        return;
    }
    let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
    let later: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_string())
        .skip_while(|k| rank(k) <= rank(key))
        .collect();
    let moved: Vec<(toml_edit::Key, toml_edit::Item)> =
        later.iter().filter_map(|k| table.remove_entry(k)).collect();
    table.insert(key, toml_edit::Item::Value(value));
    for (k, item) in moved {
        table.insert_formatted(&k, item);
    }
}

/// The item file's table of the year; one is added after the other years' tables when the
/// sheet has no row for the year (an item without a 進捗管理シート reports too).
pub(crate) fn year_table(
    doc: &mut toml_edit::DocumentMut,
    year: FiscalYear,
) -> Option<&mut toml_edit::Table> {
    let root = doc.as_table_mut();
    if !root.contains_key("years") {
        let mut years = toml_edit::Table::new();
        years.set_implicit(true);
        root.insert("years", toml_edit::Item::Table(years));
    }
    let years = root.get_mut("years")?.as_table_mut()?;
    let existing = years
        .iter()
        .map(|(k, _)| k.to_string())
        .find(|k| k.parse::<FiscalYear>().ok() == Some(year));
    let key = match existing {
        Some(key) => key,
        None => {
            let last = years
                .iter()
                .filter_map(|(_, t)| t.as_table().and_then(toml_edit::Table::position))
                .max();
            let mut table = toml_edit::Table::new();
            table.set_position(last);
            let key = year.to_string();
            years.insert(&key, toml_edit::Item::Table(table));
            key
        }
    };
    years.get_mut(&key)?.as_table_mut()
}
