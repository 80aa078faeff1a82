#!/usr/bin/env bash
# Fuzzes every parser fed by a server or a person (targets: crates/core/src/fuzzing/), with
# libFuzzer through cargo-fuzz, on the stable toolchain (RUSTC_BOOTSTRAP=1 lets it take
# libFuzzer's -Z flags; --sanitizer none: no ASan, the code is safe Rust).
#
#   fuzz/run.sh short          each target for 20,000 runs (tests/run-all.sh runs this)
#   fuzz/run.sh bench          each target for 10,000,000 runs, one at a time (-jobs=1), then
#                              `explain` timed on 100 KB and 1 MiB with the release CLI; prints
#                              the figures and writes them to BENCHMARKS.md
#   fuzz/run.sh cmin           minimises fuzz/corpus/<target>/ (the fewest inputs for every edge)
#   fuzz/run.sh run TARGET [libFuzzer flags...]   one target, e.g. -runs=1000000
#
# RUNS=N overrides the number of runs; TARGETS="explain json" picks targets. New inputs go to a
# scratch folder, never into fuzz/corpus/ (only `cmin` rewrites it). A crash stops with exit 1
# and leaves the input in the artifacts folder printed; a crash's input belongs in
# fuzz/regressions/<target>/ with the fix (crates/core/tests/fuzz_corpus.rs replays both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
FUZZ=$PWD
REPO=$(cd .. && pwd)
MODE=${1:-short}
ALL="explain replies json jwt loopback settings autoconfig address"
TARGETS=${TARGETS:-$ALL}
# Built apart from the workspace's own builds: other compiler flags.
TARGET_DIR=${MAILSETUP_FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-$REPO/target}/fuzz}
TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
BIN=$TARGET_DIR/$TRIPLE/release
OUT=$TARGET_DIR/runs
# Per input: 10 s is a hang (an input takes about a millisecond); inputs up to 8 KiB (a token
# answer of production size is 6 KB; time on large inputs is measured by `bench`).
FLAGS=(-timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1)

command -v cargo-fuzz >/dev/null || {
  echo "fuzz/run.sh: cargo-fuzz is missing: cargo install cargo-fuzz --version 0.13.2 --locked" >&2
  exit 2
}

commit() { # the commit checked out, with + when the work tree differs from it (BENCHMARKS.md,
  # which this script writes, aside)
  local c
  c=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$REPO" diff --quiet HEAD -- . ':!BENCHMARKS.md' 2>/dev/null || c="$c+"
  echo "$c"
}

build() { # the targets, and BUILT_FROM: the commit they were built from
  BUILT_FROM=$(commit)
  RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer none --target-dir "$TARGET_DIR" >&2
}

# run_target NAME RUNS: fuzzes NAME from its corpus; prints "name runs seconds execs/s crashes".
run_target() {
  local name=$1 runs=$2 scratch log rc=0 start end
  scratch=$OUT/$name/new
  rm -rf "${scratch:?}" "$OUT/$name/artifacts"
  mkdir -p "$scratch" "$OUT/$name/artifacts"
  log=$OUT/$name/log
  start=$(date +%s.%N)
  "$BIN/$name" "${FLAGS[@]}" -runs="$runs" -artifact_prefix="$OUT/$name/artifacts/" \
    "$scratch" "$FUZZ/corpus/$name" >"$log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  local done_runs execs crashes
  done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=$(find "$OUT/$name/artifacts" -type f | wc -l)
  # Runs per second over the whole run (libFuzzer's own figure counts whole seconds only), and
  # the commit the targets were built from. Kept in `row.<mode>` for the bench's table.
  awk -v n="$name" -v r="${done_runs:-0}" -v s="$start" -v e="$end" -v c="$crashes" -v g="$BUILT_FROM" \
    'BEGIN { printf "%-11s %10d %8.1f %9.0f %3d %s\n", n, r, e - s, (e > s ? r / (e - s) : 0), c, g }' |
    tee "$OUT/$name/row.$MODE"
  if [ "$rc" != 0 ] || [ "$crashes" != 0 ]; then
    echo "fuzz/run.sh: $name failed (exit $rc); the log: $log, the input(s): $OUT/$name/artifacts/" >&2
    grep -E 'panicked|ERROR: libFuzzer|SUMMARY' "$log" | head -5 >&2 || true
    return 1
  fi
}

