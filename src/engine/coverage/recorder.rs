//! The coverage recorder: an opt-in
//! recorder built on Rhai's debugger interface. A rule set that never switches it on runs
//! exactly as before; one that does records every statement and expression its calls reach.
//!
//! What counts ("points"): every statement of every function; both outcomes of every `if`;
//! every way a chain of `&&`, `||` or `??` can end (each part that stops it, and the last part
//! reached); every arm of a `switch` that is a plain expression. A point is reached when the
//! recorded hits show it: a statement or arm by being run, an `if`'s outcome by its first
//! statement running (or, for an empty side, by the `if` running more often than its other
//! side), a part of a chain that stops it by running more often than the part after it.

use std::collections::{HashMap, HashSet};
use std::mem::{discriminant, Discriminant};
use std::sync::{Arc, Mutex, MutexGuard};

use rhai::debugger::{DebuggerCommand, DebuggerEvent};
use rhai::{ASTNode, Engine, Expr, Position, Stmt, AST};

use super::{Coverage, CoveragePoint, FunctionCoverage, Operator, Reach, ScriptCoverage};

/// Which node ran where: position plus the node's variant, so that a parent and a child that
/// start at the same place are never mistaken for one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct NodeKey {
    line: usize,
    column: usize,
    node: NodeTag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NodeTag {
    Stmt(Discriminant<Stmt>),
    Expr(Discriminant<Expr>),
}

impl NodeKey {
    fn of(node: &ASTNode) -> Option<NodeKey> {
        let pos = node.position();
        let node = match node {
            ASTNode::Stmt(s) => NodeTag::Stmt(discriminant(*s)),
            ASTNode::Expr(e) => NodeTag::Expr(discriminant(*e)),
            _ => return None,
        };
        Some(NodeKey {
            line: pos.line()?,
            column: pos.position()?,
            node,
        })
    }

    fn stmt(s: &Stmt) -> Option<NodeKey> {
        NodeKey::of(&ASTNode::Stmt(s))
    }

    fn expr(e: &Expr) -> Option<NodeKey> {
        NodeKey::of(&ASTNode::Expr(e))
    }
}

/// Where running a block starts: its first statement, as the debugger reports it (it skips the
/// wrappers `Stmt::Expr`, `Expr::Stmt` and blocks, and reports what they hold).
fn block_entry(statements: &[Stmt]) -> Option<NodeKey> {
    let first = statements.iter().find(|s| !s.is_noop())?;
    match first {
        Stmt::Block(b) => block_entry(b.statements()),
        Stmt::Expr(e) => expr_entry(e),
        s => NodeKey::stmt(s),
    }
}

fn expr_entry(e: &Expr) -> Option<NodeKey> {
    match e {
        Expr::Stmt(b) => block_entry(b.statements()),
        e => NodeKey::expr(e),
    }
}

#[derive(Debug, Default)]
struct Hits {
    /// The script file being run; `None` outside rule calls (e.g. an item's effect formula).
    current: Option<String>,
    /// Per file, how often each node ran.
    nodes: HashMap<String, HashMap<NodeKey, u64>>,
    /// (file, function) pairs entered.
    functions: HashSet<(String, String)>,
}

/// Records what the scripts of one engine run. Installed by [`crate::engine::RuleSet::record_coverage`].
#[derive(Debug, Clone)]
pub(crate) struct Recorder {
    hits: Arc<Mutex<Hits>>,
}

/// Marks the script being run until dropped.
pub(crate) struct Running<'a>(&'a Recorder);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.hits().current = None;
    }
}

