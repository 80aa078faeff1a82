// The page's words come from crates/core/locales/<lang>/page.ftl (ui/l10n.js):
// - every message id the page names exists, and every page- message is used (a check that can fail);
// - Spanish: on every screen <html lang="es">, each element shows its Spanish message, and no shown
//   text is still the English of a page message (screenshots es-<screen>); the same check in
//   English, light and dark, for the README's screenshots (light-<screen>, dark-<screen>);
// - the pseudo-locale (English accented, ~40 % longer, each message in [ ]): every shown text is
//   the app's words or data, so a text written in the page itself shows up; and at 1093 × 614 and
//   880 × 760 nothing is cut off and the page does not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, coreWords, launch, shot } from './harness.mjs';
import { SCREENS, openScreen } from './screens.mjs';
import { cutOff, fixtureStrings, foreignText, idProblems, localizeScript, namedIds, variables, wrongWords } from './lang.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const words = coreWords();

test('every message id the page names is in page.ftl, and every page message is used', () => {
  assert.deepEqual(idProblems(namedIds(), words.en.messages), []);
  // Spanish and the pseudo-locale have every message, with the same variables.
  for (const lang of ['es', 'qps-ploc']) {
    assert.deepEqual(Object.keys(words[lang].messages).sort(), Object.keys(words.en.messages).sort(), lang);
    for (const [id, text] of Object.entries(words.en.messages)) assert.deepEqual(variables(words[lang].messages[id]), variables(text), `${lang}: ${id}`);
  }
});

test('the id check finds an unknown id, in the page and in a script, and an unused message', () => {
  const named = namedIds('<p data-l10n="page-app-name">x</p><b data-l10n-title="page-no-such-title"></b>', [['x.js', "t('page-no-such-id')"]]);
  assert.deepEqual(idProblems(named, { 'page-app-name': 'A', 'page-nobody': 'B' }), [
    'index.html names page-no-such-title, which page.ftl does not have',
    'ui/x.js names page-no-such-id, which page.ftl does not have',
    'page-nobody is in page.ftl but nothing uses it',
  ]);
});

/** Opens `screen` in `lang` with the mock's findings and step words in that language. */
const openIn = (screen, lang, options = {}) => openScreen(browser, { ...screen, script: localizeScript(screen.script, lang) }, { lang, ...options });

test('Spanish: every screen in Spanish, nothing left in English', async () => {
  const problems = [];
  for (const screen of SCREENS) {
    const page = await openIn(screen, 'es');
    const fixture = fixtureStrings(localizeScript(screen.script, 'es'));
    problems.push(...(await page.evaluate(wrongWords, { lang: 'es', messages: words.es.messages, english: words.en.messages, fixture })).map((p) => `${screen.name}: ${p}`));
    assert.deepEqual(page.errors, [], screen.name);
    await shot(page, `es-${screen.name}`);
    await page.close();
  }
  assert.deepEqual(problems, []);
});

/** The README's screenshots: English, light and dark. */
const README = ['address', 'check-passed', 'signin-waiting', 'done', 'helpdesk'];

for (const colorScheme of ['light', 'dark']) {
  test(`English in the ${colorScheme} colour scheme (the README's screenshots)`, async () => {
    for (const screen of SCREENS.filter((s) => README.includes(s.name))) {
      const page = await openIn(screen, 'en', { media: { colorScheme } });
      // Every element shows its English message (nothing to look for in another language).
      assert.deepEqual(await page.evaluate(wrongWords, { lang: 'en', messages: words.en.messages, english: {} }), [], screen.name);
      await shot(page, `${colorScheme}-${screen.name}`);
      await page.close();
    }
  });
}

test('pseudo-locale: every shown text is the app\'s words or data, and nothing is cut off at 1093 × 614 and 880 × 760', async () => {
  const foreign = [];
  const cut = [];
  mkdirSync(SHOTS, { recursive: true });
  for (const screen of SCREENS) {
    const script = localizeScript(screen.script, 'qps-ploc');
    const page = await openIn(screen, 'qps-ploc', { viewport: { width: 1093, height: 614 } });
    foreign.push(...(await page.evaluate(foreignText, fixtureStrings(script))).map((p) => `${screen.name}: ${p}`));
    cut.push(...(await page.evaluate(cutOff)).map((p) => `${screen.name} at 1093 × 614: ${p}`));
    await page.setViewportSize({ width: 880, height: 760 });
    cut.push(...(await page.evaluate(cutOff)).map((p) => `${screen.name} at 880 × 760: ${p}`));
    // (No axe here: it does not know the pseudo-locale's language tag.)
    await page.screenshot({ path: join(SHOTS, `ui-pseudo-${screen.name}.png`), fullPage: true });
    assert.deepEqual(page.errors, [], screen.name);
    await page.close();
  }
  assert.deepEqual(foreign, [], 'text not from the app\'s messages');
  assert.deepEqual(cut, [], 'cut off');
});

test('the pseudo-locale check finds a text written in the page and a clipped button', async () => {
  const screen = SCREENS.find((s) => s.name === 'address');
  const page = await openIn(screen, 'qps-ploc');
  await page.evaluate(() => {
    document.querySelector('#address-form').append(Object.assign(document.createElement('p'), { id: 'stray', textContent: 'Hello there' }));
    Object.assign(document.querySelector('#address-next').style, { width: '3rem', whiteSpace: 'nowrap', overflow: 'hidden' });
  });
  assert.deepEqual(await page.evaluate(foreignText, fixtureStrings(localizeScript(screen.script, 'qps-ploc'))), ['p#stray: "Hello there"']);
  assert.match((await page.evaluate(cutOff)).join('\n'), /button#address-next.* clips its text/);
});
