//! Rewriting an item file in place with toml_edit: a key set where the format puts it, the
//! table of a year found however the file spells the year, comments and layout kept
//! (`import`, the workbench's review), a published year's amendment recorded.

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

/// One `[[amendments]]` entry of an item file: year, field, old and new value, reason, date
/// (a change to a published year: `import --amend`, a review adopting a suggestion).
pub(crate) fn amendment_table(
    year: FiscalYear,
    field: &str,
    old: Option<&str>,
    new: &str,
    reason: &str,
    date: &str,
) -> toml_edit::Table {
    let mut table = toml_edit::Table::new();
    table.insert("year", toml_edit::value(year.to_string()));
    table.insert("field", toml_edit::value(field));
    if let Some(old) = old {
        table.insert("old", toml_edit::value(old));
    }
    table.insert("new", toml_edit::value(new));
    table.insert("reason", toml_edit::value(reason));
    table.insert("date", toml_edit::value(date));
    table
}

/// Appends `amendment` to the item file's `[[amendments]]`, at the end of the file.
pub(crate) fn push_amendment(doc: &mut toml_edit::DocumentMut, amendment: toml_edit::Table) {
    let root = doc.as_table_mut();
    if !root.contains_key("amendments") {
        root.insert(
            "amendments",
            toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
        );
    }
    if let Some(list) = root
        .get_mut("amendments")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
    {
        list.push(amendment);
    }
}
