#!/usr/bin/env bash
# The main job on the offline demo environment: sets up what is missing, starts the local peers
# (Dovecot, Postfix and the local Microsoft-like sign-in service on 127.0.0.1), and opens Mail Setup
# Assistant pointed at them. Type demo@example.edu (any address at example.edu works) and walk the
# wizard: connection check, sign-in in a browser window, test message, done.
#
#   scripts/demo.sh           open the app (needs a desktop: $DISPLAY or $WAYLAND_DISPLAY)
#   scripts/demo.sh --tour    no desktop: run the app in a virtual display, click through every
#                             step automatically and save a screenshot of each in target/screenshots
#
# The demo uses its own throw-away keyring (in a private D-Bus session) and its own peers
# directory (target/demo-peers); it never touches your own keyring or mail settings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD
MODE=${1:-}

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export MAILSETUP_PEERS_DIR="$REPO/target/demo-peers"
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}

scripts/setup.sh
echo "demo: building the app (the first build takes a few minutes)" >&2
cargo build -p mailsetup-desktop --quiet
$SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" tests/peers/peers.sh start >/dev/null
trap '$SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" tests/peers/peers.sh stop >/dev/null 2>&1 || true' EXIT
export MAILSETUP_CONFIG="$MAILSETUP_PEERS_DIR/settings.toml"
# A person watches the demo: show the local "sign in as ..." page for 3 seconds before going on.
sed -i 's/^start_page_seconds = 0$/start_page_seconds = 3/' "$MAILSETUP_CONFIG"

if [ "$MODE" = "--tour" ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; }; then
  if [ "$MODE" != "--tour" ]; then
    echo "demo: no desktop display found, so the app runs in a virtual display and is clicked through automatically." >&2
  fi
  export PATH="$CARGO_HOME/bin:$PATH"
  dbus-run-session -- bash -c '
    echo -n demo | XDG_DATA_HOME="$(mktemp -d)" gnome-keyring-daemon --unlock --components=secrets >/dev/null
    xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/desktop/' 2> >(grep -vE "dbus-daemon\[|portal|Gtk-WARNING|pw\.conf|PipeWire|SpiRegistry|^$" >&2)
  echo "demo: screenshots of every step are in $REPO/target/screenshots/" >&2
  exit 0
fi

cat >&2 <<MSG

  Mail Setup Assistant demo
  -------------------------
  Type demo@example.edu (any address at example.edu works) and follow the wizard.
  The sign-in opens in a Chromium window pointed at the local sign-in service; it signs you in
  as the address you typed and hands back to the app. Close the app window to stop the demo.

MSG
export BROWSER="$REPO/tests/peers/browser.sh"
export MAILSETUP_BROWSER_MODE=${MAILSETUP_BROWSER_MODE:-window}
DEMO_HOME=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-demo.XXXXXX")
dbus-run-session -- env XDG_DATA_HOME="$DEMO_HOME/data" XDG_CONFIG_HOME="$DEMO_HOME/config" XDG_CACHE_HOME="$DEMO_HOME/cache" bash -c '
  echo -n demo | XDG_DATA_HOME="$XDG_DATA_HOME/keyring" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec target/debug/mailsetup-desktop'
