// Runs the real ui/ page in headless Chromium with the app's IPC mocked: each command answers
// from a script of responses ({events: [...progress], result} or {error: finding}), so every page
// and state can be shown without the app. A response with `until: 'command'` answers only once the
// page has called that command (e.g. a sign-in that waits until `cancel_sign_in`).

import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, readdirSync, statSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join } from 'node:path';
import { REPO } from '../lib/peers.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
export const SHOTS = join(REPO, 'target/screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

function mockIpc(script) {
  const queues = script;
  window.__calls = [];
  class Channel {
    constructor() { this.onmessage = () => {}; }
  }
  const clone = (v) => JSON.parse(JSON.stringify(v ?? {}, (k, x) => (x instanceof Channel ? '[channel]' : x)));
  window.__TAURI__ = {
    core: {
      Channel,
      invoke: async (cmd, args) => {
        const called = window.__calls.push({ cmd, args: clone(args) });
        const queue = queues[cmd];
        if (!queue || queue.length === 0) throw { code: 'INTERNAL', audience: 'helpdesk', title: `no mock for ${cmd}`, explanation: '', steps: [] };
        const next = queue.length > 1 ? queue.shift() : queue[0];
        for (const ev of next.events || []) {
          await new Promise((r) => setTimeout(r, 5));
          args.onEvent.onmessage(ev);
        }
        if (next.wait) await new Promise((r) => setTimeout(r, next.wait));
        if (next.until) {
          await new Promise((r) => {
            const check = () => (window.__calls.slice(called).some((c) => c.cmd === next.until) ? r() : setTimeout(check, 10));
            check();
          });
        }
        if (next.error) throw next.error;
        return next.result;
      },
    },
  };
}

/** What the core gives the page in each language (`page_text`, step words, catalogue findings),
 * printed by the core itself (crates/core/examples/l10n_fixture.rs) and kept in target/l10n until
 * a Fluent file or the example changes. */
const FIXTURE = join(REPO, 'target/l10n/fixture.json');
export function coreWords() {
  const locales = join(REPO, 'crates/core/locales');
  const example = join(REPO, 'crates/core/examples/l10n_fixture.rs');
  const newest = Math.max(statSync(example).mtimeMs, ...readdirSync(locales).flatMap((lang) =>
    readdirSync(join(locales, lang)).map((f) => statSync(join(locales, lang, f)).mtimeMs)));
  if (!existsSync(FIXTURE) || statSync(FIXTURE).mtimeMs < newest) {
    const json = execFileSync('cargo', ['run', '-q', '-p', 'mailsetup-core', '--example', 'l10n_fixture'], { cwd: REPO, maxBuffer: 64 << 20 });
    mkdirSync(join(REPO, 'target/l10n'), { recursive: true });
    const tmp = `${FIXTURE}.${process.pid}`;
    writeFileSync(tmp, json);
    renameSync(tmp, FIXTURE);
  }
  const mtime = statSync(FIXTURE).mtimeMs;
  if (!cached || cached.mtime !== mtime) cached = { mtime, words: JSON.parse(readFileSync(FIXTURE, 'utf8')) };
  return cached.words;
}
let cached = null;

/** The language the UI tests run in: `UI_LANG` (en, es, qps-ploc), English by default. */
export const LANG = process.env.UI_LANG || 'en';

/** Opens the page with `script` as the command responses (`page_text` answers with the core's
 * words in `options.lang`, else LANG); `options.timezoneId` fixes the page's time zone (e.g.
 * 'America/New_York') for tests that show local times, `options.viewport` the window's size in
 * CSS pixels. */
export async function openPage(browser, script, options = {}) {
  const words = coreWords()[options.lang || LANG];
  script = { page_text: [{ result: { lang: words.lang, messages: words.messages } }], ...script };
  const page = await browser.newPage({ viewport: options.viewport || { width: 880, height: 760 }, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('http://app.test/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
    try {
      route.fulfill({ status: 200, contentType: TYPES[extname(path)] || 'text/plain', body: readFileSync(join(REPO, 'ui', path)) });
    } catch {
      route.fulfill({ status: 404, body: '' });
    }
  });
  await page.addInitScript(mockIpc, script);
  await page.goto('http://app.test/index.html');
  page.errors = errors;
  return page;
}

/** Replaces navigator.clipboard (not available to a plain http:// test page): what is copied
 * ends up in window.__copied. */
export async function stubClipboard(page) {
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t) => { window.__copied = t; } } });
  });
}

/** The WCAG 2.0/2.1 A and AA rules of axe-core (issue 14): every state a test screenshots is
 * also checked by them. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE = readFileSync(join(REPO, 'tests/node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core's WCAG A/AA rules on the page as it is; fails with each violation named. */
export async function assertAccessible(page, name) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  const found = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  if (found.length) throw new Error(`axe: ${found.length} WCAG A/AA violation(s) in "${name}":\n  ${found.join('\n  ')}`);
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `ui-${name}.png`), fullPage: true });
  await assertAccessible(page, name);
}

// ---------------------------------------------------------------- fixtures

export const appInfo = (extra = {}) => ({ result: { version: '0.1.0', settingsFile: '/etc/mailsetup/settings.toml', settingsProblem: null, clientConfigured: true, vaultProblem: null, ...extra } });
export const addressInfo = { result: { display: 'Ann.Lee@example.edu', normalized: 'ann.lee@example.edu', provider: 'Microsoft 365 work or school account', smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993' } };

/** A step that starts and passes, as the core sends it: its `label`, and (passed) `summary`, the
 * core's plain line for the step (`step-<name>.passed` in LANG), besides the technical `detail`
 * given in `extra`. */
export const step = (step, label, extra = {}) => [
  { event: 'stepStarted', step, label },
  { event: 'stepPassed', step, label, ms: 12, summary: coreWords()[LANG].steps[step]?.passed ?? '', ...extra },
];

export function finding(code, title, extra = {}) {
  return { code, audience: 'user', title, explanation: `Explanation of ${code}.`, steps: ['First do this.', 'Then that.'], ...extra };
}

/** The core's Action::label of each action. */
const ACTION_LABELS = { check: 'Connection check', sign_in: 'Sign-in', verify: 'Verification' };

/** An outcome as the app sends it to the page (core's OutcomeView): the outcome's fields, then
 * `actionLabel` and `findings` (the failed steps' findings in order, each code and title once). */
export function outcome(action, steps, extra = {}) {
  const failed = steps.some((s) => s.finding);
  const findings = steps.map((s) => s.finding).filter(Boolean)
    .filter((f, i, all) => all.findIndex((g) => g.code === f.code && g.title === f.title) === i);
  return { action, address: 'Ann.Lee@example.edu', passed: !failed, steps, ...extra, actionLabel: ACTION_LABELS[action], findings };
}

/** The core's sign-in choices (SignInChoices) for a Microsoft 365 mailbox, sign-in set up. */
export const m365Choices = {
  result: {
    provider: 'microsoft365', providerLabel: 'Microsoft 365 work or school account', oauth: 'Microsoft', oauthProvider: 'Microsoft',
    deviceCode: true, sharedMailbox: true, password: null, defaultMethod: 'oauth', firstScreen: 'oauth', serversKnown: true,
  },
};

/** The core's INTERNAL finding, as the `internal_finding` command returns it. */
export const internalFinding = {
  result: {
    code: 'INTERNAL', audience: 'helpdesk', title: 'Something unexpected went wrong in the app',
    explanation: 'The app ran into an error it did not expect. No sign-in details were lost.',
    steps: ['Try again.', "If it repeats, send the report to the app's maintainers."],
  },
};
