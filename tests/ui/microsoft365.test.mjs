// UI tests of the Microsoft 365 screens: discovery result, account confirmation, device code,
// private window, shared mailbox option, and the administrator page. Mocked IPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addressInfo, appInfo, finding, launch, m365Choices, openPage, outcome, shot, step } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const discovery = { domain: 'example.edu', found: 'microsoft365', tenantId: 't1', organization: 'Example College', cloud: 'global', mx: [], summary: 'This is a Microsoft 365 work or school account at Example College.', notes: [] };
const passedCheck = {
  events: [...step('discover', 'Finding out who provides this mailbox', { detail: discovery.summary })],
  result: outcome('check', [{ step: 'discover', status: 'passed', ms: 3 }], { discovery }),
};
const base = (extra = {}) => ({
  app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [addressInfo], check_connection: [passedCheck], sign_in_choices: [m365Choices],
  list_browsers: [{ result: [{ kind: 'edge', name: 'Microsoft Edge', path: '/x/msedge', isDefault: true }, { kind: 'firefox', name: 'Firefox', path: '/x/firefox', isDefault: false }] }],
  ...extra,
});
const signedIn = outcome('sign_in', [{ step: 'vault_store', status: 'passed', ms: 3 }], { account: { address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', signedInAs: 'ann.lee@example.edu', provider: 'microsoft365', addedAt: 1 } });

async function toSignIn(page, delegate) {
  await page.fill('#address', 'Ann.Lee@example.edu');
  if (delegate) {
    await page.check('#shared');
    await page.fill('#delegate', delegate);
  }
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  await page.click('#check-next');
  await page.waitForSelector('#step-signin:not([hidden])');
}

test('the discovery result is shown in plain words', async () => {
  const page = await openPage(browser, base());
  await page.fill('#address', 'Ann.Lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  assert.equal(await page.textContent('#discovery'), 'This is a Microsoft 365 work or school account at Example College.');
  await shot(page, '10-discovery');
});

test('a related account asks for confirmation; yes stores, no offers the picker', async () => {
  const confirm = { mailbox: 'Ann.Lee@example.edu', signedIn: 'alee@example.onmicrosoft.com', question: 'Microsoft signed in alee@example.onmicrosoft.com. Is that the right account for Ann.Lee@example.edu?' };
  const declined = finding('SIGNED_IN_AS_DIFFERENT_ACCOUNT', 'The browser signed in as alee@example.onmicrosoft.com, not Ann.Lee@example.edu');
  const page = await openPage(browser, base({
    sign_in: [{ result: { ...outcome('sign_in', [{ step: 'account_check', status: 'passed', ms: 1 }]), passed: false, confirm } }],
    confirm_sign_in: [
      { result: outcome('sign_in', [{ step: 'account_check', status: 'failed', ms: 0, finding: declined }]) },
      { result: signedIn },
    ],
  }));
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('body[data-signin="confirm"]');
  assert.match(await page.textContent('#confirm-question'), /alee@example\.onmicrosoft\.com/);
  await shot(page, '11-confirm-account');
  await page.click('#confirm-no');
  await page.waitForSelector('body[data-signin="SIGNED_IN_AS_DIFFERENT_ACCOUNT"]');
  assert.equal(await page.isVisible('#retry-pick'), true);
  await shot(page, '12-declined-pick-or-private');
  // Second time: the person accepts.
  await page.evaluate(() => { document.body.dataset.signin = ''; });
  const calls = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'confirm_sign_in').map((c) => c.args.accept));
  assert.deepEqual(calls, [false]);
});

test('yes on the confirmation goes on to the mail check', async () => {
  const confirm = { mailbox: 'Ann.Lee@example.edu', signedIn: 'alee@example.edu', question: 'Is that the right account?' };
  const page = await openPage(browser, base({
    sign_in: [{ result: { ...outcome('sign_in', []), passed: false, confirm } }],
    confirm_sign_in: [{ result: signedIn }],
  }));
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('body[data-signin="confirm"]');
  await page.click('#confirm-yes');
  await page.waitForSelector('#step-verify:not([hidden])');
  const accept = await page.evaluate(() => window.__calls.find((c) => c.cmd === 'confirm_sign_in').args.accept);
  assert.equal(accept, true);
});

test('retry choices call the account picker and the private window', async () => {
  const wrong = finding('SIGNED_IN_AS_ADMIN', 'An administrator account signed in instead of Ann.Lee@example.edu');
  const page = await openPage(browser, base({
    sign_in: [
      { result: outcome('sign_in', [{ step: 'account_check', status: 'failed', ms: 1, finding: wrong }]) },
      { result: outcome('sign_in', [{ step: 'account_check', status: 'failed', ms: 1, finding: wrong }]) },
      { events: [{ event: 'waitingForBrowser', startUrl: 'http://localhost:5555/mailsetup-start', private: true, timeoutSecs: 300 }], wait: 300, result: signedIn },
    ],
  }));
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('body[data-signin="SIGNED_IN_AS_ADMIN"]');
  await page.click('#retry-pick');
  await page.waitForSelector('body[data-signin="SIGNED_IN_AS_ADMIN"]');
  await page.selectOption('#private-browser', 'firefox');
  await page.click('#retry-private');
  await page.waitForSelector('body[data-waiting="private"]');
  assert.equal(await page.textContent('#start-url'), 'http://localhost:5555/mailsetup-start');
  await shot(page, '13-private-window-waiting');
  await page.waitForSelector('#step-verify:not([hidden])');
  const requests = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'sign_in').map((c) => c.args.request));
  assert.deepEqual(requests, [
    { signInAs: null },
    { pickAccount: true, signInAs: null },
    { private: true, browser: 'firefox', signInAs: null },
  ]);
});