fuzz_all() { # RUNS: every target in turn; the table on stdout
  local runs=$1 failed=0
  printf '%-11s %10s %8s %9s %3s %s\n' target runs seconds execs/s crashes commit
  for t in $TARGETS; do run_target "$t" "$runs" || failed=1; done
  return $failed
}

# explain_times: `mailsetup explain -` (release build) on 100 KB and 1 MiB of the shapes that
# once took quadratic time, and on nothing (the process start), median of 5 each (the machine
# is shared: single runs vary); prints "shape size ms" lines.
explain_times() {
  local cli=$TARGET_DIR/cli-release/release/mailsetup dir shape size f i t ms
  cargo build --release -p mailsetup-cli --quiet --manifest-path "$REPO/Cargo.toml" \
    --target-dir "$TARGET_DIR/cli-release" >&2
  dir=$(mktemp -d)
  : >"$dir/empty-0"
  for shape in empty dashes braces base64 transcript aadsts; do
    for size in 0 102400 1048576; do
      f=$dir/$shape-$size
      [ "$shape" != empty ] || [ "$size" = 0 ] || continue
      [ "$shape" = empty ] || [ "$size" != 0 ] || continue
      # Cut to exactly `size` bytes (1 MiB is the most explain reads): one line of `-`, `{}` or
      # base64, or lines of refusals or AADSTS messages.
      case $shape in
        empty) ;;
        dashes) yes - | tr -d '\n' | head -c "$size" >"$f" || true ;;
        braces) yes '{}' | tr -d '\n' | head -c "$size" >"$f" || true ;;
        base64) yes QUJDREVGR0hJSktMTU5PUFFSU1RVVldY | tr -d '\n' | head -c "$size" >"$f" || true ;;
        transcript) yes 'S: 535 5.7.3 Authentication unsuccessful [AB1PR01.prod.outlook.com]' | head -c "$size" >"$f" || true ;;
        aadsts) yes 'AADSTS50076: Due to a configuration change made by your administrator' | head -c "$size" >"$f" || true ;;
      esac
      t=()
      for i in 1 2 3 4 5; do
        local s0 s1
        s0=$(date +%s%N)
        "$cli" explain - <"$f" >/dev/null || true
        s1=$(date +%s%N)
        t+=($(( (s1 - s0) / 1000000 )))
      done
      ms=$(printf '%s\n' "${t[@]}" | sort -n | sed -n 3p)
      echo "$shape $size $ms"
    done
  done
  rm -rf "$dir"
}

corpus_size() { # files and bytes of fuzz/corpus (the files' contents, not the folders')
  find "$FUZZ/corpus" -type f -printf '%s\n' |
    awk '{ n++; b += $1 } END { printf "%d files, %d KB\n", n, b / 1024 }'
}

case "$MODE" in
  short)
    build
    fuzz_all "${RUNS:-20000}"
    ;;
  bench)
    build
    failed=0
    fuzz_all "${RUNS:-10000000}" >&2 || failed=1
    # The table: each target's latest bench run (TARGETS=x re-runs one and keeps the others).
    table=$(for t in $ALL; do cat "$OUT/$t/row.bench" 2>/dev/null || true; done)
    times=$(explain_times | tee /dev/stderr)
    "$FUZZ/benchmarks.sh" "$table" "$times" "$(corpus_size)"
    exit $failed
    ;;
  cmin)
    # As `cargo fuzz cmin`, counting code edges only (not hit counts or comparison traces): the
    # fewest inputs that reach every edge any input reaches, so the corpus stays small.
    build
    for t in $TARGETS; do
      rm -rf "$OUT/$t/cmin"
      mkdir -p "$OUT/$t/cmin"
      "$BIN/$t" -merge=1 -use_counters=0 -use_cmp=0 -max_len=8192 "$OUT/$t/cmin" "$FUZZ/corpus/$t" \
        2>&1 | grep 'MERGE-OUTER: [0-9]* new' >&2
      rm -rf "${FUZZ:?}/corpus/$t"
      mv "$OUT/$t/cmin" "$FUZZ/corpus/$t"
    done
    corpus_size
    ;;
  run)
    shift
    name=${1:?fuzz/run.sh run TARGET [flags]}
    shift
    build
    mkdir -p "$OUT/$name/new"
    "$BIN/$name" "${FLAGS[@]}" "$@" "$OUT/$name/new" "$FUZZ/corpus/$name"
    ;;
  *)
    sed -n '2,17p' "$0" >&2
    exit 2
    ;;
esac
