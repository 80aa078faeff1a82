#!/usr/bin/env bash
# The Windows build of mailsetup, tested under Wine on this Linux machine, and the macOS type-check.
#
#   scripts/windows.sh install       apt packages for all of this, only those that are missing
#   scripts/windows.sh build         cross-build for x86_64-pc-windows-gnu with Debian's cargo: the CLI,
#                                    the core's unit tests, the desktop app; the ProcessPrng shim DLL
#   scripts/windows.sh test          under Wine: the core's unit tests, the CLI end-to-end suite
#                                    (crates/cli/tests/windows.rs) against the local peers, and the
#                                    desktop app's "WebView2 Runtime is missing" message box
#   scripts/windows.sh installer     the release build of the CLI and the desktop app, and its NSIS
#                                    installer (installer/windows/mailsetup.nsi, Debian's makensis)
#                                    in target/windows/installer/
#   scripts/windows.sh installer-test under Wine: the installer stops without the WebView2 Runtime,
#                                    installs silently, the CLI end-to-end suite runs against the
#                                    installed mailsetup.exe, the silent uninstall leaves nothing of
#                                    the app but the user's data and IT's settings
#   scripts/windows.sh macos-check   cargo check for aarch64-apple-darwin (CLI and desktop app)
#   scripts/windows.sh all           all of the above, in that order (the default)
#   scripts/windows.sh shell         a shell with WINEPREFIX, WINEDEBUG, the browser hook set (debugging)
#
# Debian's Rust (`rustc-web`, /usr/bin/cargo) builds `std` for Windows itself (-Zbuild-std with
# RUSTC_BOOTSTRAP=1); rustup's toolchain stays the one for Linux. Each target has its own target
# directory (target/windows, target/macos), never shared with rustup's (target/). See
# tests/windows/README.md.
#
# Environment: MAILSETUP_PEERS_DIR (the local peers; started here for `test` when not running, and
# stopped again), WINDOWS_PROFILE (dev, the default, or release), KEEP_WINEPREFIX=1 (keep the
# throw-away Wine prefix and print where it is).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD

TARGET=x86_64-pc-windows-gnu
WIN_DIR=$REPO/target/windows
MAC_DIR=$REPO/target/macos
PROFILE=${WINDOWS_PROFILE:-dev}
case "$PROFILE" in dev) OUT=debug ;; release) OUT=release ;; *) echo "WINDOWS_PROFILE is dev or release" >&2; exit 2 ;; esac
BIN_DIR=$WIN_DIR/$TARGET/$OUT
WINE64=/usr/lib/wine/wine64
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

log() { printf 'windows.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
timed() { # label cmd...: runs cmd, prints its time
  local label=$1 s rc=0
  shift
  s=$(date +%s)
  "$@" || rc=$?
  printf 'windows.sh: %s: %s s%s\n' "$label" "$(($(date +%s) - s))" "$([ $rc = 0 ] || echo " (FAILED, exit $rc)")" >&2
  return $rc
}

# ---------------------------------------------------------------------------------------------
# install
APT_PACKAGES=(
  rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 # the Windows build
  wine64 wine                                                                # running it
  xvfb xauth xdotool imagemagick                                             # the message box test
  clang llvm                                                                 # the macOS check (ring's C)
  nsis                                                                       # the installer (makensis)
)

install() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  log "installing ${missing[*]}"
  # Keep apt from starting services (as scripts/setup.sh does).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  local apt=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
  # Update the package lists only when apt does not know a package yet.
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then "${apt[@]}" update; fi
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
}

# ---------------------------------------------------------------------------------------------
# build

# Debian's cargo and rustc, for one target, with its own target directory.
xcargo() { # target-dir cargo-args...
  local dir=$1
  shift
  env -u RUSTUP_TOOLCHAIN -u RUSTC_WRAPPER -u CARGO_BUILD_TARGET PATH="/usr/bin:$PATH" \
    RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$dir" \
    /usr/bin/cargo "$@"
}

