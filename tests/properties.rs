//! Properties over generated input: the value parser and the plan loader never panic, whatever
//! the text; and every total equals the sum of its parts, for any amounts a plan can hold (up
//! to the largest the parser accepts, in any money unit).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use rust_decimal::Decimal;

use gyokaku::engine::RuleSet;
use gyokaku::evaluation::{evaluate, summarize};
use gyokaku::model::{load_plan_from, parse_value, FiscalYear, MemorySource, SourceFile, Value};
use gyokaku::number::{format_number, format_percent};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::load_dir(common::root().join("rules")).expect("default rules"))
}

/// Text made of what printed values are made of: digits (both widths), separators, signs and
/// dashes of every kind, brackets, units, bounds, words, spaces and control characters.
fn value_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "9",
        "５",
        "12",
        "999",
        "000",
        ",",
        ".",
        "．",
        "，",
        "-",
        "‐",
        "‑",
        "‒",
        "–",
        "—",
        "―",
        "─",
        "−",
        "－",
        "﹣",
        "▲",
        "△",
        "↓",
        "+",
        "＋",
        "(",
        ")",
        "（",
        "）",
        "%",
        "％",
        "%%",
        "千円",
        "億円",
        "百万円",
        "円",
        "件",
        "/年",
        "以内",
        "未満",
        "以上",
        "超",
        "を超える",
        "以下",
        "まで",
        "検討",
        "未定",
        "令和3年度",
        " ",
        "\u{3000}",
        "\t",
        "\n",
        "\u{1b}",
        "e",
        "E",
        "7922816251426433759354395033",
        "99999999999999",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn the_value_parser_never_panics(text in value_text()) {
        if let Ok(Value::Number(q)) = parse_value(&text) {
            for unit in ["円", "千円", "百万円", "億円", "千円/年", "%", "件"] {
                if let Some(a) = q.amount_in(unit) {
                    format_number(a);
                    format_percent(a);
                }
            }
            format_percent(q.amount);
        }
    }

    #[test]
    fn the_value_parser_never_panics_on_any_text(text in "\\PC{0,40}") {
        let _ = parse_value(&text);
    }
}

const PLAN: &str = r#"
id = "p"
name = "計画"
municipality = "市"
years = ["R5", "R6"]

[[policies]]
number = 1
name = "方針1"

[[policies]]
number = 2
name = "方針2"

[[themes]]
number = 1
policy = 1
name = "推進項目1"

[[themes]]
number = 2
policy = 1
name = "推進項目2"

[[themes]]
number = 3
policy = 2
name = "推進項目3"
"#;

/// The policy of each theme in [`PLAN`].
const THEME_POLICY: [u32; 3] = [1, 1, 2];

