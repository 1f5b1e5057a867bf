//! Errors of the rule engine: a rule set that cannot be read or compiled, a rule that fails.
//! Each failure is a kind with its fields, worded here ([`RuleText`] and the kinds inside it).

use std::fmt;

use rhai::EvalAltResult;
use rust_decimal::Decimal;

use super::period::{ForecastProblem, PeriodRuleText};
use super::summary::TableProblem;

use crate::i18n::{Arg, Lang, Localize};
use crate::model::ScaleProblem;

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

    /// How a rule set's error reads, with its place: the frame of a `RuleError`
    /// (`crate::engine::RuleError`) around its kind.
    #[derive(Debug)]
    pub enum RuleText {
        /// The rule set's files could not be read.
        Io { location: String, reason: String } =>
            ja: "ルールセット {location} を読めません: {reason}",
            en: "cannot read the rule set {location}: {reason}";
        /// `ruleset.toml`, a data file or a script is wrong as a whole.
        Config { file: String, line: usize, problem: String } =>
            ja: "{file}:{line}: {problem}",
            en: "{file}:{line}: {problem}";
        /// A rule failed on an item.
        Runtime { file: String, function: String, item: String, year: String, problem: RuleProblem } =>
            ja: "{file}: 関数 {function}、実施項目 {item}、{year}: {problem}",
            en: "{file}: function {function}, item {item}, {year}: {problem}";
        /// A rule failed on the whole plan (summary.rhai).
        RuntimeOnPlan { file: String, function: String, year: String, problem: RuleProblem } =>
            ja: "{file}: 関数 {function}、計画全体、{year}: {problem}",
            en: "{file}: function {function}, the whole plan, {year}: {problem}";
        /// A rule failed on a rule test case (the case is named already).
        RuntimeInCase { file: String, function: String, problem: RuleProblem } =>
            ja: "{file}、関数 {function}: {problem}",
            en: "{file}, function {function}: {problem}";
        /// A script with more functions than a rule set may have.
        TooManyFunctions { file: String, count: usize, max: usize } =>
            ja: "{file}: スクリプトに関数が {count} 個あります (fn をすべて数えています)。上限の {max} を超えているため読みません",
            en: "{file}: the script has {count} functions (counting every `fn`), more than {max}";
        /// A script that does not compile, at its line and column.
        CompileAt { file: String, line: usize, column: usize, problem: CompileProblem } =>
            ja: "{file}:{line}:{column}: {problem}",
            en: "{file}:{line}:{column}: {problem}";
        /// A script that does not compile, place unknown.
        CompileIn { file: String, problem: CompileProblem } =>
            ja: "{file}: {problem}",
            en: "{file}: {problem}";
        /// An item's effect formula that does not compile, at a column of it.
        FormulaAt { file: String, column: usize, problem: CompileProblem } =>
            ja: "{file}: 効果額の算定式: {problem} ({column} 文字目)",
            en: "{file}: effect formula: {problem} (column {column})";
        /// An item's effect formula that is refused as a whole.
        Formula { file: String, problem: CompileProblem } =>
            ja: "{file}: 効果額の算定式: {problem}",
            en: "{file}: effect formula: {problem}";
    }

    /// Why a script or an effect formula does not compile.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CompileProblem {
        /// A name that is no variable (`actual` for `x.actual`; a script's constant inside a
        /// function).
        UndefinedVariable { name: String } =>
            ja: "変数 {name} は定義されていません (x の値は x.actual のように書きます)",
            en: "Undefined variable: {name}";
        /// Any other syntax error, in the Rhai reader's words.
        Syntax { detail: String } =>
            ja: "構文の誤り: {detail}",
            en: "{detail}";
        /// An effect formula longer than the limit.
        FormulaTooLong { max: usize } =>
            ja: "{max} 文字を超えているため読みません",
            en: "longer than {max} characters";
    }

    /// What is wrong with a rule set as a whole (`ruleset.toml`, `data/*.toml`, a script
    /// without its function): the kind inside a `RuleError::Config`.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum RuleConfigProblem {
        /// TOML that does not parse, or a key the file may not have (the TOML reader's words).
        Toml { detail: String } =>
            ja: "TOML として読めません: {detail}",
            en: "{detail}";
        /// No `ruleset.toml`.
        NoConfig =>
            ja: "ルールセットに ruleset.toml (名前と評価尺度) がありません",
            en: "the rule set has no ruleset.toml (its name and rating scale)";
        /// A rating label given twice.
        LabelTwice { label: String, first_line: usize } =>
            ja: "評価の記号 {label:?} が重複しています: {first_line} 行目にもあります",
            en: "rating label {label:?} is given twice: also at line {first_line}";
        /// `extends` too many rule sets deep.
        ExtendsTooDeep { max: usize } =>
            ja: "extends が {max} 段を超えてルールセットをたどっています",
            en: "extends goes more than {max} rule sets deep";
        /// The rule set `extends` names cannot be found.
        CannotExtend { path: String, reason: std::io::Error } =>
            ja: "extends {path:?}: {reason}",
            en: "extends {path:?}: {reason}";
        /// A rule set held in memory cannot extend one.
        ExtendsFromMemory { location: String, path: String } =>
            ja: "{location}: メモリ上のルールセットは {path:?} を extends できません",
            en: "{location}: a rule set held in memory cannot extend {path:?}";
        /// `extends` leads back to a rule set already read.
        ExtendsCircle { path: String, location: String } =>
            ja: "extends {path:?} ({location}) がたどったルールセットに戻り、循環しています",
            en: "extends {path:?} ({location}) goes round in a circle";
        /// The rule set `extends` names cannot be read.
        CannotReadBase { path: String, location: String, reason: std::io::Error } =>
            ja: "extends {path:?}: {location} を読めません: {reason}",
            en: "extends {path:?}: cannot read {location}: {reason}";
        /// No scale, here or in a rule set extended.
        NoScale =>
            ja: "ルールセットに評価尺度 ([[scale.ratings]]) がなく、extends したルールセットにもありません",
            en: "the rule set has no scale ([[scale.ratings]]), and extends none that has";
        /// A scale without ratings.
        NoRatings =>
            ja: "評価尺度に評価 (ratings) がありません",
            en: "the scale has no ratings";
        /// A relation of the scale to another that is wrong.
        Scale { problem: ScaleProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// No `rating.rhai`.
        NoRatingScript =>
            ja: "ルールセットに rating.rhai (達成率から評価への対応) がありません",
            en: "the rule set has no rating.rhai (the mapping from achievement to rating)";
        /// A script without the function it is for.
        MissingFunction { signature: String } =>
            ja: "スクリプトに関数 {signature} がありません",
            en: "the script defines no function {signature}";
        /// A top-level constant of a kind script that is not something a kind declares.
        UnknownDeclaration { name: String, known: Vec<String> } =>
            ja: "定数 {name} は種類の宣言ではありません: 種類のスクリプトが宣言できるのは {known} です",
            en: "the constant {name} declares nothing of the kind: a kind script can declare {known}";
        /// A declaration of a kind script that is not `true` or `false`.
        DeclarationNotBool { name: String } =>
            ja: "{name} は true か false で宣言してください",
            en: "{name} must be declared true or false";
        /// A rating script without `judged` beside a judgement script.
        NoJudged { verdicts: Vec<String> } =>
            ja: "スクリプトに関数 judged(x, verdict) がありません: judgement.rhai の判定 ({verdicts}) を評価に変える関数です",
            en: "the script defines no function judged(x, verdict), which turns the verdicts of judgement.rhai ({verdicts}) into ratings";
        /// `data/phrases.toml` without groups.
        NoPhraseGroups =>
            ja: "語句のグループ [[group]] がありません: グループごとに名前と語句を書いてください",
            en: "no [[group]] of phrases: give each group a name and its phrases";
        /// A phrase group without a name or phrases.
        GroupWithoutPhrases =>
            ja: "[[group]] には名前と1つ以上の語句が必要です",
            en: "a [[group]] needs a name and at least one phrase";
        /// Two phrase groups of one name.
        SecondGroup { name: String } =>
            ja: "グループ {name:?} が2つあります",
            en: "a second group named {name:?}";
        /// An empty phrase.
        EmptyPhrase { group: String } =>
            ja: "グループ {group:?} に空の語句があります",
            en: "group {group:?} has an empty phrase";
        /// A phrase in two groups.
        PhraseInTwoGroups { phrase: String, first: String, second: String } =>
            ja: "語句 {phrase:?} がグループ {first:?} と {second:?} の両方にあります: 語句は1つのグループにだけ書いてください",
            en: "the phrase {phrase:?} is in the groups {first:?} and {second:?}: a phrase belongs to one group";
        /// A step of `data/steps.toml` without a name or words.
        StepWithoutWords =>
            ja: "[[step]] には名前と1つ以上の語が必要です",
            en: "a [[step]] needs a name and at least one word";
        /// An empty word of a step.
        EmptyStepWord { step: String } =>
            ja: "段階 {step:?} に空の語があります",
            en: "step {step:?} has an empty word";
        /// A word in two steps.
        WordInTwoSteps { word: String, first: String, second: String } =>
            ja: "語 {word:?} が段階 {first:?} と {second:?} の両方にあります: 語は1つの段階にだけ書いてください",
            en: "the word {word:?} is in the steps {first:?} and {second:?}: a word names one step";
        /// A number of a data file that is no exact decimal.
        NotExactDecimal { number: String } =>
            ja: "数値 {number} は正確な10進数として読めません",
            en: "the number {number} is not an exact decimal";
        /// A share (`match_share`) that is not a number.
        NotAShare { key: String } =>
            ja: "{key} は 0 から 1 の数値で書いてください",
            en: "{key} must be a number from 0 to 1";
    }

    /// What went wrong while a rule ran: the kind inside a `RuleError::Runtime`. Rhai's own
    /// words are quoted only where it gives nothing more typed.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum RuleProblem {
        /// Where in the script it happened.
        At { problem: Box<RuleProblem>, line: usize, position: usize } =>
            ja: "{problem} ({line} 行 {position} 文字目)",
            en: "{problem} (line {line}, position {position})";
        /// It happened inside a function the rule called.
        InFunction { problem: Box<RuleProblem>, function: String, line: usize, position: usize } =>
            ja: "{problem}\n(関数 '{function}' の中: {line} 行 {position} 文字目での呼び出し)",
            en: "{problem}\nin call to function '{function}' (line {line}, position {position})";
        /// With what would help.
        Hinted { problem: Box<RuleProblem>, hint: RuleHint } =>
            ja: "{problem}。{hint}",
            en: "{problem}; {hint}";
        /// The operation limit.
        TooManyOperations { max: u64 } =>
            ja: "ルールが {max} 回を超えて演算したため止めました (終わらないループではありませんか)",
            en: "the rule ran for more than {max} operations and was stopped (an endless loop?)";
        /// The call depth limit.
        TooDeep { max: usize } =>
            ja: "ルールが関数を {max} 段を超えて呼び出したため止めました (終わらない再帰ではありませんか)",
            en: "the rule called functions more than {max} levels deep and was stopped (endless recursion?)";
        /// The text functions' limit.
        TooMuchTextWork { function: String, max: u64 } =>
            ja: "{function}: ルールの文字列関数が1回の呼び出しで {max} 文字を超えて比べたため止めました",
            en: "{function}: the rule's text functions compared more than {max} characters in one call and were stopped";
        /// A variable that does not exist.
        VariableNotFound { name: String } =>
            ja: "変数 {name} がありません",
            en: "Variable not found: {name}";
        /// A property a value of a type does not have (`x.tagret`).
        UnknownProperty { property: String, type_name: String } =>
            ja: "{type_name} にプロパティ '{property}' はありません",
            en: "Unknown property '{property}' - a getter is not registered for type '{type_name}'";
        /// A key a map does not have.
        PropertyNotFound { name: String } =>
            ja: "マップにキー {name} がありません",
            en: "Property not found: {name}";
        /// A function that does not exist for these arguments.
        FunctionNotFound { signature: String } =>
            ja: "関数 {signature} はありません (名前か引数の型が違います)",
            en: "Function not found: {signature}";
        /// An array index out of bounds.
        ArrayBounds { index: i64, len: usize } =>
            ja: "配列の添字 {index} は範囲外です (要素は {len} 個)",
            en: "Array index {index} out of bounds: the array has {len} element(s)";
        /// A string index out of bounds.
        StringBounds { index: i64, len: usize } =>
            ja: "文字列の添字 {index} は範囲外です ({len} 文字)",
            en: "String index {index} out of bounds: the string has {len} character(s)";
        /// A value of the wrong type.
        WrongType { expected: String, actual: String } =>
            ja: "値の型が違います: {actual} ではなく {expected} が必要です",
            en: "Data type incorrect: {actual} (expecting {expected})";
        /// Indexing a value that cannot be indexed.
        NotIndexable { type_name: String } =>
            ja: "{type_name} は添字で取り出せません",
            en: "Indexer unavailable: {type_name}";
        /// A division by zero.
        DivisionByZero { expression: String } =>
            ja: "0 で割っています: {expression}",
            en: "Division by zero: {expression}";
        /// A result too large for an exact decimal.
        Overflow { expression: String } =>
            ja: "計算結果が大きすぎます: {expression}",
            en: "the result is too large: {expression}";
        /// A comparison of values of different kinds (worded beside the engine's set-up).
        Comparison { problem: crate::engine::ComparisonProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A rule's own `throw`.
        Thrown { value: String } =>
            ja: "ルールがエラーを出しました: {value}",
            en: "Runtime error: {value}";
        /// Any other failure, in Rhai's words.
        Rhai { detail: String } =>
            ja: "Rhai のエラー: {detail}",
            en: "{detail}";
        /// A function that returned what is not a number.
        NotANumber { type_name: String } =>
            ja: "数値か () を返さなければなりませんが、{type_name} を返しました",
            en: "must return a number or (), returned a {type_name}";
        /// A rating function that returned what is not a label.
        NotALabel { type_name: String } =>
            ja: "評価の記号か () を返さなければなりませんが、{type_name} を返しました",
            en: "must return a rating label or (), returned a {type_name}";
        /// A rating function that returned a label off the scale.
        LabelOffScale { label: String, labels: Vec<String> } =>
            ja: "{label:?} を返しましたが、評価尺度 ({labels}) にありません",
            en: "returned {label:?}, which is not on the scale ({labels})";
        /// An effect too large to be an amount of any plan.
        EffectTooLarge { value: Decimal, digits: u32 } =>
            ja: "{value} を返しましたが、整数部が {digits} 桁を超えています: そこまで大きな効果額はありません",
            en: "returned {value}, more than {digits} digits before the decimal point: no effect amount is that large";
        /// An indicator kind without a script.
        NoKindScript { kind: String, kinds: Vec<String> } =>
            ja: "ルールセットに種別 {kind:?} のスクリプトがありません (あるのは {kinds})",
            en: "the rule set has no script for kind {kind:?} (it has: {kinds})";
        /// `data(name)` of a file the rule set does not have.
        NoDataFile { name: String, known: Vec<String> } =>
            ja: "data(\"{name}\"): ルールセットに data/{name}.toml がありません (あるのは {known})",
            en: "data(\"{name}\"): the rule set has no data/{name}.toml (it has: {known})";
        /// `data(name, key)` of a key the file does not have.
        NoDataKey { name: String, key: String } =>
            ja: "data(\"{name}\", \"{key}\"): data/{name}.toml に {key} がありません",
            en: "data(\"{name}\", \"{key}\"): data/{name}.toml has no {key}";
        /// `data(name)` in a rule set without data files.
        NoDataFiles { name: String } =>
            ja: "data(\"{name}\"): ルールセットに data/{name}.toml がありません (data/ のファイルがありません)",
            en: "data(\"{name}\"): the rule set has no data/{name}.toml (it has none)";
        /// `phrases(text)` without `data/phrases.toml`.
        NoPhraseBook { function: String } =>
            ja: "{function}: ルールセットに data/phrases.toml がありません",
            en: "{function}: the rule set has no data/phrases.toml";
        /// `step_words(text)` or `furthest_step(text)` without `data/steps.toml`.
        NoStepBook { function: String } =>
            ja: "{function}: ルールセットに data/steps.toml がありません",
            en: "{function}: the rule set has no data/steps.toml";
        /// `read_comment` with a `data/phrases.toml` that lacks `match_share` or `[markers]`.
        NoMatching =>
            ja: "read_comment(plan, comment, telling): data/phrases.toml に match_share と [markers] (points, clauses) がありません",
            en: "read_comment(plan, comment, telling): data/phrases.toml has no match_share and [markers] (points, clauses)";
        /// A list of words that holds something else.
        ListNotStrings { function: String, type_name: String } =>
            ja: "{function}: リストには文字列を入れてください ({type_name} が入っています)",
            en: "{function}: the list must hold strings, it holds a {type_name}";
        /// `judge(x)` returned what is not a reading.
        ReadingNotAMap { type_name: String } =>
            ja: "マップ #{{ verdict: … }} か () を返さなければなりませんが、{type_name} を返しました",
            en: "must return a map #{{ verdict: … }} or (), returned a {type_name}";
        /// A reading with a key it does not have.
        ReadingUnknownKey { key: String } =>
            ja: "知らないキー {key:?} を返しました (読み取りのキーは verdict, weak, evidence です)",
            en: "returned the unknown key {key:?} (a reading has verdict, weak and evidence)";
        /// A verdict that is none.
        NotAVerdict { verdict: String, verdicts: Vec<String> } =>
            ja: "判定 {verdict:?} を返しましたが、判定は {verdicts} のいずれかです",
            en: "returned the verdict {verdict:?}; a verdict is one of {verdicts}";
        /// A text field that is not text.
        FieldNotText { key: String, type_name: String } =>
            ja: "{key} は文字列でなければなりませんが、{type_name} です",
            en: "{key} must be a string, it is a {type_name}";
        /// `weak` that is not true or false.
        WeakNotBool { type_name: String } =>
            ja: "weak は true か false でなければなりませんが、{type_name} です",
            en: "weak must be true or false, it is a {type_name}";
        /// `evidence` that is not an array.
        EvidenceNotArray { type_name: String } =>
            ja: "evidence はマップの配列でなければなりませんが、{type_name} です",
            en: "evidence must be an array of maps, it is a {type_name}";
        /// `evidence` holding what is not a map.
        EvidenceNotMap { type_name: String } =>
            ja: "evidence にはマップを入れてください ({type_name} が入っています)",
            en: "evidence must hold maps, it holds a {type_name}";
        /// Evidence with a key it does not have.
        EvidenceUnknownKey { key: String } =>
            ja: "evidence に知らないキー {key:?} があります (キーは point, clause, found, group です)",
            en: "evidence has the unknown key {key:?} (it has point, clause, found and group)";
        /// `summary(s)` returned what is not an array.
        SummaryNotArray =>
            ja: "summary(s) は表 #{{ title, columns, rows }} の配列 (か ()) を返さなければなりません",
            en: "summary(s) must return an array of tables #{{ title, columns, rows }} (or ())";
        /// A table `summary(s)` returned that is wrong.
        Table { table: usize, problem: TableProblem } =>
            ja: "表 {table}: {problem}",
            en: "table {table}: {problem}";
    }

    /// What would help with a rule's failure.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RuleHint {
        /// A misspelt property of x.
        InputProperties { properties: Vec<String> } =>
            ja: "x のプロパティは {properties} です",
            en: "x has the properties {properties}";
        /// A misspelt property of a year of x.history.
        YearProperties { properties: Vec<String> } =>
            ja: "x.history の年度のプロパティは {properties} です",
            en: "a year of x.history has the properties {properties}";
        /// A value the document does not give, computed with.
        UnitValue =>
            ja: "原資料にない値は () です: 使う前に `== ()` で確かめてください",
            en: "a value the document does not give is (): test it with `== ()` before using it";
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

/// What went wrong in a rule, from Rhai's error: its typed variants become
/// [`RuleProblem`]s, with where in the script it happened; the engine's own functions throw a
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
        // The engine's count of a call's operations stops it with the limit it reached.
        EvalAltResult::ErrorTerminated(limit, _) => limit.clone().try_cast::<RuleProblem>(),
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
