//! Scripts without their explanations: for a run whose output shows none
//! ([`super::RuleSet::explain_calls`]), each script is compiled once more with every
//! statement `explain(…)`, `print(…)` and `debug(…)` replaced by `()`, so that their text
//! (interpolation, `fmt`, `percent`) is never built. Only calls whose arguments cannot change
//! what the rest of the script sees are removed (reading values, pure functions, operators); a
//! call that might (a mutating method, a closure's captured variable) stays and its lines are
//! dropped after the call. The removed text is blanked in place, keeping every line and column,
//! so an error names the same place in both runs. What the arguments alone would raise is not
//! raised (`rules/README.md`, 説明文を作らない実行).

use std::collections::HashSet;

use rhai::{ASTNode, Engine, Expr, FnCallExpr, Stmt, AST};

/// The functions whose statement calls only explain.
const EXPLAINING: [&str; 3] = ["explain", "print", "debug"];

/// Functions that give a value without changing their arguments or anything else, in either
/// call form: gyokaku's own (`rules/README.md`) and Rhai's that read. Anything else in an
/// explanation's arguments (`push`, `trim`, a script function called as a method …) keeps it.
const PURE: &[&str] = &[
    // gyokaku's
    "fmt",
    "percent",
    "as_percent",
    "data",
    "kind",
    "phrases",
    "step_words",
    "read_comment",
    "furthest_step",
    "step_rank",
    "scan",
    "split_at",
    "contains_any",
    "starts_with_any",
    "similarity",
    // Rhai's
    "len",
    "is_empty",
    "to_string",
    "to_debug",
    "to_decimal",
    "to_int",
    "type_of",
    "abs",
    "sign",
    "round",
    "floor",
    "ceiling",
    "int",
    "fraction",
    "min",
    "max",
    "sub_string",
    "index_of",
    "contains",
    "starts_with",
    "ends_with",
    "get",
    "keys",
    "values",
    "to_upper",
    "to_lower",
    "to_chars",
    "split",
];

/// `text` compiled by `engine` without its explanations, when `ast` (its compiled form) has a
/// call to remove; `None` when it has none, or when the script shares variables with closures
/// (whose calls could change them from anywhere).
pub(super) fn without_explanations(engine: &Engine, ast: &AST, text: &str) -> Option<AST> {
    let places = removable_calls(ast)?;
    if places.is_empty() {
        return None;
    }
    let quiet = blank_calls(text, &places)?;
    // Compiled from text the original compiled from: a failure would be a fault of the
    // blanking, and the script then runs with its explanations (dropped after each call).
    engine.compile(quiet).ok()
}

