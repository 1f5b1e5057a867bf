//! Errors of the rule engine: a rule set that cannot be read or compiled, a rule that fails.
//! Each failure is a kind with its fields; the catalogue ([`RuleText`] and the kinds inside
//! it) words it.

use std::fmt;

use rhai::EvalAltResult;

use super::period::{ForecastProblem, PeriodRuleText};

use crate::i18n::{
    Arg, CompileProblem, Lang, Localize, RuleConfigProblem, RuleHint, RuleProblem, RuleText,
};

crate::i18n::messages! {
    /// An item's indicator kind that the rule set has no script for.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum KindProblem {
        /// With the kinds there are and the one most likely meant.
        Unknown { kind: String, rules: String, kinds: Vec<String>, nearest: Option<DidYouMean> } =>
            ja: "指標の種別 {kind:?} はルールセット {rules} にありません{nearest} (あるのは {kinds})",
            en: "unknown indicator kind {kind:?}{nearest} (the rule set {rules} has {kinds})";
    }

    /// The name most likely meant by one typed wrong.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum DidYouMean {
        /// The nearest name.
        Name { name: String } =>
            ja: ": {name:?} ではありませんか",
            en: ": did you mean {name:?}?";
    }
}

/// A rule set that could not be loaded, or a rule that failed while evaluating an item.
#[derive(Debug)]
pub enum RuleError {
    /// The rule set's files could not be read.
    Io {
        /// The rule set.
        location: String,
        /// Why.
        source: std::io::Error,
    },
    /// `ruleset.toml`, a data file or a script is wrong as a whole.
    Config {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: RuleConfigProblem,
    },
    /// A script does not compile.
    Compile(Compile),
    /// A rule failed (or ran away) while evaluating an item.
    Runtime {
        /// The rule file ("kinds/higher_better.rhai", or the item file for an item's formula).
        file: String,
        /// The function ("achievement", "rating", "effect").
        function: String,
        /// The item; `None` for a rule over the whole plan (`summary(s)`).
        item: Option<String>,
        /// The fiscal year.
        year: String,
        /// What went wrong.
        problem: Box<RuleProblem>,
    },
    /// A script defines more functions than a rule set may (compiling would take too long).
    TooManyFunctions {
        /// The script.
        file: String,
        /// How many `fn` it has.
        count: usize,
    },
    /// What a rule of the whole period returned is not what it must return (`forecast(p)`).
    Period {
        /// The rule file.
        file: String,
        /// The function.
        function: String,
        /// The item.
        item: String,
        /// What is wrong with it.
        problem: Box<ForecastProblem>,
    },
    /// An item names an indicator kind the rule set has no script for.
    UnknownKind {
        /// The item file and the line of its kind: `items/5-8-3.toml:14`.
        at: String,
        /// The kind, the kinds there are, the nearest.
        problem: KindProblem,
    },
    /// A rule returned an effect too large to be an amount of any plan.
    ResultOutOfRange {
        /// The rule file (or the item file, for an item's formula).
        file: String,
        /// The function.
        function: String,
        /// The item; `None` for a rule over the whole plan.
        item: Option<String>,
        /// The fiscal year.
        year: String,
        /// What it returned.
        value: rust_decimal::Decimal,
    },
}

/// A compile error with its place and the offending line, marked.
#[derive(Debug)]
pub struct Compile {
    /// The script file (for an item's effect formula, the item file and its line).
    pub file: String,
    /// 1-based line, 0 when unknown or when the text is an effect formula (one line).
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// Whether the text is an item's effect formula rather than a script.
    pub formula: bool,
    /// What is wrong.
    pub problem: CompileProblem,
    /// The offending line of the script.
    pub source_line: Option<String>,
}

impl Compile {
    /// The error in `lang`, the offending line below it with a mark under the column.
    fn text(&self, lang: Lang) -> String {
        let file = self.file.clone();
        let problem = self.problem.clone();
        let frame = match (self.formula, self.line, self.column) {
            (true, _, 0) => RuleText::Formula { file, problem },
            (true, _, column) => RuleText::FormulaAt {
                file,
                column,
                problem,
            },
            (false, 0, _) => RuleText::CompileIn { file, problem },
            (false, line, column) => RuleText::CompileAt {
                file,
                line,
                column,
                problem,
            },
        };
        let mut out = frame.localize(lang);
        if let Some(src) = &self.source_line {
            let gutter = if self.line > 0 {
                self.line.to_string()
            } else {
                String::new()
            };
            out.push_str(&format!(
                "\n {gutter} | {src}\n {} | ",
                " ".repeat(gutter.len())
            ));
            let col = self.column.max(1) - 1;
            let pad: String = src
                .chars()
                .take(col)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&pad);
            out.push('^');
        }
        out
    }
}

