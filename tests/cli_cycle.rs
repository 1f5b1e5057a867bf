//! The year's cycle: the default year is the latest complete one, a partial year says how many
//! items have not reported, and workbooks go out (`template`) and come back (`import`).

mod common;

use common::{run_on, stdout_of, Sandbox};

/// A sandbox where one item (5-8-3) has reported for R6 and the other 70 have not.
fn one_r6_actual() -> Sandbox {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-3.toml",
        "[years.R6]\nplan = \"↓\"\ntarget = \"30,800\"\nexpected_effect = \"10,000\"\n",
        "[years.R6]\nplan = \"↓\"\ntarget = \"30,800\"\nexpected_effect = \"10,000\"\nactual = \"31,000\"\nactual_effect = \"5,100\"\nrating = \"A\"\n",
    );
    sb
}

#[test]
fn one_partial_year_does_not_switch_the_default_year() {
    let sb = one_r6_actual();
    let (out, _) = run_on(&sb, &["summary"], 0);
    assert!(
        out.starts_with("伊勢原市第6次行財政改革推進計画 令和5年度"),
        "{out}"
    );
    assert!(!out.contains("実績がありません"), "{out}");
    // The bundled plan's R5 is complete: no notice either.
    assert!(!stdout_of(&["summary"], 0).contains("実績がありません"));
}

#[test]
fn a_partial_year_asked_for_says_how_many_items_have_not_reported() {
    let sb = one_r6_actual();
    let (out, _) = run_on(&sb, &["summary", "--year", "R6"], 0);
    assert!(
        out.starts_with("令和6年度: 71項目中70項目はまだ実績がありません"),
        "{out}"
    );
    let (out, _) = run_on(&sb, &["evaluate", "--year", "R6", "--lang", "en"], 0);
    assert!(
        out.starts_with("R6: 70 of 71 items have no results yet"),
        "{out}"
    );
    // Machine-readable output stays clean; the notice goes to standard error.
    let (out, err) = run_on(&sb, &["list", "--year", "R6", "--format", "csv"], 0);
    assert!(!out.contains("実績がありません"), "{out}");
    assert!(err.contains("71項目中70項目"), "{err}");
    let (_, err) = run_on(&sb, &["agreement", "--year", "R6", "--format", "json"], 0);
    assert!(err.contains("71項目中70項目"), "{err}");
}

#[test]
fn without_a_complete_year_the_year_must_be_named() {
    let sb = Sandbox::new();
    // Take R5's results out of one item: no year is complete any more.
    sb.edit("plan/items/5-8-3.toml", "actual = \"25,900\"\n", "");
    sb.edit(
        "plan/items/5-8-3.toml",
        "actual_effect = \"15,100\"\nrating = \"A\"\n",
        "",
    );
    let (_, err) = run_on(&sb, &["summary"], 2);
    assert!(
        err.contains("no year's results are complete; the latest with results is R5, where 1 of 71 items have no results yet: pass --year R5"),
        "{err}"
    );
    let (out, _) = run_on(&sb, &["summary", "--year", "R5"], 0);
    assert!(
        out.starts_with("令和5年度: 71項目中1項目はまだ実績がありません"),
        "{out}"
    );
}
