//! The fuzzer's corpus (`fuzz/corpus/<target>/`, every input it kept plus the crashes it found,
//! `fuzz/regressions/<target>/`) replayed through the same entry points as a plain test, so the
//! corpus is checked on every `cargo test`, without libFuzzer.

use std::path::{Path, PathBuf};

use mailsetup_core::fuzzing::{TARGETS, run};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable folder").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

#[test]
fn every_target_has_a_fuzz_target_file_and_a_seeded_corpus() {
    for (name, _) in TARGETS {
        let target = fuzz_dir().join(format!("fuzz_targets/{name}.rs"));
        let source = std::fs::read_to_string(&target)
            .unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        assert!(
            source.contains(&format!("fuzzing::{name}(")),
            "{} does not call fuzzing::{name}",
            target.display()
        );
        let corpus = files(&fuzz_dir().join("corpus").join(name));
        assert!(
            corpus.len() >= 3,
            "fuzz/corpus/{name} has {} inputs",
            corpus.len()
        );
    }
    assert!(!run("no-such-target", b""));
}

#[test]
fn the_corpus_and_the_crashes_found_replay_without_a_panic() {
    let mut replayed = 0;
    for (name, target) in TARGETS {
        for folder in ["corpus", "regressions"] {
            for file in files(&fuzz_dir().join(folder).join(name)) {
                let data = std::fs::read(&file).expect("a readable file");
                let outcome = std::panic::catch_unwind(|| target(&data));
                assert!(outcome.is_ok(), "{} fails (see above)", file.display());
                replayed += 1;
            }
        }
    }
    assert!(replayed >= 8 * 3, "only {replayed} inputs replayed");
}
