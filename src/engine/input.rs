//! What a rule script sees of an item and a year: the `x` passed to every rule function.

use std::sync::Arc;

use rhai::{Array, Dynamic, Engine, Map};
use rust_decimal::Decimal;

/// The inputs of one rule call. Scripts read them as properties (`x.target`); a property that
/// does not exist is an error, and a value the document does not give is `()`. The rule set's
/// functions take it shared (`Arc<RuleInput>`): every call for an item and year reads the same
/// input, handed to the script without copying it.
#[derive(Debug, Clone, Default)]
pub struct RuleInput {
    /// Item id, "5-8-3".
    pub id: String,
    /// Item title.
    pub title: String,
    /// Indicator kind.
    pub kind: String,
    /// Indicator name.
    pub indicator: String,
    /// Indicator unit ("件", "%", "-").
    pub unit: String,
    /// Fiscal year, "R5".
    pub year: String,
    /// The year's target, as a number in the indicator's unit.
    pub target: Option<Decimal>,
    /// The year's actual.
    pub actual: Option<Decimal>,
    /// The baseline (指標の現状値).
    pub baseline: Option<Decimal>,
    /// The final year's target.
    pub final_target: Option<Decimal>,
    /// The previous year's actual; the baseline in the first year.
    pub previous: Option<Decimal>,
    /// The previous year's target; the baseline in the first year.
    pub previous_target: Option<Decimal>,
    /// The bound written with the target: "<=", "<", ">=", ">".
    pub bound: Option<String>,
    /// For a target with a bound (以内, 未満 …): whether the actual keeps it.
    pub within_bound: Option<bool>,
    /// The target as printed.
    pub target_text: String,
    /// The actual as printed.
    pub actual_text: String,
    /// 指標の現状値 as printed (`"未導入"`, `"▲19.6%"`; `""` when blank).
    pub baseline_text: String,
    /// 計画最終年度の目標値 as printed (`"導入方針の決定"`, `"運用中"`).
    pub final_target_text: String,
    /// The year's planned actions (年次計画) as printed; `""` when the sheet has none.
    pub plan: String,
    /// The year's comment (取組実績) as printed; `""` when the sheet has none.
    pub comment: String,
    /// Bracketed total of a compound target "2(78)".
    pub target_total: Option<Decimal>,
    /// Bracketed total of a compound actual "2(76)".
    pub actual_total: Option<Decimal>,
    /// 効果見込額 of the year.
    pub expected_effect: Option<Decimal>,
    /// 実績効果額 of the year.
    pub actual_effect: Option<Decimal>,
    /// The rating recorded on the sheet.
    pub recorded: Option<String>,
    /// For `effect(x)`: the value the effect is computed from (target or actual).
    pub value: Option<Decimal>,
    /// For `effect(x)`: bracketed total of `value`.
    pub total: Option<Decimal>,
    /// The scale's labels, best first.
    pub scale: Vec<String>,
    /// The plan's years from its first through the evaluated one, in order: targets, actuals,
    /// effects and running totals, so rules can compute cumulative progress (累計) from annual
    /// figures. The evaluated year is the last.
    pub history: Vec<YearRecord>,
    /// The position of the evaluated year in `history` (0 in the plan's first year).
    pub year_index: usize,
}

/// One year of an item's history, as rules see it (`x.history[i]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearRecord {
    /// Fiscal year as the plan writes it in short, "R5".
    pub year: String,
    /// The year's target, in the indicator's unit.
    pub target: Option<Decimal>,
    /// The year's actual.
    pub actual: Option<Decimal>,
    /// The target as printed.
    pub target_text: String,
    /// The actual as printed.
    pub actual_text: String,
    /// 効果見込額 (千円).
    pub expected_effect: Option<Decimal>,
    /// 実績効果額 (千円).
    pub actual_effect: Option<Decimal>,
    /// Running total of the annual targets from the plan's first year through this one;
    /// `()` when one of those years has no numeric target.
    pub target_sum: Option<Decimal>,
    /// Running total of the annual actuals, likewise.
    pub actual_sum: Option<Decimal>,
    /// Running total of 効果見込額, likewise.
    pub expected_effect_sum: Option<Decimal>,
    /// Running total of 実績効果額, likewise.
    pub actual_effect_sum: Option<Decimal>,
}