wcargo() { # cargo-args...: for x86_64-pc-windows-gnu
  local sub=$1
  shift
  # std with `test` for the builds too, so that the binaries and the test executables share one
  # std; no debug info (a debug build's .exe would be 160-260 MB and slow to link).
  CARGO_PROFILE_DEV_DEBUG=false \
    xcargo "$WIN_DIR" "$sub" -Zbuild-std=std,test --target "$TARGET" --profile "$PROFILE" \
    --config "target.$TARGET.linker=\"x86_64-w64-mingw32-gcc\"" "$@"
}

need_toolchain() {
  [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] && command -v x86_64-w64-mingw32-gcc >/dev/null ||
    die "the Windows toolchain is missing: run scripts/windows.sh install"
}

# The core's unit-test executable (the newest mailsetup_core-*.exe in deps/).
core_test_exe() {
  ls -t "$BIN_DIR"/deps/mailsetup_core-*.exe 2>/dev/null | head -1
}

# The test helpers in C (tests/windows/): the ProcessPrng shim DLL, which goes beside every .exe
# that runs under Wine, and wintext.exe (reads a window's text for the desktop check).
helpers() {
  local out=$WIN_DIR/helpers
  mkdir -p "$out"
  if [ ! -e "$out/bcryptprimitives.dll" ] || [ tests/windows/processprng.c -nt "$out/bcryptprimitives.dll" ]; then
    x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$out/bcryptprimitives.dll" tests/windows/processprng.c -ladvapi32
  fi
  if [ ! -e "$out/wintext.exe" ] || [ tests/windows/wintext.c -nt "$out/wintext.exe" ]; then
    x86_64-w64-mingw32-gcc -O2 -Wall -o "$out/wintext.exe" tests/windows/wintext.c
  fi
  cp -f "$out/bcryptprimitives.dll" "$BIN_DIR/" && cp -f "$out/bcryptprimitives.dll" "$BIN_DIR/deps/"
}

build() {
  need_toolchain
  mkdir -p "$WIN_DIR"
  timed "build the CLI and the desktop app ($PROFILE)" wcargo build -p mailsetup-cli -p mailsetup-desktop
  timed "build the core's unit tests ($PROFILE)" wcargo test --no-run -p mailsetup-core --lib
  helpers
  ls -l "$BIN_DIR/mailsetup.exe" "$BIN_DIR/mailsetup-desktop.exe" "$(core_test_exe)" >&2
}

# ---------------------------------------------------------------------------------------------
# Wine: a throw-away prefix whose "system browser" is the peers' headless test browser

export WINEDEBUG=-all
# No Mono or Gecko installers when the prefix is made (no internet; neither is needed).
export WINEDLLOVERRIDES="mscoree,mshtml="

wine_prefix() { # makes $WINEPREFIX (a fresh temp dir) with the browser hook
  [ -x "$WINE64" ] || die "$WINE64 is missing: run scripts/windows.sh install"
  WINEPREFIX=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-wine.XXXXXX")
  export WINEPREFIX
  # One wineserver for the whole run (each program starts faster); stopped by wine_cleanup.
  /usr/lib/wine/wineserver -p
  # wineboot makes the prefix (~10 s); without a display it cannot show windows, which it needs not.
  timeout -k 5 120 "$WINE64" wineboot --init >"$WINEPREFIX/wineboot.log" 2>&1 ||
    die "wineboot failed (see $WINEPREFIX/wineboot.log)"
  # The app opens the sign-in page with ShellExecuteW; Wine hands http(s) URLs to winebrowser,
  # which runs the first program in HKCU\Software\Wine\WineBrowser "Browsers" — this script.
  sed -e "s#@PEERS_DIR@#$MAILSETUP_PEERS_DIR#" -e "s#@REPO@#$REPO#" -e "s#@LOG@#$WINEPREFIX/browser.log#" \
    tests/windows/browser-hook.sh.in >"$WINEPREFIX/browser-hook.sh"
  chmod +x "$WINEPREFIX/browser-hook.sh"
  timeout -k 5 60 "$WINE64" reg add 'HKCU\Software\Wine\WineBrowser' /v Browsers /d "$WINEPREFIX/browser-hook.sh" /f \
    >>"$WINEPREFIX/wineboot.log" 2>&1 || die "could not set Wine's browser (see $WINEPREFIX/wineboot.log)"
  log "Wine prefix: $WINEPREFIX"
}

