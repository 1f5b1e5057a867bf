//! The Rhai engine rule scripts run on: fixed limits, nothing read from outside (no modules,
//! no `eval`, no clock), comparisons of values of different kinds refused, and the functions of
//! `rules/README.md` registered. One engine serves every script and formula of a rule set.

use std::cell::Cell;

use rhai::{Dynamic, Engine, EvalAltResult};
use rust_decimal::Decimal;

use super::limits;
use crate::engine::data::Data;
use crate::engine::{functions, input, summary, trace, RuleProblem};
use crate::number::{format_number, format_percent};

/// The engine for a rule set whose data files are `data`.
pub(super) fn build_engine(data: &Data) -> Engine {
    let mut engine = Engine::new();
    engine
        // Operations are counted per call by `count_operation`: a bytecode machine's count runs
        // on from one call to the next.
        .set_max_operations(0)
        .set_max_call_levels(limits::MAX_CALL_LEVELS)
        .set_max_expr_depths(limits::MAX_EXPR_DEPTH, limits::MAX_FUNCTION_EXPR_DEPTH)
        .set_max_string_size(limits::MAX_STRING_SIZE)
        .set_max_array_size(limits::MAX_ARRAY_SIZE)
        .set_max_map_size(limits::MAX_MAP_SIZE)
        .set_max_variables(limits::MAX_VARIABLES)
        .set_strict_variables(true)
        .set_fail_on_invalid_map_property(true)
        // No shared cache of interned strings: one rule set evaluates items on every core, and
        // Rhai guards that cache with a lock whose waiters sleep 10 ms, so with it two threads
        // ran no faster than one.
        .set_max_strings_interned(0)
        // Rules read nothing from outside: no modules from files, no eval.
        .set_module_resolver(rhai::module_resolvers::DummyModuleResolver::new());
    engine.disable_symbol("eval");
    engine.on_progress(count_operation);
    engine.on_print(trace::note);
    engine.on_debug(|s, _, _| trace::note(s));
    engine.register_fn("explain", trace::note);
    engine.register_fn("explain", trace::note_both);
    engine.register_fn("percent", |d: Decimal| format_percent(d));
    engine.register_fn("fmt", |d: Decimal| format_number(d));
    engine.register_fn("fmt", |i: rhai::INT| format_number(Decimal::from(i)));
    forbid_comparisons_of_different_kinds(&mut engine);
    check_appended_text(&mut engine);
    input::register(&mut engine);
    summary::register(&mut engine);
    functions::register(&mut engine, data);
    engine
}

thread_local! {
    /// The engine's count of operations just before the first of the running call on this
    /// thread; `None` until that operation.
    static CALL_START: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Starts counting the operations of a call on this thread.
pub(super) fn start_counting() {
    CALL_START.with(|s| s.set(None));
}

/// Called by Rhai at each operation with its count: stops the call that went beyond
/// [`limits::MAX_OPERATIONS`] of its own. A machine's count runs on across its calls and a call
/// through the AST counts from 1, so a call's count starts from where it was at the call's first
/// operation (and starts again where it went back).
fn count_operation(count: u64) -> Option<Dynamic> {
    let start = CALL_START.with(|s| match s.get() {
        Some(start) if start < count => start,
        _ => {
            let start = count.saturating_sub(1);
            s.set(Some(start));
            start
        }
    });
    (count - start > limits::MAX_OPERATIONS).then(|| {
        Dynamic::from(RuleProblem::TooManyOperations {
            max: limits::MAX_OPERATIONS,
        })
    })
}

crate::i18n::messages! {
    /// A comparison in a rule that Rhai would quietly answer `false`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ComparisonProblem {
        /// `<`, `<=`, `>` or `>=` with a missing value (`()`).
        Missing { op: String } =>
            ja: "値のないもの (()) を `{op}` で比べています: 資料に値がありません。先に確かめてください (例: `if x.target == () {{ return (); }}`)",
            en: "comparing a missing value with `{op}`: the document gives no value here; test for it first, e.g. `if x.target == () {{ return (); }}`";
        /// Two values of different kinds (a number and text, true/false and a number…).
        Mixed { op: String, left: ValueKind, right: ValueKind } =>
            ja: "{left}と{right}を `{op}` で比べています: 種類の違う値は比べられません。同じ種類にそろえてから比べてください (数値の 1、文字列の \"1\")",
            en: "comparing {left} with {right} using `{op}`: values of different kinds cannot be compared; make them the same kind first (the number 1, the text \"1\")";
    }

    /// A kind of value in a rule script, as a comparison error names it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ValueKind {
        /// An integer or a decimal.
        Number => ja: "数値", en: "a number";
        /// A string or a character.
        Text => ja: "文字列", en: "text";
        /// `true` or `false`.
        Bool => ja: "真偽値", en: "true/false";
        /// An array.
        Array => ja: "配列", en: "an array";
        /// A map.
        Map => ja: "マップ", en: "a map";
    }
}

