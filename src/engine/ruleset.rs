//! A rule set: the rating scale, one Rhai script per indicator kind and the rating script,
//! compiled once and run with fixed limits.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rhai::{CallFnOptions, Dynamic, Engine, EvalAltResult, Scope, AST};
use rust_decimal::Decimal;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::coverage::{Coverage, Recorder};
use super::data::{self, Data, PhraseBook, StepBook, DATA_DIR, PHRASES_FILE, STEPS_FILE};
use super::error::{rule_problem, Compile, RuleError};
use super::functions;
use super::input::{self, RuleInput};
use super::memo;
use super::reading::Reading;
use super::source::{DirRules, RuleSource};
use super::summary::{FigureTable, SummaryInput, SUMMARY_FILE};
use super::trace::Trace;
use crate::i18n::{CompileProblem, RuleConfigProblem, RuleProblem, Text};
use crate::model::{Scale, SourceFile};
use crate::number::{format_number, format_percent};

/// Limits every script runs under, the same in debug and release builds. A runaway rule hits
/// one of them within milliseconds and fails with an error instead of hanging.
pub mod limits {
    /// Operations per call (a loop iteration is a few).
    pub const MAX_OPERATIONS: u64 = 100_000;
    /// Nested function calls (recursion depth).
    pub const MAX_CALL_LEVELS: usize = 24;
    /// Nesting of expressions, at top level and inside functions.
    pub const MAX_EXPR_DEPTH: usize = 48;
    /// Nesting of expressions inside functions.
    pub const MAX_FUNCTION_EXPR_DEPTH: usize = 32;
    /// Characters in a string.
    pub const MAX_STRING_SIZE: usize = 4_096;
    /// Elements in an array.
    pub const MAX_ARRAY_SIZE: usize = 1_000;
    /// Properties in an object map.
    pub const MAX_MAP_SIZE: usize = 256;
    /// Variables alive at once.
    pub const MAX_VARIABLES: usize = 256;
    /// Bytes of one rule script: the default rules' scripts are 1–3 kB.
    pub const MAX_SCRIPT_BYTES: u64 = 128 * 1024;
    /// Functions one rule script may define (counted as `fn` keywords).
    pub const MAX_FUNCTIONS_PER_SCRIPT: usize = 256;
    /// Bytes of an item's effect formula (one expression).
    pub const MAX_FORMULA_BYTES: usize = 1024;
    /// Digits before the decimal point of an effect a rule returns (千円): 10^20 千円 is beyond
    /// any plan, and a million items of that size still add up inside `Decimal`'s range.
    pub const MAX_EFFECT_DIGITS: u32 = 20;

    /// 10^[`MAX_EFFECT_DIGITS`]: the smallest effect that is refused.
    pub fn max_effect() -> rust_decimal::Decimal {
        rust_decimal::Decimal::from_i128_with_scale(10i128.pow(MAX_EFFECT_DIGITS), 0)
    }
}

/// The file naming the rule set and its scale.
pub const CONFIG_FILE: &str = "ruleset.toml";
/// The script mapping achievement to a rating.
pub const RATING_FILE: &str = "rating.rhai";
/// The optional script reading the year's plan and comment when the numbers cannot tell.
pub const JUDGEMENT_FILE: &str = "judgement.rhai";

/// A value a rule produced, with the lines the script wrote to explain itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<T> {
    /// The result.
    pub value: T,
    /// What the script said through `explain(…)` (and `print`), in order: each line in
    /// Japanese and English when the script gave both (`explain(ja, en)`).
    pub trace: Vec<Text>,
}

/// How the rules rated an item: the reading of its text, when they needed one, and the rating.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// `judge(x)`, run when the achievement is `()` and the rule set has `judgement.rhai`.
    pub reading: Option<Outcome<Option<Reading>>>,
    /// `judged(x, verdict)` when there is a reading, else `rating(x, a)`.
    pub rating: Outcome<Option<String>>,
    /// Which function of the rating script gave the rating: "rating" or "judged".
    pub rated_by: &'static str,
}

/// The item and year a rule runs for, for error messages.
#[derive(Debug, Clone, Copy)]
pub struct CallSite<'a> {
    /// Item id; `None` for a rule over the whole plan (`summary(s)`).
    pub item: Option<&'a str>,
    /// Fiscal year.
    pub year: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    name: String,
    #[serde(default)]
    description: String,
    /// The rule set this one builds on, relative to its folder: `extends = "../rules"`.
    extends: Option<toml::Spanned<String>>,
    /// Required unless the rule set extends one that has it.
    scale: Option<Scale>,
}

/// How many rule sets deep `extends` may go: a chain longer than this is surely a mistake.
pub const MAX_EXTENDS: usize = 8;

/// One rule set's own files and configuration, before the sets it extends are merged in.
struct Layer {
    location: String,
    files: Vec<SourceFile>,
    config: Config,
    config_text: String,
}

impl Layer {
    fn read(source: &dyn RuleSource) -> Result<Layer, RuleError> {
        let location = source.location();
        let files = source.files().map_err(|e| RuleError::Io {
            location: location.clone(),
            source: e,
        })?;
        let config_file = files
            .iter()
            .find(|f| f.path == Path::new(CONFIG_FILE))
            .ok_or_else(|| RuleError::Config {
                file: format!("{location}/{CONFIG_FILE}"),
                line: 1,
                problem: RuleConfigProblem::NoConfig,
            })?;
        let config_text = config_file.text.clone();
        let config: Config = toml::from_str(&config_text).map_err(|e| RuleError::Config {
            file: format!("{location}/{CONFIG_FILE}"),
            line: e
                .span()
                .map(|s| line_of(&config_text, s.start))
                .unwrap_or(1),
            problem: RuleConfigProblem::Toml {
                detail: e.message().trim_end().to_string(),
            },
        })?;
        if let Some((label, first_line, line)) = crate::model::duplicate_label(&config_text) {
            return Err(RuleError::Config {
                file: format!("{location}/{CONFIG_FILE}"),
                line,
                problem: RuleConfigProblem::LabelTwice { label, first_line },
            });
        }
        Ok(Layer {
            location,
            files,
            config,
            config_text,
        })
    }

    fn config_error(&self, line: usize, problem: RuleConfigProblem) -> RuleError {
        RuleError::Config {
            file: format!("{}/{CONFIG_FILE}", self.location),
            line,
            problem,
        }
    }