wine_cleanup() {
  [ -n "${WINEPREFIX:-}" ] || return 0
  WINEPREFIX=$WINEPREFIX /usr/lib/wine/wineserver -k 2>/dev/null || true
  if [ "${KEEP_WINEPREFIX:-}" = 1 ]; then log "kept the Wine prefix: $WINEPREFIX"; else rm -rf "$WINEPREFIX"; fi
}

# ---------------------------------------------------------------------------------------------
# test

CLEANUP=()
cleanup() { local c; for c in "${CLEANUP[@]}"; do eval "$c" || true; done; }
trap cleanup EXIT

peers_up() { # uses running peers, or starts them (and stops them at the end)
  export MAILSETUP_PEERS_DIR=${MAILSETUP_PEERS_DIR:-$REPO/target/peers}
  if ! tests/peers/peers.sh status >/dev/null 2>&1; then
    log "starting the local peers ($MAILSETUP_PEERS_DIR)"
    $SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" tests/peers/peers.sh start >/dev/null
    CLEANUP+=('$SUDO env MAILSETUP_PEERS_DIR="$MAILSETUP_PEERS_DIR" tests/peers/peers.sh stop >/dev/null 2>&1')
  fi
}

LOGS=$WIN_DIR/logs

# The core's unit tests (the Windows test executable) under Wine.
core_tests() {
  local exe rc=0
  exe=$(core_test_exe)
  [ -n "$exe" ] || die "no core test executable: run scripts/windows.sh build"
  (cd "$BIN_DIR/deps" && timeout -k 5 900 "$WINE64" "$exe" --color never --test-threads 2) \
    >"$LOGS/core-tests.log" 2>&1 || rc=$?
  grep -E '^test result|^failures:|^    [a-z_:]+$|panicked' "$LOGS/core-tests.log" >&2 || true
  [ $rc = 0 ] || log "core unit tests under Wine: FAILED (exit $rc), see $LOGS/core-tests.log"
  return $rc
}

# crates/cli/tests/windows.rs: the Windows mailsetup.exe end to end under Wine, driven by the
# Linux test harness (rustup's cargo) against the local peers. One test at a time: every test
# shares the prefix's %APPDATA% and so one account index, and under Wine a rename over a file
# another process has open fails (Access denied), which two tests at once can hit.
# Optional: the mailsetup.exe to test (default: the build's; the installer test passes the
# installed one) and the log's name.
cli_suite() { # [exe] [log]
  local rc=0 exe=${1:-$BIN_DIR/mailsetup.exe} log=$LOGS/${2:-cli-wine.log}
  MAILSETUP_WINDOWS_EXE="$exe" MAILSETUP_WINE64="$WINE64" \
    timeout -k 10 1800 cargo test -p mailsetup-cli --test windows -- --ignored --test-threads 1 \
    >"$log" 2>&1 || rc=$?
  grep -E '^test |^test result|^failures:|^    [a-z_0-9]+$' "$log" >&2 || true
  [ $rc = 0 ] || log "CLI end to end under Wine ($exe): FAILED (exit $rc), see $log"
  return $rc
}

