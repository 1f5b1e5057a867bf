//! Values an item file gives where the indicator counts: a figure, "-", or a word the plan
//! declares; any other word is an error at its file and line, in every command and in check.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{run_on, Sandbox};

#[test]
fn a_word_where_the_indicator_counts_is_an_error_at_its_line() {
    let sb = Sandbox::new();
    // 1-1-1 counts 件.
    sb.edit(
        "plan/items/1-1-1.toml",
        "actual = \"3\"",
        "actual = \"集計中\"",
    );
    let (_, err) = run_on(&sb, &["evaluate"], 2);
    assert!(
        err.contains("plan/items/1-1-1.toml:23: 実施項目 1-1-1: years.R5.actual: \"集計中\" は数値ではありません。この指標 (単位 件) は数値で測る"),
        "{err}"
    );
    let (_, err) = run_on(&sb, &["status", "--year", "R5"], 2);
    assert!(
        err.contains("1-1-1.toml:23:"),
        "status does not count it: {err}"
    );
    let (out, _) = run_on(&sb, &["check", "--lang", "en"], 1);
    assert!(
        out.contains("1-1-1.toml:23: years.R5.actual: \"集計中\" is not a figure"),
        "{out}"
    );

    // Declared for the indicator, it is no figure, printed as written.
    sb.edit(
        "plan/items/1-1-1.toml",
        "kind = \"cumulative\"",
        "kind = \"cumulative\"\nwords = [\"集計中\"]",
    );
    let (out, _) = run_on(&sb, &["explain", "1-1-1"], 0);
    assert!(out.contains("x.actual_text         ┆ \"集計中\""), "{out}");
    assert!(out.contains("x.actual              ┆ ()"), "{out}");
}

#[test]
fn a_figure_in_words_or_a_letter_for_a_minus_is_refused_and_a_dash_is_a_minus() {
    let sb = Sandbox::new();
    sb.edit(
        "plan/items/5-8-8.toml",
        "actual = \"34\"",
        "actual = \"三十四台\"",
    );
    let (_, err) = run_on(&sb, &["summary"], 2);
    assert!(
        err.contains(
            "5-8-8.toml:28: 実施項目 5-8-8: years.R5.actual: \"三十四台\" は数値ではありません"
        ),
        "{err}"
    );
    sb.edit(
        "plan/items/5-8-8.toml",
        "actual = \"三十四台\"",
        "actual = \"ー34\"",
    );
    let (_, err) = run_on(&sb, &["summary", "--lang", "en"], 2);
    assert!(
        err.contains("5-8-8.toml:28: item 5-8-8: years.R5.actual: \"ー34\" starts with \"ー\", which is not a minus sign"),
        "{err}"
    );
    // U+2010 (hyphen) before digits is the minus it stands for.
    sb.edit(
        "plan/items/5-8-8.toml",
        "actual = \"ー34\"",
        "actual = \"‐34\"",
    );
    let (out, _) = run_on(&sb, &["explain", "5-8-8"], 0);
    assert!(out.contains("x.actual              ┆ -34"), "{out}");
}
