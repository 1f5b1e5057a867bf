//! Evaluating a plan from Rust, without the command line: `cargo run --example embed
//! --no-default-features` builds only the engine (no CLI, no report formats).
//!
//! Opens the bundled Isehara plan in a [`Workspace`] (its own rule set, `rules/`, as its
//! `plan.toml` names it), evaluates the latest year whose results are complete, and prints the
//! official tables' figures — ratings per policy, expected and actual effects — and the items
//! the rules rate differently from the planning section, worded in the language asked for
//! (`cargo run --example embed --no-default-features -- en`).

use gyokaku::evaluation::{summarize, Agreement};
use gyokaku::i18n::{Lang, Localize};
use gyokaku::number::format_number as amount;
use gyokaku::{Workspace, Years};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lang: Lang = match std::env::args().nth(1) {
        Some(code) => code.parse()?,
        None => Lang::Ja,
    };
    let workspace = Workspace::new().with_lang(lang);
    let evaluated = match workspace.evaluate("plans/isehara-6", Years::LatestComplete) {
        Ok(evaluated) => evaluated,
        // Errors keep their data and are worded on demand, in the language asked for.
        Err(e) => return Err(e.localize(workspace.lang()).into()),
    };
    let (plan, evaluation) = (&evaluated.plan, &evaluated.evaluations[0]);
    let summary = summarize(plan, evaluation);

    println!("{} — {}", plan.name, evaluation.year.japanese());
    for p in &summary.policies {
        println!(
            "  {} {}: {} / 効果見込額 {} → 実績効果額 {} 千円",
            p.number,
            p.name,
            counts(&p.recorded),
            amount(p.effects.expected),
            amount(p.effects.actual)
        );
    }
    println!(
        "  合計: {} / {} → {} 千円",
        counts(&summary.recorded),
        amount(summary.effects.expected),
        amount(summary.effects.actual)
    );

    for item in (evaluation.items.iter()).filter(|i| i.agreement == Agreement::Differs) {
        println!(
            "  {} {}: {} {}, {} {} ({})",
            item.id,
            item.title,
            lang.pick("提案", "suggested"),
            item.suggested.as_deref().unwrap_or("-"),
            lang.pick("記録", "recorded"),
            item.recorded.as_deref().unwrap_or("-"),
            item.explanation().localize(lang)
        );
    }
    Ok(())
}

/// "A 17 / B 43 / C 11 / D 0 (71)".
fn counts(counts: &gyokaku::evaluation::Counts) -> String {
    let each: Vec<String> = (counts.by_rating.iter())
        .map(|(label, n)| format!("{label} {n}"))
        .collect();
    format!("{} ({})", each.join(" / "), counts.total)
}
