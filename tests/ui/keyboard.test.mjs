// The whole wizard, the helpdesk page and the administrator page with the keyboard alone (WCAG 2.1
// 2.1.1, 2.1.2, 2.4.3, 2.4.7): Tab, Shift+Tab, Enter, Space and the arrow keys, no mouse. On each
// screen Tab reaches every control, in reading order (the names in tab order are compared with
// the list below), each shown and with a focus ring of 3:1; Shift+Tab goes back the same way (no
// trap); after a screen changes, the focus is on its heading.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { finding, launch, openPage, outcome } from './harness.mjs';
import { forget, outOfOrder, ringContrast, tabTo, tabWalk, unreached } from './keys.mjs';
import { adminScript, helpdeskScript, signedIn, wizardScript, wrongAccountSignIn } from './screens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FOOTER = ['button: Helpdesk', 'button: Paste an error', 'button: Administrator settings'];
const PASTE = "textbox: Paste the text of an error here: a message from a mail program (Outlook, Thunderbird, a copier or scanner), a mail server's reply, or the text of a sign-in error page.";

/** The tab order of each screen: role and accessible name, in reading order (PRINT_ORDER=1 prints
 * what the page has, to compare). */
const ORDER = {
  address: [
    'textbox: Email address',
    'checkbox: This is a shared or department mailbox that I open with my own account',
    'button: Continue',
    ...FOOTER,
  ],
  'address-shared': [
    'textbox: Email address',
    'checkbox: This is a shared or department mailbox that I open with my own account',
    'textbox: Your own account (you sign in as)',
    'button: Continue',
    ...FOOTER,
  ],
  check: [
    // each passed step's technical facts, folded
    'summary: Details',
    'summary: Details',
    'button: Back',
    'button: Continue',
    ...FOOTER,
  ],
  signin: [
    'button: Is this a shared or department mailbox you open with your own account?',
    'button: Back',
    'button: No browser here? Use a code',
    'button: Use a private window',
    'button: Sign in with Microsoft',
    ...FOOTER,
  ],
  // While the app waits for the browser, the panel holds every choice; the step's buttons are
  // hidden (not shown twice, disabled).
  'signin-waiting': [
    'button: Is this a shared or department mailbox you open with your own account?',
    'summary: No window? Show the sign-in link',
    'button: Open the sign-in again',
    'button: No browser here? Use a code instead',
    'button: Cancel',
    ...FOOTER,
  ],
  'signin-device': [
    'button: Is this a shared or department mailbox you open with your own account?',
    'button: Copy',
    'button: Copy',
    'button: Cancel',
    ...FOOTER,
  ],
  'signin-cancelled': [
    'button: Is this a shared or department mailbox you open with your own account?',
    'button: Back',
    'button: No browser here? Use a code',
    'button: Use a private window',
    'button: Try again',
    ...FOOTER,
  ],
  // After the wrong account: the two ways forward next to the finding, each once; no plain "Try
  // again", which would sign in the same account.
  'signin-wrong-account': [
    'button: Is this a shared or department mailbox you open with your own account?',
    'button: Try again and pick the account',
    'button: Use a private window',
    'button: Back',
    'button: No browser here? Use a code',
    ...FOOTER,
  ],
  verify: [
    'checkbox: Send a test message to Ann.Lee@example.edu and look for it in the inbox',
    'button: Back',
    'button: Run the check',
    ...FOOTER,
  ],
  'verify-passed': [
    'checkbox: Send a test message to Ann.Lee@example.edu and look for it in the inbox',
    'summary: Details',
    'button: Back',
    'button: Continue',
    ...FOOTER,
  ],
  done: [
    'summary: Details',
    'button: Forget this mailbox on this computer',
    'button: Helpdesk report',
    'button: Set up another mailbox',
    ...FOOTER,
  ],
  helpdesk: [
    'button: Run full check of Ann.Lee@example.edu',
    'button: Show report of Ann.Lee@example.edu',
    'button: Run full check of Admissions@example.edu',
    'button: Show report of Admissions@example.edu',
    'button: Renew sign-ins daily',
    'button: Stop the daily renewal',
    'summary: Programs that only know a password (local relay)',
    PASTE,
    'button: Explain',
    'button: Back',
    ...FOOTER,
  ],
  'helpdesk-open': [
    'button: Run full check of Ann.Lee@example.edu',
    'button: Show report of Ann.Lee@example.edu',
    'button: Run full check of Admissions@example.edu',
    'button: Show report of Admissions@example.edu',
    'pre: The report as text',
    'button: Save as JSON',
    'button: Copy report',
    'button: Save report',
    'button: Renew sign-ins daily',
    'button: Stop the daily renewal',
    'summary: Programs that only know a password (local relay)',
    'checkbox: Run the relay while the app is open',
    'combobox: Mailbox',
    'textbox: Program name',
    'button: Add program',
    PASTE,
    'button: Explain',
    'summary: Details for the helpdesk',
    'summary: Details for the helpdesk',
    'button: Back',
    ...FOOTER,
  ],
  admin: [
    'textbox: Your administrator account (optional)',
    'button: Check the app registration',
    'button: Back to the wizard',
    ...FOOTER,
  ],
  'admin-checked': [
    'textbox: Your administrator account (optional)',
    'button: Check the app registration',
    'button: Back to the wizard',
    ...FOOTER,
  ],
};

