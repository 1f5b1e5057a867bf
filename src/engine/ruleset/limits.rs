//! Limits every script runs under, the same in debug and release builds. A runaway rule hits
//! one of them within milliseconds and fails with an error instead of hanging.

/// Operations per call, as Rhai counts them (a loop iteration is a few: run as bytecode, about
/// half as many as through the AST, so a loop stops after about twice the iterations).
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
