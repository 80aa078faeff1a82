// Small screens. A 1366 × 768 laptop at 125 % scaling shows 1093 × 614 CSS pixels: on every step
// of the wizard, in every state, the step's main button and its failure card (if any) are on the
// screen without scrolling. At 200 % zoom (683 × 384 CSS pixels) every screen reflows: the page
// never scrolls sideways and nothing sticks out (WCAG 2.1 1.4.10).
import { test, before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { launch, shot } from './harness.mjs';
import { SCREENS, openScreen } from './screens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LAPTOP = { width: 1093, height: 614 };
// The app window's own size (tauri.conf.json): what fits on that laptop with the Windows
// taskbar and the window's title bar (614 − about 40 − about 32 CSS pixels).
const WINDOW = { width: 880, height: 540 };
const ZOOMED = { width: 683, height: 384 };

/** Runs in the page, scrolled to the top: what of `selectors` (and of the shown failure cards)
 * is not wholly inside the window. */
function offscreen(primary) {
  window.scrollTo(0, 0);
  const step = document.querySelector('section.step:not([hidden])');
  const wanted = [...document.querySelectorAll(primary), ...[...step.querySelectorAll('.finding')].filter((c) => c.checkVisibility())];
  if (!document.querySelector(primary)?.checkVisibility()) return [`${primary} is not shown`];
  return wanted.map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
    .map(({ el, r }) => `${el.id || el.dataset.code}: ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`);
}

test('1093 × 614: each wizard step\'s main button and failure card are on the screen without scrolling', async () => {
  for (const screen of SCREENS.filter((s) => s.wizard)) {
    const page = await openScreen(browser, screen, { viewport: LAPTOP });
    assert.deepEqual(await page.evaluate(offscreen, screen.primary), [], screen.name);
    await shot(page, `small-${screen.name}`);
    await page.close();
  }
});

test('the app window (880 × 540): each wizard step\'s main button and failure card are on the screen without scrolling', async () => {
  const config = JSON.parse(readFileSync(new URL('../../tauri.conf.json', import.meta.url), 'utf8'));
  const main = config.app.windows.find((w) => w.label === 'main');
  assert.deepEqual({ width: main.width, height: main.height }, WINDOW, 'the window size this test checks');
  for (const screen of SCREENS.filter((s) => s.wizard)) {
    const page = await openScreen(browser, screen, { viewport: WINDOW });
    assert.deepEqual(await page.evaluate(offscreen, screen.primary), [], screen.name);
    await page.close();
  }
});

/** Runs in the page: sideways scrolling, and shown elements that stick out of the window. */
function sideways() {
  const out = [];
  if (document.documentElement.scrollWidth > innerWidth) out.push(`the page is ${document.documentElement.scrollWidth} px wide in ${innerWidth}`);
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > innerWidth + 0.5) out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ends at ${Math.round(r.right)}`);
  }
  return out.slice(0, 8);
}

test('683 × 384 (200 % zoom): every screen reflows, nothing scrolls sideways', async () => {
  for (const screen of SCREENS) {
    const page = await openScreen(browser, screen, { viewport: ZOOMED });
    assert.deepEqual(await page.evaluate(sideways), [], screen.name);
    if (screen.primary) {
      // The main button is still reachable by scrolling down only.
      const r = await page.$eval(screen.primary, (b) => { b.scrollIntoView({ block: 'nearest' }); const x = b.getBoundingClientRect(); return { left: x.left, right: x.right }; });
      assert.ok(r.left >= 0 && r.right <= ZOOMED.width, `${screen.name}: ${screen.primary} within the width`);
    }
    await page.close();
  }
});