/// `text += more` as `text = text + more`, whose result Rhai checks against the limit on a
/// string's size: run as bytecode, what `+=` leaves is not checked, and `s += s` in a loop
/// would double a string until memory runs out.
fn check_appended_text(engine: &mut Engine) {
    use rhai::{Blob, ImmutableString, NativeCallContext, Variant};

    fn append<T: Variant + Clone>(
        context: NativeCallContext,
        text: &mut ImmutableString,
        more: T,
    ) -> Result<(), Box<EvalAltResult>> {
        *text = context.call_native_fn("+", (text.clone(), more))?;
        Ok(())
    }
    // Each kind Rhai's own `+=` on text takes (a missing value adds nothing).
    engine.register_fn("+=", append::<ImmutableString>);
    engine.register_fn("+=", append::<char>);
    engine.register_fn("+=", append::<Blob>);
    engine.register_fn("+=", append::<Dynamic>);
}

/// Comparing values of different kinds is silently false in Rhai (`a > "1"`, `x.baseline > 0`
/// when the document gives no baseline): in a rule that turns every A into a B without a
/// word. So every comparison of two kinds is an error at the script's line — numbers (integer
/// or decimal) compare with numbers, text (string or character) with text, true/false with
/// true/false. A missing value (`()`) may be tested with `==` and `!=` (that is how a rule
/// asks whether the document gives a value), never ordered.
fn forbid_comparisons_of_different_kinds(engine: &mut Engine) {
    use rhai::{Array, ImmutableString, Map, INT};

    fn refuse(problem: ComparisonProblem) -> Box<EvalAltResult> {
        Box::new(EvalAltResult::ErrorRuntime(
            rhai::Dynamic::from(RuleProblem::Comparison { problem }),
            rhai::Position::NONE,
        ))
    }
    // A missing value on either side of an ordering.
    macro_rules! missing {
        ($($t:ty),*) => {$(
            for op in ["<", "<=", ">", ">="] {
                engine.register_fn(op, move |_: (), _: $t| -> Result<bool, Box<EvalAltResult>> {
                    Err(refuse(ComparisonProblem::Missing { op: op.into() }))
                });
                engine.register_fn(op, move |_: $t, _: ()| -> Result<bool, Box<EvalAltResult>> {
                    Err(refuse(ComparisonProblem::Missing { op: op.into() }))
                });
            }
        )*};
    }
    missing!(Decimal, INT, ImmutableString, char, bool, Array, Map);
    for op in ["<", "<=", ">", ">="] {
        engine.register_fn(
            op,
            move |_: (), _: ()| -> Result<bool, Box<EvalAltResult>> {
                Err(refuse(ComparisonProblem::Missing { op: op.into() }))
            },
        );
    }
    // Two values of different kinds, with any comparison.
    macro_rules! mixed {
        ($(($a:ty, $ka:ident, $b:ty, $kb:ident)),* $(,)?) => {$(
            for op in ["==", "!=", "<", "<=", ">", ">="] {
                let problem = move |left, right| ComparisonProblem::Mixed { op: op.into(), left, right };
                engine.register_fn(op, move |_: $a, _: $b| -> Result<bool, Box<EvalAltResult>> {
                    Err(refuse(problem(ValueKind::$ka, ValueKind::$kb)))
                });
                engine.register_fn(op, move |_: $b, _: $a| -> Result<bool, Box<EvalAltResult>> {
                    Err(refuse(problem(ValueKind::$kb, ValueKind::$ka)))
                });
            }
        )*};
    }
    mixed!(
        (Decimal, Number, ImmutableString, Text),
        (Decimal, Number, char, Text),
        (Decimal, Number, bool, Bool),
        (Decimal, Number, Array, Array),
        (Decimal, Number, Map, Map),
        (INT, Number, ImmutableString, Text),
        (INT, Number, char, Text),
        (INT, Number, bool, Bool),
        (INT, Number, Array, Array),
        (INT, Number, Map, Map),
        (ImmutableString, Text, bool, Bool),
        (ImmutableString, Text, Array, Array),
        (ImmutableString, Text, Map, Map),
        (char, Text, bool, Bool),
        (char, Text, Array, Array),
        (char, Text, Map, Map),
        (bool, Bool, Array, Array),
        (bool, Bool, Map, Map),
        (Array, Array, Map, Map),
    );
    // Registered operators are looked up only when the engine does not take its own shortcut.
    engine.set_fast_operators(false);
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, rules, AT};
    use crate::i18n::Text;

    /// Rhai's cache of interned strings is shared by the threads that evaluate with one rule
    /// set, behind a lock whose waiters sleep 10 ms: with it, two cores ran no faster than one.
    #[test]
    fn the_engine_keeps_no_shared_string_cache() {
        assert_eq!(build_engine(&Data::default()).max_strings_interned(), 0);
    }

    #[test]
    fn decimals_are_exact_inside_scripts() {
        let r =
            rules("fn achievement(x) { if 0.1 + 0.2 == 0.3 { x.actual / x.target } else { 0 } }")
                .unwrap();
        let out = r.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!(out.value, Some(Decimal::from_str_exact("1.1").unwrap()));
        let rated = r.rating(&Arc::new(input()), out.value, AT).unwrap();
        assert_eq!(rated.value.as_deref(), Some("A"));
    }

    #[test]
    fn percentages_of_any_decimal_format() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(format_percent(d("1.1")), "110.0%");
        assert_eq!(format_percent(d("20.234")), "2,023.4%");
        assert_eq!(format_percent(d("-0.19555")), "-19.6%");
        assert_eq!(format_percent(d("-0.0004")), "0.0%");
        assert_eq!(format_percent(d("0.0000000000000000000000001")), "0.0%");
        assert_eq!(
            format_percent(Decimal::MAX),
            "7,922,816,251,426,433,759,354,395,033,500.0%"
        );
        assert_eq!(
            format_percent(Decimal::MIN),
            "-7,922,816,251,426,433,759,354,395,033,500.0%"
        );
        let r = rules("fn achievement(x) { explain(percent(79228162514264337593543950335)); explain(fmt(79228162514264337593543950335)); 1 }").unwrap();
        let out = r.achievement(&Arc::new(input()), AT).unwrap();
        assert_eq!(
            out.trace[1],
            Text::same("79,228,162,514,264,337,593,543,950,335")
        );
    }

    #[test]
    fn an_endless_loop_stops_with_an_error() {
        let r = rules("fn achievement(x) { loop { } }").unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(
            err.starts_with("mem/kinds/k.rhai: function achievement, item 1-2-3, R5:"),
            "{err}"
        );
        assert!(err.contains("endless loop"), "{err}");
    }

    #[test]
    fn deep_recursion_stops_with_an_error() {
        let r = rules("fn f(n) { f(n + 1) } fn achievement(x) { f(0) }").unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("endless recursion"), "{err}");
    }

    #[test]
    fn huge_strings_and_arrays_are_refused() {
        let r = rules("fn achievement(x) { let s = \"x\"; while true { s += s; } }").unwrap();
        assert!(r.achievement(&Arc::new(input()), AT).is_err());
        let r = rules("fn achievement(x) { let a = []; while true { a.push(1); } }").unwrap();
        assert!(r.achievement(&Arc::new(input()), AT).is_err());
    }

    #[test]
    fn comparing_a_missing_value_is_an_error() {
        let r = rules("fn achievement(x) { if x.baseline > 0 { 1 } else { 0 } }").unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("comparing a missing value with `>`"), "{err}");
        let r = rules("fn achievement(x) { if 0 <= x.baseline { 1 } else { 0 } }").unwrap();
        assert!(r.achievement(&Arc::new(input()), AT).is_err());
        let r =
            rules("fn achievement(x) { if x.baseline == () && x.target != () { 1 } else { 0 } }")
                .unwrap();
        assert_eq!(
            r.achievement(&Arc::new(input()), AT).unwrap().value,
            Some(Decimal::ONE)
        );
    }

    #[test]
    fn the_comparison_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn comparing_values_of_different_kinds_is_an_error() {
        for script in [
            "x.actual > \"1\"",
            "x.actual == \"44\"",
            "1 != \"1\"",
            "true < 1",
            "'a' >= 0.5",
            "[1] == 1",
            "#{a: 1} == \"a\"",
            "x.comment > ()",
        ] {
            let r = rules(&format!(
                "fn achievement(x) {{ if {script} {{ 1 }} else {{ 0 }} }}"
            ))
            .unwrap();
            let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
            assert!(err.contains("comparing"), "{script}: {err}");
        }
        for script in [
            "x.actual > 40",
            "x.actual >= 40.5",
            "2 > 1.5",
            "\"b\" > \"a\"",
            "'b' > \"a\"",
            "true != false",
            "x.baseline == ()",
            "() != true",
            "[1] == [1]",
        ] {
            let r = rules(&format!(
                "fn achievement(x) {{ if {script} {{ 1 }} else {{ 0 }} }}"
            ))
            .unwrap();
            let out = r.achievement(&Arc::new(input()), AT);
            assert_eq!(out.unwrap().value, Some(Decimal::ONE), "{script}");
        }
    }

    #[test]
    fn unknown_property_and_variable_are_errors() {
        let r = rules("fn achievement(x) { x.tagret }").unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("tagret"), "{err}");
        let err = rules("fn achievement(x) { undefined_name }")
            .unwrap_err()
            .en();
        assert!(err.contains("undefined_name"), "{err}");
    }

    #[test]
    fn no_clock_no_files_no_eval() {
        assert!(rules("fn achievement(x) { timestamp() }")
            .unwrap()
            .achievement(&Arc::new(input()), AT)
            .is_err());
        let r = rules("fn achievement(x) { import \"other\" as o; o::f() }").unwrap();
        assert!(r.achievement(&Arc::new(input()), AT).is_err());
        assert!(rules("fn achievement(x) { eval(\"1\") }").is_err());
    }
}
