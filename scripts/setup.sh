#!/usr/bin/env bash
# Installs what building, the demo and the tests need on a fresh Debian/Ubuntu machine, and
# nothing that is already there. Safe to run again. Needs root for apt (uses sudo if not root).
#   - apt: Tauri/WebKitGTK build deps, Xvfb, WebKitWebDriver, Chromium, gnome-keyring + D-Bus
#     (the Secret Service vault), Dovecot + Postfix + dnsmasq (the local peers), ImageMagick, curl,
#     rpm (only to list what the built .rpm holds: scripts/package.sh), msmtp (the token helper's
#     tests run it: crates/cli/tests/token.rs), cron and systemd (the daily renewal's tests:
#     crates/cli/tests/schedule.rs), swaks (drives the local relay: crates/cli/tests/relay.rs)
#   - npm: tests/ (playwright-core, driving Debian's Chromium, no browser download; axe-core, the
#     accessibility rules the UI and desktop tests run at every screenshot); the repository
#     root's package.json: the Tauri CLI (@tauri-apps/cli, prebuilt, pinned to the `tauri` crate's
#     version in Cargo.lock) that builds the installers (scripts/package.sh): node_modules/.bin/tauri
#   - cargo: tauri-driver (WebDriver bridge for the real app window), cargo-fuzz (fuzz/run.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

APT_PACKAGES=(
  build-essential pkg-config file curl ca-certificates openssl python3
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev libssl-dev
  xvfb xauth webkit2gtk-driver imagemagick
  chromium
  gnome-keyring dbus dbus-x11 libsecret-tools libdbus-1-dev
  dovecot-core dovecot-imapd dovecot-lmtpd dovecot-auth-lua postfix dnsmasq-base
  nodejs npm
  rpm
  msmtp cron systemd swaks
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from elsewhere (e.g. NodeSource): then the Debian packages are not needed.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  # Postfix asks a question at install time; the peers bring their own configuration.
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # Keep apt from starting the system Dovecot/Postfix: the peers run their own instances.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ ! -d tests/node_modules/playwright-core ] || [ ! -d tests/node_modules/axe-core ]; then
  echo "setup: npm ci (tests/)" >&2
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi

# The Tauri CLI (the bundler: .deb, .rpm, NSIS, .app/.dmg), from npm's registry as a prebuilt binary
# for this platform; `npx tauri …` (or node_modules/.bin/tauri) in the repository root runs it.
if [ ! -x node_modules/.bin/tauri ]; then
  echo "setup: npm ci (Tauri CLI)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "setup: cargo install tauri-driver" >&2
  cargo install tauri-driver --version 2.1.0 --locked
fi
# The fuzzer's cargo subcommand (fuzz/run.sh): installed once, kept in $CARGO_HOME/bin.
if ! command -v cargo-fuzz >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-fuzz" ]; then
  echo "setup: cargo install cargo-fuzz" >&2
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
echo "setup: ready" >&2