    fn file(&self, name: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.path == Path::new(name))
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads `source` and every rule set it extends, the most basic first.
fn read_layers(source: &dyn RuleSource) -> Result<Vec<Layer>, RuleError> {
    let mut layers = vec![Layer::read(source)?];
    let mut current: Option<Box<dyn RuleSource>> = None;
    loop {
        let top = layers.last().expect("one layer at least");
        let Some(extends) = &top.config.extends else {
            break;
        };
        let line = line_of(&top.config_text, extends.span().start);
        if layers.len() > MAX_EXTENDS {
            return Err(
                top.config_error(line, RuleConfigProblem::ExtendsTooDeep { max: MAX_EXTENDS })
            );
        }
        let path = extends.get_ref().clone();
        let from: &dyn RuleSource = current.as_deref().unwrap_or(source);
        let base = from.extended(&path).map_err(|reason| {
            top.config_error(
                line,
                RuleConfigProblem::CannotExtend {
                    path: path.clone(),
                    reason,
                },
            )
        })?;
        let location = base.location();
        if layers.iter().any(|l| l.location == location) {
            return Err(top.config_error(line, RuleConfigProblem::ExtendsCircle { path, location }));
        }
        let layer = Layer::read(base.as_ref()).map_err(|e| match e {
            RuleError::Io { source: reason, .. } => top.config_error(
                line,
                RuleConfigProblem::CannotReadBase {
                    path: path.clone(),
                    location: location.clone(),
                    reason,
                },
            ),
            other => other,
        })?;
        layers.push(layer);
        current = Some(base);
    }
    layers.reverse();
    Ok(layers)
}

/// A script of the rule set: the file it came from and its text (shown by coverage reports).
struct Script {
    file: String,
    text: String,
    /// Its place among the rule set's scripts as they compile ([`Compiled::asts`]).
    index: usize,
    /// Tells this script's remembered calls ([`memo`]) from those of every other script
    /// loaded in the process.
    id: u64,
}

/// The next [`Script::id`].
static SCRIPTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// What compiling a rule set gives: the engine its scripts run on and every script compiled,
/// in the order of [`RuleSet::sources`].
struct Compiled {
    engine: Engine,
    asts: Vec<AST>,
}

impl Compiled {
    fn ast(&self, script: &Script) -> &AST {
        &self.asts[script.index]
    }

    fn has_function(&self, script: &Script, name: &str) -> bool {
        self.ast(script).iter_functions().any(|f| f.name == name)
    }
}

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

/// A compiled rule set, ready to evaluate items.
pub struct RuleSet {
    name: String,
    description: String,
    location: String,
    hash: String,
    scale: Scale,
    /// The rule sets this one extends, nearest first.
    bases: Vec<String>,
    kinds: BTreeMap<String, Script>,
    rating: Script,
    /// summary.rhai, when the rule set (or one it extends) has one.
    summary: Option<Script>,
    /// `judgement.rhai`, when the rule set has one.
    judgement: Option<Script>,
    data: Data,
    /// Every script (file, text) in the order they compile and their errors are reported:
    /// rating.rhai, summary.rhai, each layer's kinds (a kind of a base is compiled, and
    /// checked, even when replaced), judgement.rhai.
    sources: Vec<(String, String)>,
    /// The engine and the compiled scripts, once compiled: at loading ([`RuleSet::load`]) or
    /// at the first rule that runs ([`RuleSet::load_deferred`]).
    compiled: OnceLock<Compiled>,
    /// Held while compiling, so that threads wanting the scripts at once compile them once.
    compiling: Mutex<()>,
    /// Set by [`RuleSet::record_coverage`]; `None` in normal evaluation.
    coverage: Option<Recorder>,
    /// Whether calls are remembered ([`RuleSet::remember_calls`]).
    remember: bool,
}

// One compiled rule set serves every thread of a parallel evaluation.
const _: fn() = || {
    fn shared_across_threads<T: Send + Sync>() {}
    shared_across_threads::<RuleSet>();
};

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleSet")
            .field("name", &self.name)
            .field("location", &self.location)
            .field("kinds", &self.kinds.keys().collect::<Vec<_>>())
            .finish()
    }
}

thread_local! {
    /// What the rule running on this thread has said through `explain`/`print`/`debug`. A rule
    /// call runs start to end on one thread, so each call's lines are its own even when many
    /// threads share one rule set; [`RuleSet::call`] clears it before and takes it after.
    static TRACE: RefCell<Trace> = RefCell::new(Trace::default());
}

/// `print`, `debug` and `explain(text)`: one text for both languages.
fn note(line: &str) {
    TRACE.with(|t| t.borrow_mut().push(Text::same(line)));
}

/// `explain(ja, en)`: the line in Japanese and in English.
fn note_both(ja: &str, en: &str) {
    TRACE.with(|t| t.borrow_mut().push(Text::both(ja, en)));
}

fn clear_trace() {
    TRACE.with(|t| t.borrow_mut().start_call());
    super::functions::reset_text_work();
}

fn take_trace() -> Vec<Text> {
    TRACE.with(|t| t.borrow_mut().take())
}

fn build_engine(data: &Data) -> Engine {
    let mut engine = Engine::new();
    engine
        .set_max_operations(limits::MAX_OPERATIONS)
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
    engine.on_print(note);
    engine.on_debug(|s, _, _| note(s));
    engine.register_fn("explain", note);
    engine.register_fn("explain", note_both);
    engine.register_fn("percent", |d: Decimal| format_percent(d));
    engine.register_fn("fmt", |d: Decimal| format_number(d));
    engine.register_fn("fmt", |i: rhai::INT| format_number(Decimal::from(i)));
    forbid_comparisons_with_missing_values(&mut engine);
    input::register(&mut engine);
    super::summary::register(&mut engine);
    functions::register(&mut engine, data);
    engine
}

/// Comparing a missing value (`()`) with a number would silently be false in Rhai; in a rule
/// that hides a value the document does not give, so it is an error telling the analyst to
/// test for `()` first. (`==` and `!=` stay allowed: `x.target == ()` is how to test.)
fn forbid_comparisons_with_missing_values(engine: &mut Engine) {
    fn missing(op: &str) -> Box<EvalAltResult> {
        format!(
            "comparing a missing value with `{op}`: the document gives no value here; test for it first, e.g. `if x.target == () {{ return (); }}`"
        )
        .into()
    }
    macro_rules! forbid {
        ($($op:literal),*) => {$(
            engine.register_fn($op, |_: (), _: Decimal| -> Result<bool, Box<EvalAltResult>> { Err(missing($op)) });
            engine.register_fn($op, |_: Decimal, _: ()| -> Result<bool, Box<EvalAltResult>> { Err(missing($op)) });
            engine.register_fn($op, |_: (), _: rhai::INT| -> Result<bool, Box<EvalAltResult>> { Err(missing($op)) });
            engine.register_fn($op, |_: rhai::INT, _: ()| -> Result<bool, Box<EvalAltResult>> { Err(missing($op)) });
            engine.register_fn($op, |_: (), _: ()| -> Result<bool, Box<EvalAltResult>> { Err(missing($op)) });
        )*};
    }
    forbid!("<", "<=", ">", ">=");
    engine.set_fast_operators(false);
}

