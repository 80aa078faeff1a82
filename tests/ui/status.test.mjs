// How the page tells states (WCAG 2.1 AA): each status in words, not by a glyph or a colour alone
// (1.4.1); the wizard's current step marked for screen readers (aria-current="step"); each
// failure announced once, by the live region it appears in or else by its own role=alert (4.1.3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appInfo, finding, launch, openPage, shot } from './harness.mjs';
import { SCREENS, openScreen, wizardScript } from './screens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs in the page: each shown status (progress steps, the Done page's summary, the
 * registration check's items) and whether a word says it; marks drawn before anything else. */
function statusWords() {
  const WORDS = { running: 'Working…', passed: 'Passed', failed: 'Failed', info: 'Note', not_checked: 'Not checked' };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const statuses = [];
  const missing = [];
  for (const li of document.querySelectorAll('.progress li, .check-items > li, .summary li')) {
    if (!shown(li)) continue;
    const status = Object.keys(WORDS).find((k) => li.classList.contains(k));
    if (!status) continue;
    const word = li.querySelector(':scope > .state');
    const text = li.innerText.replace(/\s+/g, ' ').trim();
    statuses.push(status);
    if (!word || !shown(word) || word.textContent !== WORDS[status] || !text.startsWith(WORDS[status])) missing.push(`${status}: "${text}"`);
  }
  for (const el of document.querySelectorAll('body *')) {
    const glyph = getComputedStyle(el, '::before').content;
    if (!/^"[✓✗ℹ–…⚠!×]"/.test(glyph) || !shown(el)) continue;
    if (!el.querySelector(':scope > .state')) missing.push(`a glyph ${glyph} without a word: ${el.outerHTML.slice(0, 80)}`);
    if (!glyph.endsWith('/ ""')) missing.push(`the glyph ${glyph} is read out besides the word`);
  }
  for (const m of document.querySelectorAll('.mark')) if (shown(m) && !m.textContent.trim()) missing.push('a status mark without words');
  return { statuses, missing };
}

test('every pass, failure, note and item not checked says so in a visible word', async () => {
  const seen = new Set();
  for (const screen of SCREENS) {
    const page = await openScreen(browser, screen);
    const { statuses, missing } = await page.evaluate(statusWords);
    assert.deepEqual(missing, [], screen.name);
    for (const s of statuses) seen.add(s);
    await page.close();
  }
  assert.deepEqual([...seen].sort(), ['failed', 'info', 'not_checked', 'passed']);
});

test('a step still running says so in words', async () => {
  const page = await openPage(browser, wizardScript({
    check_connection: [{ events: [{ event: 'stepStarted', step: 'dns', label: 'Looking up the mail servers' }], until: 'never', result: {} }],
  }));
  await page.fill('#address', 'ann.lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('#check-progress li.running');
  const { statuses, missing } = await page.evaluate(statusWords);
  assert.deepEqual({ statuses, missing }, { statuses: ['running'], missing: [] });
  assert.equal(await page.textContent('#check-progress li'), 'Working… Looking up the mail servers');
});

test('the current step, and only it, is aria-current="step" as the wizard goes on', async () => {
  const page = await openPage(browser, wizardScript());
  const current = () => page.evaluate(() => [...document.querySelectorAll('[aria-current]')].map((e) => `${e.dataset.for}=${e.getAttribute('aria-current')}`));
  const at = async (step) => assert.deepEqual(await current(), step ? [`${step}=step`] : [], `at ${step}`);
  await page.waitForSelector('body[data-loaded="true"]');
  await at('address');
  await page.fill('#address', 'ann.lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  await at('check');
  await page.click('#check-next');
  await page.waitForSelector('#step-signin:not([hidden])');
  await at('signin');
  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
  await at('verify');
  await page.click('#verify-start');
  await page.waitForSelector('body[data-verify="passed"]');
  await page.click('#verify-next');
  await page.waitForSelector('#step-done:not([hidden])');
  await at('done');
  // The helpdesk and admin pages are not steps: nothing is current there, and Back restores it.
  await page.click('#open-helpdesk');
  await page.waitForSelector('#step-helpdesk:not([hidden])');
  await at(null);
  await page.click('#helpdesk-back');
  await at('done');
  await page.click('#done-another');
  await at('address');
  assert.equal(await page.locator('.stepper li.current').getAttribute('aria-current'), 'step');
});

/** Runs in the page: each finding card shown, and how it is announced. */
function announcements() {
  const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]';
  const cards = [...document.querySelectorAll('.finding')];
  const nested = [...document.querySelectorAll('[role="alert"]')].filter((a) => a.parentElement.closest(LIVE)).map((a) => a.dataset.code || a.id);
  const ways = cards.filter((c) => c.checkVisibility()).map((c) => {
    const by = [];
    if (c.getAttribute('role') === 'alert') by.push('alert');
    const live = c.parentElement.closest(LIVE);
    if (live) by.push(`live region #${live.id || live.className}`);
    return { code: c.dataset.code, by };
  });
  return { nested, ways };
}

test('each failure is announced once: by the live region it is in, else by role=alert', async () => {
  const extra = [
    { name: 'banner', script: wizardScript({ app_info: [appInfo({ settingsProblem: finding('SETTINGS_INVALID', 'The settings file has a mistake', { audience: 'admin' }) })] }), go: (page) => page.waitForSelector('#banner .finding') },
    { name: 'forget-failed', script: wizardScript({ forget_account: [{ error: finding('VAULT_UNAVAILABLE', 'The password vault cannot be used') }] }), go: async (page) => { await SCREENS.find((s) => s.name === 'done').go(page); await page.click('#done-forget'); await page.waitForSelector('#done-message .finding'); } },
  ];
  const kinds = new Set();
  for (const screen of [...SCREENS, ...extra]) {
    const page = await openScreen(browser, screen);
    const { nested, ways } = await page.evaluate(announcements);
    assert.deepEqual(nested, [], `${screen.name}: no role=alert inside a live region`);
    for (const w of ways) {
      assert.equal(w.by.length, 1, `${screen.name}: ${w.code} is announced by exactly one way, not ${JSON.stringify(w.by)}`);
      kinds.add(w.by[0] === 'alert' ? 'alert' : 'live');
    }
    await page.close();
  }
  assert.deepEqual([...kinds].sort(), ['alert', 'live'], 'both ways are used');
});
