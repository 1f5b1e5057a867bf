//! Rule scripts run as bytecode (Rhai's `grain`): each script is lowered once when the rule set
//! compiles, and each thread keeps a machine per script whose function lookups stay cached
//! from one call to the next (a fresh call through the AST starts with none).

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use rhai::grain::{Compiler, Program, Vm};
use rhai::{CallFnOptions, Dynamic, Engine, EvalAltResult, Scope, AST};

/// A script lowered to bytecode.
pub(super) type Bytecode = Arc<Program<'static>>;

/// `ast` lowered to bytecode; `None` when the script must run through the AST: a closure
/// handed to a native function (`reduce(|a, b| …)`) resolves only through wrappers that a
/// function call on a machine does not install.
pub(super) fn lower(ast: &AST) -> Option<Bytecode> {
    let program = Compiler::new().compile(ast);
    (!program.makes_fn_pointers()).then(|| Arc::new(program))
}

self_cell::self_cell!(
    /// A machine with the engine it dispatches through.
    struct Machine {
        owner: Arc<Engine>,
        #[covariant]
        dependent: Vm,
    }
);

/// A machine kept by a thread for one script.
struct Kept {
    /// The script it runs; once the rule set is dropped, the machine goes at the thread's
    /// next new one.
    program: Weak<Program<'static>>,
    machine: Machine,
}

/// The most machines a thread keeps: a rule set has a dozen scripts; a thread evaluating
/// plans with rule sets of their own keeps the latest few.
const KEPT_PER_THREAD: usize = 64;