impl fmt::Display for Compile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::Ja))
    }
}

impl Localize for RuleError {
    fn localize(&self, lang: Lang) -> String {
        let text = match self {
            RuleError::Compile(c) => return c.text(lang),
            RuleError::Period {
                file,
                function,
                item,
                problem,
            } => {
                return PeriodRuleText::Returned {
                    file: file.clone(),
                    function: function.clone(),
                    item: item.clone(),
                    problem: (**problem).clone(),
                }
                .localize(lang)
            }
            RuleError::UnknownKind { at, problem } => {
                return format!("{at}: {}", problem.localize(lang))
            }
            RuleError::Io { location, source } => RuleText::Io {
                location: location.clone(),
                reason: source.arg(lang),
            },
            RuleError::Config {
                file,
                line,
                problem,
            } => RuleText::Config {
                file: file.clone(),
                line: *line,
                problem: problem.localize(lang),
            },
            RuleError::Runtime {
                file,
                function,
                item,
                year,
                problem,
            } => runtime_text(file, function, item.as_deref(), year, (**problem).clone()),
            RuleError::TooManyFunctions { file, count } => RuleText::TooManyFunctions {
                file: file.clone(),
                count: *count,
                max: super::limits::MAX_FUNCTIONS_PER_SCRIPT,
            },
            RuleError::ResultOutOfRange {
                file,
                function,
                item,
                year,
                value,
            } => runtime_text(
                file,
                function,
                item.as_deref(),
                year,
                RuleProblem::EffectTooLarge {
                    value: *value,
                    digits: super::limits::MAX_EFFECT_DIGITS,
                },
            ),
        };
        text.localize(lang)
    }
}

