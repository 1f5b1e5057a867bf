//! An item's effect amount (効果額): from its own formula (a Rhai expression over `value`,
//! `previous`, `baseline`, `total`, compiled once per item) or else from its kind's
//! `effect(x)`.

use std::sync::Arc;

use rhai::{Dynamic, Scope, AST};
use rust_decimal::Decimal;

use super::compile::compile_problem;
use super::limits;
use super::run::{number_result, runtime_error, start_call, CallSite, Outcome};
use super::RuleSet;
use crate::engine::error::{Compile, RuleError};
use crate::engine::input::RuleInput;
use crate::engine::sheet::{Effect, EffectBasis};
use crate::engine::trace::RuleTrace;
use crate::engine::CompileProblem;
use crate::i18n::Text;

/// The variables an item's effect formula can use, in the order [`RuleSet::eval_formula`] takes them.
pub const FORMULA_VARIABLES: &[&str] = &["value", "previous", "baseline", "total"];

/// An item's effect formula, compiled.
pub struct Formula {
    file: String,
    expression: String,
    ast: AST,
}

impl Formula {
    /// Where the formula was written ("items/1-3-4.toml:20").
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The formula as written.
    pub fn expression(&self) -> &str {
        &self.expression
    }
}

impl RuleSet {
    /// An item's effect for the year of `input`, unrounded: from its own compiled formula when
    /// it has one (computed only when the value it starts from, the target or the actual, is a
    /// number), else from its kind's `effect(x)` (called in any case: its guards decide).
    /// `Ok(None)` when there is nothing to compute.
    pub fn effect(
        &self,
        input: &Arc<RuleInput>,
        basis: EffectBasis,
        formula: Option<&Formula>,
        at: CallSite,
    ) -> Result<Option<Effect>, RuleError> {
        let (value, total, previous) = match basis {
            EffectBasis::Target => (input.target, input.target_total, input.previous_target),
            EffectBasis::Actual => (input.actual, input.actual_total, input.previous),
        };
        if let Some(formula) = formula {
            if value.is_none() {
                return Ok(None);
            }
            let result =
                self.eval_formula(formula, [value, previous, input.baseline, total], at)?;
            return Ok(result.map(|d| Effect {
                value: d,
                file: formula.file().to_string(),
                notes: (self.explain.then(|| {
                    Text::of(&RuleTrace::Formula {
                        expression: formula.expression().to_string(),
                        value: show(value),
                        previous: show(previous),
                        baseline: show(input.baseline),
                        total: show(total),
                    })
                }))
                .into_iter()
                .collect(),
            }));
        }
        let outcome = if basis == EffectBasis::Actual {
            // `value`, `total` and `previous` are the actual's already.
            self.kind_effect(input, at)?
        } else {
            let mut input = RuleInput::clone(input);
            input.value = value;
            input.total = total;
            input.previous = previous;
            self.kind_effect(&Arc::new(input), at)?
        };
        let Some(out) = outcome else {
            return Ok(None);
        };
        Ok(out.value.map(|d| Effect {
            value: d,
            file: self.kind_file(&input.kind).unwrap_or_default().to_string(),
            notes: out.trace,
        }))
    }

    /// Whether the kind's script defines `effect(x)` (false when the scripts do not compile).
    pub fn kind_has_effect(&self, kind: &str) -> bool {
        let Ok(compiled) = self.compiled() else {
            return false;
        };
        (self.kinds.get(kind)).is_some_and(|s| compiled.has_function(s, "effect"))
    }

    /// Runs the kind's `effect(x)`, when its script has one (the kind's default effect formula).
    pub fn kind_effect(
        &self,
        input: &Arc<RuleInput>,
        at: CallSite,
    ) -> Result<Option<Outcome<Option<Decimal>>>, RuleError> {
        let compiled = self.compiled()?;
        let Some(script) =
            (self.kinds.get(&input.kind)).filter(|s| compiled.has_function(s, "effect"))
        else {
            return Ok(None);
        };
        let out = self.call(script, "effect", input, Vec::new(), at)?;
        let value = number_result(&script.file, "effect", at, &out.value)?;
        Ok(Some(Outcome {
            value,
            trace: out.trace,
        }))
    }

