//! Statement and branch coverage of rule scripts, for `gyokaku test --coverage`: what a run
//! reached, per script. The recorder (`recorder.rs`, feature `coverage`) is built on Rhai's
//! debugger interface; without the feature a rule set cannot record, and nothing of Rhai's
//! debugging is compiled in.

crate::i18n::messages! {
    /// What `gyokaku test --coverage` says about the scripts no case reached.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CoverageText {
        /// A statement no case ran.
        NeverRun =>
            ja: "一度も実行されていません",
            en: "never run";
        /// An `if` whose condition was never true.
        IfNeverTrue =>
            ja: "`if` の条件が一度も真になっていません",
            en: "the `if` condition was never true";
        /// An `if` whose condition was never false.
        IfNeverFalse =>
            ja: "`if` の条件が一度も偽になっていません",
            en: "the `if` condition was never false";
        /// A part of a `&&` chain that was never false.
        PartNeverFalse { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も偽になっていません",
            en: "part {part} of this `{operator}` was never false";
        /// A part of a `||` chain that was never true.
        PartNeverTrue { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も真になっていません",
            en: "part {part} of this `{operator}` was never true";
        /// A part of a `??` chain that was always `()`.
        PartNeverValue { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も値になっていません (常に ())",
            en: "part {part} of this `{operator}` was never a value (it was always ())";
        /// The last part of a chain, never evaluated.
        PartNeverEvaluated { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も評価されていません",
            en: "part {part} of this `{operator}` was never evaluated";
        /// A `switch` arm never taken.
        SwitchArmNeverTaken =>
            ja: "この `switch` の分岐は一度も選ばれていません",
            en: "this `switch` arm was never taken";
    }
}
#[cfg(feature = "coverage")]
mod recorder;

#[cfg(feature = "coverage")]
pub(crate) use recorder::Recorder;

/// Without the `coverage` feature no recorder can exist: a rule set's `Option<Recorder>` is
/// always `None`.
#[cfg(not(feature = "coverage"))]
#[derive(Debug, Clone)]
pub(crate) enum Recorder {}

#[cfg(not(feature = "coverage"))]
impl Recorder {
    /// Never called: there is no recorder.
    pub(crate) fn running(&self, _file: &str) {
        match *self {}
    }
}

/// A chain operator whose parts may go unevaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `&&`: stops at the first false part.
    And,
    /// `||`: stops at the first true part.
    Or,
    /// `??`: stops at the first part that is not `()`.
    Coalesce,
}

impl Operator {
    /// As written in a script.
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::And => "&&",
            Operator::Or => "||",
            Operator::Coalesce => "??",
        }
    }
}

/// What a coverage point asks of the cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A statement runs.
    Statement,
    /// An `if`'s condition is true at least once.
    IfTrue,
    /// An `if`'s condition is false at least once (the `else` side, or skipping the `if`).
    IfFalse,
    /// A part of a chain stops it (`||` true, `&&` false, `??` a value), so the rest is skipped.
    Stops {
        /// The chain's operator.
        operator: Operator,
        /// 1-based part.
        part: usize,
    },
    /// The last part of a chain is evaluated.
    Reached {
        /// The chain's operator.
        operator: Operator,
        /// 1-based part.
        part: usize,
    },
    /// A `switch` arm is taken.
    SwitchArm,
}

impl Reach {
    /// Whether this is a branch (anything but a plain statement).
    pub fn is_branch(self) -> bool {
        self != Reach::Statement
    }
}

impl Reach {
    /// What no case did, as a sentence for an analyst.
    pub fn message(self) -> CoverageText {
        match self {
            Reach::Statement => CoverageText::NeverRun,
            Reach::IfTrue => CoverageText::IfNeverTrue,
            Reach::IfFalse => CoverageText::IfNeverFalse,
            Reach::Stops { operator, part } => {
                let operator_text = operator.symbol().to_string();
                match operator {
                    Operator::And => CoverageText::PartNeverFalse {
                        part,
                        operator: operator_text,
                    },
                    Operator::Or => CoverageText::PartNeverTrue {
                        part,
                        operator: operator_text,
                    },
                    Operator::Coalesce => CoverageText::PartNeverValue {
                        part,
                        operator: operator_text,
                    },
                }
            }
            Reach::Reached { operator, part } => CoverageText::PartNeverEvaluated {
                part,
                operator: operator.symbol().to_string(),
            },
            Reach::SwitchArm => CoverageText::SwitchArmNeverTaken,
        }
    }
}

/// One point of a script and whether any call reached it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoveragePoint {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The function it is in.
    pub function: String,
    /// What reaching it means.
    pub reach: Reach,
    /// Whether it was reached.
    pub covered: bool,
}

/// A function of a script and whether it was called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionCoverage {
    /// Its name.
    pub name: String,
    /// The line its body starts on.
    pub line: usize,
    /// Whether any call entered it.
    pub called: bool,
}

/// The coverage of one script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptCoverage {
    /// The script file, as the rule set names it ("rules/kinds/level.rhai").
    pub file: String,
    /// Its text, to show uncovered lines.
    pub text: String,
    /// Its functions, in the order they are written.
    pub functions: Vec<FunctionCoverage>,
    /// Its points, in the order they are written.
    pub points: Vec<CoveragePoint>,
}

impl ScriptCoverage {
    /// Line `n` (1-based) of the script.
    pub fn source_line(&self, n: usize) -> Option<&str> {
        n.checked_sub(1).and_then(|i| self.text.lines().nth(i))
    }

    /// (reached, all) statements.
    pub fn statements(&self) -> (usize, usize) {
        self.tally(|r| !r.is_branch())
    }

    /// (reached, all) branches.
    pub fn branches(&self) -> (usize, usize) {
        self.tally(Reach::is_branch)
    }

    fn tally(&self, which: impl Fn(Reach) -> bool) -> (usize, usize) {
        let points = self.points.iter().filter(|p| which(p.reach));
        let all = points.clone().count();
        (points.filter(|p| p.covered).count(), all)
    }

    /// The points no call reached.
    pub fn uncovered(&self) -> impl Iterator<Item = &CoveragePoint> {
        self.points.iter().filter(|p| !p.covered)
    }
}

/// The coverage of a rule set's scripts: the rating script first, then one per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Per script.
    pub scripts: Vec<ScriptCoverage>,
    /// The phrase groups of `data/phrases.toml` and whether some case's text contained one of
    /// their phrases.
    pub phrase_groups: Vec<super::data::PhraseGroupCoverage>,
}

impl Coverage {
    /// Whether every point and function of every script was reached, and every phrase group found.
    pub fn is_complete(&self) -> bool {
        self.scripts
            .iter()
            .all(|s| s.points.iter().all(|p| p.covered) && s.functions.iter().all(|f| f.called))
            && self.phrase_groups.iter().all(|g| g.found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
