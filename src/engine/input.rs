//! What a rule script sees of an item and a year: the `x` passed to every rule function. Its
//! struct, its properties and what they mean are made from the declaration in
//! [`super::record`]; here they become what a script reads, and each read is told to the
//! remembered calls ([`record_reads`]).

use std::sync::Arc;

use rhai::{Array, Dynamic, Engine, Map};
use rust_decimal::Decimal;

use super::sheet::{Row, Sheet};
use crate::i18n::Lang;

/// A property's value as read from the input, before it becomes the script's: text and
/// numbers are compared with a remembered read without building the script's value, and
/// `explain` shows each as a script would print it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PropertyValue<'a> {
    /// Text, always given (`""` when the sheet has none).
    Text(&'a str),
    /// Text, or `()` when the sheet has none.
    MaybeText(Option<&'a str>),
    /// A number, or `()`.
    Number(Option<Decimal>),
    /// `true`, `false`, or `()`.
    Flag(Option<bool>),
    /// A position in a list: an integer to the script.
    Index(usize),
    /// A list of labels.
    Labels(&'a [String]),
    /// A list of years (`x.history`).
    Years(&'a [YearRecord]),
}

/// The type of a stored property, read as a [`PropertyValue`].
trait PropertyType {
    fn value(&self) -> PropertyValue<'_>;
}

impl PropertyType for String {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::Text(self)
    }
}

impl PropertyType for Option<String> {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::MaybeText(self.as_deref())
    }
}

impl PropertyType for Option<Decimal> {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::Number(*self)
    }
}

impl PropertyType for Option<bool> {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::Flag(*self)
    }
}

impl PropertyType for usize {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::Index(*self)
    }
}

impl PropertyType for Vec<String> {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::Labels(self)
    }
}

impl PropertyType for Vec<YearRecord> {
    fn value(&self) -> PropertyValue<'_> {
        PropertyValue::Years(self)
    }
}

/// A property read from the others (not stored) gives its value owned.
impl From<Option<Decimal>> for PropertyValue<'_> {
    fn from(d: Option<Decimal>) -> Self {
        PropertyValue::Number(d)
    }
}

impl PropertyValue<'_> {
    /// The value as a script sees it.
    fn to_dynamic(self) -> Dynamic {
        match self {
            PropertyValue::Text(t) => t.into(),
            PropertyValue::MaybeText(t) => t.map_or(Dynamic::UNIT, |t| t.to_string().into()),
            PropertyValue::Number(d) => num(d),
            PropertyValue::Flag(b) => b.map_or(Dynamic::UNIT, Dynamic::from),
            PropertyValue::Index(i) => {
                Dynamic::from(rhai::INT::try_from(i).unwrap_or(rhai::INT::MAX))
            }
            PropertyValue::Labels(l) => array_of(l),
            PropertyValue::Years(y) => array_of(y),
        }
    }

    /// Whether a script reading this value would read `value`.
    fn reads_as(self, value: &Dynamic) -> bool {
        let text = |t: Option<&str>| match (t, value.read_lock::<rhai::ImmutableString>()) {
            (Some(t), Some(v)) => t == v.as_str(),
            (None, None) => value.is_unit(),
            _ => false,
        };
        match self {
            PropertyValue::Text(t) => text(Some(t)),
            PropertyValue::MaybeText(t) => text(t),
            PropertyValue::Number(d) => match (d, value.as_decimal()) {
                // 1.0 and 1.00 print differently: the digits must be the same too.
                (Some(d), Ok(v)) => d == v && d.scale() == v.scale(),
                (None, _) => value.is_unit(),
                _ => false,
            },
            other => same(&other.to_dynamic(), value),
        }
    }
}

/// One property of `x` a script can read: its name, what it means, how it is read.
#[derive(Clone, Copy)]
pub struct InputProperty {
    /// The name a script reads it by (`target` for `x.target`).
    pub name: &'static str,
    meaning: [&'static str; 2],
    get: for<'a> fn(&'a RuleInput) -> PropertyValue<'a>,
}

impl std::fmt::Debug for InputProperty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl InputProperty {
    /// What it means, for the inputs table of `gyokaku explain`.
    pub fn meaning(&self, lang: Lang) -> &'static str {
        lang.pick(self.meaning[0], self.meaning[1])
    }

    /// Its value in `x`.
    pub fn of<'a>(&self, x: &'a RuleInput) -> PropertyValue<'a> {
        (self.get)(x)
    }
}

