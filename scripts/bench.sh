#!/usr/bin/env bash
# The benchmarks, each writing its own section of BENCHMARKS.md. Runs in the test environment
# (local peers, a private vault): see tests/run-all.sh.
#
#   scripts/bench.sh            all of them
#   scripts/bench.sh main       full verify vs curl, black-holed port, batch verify of 50 (~5 min)
#   scripts/bench.sh renewal    1,000 races of 2–4 concurrent renewals and 200 kill -9 (~25 min;
#                               RACE_ROUNDS=… KILLS=… for fewer)
#   scripts/bench.sh token      `mailsetup token`: warm and with a renewal, against secret-tool (~1 min)
#   scripts/bench.sh relay      a message through `mailsetup relay` against straight to the server
#                               with XOAUTH2, and 100 messages through it (~1 min)
#   scripts/bench.sh desktop    the desktop app against a minimal Tauri window built in the same run:
#                               binary size, cold start, memory of the process tree, under Xvfb
#                               (~2 min after the release builds; BENCH_RUNS=… for fewer)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}
case "$what" in
  main) exec tests/run-all.sh node tests/bench/bench.mjs ;;
  renewal) exec tests/run-all.sh node tests/bench/renewal.mjs ;;
  token) exec tests/run-all.sh node tests/bench/token.mjs ;;
  relay) exec tests/run-all.sh node tests/bench/relay.mjs ;;
  desktop) exec tests/run-all.sh xvfb-run -a -s "-screen 0 1280x800x24" node tests/bench/desktop.mjs ;;
  all)
    tests/run-all.sh node tests/bench/bench.mjs
    tests/run-all.sh node tests/bench/renewal.mjs
    tests/run-all.sh node tests/bench/token.mjs
    tests/run-all.sh node tests/bench/relay.mjs
    tests/run-all.sh xvfb-run -a -s "-screen 0 1280x800x24" node tests/bench/desktop.mjs
    ;;
  *) echo "usage: scripts/bench.sh [all|main|renewal|token|relay|desktop]" >&2; exit 2 ;;
esac
