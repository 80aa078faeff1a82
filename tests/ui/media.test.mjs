// The page under the system's accessibility settings: "reduce motion" (nothing animates or slides;
// the spinner stands still beside its words) and forced colours (Windows high contrast: the WCAG
// A/AA rules still pass, status words stay readable, the current step and the focus stay visible).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, launch, shot } from './harness.mjs';
import { measureContrast, failures } from './contrast.mjs';
import { ringContrast, tabWalk } from './keys.mjs';
import { SCREENS, openScreen } from './screens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs in the page: every element (and ::before, ::after) that animates or has a transition. */
function moving() {
  const moves = (cs) => {
    const animated = cs.animationName.split(',').some((n, i) => n.trim() !== 'none' && parseFloat(cs.animationDuration.split(',')[i] ?? cs.animationDuration) > 0);
    const transition = cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
    return animated || transition;
  };
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      if (moves(getComputedStyle(el, pseudo))) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}${pseudo || ''}`);
    }
  }
  return out;
}

const waiting = SCREENS.find((s) => s.name === 'signin-waiting');

test('reduced motion: nothing animates; the spinner stands still beside its words', async () => {
  // Without the setting the spinner turns: the check sees animations.
  const normal = await openScreen(browser, waiting, { media: { reducedMotion: 'no-preference' } });
  assert.deepEqual(await normal.evaluate(moving), ['span.spinner', 'span.spinner'], 'the sign-in\'s and the registration check\'s');
  await normal.close();
  for (const screen of SCREENS) {
    const page = await openScreen(browser, screen, { media: { reducedMotion: 'reduce' } });
    assert.deepEqual(await page.evaluate(moving), [], screen.name);
    if (screen === waiting) {
      assert.equal(await page.isVisible('#signin-waiting .spinner'), true);
      assert.match(await page.textContent('#signin-waiting-status'), /^Waiting for you to finish signing in/);
    }
    await page.close();
  }
});

test('forced colours: the WCAG rules pass, status words and the current step show, focus shows', async () => {
  for (const screen of SCREENS) {
    const page = await openScreen(browser, screen, { media: { forcedColors: 'active' } });
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    await assertAccessible(page, `forced colours: ${screen.name}`);
    // Every text readable in the system's colours, the status words among them.
    assert.deepEqual(failures(await measureContrast(page)).filter((f) => f.startsWith('text')), [], screen.name);
    const words = await page.$$eval('.state', (ws) => ws.filter((w) => w.checkVisibility()).map((w) => w.textContent));
    if (['check-failed', 'verify-failed', 'done', 'admin'].includes(screen.name)) assert.ok(words.length > 0, `${screen.name}: status words shown`);
    // The current step keeps a border where its background is gone.
    if (screen.wizard) {
      const current = await page.$eval('.stepper li.current', (li) => ({ style: getComputedStyle(li).borderTopStyle, width: parseFloat(getComputedStyle(li).borderTopWidth) }));
      assert.ok(current.style !== 'none' && current.width >= 1, `${screen.name}: the current step has a border`);
    }
    // The focus ring: an outline in the system's highlight colour (box-shadows are dropped).
    await page.evaluate(() => document.activeElement?.blur());
    const { stops } = await tabWalk(page, { max: 12 });
    for (const s of stops) assert.ok(ringContrast(s) >= 3, `${screen.name}: focus ring of ${s.label}`);
    if (['signin-wrong-account', 'admin'].includes(screen.name)) await shot(page, `forced-colours-${screen.name}`);
    await page.close();
  }
});
