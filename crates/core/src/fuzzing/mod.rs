//! Entry points for the fuzzer (`fuzz/` at the top of the repository) and for the test that
//! replays its corpus (`crates/core/tests/fuzz_corpus.rs`). Not part of the library's API.
//!
//! One function per kind of input a server or a person hands the app. Each takes any bytes,
//! runs them through the same parsers and classifiers the app runs that input through, and
//! asserts what must hold for every input: no panic (libFuzzer reports one as a crash), and,
//! where cheap to check, a property — no finding repeats a secret-looking run of the input
//! (`checks.rs`), a configuration never yields a plaintext server, an address reads back as
//! itself.

mod checks;
mod files;
mod oauth;
mod text;

pub use files::{address, autoconfig, settings};
pub use oauth::{json, jwt, loopback};
pub use text::{explain, replies};

/// An entry point: any bytes in, a panic when something that must hold does not.
pub type Target = fn(&[u8]);

/// Every target: its name (the `fuzz/fuzz_targets/<name>.rs` file and the
/// `fuzz/corpus/<name>/` folder) and its entry point.
pub const TARGETS: &[(&str, Target)] = &[
    ("explain", explain),
    ("replies", replies),
    ("json", json),
    ("jwt", jwt),
    ("loopback", loopback),
    ("settings", settings),
    ("autoconfig", autoconfig),
    ("address", address),
];

/// Runs `data` through the target called `name`; `false` when there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match TARGETS.iter().find(|(n, _)| *n == name) {
        Some((_, target)) => {
            target(data);
            true
        }
        None => false,
    }
}