/// The hits, even after a panic elsewhere poisoned the lock (counts stay meaningful).
fn lock(hits: &Mutex<Hits>) -> MutexGuard<'_, Hits> {
    hits.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Recorder {
    fn hits(&self) -> MutexGuard<'_, Hits> {
        lock(&self.hits)
    }

    /// Registers the debugger callback on `engine` and returns the recorder it fills.
    pub(crate) fn install(engine: &mut Engine) -> Recorder {
        let hits = Arc::new(Mutex::new(Hits::default()));
        let h = hits.clone();
        // The debugger interface is marked volatile by Rhai; it is pinned by Cargo.lock.
        #[allow(deprecated)]
        engine.register_debugger(
            |_, debugger| debugger,
            move |context, event, node, _source, _pos| {
                if matches!(event, DebuggerEvent::Start | DebuggerEvent::Step) {
                    let mut hits = lock(&h);
                    let hits = &mut *hits;
                    if let Some(file) = &hits.current {
                        let state = context.global_runtime_state();
                        if let Some(frame) = state.debugger().call_stack().last() {
                            let entered = (file.clone(), frame.fn_name.to_string());
                            if !hits.functions.contains(&entered) {
                                hits.functions.insert(entered);
                            }
                        }
                        if let Some(key) = NodeKey::of(&node) {
                            *hits
                                .nodes
                                .entry(file.clone())
                                .or_default()
                                .entry(key)
                                .or_default() += 1;
                        }
                    }
                }
                // Stop at every statement and expression, diving into function calls.
                Ok(DebuggerCommand::StepInto)
            },
        );
        Recorder { hits }
    }

    /// Attributes what runs until the guard is dropped to the script `file`.
    pub(crate) fn running(&self, file: &str) -> Running<'_> {
        self.hits().current = Some(file.to_string());
        Running(self)
    }

    /// Measures each script against the hits recorded so far.
    pub(crate) fn report<'a>(
        &self,
        scripts: impl IntoIterator<Item = (&'a str, &'a str, &'a AST)>,
    ) -> Coverage {
        let hits = self.hits();
        let empty = HashMap::new();
        let scripts = scripts
            .into_iter()
            .map(|(file, text, ast)| {
                let nodes = hits.nodes.get(file).unwrap_or(&empty);
                let count = |k: &NodeKey| nodes.get(k).copied().unwrap_or(0);
                let functions = function_spans(ast);
                let mut points: Vec<CoveragePoint> = collect_points(ast)
                    .into_iter()
                    .filter_map(|p| {
                        // The innermost function holding the point (closures sit inside one).
                        let function = functions
                            .iter()
                            .filter(|f| f.contains(p.at))
                            .max_by_key(|f| f.start)?;
                        Some(CoveragePoint {
                            line: p.at.0,
                            column: p.at.1,
                            function: function.name.clone(),
                            reach: p.reach,
                            covered: match p.test {
                                Test::Ran(k) => count(&k) > 0,
                                Test::MoreThan(a, b) => count(&a) > count(&b),
                            },
                        })
                    })
                    .collect();
                points.sort_by_key(|p| (p.line, p.column));
                points.dedup();
                let mut functions: Vec<FunctionCoverage> = functions
                    .into_iter()
                    .filter(|f| !f.name.starts_with("anon$"))
                    .map(|f| FunctionCoverage {
                        called: hits.functions.contains(&(file.to_string(), f.name.clone())),
                        name: f.name,
                        line: f.start.0,
                    })
                    .collect();
                functions.sort_by_key(|f| f.line);
                ScriptCoverage {
                    file: file.to_string(),
                    text: text.to_string(),
                    functions,
                    points,
                }
            })
            .collect();
        Coverage {
            scripts,
            phrase_groups: Vec::new(),
        }
    }
}

/// A function body's extent, `{` to `}`.
struct FunctionSpan {
    name: String,
    start: (usize, usize),
    end: (usize, usize),
}

impl FunctionSpan {
    fn contains(&self, at: (usize, usize)) -> bool {
        self.start <= at && at <= self.end
    }
}

fn line_col(p: Position) -> (usize, usize) {
    (p.line().unwrap_or(0), p.position().unwrap_or(0))
}