thread_local! {
    /// This thread's machines, the least recently used first. A machine is taken out while it runs, so a call
    /// made from inside another (a native function calling back) gets a machine of its own.
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// Calls `function(args…)` of `program` on this thread's machine for it (made now if there is
/// none), as `Engine::call_fn_with_options` would with the script's AST: the top level not
/// run, a scope of its own.
pub(super) fn call(
    engine: &Arc<Engine>,
    program: &Bytecode,
    function: &str,
    args: Vec<Dynamic>,
) -> Result<Dynamic, Box<EvalAltResult>> {
    let mut kept = take(program).unwrap_or_else(|| Kept {
        program: Arc::downgrade(program),
        machine: Machine::new(Arc::clone(engine), |engine| Vm::new(engine)),
    });
    let options = CallFnOptions::new().eval_ast(false).rewind_scope(true);
    let result = kept.machine.with_dependent_mut(|_, vm| {
        vm.call_fn_with_options::<Dynamic>(options, &mut Scope::new(), program, function, args)
    });
    KEPT.with(|k| k.borrow_mut().push(kept));
    result
}

/// This thread's machine for `program`, taken out; on a miss, the machines of dropped rule
/// sets and the least recently used beyond [`KEPT_PER_THREAD`] are let go.
fn take(program: &Bytecode) -> Option<Kept> {
    KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        let target = Arc::as_ptr(program);
        if let Some(i) = kept.iter().position(|m| m.program.as_ptr() == target) {
            return Some(kept.remove(i));
        }
        kept.retain(|m| m.program.strong_count() > 0);
        let over = (kept.len() + 1).saturating_sub(KEPT_PER_THREAD);
        kept.drain(..over);
        None
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, rules, AT};
    use crate::engine::{RuleInput, RuleSet};

    /// How many machines this thread keeps for `program`.
    fn kept_for(program: &Weak<Program<'static>>) -> usize {
        KEPT.with(|k| {
            (k.borrow().iter())
                .filter(|m| m.program.ptr_eq(program))
                .count()
        })
    }

    /// Each rule gives the same value, explanation or error run as bytecode and through the AST,
    /// with and without explanations, the engine's limits and refusals included.
    #[test]
    fn bytecode_and_the_ast_agree() {
        for body in [
            "explain(`ratio ${percent(x.actual / x.target)}`, \"en\"); x.actual / x.target",
            "let s = \"x\"; for i in 0..20 { s += s; } s.len",
            "let s = \"x\"; for i in 0..20 { s = s + s; } s.len",
            "let s = \"x\"; for i in 0..20 { s = `${s}${s}`; } s.len",
            "let s = \"x\"; for i in 0..20 { s.append(s); } s.len",
            "let s = \"x\"; for i in 0..5000 { s += 'c'; } s.len",
            "let s = \"x\"; for i in 0..5000 { s += 12; } s.len",
            "let s = \"x\"; for i in 0..500 { s += [1, 2]; } s.len",
            "let s = \"x\"; s += (); s += 1.5; s += 'c'; s += [1]; s += #{a: 1}; s.len",
            "let s = \"x\"; s.pad(10000, 'a'); s.len",
            "let a = [1]; for i in 0..20 { a += a; } a.len",
            "let a = [1]; for i in 0..2000 { a.push(1); } a.len",
            "let m = #{s: \"x\"}; for i in 0..20 { m.s += m.s; } m.s.len",
            "let a = [[\"x\"]]; for i in 0..20 { a[0][0] += a[0][0]; } a.len",
            "let m = #{}; for i in 0..300 { m[`k${i}`] = 1; } m.len()",
            "loop { }",
            "let n = 0; while n < 100 { n += 1; } n",
            "fn_not_there(x.target)",
            "x.baseline * 2",
            "x.baseline > 0",
            "x.actual > \"1\"",
            "x.actual == \"44\"",
            "x.comment > ()",
            "if x.baseline == () && x.target != () { 1 } else { 0 }",
            "x.tagret",
            "[1, 2][5]",
            "x.actual / 0",
            "[1, 2, 3].map(|v| v * 2).reduce(|s, v| s + v, 0)",
            "switch x.kind { \"k\" => 1, _ => 2 }",
            "try { throw \"no\"; } catch (e) { explain(e); 3 }",
            "throw \"stopped\"",
            "kind(x.kind).limit",
            "let t = \"abc\"; t.sub_string(1, 1) + t.len",
        ] {
            let mut r = rules(&format!("fn achievement(x) {{\n    {body}\n}}")).unwrap();
            r.remember_calls(false);
            let run = |r: &RuleSet| {
                (r.achievement(&Arc::new(input()), AT))
                    .map(|o| (o.value, o.trace))
                    .map_err(|e| e.en())
            };
            for explained in [true, false] {
                r.explain_calls(explained);
                r.run_as_bytecode(true);
                let bytecode = run(&r);
                r.run_as_bytecode(false);
                assert_eq!(bytecode, run(&r), "{body} (explained: {explained})");
            }
        }
    }

    /// A thread keeps one machine per script over its calls, and its operations are counted
    /// per call: a call within the limit passes however many ran before it on the machine.
    #[test]
    fn a_machine_is_kept_and_its_operations_counted_per_call() {
        let mut r = rules(
            "fn achievement(x) { let n = 0; while n < x.actual { n += 1; } if n > 10000 { loop {} } 1 }",
        )
        .unwrap();
        r.remember_calls(false);
        r.run_as_bytecode(true);
        let compiled = r.compiled().unwrap();
        let program = Arc::downgrade(compiled.bytecode_for(&r.kinds["k"], true, true).unwrap());
        let x = Arc::new(input());
        // About 200 operations a call: 2,000 calls are four times the limit of one.
        for _ in 0..2000 {
            assert_eq!(r.achievement(&x, AT).unwrap().value, Some(1.into()));
        }
        assert_eq!(kept_for(&program), 1);
        let endless = Arc::new(RuleInput {
            actual: Some(20000.into()),
            ..input()
        });
        let err = r.achievement(&endless, AT).unwrap_err().en();
        assert!(err.contains("more than 100000 operations"), "{err}");
        assert_eq!(r.achievement(&x, AT).unwrap().value, Some(1.into()));
        assert_eq!(kept_for(&program), 1);
        drop(r);
        // The machines of a dropped rule set go at the thread's next new machine.
        let mut other = rules("fn achievement(x) { 2 }").unwrap();
        other.run_as_bytecode(true);
        other.achievement(&x, AT).unwrap();
        assert_eq!(kept_for(&program), 0);
    }

    /// By default a script is lowered once it has run a call for every four bytes of its
    /// text, and only then gets a machine.
    #[test]
    fn a_script_is_lowered_once_its_calls_pay_for_it() {
        let script = "fn achievement(x) { x.actual / x.target }"; // 41 bytes: 10 calls
        let mut r = rules(script).unwrap();
        r.remember_calls(false);
        let x = Arc::new(input());
        let lowered = |r: &RuleSet| {
            let compiled = r.compiled().unwrap();
            compiled.programs[r.kinds["k"].index][0].get().is_some()
        };
        for _ in 0..10 {
            r.achievement(&x, AT).unwrap();
        }
        assert!(!lowered(&r));
        let last = r.achievement(&x, AT).unwrap();
        assert!(lowered(&r));
        assert_eq!(last, r.achievement(&x, AT).unwrap());
    }
}
