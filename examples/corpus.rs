//! Writes a synthetic corpus of plan folders for measuring gyokaku on many plans:
//!
//! ```text
//! cargo run --release --example corpus -- 1741 target/bench-corpus/1741
//! /usr/bin/time -v target/release/gyokaku summary target/bench-corpus/1741 --year all
//! ```
//!
//! Each plan is a clone of the bundled Isehara plan as another municipality, with its own
//! policy and theme names and perturbed figures (see `benches/common/corpus.rs`).

#[path = "../benches/common/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let plans: usize = match args.next() {
        Some(n) => n.parse()?,
        None => return Err("usage: corpus PLANS [DIR]".into()),
    };
    let dir = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| corpus::default_dir(plans));
    let dir = corpus::ensure(&dir, plans)?;
    println!("{plans} plans in {}", dir.display());
    Ok(())
}
