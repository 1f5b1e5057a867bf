//! Compiling a rule set's scripts: all of them at once, on this thread and one more, when the
//! rule set is loaded ([`RuleSet::load`]) or when its first rule runs
//! ([`RuleSet::load_deferred`]); then each is checked for the functions it is there for, and
//! what each kind script declares of its kind is read.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use rhai::{Engine, AST};

use super::bytecode::{self, Bytecode};
use super::kind::{self, Kinds};
use super::limits;
use super::quiet;
use super::sandbox::build_engine;
use super::script::Script;
use super::RuleSet;
#[cfg(feature = "coverage")]
use crate::engine::data::Data;
use crate::engine::error::{Compile, RuleError};
use crate::engine::reading::VERDICTS;
use crate::engine::{CompileProblem, RuleConfigProblem};

/// What compiling a rule set gives: the engine its scripts run on and every script compiled,
/// in the order of [`RuleSet::sources`].
pub(super) struct Compiled {
    /// Shared with the bytecode machines that dispatch through it ([`bytecode`]).
    pub(super) engine: Arc<Engine>,
    asts: Vec<AST>,
    /// Each script without its explanations (`quiet.rs`), compiled when first run so:
    /// `None` when it has none to remove.
    quiet: Vec<OnceLock<Option<AST>>>,
    /// Each script lowered to bytecode ([`bytecode::lower`]), once it has run enough calls,
    /// as written and without its explanations.
    pub(super) programs: Vec<[OnceLock<Option<Bytecode>>; 2]>,
    /// The calls each script has run through its AST, until it is lowered.
    calls: Vec<AtomicUsize>,
    /// What each kind's script declares of its kind.
    pub(super) kinds: Arc<Kinds>,
}

impl Compiled {
    /// The compiled `script`.
    pub(super) fn ast(&self, script: &Script) -> &AST {
        &self.asts[script.index]
    }

    /// The compiled `script` as a run with or without explanations (`explained`) runs it.
    pub(super) fn ast_for(&self, script: &Script, explained: bool) -> &AST {
        let ast = self.ast(script);
        if explained {
            return ast;
        }
        self.quiet[script.index]
            .get_or_init(|| quiet::without_explanations(&self.engine, ast, &script.text))
            .as_ref()
            .unwrap_or(ast)
    }

    /// `script` as bytecode, as a run with or without explanations (`explained`) runs it;
    /// `None` while it runs through its AST. Lowering a script costs as much as a few hundred
    /// calls of it, more than linearly with its length (Rhai's lowering compares each constant
    /// with every one before it), so by default (`always` false) a script is lowered once it
    /// has run a call for every four bytes of its text through the AST; a one-plan command
    /// lowers the kind scripts its items run and leaves a long script run once an item alone.
    pub(super) fn bytecode_for(
        &self,
        script: &Script,
        explained: bool,
        always: bool,
    ) -> Option<&Bytecode> {
        let ast = self.ast_for(script, explained);
        // The script as written, also when it has no explanation to remove.
        let written = std::ptr::eq(ast, self.ast(script));
        let program = &self.programs[script.index][usize::from(!written)];
        if let Some(program) = program.get() {
            return program.as_ref();
        }
        let calls = self.calls[script.index].fetch_add(1, Ordering::Relaxed);
        if !always && calls < script.text.len() / 4 {
            return None;
        }
        program.get_or_init(|| bytecode::lower(ast)).as_ref()
    }

    /// The engine, to change before anything runs on it again: built anew when machines on some
    /// thread hold it (they keep theirs; [`RuleSet::record_coverage`] runs no machine).
    #[cfg(feature = "coverage")]
    pub(super) fn engine_mut(&mut self, data: &Data) -> &mut Engine {
        if Arc::get_mut(&mut self.engine).is_none() {
            let mut engine = build_engine(data);
            kind::register(&mut engine, Arc::clone(&self.kinds));
            self.engine = Arc::new(engine);
        }
        Arc::get_mut(&mut self.engine).expect("made just now if it was shared")
    }

    /// Whether `script` defines a function `name`.
    pub(super) fn has_function(&self, script: &Script, name: &str) -> bool {
        self.ast(script).iter_functions().any(|f| f.name == name)
    }
}

impl RuleSet {
    /// Compiles the scripts now, if they are not yet: the error a rule would fail with, before
    /// any runs.
    pub fn compile(&self) -> Result<(), RuleError> {
        self.compiled().map(|_| ())
    }

    /// The engine and the compiled scripts: compiled now if they are not yet (and checked for
    /// the functions each must define).
    pub(super) fn compiled(&self) -> Result<&Compiled, RuleError> {
        if let Some(compiled) = self.compiled.get() {
            return Ok(compiled);
        }
        let _only_here = self.compiling.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(compiled) = self.compiled.get() {
            return Ok(compiled);
        }
        let engine = build_engine(self.data()?);
        let asts = compile_all(&engine, &self.sources)
            .into_iter()
            .collect::<Result<Vec<AST>, RuleError>>()?;
        let mut compiled = Compiled {
            engine: Arc::new(engine),
            quiet: asts.iter().map(|_| OnceLock::new()).collect(),
            programs: asts.iter().map(|_| Default::default()).collect(),
            calls: asts.iter().map(|_| AtomicUsize::new(0)).collect(),
            asts,
            kinds: Arc::default(),
        };
        self.check_functions(&compiled)?;
        // What the kinds declare is known once they compile; `kind(name)` is resolved when a
        // script calls it, so registering it now serves every script.
        compiled.kinds = Arc::new(self.declared_kinds(&compiled)?);
        let engine = Arc::get_mut(&mut compiled.engine).expect("no machine made yet");
        kind::register(engine, Arc::clone(&compiled.kinds));
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
                        verdicts: VERDICTS.iter().map(|v| v.to_string()).collect(),
                    },
                });
            }
        }
        for (script, function) in [(&self.forecast, "forecast"), (&self.overall, "overall")] {
            if let Some(script) = script.as_ref().filter(|s| !has(s, function)) {
                return Err(RuleError::Config {
                    file: script.file.clone(),
                    line: 1,
                    problem: RuleConfigProblem::MissingFunction {
                        signature: format!("{function}(p)"),
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
pub(super) fn compile_problem(e: &rhai::ParseErrorType) -> CompileProblem {
    match e {
        rhai::ParseErrorType::VariableUndefined(name) => {
            CompileProblem::UndefinedVariable { name: name.clone() }
        }
        other => CompileProblem::Syntax {
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::{input, rules, AT, RATING, TWO_LABEL_CONFIG};
    use crate::engine::{MemoryRules, RuleInput};
    use crate::model::SourceFile;
    use rust_decimal::Decimal;

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
            // A data file that does not read: read only when a rule must run.
            source(&[
                ("rating.rhai", RATING),
                ("kinds/a.rhai", "fn achievement(x) { 1 }"),
                ("data/steps.toml", "steps = [1,"),
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
    fn compile_errors_carry_file_line_column_and_the_line() {
        let err = rules("fn achievement(x) {\n    let a = 1 - ;\n    a\n}")
            .unwrap_err()
            .en();
        assert!(err.starts_with("mem/kinds/k.rhai:2:"), "{err}");
        assert!(err.contains("    let a = 1 - ;"), "{err}");
        assert!(err.contains('^'), "{err}");
    }

    #[test]
    fn missing_functions_are_reported() {
        let err = rules("fn other(x) { 1 }").unwrap_err().en();
        assert!(err.contains("defines no function achievement"), "{err}");
    }
}
