//! The default rule set (`rules/`) written in Rust: the baseline the Rhai rules are measured
//! against (`cargo bench --bench evaluate -- rules/`). Each function mirrors one script line by
//! line, explanations included and built in both languages as the scripts build them; the
//! benchmark checks on every item of the bundled plan that both give the same achievement,
//! rating, effect and explanation before timing them. Run without explanations
//! ([`evaluate_quiet`]), it builds none of their text, as the Rhai rules then do. (The reading of milestone comments,
//! `judgement.rhai`, is not part of the comparison.)

#![allow(dead_code)] // each bench uses part of it

use gyokaku::engine::RuleInput;
use gyokaku::number::{format_number as fmt, format_percent as percent};
use rust_decimal::Decimal;

/// What the rules give for one item and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Native {
    /// `achievement(x)` of the kind's script.
    pub achievement: Option<Decimal>,
    /// `rating(x, a)`.
    pub rating: Option<&'static str>,
    /// The kind's `effect(x)`, where the kind has one (`None` otherwise).
    pub effect: Option<Option<Decimal>>,
    /// The explanation lines of achievement and rating, in order: Japanese and English.
    pub notes: Vec<(String, String)>,
}

/// Explanation lines, each in Japanese and English, built only when they are wanted (`on`).
struct Notes {
    on: bool,
    lines: Vec<(String, String)>,
}

impl Notes {
    fn add(&mut self, line: impl FnOnce() -> (String, String)) {
        if self.on {
            self.lines.push(line());
        }
    }
}

/// Runs the native rules on one input, explaining.
pub fn evaluate(x: &RuleInput) -> Native {
    run(x, true)
}

/// Runs the native rules on one input without building explanations (`notes` empty), as the
/// Rhai rules run for output that shows none (`RuleSet::explain_calls(false)`).
pub fn evaluate_quiet(x: &RuleInput) -> Native {
    run(x, false)
}

fn run(x: &RuleInput, explain: bool) -> Native {
    let mut notes = Notes {
        on: explain,
        lines: Vec::new(),
    };
    let achievement = achievement(x, &mut notes);
    let rating = rating(x, achievement, &mut notes);
    let effect = (x.kind == "cumulative").then(|| cumulative_effect(x));
    Native {
        achievement,
        rating,
        effect,
        notes: notes.lines,
    }
}

fn achievement(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    match x.kind.as_str() {
        "cumulative" => cumulative(x, notes),
        "higher_better" => higher_better(x, notes),
        "level" => level(x, notes),
        "lower_better" => lower_better(x, notes),
        "milestone" => milestone(x, notes),
        "upper_bound" => upper_bound(x, notes),
        other => panic!("no native rule for kind {other}"),
    }
}

/// Target and actual, or the note that there are none.
fn pair(x: &RuleInput, notes: &mut Notes, what: &str) -> Option<(Decimal, Decimal)> {
    let ja = match what {
        "level" => "水準",
        "limit" => "上限",
        _ => "目標値",
    };
    match (x.target, x.actual) {
        (Some(t), Some(a)) => Some((t, a)),
        _ => {
            notes.add(|| {
                (
                    format!("数値の{ja}と実績値がなく、比較できない"),
                    format!("no numeric {what} and actual to compare"),
                )
            });
            None
        }
    }
}

fn cumulative(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    let (target, actual) = pair(x, notes, "target")?;
    let Some(baseline) = x.baseline else {
        if target <= Decimal::ZERO {
            notes.add(|| {
                (
                    format!("目標値が {} のため、数値では進捗を示せない", x.target_text),
                    format!(
                        "the target is {}: the numbers cannot show progress",
                        x.target_text
                    ),
                )
            });
            return None;
        }
        let a = actual / target;
        notes.add(|| {
            (
                format!(
                    "現状値なし: 実績累計 {} ÷ 目標累計 {} = {}",
                    x.actual_text,
                    x.target_text,
                    percent(a)
                ),
                format!(
                    "no baseline: total {} ÷ target total {} = {}",
                    x.actual_text,
                    x.target_text,
                    percent(a)
                ),
            )
        });
        return Some(a);
    };
    let planned = target - baseline;
    if planned <= Decimal::ZERO {
        notes.add(|| {
            (
                format!(
                    "目標値 {} は現状値 {} からの増加を見込んでいない",
                    x.target_text,
                    fmt(baseline)
                ),
                format!(
                    "the target {} plans no growth from the baseline {}",
                    x.target_text,
                    fmt(baseline)
                ),
            )
        });
        return None;
    }
    let made = actual - baseline;
    let a = made / planned;
    notes.add(|| {
        (
            format!(
                "増加分 {} ({} − 現状値 {}) ÷ 計画増加分 {} = {}",
                fmt(made),
                x.actual_text,
                fmt(baseline),
                fmt(planned),
                percent(a)
            ),
            format!(
                "growth {} ({} − baseline {}) ÷ planned {} = {}",
                fmt(made),
                x.actual_text,
                fmt(baseline),
                fmt(planned),
                percent(a)
            ),
        )
    });
    Some(a)
}

fn cumulative_effect(x: &RuleInput) -> Option<Decimal> {
    match (x.value, x.previous) {
        (Some(v), Some(p)) if x.unit.starts_with("千円") => Some(v - p),
        _ => None,
    }
}

