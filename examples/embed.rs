//! Evaluating a plan from Rust in a few lines: `cargo run --example embed`.
//!
//! Loads the bundled Isehara plan and the default rules, evaluates the latest year with
//! results, and prints each policy's effect amounts and the items the rules rate differently
//! from the planning section.

use gyokaku::engine::RuleSet;
use gyokaku::evaluation::{evaluate, summarize, Agreement};
use gyokaku::model::load_plan;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plan = load_plan("plans/isehara-6")?;
    let rules = RuleSet::load_dir("rules")?;
    let year = plan.latest_year_with_results().ok_or("no results yet")?;

    let evaluation = evaluate(&plan, &rules, year)?;
    let summary = summarize(&plan, &evaluation);

    println!("{} — {}", plan.name, year.japanese());
    for p in &summary.policies {
        println!(
            "  {} {}: 効果見込額 {} → 実績効果額 {} 千円",
            p.number, p.name, p.effects.expected, p.effects.actual
        );
    }
    println!(
        "  合計: {} → {} 千円",
        summary.effects.expected, summary.effects.actual
    );

    for item in evaluation
        .items
        .iter()
        .filter(|i| i.agreement == Agreement::Differs)
    {
        println!(
            "  {} {}: suggested {}, recorded {} ({})",
            item.id,
            item.title,
            item.suggested.as_deref().unwrap_or("-"),
            item.recorded.as_deref().unwrap_or("-"),
            item.explanation()
        );
    }
    Ok(())
}