/// A call to remove: its line and column (both from 1) and the function it calls.
type Place = (usize, usize, &'static str);

/// The places of the statement calls that only explain; `None` when the script shares
/// variables with closures.
fn removable_calls(ast: &AST) -> Option<Vec<Place>> {
    let own: HashSet<&str> = ast.iter_functions().map(|f| f.name).collect();
    let mut places = Vec::new();
    let mut shared = false;
    ast.walk(&mut |path: &[ASTNode]| {
        match path.last() {
            Some(ASTNode::Stmt(Stmt::Share(..))) => shared = true,
            Some(ASTNode::Stmt(Stmt::FnCall(call, pos))) => {
                let name = EXPLAINING.iter().find(|n| **n == call.name.as_str());
                if let (Some(name), Some(line), Some(column)) = (name, pos.line(), pos.position()) {
                    if explains(call, &own) {
                        places.push((line, column, *name));
                    }
                }
            }
            _ => {}
        }
        !shared
    });
    (!shared).then_some(places)
}

/// A call of `explain`, `print` or `debug` (not the script's own function of that name) whose
/// arguments change nothing.
fn explains(call: &FnCallExpr, own: &HashSet<&str>) -> bool {
    call.namespace.is_empty()
        && EXPLAINING.contains(&call.name.as_str())
        && !own.contains(call.name.as_str())
        && call.args.iter().all(|a| inert(a, own))
}

/// Whether evaluating `e` can change nothing the script sees later: values, variables,
/// properties, indexing, operators, pure functions, the script's own functions called as
/// functions (they get copies). A block, a method it does not know, a closure: not.
fn inert(e: &Expr, own: &HashSet<&str>) -> bool {
    let all = |es: &[Expr]| es.iter().all(|e| inert(e, own));
    match e {
        Expr::DynamicConstant(..)
        | Expr::BoolConstant(..)
        | Expr::IntegerConstant(..)
        | Expr::CharConstant(..)
        | Expr::StringConstant(..)
        | Expr::Unit(..)
        | Expr::Variable(..)
        | Expr::ThisPtr(..)
        | Expr::Property(..) => true,
        Expr::InterpolatedString(parts, ..) | Expr::Array(parts, ..) => all(parts),
        Expr::Map(map, ..) => map.0.iter().all(|(_, v)| inert(v, own)),
        Expr::And(es, ..) | Expr::Or(es, ..) | Expr::Coalesce(es, ..) => all(es),
        Expr::Dot(b, ..) | Expr::Index(b, ..) => inert(&b.lhs, own) && inert(&b.rhs, own),
        Expr::MethodCall(call, ..) => {
            call.namespace.is_empty()
                && PURE.contains(&call.name.as_str())
                && !own.contains(call.name.as_str())
                && all(&call.args)
        }
        Expr::FnCall(call, ..) => {
            call.namespace.is_empty()
                && (call.op_token.is_some()
                    || PURE.contains(&call.name.as_str())
                    || own.contains(call.name.as_str()))
                && all(&call.args)
        }
        _ => false,
    }
}

/// `text` with the call starting at each of `places` replaced by `()` and spaces, its line
/// breaks kept; `None` when a place does not hold its call's name (the reader counted
/// columns otherwise), a call's end is not found, or a place is not met.
fn blank_calls(text: &str, places: &[Place]) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let (mut line, mut column) = (1, 1);
    let mut met = 0;
    for (at, c) in chars.iter().enumerate() {
        if let Some((.., name)) = places.iter().find(|p| (p.0, p.1) == (line, column)) {
            let after = at + name.chars().count();
            if chars.get(at..after)?.iter().copied().ne(name.chars()) || word(chars.get(after)) {
                return None;
            }
            let end = call_end(&chars, at)?;
            met += 1;
            for (i, slot) in out[at..end].iter_mut().enumerate() {
                *slot = match (i, *slot) {
                    (_, '\n') => '\n',
                    (0, _) => '(',
                    (1, _) => ')',
                    _ => ' ',
                };
            }
        }
        if *c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    (met == places.len()).then(|| out.into_iter().collect())
}

/// Whether `c` continues a name.
fn word(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Where the call whose name starts at `start` ends (just past its closing parenthesis).
fn call_end(chars: &[char], start: usize) -> Option<usize> {
    let mut at = start;
    while word(chars.get(at)) {
        at += 1;
    }
    at = skip_space(chars, at)?;
    if chars.get(at) != Some(&'(') {
        return None;
    }
    skip_code(chars, at + 1, ')')
}

/// Skips white space and comments from `at`.
fn skip_space(chars: &[char], mut at: usize) -> Option<usize> {
    loop {
        match (chars.get(at), chars.get(at + 1)) {
            (Some(c), _) if c.is_whitespace() => at += 1,
            (Some('/'), Some('/')) => {
                while chars.get(at).is_some_and(|c| *c != '\n') {
                    at += 1;
                }
            }
            (Some('/'), Some('*')) => at = skip_block_comment(chars, at)?,
            _ => return Some(at),
        }
    }
}

/// Skips a block comment (they nest) starting at `at`.
fn skip_block_comment(chars: &[char], mut at: usize) -> Option<usize> {
    let mut depth = 0;
    loop {
        match (chars.get(at)?, chars.get(at + 1)) {
            ('/', Some('*')) => (depth, at) = (depth + 1, at + 2),
            ('*', Some('/')) => {
                (depth, at) = (depth - 1, at + 2);
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => at += 1,
        }
    }
}

/// Skips code from `at` to the unmatched `close` (`)` or the `}` ending an interpolation),
/// over strings, characters and comments; just past it.
fn skip_code(chars: &[char], mut at: usize, close: char) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        let c = *chars.get(at)?;
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return (c == close).then_some(at + 1),
            ')' | ']' | '}' => depth -= 1,
            '"' | '\'' => at = skip_quoted(chars, at, c)? - 1,
            '`' => at = skip_backtick(chars, at)? - 1,
            '#' if matches!(chars.get(at + 1), Some('#' | '"')) => at = skip_raw(chars, at)? - 1,
            '/' if matches!(chars.get(at + 1), Some('/' | '*')) => {
                at = skip_space(chars, at)? - 1;
            }
            _ => {}
        }
        at += 1;
    }
}

