#!/usr/bin/env bash
# The README's screenshots (light, dark, Spanish), made by the UI tests: runs the test that
# takes them (tests/ui/l10n.test.mjs, the page with the core's real words) and copies three of
# its screenshots into docs/screenshots/. Run it after a change to the page's look or words.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd tests && node --test ui/l10n.test.mjs)
mkdir -p docs/screenshots
cp target/screenshots/ui-light-check-passed.png docs/screenshots/light-connection-check.png
cp target/screenshots/ui-dark-signin-waiting.png docs/screenshots/dark-waiting-for-the-browser.png
cp target/screenshots/ui-es-check-failed.png docs/screenshots/spanish-connection-failed.png
ls -l docs/screenshots
