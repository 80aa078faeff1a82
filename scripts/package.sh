#!/usr/bin/env bash
# Builds the installers this machine can build, with Tauri's bundler (the Tauri CLI from npm:
# scripts/setup.sh), into target/packages/:
#   Linux: mailsetup-assistant_<version>_amd64.deb and mailsetup-assistant-<version>-1.x86_64.rpm
#   macOS: Mail Setup Assistant.app (zipped) and the .dmg (docs/macos.md)
# Each holds the desktop app (release build), its desktop entry and icons, and the `mailsetup`
# command line, installed on PATH (/usr/bin/mailsetup; in the .app: Contents/MacOS/mailsetup).
#
#   scripts/package.sh          build the packages
#   scripts/package.sh ci       build, install the .deb, run the desktop and CLI end-to-end tests
#                               against the installed binaries, remove it (purge) and check that
#                               nothing of it is left while the user's vault entry and settings stay
#
# The CLI goes in as the bundle's external binary (tauri.bundle.conf.json, given to the bundler
# only: a plain `cargo build` does not need it). AppImage is not built: Tauri's AppImage bundler
# downloads linuxdeploy and its plugins from GitHub while it bundles (README, "Packages").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$REPO/target}
OUT=$REPO/target/packages
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

timed() { # label cmd...: runs cmd, prints how long it took, and appends it to target/packages/times.txt
  local label=$1 s rc=0
  shift
  s=$(date +%s)
  "$@" || rc=$?
  printf 'package.sh: %-44s %4s s%s\n' "$label" "$(($(date +%s) - s))" "$([ $rc = 0 ] || echo "  FAILED")" | tee -a "$OUT/times.txt" >&2
  return $rc
}

build() {
  local triple bundles
  triple=$(rustc -vV | sed -n 's/^host: //p')
  case "$(uname -s)" in
    Linux) bundles=deb,rpm ;;
    Darwin) bundles=app,dmg ;;
    *) echo "package.sh: $(uname -s): the Windows installer is built by scripts/windows.sh" >&2; exit 2 ;;
  esac
  [ -x node_modules/.bin/tauri ] || { echo "package.sh: the Tauri CLI is missing: run scripts/setup.sh (or npm ci)" >&2; exit 2; }
  # The CLI first: the bundler takes it as an external binary named for the target triple.
  timed "build the CLI (release)" cargo build --release --locked -p mailsetup-cli
  mkdir -p target/package-input
  # (-p: the app's build script watches this file; an unchanged CLI must not rebuild the app)
  cp -p "$TARGET_DIR/release/mailsetup" "target/package-input/mailsetup-$triple"
  # Old bundles of another version would be picked up below.
  rm -rf "$TARGET_DIR/release/bundle"
  timed "build the app (release) and bundle $bundles" \
    node_modules/.bin/tauri build --ci --bundles "$bundles" --config tauri.bundle.conf.json
  find "$TARGET_DIR/release/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.dmg' \) \
    -exec cp {} "$OUT/" \;
  if [ -d "$TARGET_DIR/release/bundle/macos" ]; then
    (cd "$TARGET_DIR/release/bundle/macos" && ditto -c -k --keepParent ./*.app "$OUT/Mail Setup Assistant.app.zip")
  fi
  [ "$(uname -s)" != Linux ] || check_contents
  echo "package.sh: packages in target/packages/:" >&2
  (cd "$OUT" && ls -l -- *.deb *.rpm *.dmg *.zip 2>/dev/null) >&2 || true
}

# ---- scripts/package.sh ci: the .deb installed, tested, removed

# The package's files are where the desktop and the command line expect them.
check_installed() { # pkg
  local f ok=0
  for f in /usr/bin/mailsetup /usr/bin/mailsetup-desktop; do
    [ -x "$f" ] || { echo "package.sh: $f is not installed" >&2; ok=1; }
  done
  grep -q '^/usr/share/applications/.*\.desktop$' "$OUT/installed-files.txt" \
    || { echo "package.sh: no desktop entry in $1" >&2; ok=1; }
  grep -q '^/usr/share/icons/hicolor/.*/apps/' "$OUT/installed-files.txt" \
    || { echo "package.sh: no icons in $1" >&2; ok=1; }
  /usr/bin/mailsetup --version >&2 || ok=1
  return $ok
}

# Nothing of the package is left: every file it installed is gone, and every directory it listed
# is gone or belongs to another package; dpkg no longer knows it (purged, no config files).
check_removed() { # pkg
  local path ok=0
  if dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^[a-z]'; then
    echo "package.sh: dpkg still lists $1: $(dpkg-query -W -f='${db:Status-Abbrev}' "$1")" >&2
    ok=1
  fi
  while IFS= read -r path; do
    [ "$path" = /. ] && continue
    if [ -d "$path" ] && [ ! -L "$path" ]; then
      dpkg -S "$path" >/dev/null 2>&1 || { echo "package.sh: left behind: $path/" >&2; ok=1; }
    elif [ -e "$path" ] || [ -L "$path" ]; then
      echo "package.sh: left behind: $path" >&2
      ok=1
    fi
  done <"$OUT/installed-files.txt"
  if command -v mailsetup >/dev/null || [ -e /usr/bin/mailsetup ]; then
    echo "package.sh: mailsetup is still on PATH: $(command -v mailsetup)" >&2
    ok=1
  fi
  [ $ok = 1 ] || echo "package.sh: nothing of $1 is left ($(wc -l <"$OUT/installed-files.txt") paths checked)" >&2
  return $ok
}