test('the device code screen shows the code large with copy buttons', async () => {
  const prompt = { userCode: 'AB12CD34', verificationUri: 'https://microsoft.com/devicelogin', expiresInSecs: 900 };
  const page = await openPage(browser, base({
    sign_in: [{ events: [...step('device_code', 'Getting a sign-in code'), { event: 'deviceCode', prompt }], wait: 600, result: signedIn }],
  }));
  await toSignIn(page);
  await page.click('#signin-device');
  await page.waitForSelector('body[data-device="shown"]');
  assert.equal(await page.textContent('#device-code'), 'AB12CD34');
  assert.equal(await page.textContent('#device-url'), 'https://microsoft.com/devicelogin');
  const size = await page.$eval('#device-code', (e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 28, `the code is large (${size}px)`);
  await shot(page, '14-device-code');
  await page.waitForSelector('#step-verify:not([hidden])');
  const request = await page.evaluate(() => window.__calls.find((c) => c.cmd === 'sign_in').args.request);
  assert.deepEqual(request, { deviceCode: true, signInAs: null });
});

test('the shared mailbox option signs in as the delegate', async () => {
  const page = await openPage(browser, base({
    parse_address: [addressInfo, { result: { ...addressInfo.result, display: 'me@example.edu', normalized: 'me@example.edu' } }],
    sign_in: [{ result: signedIn }],
  }));
  assert.equal(await page.isVisible('#delegate'), false);
  await page.check('#shared');
  await page.fill('#address', 'Ann.Lee@example.edu');
  await page.fill('#delegate', 'me@example.edu');
  await shot(page, '15-shared-mailbox');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  await page.click('#check-next');
  assert.match(await page.textContent('#step-signin'), /Sign in as me@example\.edu/);
  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
  const request = await page.evaluate(() => window.__calls.find((c) => c.cmd === 'sign_in').args.request);
  assert.deepEqual(request, { signInAs: 'me@example.edu' });
});

test('the administrator page shows the provisioning and stores a client secret', async () => {
  const policy = 'IT policy for this computer (Group Policy or Intune), HKLM\\SOFTWARE\\Policies\\mailsetup\\microsoft';
  const settings = [
    { key: 'microsoft.client_id', label: 'Application (client) ID', value: '11111111-2222-3333-4444-555555555555', origin: { kind: 'policy', place: 'HKLM\\SOFTWARE\\Policies\\mailsetup\\microsoft' }, from: policy, itManaged: true },
    { key: 'microsoft.tenant', label: 'Tenant', value: 'contoso.onmicrosoft.com', origin: { kind: 'userFile', place: '/home/ann/.config/mailsetup/settings.toml' }, from: "this user's settings file, /home/ann/.config/mailsetup/settings.toml", itManaged: false },
    { key: 'google.client_id', label: 'Google OAuth client ID', value: null, origin: { kind: 'default' }, from: 'not set', itManaged: false },
  ];
  const prov = { settingsFile: '/etc/mailsetup/settings.toml', cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555', clientType: 'confidential', redirect: 'http://localhost', clientSecretStored: false, smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993', settings };
  const page = await openPage(browser, base({
    provisioning: [{ result: prov }],
    set_client_secret: [{ result: { ...prov, clientSecretStored: true } }],
  }));
  await page.click('#open-admin');
  await page.waitForSelector('#step-admin:not([hidden])');
  assert.equal(await page.textContent('dd[data-key="tenant"]'), 'contoso.onmicrosoft.com');
  assert.match(await page.textContent('dd[data-key="clientType"]'), /no client secret stored yet/);
  // Where each value comes from, in the core's words; what IT manages is marked.
  assert.equal(await page.textContent('#admin-origins tr[data-key="microsoft.client_id"] td.from'), policy);
  assert.equal(await page.getAttribute('#admin-origins tr[data-key="microsoft.client_id"]', 'class'), 'it-managed');
  assert.equal(await page.getAttribute('#admin-origins tr[data-key="microsoft.tenant"]', 'data-origin'), 'userFile');
  assert.equal(await page.textContent('#admin-origins tr[data-key="google.client_id"] td.value'), 'not set');
  await shot(page, '16-admin');
  await page.fill('#client-secret', 'the-secret-value');
  await page.click('#secret-save');
  await page.waitForSelector('body[data-secret="stored"]');
  assert.equal(await page.inputValue('#client-secret'), '', 'the field is cleared');
  assert.match(await page.textContent('dd[data-key="clientType"]'), /client secret stored in the vault/);
  assert.ok(!(await page.content()).includes('the-secret-value'), 'the secret is never shown');
  await page.click('#admin-back');
  await page.waitForSelector('#step-address:not([hidden])');
});

test('findings show the administrator part separately', async () => {
  const f = finding('INTERACTIVE_REQUIRED', 'Please sign in again', { forAdmin: { explanation: 'Grant consent once for everyone.', steps: ['Open https://login/adminconsent'] } });
  const page = await openPage(browser, base({ sign_in: [{ result: outcome('sign_in', [{ step: 'code_exchange', status: 'failed', ms: 1, finding: f }]) }] }));
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('.finding .for-admin');
  assert.match(await page.textContent('.finding .for-admin'), /For your IT administrator.*Grant consent once/s);
});
