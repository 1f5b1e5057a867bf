//! Setting up a plan: a new plan folder (`gyokaku init`) and the plan itself taken from a
//! workbook, the 計画入力 sheet (`gyokaku template --plan-sheet`, `gyokaku import
//! --plan-sheet`), so that a published plan becomes plan files without writing TOML by hand.

pub mod init;
pub mod layout;
#[cfg(feature = "xlsx")]
pub mod plan_import;
#[cfg(feature = "xlsx")]
pub mod plan_sheet;

pub use init::{
    init_plan, parse_period, preset_scale, InitError, InitFile, InitText, NewPlan, Period,
};

use std::path::{Component, Path, PathBuf};

/// `path` written relative to the folder `base`, as plan.toml and ruleset.toml name other
/// folders (`../../rules`); both are made absolute first (through the current folder, resolving
/// what exists of them), and `path` is given back absolute when they share nothing below the
/// root (`/tmp/plan` and `/home/u/rules`: a path up to the root and down again helps no one).
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let (path, base) = (absolute(path), absolute(base));
    let (p, b): (Vec<Component>, Vec<Component>) =
        (path.components().collect(), base.components().collect());
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let roots = p
        .iter()
        .take_while(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        .count();
    if common <= roots {
        return path;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// `path` absolute, with its existing part resolved (symbolic links, `..`) and the rest as
/// written.
fn absolute(path: &Path) -> PathBuf {
    let joined = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return crate::model::normalize(&out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return crate::model::normalize(&joined),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("rules")).unwrap();
        std::fs::create_dir_all(root.join("plans")).unwrap();
        let rel = relative_to(&root.join("rules"), &root.join("plans/new-plan"));
        assert_eq!(rel, PathBuf::from("../../rules"));
        assert_eq!(
            relative_to(&root.join("plans/new/rules"), &root.join("plans/new")),
            PathBuf::from("rules")
        );
        // Nothing in common below the root: absolute.
        let elsewhere = Path::new("/gyokaku-nowhere/rules");
        assert_eq!(relative_to(elsewhere, &root.join("plans/new")), elsewhere);
    }
}
