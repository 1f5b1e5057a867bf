//! Running one function of a rule script for an item and year: what it explains (unless the
//! run builds no explanations, `quiet.rs`), a call answered from memory when it must run as one
//! already made (`engine/memo.rs`), coverage when it is recorded, and the error naming file,
//! function, item and year when it fails.

use std::sync::Arc;

use rhai::{CallFnOptions, Dynamic, EvalAltResult, Scope};
use rust_decimal::Decimal;

use super::bytecode;
use super::limits;
use super::sandbox;
use super::script::Script;
use super::RuleSet;
use crate::engine::error::{rule_problem, RuleError};
use crate::engine::input::{self, RuleInput};
use crate::engine::{functions, memo, trace, RuleProblem};
use crate::i18n::Text;

/// A value a rule produced, with the lines the script wrote to explain itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<T> {
    /// The result.
    pub value: T,
    /// What the script said through `explain(…)` (and `print`), in order: each line in
    /// Japanese and English when the script gave both (`explain(ja, en)`).
    pub trace: Vec<Text>,
}

/// The item and year a rule runs for, for error messages.
#[derive(Debug, Clone, Copy)]
pub struct CallSite<'a> {
    /// Item id; `None` for a rule over the whole plan (`summary(s)`).
    pub item: Option<&'a str>,
    /// Fiscal year.
    pub year: &'a str,
}

/// Starts a call on this thread: nothing explained yet, the text functions' work and the
/// operations counted from 0.
pub(super) fn start_call() {
    trace::start_call();
    functions::reset_text_work();
    sandbox::start_counting();
}

impl RuleSet {
    /// Whether a call that must run like one this thread already made is answered from
    /// memory (the default; see `rules/README.md`) or run again. Results are the same either
    /// way; running every call is for measuring the rules themselves.
    pub fn remember_calls(&mut self, on: bool) {
        self.remember = on;
    }

    /// Whether the rules build their explanations (the default) or run without them, for
    /// output that shows none: every value is the same, every [`Outcome::trace`] empty, and
    /// what only an explanation's arguments would raise is not raised (`rules/README.md`).
    pub fn explain_calls(&mut self, on: bool) {
        self.explain = on;
    }

    /// Whether the rules build their explanations ([`RuleSet::explain_calls`]).
    pub fn explains(&self) -> bool {
        self.explain
    }

    /// Whether scripts run as bytecode from their first call (`true`), each thread keeping a
    /// machine per script whose lookups stay cached across calls, or always through their AST,
    /// each call starting anew (`false`). By default a script runs as bytecode once it has run
    /// enough calls to pay for lowering it. Results, explanations and errors are the same
    /// every way; this is for comparing.
    pub fn run_as_bytecode(&mut self, on: bool) {
        self.bytecode = Some(on);
    }

    /// Calls `function(x, more…)` of `script` — or, when this thread made a call that must
    /// run the same way, answers as it did ([`memo`]).
    pub(super) fn call(
        &self,
        script: &Script,
        function: &'static str,
        x: &Arc<RuleInput>,
        more: Vec<Dynamic>,
        at: CallSite,
    ) -> Result<Outcome<Dynamic>, RuleError> {
        let mut args = Vec::with_capacity(more.len() + 1);
        args.push(Dynamic::from(Arc::clone(x)));
        args.extend(more.iter().cloned());
        if !self.remember || self.coverage.is_some() {
            return self.run(script, function, args, at);
        }
        // A call remembered without its explanation never answers one that needs it.
        let key = memo::CallKey {
            script: script.id,
            function,
            explained: self.explain,
        };
        if let Some((value, trace)) = memo::recall(&key, x, &more) {
            return Ok(Outcome { value, trace });
        }
        let (result, reads) = input::record_reads(|| self.run(script, function, args, at));
        let done = result.as_ref().ok().map(|o| (&o.value, o.trace.as_slice()));
        memo::finish(key, more, reads, done);
        result
    }