# Inside tests/run-all.sh's session (peers, private vault): the end-to-end tests against the
# installed binaries, a user's settings file and vault entry made with the installed CLI, the
# package removed, and that user data checked again.
installed() { # pkg
  local pkg=$1 rc=0 home user=demo@small.example
  export MAILSETUP_CLI=/usr/bin/mailsetup MAILSETUP_DESKTOP_APP=/usr/bin/mailsetup-desktop
  timed "desktop e2e (installed app)" xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/desktop/ || rc=1
  timed "CLI e2e (installed mailsetup)" cargo test -p mailsetup-cli --tests --quiet || rc=1
  # A user of the installed app: their own settings file and a sign-in in their vault.
  home=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-user.XXXXXX")
  mkdir -p "$home/config/mailsetup"
  sed "s#^extra_ca_file = \"tls/#extra_ca_file = \"$MAILSETUP_PEERS_DIR/tls/#" \
    "$MAILSETUP_PEERS_DIR/settings.toml" >"$home/config/mailsetup/settings.toml"
  user_run() { env -u MAILSETUP_CONFIG XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    XDG_STATE_HOME="$home/state" BROWSER=false "$@"; }
  echo -n 'Demo-Password-2026' | user_run /usr/bin/mailsetup -q signin "$user" --password >/dev/null || rc=1
  user_data_present "$home" "$user" || rc=1
  timed "remove (apt-get remove --purge)" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q "$pkg" || rc=1
  echo "package.sh: after removal, the user's data:" >&2
  user_data_present "$home" "$user" || rc=1
  # The tests really ran the installed binaries: with them gone, the same test cannot pass.
  if cargo test -p mailsetup-cli --test explain --quiet >/dev/null 2>&1; then
    echo "package.sh: the CLI tests passed without /usr/bin/mailsetup: MAILSETUP_CLI was not used" >&2
    rc=1
  fi
  rm -rf "$home"
  return $rc
}

user_data_present() { # home address: the user's settings, account list and vault entry are there
  local ok=0 f
  for f in "$1/config/mailsetup/settings.toml" "$1/data/mailsetup/accounts.json"; do
    if [ -s "$f" ]; then echo "  present: $f" >&2; else echo "package.sh: gone: $f" >&2; ok=1; fi
  done
  if secret-tool lookup service mailsetup username "$2" >/dev/null; then
    echo "  present: the vault entry service=mailsetup username=$2" >&2
  else
    echo "package.sh: gone: the vault entry for $2" >&2
    ok=1
  fi
  return $ok
}

ci() {
  local deb pkg rc=0
  # (a process of its own: inside `timed`, a function would not stop at its first failure)
  timed "build the packages (total)" "$REPO/scripts/package.sh" build
  deb=$(ls "$OUT"/*.deb)
  pkg=$(dpkg-deb -f "$deb" Package)
  # apt-get (not dpkg -i) resolves the package's dependencies, as IT's tools do.
  timed "install the .deb (apt-get install)" \
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb"
  dpkg -L "$pkg" >"$OUT/installed-files.txt"
  check_installed "$pkg" || rc=1
  timed "installed: e2e, user data, remove (total)" tests/run-all.sh scripts/package.sh installed "$pkg" || rc=1
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    echo "package.sh: $pkg is still installed: removing it" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q "$pkg" || true
    rc=1
  fi
  check_removed "$pkg" || rc=1
  echo "package.sh: sizes:" >&2
  (cd "$OUT" && du -b -- *.deb *.rpm) >&2
  cat "$OUT/times.txt" >&2
  return $rc
}

# Both Linux packages hold the app, the CLI on PATH, the desktop entry and icons (the .rpm is
# only listed: it cannot be installed on Debian).
check_contents() {
  local deb rpm list want ok=0
  deb=$(ls "$OUT"/*.deb) rpm=$(ls "$OUT"/*.rpm)
  for list in "deb:$(dpkg-deb -c "$deb" | sed -E 's#^([^ ]+ +){5}(\./)?#/#')" "rpm:$(rpm -qlp "$rpm" 2>/dev/null)"; do
    for want in '^/usr/bin/mailsetup$' '^/usr/bin/mailsetup-desktop$' '^/usr/share/applications/.*\.desktop$' \
      '^/usr/share/icons/hicolor/.*/apps/.*\.png$'; do
      grep -qE "$want" <<<"${list#*:}" || { echo "package.sh: the ${list%%:*} has no $want" >&2; ok=1; }
    done
  done
  [ $ok = 0 ] && echo "package.sh: the .deb and the .rpm each hold both binaries, the desktop entry and icons" >&2
  return $ok
}

mkdir -p "$OUT"
case "${1:-build}" in
  build)
    rm -f "$OUT"/*.deb "$OUT"/*.rpm "$OUT"/*.dmg "$OUT"/*.zip
    [ -n "${PACKAGE_SH_CI:-}" ] || rm -f "$OUT/times.txt"
    build
    ;;
  ci)
    rm -f "$OUT/times.txt"
    export PACKAGE_SH_CI=1
    ci
    ;;
  installed) # (run by `ci` through tests/run-all.sh)
    installed "$2"
    ;;
  *)
    echo "usage: scripts/package.sh [build|ci]" >&2
    exit 2
    ;;
esac
