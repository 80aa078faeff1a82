// UI test of the sign-in when no browser could be opened (field case N11): the link with a Copy
// button, the core's finding, "waiting" announced, and "use a code instead" when the core offers
// it — which ends the waiting sign-in and starts the one with a code. Mocked IPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addressInfo, appInfo, finding, launch, m365Choices, openPage, outcome, shot, step, stubClipboard } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LINK = 'http://localhost:53211/mailsetup-start/x1Kq3vTnQ0aZ-9hUe2mB5w';
const passedCheck = {
  events: [...step('discover', 'Finding out who provides this mailbox')],
  result: outcome('check', [{ step: 'discover', status: 'passed', ms: 3 }]),
};
const base = (extra = {}) => ({
  app_info: [appInfo()], list_accounts: [{ result: [] }], list_browsers: [{ result: [] }], parse_address: [addressInfo],
  check_connection: [passedCheck], sign_in_choices: [m365Choices], cancel_sign_in: [{ result: true }], ...extra,
});
const notOpened = finding('BROWSER_OPEN_FAILED', 'The web browser could not be opened', {
  explanation: 'The app tried to open your web browser for the sign-in, but no browser started (no web browser is set up on this computer). The sign-in is still waiting: you can open the sign-in page yourself.',
  steps: [`Open a web browser on this computer, copy this address into it and press Enter: ${LINK} (it works once, while the app is waiting).`, 'Sign in there as Ann.Lee@example.edu. The app continues by itself.'],
});
const waiting = (deviceCode) => [
  ...step('loopback', 'Preparing the sign-in'),
  { event: 'stepStarted', step: 'open_browser', label: 'Opening the web browser' },
  { event: 'stepNoted', step: 'open_browser', label: 'Opening the web browser', ms: 4, detail: 'not opened (no web browser is set up on this computer): the link is shown to open by hand' },
  { event: 'waitingForBrowser', startUrl: LINK, private: false, timeoutSecs: 300, opened: false, finding: notOpened, deviceCode },
];
const cancelled = outcome('sign_in', [{ step: 'browser_sign_in', status: 'failed', ms: 1, finding: finding('SIGNIN_CANCELLED', 'The sign-in was cancelled') }]);
const signedIn = outcome('sign_in', [{ step: 'device_sign_in', status: 'passed', ms: 3 }], { account: { address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', signedInAs: 'ann.lee@example.edu', provider: 'microsoft365', addedAt: 1 } });
const prompt = { userCode: 'AB12CD34', verificationUri: 'https://microsoft.com/devicelogin', expiresInSecs: 900 };

async function toSignIn(page) {
  await page.fill('#address', 'Ann.Lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  await page.click('#check-next');
  await page.waitForSelector('#step-signin:not([hidden])');
}

test('no browser: the link with Copy, the reason, waiting announced, and a code instead', async () => {
  const page = await openPage(browser, base({
    sign_in: [
      { events: waiting(true), until: 'cancel_sign_in', result: cancelled },
      { events: [...step('device_code', 'Getting a sign-in code'), { event: 'deviceCode', prompt }], until: 'verify', result: signedIn },
    ],
  }));
  await stubClipboard(page);
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('body[data-browser-opened="no"]');
  assert.equal(await page.textContent('#start-url'), LINK);
  assert.equal(await page.textContent('#signin-waiting-finding [data-code="BROWSER_OPEN_FAILED"] h3'), 'The web browser could not be opened');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-start-url', 'the focus is on Copy');
  assert.equal(await page.textContent('#copy-start-url'), 'Copy the link');
  await page.waitForFunction(() => document.querySelector('#signin-waiting-status').textContent.startsWith('Waiting for you'));
  assert.equal(await page.getAttribute('#signin-waiting-status', 'role'), 'status');
  assert.equal(await page.isVisible('#signin-use-code'), true);
  await page.click('#copy-start-url');
  assert.equal(await page.evaluate(() => window.__copied), LINK);
  await shot(page, '20-no-browser-link');

  await page.click('#signin-use-code');
  await page.waitForSelector('body[data-device="shown"]');
  assert.equal(await page.textContent('#device-code'), 'AB12CD34');
  assert.equal(await page.isVisible('#signin-waiting'), false);
  assert.equal(await page.$$eval('#signin-findings .finding', (n) => n.length), 0, 'the ended browser sign-in is not shown as a failure');
  const calls = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'sign_in' || c.cmd === 'cancel_sign_in').map((c) => [c.cmd, c.args.request ?? null]));
  assert.deepEqual(calls, [
    ['sign_in', { signInAs: null }],
    ['cancel_sign_in', null],
    ['sign_in', { deviceCode: true, signInAs: null }],
  ]);
  assert.deepEqual(page.errors, []);
});

test('no browser and the organisation blocks the code: the link only', async () => {
  const page = await openPage(browser, base({
    sign_in: [{ events: waiting(false), until: 'cancel_sign_in', result: cancelled }],
  }));
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('body[data-browser-opened="no"]');
  assert.equal(await page.isVisible('#start-url'), true);
  assert.equal(await page.isVisible('#signin-use-code'), false);
  await page.click('#signin-cancel');
  await page.waitForSelector('body[data-signin="SIGNIN_CANCELLED"]');
  assert.deepEqual(page.errors, []);
});