const focusedIs = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a.id || `${a.tagName.toLowerCase()}${a.closest('section') ? ` in #${a.closest('section').id}` : ''}`;
});

/** Tab once round the screen, then Shift+Tab once round; returns the names in tab order. */
async function walk(page, name) {
  await page.evaluate(forget);
  const { stops, round } = await tabWalk(page);
  assert.ok(round, `${name}: Tab comes back round (no trap)`);
  for (const s of stops) {
    assert.ok(s.visible && s.inViewport, `${name}: ${s.label} is shown when it has the focus`);
    const ring = ringContrast(s);
    assert.ok(ring >= 3, `${name}: the focus ring of ${s.label} shows (${ring.toFixed(2)}:1)`);
  }
  assert.deepEqual(await page.evaluate(unreached), [], `${name}: Tab reaches every control`);
  assert.deepEqual(await page.evaluate(outOfOrder, stops.map((s) => s.key)), [], `${name}: in reading order`);
  const back = await tabWalk(page, { key: 'Shift+Tab' });
  assert.ok(back.round, `${name}: Shift+Tab comes back round (no trap)`);
  assert.deepEqual(back.stops.map((s) => s.label), stops.map((s) => s.label).reverse(), `${name}: Shift+Tab goes back the same way`);
  const names = stops.map((s) => s.label);
  if (process.env.PRINT_ORDER) console.log(`${name}: ${JSON.stringify(names, null, 2)}`);
  else assert.deepEqual(names, ORDER[name], `${name}: tab order`);
  return names;
}

async function onHeading(page, section) {
  await page.waitForSelector(`#${section}:not([hidden])`);
  assert.ok(await page.evaluate((s) => document.activeElement === document.querySelector(`#${s} h2`), section), `the focus is on the heading of #${section}, not ${await focusedIs(page)}`);
}

test('the wizard, address to Done, with the keyboard only', async () => {
  const page = await openPage(browser, wizardScript());
  await page.waitForSelector('body[data-loaded="true"]');
  await onHeading(page, 'step-address');
  await walk(page, 'address');
  await tabTo(page, '#address');
  await page.keyboard.type('Ann.Lee@example.edu');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('#shared'), true, 'Space ticks the box');
  await walk(page, 'address-shared');
  await tabTo(page, '#shared');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('#shared'), false);
  await tabTo(page, '#address', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-check="passed"]');
  await onHeading(page, 'step-check');
  await walk(page, 'check');
  await tabTo(page, '#check-next');
  await page.keyboard.press('Enter');
  await onHeading(page, 'step-signin');
  await walk(page, 'signin');
  await tabTo(page, '#signin-start');
  await page.keyboard.press('Space');
  await onHeading(page, 'step-verify');
  await walk(page, 'verify');
  await tabTo(page, '#verify-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-verify="passed"]');
  assert.equal(await focusedIs(page), 'verify-next', 'the focus moves on to Continue');
  await walk(page, 'verify-passed');
  await tabTo(page, '#verify-next');
  await page.keyboard.press('Enter');
  await onHeading(page, 'step-done');
  await walk(page, 'done');
  await tabTo(page, '#done-another', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await onHeading(page, 'step-address');
  assert.deepEqual(page.errors, []);
});

/** From the start to the sign-in step with the keyboard: the address, Enter, then Continue. */
async function toSignInByKeys(page) {
  await page.waitForSelector('body[data-loaded="true"]');
  await tabTo(page, '#address');
  await page.keyboard.type('Ann.Lee@example.edu');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-check="passed"]');
  await tabTo(page, '#check-next');
  await page.keyboard.press('Enter');
  await onHeading(page, 'step-signin');
}