/// How many times the keyword `fn` stands in `text` as a word: at least the number of
/// functions the script defines (a comment or string saying "fn" counts too).
fn fn_keywords(text: &str) -> usize {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    text.match_indices("fn")
        .filter(|(i, _)| {
            !word(text[..*i].chars().next_back()) && !word(text[i + 2..].chars().next())
        })
        .count()
}

fn compile(engine: &Engine, file: &str, text: &str) -> Result<AST, RuleError> {
    // Compiling takes longer than linear in the number of functions: bound it before compiling.
    let functions = fn_keywords(text);
    if functions > limits::MAX_FUNCTIONS_PER_SCRIPT {
        return Err(RuleError::TooManyFunctions {
            file: file.to_string(),
            count: functions,
        });
    }
    engine.compile(text).map_err(|e| {
        let line = e.1.line().unwrap_or(0);
        RuleError::Compile(Compile {
            file: file.to_string(),
            line,
            column: e.1.position().unwrap_or(0),
            formula: false,
            problem: compile_problem(&e.0),
            source_line: (line > 0).then(|| text.lines().nth(line - 1).unwrap_or("").to_string()),
        })
    })
}

/// Compiles each script (its file for messages, and its text), on this thread and one more, the
/// longest first: a rule set's scripts compile independently, and compiling is most of loading
/// one. Results in the order given. (Plain threads, not rayon's: a rule set may be loaded inside
/// a rayon task that others wait on, and a thread waiting for rayon work may pick up theirs.)
fn compile_all(engine: &Engine, scripts: &[(String, String)]) -> Vec<Result<AST, RuleError>> {
    let mut order: Vec<usize> = (0..scripts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(scripts[i].1.len()));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (file, text) = &scripts[i];
            done.push((i, compile(engine, file, text)));
        }
        done
    };
    let mut done = match scripts.len() {
        0 | 1 => work(),
        _ => std::thread::scope(|scope| {
            let helper = scope.spawn(work);
            let mut done = work();
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
            done
        }),
    };
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, ast)| ast).collect()
}

/// Why Rhai's reader refused a script or formula: an undefined variable by its name, any other
/// error in the reader's words.
fn compile_problem(e: &rhai::ParseErrorType) -> CompileProblem {
    match e {
        rhai::ParseErrorType::VariableUndefined(name) => {
            CompileProblem::UndefinedVariable { name: name.clone() }
        }
        other => CompileProblem::Syntax {
            detail: other.to_string(),
        },
    }
}

/// The files of the rule set in folder `dir` with extension `ext`, each with its name (the file
/// stem: `higher_better` for `kinds/higher_better.rhai`).
fn files_in<'a>(
    files: &'a [SourceFile],
    dir: &'a str,
    ext: &'a str,
) -> impl Iterator<Item = (String, &'a SourceFile)> {
    files.iter().filter_map(move |f| {
        let rest = f.path.strip_prefix(dir).ok()?;
        if rest.extension().is_none_or(|e| e != ext) {
            return None;
        }
        let name = rest.file_stem()?.to_str()?.to_string();
        Some((name, f))
    })
}

/// Reads the rule set's `data/*.toml` files, each with the location of the rule set it comes
/// from; `data/phrases.toml` also becomes its phrase book, `data/steps.toml` its step book.
fn load_data<'a>(
    files: impl Iterator<Item = (&'a str, &'a SourceFile)>,
) -> Result<Data, RuleError> {
    let mut values = BTreeMap::new();
    let mut phrases = None;
    let mut steps = None;
    let mut paths = Vec::new();
    for (location, f) in files {
        let name = f
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let file = format!("{location}/{}", f.path.display());
        paths.push(file.clone());
        values.insert(name, data::parse_data(&file, &f.text)?);
        if f.path == Path::new(PHRASES_FILE) {
            phrases = Some(std::sync::Arc::new(PhraseBook::parse(&file, &f.text)?));
        }
        if f.path == Path::new(STEPS_FILE) {
            steps = Some(std::sync::Arc::new(StepBook::parse(&file, &f.text)?));
        }
    }
    Ok(Data {
        paths,
        files: std::sync::Arc::new(values),
        phrases,
        steps,
    })
}

fn to_decimal(d: &Dynamic) -> Option<Option<Decimal>> {
    if d.is_unit() {
        Some(None)
    } else if let Ok(v) = d.as_decimal() {
        Some(Some(v))
    } else {
        d.as_int().ok().map(|i| Some(Decimal::from(i)))
    }
}

