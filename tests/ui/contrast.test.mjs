// Colour contrast on every screen, in the light and the dark colour scheme (WCAG 2.1 AA 1.4.3 and
// 1.4.11): every visible text against its background (4.5:1, large text 3:1), the edge of every
// field, button and check box (3:1), and the focus ring of everything Tab reaches (3:1). The worst
// ratios are printed. The last test shows the check fails on low contrast.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { failures, measureContrast, worst } from './contrast.mjs';
import { ringContrast, tabWalk } from './keys.mjs';
import { SCREENS, openScreen } from './screens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Text and control edges as shown, then the focus ring of each stop of a Tab walk. */
async function measureAll(page, screen) {
  const checks = (await measureContrast(page)).map((c) => ({ ...c, what: `${screen}: ${c.what}` }));
  await page.evaluate(() => document.activeElement?.blur());
  const { stops } = await tabWalk(page);
  for (const s of stops) checks.push({ kind: 'focus', what: `${screen}: ${s.label}`, ratio: ringContrast(s), need: 3 });
  return checks;
}

for (const colorScheme of ['light', 'dark']) {
  test(`contrast in the ${colorScheme} colour scheme, on every screen`, async () => {
    const checks = [];
    for (const screen of SCREENS) {
      const page = await openScreen(browser, screen, { media: { colorScheme } });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
      checks.push(...await measureAll(page, screen.name));
      assert.deepEqual(page.errors, []);
      await page.close();
    }
    const low = worst(checks);
    console.log(`${colorScheme}: ${checks.length} contrasts measured; worst: ${Object.entries(low).map(([k, c]) => `${k} ${c.ratio.toFixed(2)}:1 (${c.what})`).join('; ')}`);
    for (const kind of ['text', 'border', 'focus']) assert.ok(low[kind], `some ${kind} was measured`);
    assert.deepEqual(failures(checks), []);
  });
}

test('the check finds low contrast: faint text, a faint field border, a faint focus ring', async () => {
  const page = await openScreen(browser, SCREENS.find((s) => s.name === 'address'));
  assert.deepEqual(failures(await measureAll(page, 'address')), [], 'the page as shipped passes');
  await page.addStyleTag({ content: `
    #step-address h2 + p { color: #aaaaaa !important; }
    #address { border-color: #dddddd !important; }
    #address-next:focus-visible { outline-color: #c8d6ee !important; }
    #shared { outline: none !important; box-shadow: 0 0 0 2px #e6e6e6 !important; }` });
  const found = failures(await measureAll(page, 'address'));
  console.log(`found as expected:\n  ${found.join('\n  ')}`);
  assert.ok(found.some((f) => /^text 2\.\d\d:1 < 4\.5:1 — address: p "Type the email address/.test(f)), 'faint text');
  assert.ok(found.some((f) => /^border 1\.\d\d:1 < 3:1 — address: input#address/.test(f)), 'faint border');
  assert.ok(found.some((f) => /^focus 1\.\d\d:1 < 3:1 — address: button: Continue/.test(f)), 'faint focus ring');
  assert.ok(found.some((f) => /^focus 1\.\d\d:1 < 3:1 — address: checkbox: This is a shared/.test(f)), 'faint box-shadow ring');
});