impl YearRecord {
    /// Fills the running totals of `records`, in order: each is the sum of its own and every
    /// earlier year's figure, or `()` from the first year without one.
    pub fn add_running_totals(records: &mut [YearRecord]) {
        let mut sums: [Option<Decimal>; 4] = [Some(Decimal::ZERO); 4];
        for r in records {
            let figures = [r.target, r.actual, r.expected_effect, r.actual_effect];
            for (sum, figure) in sums.iter_mut().zip(figures) {
                *sum = sum.zip(figure).and_then(|(s, f)| s.checked_add(f));
            }
            [
                r.target_sum,
                r.actual_sum,
                r.expected_effect_sum,
                r.actual_effect_sum,
            ] = sums;
        }
    }
}

impl RuleInput {
    /// The evaluated year's record, when the history has it.
    pub fn this_year(&self) -> Option<&YearRecord> {
        self.history.get(self.year_index)
    }
}

/// A list of values (the scale's labels, the history's years) as a Rhai array.
fn array_of<T: Clone + Send + Sync + 'static>(items: &[T]) -> Dynamic {
    Dynamic::from_array(items.iter().cloned().map(Dynamic::from).collect::<Array>())
}

fn num(d: Option<Decimal>) -> Dynamic {
    d.map(Dynamic::from_decimal).unwrap_or(Dynamic::UNIT)
}

/// How one property of the input is read: text and numbers directly (so a remembered read can
/// be compared without building the script's value), the rest as the script sees it.
#[derive(Clone, Copy)]
enum Getter {
    Text(fn(&RuleInput) -> &str),
    MaybeText(fn(&RuleInput) -> Option<&str>),
    Number(fn(&RuleInput) -> Option<Decimal>),
    Other(fn(&RuleInput) -> Dynamic),
}

impl Getter {
    /// The property's value as a script sees it.
    fn get(self, x: &RuleInput) -> Dynamic {
        match self {
            Getter::Text(f) => f(x).into(),
            Getter::MaybeText(f) => f(x).map_or(Dynamic::UNIT, |t| t.to_string().into()),
            Getter::Number(f) => num(f(x)),
            Getter::Other(f) => f(x),
        }
    }

    /// Whether the property of `x` is `value`.
    fn reads_as(self, x: &RuleInput, value: &Dynamic) -> bool {
        let text = |t: Option<&str>| match (t, value.read_lock::<rhai::ImmutableString>()) {
            (Some(t), Some(v)) => t == v.as_str(),
            (None, None) => value.is_unit(),
            _ => false,
        };
        match self {
            Getter::Text(f) => text(Some(f(x))),
            Getter::MaybeText(f) => text(f(x)),
            Getter::Number(f) => match (f(x), value.as_decimal()) {
                // 1.0 and 1.00 print differently: the digits must be the same too.
                (Some(d), Ok(v)) => d == v && d.scale() == v.scale(),
                (None, _) => value.is_unit(),
                _ => false,
            },
            Getter::Other(f) => same(&f(x), value),
        }
    }
}