fn higher_better(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    let (target, actual) = pair(x, notes, "target")?;
    if target <= Decimal::ZERO {
        notes.add(|| {
            (
                format!("目標値が {} のため、数値では進捗を示せない", x.target_text),
                format!(
                    "the target is {}: the numbers cannot show progress",
                    x.target_text
                ),
            )
        });
        return None;
    }
    let a = actual / target;
    notes.add(|| {
        (
            format!(
                "実績値 {} ÷ 目標値 {} = {}",
                x.actual_text,
                x.target_text,
                percent(a)
            ),
            format!(
                "actual {} ÷ target {} = {}",
                x.actual_text,
                x.target_text,
                percent(a)
            ),
        )
    });
    Some(a)
}

fn level(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    let (target, actual) = pair(x, notes, "level")?;
    if target <= Decimal::ZERO {
        notes.add(|| {
            (
                format!("水準が {} のため、数値では進捗を示せない", x.target_text),
                format!(
                    "the level is {}: the numbers cannot show progress",
                    x.target_text
                ),
            )
        });
        return None;
    }
    let deviation = (actual - target).abs() / target;
    let a = Decimal::ONE - deviation;
    notes.add(|| {
        (
            format!(
                "実績値 {} と水準 {} の乖離 {}: {}",
                x.actual_text,
                x.target_text,
                percent(deviation),
                percent(a)
            ),
            format!(
                "actual {} against the level {}: deviation {}, {}",
                x.actual_text,
                x.target_text,
                percent(deviation),
                percent(a)
            ),
        )
    });
    Some(a)
}

fn lower_better(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    let (target, actual) = pair(x, notes, "target")?;
    if target <= Decimal::ZERO {
        notes.add(|| {
            (
                format!(
                    "目標値が {} のため、目標値に対する割合では測れない",
                    x.target_text
                ),
                format!(
                    "the target is {}: a share of it means nothing",
                    x.target_text
                ),
            )
        });
        return None;
    }
    let a = Decimal::ONE + (target - actual) / target;
    if actual <= target {
        notes.add(|| {
            (
                format!(
                    "実績値 {} は目標値 {} を {} 下回る: {}",
                    x.actual_text,
                    x.target_text,
                    percent((target - actual) / target),
                    percent(a)
                ),
                format!(
                    "actual {} is {} under the target {}: {}",
                    x.actual_text,
                    percent((target - actual) / target),
                    x.target_text,
                    percent(a)
                ),
            )
        });
    } else {
        notes.add(|| {
            (
                format!(
                    "実績値 {} は目標値 {} を {} 上回る: {}",
                    x.actual_text,
                    x.target_text,
                    percent((actual - target) / target),
                    percent(a)
                ),
                format!(
                    "actual {} is {} over the target {}: {}",
                    x.actual_text,
                    percent((actual - target) / target),
                    x.target_text,
                    percent(a)
                ),
            )
        });
    }
    Some(a)
}

fn milestone(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    let planned = &x.target_text;
    if !planned.is_empty() && planned != "-" && *planned == x.actual_text {
        notes.add(|| {
            (
                format!("計画した段階「{planned}」に達したと報告されている"),
                format!("the planned step \"{planned}\" was reported as reached"),
            )
        });
        return Some(Decimal::ONE);
    }
    notes.add(|| {
        (
            "計画した段階に達したとの報告がなく、数値では判断できない".into(),
            "no step reported as the planned one: the numbers cannot tell".into(),
        )
    });
    None
}

fn upper_bound(x: &RuleInput, notes: &mut Notes) -> Option<Decimal> {
    let (target, actual) = pair(x, notes, "limit")?;
    if target <= Decimal::ZERO {
        notes.add(|| {
            (
                format!(
                    "上限が {} のため、上限に対する割合では測れない",
                    x.target_text
                ),
                format!(
                    "the limit is {}: a share of it means nothing",
                    x.target_text
                ),
            )
        });
        return None;
    }
    let a = Decimal::ONE + (target - actual) / target;
    if x.within_bound.unwrap_or(actual <= target) {
        notes.add(|| {
            (
                format!(
                    "実績値 {} は上限 {} の範囲内 (余裕 {}): {}",
                    x.actual_text,
                    x.target_text,
                    percent((target - actual) / target),
                    percent(a)
                ),
                format!(
                    "actual {} keeps the limit {} with {} to spare: {}",
                    x.actual_text,
                    x.target_text,
                    percent((target - actual) / target),
                    percent(a)
                ),
            )
        });
    } else {
        notes.add(|| {
            (
                format!(
                    "実績値 {} は上限 {} を超えている",
                    x.actual_text, x.target_text
                ),
                format!(
                    "actual {} breaks the limit {}",
                    x.actual_text, x.target_text
                ),
            )
        });
    }
    Some(a)
}

fn rating(x: &RuleInput, a: Option<Decimal>, notes: &mut Notes) -> Option<&'static str> {
    let a = a?;
    if x.within_bound == Some(false) || (x.kind == "upper_bound" && a < Decimal::ONE) {
        notes.add(|| {
            (
                "上限・範囲を守れていない → C".into(),
                "a limit that is not kept → C".into(),
            )
        });
        return Some("C");
    }
    let (ja, en, label) = if a > Decimal::ONE {
        ("100%超 → A", "above 100% → A", "A")
    } else if a >= Decimal::new(8, 1) {
        ("80%以上100%以下 → B", "80% to 100% → B", "B")
    } else if a >= Decimal::new(2, 1) {
        ("20%以上80%未満 → C", "20% to 80% → C", "C")
    } else {
        ("20%未満 → D", "below 20% → D", "D")
    };
    notes.add(|| (ja.into(), en.into()));
    Some(label)
}
