//! Shared by the benchmarks: the synthetic corpus and the native rules.

pub mod corpus;
pub mod native;