fn function_spans(ast: &AST) -> Vec<FunctionSpan> {
    ast.iter_fn_def()
        .map(|f| FunctionSpan {
            name: f.name.to_string(),
            start: line_col(f.body.start_position()),
            end: line_col(f.body.end_position()),
        })
        .collect()
}

/// How a point is shown to be reached.
enum Test {
    /// The node ran.
    Ran(NodeKey),
    /// The first node ran more often than the second.
    MoreThan(NodeKey, NodeKey),
}

struct Point {
    at: (usize, usize),
    reach: Reach,
    test: Test,
}

/// Every point of the script: statements, `if` outcomes, chain parts, switch arms. Statements
/// outside functions are included here and dropped by the caller (rules only run functions).
fn collect_points(ast: &AST) -> Vec<Point> {
    let mut points = Vec::new();
    ast.walk(&mut |path: &[ASTNode]| {
        match path.last() {
            Some(ASTNode::Stmt(s)) => stmt_points(s, &mut points),
            Some(ASTNode::Expr(e)) => expr_points(e, &mut points),
            _ => {}
        }
        true
    });
    points
}

fn stmt_points(s: &Stmt, points: &mut Vec<Point>) {
    match s {
        Stmt::Noop(..) | Stmt::Block(..) => {}
        Stmt::Expr(e) => {
            // An expression statement runs when its expression does; a `{ … }` expression's
            // statements are points of their own.
            if !matches!(**e, Expr::Stmt(..)) {
                if let Some(k) = NodeKey::expr(e) {
                    points.push(Point {
                        at: line_col(e.start_position()),
                        reach: Reach::Statement,
                        test: Test::Ran(k),
                    });
                }
            }
        }
        s => {
            let Some(key) = NodeKey::stmt(s) else { return };
            points.push(Point {
                at: line_col(s.position()),
                reach: Reach::Statement,
                test: Test::Ran(key),
            });
            if let Stmt::If(flow, pos) = s {
                let then = block_entry(flow.body.statements());
                let otherwise = block_entry(flow.branch.statements());
                let at = line_col(*pos);
                let side = |this: Option<NodeKey>, other: Option<NodeKey>| match (this, other) {
                    (Some(t), _) => Some(Test::Ran(t)),
                    (None, Some(o)) => Some(Test::MoreThan(key, o)),
                    (None, None) => None,
                };
                if let Some(test) = side(then, otherwise) {
                    points.push(Point {
                        at,
                        reach: Reach::IfTrue,
                        test,
                    });
                }
                if let Some(test) = side(otherwise, then) {
                    points.push(Point {
                        at,
                        reach: Reach::IfFalse,
                        test,
                    });
                }
            }
            if let Stmt::Switch(switch, _) = s {
                for arm in &switch.1.expressions {
                    if matches!(arm.rhs, Expr::Stmt(..)) {
                        continue;
                    }
                    if let Some(k) = NodeKey::expr(&arm.rhs) {
                        points.push(Point {
                            at: line_col(arm.rhs.start_position()),
                            reach: Reach::SwitchArm,
                            test: Test::Ran(k),
                        });
                    }
                }
            }
        }
    }
}

