// Screen-reader names: the accessibility tree of every screen (Chromium's, as Playwright's
// ariaSnapshot reads it: roles, names, states, headings) is pinned in tests/ui/snapshots/, so a
// control that loses its name, a heading that changes level or a status that stops being a status
// shows up as a diff. Refresh after an intended change with UPDATE_SNAPSHOTS=1 (then read the
// diff). Every interactive element must also have a name, whatever the snapshot says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './harness.mjs';
import { SCREENS, openScreen } from './screens.mjs';

const DIR = new URL('./snapshots/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** Lines of an aria snapshot that name an interactive role without a name (e.g. `- button`,
 * `- textbox:` with nothing after the role). */
export function unnamedControls(snapshot) {
  const interactive = /^\s*- (button|link|textbox|checkbox|radio|combobox|switch|tab|menuitem|slider|spinbutton|searchbox)(\s*\[[^\]]*\])*:?\s*$/;
  return snapshot.split('\n').filter((line) => interactive.test(line));
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the check for unnamed controls can fail', () => {
  const found = unnamedControls('- main:\n  - button "Check"\n  - button\n  - textbox [disabled]\n  - link "Help":\n    - /url: x');
  assert.deepEqual(found, ['  - button', '  - textbox [disabled]']);
});

for (const screen of SCREENS) {
  test(`accessibility tree of ${screen.name}`, async () => {
    const page = await openScreen(browser, screen);
    // Only what a screen reader reaches: hidden screens are not in the tree.
    // The sign-in countdown's time moves while the snapshot is taken.
    const tree = (await page.locator('body').ariaSnapshot()).replace(/(timer[^:\n]*: )\d+:\d\d/g, '$1<time left>');
    await page.close();
    assert.deepEqual(unnamedControls(tree), [], `${screen.name}: controls without a name`);
    const file = join(DIR, `${screen.name}.aria.yml`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, `${tree}\n`);
      if (!UPDATE) assert.fail(`${file} was missing and has been written: read it, then run again`);
    } else {
      assert.equal(`${tree}\n`, readFileSync(file, 'utf8'), `${screen.name}: the accessibility tree changed (UPDATE_SNAPSHOTS=1 after an intended change)`);
    }
  });
}