impl RuleSet {
    /// Loads and compiles the rule set in folder `dir`.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<RuleSet, RuleError> {
        Self::load(&DirRules::new(dir.as_ref()))
    }

    /// Loads the rule set in folder `dir`, compiling its scripts when the first rule runs
    /// ([`RuleSet::load_deferred`]).
    pub fn load_dir_deferred(dir: impl AsRef<Path>) -> Result<RuleSet, RuleError> {
        Self::load_deferred(&DirRules::new(dir.as_ref()))
    }

    /// Compiles the scripts now, if they are not yet: the error a rule would fail with, before
    /// any runs.
    pub fn compile(&self) -> Result<(), RuleError> {
        self.compiled().map(|_| ())
    }

    /// Loads and compiles a rule set from any source.
    pub fn load(source: &dyn RuleSource) -> Result<RuleSet, RuleError> {
        let set = Self::load_deferred(source)?;
        set.compiled()?;
        Ok(set)
    }

    /// Loads a rule set from any source and compiles its scripts only when the first rule
    /// runs: what reads its name, hash, scale and data (an evaluation stored under its hash,
    /// for one) does without compiling. Errors in ruleset.toml and the data files are found
    /// now; a script that does not compile, or lacks a function it must have, fails the first
    /// rule that runs, with the error [`RuleSet::load`] would give.
    pub fn load_deferred(source: &dyn RuleSource) -> Result<RuleSet, RuleError> {
        // This rule set and those it extends, the most basic first: each replaces what it
        // gives (its scale, rating.rhai, kinds of the same name) and adds its own kinds.
        let layers = read_layers(source)?;
        let top = layers.last().expect("one layer at least");
        let location = top.location.clone();
        let mut hasher = Sha256::new();
        for f in layers.iter().flat_map(|l| &l.files) {
            hasher.update(f.path.to_string_lossy().as_bytes());
            hasher.update([0]);
            hasher.update(f.text.as_bytes());
            hasher.update([0]);
        }
        let hash = crate::model::hex(&hasher.finalize());
        let scale = layers
            .iter()
            .rev()
            .find_map(|l| l.config.scale.clone())
            .ok_or_else(|| top.config_error(1, RuleConfigProblem::NoScale))?;
        if scale.ratings.is_empty() {
            return Err(top.config_error(1, RuleConfigProblem::NoRatings));
        }
        if let Some(problem) = scale.relation_problems().into_iter().next() {
            return Err(top.config_error(1, RuleConfigProblem::Scale { problem }));
        }

        // Data files: a layer's data/<name>.toml replaces the same file of a rule set it extends.
        let mut data_files: BTreeMap<String, (String, &SourceFile)> = BTreeMap::new();
        for layer in &layers {
            for (name, f) in files_in(&layer.files, DATA_DIR, "toml") {
                data_files.insert(name, (layer.location.clone(), f));
            }
        }
        let data = load_data(data_files.values().map(|(l, f)| (l.as_str(), *f)))?;
        // The rule set's own file of a name, or else the nearest base's.
        let latest = |name: &str| {
            (layers.iter().rev())
                .find_map(|l| l.file(name).map(|f| (format!("{}/{name}", l.location), f)))
        };
        // Every script, in the order their errors are reported: rating.rhai, summary.rhai, each
        // layer's kinds (a kind of a base is compiled, and checked, even when replaced),
        // judgement.rhai.
        let mut scripts = vec![latest(RATING_FILE).ok_or_else(|| RuleError::Config {
            file: format!("{location}/{RATING_FILE}"),
            line: 1,
            problem: RuleConfigProblem::NoRatingScript,
        })?];
        let summary = latest(SUMMARY_FILE);
        let has_summary = summary.is_some();
        scripts.extend(summary);
        let mut kind_names = Vec::new();
        for layer in &layers {
            for (kind, f) in files_in(&layer.files, "kinds", "rhai") {
                kind_names.push(kind);
                scripts.push((format!("{}/{}", layer.location, f.path.display()), f));
            }
        }
        let judgement = latest(JUDGEMENT_FILE);
        let has_judgement = judgement.is_some();
        scripts.extend(judgement);
        let sources: Vec<(String, String)> = (scripts.into_iter())
            .map(|(file, f)| (file, f.text.clone()))
            .collect();
        let mut loaded = (sources.iter().enumerate())
            .map(|(index, (file, text))| Script {
                file: file.clone(),
                text: text.clone(),
                index,
                id: SCRIPTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            })
            .collect::<Vec<Script>>()
            .into_iter();
        let mut next = || loaded.next().expect("one script per source");
        let rating = next();
        let summary = has_summary.then(&mut next);
        let mut kinds = BTreeMap::new();
        for kind in kind_names {
            kinds.insert(kind, next());
        }
        let judgement = has_judgement.then(&mut next);
        let bases = layers[..layers.len() - 1]
            .iter()
            .rev()
            .map(|l| l.location.clone())
            .collect();
        let top = layers.into_iter().next_back().expect("one layer at least");
        let set = RuleSet {
            name: top.config.name,
            description: top.config.description,
            location,
            hash,
            scale,
            bases,
            kinds,
            rating,
            summary,
            judgement,
            data,
            sources,
            compiled: OnceLock::new(),
            compiling: Mutex::new(()),
            coverage: None,
            remember: true,
        };
        Ok(set)
    }

    /// The engine and the compiled scripts: compiled now if they are not yet (and checked for
    /// the functions each must define).
    fn compiled(&self) -> Result<&Compiled, RuleError> {
        if let Some(compiled) = self.compiled.get() {
            return Ok(compiled);
        }
        let _only_here = self.compiling.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(compiled) = self.compiled.get() {
            return Ok(compiled);
        }
        let engine = build_engine(&self.data);
        let asts = compile_all(&engine, &self.sources)
            .into_iter()
            .collect::<Result<Vec<AST>, RuleError>>()?;
        let compiled = Compiled { engine, asts };
        self.check_functions(&compiled)?;
        Ok(self.compiled.get_or_init(|| compiled))
    }

    fn check_functions(&self, compiled: &Compiled) -> Result<(), RuleError> {
        let missing = |s: &Script, f: &str| RuleError::Config {
            file: s.file.clone(),
            line: 1,
            problem: RuleConfigProblem::MissingFunction {
                signature: format!("{f}(x{})", if f == "rating" { ", achievement" } else { "" }),
            },
        };
        let has = |s: &Script, f: &str| compiled.has_function(s, f);
        if !has(&self.rating, "rating") {
            return Err(missing(&self.rating, "rating"));
        }
        if let Some(summary) = self.summary.as_ref().filter(|s| !has(s, "summary")) {
            return Err(RuleError::Config {
                file: summary.file.clone(),
                line: 1,
                problem: RuleConfigProblem::MissingFunction {
                    signature: "summary(s)".into(),
                },
            });
        }
        if let Some(judgement) = &self.judgement {
            if !has(judgement, "judge") {
                return Err(missing(judgement, "judge"));
            }
            if !has(&self.rating, "judged") {
                return Err(RuleError::Config {
                    file: self.rating.file.clone(),
                    line: 1,
                    problem: RuleConfigProblem::NoJudged {
                        verdicts: super::reading::VERDICTS
                            .iter()
                            .map(|v| v.to_string())
                            .collect(),
                    },
                });
            }
        }
        for script in self.kinds.values() {
            if !has(script, "achievement") {
                return Err(missing(script, "achievement"));
            }
        }
        Ok(())
    }

    /// The rule set's name from ruleset.toml.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rule set's description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Where it was loaded from.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// SHA-256 of all its files: which rules produced an evaluation.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Where the rule sets this one extends (`extends` in ruleset.toml) were loaded from,
    /// nearest first; empty when it extends none.
    pub fn bases(&self) -> &[String] {
        &self.bases
    }

    /// The rating scale.
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The indicator kinds it has a script for.
    pub fn kinds(&self) -> impl Iterator<Item = &str> {
        self.kinds.keys().map(String::as_str)
    }

    /// Whether there is a script for `kind`.
    pub fn has_kind(&self, kind: &str) -> bool {
        self.kinds.contains_key(kind)
    }

    /// The file of the script for `kind`.
    pub fn kind_file(&self, kind: &str) -> Option<&str> {
        self.kinds.get(kind).map(|s| s.file.as_str())
    }

    /// The file of the summary script, when the rule set has one.
    pub fn summary_file(&self) -> Option<&str> {
        self.summary.as_ref().map(|s| s.file.as_str())
    }

    /// Runs `summary(s)` of summary.rhai: the year's plan-level figures the rule set defines
    /// (none when it has no summary.rhai).
    pub fn summary(&self, input: &SummaryInput) -> Result<Outcome<Vec<FigureTable>>, RuleError> {
        let Some(script) = &self.summary else {
            return Ok(Outcome {
                value: Vec::new(),
                trace: Vec::new(),
            });
        };
        let at = CallSite {
            item: None,
            year: &input.year,
        };
        let out = self.run(script, "summary", vec![input.to_dynamic()], at)?;
        let value =
            super::summary::figure_tables(out.value).map_err(|problem| RuleError::Runtime {
                file: script.file.clone(),
                function: "summary".into(),
                item: None,
                year: at.year.into(),
                problem: Box::new(problem),
            })?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// The file of the rating script.
    pub fn rating_file(&self) -> &str {
        &self.rating.file
    }

    /// Whether the kind's script defines `effect(x)` (false when the scripts do not compile).
    pub fn kind_has_effect(&self, kind: &str) -> bool {
        let Ok(compiled) = self.compiled() else {
            return false;
        };
        (self.kinds.get(kind)).is_some_and(|s| compiled.has_function(s, "effect"))
    }

    /// Starts recording which statements and branches of the scripts the following calls
    /// reach (for `gyokaku test --coverage`). Recording makes calls slower; a rule set on
    /// which this is never called evaluates exactly as before. Results and limits are the same.
    pub fn record_coverage(&mut self) {
        // Scripts that do not compile run nothing to record: their first rule fails.
        let compiled = self.compiled().is_ok();
        if let Some(c) = self
            .compiled
            .get_mut()
            .filter(|_| compiled && self.coverage.is_none())
        {
            self.coverage = Some(Recorder::install(&mut c.engine));
        }
        if let Some(book) = &self.data.phrases {
            book.record();
        }
    }

    /// Whether the rule set records coverage ([`RuleSet::record_coverage`]).
    pub fn records_coverage(&self) -> bool {
        self.coverage.is_some()
    }

    /// What the calls since [`RuleSet::record_coverage`] reached, per script (the rating
    /// script first, then the kinds); `None` when not recording.
    pub fn coverage(&self) -> Option<Coverage> {
        let recorder = self.coverage.as_ref()?;
        let compiled = self.compiled.get()?;
        let scripts = std::iter::once(&self.rating)
            .chain(&self.judgement)
            .chain(self.kinds.values());
        let mut coverage =
            recorder.report(scripts.map(|s| (s.file.as_str(), s.text.as_str(), compiled.ast(s))));
        coverage.phrase_groups = self
            .data
            .phrases
            .as_ref()
            .map(|b| b.coverage())
            .unwrap_or_default();
        Some(coverage)
    }

    /// Whether the rule set reads the year's text when the numbers cannot tell (it has
    /// `judgement.rhai`).
    pub fn has_judgement(&self) -> bool {
        self.judgement.is_some()
    }

    /// The file of the judgement script, when there is one.
    pub fn judgement_file(&self) -> Option<&str> {
        self.judgement.as_ref().map(|s| s.file.as_str())
    }

    /// The data files (`data/*.toml`) the rule set reads, as it names them.
    pub fn data_files(&self) -> impl Iterator<Item = &str> {
        self.data.paths.iter().map(String::as_str)
    }

    /// The phrase groups of `data/phrases.toml` (empty without one).
    pub fn phrase_groups(&self) -> &[super::data::PhraseGroup] {
        self.data
            .phrases
            .as_ref()
            .map(|b| b.groups())
            .unwrap_or_default()
    }

    /// Runs `judge(x)` of `judgement.rhai`: a reading of the year's planned actions and comment,
    /// or `None` when the text says nothing the rules can use. `Ok(None)` without the script.
    pub fn judge(
        &self,
        input: &Arc<RuleInput>,
        at: CallSite,
    ) -> Result<Option<Outcome<Option<Reading>>>, RuleError> {
        let Some(script) = &self.judgement else {
            return Ok(None);
        };
        let out = self.call(script, "judge", input, Vec::new(), at)?;
        let value = if out.value.is_unit() {
            None
        } else {
            Some(
                Reading::from_dynamic(&out.value)
                    .map_err(|problem| runtime(&script.file, "judge", at, problem))?,
            )
        };
        Ok(Some(Outcome {
            value,
            trace: out.trace,
        }))
    }

    /// The rating the rules suggest for an achievement: `rating(x, a)`; when `a` is `()` and the
    /// rule set has `judgement.rhai`, its reading `judge(x)` and then, if it gives one,
    /// `judged(x, verdict)`.
    pub fn suggest(
        &self,
        input: &Arc<RuleInput>,
        achievement: Option<Decimal>,
        at: CallSite,
    ) -> Result<Suggestion, RuleError> {
        let reading = match achievement {
            None => self.judge(input, at)?,
            Some(_) => None,
        };
        if let Some(verdict) = reading
            .as_ref()
            .and_then(|r| r.value.as_ref())
            .map(|r| r.verdict.clone())
        {
            return Ok(Suggestion {
                rating: self.judged(input, &verdict, at)?,
                reading,
                rated_by: "judged",
            });
        }
        Ok(Suggestion {
            rating: self.rating(input, achievement, at)?,
            reading,
            rated_by: "rating",
        })
    }

    /// Runs `judged(x, verdict)` of the rating script: the label of the scale for a verdict of
    /// `judge(x)`, or `None` for "judgement required".
    pub fn judged(
        &self,
        input: &Arc<RuleInput>,
        verdict: &str,
        at: CallSite,
    ) -> Result<Outcome<Option<String>>, RuleError> {
        let out = self.call(
            &self.rating,
            "judged",
            input,
            vec![Dynamic::from(verdict.to_string())],
            at,
        )?;
        let value = self.label_result("judged", at, &out.value)?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// Calls `function(x, more…)` of `script` — or, when this thread made a call that must
    /// run the same way, answers as it did ([`memo`]).
    fn call(
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
        let key = memo::CallKey {
            script: script.id,
            function,
        };
        if let Some((value, trace)) = memo::recall(&key, x, &more) {
            return Ok(Outcome { value, trace });
        }
        let (result, reads) = input::record_reads(|| self.run(script, function, args, at));
        let done = result.as_ref().ok().map(|o| (&o.value, o.trace.as_slice()));
        memo::finish(key, more, reads, done);
        result
    }

    /// Whether a call that must run like one this thread already made is answered from
    /// memory (the default; see `rules/README.md`) or run again. Results are the same either
    /// way; running every call is for measuring the rules themselves.
    pub fn remember_calls(&mut self, on: bool) {
        self.remember = on;
    }

    /// Runs `function(args…)` of `script`.
    fn run(
        &self,
        script: &Script,
        function: &str,
        args: Vec<Dynamic>,
        at: CallSite,
    ) -> Result<Outcome<Dynamic>, RuleError> {
        clear_trace();
        let _running = self.coverage.as_ref().map(|c| c.running(&script.file));
        let compiled = self.compiled()?;
        let mut scope = Scope::new();
        let options = CallFnOptions::new().eval_ast(false).rewind_scope(true);
        let result = compiled.engine.call_fn_with_options::<Dynamic>(
            options,
            &mut scope,
            compiled.ast(script),
            function,
            args,
        );
        let trace = take_trace();
        match result {
            Ok(value) => Ok(Outcome { value, trace }),
            Err(e) => Err(self.runtime_error(&script.file, function, at, &e)),
        }
    }

    fn runtime_error(
        &self,
        file: &str,
        function: &str,
        at: CallSite,
        e: &EvalAltResult,
    ) -> RuleError {
        runtime(file, function, at, rule_problem(e))
    }

    fn kind_script(&self, kind: &str, at: CallSite) -> Result<&Script, RuleError> {
        self.kinds.get(kind).ok_or_else(|| {
            runtime(
                &format!("{}/kinds/{kind}.rhai", self.location),
                "achievement",
                at,
                RuleProblem::NoKindScript {
                    kind: kind.to_string(),
                    kinds: self.kinds.keys().cloned().collect(),
                },
            )
        })
    }

    fn number_result(
        &self,
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

    /// Runs `achievement(x)` of the kind's script: 1 means exactly on plan, `None` that the
    /// numbers say nothing (a judgement is needed).
    pub fn achievement(
        &self,
        input: &Arc<RuleInput>,
        at: CallSite,
    ) -> Result<Outcome<Option<Decimal>>, RuleError> {
        let script = self.kind_script(&input.kind, at)?;
        let out = self.call(script, "achievement", input, Vec::new(), at)?;
        let value = self.number_result(&script.file, "achievement", at, &out.value)?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// Runs `rating(x, achievement)` of the rating script: a label of the scale, or `None` for
    /// "judgement required".
    pub fn rating(
        &self,
        input: &Arc<RuleInput>,
        achievement: Option<Decimal>,
        at: CallSite,
    ) -> Result<Outcome<Option<String>>, RuleError> {
        let a = achievement
            .map(Dynamic::from_decimal)
            .unwrap_or(Dynamic::UNIT);
        let out = self.call(&self.rating, "rating", input, vec![a], at)?;
        let value = self.label_result("rating", at, &out.value)?;
        Ok(Outcome {
            value,
            trace: out.trace,
        })
    }

    /// A label of the scale, or `None` for `()`, from what `function` of the rating script
    /// returned.
    fn label_result(
        &self,
        function: &str,
        at: CallSite,
        value: &Dynamic,
    ) -> Result<Option<String>, RuleError> {
        if value.is_unit() {
            return Ok(None);
        }
        let error = |problem| runtime(&self.rating.file, function, at, problem);
        let label = value.clone().into_string().map_err(|t| {
            error(RuleProblem::NotALabel {
                type_name: t.to_string(),
            })
        })?;
        if self.scale.get(&label).is_none() {
            return Err(error(RuleProblem::LabelOffScale {
                label,
                labels: self.scale.labels().map(str::to_string).collect(),
            }));
        }
        Ok(Some(label))
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
        let value = self.number_result(&script.file, "effect", at, &out.value)?;
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
        clear_trace();
        let result =
            (self.compiled()?.engine).eval_ast_with_scope::<Dynamic>(&mut scope, &formula.ast);
        match result {
            Ok(d) => self.number_result(&formula.file, "effect", at, &d),
            Err(e) => Err(self.runtime_error(&formula.file, "effect", at, &e)),
        }
    }
}

/// A rule's failure on the item and year of `at`.
fn runtime(file: &str, function: &str, at: CallSite, problem: RuleProblem) -> RuleError {
    RuleError::Runtime {
        file: file.to_string(),
        function: function.to_string(),
        item: at.item.map(str::to_string),
        year: at.year.to_string(),
        problem: Box::new(problem),
    }
}

/// The variables an item's effect formula can use, in the order [`RuleSet::eval_formula`] takes them.
pub const FORMULA_VARIABLES: &[&str] = &["value", "previous", "baseline", "total"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{memory_rules, TWO_LABEL_CONFIG};
    use crate::engine::MemoryRules;
    use crate::model::SourceFile;

    const RATING: &str =
        "fn rating(x, a) { if a == () { return (); } if a > 1 { \"A\" } else { \"B\" } }";

    fn rules(kind_script: &str) -> Result<RuleSet, RuleError> {
        memory_rules(RATING, "k", kind_script)
    }

    /// Rhai's cache of interned strings is shared by the threads that evaluate with one rule
    /// set, behind a lock whose waiters sleep 10 ms: with it, two cores ran no faster than one.
    #[test]
    fn the_engine_keeps_no_shared_string_cache() {
        assert_eq!(build_engine(&Data::default()).max_strings_interned(), 0);
    }

    fn input() -> RuleInput {
        RuleInput {
            id: "1-2-3".into(),
            year: "R5".into(),
            kind: "k".into(),
            target: Some(Decimal::from(40)),
            actual: Some(Decimal::from(44)),
            ..RuleInput::default()
        }
    }

    const AT: CallSite = CallSite {
        item: Some("1-2-3"),
        year: "R5",
    };

    /// The scripts compile side by side, yet of several broken ones the first in the order
    /// rating.rhai, the kinds (as the source lists them: a folder by name), judgement.rhai is
    /// reported, and each kind keeps its own script.
    #[test]
    fn scripts_compile_together_and_the_first_error_is_reported() {
        let load = |files: &[(&str, &str)]| {
            let files = [("ruleset.toml", TWO_LABEL_CONFIG)].iter().chain(files);
            RuleSet::load(&MemoryRules {
                name: "mem".into(),
                files: files.map(|(p, t)| SourceFile::new(*p, *t)).collect(),
            })
        };
        let failing = |files: &[(&str, &str)]| match load(files) {
            Err(RuleError::Compile(c)) => c.file,
            other => panic!("{other:?}"),
        };
        let broken = "fn achievement(x) { 1 + }";
        let judge = ("judgement.rhai", "fn judge(x) {");
        let kinds = [("kinds/b.rhai", broken), ("kinds/a.rhai", broken)];
        let all_broken = [
            &[("rating.rhai", "fn rating(x, a) {")],
            &kinds[..],
            &[judge],
        ]
        .concat();
        assert_eq!(failing(&all_broken), "mem/rating.rhai");
        assert_eq!(
            failing(&[&[("rating.rhai", RATING)], &kinds[..], &[judge]].concat()),
            "mem/kinds/b.rhai"
        );
        assert_eq!(
            failing(&[
                ("rating.rhai", RATING),
                ("kinds/a.rhai", "fn achievement(x) { 1 }"),
                judge
            ]),
            "mem/judgement.rhai"
        );
        let r = load(&[
            ("rating.rhai", RATING),
            ("kinds/b.rhai", "fn achievement(x) { 2 }"),
            ("kinds/a.rhai", "fn achievement(x) { 1 }"),
            ("kinds/c.rhai", "fn achievement(x) { 3 }"),
        ])
        .unwrap();
        for (kind, value) in [("a", 1), ("b", 2), ("c", 3)] {
            let x = Arc::new(RuleInput {
                kind: kind.into(),
                ..input()
            });
            assert_eq!(
                r.achievement(&x, AT).unwrap().value,
                Some(Decimal::from(value))
            );
        }
    }

    /// Loading deferred, a rule set reads as one compiled at once, and its scripts' errors are
    /// those loading would give, at the first rule that runs (or on `compile`).
    #[test]
    fn a_deferred_rule_set_compiles_at_its_first_rule_with_the_errors_of_loading() {
        let source = |files: &[(&str, &str)]| MemoryRules {
            name: "mem".into(),
            files: [("ruleset.toml", TWO_LABEL_CONFIG)]
                .iter()
                .chain(files)
                .map(|(p, t)| SourceFile::new(*p, *t))
                .collect(),
        };
        let good = source(&[
            ("rating.rhai", RATING),
            ("kinds/a.rhai", "fn achievement(x) { 1 }"),
        ]);
        let (eager, deferred) = (
            RuleSet::load(&good).unwrap(),
            RuleSet::load_deferred(&good).unwrap(),
        );
        assert!(deferred.compiled.get().is_none(), "nothing compiled yet");
        assert_eq!(
            (deferred.hash(), deferred.scale()),
            (eager.hash(), eager.scale())
        );
        let x = Arc::new(RuleInput {
            kind: "a".into(),
            ..input()
        });
        let at = |r: &RuleSet| r.achievement(&x, AT).unwrap().value;
        assert_eq!(at(&deferred), at(&eager));
        assert!(deferred.compiled.get().is_some());

        for broken in [
            source(&[
                ("rating.rhai", RATING),
                ("kinds/a.rhai", "fn achievement(x) { 1 + }"),
            ]),
            // A function a script must define, missing.
            source(&[
                ("rating.rhai", RATING),
                ("kinds/a.rhai", "fn other(x) { 1 }"),
            ]),
        ] {
            let loading = RuleSet::load(&broken).unwrap_err().en();
            let deferred = RuleSet::load_deferred(&broken).unwrap();
            assert_eq!(deferred.compile().unwrap_err().en(), loading);
            assert_eq!(deferred.achievement(&x, AT).unwrap_err().en(), loading);
            assert!(deferred.compiled.get().is_none());
        }
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

    #[test]
    fn compile_errors_carry_file_line_column_and_the_line() {
        let err = rules("fn achievement(x) {\n    let a = 1 - ;\n    a\n}")
            .unwrap_err()
            .en();
        assert!(err.starts_with("mem/kinds/k.rhai:2:"), "{err}");
        assert!(err.contains("    let a = 1 - ;"), "{err}");
        assert!(err.contains('^'), "{err}");
    }

    #[test]
    fn results_are_checked() {
        let r = rules("fn achievement(x) { \"high\" }").unwrap();
        let err = r.achievement(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("must return a number or ()"), "{err}");
        let r = rules("fn achievement(x) { 1 }").unwrap();
        let bad = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", "fn rating(x, a) { \"Z\" }"),
                SourceFile::new("kinds/k.rhai", "fn achievement(x) { 1 }"),
            ],
        })
        .unwrap();
        let err = bad
            .rating(&Arc::new(input()), Some(Decimal::ONE), AT)
            .unwrap_err()
            .en();
        assert!(
            err.contains("\"Z\", which is not on the scale (A, B)"),
            "{err}"
        );
        assert!(r.kind_effect(&Arc::new(input()), AT).unwrap().is_none());
    }

    #[test]
    fn missing_functions_and_files_are_reported() {
        let err = rules("fn other(x) { 1 }").unwrap_err().en();
        assert!(err.contains("defines no function achievement"), "{err}");
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![],
        })
        .unwrap_err()
        .en();
        assert!(err.contains("no ruleset.toml"), "{err}");
    }

    /// A rule set that reads text: a kind whose achievement is always (), a judgement script,
    /// a rating script with judged, and a phrase file.
    fn reading_rules(judge: &str, judged: bool) -> Result<RuleSet, RuleError> {
        let rating = if judged {
            format!("{RATING} fn judged(x, v) {{ if v == \"ahead\" {{ \"A\" }} else {{ \"B\" }} }}")
        } else {
            RATING.to_string()
        };
        RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", rating),
                SourceFile::new("kinds/k.rhai", "fn achievement(x) { () }"),
                SourceFile::new("judgement.rhai", judge),
                SourceFile::new(
                    "data/phrases.toml",
                    "[[group]]\nname = \"ahead\"\nphrases = [\"前倒し\"]\n",
                ),
                SourceFile::new("data/steps.toml", "ahead_from = \"試行\"\n"),
            ],
        })
    }

    #[test]
    fn a_reading_of_the_text_rates_what_the_numbers_cannot() {
        let r = reading_rules(
            r#"fn judge(x) {
                let found = phrases(x.comment);
                if found.len() == 0 { return (); }
                explain(`${found[0].phrase} in ${data("steps").ahead_from}`);
                #{ verdict: found[0].group, evidence: [#{ found: found[0].phrase, group: found[0].group }] }
            }"#,
            true,
        )
        .unwrap();
        assert!(r.has_judgement());
        assert_eq!(r.phrase_groups()[0].name, "ahead");
        let input = RuleInput {
            comment: "工事を前倒しした".into(),
            ..input()
        };
        let s = r.suggest(&Arc::new(input.clone()), None, AT).unwrap();
        assert_eq!(s.rated_by, "judged");
        assert_eq!(s.rating.value.as_deref(), Some("A"));
        let reading = s.reading.unwrap();
        assert_eq!(reading.trace, [Text::same("前倒し in 試行")]);
        let reading = reading.value.unwrap();
        assert_eq!((reading.verdict.as_str(), reading.weak), ("ahead", false));
        assert_eq!(reading.evidence[0].found, "前倒し");
        // Nothing in the text: rating(x, ()) as before; a number: judge never runs.
        let s = r.suggest(&Arc::new(self::input()), None, AT).unwrap();
        assert_eq!((s.rated_by, s.rating.value), ("rating", None));
        assert!(s.reading.unwrap().value.is_none());
        let s = r
            .suggest(&Arc::new(input.clone()), Some(Decimal::TWO), AT)
            .unwrap();
        assert!(s.reading.is_none());
        assert_eq!(s.rating.value.as_deref(), Some("A"));
    }

    #[test]
    fn a_reading_needs_judged_and_a_known_verdict() {
        let err = reading_rules("fn judge(x) { () }", false).unwrap_err().en();
        assert!(err.contains("no function judged(x, verdict)"), "{err}");
        let err = reading_rules("fn other(x) { () }", true).unwrap_err().en();
        assert!(err.contains("defines no function judge(x)"), "{err}");
        let r = reading_rules("fn judge(x) { #{ verdict: \"late\" } }", true).unwrap();
        let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
        assert!(
            err.starts_with(
                "mem/judgement.rhai: function judge, item 1-2-3, R5: returned the verdict \"late\""
            ),
            "{err}"
        );
    }

    #[test]
    fn text_functions_check_their_arguments() {
        let r = reading_rules("fn judge(x) { scan(x.comment, [1]) }", true).unwrap();
        let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
        assert!(err.contains("scan: the list must hold strings"), "{err}");
        let r = reading_rules("fn judge(x) { data(\"stpes\") }", true).unwrap();
        let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
        assert!(
            err.contains(
                "data(\"stpes\"): the rule set has no data/stpes.toml (it has: phrases, steps)"
            ),
            "{err}"
        );
        let r = reading_rules(
            r#"fn judge(x) {
                let parts = split_at("・調査 ・検討", [" ・"]);
                let s = similarity("状況把握", "状況把握を行った");
                if parts == ["調査", "検討"] && s == 1 && contains_any("abc", ["x", "b"]) == "b"
                    && starts_with_any("abc", ["b"]) == () { #{ verdict: "on_plan" } } else { () }
            }"#,
            true,
        )
        .unwrap();
        assert_eq!(
            r.judge(&Arc::new(input()), AT)
                .unwrap()
                .unwrap()
                .value
                .unwrap()
                .verdict,
            "on_plan"
        );
        // data(name, key), and the readings that need what the data files lack.
        for (script, message) in [
            (
                "data(\"steps\", \"not_there\")",
                "data/steps.toml has no not_there",
            ),
            (
                "read_comment(x.plan, x.comment, [])",
                "data/phrases.toml has no match_share and [markers]",
            ),
        ] {
            let r = reading_rules(&format!("fn judge(x) {{ {script} }}"), true).unwrap();
            let err = r.judge(&Arc::new(input()), AT).unwrap_err().en();
            assert!(err.contains(message), "{script}: {err}");
        }
        let r = reading_rules(
            r#"fn judge(x) {
                let from = step_rank(data("steps", "ahead_from"));
                if from == -1 && furthest_step("前倒し") == () { #{ verdict: "ahead" } } else { () }
            }"#,
            true,
        )
        .unwrap();
        let reading = r.judge(&Arc::new(input()), AT).unwrap().unwrap();
        assert_eq!(reading.value.unwrap().verdict, "ahead");
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", RATING),
                SourceFile::new("data/steps.toml", "ahead_from = "),
            ],
        })
        .unwrap_err()
        .en();
        assert!(err.starts_with("mem/data/steps.toml:1:"), "{err}");
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

    fn write(dir: &Path, files: &[(&str, &str)]) {
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn a_rule_set_extends_another_and_replaces_only_what_it_gives() {
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().join("base");
        write(
            &base,
            &[
                ("ruleset.toml", crate::engine::testing::TWO_LABEL_CONFIG),
                ("rating.rhai", "fn rating(x, a) { \"A\" }"),
                ("kinds/k.rhai", "fn achievement(x) { 1 }"),
                ("kinds/l.rhai", "fn achievement(x) { 2 }"),
            ],
        );
        let child = tmp.path().join("child");
        write(
            &child,
            &[
                (
                    "ruleset.toml",
                    "name = \"child\"\nextends = \"../base\"\n[[scale.ratings]]\nlabel = \"達成\"\nname = \"達成\"\nname_en = \"achieved\"\n",
                ),
                ("rating.rhai", "fn rating(x, a) { \"達成\" }"),
                ("kinds/l.rhai", "fn achievement(x) { 3 }"),
                ("kinds/m.rhai", "fn achievement(x) { 4 }"),
            ],
        );
        let r = RuleSet::load_dir(&child).unwrap();
        assert_eq!(r.name(), "child");
        assert_eq!(r.scale().labels().collect::<Vec<_>>(), ["達成"]);
        assert_eq!(r.kinds().collect::<Vec<_>>(), ["k", "l", "m"]);
        let base_loc = base.display().to_string();
        let child_loc = child.display().to_string();
        assert_eq!(r.bases(), std::slice::from_ref(&base_loc));
        assert_eq!(
            r.kind_file("k"),
            Some(format!("{base_loc}/kinds/k.rhai").as_str())
        );
        assert_eq!(
            r.kind_file("l"),
            Some(format!("{child_loc}/kinds/l.rhai").as_str())
        );
        assert_eq!(r.rating_file(), format!("{child_loc}/rating.rhai"));
        let x = RuleInput {
            kind: "l".into(),
            ..RuleInput::default()
        };
        assert_eq!(
            r.achievement(&Arc::new(x.clone()), AT).unwrap().value,
            Some(Decimal::from(3))
        );
        assert_ne!(r.hash(), RuleSet::load_dir(&base).unwrap().hash());

        // Only the scale, nothing else: rating.rhai and the kinds are the base's.
        write(
            &child,
            &[("ruleset.toml", "name = \"c2\"\nextends = \"../base\"\n")],
        );
        std::fs::remove_file(child.join("rating.rhai")).unwrap();
        let r = RuleSet::load_dir(&child).unwrap();
        assert_eq!(r.scale().labels().collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(r.rating_file(), format!("{base_loc}/rating.rhai"));
    }

    #[test]
    fn extends_that_cannot_be_followed_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        write(
            &a,
            &[("ruleset.toml", "name = \"a\"\nextends = \"../b\"\n")],
        );
        write(
            &b,
            &[("ruleset.toml", "name = \"b\"\n\nextends = \"../a\"\n")],
        );
        let err = RuleSet::load_dir(&a).unwrap_err().en();
        assert!(err.contains("b/ruleset.toml:3"), "{err}");
        assert!(err.contains("goes round in a circle"), "{err}");
        write(
            &a,
            &[("ruleset.toml", "name = \"a\"\nextends = \"../none\"\n")],
        );
        let err = RuleSet::load_dir(&a).unwrap_err().en();
        assert!(
            err.contains("a/ruleset.toml:2: extends \"../none\": cannot read"),
            "{err}"
        );
        write(&a, &[("ruleset.toml", "name = \"a\"\n")]);
        let err = RuleSet::load_dir(&a).unwrap_err().en();
        assert!(err.contains("no scale"), "{err}");
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![SourceFile::new(
                "ruleset.toml",
                "name = \"m\"\nextends = \"x\"\n",
            )],
        })
        .unwrap_err()
        .en();
        assert!(err.contains("cannot extend"), "{err}");
    }
}