# The desktop app without the WebView2 Runtime: the message box, its text, exit code 3.
desktop_check() {
  local rc=0
  timeout -k 10 180 xvfb-run -a -s "-screen 0 1280x800x24" \
    tests/windows/webview2-message.sh "$BIN_DIR/mailsetup-desktop.exe" "$WIN_DIR/helpers/wintext.exe" \
    "$REPO/target/screenshots/windows-webview2-missing.png" >"$LOGS/desktop-webview2.log" 2>&1 || rc=$?
  cat "$LOGS/desktop-webview2.log" >&2
  return $rc
}

# The CLI's outputs under Wine (target/test-outputs/cli, as on Linux) hold no secret the tests used.
secret_scan() {
  local rc=0
  node tests/secrets/scan.mjs >"$LOGS/secret-scan.log" 2>&1 || rc=$?
  tail -3 "$LOGS/secret-scan.log" >&2
  return $rc
}

wine_tests() {
  [ -x "$BIN_DIR/mailsetup.exe" ] && [ -x "$BIN_DIR/mailsetup-desktop.exe" ] ||
    die "no Windows build in $BIN_DIR: run scripts/windows.sh build"
  mkdir -p "$LOGS"
  helpers
  peers_up
  CLEANUP=(wine_cleanup "${CLEANUP[@]}")
  wine_prefix
  local failed=()
  timed "core unit tests under Wine" core_tests || failed+=("core unit tests")
  timed "CLI end to end under Wine" cli_suite || failed+=("CLI end to end")
  timed "desktop app without WebView2 under Wine" desktop_check || failed+=("desktop WebView2 message")
  timed "secret scan (the outputs so far, with the Wine runs')" secret_scan || failed+=("secret scan")
  [ ${#failed[@]} = 0 ] || die "under Wine, failed: ${failed[*]}"
  log "all Wine tests passed"
}

# ---------------------------------------------------------------------------------------------
# installer, installer-test: installer/windows/installer.sh (sourced; uses the functions above)

source "$REPO/installer/windows/installer.sh"

shell() { # a shell in a test prefix, for debugging
  peers_up
  CLEANUP=(wine_cleanup "${CLEANUP[@]}")
  wine_prefix
  export MAILSETUP_WINDOWS_EXE="$BIN_DIR/mailsetup.exe"
  log "WINEPREFIX=$WINEPREFIX; try: $WINE64 \$MAILSETUP_WINDOWS_EXE --help"
  "${SHELL:-bash}" -i
}

# ---------------------------------------------------------------------------------------------
# macos-check: type-check only (Apple's SDK is not here; nothing is linked)

macos_check() {
  local inc=$REPO/tests/macos/include clang_inc
  clang_inc=$(ls -d /usr/lib/llvm-*/lib/clang/*/include 2>/dev/null | sort -V | tail -1)
  [ -n "$clang_inc" ] && command -v clang >/dev/null && command -v llvm-ar-14 >/dev/null ||
    die "clang/llvm are missing: run scripts/windows.sh install"
  # ring's build script compiles C for the target: clang with three stand-in headers.
  CC_aarch64_apple_darwin=clang AR_aarch64_apple_darwin=llvm-ar-14 \
    CFLAGS_aarch64_apple_darwin="--target=arm64-apple-macos11 -ffreestanding -nostdinc -isystem $clang_inc -I$inc" \
    xcargo "$MAC_DIR" check -Zbuild-std --target aarch64-apple-darwin -p mailsetup-cli -p mailsetup-desktop
}

# ---------------------------------------------------------------------------------------------

main() {
  case "${1:-all}" in
    install) install ;;
    build) timed "Windows build" build ;;
    test) wine_tests ;;
    macos-check) timed "macOS check" macos_check ;;
    installer) timed "Windows installer (release build and makensis)" installer ;;
    installer-test) installer_test ;;
    all)
      install
      timed "Windows build" build
      wine_tests
      timed "macOS check" macos_check
      ;;
    shell) shell ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
}

# On one line, so that bash has read the whole file before anything runs.
main "$@"; exit $?
