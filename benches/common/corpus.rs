//! A synthetic corpus of plans for benchmarks: `n` plan folders, each a clone of a template plan
//! (the bundled Isehara plan) as another municipality with its own policy and theme names and
//! perturbed figures (targets, actuals and effect amounts moved by up to ±10%, differently per
//! plan and item) and comments of its own (each year's 取組実績 begins with the municipality's
//! number, so no two plans report in the same words: the engine remembers rule calls that must
//! run alike, and cloned comments would let it answer other municipalities' readings from
//! memory, which real plans never allow). Generated under `target/` or a temporary folder,
//! never committed.

#![allow(dead_code)] // each bench uses part of it

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use gyokaku::number::format_number;
use rust_decimal::Decimal;
use toml_edit::{DocumentMut, Item, Value};

/// The bundled plan, the template of every generated one.
pub fn template() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/isehara-6")
}

/// The rule set every generated plan names.
pub fn rules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// Where benches keep their corpora: `target/bench-corpus/<plans>`.
pub fn default_dir(plans: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-corpus")
        .join(plans.to_string())
}

/// Writes `plans` plan folders under `out` (`out/p0000`, `out/p0001`, …) unless a complete
/// corpus of that size is already there, and returns the folder.
pub fn ensure(out: &Path, plans: usize) -> io::Result<PathBuf> {
    let marker = out.join(".complete");
    // The stamp names the generator's version: a corpus written by an earlier one is written again.
    let stamp = format!(
        "{plans} plans from {} (comments of their own)\n",
        template().display()
    );
    if fs::read_to_string(&marker).ok().as_deref() == Some(stamp.as_str()) {
        return Ok(out.to_path_buf());
    }
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    let plan_text = fs::read_to_string(template().join("plan.toml"))?;
    let mut items = Vec::new();
    for entry in fs::read_dir(template().join("items"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            items.push((name, fs::read_to_string(&path)?));
        }
    }
    items.sort();
    for k in 0..plans {
        let dir = out.join(format!("p{k:04}"));
        fs::create_dir_all(dir.join("items"))?;
        fs::write(dir.join("plan.toml"), plan(&plan_text, k))?;
        for (i, (name, text)) in items.iter().enumerate() {
            fs::write(dir.join("items").join(name), item(text, k, i))?;
        }
    }
    fs::write(marker, stamp)?;
    Ok(out.to_path_buf())
}

/// The template's plan.toml as municipality `k`: its own id, name, policies and themes.
fn plan(text: &str, k: usize) -> String {
    let mut doc: DocumentMut = text.parse().expect("the template plan is TOML");
    let city = format!("第{k:04}市");
    doc["id"] = toml_edit::value(format!("corpus-{k:04}"));
    doc["municipality"] = toml_edit::value(city.clone());
    let name = doc["name"]
        .as_str()
        .unwrap_or_default()
        .replace("伊勢原市", &city);
    doc["name"] = toml_edit::value(name);
    doc["rules"] = toml_edit::value(rules().display().to_string());
    for table in ["policies", "themes"] {
        if let Some(list) = doc[table].as_array_of_tables_mut() {
            for t in list.iter_mut() {
                let own = format!("{}({city})", t["name"].as_str().unwrap_or_default());
                t["name"] = toml_edit::value(own);
            }
        }
    }
    doc.to_string()
}

/// The template's item file with its figures perturbed for plan `k`, item `i`.
fn item(text: &str, k: usize, i: usize) -> String {
    let mut doc: DocumentMut = text.parse().expect("template items are TOML");
    // -10% … +10% in steps of 1%, different per plan and item.
    let percent = ((k * 31 + i * 7) % 21) as i64 - 10;
    let factor = Decimal::ONE + Decimal::new(percent, 2);
    if let Some(years) = doc.get_mut("years").and_then(Item::as_table_like_mut) {
        for (_, year) in years.iter_mut() {
            let Some(year) = year.as_table_like_mut() else {
                continue;
            };
            if let Some(Value::String(s)) = year.get_mut("comment").and_then(Item::as_value_mut) {
                if !s.value().is_empty() {
                    let own = format!("（第{k}団体）{}", s.value());
                    *year.get_mut("comment").unwrap() = toml_edit::value(own);
                }
            }
            for field in ["target", "actual", "expected_effect", "actual_effect"] {
                if let Some(Value::String(s)) = year.get_mut(field).and_then(Item::as_value_mut) {
                    if let Some(moved) = perturb(s.value(), factor) {
                        *year.get_mut(field).unwrap() = toml_edit::value(moved);
                    }
                }
            }
        }
    }
    doc.to_string()
}

/// "23,583" × 1.05 → "24,762": a plainly printed number (with ▲ for negatives and thousands
/// separators) scaled and printed the same way, at the same precision; `None` for anything else.
fn perturb(printed: &str, factor: Decimal) -> Option<String> {
    let (negative, digits) = match printed.strip_prefix('▲') {
        Some(rest) => (true, rest),
        None => (false, printed),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let n: Decimal = digits.replace(',', "").parse().ok()?;
    let scale = n.scale();
    let moved = (n * factor).round_dp(scale);
    let text = if digits.contains(',') {
        format_number(moved)
    } else {
        moved.to_string()
    };
    Some(if negative { format!("▲{text}") } else { text })
}
