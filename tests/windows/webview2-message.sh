#!/usr/bin/env bash
# The desktop app (Windows build) on a Windows without the WebView2 Runtime, for real under Wine
# (Wine has no WebView2): it must show a message box that names the missing runtime and what IT
# installs, before any other window, and exit with code 3 once the person presses OK.
#
# Usage (inside a display, e.g. xvfb-run; scripts/windows.sh test does this):
#   webview2-message.sh <mailsetup-desktop.exe> <wintext.exe> <screenshot.png>
# Needs WINEPREFIX; uses /usr/lib/wine/wine64, xdotool and ImageMagick's import. Writes the
# screenshot and, beside it, the message's text (.txt).
set -euo pipefail
EXE=${1:?usage: webview2-message.sh EXE WINTEXT SCREENSHOT}
WINTEXT=${2:?usage: webview2-message.sh EXE WINTEXT SCREENSHOT}
SHOT=${3:?usage: webview2-message.sh EXE WINTEXT SCREENSHOT}
: "${WINEPREFIX:?WINEPREFIX is not set}"
: "${DISPLAY:?no display: run inside xvfb-run}"
TITLE="Mail Setup Assistant cannot start"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mailsetup-webview2.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "webview2-message: FAILED: $*" >&2; exit 1; }

# Wine's desktop process (explorer.exe) holds the display driver for every window of the prefix:
# one started without a display (by wineboot, or a console program) would make every window
# fail ("no driver could be loaded"). Stop the prefix's processes, so that it starts in this one.
/usr/lib/wine/wineserver -k 2>/dev/null || true
/usr/lib/wine/wineserver -w 2>/dev/null || true

# The app, with an exit-code file (a background job's status is read after it ends).
( set +e; timeout -k 5 90 /usr/lib/wine/wine64 "$EXE" >"$WORK/app.out" 2>&1; echo $? >"$WORK/rc" ) &
APP=$!
t0=$(date +%s%N)

# The message box: found by its title. No other top-level window of the app may appear first.
win=""
for _ in $(seq 1 300); do
  win=$(xdotool search --name "^$TITLE\$" 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  [ -e "$WORK/rc" ] && break
  sleep 0.1
done
[ -n "$win" ] || { cat "$WORK/app.out" >&2; fail "no window titled \"$TITLE\" within 30 s (exit: $(cat "$WORK/rc" 2>/dev/null || echo still running))"; }
echo "webview2-message: message box after $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
others=$(xdotool search --onlyvisible --name "Mail Setup Assistant" 2>/dev/null | grep -vx "$win" || true)
[ -z "$others" ] || fail "another window of the app is open: $(for w in $others; do xdotool getwindowname "$w"; done)"
sleep 1 # let it paint
mkdir -p "$(dirname "$SHOT")"
import -window root "$SHOT"
echo "webview2-message: screenshot $SHOT" >&2

# Its text, as Wine's window manager has it (the message box's static control), via wintext.exe.
text=$(timeout -k 5 30 /usr/lib/wine/wine64 "$WINTEXT" "$TITLE" 2>"$WORK/wintext.err" | tr -d '\r' || true)
[ -n "$text" ] || { cat "$WORK/wintext.err" >&2; fail "could not read the message box's text"; }
printf '%s\n' "$text" >"${SHOT%.png}.txt"
for want in "Microsoft Edge WebView2 Runtime" "ask your IT department" "Evergreen WebView2 Runtime" \
  "https://developer.microsoft.com/microsoft-edge/webview2/" "Standalone Installer" "[Button] OK"; do
  grep -qF "$want" <<<"$text" || fail "the message box does not say \"$want\": $text"
done
echo "webview2-message: its text names the runtime, what IT installs and from where, the offline installer" >&2

# OK (Return on the focused default button) closes it; the app exits, non-zero, at once.
xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool key --window "$win" Return
for _ in $(seq 1 50); do [ -e "$WORK/rc" ] && break; sleep 0.1; done
[ -e "$WORK/rc" ] || { kill -- "$APP" 2>/dev/null || true; fail "the app did not exit within 5 s of OK"; }
wait "$APP" || true
rc=$(cat "$WORK/rc")
[ "$rc" = 3 ] || { cat "$WORK/app.out" >&2; fail "exit code $rc, expected 3"; }
echo "webview2-message: passed (exit code 3 after OK)" >&2