    /// Runs `function(args…)` of `script`.
    pub(super) fn run(
        &self,
        script: &Script,
        function: &str,
        args: Vec<Dynamic>,
        at: CallSite,
    ) -> Result<Outcome<Dynamic>, RuleError> {
        start_call();
        let _running = self.coverage.as_ref().map(|c| c.running(&script.file));
        let compiled = self.compiled()?;
        // Coverage counts the lines as written, with Rhai's debugger, which follows the AST.
        let explained = self.explain || self.coverage.is_some();
        let bytecode = (self.bytecode != Some(false) && self.coverage.is_none())
            .then(|| compiled.bytecode_for(script, explained, self.bytecode == Some(true)))
            .flatten();
        let result = match bytecode {
            Some(program) => bytecode::call(&compiled.engine, program, function, args),
            None => compiled.engine.call_fn_with_options::<Dynamic>(
                CallFnOptions::new().eval_ast(false).rewind_scope(true),
                &mut Scope::new(),
                compiled.ast_for(script, explained),
                function,
                args,
            ),
        };
        let mut trace = trace::take_call();
        if !self.explain {
            // What a call that might change something still explained (`quiet.rs`).
            trace = Vec::new();
        }
        match result {
            Ok(value) => Ok(Outcome { value, trace }),
            Err(e) => Err(runtime_error(&script.file, function, at, &e)),
        }
    }
}

/// The number or `()` that `function` of `file` returned; an effect beyond any plan is an
/// error.
pub(super) fn number_result(
    file: &str,
    function: &str,
    at: CallSite,
    d: &Dynamic,
) -> Result<Option<Decimal>, RuleError> {
    let number = to_decimal(d).ok_or_else(|| {
        runtime(
            file,
            function,
            at,
            RuleProblem::NotANumber {
                type_name: d.type_name().to_string(),
            },
        )
    })?;
    // An effect is an amount that is added up across items: one beyond any plan's figures
    // would only make the totals overflow later, far from the rule that produced it.
    if function == "effect" {
        if let Some(n) = number.filter(|n| n.abs() >= limits::max_effect()) {
            return Err(RuleError::ResultOutOfRange {
                file: file.to_string(),
                function: function.to_string(),
                item: at.item.map(str::to_string),
                year: at.year.to_string(),
                value: n,
            });
        }
    }
    Ok(number)
}

/// A rule's failure on the item and year of `at`.
pub(super) fn runtime(file: &str, function: &str, at: CallSite, problem: RuleProblem) -> RuleError {
    RuleError::Runtime {
        file: file.to_string(),
        function: function.to_string(),
        item: at.item.map(str::to_string),
        year: at.year.to_string(),
        problem: Box::new(problem),
    }
}

/// A rule's failure on the item and year of `at`, in Rhai's terms.
pub(super) fn runtime_error(
    file: &str,
    function: &str,
    at: CallSite,
    e: &EvalAltResult,
) -> RuleError {
    runtime(file, function, at, rule_problem(e))
}