/// The frame of a rule's failure: on an item, or on the whole plan.
fn runtime_text(
    file: &str,
    function: &str,
    item: Option<&str>,
    year: &str,
    problem: RuleProblem,
) -> RuleText {
    let (file, function, year) = (file.to_string(), function.to_string(), year.to_string());
    match item {
        Some(item) => RuleText::Runtime {
            file,
            function,
            item: item.to_string(),
            year,
            problem,
        },
        None => RuleText::RuntimeOnPlan {
            file,
            function,
            year,
            problem,
        },
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

/// Inside a message, as it reads on its own.
impl Arg for RuleError {
    fn arg(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

impl std::error::Error for RuleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RuleError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl RuleError {
    /// The error without the item and year a plan would name: for a rule test case, which is
    /// named already.
    pub fn in_case(&self, lang: Lang) -> String {
        match self {
            RuleError::Runtime {
                file,
                function,
                problem,
                ..
            } => RuleText::RuntimeInCase {
                file: file.clone(),
                function: function.clone(),
                problem: (**problem).clone(),
            }
            .localize(lang),
            RuleError::Period {
                file,
                function,
                problem,
                ..
            } => PeriodRuleText::ReturnedInCase {
                file: file.clone(),
                function: function.clone(),
                problem: (**problem).clone(),
            }
            .localize(lang),
            other => other.localize(lang),
        }
    }
}

/// What went wrong in a rule, from Rhai's error: its typed variants become kinds of the
/// catalogue, with where in the script it happened; the engine's own functions throw a
/// [`RuleProblem`] that is taken back as it was. A hint is added where one helps.
pub(crate) fn rule_problem(e: &EvalAltResult) -> RuleProblem {
    let problem = problem_of(e);
    match hint_for(innermost(e)) {
        Some(hint) => RuleProblem::Hinted {
            problem: Box::new(problem),
            hint,
        },
        None => problem,
    }
}

/// The error inside every function call.
fn innermost(e: &EvalAltResult) -> &EvalAltResult {
    match e {
        EvalAltResult::ErrorInFunctionCall(_, _, inner, _) => innermost(inner),
        other => other,
    }
}

/// A limit of the engine, wherever in the calls it was reached: said alone.
fn limit_reached(e: &EvalAltResult) -> Option<RuleProblem> {
    match innermost(e) {
        EvalAltResult::ErrorTooManyOperations(_) => Some(RuleProblem::TooManyOperations {
            max: super::limits::MAX_OPERATIONS,
        }),
        EvalAltResult::ErrorStackOverflow(_) => Some(RuleProblem::TooDeep {
            max: super::limits::MAX_CALL_LEVELS,
        }),
        _ => None,
    }
}

fn problem_of(e: &EvalAltResult) -> RuleProblem {
    if let Some(limit) = limit_reached(e) {
        return limit;
    }
    let position = e.position();
    if let EvalAltResult::ErrorInFunctionCall(function, _, inner, _) = e {
        let problem = Box::new(problem_of(inner));
        return match (position.line(), position.position()) {
            (Some(line), Some(column)) => RuleProblem::InFunction {
                problem,
                function: function.clone(),
                line,
                position: column,
            },
            _ => *problem,
        };
    }
    let problem = kind_of(e);
    match (position.line(), position.position()) {
        (Some(line), Some(column)) => RuleProblem::At {
            problem: Box::new(problem),
            line,
            position: column,
        },
        _ => problem,
    }
}

/// The kind of one error, without its place.
fn kind_of(e: &EvalAltResult) -> RuleProblem {
    use EvalAltResult as E;
    match e {
        E::ErrorRuntime(value, _) => match value.clone().try_cast::<RuleProblem>() {
            Some(problem) => problem,
            None => RuleProblem::Thrown {
                value: value.to_string(),
            },
        },
        E::ErrorVariableNotFound(name, _) => RuleProblem::VariableNotFound { name: name.clone() },
        E::ErrorPropertyNotFound(name, _) => RuleProblem::PropertyNotFound { name: name.clone() },
        E::ErrorFunctionNotFound(signature, _) => RuleProblem::FunctionNotFound {
            signature: signature.clone(),
        },
        E::ErrorArrayBounds(len, index, _) => RuleProblem::ArrayBounds {
            index: *index,
            len: *len,
        },
        E::ErrorStringBounds(len, index, _) => RuleProblem::StringBounds {
            index: *index,
            len: *len,
        },
        E::ErrorMismatchDataType(expected, actual, _)
            if !expected.is_empty() && !actual.is_empty() =>
        {
            RuleProblem::WrongType {
                expected: expected.clone(),
                actual: actual.clone(),
            }
        }
        E::ErrorIndexingType(type_name, _) => RuleProblem::NotIndexable {
            type_name: type_name.clone(),
        },
        E::ErrorDotExpr(text, _) => match unknown_property(text) {
            Some((property, type_name)) => RuleProblem::UnknownProperty {
                property: property.to_string(),
                type_name: type_name.to_string(),
            },
            None => rhai_words(e),
        },
        E::ErrorArithmetic(text, _) => match text.split_once(": ") {
            Some(("Division by zero", expression)) => RuleProblem::DivisionByZero {
                expression: expression.to_string(),
            },
            Some((operation, expression)) if operation.ends_with("overflow") => {
                RuleProblem::Overflow {
                    expression: expression.to_string(),
                }
            }
            _ => rhai_words(e),
        },
        _ => rhai_words(e),
    }
}

/// Rhai's own description of an error, without the place it appends.
fn rhai_words(e: &EvalAltResult) -> RuleProblem {
    let mut e = e.to_string();
    if let Some(at) = e.rfind(" (line ") {
        if e.ends_with(')') {
            e.truncate(at);
        }
    }
    RuleProblem::Rhai { detail: e }
}

/// The property and the type of Rhai's "Unknown property 'p' - a getter is not registered for
/// type 'T'" (an `ErrorDotExpr`, whose only field is that text).
fn unknown_property(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("Unknown property '")?;
    let (property, rest) = rest.split_once("' - a getter is not registered for type '")?;
    Some((property, rest.strip_suffix('\'')?))
}

/// What helps with the innermost error: the properties that exist, for a misspelt one; how to
/// handle a value the document does not give, for `()` in arithmetic.
fn hint_for(e: &EvalAltResult) -> Option<RuleHint> {
    let owned = |list: &[&str]| list.iter().map(|p| p.to_string()).collect();
    match e {
        EvalAltResult::ErrorDotExpr(text, _) => match unknown_property(text)?.1 {
            "Input" => Some(RuleHint::InputProperties {
                properties: owned(super::input::PROPERTIES),
            }),
            "Year" => Some(RuleHint::YearProperties {
                properties: owned(super::input::YEAR_PROPERTIES),
            }),
            _ => None,
        },
        // `x.target * 2` when the document gives no target: () is not a number.
        EvalAltResult::ErrorFunctionNotFound(signature, _) => {
            let arguments = signature.split_once(" (")?.1.strip_suffix(')')?;
            arguments
                .split(", ")
                .any(|a| a == "()")
                .then_some(RuleHint::UnitValue)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