test('the sign-in while waiting for the browser, cancelled, and after the wrong account, with the keyboard only', async () => {
  const waiting = { event: 'waitingForBrowser', startUrl: 'http://localhost:53300/mailsetup-start/x', timeoutSecs: 300, opened: true, deviceCode: true };
  const cancelled = finding('SIGNIN_CANCELLED', 'The sign-in was cancelled');
  const page = await openPage(browser, wizardScript({
    sign_in: [
      { events: [waiting], until: 'cancel_sign_in', result: outcome('sign_in', [{ step: 'browser_sign_in', status: 'failed', ms: 1, finding: cancelled }]) },
      { events: [waiting], until: 'cancel_sign_in', result: outcome('sign_in', [{ step: 'browser_sign_in', status: 'failed', ms: 1, finding: cancelled }]) },
      wrongAccountSignIn,
      signedIn,
    ],
    cancel_sign_in: [{ result: true }],
  }));
  await toSignInByKeys(page);
  await tabTo(page, '#signin-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#signin-waiting:not([hidden])');
  assert.equal(await focusedIs(page), 'signin-waiting', 'the focus moves into the waiting panel');
  await walk(page, 'signin-waiting');
  // "Open the sign-in again": a new sign-in, and the focus in the new waiting panel.
  await tabTo(page, '#signin-restart');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__calls.filter((c) => c.cmd === 'sign_in').length === 2);
  await page.waitForSelector('#signin-waiting:not([hidden])');
  assert.equal(await focusedIs(page), 'signin-waiting', 'the focus is in the new waiting panel');
  await tabTo(page, '#signin-cancel');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-signin="SIGNIN_CANCELLED"]');
  assert.ok(await page.evaluate(() => document.activeElement === document.querySelector('#signin-heading')), `the focus is on the step's heading, not ${await focusedIs(page)}`);
  await walk(page, 'signin-cancelled');
  await tabTo(page, '#signin-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-signin="SIGNED_IN_AS_DIFFERENT_ACCOUNT"]');
  await walk(page, 'signin-wrong-account');
  await tabTo(page, '#retry-pick');
  await page.keyboard.press('Space');
  await onHeading(page, 'step-verify');
  const requests = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'sign_in').map((c) => c.args.request.pickAccount ?? false));
  assert.deepEqual(requests, [false, false, false, true], 'the last sign-in asks for the account picker');
  assert.deepEqual(page.errors, []);
});

test('the sign-in with a code, and its Cancel, with the keyboard only', async () => {
  const prompt = { userCode: 'AB12CD34', verificationUri: 'https://microsoft.com/devicelogin', expiresInSecs: 900 };
  const cancelled = finding('SIGNIN_CANCELLED', 'The sign-in was cancelled');
  const page = await openPage(browser, wizardScript({
    sign_in: [{ events: [{ event: 'deviceCode', prompt }], until: 'cancel_sign_in', result: outcome('sign_in', [{ step: 'device_sign_in', status: 'failed', ms: 1, finding: cancelled }]) }],
    cancel_sign_in: [{ result: true }],
  }));
  await toSignInByKeys(page);
  await tabTo(page, '#signin-device');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-device="shown"]');
  assert.equal(await focusedIs(page), 'device', 'the focus moves into the code panel');
  await walk(page, 'signin-device');
  await tabTo(page, '#device-cancel');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-signin="SIGNIN_CANCELLED"]');
  assert.ok(await page.evaluate(() => document.activeElement === document.querySelector('#signin-heading')), `the focus is on the step's heading, not ${await focusedIs(page)}`);
  assert.deepEqual(page.errors, []);
});

test('the helpdesk page with the keyboard only', async () => {
  const page = await openPage(browser, helpdeskScript());
  await page.waitForSelector('body[data-loaded="true"]');
  await tabTo(page, '#open-helpdesk');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-helpdesk="listed"]');
  await onHeading(page, 'step-helpdesk');
  await walk(page, 'helpdesk');
  await tabTo(page, 'li.mailbox[data-mailbox="ann.lee@example.edu"] button.show-report');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-report="shown"]');
  await tabTo(page, '#relay > summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#relay-switch:visible');
  // A choice in a list with the arrow keys.
  await tabTo(page, '#relay-mailbox');
  assert.equal(await page.inputValue('#relay-mailbox'), 'ann.lee@example.edu');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#relay-mailbox'), 'admissions@example.edu');
  await tabTo(page, '#paste-text');
  await page.keyboard.type('535 5.7.139 Authentication unsuccessful');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-explain="done"]');
  await walk(page, 'helpdesk-open');
  await tabTo(page, '#helpdesk-back');
  await page.keyboard.press('Enter');
  await onHeading(page, 'step-address');
  assert.deepEqual(page.errors, []);
});

test('the administrator page with the keyboard only', async () => {
  const page = await openPage(browser, adminScript());
  await page.waitForSelector('body[data-loaded="true"]');
  await tabTo(page, '#open-admin');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#admin-provisioning dt');
  await onHeading(page, 'step-admin');
  await walk(page, 'admin');
  await tabTo(page, '#regcheck-admin');
  await page.keyboard.type('admin@example.edu');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-regcheck="failed"]');
  await walk(page, 'admin-checked');
  await tabTo(page, '#admin-back');
  await page.keyboard.press('Enter');
  await onHeading(page, 'step-address');
  assert.deepEqual(page.errors, []);
});
