use gyokaku::engine::{CallSite, RuleInput, RuleSet};
use gyokaku::evaluation::rule_input;
use gyokaku::model::{load_plan, FiscalYear};
use std::sync::Arc;
use std::time::Instant;
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let plan = load_plan("plans/isehara-6").unwrap();
    let year = FiscalYear::reiwa(5);
    for dir in std::env::args().skip(1) {
        let rules = RuleSet::load_dir(&dir).unwrap();
        let inputs: Vec<Arc<RuleInput>> = plan
            .items
            .iter()
            .filter(|i| i.indicator.kind == "higher_better")
            .map(|item| Arc::new(rule_input(&plan, item, year, &rules)))
            .collect();
        let n = 20000;
        let t = Instant::now();
        for _ in 0..n {
            for x in &inputs {
                let at = CallSite {
                    item: Some(&x.id),
                    year: &x.year,
                };
                std::hint::black_box(rules.achievement(x, at).unwrap());
            }
        }
        let per = t.elapsed().as_nanos() as f64 / (n * inputs.len()) as f64;
        println!(
            "{dir}: {per:.0} ns per achievement call ({} inputs)",
            inputs.len()
        );
    }
}
