//! Remembering rule calls by what they read. A rule function is deterministic: it sees only
//! its arguments, the rule set's data files and the engine's pure functions (no clock, no
//! randomness, no files). So a call that read `x.comment == ""` and returned `()` with one
//! explanation line will do exactly that for every input whose comment is empty, whatever else
//! the input holds. Each thread remembers, per script and function, the calls it made: the
//! other arguments, the properties of `x` read in the order they were read with their values
//! (recorded by the input's getters, [`super::input::record_reads`]), and the result with its
//! explanation. A new call whose arguments are the same
//! and whose input reads the same for each remembered property is answered from memory; it
//! could not have run differently, since every branch it took depended only on those values.
//!
//! Most calls of a run are of this kind: the years without results yet (no actual, no comment)
//! read one or two properties and return `()`. The memory is bounded per thread; calls that
//! fail are never remembered; recording coverage turns it off (every run must be counted).

use std::cell::RefCell;
use std::collections::HashMap;

use rhai::{Array, Dynamic, Map};

use super::input::{reads_as, same, Reads, RuleInput};
use crate::i18n::Text;

/// The most calls one thread remembers for one function of one script: when a call is new and
/// the list is full, it takes the place of the one recalled least.
const MAX_PER_KEY: usize = 8;
/// The most calls one thread remembers in all; past it the memory starts afresh.
const MAX_CALLS: usize = 4096;

/// Which call: the script (by an id no other script compiled in the process has), the
/// function, and whether it explains itself (a call run without explanations remembers none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct CallKey {
    pub script: u64,
    pub function: &'static str,
    pub explained: bool,
}

struct Remembered {
    args: Vec<Dynamic>,
    reads: Reads,
    value: Dynamic,
    trace: Vec<Text>,
    /// How often it was recalled.
    recalled: u64,
}

#[derive(Default)]
struct Memory {
    calls: HashMap<CallKey, Vec<Remembered>>,
    count: usize,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::new(Memory::default());
}

/// The remembered result and explanation of a call like this one, if any.
pub(crate) fn recall(
    key: &CallKey,
    x: &RuleInput,
    args: &[Dynamic],
) -> Option<(Dynamic, Vec<Text>)> {
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        let found = m.calls.get_mut(key)?.iter_mut().find(|r| {
            r.args.len() == args.len()
                && r.args.iter().zip(args).all(|(a, b)| same(a, b))
                && r.reads.iter().all(|(i, v)| reads_as(x, *i, v))
        })?;
        found.recalled += 1;
        Some((found.value.clone(), found.trace.clone()))
    })
}

/// Remembers a call that succeeded (`Some`) with what it read of `x` ([`super::input::record_reads`]).
pub(crate) fn finish(
    key: CallKey,
    args: Vec<Dynamic>,
    reads: Reads,
    result: Option<(&Dynamic, &[Text])>,
) {
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        let Some((value, trace)) = result else {
            return;
        };
        // Only plain results can be handed out again unchanged.
        if !plain(value) || !args.iter().all(plain) || !reads.iter().all(|(_, v)| plain(v)) {
            return;
        }
        if m.count >= MAX_CALLS {
            m.calls.clear();
            m.count = 0;
        }
        let list = m.calls.entry(key).or_default();
        let call = Remembered {
            args,
            reads,
            value: value.clone(),
            trace: trace.to_vec(),
            recalled: 0,
        };
        if list.len() < MAX_PER_KEY {
            list.push(call);
            m.count += 1;
        } else if let Some(least) = list.iter_mut().min_by_key(|r| r.recalled) {
            *least = call;
        }
    });
}

/// A value made of units, booleans, integers, decimals, strings, arrays and maps of them: one
/// that compares by content ([`same`]) and is never shared or changed in place.
fn plain(v: &Dynamic) -> bool {
    if v.is_shared() {
        return false;
    }
    if v.is_unit() || v.is_bool() || v.is_int() || v.is_decimal() || v.is_string() {
        return true;
    }
    if let Some(a) = v.read_lock::<Array>() {
        return a.iter().all(plain);
    }
    if let Some(m) = v.read_lock::<Map>() {
        return m.values().all(plain);
    }
    v.is::<super::input::YearRecord>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn key() -> CallKey {
        CallKey {
            script: u64::MAX,
            function: "achievement",
            explained: true,
        }
    }

    /// Remembers a call that read `reads` and returned `value` saying `trace`.
    fn remember(
        key: &CallKey,
        args: Vec<Dynamic>,
        reads: &[(&str, Dynamic)],
        value: Dynamic,
        trace: &[Text],
    ) {
        let reads = reads
            .iter()
            .map(|(name, v)| {
                (
                    crate::engine::input::property_index(name).unwrap(),
                    v.clone(),
                )
            })
            .collect();
        finish(key.clone(), args, reads, Some((&value, trace)));
    }

    #[test]
    fn a_call_is_recalled_only_when_its_reads_and_arguments_match() {
        let x = RuleInput {
            comment: String::new(),
            target: Some(Decimal::TEN),
            ..RuleInput::default()
        };
        // The call read x.comment as "" and was given the argument 1.
        let trace = [Text::same("no comment")];
        remember(
            &key(),
            vec![Dynamic::from_int(1)],
            &[("comment", Dynamic::from(String::new()))],
            Dynamic::UNIT,
            &trace,
        );
        let (value, said) = recall(&key(), &x, &[Dynamic::from_int(1)]).expect("recalled");
        assert!(value.is_unit());
        assert_eq!(said, trace);
        // What it did not read may differ; what it read, or an argument, may not.
        let other = RuleInput {
            target: None,
            ..x.clone()
        };
        assert!(recall(&key(), &other, &[Dynamic::from_int(1)]).is_some());
        let commented = RuleInput {
            comment: "実施した".into(),
            ..x.clone()
        };
        assert!(recall(&key(), &commented, &[Dynamic::from_int(1)]).is_none());
        assert!(recall(&key(), &x, &[Dynamic::from_int(2)]).is_none());
        assert!(recall(&key(), &x, &[Dynamic::from_decimal(Decimal::ONE)]).is_none());
        // A failed call is never remembered.
        let failing = CallKey {
            function: "effect",
            ..key()
        };
        finish(failing.clone(), Vec::new(), Vec::new(), None);
        assert!(recall(&failing, &x, &[]).is_none());
    }

    #[test]
    fn a_full_list_gives_up_the_call_recalled_least() {
        let key = CallKey {
            function: "rating",
            ..key()
        };
        let x = |t: i64| RuleInput {
            target: Some(Decimal::from(t)),
            ..RuleInput::default()
        };
        let remember_target = |t: i64| {
            let target = Dynamic::from_decimal(Decimal::from(t));
            remember(
                &key,
                Vec::new(),
                &[("target", target)],
                Dynamic::from_int(t),
                &[],
            );
        };
        for t in 0..MAX_PER_KEY as i64 {
            remember_target(t);
        }
        // All but the call for 3 are recalled once; a new call takes the place of 3.
        for t in (0..MAX_PER_KEY as i64).filter(|t| *t != 3) {
            assert!(recall(&key, &x(t), &[]).is_some());
        }
        remember_target(100);
        assert!(recall(&key, &x(3), &[]).is_none());
        assert!(recall(&key, &x(100), &[]).is_some());
        assert!(recall(&key, &x(0), &[]).is_some());
    }
}