/// A number or `()` from what a script returned; `None` for anything else.
fn to_decimal(d: &Dynamic) -> Option<Option<Decimal>> {
    if d.is_unit() {
        Some(None)
    } else if let Ok(v) = d.as_decimal() {
        Some(Some(v))
    } else {
        d.as_int().ok().map(|i| Some(Decimal::from(i)))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, rules, AT};

    #[test]
    fn explain_lines_are_traced() {
        let r = rules("fn achievement(x) { explain(`ratio ${percent(x.actual / x.target)}`); 1 }")
            .unwrap();
        let out = r.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!(out.trace, [Text::same("ratio 110.0%")]);
        assert_eq!(out.value, Some(Decimal::ONE));
    }

    #[test]
    fn explain_takes_a_japanese_and_an_english_text() {
        let r = rules(
            "fn achievement(x) { explain(`達成率 ${percent(1.1)}`, `achievement ${percent(1.1)}`); print(\"both\"); 1 }",
        )
        .unwrap();
        let out = r.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!(
            out.trace,
            [
                Text::both("達成率 110.0%", "achievement 110.0%"),
                Text::same("both")
            ]
        );
    }

    #[test]
    fn threads_sharing_a_rule_set_keep_their_own_traces() {
        let r = rules("fn achievement(x) { explain(x.id); explain(x.id); 1 }").unwrap();
        std::thread::scope(|s| {
            for t in 0..4 {
                let r = &r;
                s.spawn(move || {
                    for n in 0..200 {
                        let input = RuleInput {
                            id: format!("{t}-{n}"),
                            ..input()
                        };
                        let out = r.achievement(&Arc::new(input.clone()), AT).unwrap();
                        assert_eq!(
                            out.trace,
                            [Text::same(input.id.clone()), Text::same(input.id)]
                        );
                    }
                });
            }
        });
    }

    #[test]
    fn explanations_are_capped_per_call() {
        let r = rules("fn achievement(x) { let s = \"x\"; for i in 0..3000 { explain(s); } 1 }")
            .unwrap();
        let out = r.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!(out.trace.len(), crate::engine::MAX_LINES_PER_CALL + 1);
    }

    #[test]
    fn explanations_never_run_out_over_a_long_run() {
        // 16 kB per call (4 lines of 4,096 characters): 2,000 calls explain 32 MB in all, and the
        // last is explained in full.
        let r = rules(
            "fn achievement(x) { let s = \"x\"; while s.len < 3000 { s += s; } for i in 0..4 { explain(s); } 1 }",
        )
        .unwrap();
        let first = r.achievement(&Arc::new(input()), AT).unwrap().trace;
        assert_eq!(first.len(), 4);
        for _ in 0..2000 {
            r.achievement(&Arc::new(input()), AT).unwrap();
        }
        assert_eq!(r.achievement(&Arc::new(input()), AT).unwrap().trace, first);
    }

    /// Without explanations a rule gives the same value and no trace; the call memo never
    /// answers a call that explains with one remembered without (nor the other way round).
    #[test]
    fn a_quiet_run_gives_the_same_values_and_no_explanation() {
        let script = "fn achievement(x) { let a = x.actual / x.target; explain(`達成率 ${percent(a)}`, `achievement ${percent(a)}`); let b = \"計\"; explain(b); print(`${x.id}`); a }";
        let mut quiet = rules(script).unwrap();
        quiet.explain_calls(false);
        let explaining = rules(script).unwrap();
        for _ in 0..2 {
            let q = quiet.achievement(&Arc::new(input()), AT).unwrap();
            let e = explaining.achievement(&Arc::new(input()), AT).unwrap();
            assert_eq!(q.value, e.value);
            assert!(q.trace.is_empty(), "{:?}", q.trace);
            assert_eq!(e.trace.len(), 3);
        }
        // The same rule set, switched: the remembered quiet call is not recalled.
        quiet.explain_calls(true);
        let again = quiet.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!(again.trace.len(), 3, "{:?}", again.trace);
        quiet.explain_calls(false);
        assert!(quiet
            .achievement(&Arc::new(input()), AT)
            .unwrap()
            .trace
            .is_empty());
    }

    /// A call that might change what the rule sees stays, and runs: its lines are dropped.
    #[test]
    fn a_quiet_run_keeps_explanations_that_change_something() {
        let mut r =
            rules("fn achievement(x) { let a = [1, 2]; explain(`${a.pop()}`); a.len() }").unwrap();
        r.explain_calls(false);
        let out = r.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!((out.value, out.trace), (Some(Decimal::ONE), Vec::new()));
    }

    /// What only an explanation's arguments raise is raised with explanations, not without
    /// (`rules/README.md`); errors elsewhere name the same line either way.
    #[test]
    fn an_error_inside_an_explanation_is_raised_only_with_explanations() {
        let script = "fn achievement(x) {\n    explain(`${percent(x.baseline)}`);\n    1\n}";
        let mut r = rules(script).unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("percent"), "{err}");
        r.explain_calls(false);
        assert_eq!(
            r.achievement(&Arc::new(input()), AT).unwrap().value,
            Some(Decimal::ONE)
        );

        let script = "fn achievement(x) {\n    explain(`長い説明 ${x.id}`); let a = x.baseline < 1;\n    1\n}";
        let mut r = rules(script).unwrap();
        let explained = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        r.explain_calls(false);
        let quiet = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert_eq!(quiet, explained);
        assert!(quiet.contains("line 2"), "{quiet}");
    }

    #[test]
    fn text_functions_in_a_loop_stop_with_an_error() {
        let r = rules(
            "fn achievement(x) { let t = \"a\"; while t.len < 2000 { t += t; } let w = t.sub_string(0, 2047) + \"b\"; for i in 0..1000 { scan(t, [w]); } 1 }",
        )
        .unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(
            err.contains("scan: the rule's text functions compared more than"),
            "{err}"
        );
        // The count starts again with every call.
        let r = rules("fn achievement(x) { scan(\"abc\", [\"b\"]).len }").unwrap();
        for _ in 0..3 {
            assert!(r.achievement(&Arc::new(input()), AT).is_ok());
        }
    }
}