/// Makes [`RuleInput`] and its properties from [`super::record::input_properties!`].
macro_rules! rule_input {
    (
        made of the sheet {
            $( $(#[$m:meta])* $name:ident : $ty:ty = $make:expr => $ja:literal, $en:literal; )*
        }
        read from the others {
            $( $(#[$rm:meta])* $rname:ident : $rty:ty = $read:expr => $rja:literal, $ren:literal; )*
        }
    ) => {
        /// The inputs of one rule call. Scripts read them as properties (`x.target`); a property
        /// that does not exist is an error, and a value the document does not give is `()`. The
        /// rule set's functions take it shared (`Arc<RuleInput>`): every call for an item and
        /// year reads the same input, handed to the script without copying it.
        #[derive(Debug, Clone, Default)]
        pub struct RuleInput {
            $( $(#[$m])* pub $name: $ty, )*
        }

        impl RuleInput {
            /// The rules' `x` for a sheet: each property made as the declaration says.
            pub(crate) fn from_sheet(s: &Sheet<'_, '_>) -> RuleInput {
                RuleInput {
                    $( $name: { let make: fn(&Sheet<'_, '_>) -> $ty = $make; make(s) }, )*
                }
            }

            $(
                $(#[$rm])*
                pub fn $rname(&self) -> $rty {
                    let read: fn(&RuleInput) -> $rty = $read;
                    read(self)
                }
            )*
        }

        /// Every property of `x`, in order: what it means and how it is read.
        pub const INPUT_PROPERTIES: &[InputProperty] = &[
            $( InputProperty {
                name: stringify!($name),
                meaning: [$ja, $en],
                get: |x| PropertyType::value(&x.$name),
            }, )*
            $( InputProperty {
                name: stringify!($rname),
                meaning: [$rja, $ren],
                get: |x| PropertyValue::from(x.$rname()),
            }, )*
        ];

        /// Every property a script can read, for documentation and coverage.
        pub const PROPERTIES: &[&str] = &[$(stringify!($name),)* $(stringify!($rname),)*];
    };
}

super::record::input_properties!(rule_input);

/// Makes [`YearRecord`] and its properties from [`super::record::year_properties!`].
macro_rules! year_record {
    ($( $(#[$m:meta])* $name:ident : $ty:ty = $make:expr; )*) => {
        /// One year of an item's history, as rules see it (`x.history[i]`).
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct YearRecord {
            $( $(#[$m])* pub $name: $ty, )*
        }

        impl YearRecord {
            /// The record of a year's row, each property made as the declaration says.
            pub(crate) fn from_row(r: &Row<'_, '_>) -> YearRecord {
                YearRecord {
                    $( $name: { let make: fn(&Row<'_, '_>) -> $ty = $make; make(r) }, )*
                }
            }
        }

        /// Every property of one year and how it is read, in order.
        const YEAR_GETTERS: &[(&str, for<'a> fn(&'a YearRecord) -> PropertyValue<'a>)] =
            &[$( (stringify!($name), |y| PropertyType::value(&y.$name)), )*];

        /// Every property of one year of `x.history`.
        pub const YEAR_PROPERTIES: &[&str] = &[$(stringify!($name),)*];
    };
}

super::record::year_properties!(year_record);

impl RuleInput {
    /// The evaluated year's record, when the history has it.
    pub fn this_year(&self) -> Option<&YearRecord> {
        self.history.get(self.year_index)
    }

    /// Every property a script can read of `x`, in order, with its value.
    pub fn properties(&self) -> impl Iterator<Item = (&'static InputProperty, PropertyValue<'_>)> {
        INPUT_PROPERTIES.iter().map(move |p| (p, p.of(self)))
    }
}

/// A list of values (the scale's labels, the history's years) as a Rhai array.
fn array_of<T: Clone + Send + Sync + 'static>(items: &[T]) -> Dynamic {
    Dynamic::from_array(items.iter().cloned().map(Dynamic::from).collect::<Array>())
}

fn num(d: Option<Decimal>) -> Dynamic {
    d.map(Dynamic::from_decimal).unwrap_or(Dynamic::UNIT)
}

/// Whether property `index` of [`PROPERTIES`] reads the same in `x` as `value`: what a
/// remembered rule call read compared with a new input.
pub(crate) fn reads_as(x: &RuleInput, index: usize, value: &Dynamic) -> bool {
    INPUT_PROPERTIES
        .get(index)
        .is_some_and(|p| p.of(x).reads_as(value))
}

/// The index of the property called `name` in [`PROPERTIES`].
#[cfg(test)]
pub(crate) fn property_index(name: &str) -> Option<usize> {
    PROPERTIES.iter().position(|n| *n == name)
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
    for (index, property) in INPUT_PROPERTIES.iter().enumerate() {
        let get = property.get;
        engine.register_get(property.name, move |x: &mut Arc<RuleInput>| -> Dynamic {
            let value = get(x).to_dynamic();
            read(index, &value);
            value
        });
    }
    engine.register_type_with_name::<YearRecord>("Year");
    for (name, get) in YEAR_GETTERS {
        let get = *get;
        engine.register_get(*name, move |y: &mut YearRecord| -> Dynamic {
            get(y).to_dynamic()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// Analysts find every property of `x` in `rules/README.md`, in the order `explain` shows
    /// them, and every property of a history year: a property added to the declaration and
    /// not to their guide fails here.
    #[test]
    fn the_analysts_guide_lists_every_property_in_order() {
        let guide = include_str!("../../rules/README.md");
        let listed: Vec<&str> = (guide.lines())
            .filter_map(|l| l.strip_prefix("| `x."))
            .filter_map(|l| l.split('`').next())
            .collect();
        assert_eq!(listed, PROPERTIES);
        for name in YEAR_PROPERTIES {
            assert!(
                guide.contains(&format!("`y.{name}`")),
                "y.{name} in the guide"
            );
        }
    }

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

    /// An input with every property given, and a history of two years.
    fn full_input() -> RuleInput {
        let d = |s: &str| Some(Decimal::from_str_exact(s).unwrap());
        let year = |y: &str| YearRecord {
            year: y.into(),
            target: d("10"),
            actual: d("12.0"),
            target_text: "10件".into(),
            target_sum: d("20"),
            ..YearRecord::default()
        };
        RuleInput {
            id: "1-2-3".into(),
            year: "R6".into(),
            target: d("1.50"),
            bound: Some("<=".into()),
            within_bound: Some(true),
            recorded: Some("A".into()),
            scale: vec!["A".into(), "B".into()],
            history: vec![year("R5"), year("R6")],
            year_index: 1,
            ..RuleInput::default()
        }
    }

    #[test]
    fn a_script_reads_every_property_as_the_input_holds_it() {
        let mut engine = Engine::new();
        register(&mut engine);
        let x = Arc::new(full_input());
        for (index, property) in INPUT_PROPERTIES.iter().enumerate() {
            let mut scope = rhai::Scope::new();
            scope.push("x", x.clone());
            let read = engine
                .eval_with_scope::<Dynamic>(&mut scope, &format!("x.{}", property.name))
                .unwrap_or_else(|e| panic!("x.{}: {e}", property.name));
            assert!(reads_as(&x, index, &read), "x.{} = {read:?}", property.name);
        }
        for name in YEAR_PROPERTIES {
            let mut scope = rhai::Scope::new();
            scope.push("x", x.clone());
            let read =
                engine.eval_with_scope::<Dynamic>(&mut scope, &format!("x.history[1].{name}"));
            assert!(read.is_ok(), "x.history[1].{name}: {read:?}");
        }
        let mut scope = rhai::Scope::new();
        scope.push("x", x.clone());
        let sum = engine
            .eval_with_scope::<Dynamic>(&mut scope, "x.target_sum")
            .unwrap();
        assert_eq!(
            sum.as_decimal(),
            Ok(Decimal::from(20)),
            "the evaluated year's"
        );
    }

    #[test]
    fn every_meaning_is_worded_in_both_languages() {
        for p in INPUT_PROPERTIES {
            let (ja, en) = (p.meaning(Lang::Ja), p.meaning(Lang::En));
            assert!(
                !ja.is_ascii() && !en.trim().is_empty(),
                "x.{}: {ja:?} {en:?}",
                p.name
            );
        }
    }

    #[test]
    fn a_read_matches_only_the_same_value_with_the_same_digits() {
        let x = full_input();
        let index = |name| property_index(name).unwrap();
        let dec = |s: &str| Dynamic::from_decimal(Decimal::from_str_exact(s).unwrap());
        assert!(reads_as(&x, index("target"), &dec("1.50")));
        assert!(
            !reads_as(&x, index("target"), &dec("1.5")),
            "printed differently"
        );
        assert!(
            reads_as(&x, index("actual"), &Dynamic::UNIT),
            "not given: ()"
        );
        assert!(reads_as(&x, index("bound"), &Dynamic::from("<=")));
        assert!(!reads_as(&x, index("recorded"), &Dynamic::UNIT));
        assert!(reads_as(&x, index("year_index"), &Dynamic::from_int(1)));
        assert!(!reads_as(&x, index("year_index"), &dec("1")), "an integer");
    }
}