fn expr_points(e: &Expr, points: &mut Vec<Point>) {
    let (operator, parts) = match e {
        Expr::And(parts, _) => (Operator::And, parts),
        Expr::Or(parts, _) => (Operator::Or, parts),
        Expr::Coalesce(parts, _) => (Operator::Coalesce, parts),
        _ => return,
    };
    let keys: Vec<Option<NodeKey>> = parts.iter().map(expr_entry).collect();
    let count = parts.len();
    for (i, part) in parts.iter().enumerate() {
        let at = line_col(part.start_position());
        let Some(key) = keys[i] else { continue };
        if i + 1 < count {
            if let Some(next) = keys[i + 1] {
                points.push(Point {
                    at,
                    reach: Reach::Stops {
                        operator,
                        part: i + 1,
                    },
                    test: Test::MoreThan(key, next),
                });
            }
        } else {
            points.push(Point {
                at,
                reach: Reach::Reached {
                    operator,
                    part: i + 1,
                },
                test: Test::Ran(key),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rust_decimal::Decimal;

    use crate::engine::testing::{memory_rules, English as _};
    use crate::engine::{CallSite, RuleInput, RuleSet};
    use crate::i18n::{Lang, Localize};

    const RATING: &str = "fn rating(x, a) {
    if a == () { return (); }
    if a > 1 { \"A\" } else { \"B\" }
}
";

    const KIND: &str = "fn achievement(x) {
    if x.target == () || x.actual == () {
        return ();
    }
    let a = x.actual / x.target;
    a
}

fn effect(x) {
    x.value ?? 0
}
";

    const AT: CallSite<'static> = CallSite {
        item: Some("t"),
        year: "R5",
    };

    fn rules(kind: &str) -> RuleSet {
        memory_rules(RATING, "k", kind).unwrap()
    }

    fn input(target: Option<i64>, actual: Option<i64>) -> RuleInput {
        RuleInput {
            kind: "k".into(),
            target: target.map(Decimal::from),
            actual: actual.map(Decimal::from),
            value: actual.map(Decimal::from),
            ..RuleInput::default()
        }
    }

    /// (line, what) of each point of `file` no call reached.
    fn missed(rules: &RuleSet, file: &str) -> Vec<(usize, String)> {
        let coverage = rules.coverage().unwrap();
        let script = coverage.scripts.iter().find(|s| s.file == file).unwrap();
        script
            .uncovered()
            .map(|p| (p.line, p.reach.message().localize(Lang::En)))
            .collect()
    }

    #[test]
    fn nothing_is_recorded_unless_asked() {
        let rules = rules(KIND);
        rules
            .achievement(&Arc::new(input(Some(1), Some(1))), AT)
            .unwrap();
        assert!(rules.coverage().is_none());
    }

    #[test]
    fn statements_if_outcomes_and_chain_parts() {
        let mut rules = rules(KIND);
        rules.record_coverage();
        let coverage = rules.coverage().unwrap();
        let kind = &coverage.scripts[1];
        assert_eq!(kind.file, "mem/kinds/k.rhai");
        assert_eq!(kind.statements(), (0, 5));
        assert_eq!(kind.branches(), (0, 6), "if ×2, || ×2, ?? ×2");
        assert!(kind.functions.iter().all(|f| !f.called));

        rules
            .achievement(&Arc::new(input(Some(10), Some(12))), AT)
            .unwrap();
        assert_eq!(
            missed(&rules, "mem/kinds/k.rhai"),
            vec![
                (2, "the `if` condition was never true".to_string()),
                (2, "part 1 of this `||` was never true".to_string()),
                (3, "never run".to_string()),
                (10, "never run".to_string()),
                (
                    10,
                    "part 1 of this `??` was never a value (it was always ())".to_string()
                ),
                (10, "part 2 of this `??` was never evaluated".to_string()),
            ]
        );
        rules
            .achievement(&Arc::new(input(None, Some(12))), AT)
            .unwrap();
        assert_eq!(
            missed(&rules, "mem/kinds/k.rhai")[0],
            (10, "never run".to_string()),
            "a missing target takes the `if` and stops the `||` at part 1"
        );
        rules
            .kind_effect(&Arc::new(input(None, Some(12))), AT)
            .unwrap();
        rules.kind_effect(&Arc::new(input(None, None)), AT).unwrap();
        let coverage = rules.coverage().unwrap();
        let kind = &coverage.scripts[1];
        assert_eq!((kind.statements(), kind.branches()), ((5, 5), (6, 6)));
        assert!(kind.functions.iter().all(|f| f.called));
        assert!(!coverage.is_complete(), "rating.rhai never ran");

        assert_eq!(
            missed(&rules, "mem/rating.rhai"),
            vec![
                (2, "never run".to_string()),
                (2, "the `if` condition was never true".to_string()),
                (2, "the `if` condition was never false".to_string()),
                (2, "never run".to_string()),
                (3, "never run".to_string()),
                (3, "the `if` condition was never true".to_string()),
                (3, "the `if` condition was never false".to_string()),
                (3, "never run".to_string()),
                (3, "never run".to_string()),
            ]
        );
        rules
            .rating(&Arc::new(input(None, None)), None, AT)
            .unwrap();
        rules
            .rating(&Arc::new(input(None, None)), Some(Decimal::TWO), AT)
            .unwrap();
        assert_eq!(
            missed(&rules, "mem/rating.rhai"),
            vec![
                (3, "the `if` condition was never false".to_string()),
                (3, "never run".to_string()),
            ],
            "the `else` of an `if` expression is its own branch"
        );
        rules
            .rating(&Arc::new(input(None, None)), Some(Decimal::ONE), AT)
            .unwrap();
        assert!(rules.coverage().unwrap().is_complete());
    }

    #[test]
    fn an_if_without_else_is_false_when_it_runs_more_often_than_its_body() {
        let mut rules = rules(
            "fn achievement(x) {\n    let a = 1;\n    if x.target == () {\n        a = 2;\n    }\n    a\n}\n",
        );
        rules.record_coverage();
        rules.achievement(&Arc::new(input(None, None)), AT).unwrap();
        assert_eq!(
            missed(&rules, "mem/kinds/k.rhai"),
            vec![(3, "the `if` condition was never false".to_string())]
        );
        rules
            .achievement(&Arc::new(input(Some(1), None)), AT)
            .unwrap();
        assert!(missed(&rules, "mem/kinds/k.rhai").is_empty());
    }

    #[test]
    fn recording_keeps_results_and_limits() {
        let plain = rules(KIND);
        let mut recording = rules(KIND);
        recording.record_coverage();
        for (t, a) in [(Some(10), Some(12)), (None, Some(1)), (Some(3), Some(1))] {
            let x = input(t, a);
            assert_eq!(
                plain.achievement(&Arc::new(x.clone()), AT).unwrap(),
                recording.achievement(&Arc::new(x.clone()), AT).unwrap()
            );
            assert_eq!(
                plain.kind_effect(&Arc::new(x.clone()), AT).unwrap(),
                recording.kind_effect(&Arc::new(x.clone()), AT).unwrap()
            );
        }
        let mut runaway = rules("fn achievement(x) {\n    loop { }\n}\n");
        runaway.record_coverage();
        let err = runaway
            .achievement(&Arc::new(input(None, None)), AT)
            .unwrap_err()
            .en();
        assert!(err.contains("more than 100000 operations"), "{err}");
        assert!(runaway.coverage().unwrap().scripts[1].functions[0].called);
    }

    #[test]
    fn recording_changes_no_evaluation_of_the_plan() {
        use crate::evaluation::evaluate;
        use crate::model::{load_plan, FiscalYear};
        let root = env!("CARGO_MANIFEST_DIR");
        let plan = load_plan(format!("{root}/plans/isehara-6")).unwrap();
        let plain = RuleSet::load_dir(format!("{root}/rules")).unwrap();
        let mut recording = RuleSet::load_dir(format!("{root}/rules")).unwrap();
        recording.record_coverage();
        let year = FiscalYear::reiwa(5);
        let a = evaluate(&plan, &plain, year).unwrap();
        let b = evaluate(&plan, &recording, year).unwrap();
        assert_eq!(a, b);
        let statements = |r: &RuleSet| {
            r.coverage()
                .unwrap()
                .scripts
                .iter()
                .map(|s| s.statements().0)
                .sum::<usize>()
        };
        assert!(statements(&recording) > 0, "the plan's items ran the rules");
    }
}
