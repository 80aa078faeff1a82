#!/usr/bin/env bash
# The main job on the offline demo environment: sets up what is missing, starts the local peers
# (Dovecot, Postfix, the local Microsoft- and Google-like sign-in service, autoconfig hosts, all on
# loopback), and opens Mail Setup Assistant pointed at them. Type demo@example.edu (or another demo
# address, listed when it starts) and walk the wizard: connection check, sign-in in a browser
# window, test message, done.
#
#   scripts/demo.sh           open the app (needs a desktop: $DISPLAY or $WAYLAND_DISPLAY)
#   scripts/demo.sh --tour    no desktop: run the app in a virtual display, click through every
#                             step automatically and save a screenshot of each in target/screenshots
#   scripts/demo.sh --cli     a shell for the command line (mailsetup) on the demo servers
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
# The autoconfig hosts listen on port 443 of their own loopback address, so the demo can run
# next to the tests' peers (127.0.0.1).
export MAILSETUP_AUTOCONFIG_ADDR=${MAILSETUP_AUTOCONFIG_ADDR:-127.0.0.3}
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}

scripts/setup.sh
if [ "$MODE" != "--cli" ]; then
  echo "demo: building the app (the first build takes a few minutes)" >&2
  cargo build -p mailsetup-desktop --quiet
fi
$SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" MAILSETUP_AUTOCONFIG_ADDR="$MAILSETUP_AUTOCONFIG_ADDR" tests/peers/peers.sh start >/dev/null
trap '$SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" MAILSETUP_AUTOCONFIG_ADDR="$MAILSETUP_AUTOCONFIG_ADDR" tests/peers/peers.sh stop >/dev/null 2>&1 || true' EXIT
export MAILSETUP_CONFIG="$MAILSETUP_PEERS_DIR/settings.toml"
export PATH="$CARGO_HOME/bin:$PATH"

if [ "$MODE" = "--cli" ]; then
  # A shell for the command line on the demo: the CLI on PATH, the demo settings, the headless
  # test browser as the system browser, and a private vault for this shell only.
  echo "demo: building mailsetup (the first build takes a few minutes)" >&2
  cargo build -p mailsetup-cli --quiet
  cat >&2 <<MSG

  Mail Setup Assistant command line on the demo
  ---------------------------------------------
  A shell with mailsetup on PATH, the demo settings (\$MAILSETUP_CONFIG) and a private vault.
  Try:  mailsetup diagnose demo@example.edu
        mailsetup signin demo@example.edu && mailsetup verify demo@example.edu --send-test
        mailsetup signin demo@gmail.example --password    (App Password: abcd efgh ijkl mnop)
        mailsetup verify demo@gmail.example --send-test --report /tmp/report.html
        mailsetup explain "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
  Type exit to leave (the local servers stop, the vault is thrown away).

MSG
  export BROWSER="$REPO/tests/peers/browser.sh"
  export PATH="$REPO/target/debug:$PATH"
  DEMO_HOME=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-cli.XXXXXX")
  dbus-run-session -- env XDG_DATA_HOME="$DEMO_HOME/data" XDG_CONFIG_HOME="$DEMO_HOME/config" bash -c '
    echo -n demo | XDG_DATA_HOME="$XDG_DATA_HOME/keyring" gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec bash -i' 2> >(grep -vE "dbus-daemon\[|portal|^$" >&2)
  exit 0
fi

if [ "$MODE" = "--tour" ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; }; then
  if [ "$MODE" != "--tour" ]; then
    echo "demo: no desktop display found, so the app runs in a virtual display and is clicked through automatically." >&2
  fi
  dbus-run-session -- bash -c '
    echo -n demo | XDG_DATA_HOME="$(mktemp -d)" gnome-keyring-daemon --unlock --components=secrets >/dev/null
    xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/desktop/' 2> >(grep -vE "dbus-daemon\[|portal|Gtk-WARNING|pw\.conf|PipeWire|SpiRegistry|^$" >&2)
  echo "demo: screenshots of every step are in $REPO/target/screenshots/" >&2
  exit 0
fi

cat >&2 <<MSG

  Mail Setup Assistant demo
  -------------------------
  Type one of these addresses and follow the wizard:
    demo@example.edu     Microsoft 365 (any address at example.edu works)
    demo@gmail.example   Gmail: Sign in with Google, or the App Password  abcd efgh ijkl mnop
    kim@hotmail.example  a personal Microsoft account (Outlook.com, Hotmail)
    demo@small.example   another provider (settings by autoconfig), password  Demo-Password-2026
  The sign-in opens in a Chromium window pointed at the local sign-in service; it signs you in
  as the address you typed and hands back to the app. Close the app window to stop the demo.

MSG
# A person watches the demo: show the local "sign in as ..." page for 3 seconds before going on.
# (Only here: the headless browser of the tour does not follow that page's timed refresh.)
sed -i 's/^start_page_seconds = 0$/start_page_seconds = 3/' "$MAILSETUP_CONFIG"
export BROWSER="$REPO/tests/peers/browser.sh"
export MAILSETUP_BROWSER_MODE=${MAILSETUP_BROWSER_MODE:-window}
DEMO_HOME=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-demo.XXXXXX")
dbus-run-session -- env XDG_DATA_HOME="$DEMO_HOME/data" XDG_CONFIG_HOME="$DEMO_HOME/config" XDG_CACHE_HOME="$DEMO_HOME/cache" bash -c '
  echo -n demo | XDG_DATA_HOME="$XDG_DATA_HOME/keyring" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec target/debug/mailsetup-desktop'
