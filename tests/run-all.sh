#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit and integration tests (core, CLI end to end,
# desktop shell), the UI tests (Playwright, mocked IPC) and the desktop end-to-end test (the real
# app window via tauri-driver + WebKitWebDriver under Xvfb).
#
# Provides what the tests need: installs missing tools (scripts/setup.sh), starts the local peers
# if they are not running (and stops them again), and runs everything inside its own D-Bus session
# with a fresh, unlocked gnome-keyring as the Secret Service vault, so your own keyring is never
# touched.
#
# With arguments, runs only that command in the same environment (see below).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD

if [ -z "${MAILSETUP_TEST_SESSION:-}" ]; then
  scripts/setup.sh
  export MAILSETUP_PEERS_DIR=${MAILSETUP_PEERS_DIR:-$REPO/target/peers}
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  if ! tests/peers/peers.sh status >/dev/null 2>&1; then
    $SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" tests/peers/peers.sh start >/dev/null
    trap '$SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" tests/peers/peers.sh stop' EXIT
  fi
  export MAILSETUP_TEST_SESSION=1
  # A private session bus for the vault; keep the real toolchain whatever HOME the tests use.
  export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
  dbus-run-session -- "$0" "$@" 2> >(grep -vE 'dbus-daemon\[|xdg-desktop-portal|Gtk-WARNING|pw\.conf|PipeWire|SpiRegistry|^$' >&2)
  exit $?
fi

# ---- inside the private D-Bus session
KEYRING_HOME=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-keyring.XXXXXX")
echo -n "mailsetup-test" | XDG_DATA_HOME="$KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1  # (it outlives the call: no pipe may stay open)
export PATH="$CARGO_HOME/bin:$PATH"

# `tests/run-all.sh CMD ARGS...` runs just CMD in this environment (peers, vault, PATH), e.g.
#   tests/run-all.sh cargo test -p mailsetup-cli --test e2e
if [ "$#" -gt 0 ]; then
  "$@"
  exit $?
fi

t0=$(date +%s)
step() { printf '\n== %s\n' "$*"; }
timed() { local s; s=$(date +%s); "$@"; echo "   ($(( $(date +%s) - s )) s)"; }

rm -rf target/test-outputs  # this run's outputs only, for the secret scan at the end
step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy -D warnings"
timed cargo clippy --workspace --all-targets --quiet -- -D warnings
step "cargo doc -D warnings (every doc link resolves)"
RUSTDOCFLAGS="-D warnings" timed cargo doc --workspace --no-deps --quiet
step "build (debug: the app, the CLI, the tests)"
timed cargo build --workspace --all-targets --quiet
step "Rust tests: core units, CLI end to end against the peers, desktop shell"
timed cargo test --workspace --quiet
step "UI tests (Playwright, headless Chromium, mocked IPC) and the secret scanner's own tests"
timed node --test tests/ui/ tests/secrets/
step "Desktop end to end (real window: tauri-driver + WebKitWebDriver under Xvfb)"
timed xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/desktop/
step "Fuzzing: every fuzz target for 20,000 runs (fuzz/run.sh short: about 30 s of fuzzing; building the targets about 90 s after a change to the core, 14 min the first time)"
timed fuzz/run.sh short
step "Secret scan: no test secret in any output (CLI, logs, reports, desktop log, browser pages)"
node tests/secrets/scan.mjs
step "All tests passed in $(( $(date +%s) - t0 )) s"