/// Skips a string or character quoted by `quote` at `at`, with its escapes.
fn skip_quoted(chars: &[char], mut at: usize, quote: char) -> Option<usize> {
    at += 1;
    loop {
        match *chars.get(at)? {
            '\\' => at += 2,
            c if c == quote => return Some(at + 1),
            _ => at += 1,
        }
    }
}

/// Skips a back-quoted string at `at`, with the code of its `${…}`.
fn skip_backtick(chars: &[char], mut at: usize) -> Option<usize> {
    at += 1;
    loop {
        match (*chars.get(at)?, chars.get(at + 1)) {
            ('\\', _) => at += 2,
            ('`', _) => return Some(at + 1),
            ('$', Some('{')) => at = skip_code(chars, at + 2, '}')?,
            _ => at += 1,
        }
    }
}

/// Skips a raw string `#"…"#` (as many `#` on both sides) at `at`.
fn skip_raw(chars: &[char], mut at: usize) -> Option<usize> {
    let mut hashes = 0;
    while chars.get(at) == Some(&'#') {
        (hashes, at) = (hashes + 1, at + 1);
    }
    if chars.get(at) != Some(&'"') {
        return None;
    }
    at += 1;
    loop {
        if *chars.get(at)? == '"' && (1..=hashes).all(|i| chars.get(at + i) == Some(&'#')) {
            return Some(at + 1 + hashes);
        }
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        let mut e = Engine::new();
        e.register_fn("explain", |_: &str| ());
        e.register_fn("explain", |_: &str, _: &str| ());
        e.register_fn("fmt", |i: rhai::INT| i.to_string());
        e
    }

    /// The text of the script without its explanations, or `None`.
    fn quiet(text: &str) -> Option<String> {
        let ast = engine().compile(text).unwrap();
        let places = removable_calls(&ast)?;
        (!places.is_empty()).then(|| blank_calls(text, &places).unwrap())
    }

    #[test]
    fn explanations_are_blanked_in_place() {
        let text = "fn f(x) {\n    let a = x + 1; // 増加 (\n    explain(`増加 ${fmt(a)} (\"${x}\")`, `growth ${fmt(a)}`);\n    if a > 2 { print(\"big\") } else { debug(`${a})`) }\n    a\n}";
        let expected = "fn f(x) {\n    let a = x + 1; // 増加 (\n    ()                                                  ;\n    if a > 2 { ()           } else { ()             }\n    a\n}";
        assert_eq!(quiet(text).as_deref(), Some(expected));
        // Lines and columns kept: the same text length, line by line.
        for (a, b) in text.lines().zip(expected.lines()) {
            assert_eq!(a.chars().count(), b.chars().count(), "{a}");
        }
    }

    /// Columns count characters: a call after Japanese text or a tab on its line is found;
    /// a place that does not hold the call's name blanks nothing.
    #[test]
    fn a_call_after_japanese_text_is_found() {
        assert_eq!(
            quiet("fn f(x) { let b = \"増加\"; explain(b); x }").as_deref(),
            Some("fn f(x) { let b = \"増加\"; ()        ; x }")
        );
        assert_eq!(
            quiet("fn f(x) {\n\t\tlet b = 1; explain(`${b}`);\r\n\tx\n}").as_deref(),
            Some("fn f(x) {\n\t\tlet b = 1; ()             ;\r\n\tx\n}")
        );
        let text = "fn f(x) { explain(x); x }";
        assert_eq!(
            blank_calls(text, &[(1, 11, "explain")]).as_deref(),
            Some("fn f(x) { ()        ; x }")
        );
        for wrong in [
            (1, 10, "explain"),
            (1, 11, "print"),
            (1, 3, "f"),
            (2, 1, "explain"),
        ] {
            assert_eq!(blank_calls(text, &[wrong]), None, "{wrong:?}");
        }
    }

    #[test]
    fn a_call_spanning_lines_keeps_its_line_breaks() {
        let text = "fn f(x) {\n    explain(\n        `a ${x}`, /* ) */\n        \"b\" // )\n    );\n    x\n}";
        let out = quiet(text).unwrap();
        assert_eq!(out.lines().count(), text.lines().count());
        assert!(!out.contains("explain"), "{out}");
        let e = engine();
        assert_eq!(
            e.call_fn::<rhai::INT>(
                &mut rhai::Scope::new(),
                &e.compile(&out).unwrap(),
                "f",
                (4 as rhai::INT,)
            )
            .unwrap(),
            4
        );
    }

    /// Every explanation of the bundled rule set is removed: a run without explanations builds
    /// none of their text.
    #[test]
    fn the_bundled_rules_lose_every_explanation() {
        let rules =
            super::super::RuleSet::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap();
        let compiled = rules.compiled().unwrap();
        let count = |ast: &AST| {
            let mut n = 0;
            ast.walk(&mut |path: &[ASTNode]| {
                if let Some(ASTNode::Stmt(Stmt::FnCall(call, _))) = path.last() {
                    n += usize::from(EXPLAINING.contains(&call.name.as_str()));
                }
                true
            });
            n
        };
        let scripts = (rules.kinds.values())
            .chain([&rules.rating])
            .chain(rules.summary.iter())
            .chain(rules.judgement.iter())
            .chain(rules.forecast.iter())
            .chain(rules.overall.iter());
        let mut seen = 0;
        for script in scripts {
            assert!(count(compiled.ast(script)) > 0, "{}", script.file);
            assert_eq!(count(compiled.ast_for(script, false)), 0, "{}", script.file);
            seen += 1;
        }
        assert_eq!(seen, 10);
    }

    #[test]
    fn calls_that_might_change_something_stay() {
        // A mutating method, a block, the script's own `explain`.
        for text in [
            "fn f(x) { let a = [1]; explain(`${a.pop()}`); a.len() }",
            "fn f(x) { explain(`${ { let y = 1; y } }`); x }",
            "fn f(x) { let a = [1]; explain(`${a.helper()}`); a.len() } fn helper() { this.pop() }",
            "fn f(x) { explain(`${x}`); x } fn explain(s) { 1 }",
        ] {
            assert_eq!(quiet(text), None, "{text}");
        }
        // A variable shared with a closure: the whole script stays.
        let shared = "fn f(x) { let n = 0; let g = || { n += 1; }; explain(`${n}`); g.call(); n }";
        assert_eq!(quiet(shared), None);
        // Reading, operators, pure functions and the script's own functions go.
        let pure = "fn f(x) { let a = [1]; explain(`${a.len()} ${a[0] + 1} ${g(a)} ${fmt(x)}`); a.len() } fn g(a) { a.len() }";
        assert!(quiet(pure).is_some_and(|t| !t.contains("explain")));
    }
}