    /// Compiles an item's effect formula (a Rhai expression over `value`, `previous`,
    /// `baseline`, `total`). `file` names where it was written, for messages.
    pub fn compile_formula(&self, expression: &str, file: &str) -> Result<Formula, RuleError> {
        if expression.len() > limits::MAX_FORMULA_BYTES {
            return Err(RuleError::Compile(Compile {
                file: file.to_string(),
                line: 0,
                column: 0,
                formula: true,
                problem: CompileProblem::FormulaTooLong {
                    max: limits::MAX_FORMULA_BYTES,
                },
                source_line: None,
            }));
        }
        let mut scope = Scope::new();
        for name in FORMULA_VARIABLES {
            scope.push_dynamic(*name, Dynamic::UNIT);
        }
        let ast = (self.compiled()?.engine)
            .compile_expression_with_scope(&scope, expression)
            .map_err(|e| {
                RuleError::Compile(Compile {
                    file: file.to_string(),
                    line: 0,
                    column: e.1.position().unwrap_or(0),
                    formula: true,
                    problem: compile_problem(&e.0),
                    // The formula is one line: show it, marked where the error is.
                    source_line: Some(expression.to_string()),
                })
            })?;
        Ok(Formula {
            file: file.to_string(),
            expression: expression.to_string(),
            ast,
        })
    }

    /// Evaluates a compiled formula. `vars` gives `value`, `previous`, `baseline`, `total` in that order.
    pub fn eval_formula(
        &self,
        formula: &Formula,
        vars: [Option<Decimal>; 4],
        at: CallSite,
    ) -> Result<Option<Decimal>, RuleError> {
        let mut scope = Scope::new();
        for (name, v) in FORMULA_VARIABLES.iter().zip(vars) {
            scope.push_dynamic(*name, v.map(Dynamic::from_decimal).unwrap_or(Dynamic::UNIT));
        }
        start_call();
        let result =
            (self.compiled()?.engine).eval_ast_with_scope::<Dynamic>(&mut scope, &formula.ast);
        match result {
            Ok(d) => number_result(&formula.file, "effect", at, &d),
            Err(e) => Err(runtime_error(&formula.file, "effect", at, &e)),
        }
    }
}

fn show(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string())
        .unwrap_or_else(|| "()".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, rules, AT};

    #[test]
    fn effects_beyond_any_plan_are_errors() {
        let r = rules("fn achievement(x) { 1 } fn effect(x) { 79228162514264337593543950335 }")
            .unwrap();
        let err = r.kind_effect(&Arc::new(input()), AT).unwrap_err();
        assert!(matches!(err, RuleError::ResultOutOfRange { .. }), "{err}");
        assert!(
            err.en()
                .starts_with("mem/kinds/k.rhai: function effect, item 1-2-3, R5: returned"),
            "{err}"
        );
        assert!(
            crate::i18n::Localize::localize(&err, crate::i18n::Lang::Ja)
                .starts_with("mem/kinds/k.rhai: 関数 effect、実施項目 1-2-3、R5: "),
            "{err}"
        );
    }

    #[test]
    fn formulas() {
        let r = rules("fn achievement(x) { 1 }").unwrap();
        let f = r
            .compile_formula("(baseline - value) * 18966.7", "items/1-3-4.toml:20")
            .unwrap();
        let d = |s: &str| Some(Decimal::from_str_exact(s).unwrap());
        let got = r
            .eval_formula(&f, [d("14.7"), None, d("13.9"), None], AT)
            .unwrap();
        assert_eq!(got, d("-15173.36"));
        let f = r.compile_formula("value - previous", "f").unwrap();
        let err = r
            .eval_formula(&f, [d("1"), None, None, None], AT)
            .unwrap_err()
            .en();
        assert!(
            err.starts_with("f: function effect, item 1-2-3, R5"),
            "{err}"
        );
        assert!(r.compile_formula("valeu * 2", "f").is_err());
    }
}