/// Every property of `x` and how it is read, in the order of [`PROPERTIES`].
const GETTERS: &[(&str, Getter)] = &[
    ("id", Getter::Text(|x| &x.id)),
    ("title", Getter::Text(|x| &x.title)),
    ("kind", Getter::Text(|x| &x.kind)),
    ("indicator", Getter::Text(|x| &x.indicator)),
    ("unit", Getter::Text(|x| &x.unit)),
    ("year", Getter::Text(|x| &x.year)),
    ("target", Getter::Number(|x| x.target)),
    ("actual", Getter::Number(|x| x.actual)),
    ("baseline", Getter::Number(|x| x.baseline)),
    ("final_target", Getter::Number(|x| x.final_target)),
    ("previous", Getter::Number(|x| x.previous)),
    ("previous_target", Getter::Number(|x| x.previous_target)),
    ("bound", Getter::MaybeText(|x| x.bound.as_deref())),
    (
        "within_bound",
        Getter::Other(|x| x.within_bound.map(Dynamic::from).unwrap_or(Dynamic::UNIT)),
    ),
    ("target_text", Getter::Text(|x| &x.target_text)),
    ("actual_text", Getter::Text(|x| &x.actual_text)),
    ("baseline_text", Getter::Text(|x| &x.baseline_text)),
    ("final_target_text", Getter::Text(|x| &x.final_target_text)),
    ("plan", Getter::Text(|x| &x.plan)),
    ("comment", Getter::Text(|x| &x.comment)),
    ("target_total", Getter::Number(|x| x.target_total)),
    ("actual_total", Getter::Number(|x| x.actual_total)),
    ("expected_effect", Getter::Number(|x| x.expected_effect)),
    ("actual_effect", Getter::Number(|x| x.actual_effect)),
    ("recorded", Getter::MaybeText(|x| x.recorded.as_deref())),
    ("value", Getter::Number(|x| x.value)),
    ("total", Getter::Number(|x| x.total)),
    ("scale", Getter::Other(|x| array_of(&x.scale))),
    ("history", Getter::Other(|x| array_of(&x.history))),
    (
        "year_index",
        Getter::Other(|x| {
            Dynamic::from(rhai::INT::try_from(x.year_index).unwrap_or(rhai::INT::MAX))
        }),
    ),
    (
        "target_sum",
        Getter::Number(|x| x.this_year().and_then(|r| r.target_sum)),
    ),
    (
        "actual_sum",
        Getter::Number(|x| x.this_year().and_then(|r| r.actual_sum)),
    ),
    (
        "expected_effect_sum",
        Getter::Number(|x| x.this_year().and_then(|r| r.expected_effect_sum)),
    ),
    (
        "actual_effect_sum",
        Getter::Number(|x| x.this_year().and_then(|r| r.actual_effect_sum)),
    ),
];

/// Whether property `index` of [`PROPERTIES`] reads the same in `x` as `value`: what a
/// remembered rule call read compared with a new input.
pub(crate) fn reads_as(x: &RuleInput, index: usize, value: &Dynamic) -> bool {
    GETTERS
        .get(index)
        .is_some_and(|(_, get)| get.reads_as(x, value))
}

/// The index of the property called `name` in [`PROPERTIES`].
#[cfg(test)]
pub(crate) fn property_index(name: &str) -> Option<usize> {
    GETTERS.iter().position(|(n, _)| *n == name)
}

/// What a rule call read of `x`: each property by its index in [`PROPERTIES`], with its value,
/// in the order read.
pub(crate) type Reads = Vec<(usize, Dynamic)>;

thread_local! {
    /// The reads of the rule call running on this thread, while they are recorded.
    static READS: std::cell::RefCell<Option<Reads>> = const { std::cell::RefCell::new(None) };
}

/// Records what `call` reads of `x` on this thread: its result and the reads.
pub(crate) fn record_reads<T>(call: impl FnOnce() -> T) -> (T, Reads) {
    READS.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = call();
    let reads = READS.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (out, reads)
}

/// Tells the recording, if any, that the running call read property `index` as `value`.
fn read(index: usize, value: &Dynamic) {
    READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.push((index, value.clone()));
        }
    });
}

/// Whether two plain values are equal in content and type (1 and 1.0 are not the same: a
/// script can tell them apart).
pub(crate) fn same(a: &Dynamic, b: &Dynamic) -> bool {
    if a.type_id() != b.type_id() {
        return false;
    }
    if a.is_unit() {
        return true;
    }
    if let (Ok(x), Ok(y)) = (a.as_bool(), b.as_bool()) {
        return x == y;
    }
    if let (Ok(x), Ok(y)) = (a.as_int(), b.as_int()) {
        return x == y;
    }
    if let (Ok(x), Ok(y)) = (a.as_decimal(), b.as_decimal()) {
        // 1.0 and 1.00 are equal but print differently: compare the digits too.
        return x == y && x.scale() == y.scale();
    }
    if let (Some(x), Some(y)) = (
        a.read_lock::<rhai::ImmutableString>(),
        b.read_lock::<rhai::ImmutableString>(),
    ) {
        return *x == *y;
    }
    if let (Some(x), Some(y)) = (a.read_lock::<Array>(), b.read_lock::<Array>()) {
        return x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q));
    }
    if let (Some(x), Some(y)) = (a.read_lock::<Map>(), b.read_lock::<Map>()) {
        return x.len() == y.len()
            && x.iter()
                .zip(y.iter())
                .all(|((k, p), (l, q))| k == l && same(p, q));
    }
    if let (Some(x), Some(y)) = (a.read_lock::<YearRecord>(), b.read_lock::<YearRecord>()) {
        // Debug shows each decimal with its digits (1.0 is not 1.00 when printed).
        return format!("{:?}", *x) == format!("{:?}", *y);
    }
    false
}

