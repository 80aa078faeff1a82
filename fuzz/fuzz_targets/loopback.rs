#![no_main]
// The entry point and what it asserts: crates/core/src/fuzzing/.
libfuzzer_sys::fuzz_target!(|data: &[u8]| mailsetup_core::fuzzing::loopback(data));
