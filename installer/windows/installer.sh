# The Windows installer: built with makensis, tested under Wine. Sourced by scripts/windows.sh
# (its `installer` and `installer-test` subcommands), whose functions and variables it uses:
# wcargo, helpers, peers_up, wine_prefix, wine_cleanup, cli_suite, timed, log, die, $WINE64 …
# See docs/windows-deploy.md for what the installer does and how IT deploys it.

INSTALLER_DIR=$WIN_DIR/installer
APP_NAME="Mail Setup Assistant"
UNINSTALL_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\MailSetupAssistant'
ENV_KEY='HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
WEBVIEW2_KEY='HKLM\SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'
POLICY_KEY='HKLM\SOFTWARE\Policies\mailsetup'
CRED_KEY='HKCU\Software\Wine\Credential Manager'

app_version() { sed -n 's/^  "version": "\(.*\)",$/\1/p' "$REPO/tauri.conf.json"; }
installer_exe() { echo "$INSTALLER_DIR/mailsetup-$(app_version)-setup.exe"; }

# The release build (the CLI and the desktop app), then the installer around it.
installer() {
  need_toolchain
  command -v makensis >/dev/null || die "makensis is missing: run scripts/windows.sh install"
  PROFILE=release BIN_DIR=$WIN_DIR/$TARGET/release
  timed "build the CLI and the desktop app (release)" wcargo build -p mailsetup-cli -p mailsetup-desktop
  mkdir -p "$INSTALLER_DIR"
  local out
  out=$(installer_exe)
  timed "makensis" makensis -V2 -DVERSION="$(app_version)" -DBIN_DIR="$BIN_DIR" \
    -DICON="$REPO/icons/icon.ico" -DOUTFILE="$out" "$REPO/installer/windows/mailsetup.nsi"
  ls -l "$BIN_DIR/mailsetup.exe" "$BIN_DIR/mailsetup-desktop.exe" "$BIN_DIR/WebView2Loader.dll" "$out" >&2
}

# --- Wine helpers for the test ---------------------------------------------------------------

wreg() { { timeout -k 5 60 "$WINE64" reg "$@" 2>/dev/null || true; } | tr -d '\r'; } # reg.exe in the prefix
# The system PATH as the registry holds it.
system_path() { wreg query "$ENV_KEY" /v Path | sed -n 's/^ *[Pp][Aa][Tt][Hh] *REG_[A-Z_]* *//p'; }
# A registry value's data ("" when absent).
reg_value() { wreg query "$1" /v "$2" | sed -n "s/^ *$2 *REG_[A-Z_]* *//p"; }
has_key() { timeout -k 5 60 "$WINE64" reg query "$1" >/dev/null 2>&1; }

install_dir() { echo "$WINEPREFIX/drive_c/Program Files/$APP_NAME"; }
start_menu_link() { echo "$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/$APP_NAME.lnk"; }

# What the uninstaller must leave: each user's data (%APPDATA%, %LOCALAPPDATA%), what IT deployed
# (%ProgramData%\mailsetup, the policy key) and the sign-ins in Credential Manager.
user_state() {
  (cd "$WINEPREFIX/drive_c" && find users/*/AppData/Roaming/mailsetup users/*/AppData/Local/mailsetup \
    ProgramData/mailsetup -type f -exec sha256sum {} + 2>/dev/null | sort)
  wreg query "$POLICY_KEY" /s
  wreg query "$CRED_KEY" /s
  return 0
}

# Runs the installer in the prefix; prints its exit code.
run_setup() { # args...
  local rc=0
  timeout -k 5 300 "$WINE64" "$(installer_exe)" "$@" >>"$LOGS/installer.log" 2>&1 || rc=$?
  echo "$rc"
}

# The NSIS uninstaller copies itself to %TEMP%\~nsu<n>.tmp\Un.exe and runs the copy,
# which is still working when the first one returns: wait (at most 2 min) until no such copy of
# this prefix runs
# (Wine 8's tasklist lists nothing, so the Linux processes are read: their environment names the
# prefix).
uninstaller_running() {
  local pid
  for pid in $(pgrep -f 'nsu[[:alnum:]]*\.tmp' || true); do
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "WINEPREFIX=$WINEPREFIX" && return 0
  done
  return 1
}
wait_uninstaller() {
  local n
  for n in $(seq 1 240); do
    uninstaller_running || return 0
    sleep 0.5
  done
  log "the uninstaller still runs after 2 min"
  return 1
}