/// Registers the shared `RuleInput` and its properties with the engine. Every read is told to
/// [`record_reads`], so a rule call can be remembered by what it read.
pub(crate) fn register(engine: &mut Engine) {
    engine.register_type_with_name::<Arc<RuleInput>>("Input");
    for (index, (name, get)) in GETTERS.iter().enumerate() {
        let get = *get;
        engine.register_get(*name, move |x: &mut Arc<RuleInput>| -> Dynamic {
            let value = get.get(x);
            read(index, &value);
            value
        });
    }
    engine.register_type_with_name::<YearRecord>("Year");
    macro_rules! year_getters {
        ($($name:ident => $conv:expr;)*) => {
            $(engine.register_get(stringify!($name), |y: &mut YearRecord| -> Dynamic { let f: fn(&YearRecord) -> Dynamic = $conv; f(y) });)*
        };
    }
    year_getters! {
        year => |y| y.year.clone().into();
        target => |y| num(y.target);
        actual => |y| num(y.actual);
        target_text => |y| y.target_text.clone().into();
        actual_text => |y| y.actual_text.clone().into();
        expected_effect => |y| num(y.expected_effect);
        actual_effect => |y| num(y.actual_effect);
        target_sum => |y| num(y.target_sum);
        actual_sum => |y| num(y.actual_sum);
        expected_effect_sum => |y| num(y.expected_effect_sum);
        actual_effect_sum => |y| num(y.actual_effect_sum);
    }
}

/// Every property of one year of `x.history`.
pub const YEAR_PROPERTIES: &[&str] = &[
    "year",
    "target",
    "actual",
    "target_text",
    "actual_text",
    "expected_effect",
    "actual_effect",
    "target_sum",
    "actual_sum",
    "expected_effect_sum",
    "actual_effect_sum",
];

/// Every property a script can read, for documentation and coverage.
pub const PROPERTIES: &[&str] = &[
    "id",
    "title",
    "kind",
    "indicator",
    "unit",
    "year",
    "target",
    "actual",
    "baseline",
    "final_target",
    "previous",
    "previous_target",
    "bound",
    "within_bound",
    "target_text",
    "actual_text",
    "baseline_text",
    "final_target_text",
    "plan",
    "comment",
    "target_total",
    "actual_total",
    "expected_effect",
    "actual_effect",
    "recorded",
    "value",
    "total",
    "scale",
    "history",
    "year_index",
    "target_sum",
    "actual_sum",
    "expected_effect_sum",
    "actual_effect_sum",
];

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn decimals_are_the_same_only_with_the_same_digits() {
        let d = |s: &str| Dynamic::from_decimal(Decimal::from_str_exact(s).unwrap());
        assert!(same(&d("1.0"), &d("1.0")));
        assert!(!same(&d("1.0"), &d("1.00")), "they print differently");
        assert!(!same(&d("1"), &Dynamic::from_int(1)));
        assert!(same(&Dynamic::UNIT, &Dynamic::UNIT));
        let list = |v: Vec<Dynamic>| Dynamic::from_array(v);
        assert!(same(&list(vec![d("2")]), &list(vec![d("2")])));
        assert!(!same(&list(vec![d("2")]), &list(vec![d("2"), d("2")])));
    }

    #[test]
    fn every_property_has_its_getter_in_order() {
        let names: Vec<&str> = GETTERS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, PROPERTIES);
    }
}
