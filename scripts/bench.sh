#!/usr/bin/env bash
# The benchmarks: full verify vs curl, black-holed port verdict, batch verify of 50.
# Writes BENCHMARKS.md. Runs in the test environment (local peers, a private vault): see
# tests/run-all.sh. Takes a few minutes (release build, 52 browser sign-ins).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec tests/run-all.sh node tests/bench/bench.mjs "$@"
