//! Errors of the rule engine: a rule set that cannot be read or compiled, a rule that fails.

use std::fmt;

/// A rule set that could not be loaded, or a rule that failed while evaluating an item.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The rule set's files could not be read.
    #[error("cannot read the rule set {location}: {source}")]
    Io {
        /// The rule set.
        location: String,
        /// Why.
        source: std::io::Error,
    },
    /// `ruleset.toml` is missing or wrong.
    #[error("{file}:{line}: {message}")]
    Config {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A script does not compile.
    #[error("{}", Compile::fmt_error(.0))]
    Compile(Compile),
    /// A rule failed (or ran away) while evaluating an item.
    #[error("{file}: function {function}, item {item}, {year}: {message}")]
    Runtime {
        /// The rule file ("kinds/higher_better.rhai", or the item file for an item's formula).
        file: String,
        /// The function ("achievement", "rating", "effect").
        function: String,
        /// The item.
        item: String,
        /// The fiscal year.
        year: String,
        /// What went wrong.
        message: String,
    },
    /// A script defines more functions than a rule set may (compiling would take too long).
    #[error("{file}: the script has {count} functions (counting every `fn`), more than {} (関数が多すぎます)", crate::engine::limits::MAX_FUNCTIONS_PER_SCRIPT)]
    TooManyFunctions {
        /// The script.
        file: String,
        /// How many `fn` it has.
        count: usize,
    },
    /// A rule returned an effect too large to be an amount of any plan.
    #[error("{file}: function {function}, item {item}, {year}: returned {value}, more than {} digits before the decimal point: no effect amount is that large (効果額が大きすぎます)", crate::engine::limits::MAX_EFFECT_DIGITS)]
    ResultOutOfRange {
        /// The rule file (or the item file, for an item's formula).
        file: String,
        /// The function.
        function: String,
        /// The item.
        item: String,
        /// The fiscal year.
        year: String,
        /// What it returned.
        value: rust_decimal::Decimal,
    },
}

/// A compile error with its place and the offending line, marked.
#[derive(Debug)]
pub struct Compile {
    /// The script file.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// The message.
    pub message: String,
    /// The offending line of the script.
    pub source_line: Option<String>,
}

impl Compile {
    fn fmt_error(&self) -> String {
        // Line 0: the text is not a script file of its own (an item's effect formula, whose
        // `file` already names the TOML line); then only the column is known.
        let mut out = match (self.line, self.column) {
            (0, 0) => format!("{}: {}", self.file, self.message),
            (0, column) => format!("{}: {} (column {column})", self.file, self.message),
            (line, column) => format!("{}:{line}:{column}: {}", self.file, self.message),
        };
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
        f.write_str(&self.fmt_error())
    }
}

/// Until every rule error is a catalogue kind, its text is the same in both languages.
impl crate::i18n::Localize for RuleError {
    fn localize(&self, _: crate::i18n::Lang) -> String {
        self.to_string()
    }
}