# Runs the registered QuietUninstallString, as IT would, and waits for it.
run_uninstall() {
  local cmd rc=0
  cmd=$(reg_value "$UNINSTALL_KEY" QuietUninstallString)
  [ -n "$cmd" ] || { log "no QuietUninstallString in $UNINSTALL_KEY"; return 1; }
  # "C:\...\uninstall.exe" /S: the quoted program, then its switch.
  local prog=${cmd#\"}
  prog=${prog%%\"*}
  timeout -k 5 300 "$WINE64" "$prog" /S >>"$LOGS/installer.log" 2>&1 || rc=$?
  wait_uninstaller || rc=1
  return $rc
}

check() { # description test-command...
  local what=$1
  shift
  if "$@"; then log "  ok: $what"; else log "  FAILED: $what"; CHECKS_FAILED+=("$what"); fi
}
not() { ! "$@"; }
path_has_bin() { system_path | tr ';' '\n' | grep -qix 'C:\\Program Files\\Mail Setup Assistant\\bin'; }
cli_on_path() { # the installed CLI answers by its bare name, from a new process
  timeout -k 5 60 "$WINE64" cmd /c "mailsetup --version" 2>/dev/null | tr -d '\r' | grep -q '^mailsetup '
}

check_installed() {
  local dir
  dir=$(install_dir)
  check "the desktop app, WebView2Loader.dll, bin\\mailsetup.exe and the uninstaller are installed" \
    test -f "$dir/mailsetup-desktop.exe" -a -f "$dir/WebView2Loader.dll" -a -f "$dir/bin/mailsetup.exe" -a -f "$dir/uninstall.exe"
  check "the Start-menu shortcut (all users)" test -f "$(start_menu_link)"
  check "registered in Add/Remove Programs" test -n "$(reg_value "$UNINSTALL_KEY" UninstallString)"
  check "the system PATH holds the CLI's folder" path_has_bin
  check "mailsetup --version by its name from a new process (PATH)" cli_on_path
}

check_removed() { # path-before-install user-state-before-uninstall
  check "the install folder is gone" not test -e "$(install_dir)"
  check "the Start-menu shortcut is gone" not test -e "$(start_menu_link)"
  check "the Add/Remove Programs entry is gone" not has_key "$UNINSTALL_KEY"
  check "the system PATH is as before the install" test "$(system_path)" = "$1"
  check "the users' data, IT's settings and Credential Manager are untouched" test "$(user_state)" = "$2"
}

# Something of each kind the uninstaller must leave: a user's settings, IT's file and policy,
# a sign-in in Credential Manager (written as Wine keeps it: crates/cli/tests/common/wine.rs).
seed_user_state() {
  local user_dir
  user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming | grep -v /Public/ | head -1)
  mkdir -p "$user_dir/mailsetup" "$WINEPREFIX/drive_c/ProgramData/mailsetup"
  [ -e "$user_dir/mailsetup/settings.toml" ] || printf '[timeouts]\nconnect = 10\n' >"$user_dir/mailsetup/settings.toml"
  printf '[microsoft]\ntenant = "contoso.onmicrosoft.com"\n' >"$WINEPREFIX/drive_c/ProgramData/mailsetup/settings.toml"
  wreg add "$POLICY_KEY\\microsoft" /v tenant /d contoso.onmicrosoft.com /f >/dev/null
  wreg add "$CRED_KEY\\Generic: installer-test@example.edu.mailsetup" /v UserName /d installer-test@example.edu /f >/dev/null
}

# --- installer-test ---------------------------------------------------------------------------

installer_test() {
  local exe
  exe=$(installer_exe)
  [ -f "$exe" ] || die "no installer at $exe: run scripts/windows.sh installer"
  mkdir -p "$LOGS"
  : >"$LOGS/installer.log"
  PROFILE=release BIN_DIR=$WIN_DIR/$TARGET/release
  helpers
  peers_up
  CLEANUP=(wine_cleanup "${CLEANUP[@]}")
  wine_prefix
  # Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which real Windows has: the test shim goes
  # into the prefix's system32, so the install folder holds only what the installer put there.
  cp -f "$WIN_DIR/helpers/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
  CHECKS_FAILED=()
  local path_before rc state
  path_before=$(system_path)
  log "installer: $(basename "$exe"), $(du -k "$exe" | cut -f1) KiB"

  log "1. silent install on a PC without the WebView2 Runtime (Wine has none): exit 3, nothing installed"
  rc=$(timed "silent install, no WebView2 Runtime" run_setup /S)
  check "the installer's exit code is 3 (got $rc)" test "$rc" = 3
  check "nothing was installed" not test -e "$(install_dir)"
  check "nothing was registered" not has_key "$UNINSTALL_KEY"

  log "2. the runtime present (its registry value, as Microsoft documents it): silent install, CLI suite, uninstall"
  wreg add "$WEBVIEW2_KEY" /v pv /d 131.0.2903.112 /f >/dev/null
  rc=$(timed "silent install" run_setup /S)
  check "the installer's exit code is 0 (got $rc)" test "$rc" = 0
  check_installed
  timed "CLI end to end under Wine, the installed mailsetup.exe" \
    cli_suite "$(install_dir)/bin/mailsetup.exe" cli-wine-installed.log || CHECKS_FAILED+=("CLI end to end (installed)")
  seed_user_state
  state=$(user_state)
  timed "silent uninstall (QuietUninstallString)" run_uninstall || CHECKS_FAILED+=("uninstall ran")
  check_removed "$path_before" "$state"
  wreg delete "$WEBVIEW2_KEY" /f >/dev/null

  log "3. no runtime, IT's /SKIPWEBVIEW2CHECK: installs; the installed desktop app says what is missing"
  rc=$(timed "silent install, /SKIPWEBVIEW2CHECK" run_setup /S /SKIPWEBVIEW2CHECK)
  check "the installer's exit code is 0 (got $rc)" test "$rc" = 0
  check_installed
  check "the installed desktop app shows the WebView2 message (exit 3)" timeout -k 10 180 \
    xvfb-run -a -s "-screen 0 1280x800x24" tests/windows/webview2-message.sh "$(install_dir)/mailsetup-desktop.exe" \
    "$WIN_DIR/helpers/wintext.exe" "$REPO/target/screenshots/windows-installed-webview2-missing.png"
  state=$(user_state)
  timed "silent uninstall (QuietUninstallString)" run_uninstall || CHECKS_FAILED+=("uninstall ran")
  check_removed "$path_before" "$state"

  [ ${#CHECKS_FAILED[@]} = 0 ] || die "installer test, failed: $(printf '%s; ' "${CHECKS_FAILED[@]}")"
  log "installer test passed"
}
