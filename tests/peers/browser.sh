#!/usr/bin/env bash
# A "system browser" for tests and the headless demo: headless Chromium that follows the sign-in
# redirects to the app's loopback listener, like a person's browser would, then exits.
# Point the app at it with BROWSER=tests/peers/browser.sh (the webbrowser crate honours $BROWSER).
# It trusts the local peers' certificate for this run only (--ignore-certificate-errors-spki-list
# with a throw-away profile); the system trust store is never touched.
set -euo pipefail
URL=${1:?usage: browser.sh URL}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=${MAILSETUP_PEERS_DIR:-$(cd "$HERE/../.." && pwd)/target/peers}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$CHROMIUM" ] || { echo "browser.sh: chromium is not installed" >&2; exit 1; }
PROFILE=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-browser.XXXXXX")
trap 'rm -rf "$PROFILE"' EXIT
SPKI=$(cat "$DIR/tls/server.spki" 2>/dev/null || true)
mkdir -p "$DIR/browser"
# The page each sign-in ended on, named by the app's loopback port (tests read it; it never
# holds a code).
PORT=$(printf '%s' "$URL" | sed -n 's#^http://[^/]*:\([0-9]*\)/.*#\1#p')
FLAGS=(--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync
  --no-first-run --disable-dev-shm-usage --disable-quic --user-data-dir="$PROFILE")
if [ -n "$SPKI" ]; then FLAGS+=(--ignore-certificate-errors-spki-list="$SPKI"); fi
if [ "${MAILSETUP_BROWSER_MODE:-headless}" = window ]; then
  # The demo on a desktop: a visible window the person can watch; it stays until they close it.
  "$CHROMIUM" "${FLAGS[@]}" --new-window "$URL" >/dev/null 2>>"$DIR/browser/chromium.log" || true
  exit 0
fi
# --dump-dom loads the page, follows redirects, prints the final DOM and exits.
# No D-Bus for the headless browser: it needs none, and it would start desktop portals.
DBUS_SESSION_BUS_ADDRESS=disabled: timeout -k 5 "${MAILSETUP_BROWSER_TIMEOUT:-60}" "$CHROMIUM" --headless "${FLAGS[@]}" --dump-dom "$URL" >"$DIR/browser/port-${PORT:-unknown}.html" 2>>"$DIR/browser/chromium.log"