fn item_file(target: &str, actual: &str, expected: &str, actual_effect: &str) -> String {
    format!(
        r#"title = "t"
department = "d"
section = "s"
sheet = true

[indicator]
name = "n"
unit = "件"
kind = "higher_better"

[years.R5]
target = "{target}"
actual = "{actual}"
expected_effect = "{expected}"
actual_effect = "{actual_effect}"
rating = "B"
"#
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Item files with any values in their cells, or any text at all: loading and evaluating
    /// return results or errors, never panic.
    #[test]
    fn the_loader_never_panics(
        cells in prop::collection::vec(value_text(), 4),
        raw in "\\PC{0,200}",
        use_raw in any::<bool>(),
    ) {
        let text = if use_raw {
            raw
        } else {
            item_file(&cells[0], &cells[1], &cells[2], &cells[3])
        };
        let source = MemorySource {
            plan: SourceFile::new("plan.toml", PLAN),
            items: vec![SourceFile::new("items/1-1-1.toml", text)],
        };
        if let Ok(plan) = load_plan_from(&source) {
            if let Ok(ev) = evaluate(&plan, rules(), FiscalYear::reiwa(5)) {
                summarize(&plan, &ev);
            }
        }
    }
}

/// An effect amount as a plan may print it: up to the largest number the parser accepts (15
/// digits), with decimals, negative, in 千円 or 億円.
fn amount() -> impl Strategy<Value = (String, Decimal)> {
    (
        0u64..=999_999_999_999_999,
        0u32..=3,
        any::<bool>(),
        prop::sample::select(vec![("", 1i64), ("千円", 1), ("億円", 100_000)]),
    )
        .prop_map(|(n, scale, negative, (unit, factor))| {
            let d = Decimal::new(n as i64, scale);
            let text = format!("{}{d}{unit}", if negative { "▲" } else { "" });
            let value = if negative { -d } else { d } * Decimal::from(factor);
            (text, value)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Every total of the summary equals the sum of its parts: per policy, per theme and in
    /// all, the items' amounts as read (億円 converted to 千円 exactly).
    #[test]
    fn every_total_equals_the_sum_of_its_parts(
        items in prop::collection::vec((0usize..3, amount(), amount()), 1..25),
    ) {
        let mut files = Vec::new();
        let mut numbers = [0u32; 3];
        for (theme, (expected_text, _), (actual_text, _)) in &items {
            numbers[*theme] += 1;
            let id = format!("{}-{}-{}", THEME_POLICY[*theme], theme + 1, numbers[*theme]);
            files.push(SourceFile::new(
                format!("items/{id}.toml"),
                item_file("10", "12", expected_text, actual_text),
            ));
        }
        let plan = load_plan_from(&MemorySource {
            plan: SourceFile::new("plan.toml", PLAN),
            items: files,
        })
        .expect("the plan loads");
        let ev = evaluate(&plan, rules(), FiscalYear::reiwa(5)).expect("it evaluates");
        let s = summarize(&plan, &ev);

        let expected: Decimal = items.iter().map(|(_, (_, e), _)| *e).sum();
        let actual: Decimal = items.iter().map(|(_, _, (_, a))| *a).sum();
        prop_assert_eq!(s.effects.expected, expected);
        prop_assert_eq!(s.effects.actual, actual);
        for (i, e) in ev.items.iter().enumerate() {
            prop_assert!(e.expected_effect.is_some() && e.actual_effect.is_some(), "item {}", i);
        }
        let by_policy = |f: fn(&gyokaku::evaluation::EffectTotals) -> Decimal| {
            s.policies.iter().map(|p| f(&p.effects)).sum::<Decimal>()
        };
        prop_assert_eq!(by_policy(|e| e.expected), expected);
        prop_assert_eq!(by_policy(|e| e.actual), actual);
        prop_assert_eq!(s.themes.iter().map(|t| t.effects.expected).sum::<Decimal>(), expected);
        prop_assert_eq!(s.themes.iter().map(|t| t.effects.actual).sum::<Decimal>(), actual);
        prop_assert_eq!(s.themes.iter().map(|t| t.items).sum::<usize>(), items.len());
        for p in &s.policies {
            let of_themes: Decimal = s
                .themes
                .iter()
                .filter(|t| t.policy == p.number)
                .map(|t| t.effects.actual)
                .sum();
            prop_assert_eq!(p.effects.actual, of_themes);
        }
        prop_assert_eq!(s.recorded.total, items.len());
        let counted: usize = s.recorded.by_rating.iter().map(|(_, n)| n).sum::<usize>()
            + s.recorded.unrated
            + s.recorded.not_on_scale.iter().map(|(_, n)| n).sum::<usize>();
        prop_assert_eq!(counted, items.len());
    }
}

/// The rule inputs of every item of the bundled plan in every year of its period.
fn bundled_inputs() -> &'static [gyokaku::engine::RuleInput] {
    static INPUTS: OnceLock<Vec<gyokaku::engine::RuleInput>> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let plan = gyokaku::model::load_plan(common::root().join("plans/isehara-6")).unwrap();
        let mut inputs = Vec::new();
        for year in &plan.years {
            for item in &plan.items {
                inputs.push(gyokaku::evaluation::rule_input(&plan, item, *year, rules()));
            }
        }
        inputs
    })
}

/// Everything the rules say of one input: achievement, reading, rating, effect, each with its
/// explanation lines.
fn rules_say(rules: &RuleSet, x: gyokaku::engine::RuleInput) -> String {
    let x = std::sync::Arc::new(x);
    let at = gyokaku::engine::CallSite {
        item: Some(&x.id),
        year: &x.year,
    };
    let a = rules.achievement(&x, at).map(|o| (o.value, o.trace));
    let s = a.as_ref().ok().map(|(value, _)| {
        rules.suggest(&x, *value, at).map(|s| {
            let reading = s.reading.map(|r| (r.value, r.trace));
            (reading, s.rating.value, s.rating.trace, s.rated_by)
        })
    });
    let e = rules
        .kind_effect(&x, at)
        .map(|e| e.map(|e| (e.value, e.trace)));
    format!("{a:?}\n{s:?}\n{e:?}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Rule calls answered from memory say exactly what running them says: inputs mixed from
    /// the bundled plan's (a comment of one item with the figures of another, emptied fields),
    /// evaluated in sequence by one rule set that remembers its calls and by one that runs
    /// every call.
    #[test]
    fn remembered_calls_say_what_running_them_says(
        picks in prop::collection::vec((0usize..355, 0usize..355, 0usize..355, 0u8..4), 1..24),
    ) {
        let inputs = bundled_inputs();
        let mut running = RuleSet::load_dir(common::root().join("rules")).unwrap();
        running.remember_calls(false);
        for (a, b, c, blank) in picks {
            let mut x = inputs[a % inputs.len()].clone();
            let other = &inputs[b % inputs.len()];
            let third = &inputs[c % inputs.len()];
            x.comment = other.comment.clone();
            x.plan = other.plan.clone();
            x.target = third.target;
            x.target_text = third.target_text.clone();
            match blank {
                0 => x.comment.clear(),
                1 => x.actual = None,
                2 => x.kind = other.kind.clone(),
                _ => {}
            }
            prop_assert_eq!(rules_say(rules(), x.clone()), rules_say(&running, x));
        }
    }
}
