//! Shared by the benchmarks: the synthetic corpus and the native rules.

pub mod corpus;
pub mod native;

// The allocator of the `gyokaku` command, so the benchmarks measure what the command does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
