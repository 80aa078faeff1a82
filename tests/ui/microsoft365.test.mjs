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
  // Folded: the person reads their own part first.
  assert.equal(await page.evaluate(() => document.querySelector('.finding .for-admin').open), false);
  assert.equal(await page.isVisible('.finding .for-admin summary'), true);
  assert.equal(await page.isVisible('text=Grant consent once for everyone.'), false);
  await page.click('.finding .for-admin summary');
  assert.equal(await page.isVisible('text=Grant consent once for everyone.'), true);
});

// The core's RegistrationReport, as `check_registration` returns it: the page shows each item by
// its status, with the core's words and findings, and decides nothing.
const regItem = (id, label, status, detail, finding) => ({ id, label, status, detail, ...(finding ? { finding } : {}) });
const registrationReport = {
  passed: false,
  summary: '2 of 7 items need attention.',
  clientId: '11111111-2222-3333-4444-555555555555',
  tenantId: '5f0a7c4e-1b2d-4c3e-9f10-1234567890ab',
  signedIn: 'admin@contoso.com',
  appName: 'Mail Setup Assistant',
  items: [
    regItem('registration', 'The app exists in your organisation', 'passed', 'Found: "Mail Setup Assistant" (11111111-2222-3333-4444-555555555555), registered in your organisation.'),
    regItem('enabled', 'The app is enabled', 'passed', 'Enabled: people can sign in with it.'),
    regItem('public_client', 'It is a public client (a desktop app)', 'failed', 'The registration is not set up for a desktop app',
      finding('REGISTRATION_NOT_PUBLIC_CLIENT', 'The registration is not set up for a desktop app', { audience: 'admin', steps: ['Open the Microsoft Entra admin center …', 'Authentication → Add a platform → Mobile and desktop applications'] })),
    regItem('redirect', "The app's redirect URI is registered", 'failed', 'The redirect URI http://localhost is registered under the wrong platform',
      finding('REGISTRATION_REDIRECT_WRONG_PLATFORM', 'The redirect URI http://localhost is registered under the wrong platform', { audience: 'admin' })),
    regItem('permissions', 'It asks for the permissions the app needs', 'passed', 'Asks for SMTP.Send, IMAP.AccessAsUser.All, offline_access, openid, profile, email (delegated).'),
    regItem('consent', 'An administrator consented to them', 'passed', 'An administrator consented to all of them for the whole organisation.'),
    regItem('unneeded', 'It has no permissions the app does not need', 'not_checked', 'Not checked here: the registration belongs to another organisation.'),
  ],
  steps: [],
};

test('the administrator page checks the app registration and lists every item with its fix', async () => {
  const prov = { settingsFile: '/etc/mailsetup/settings.toml', cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555', clientType: 'public', redirect: 'http://localhost', clientSecretStored: false, smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993' };
  const page = await openPage(browser, base({
    provisioning: [{ result: prov }],
    check_registration: [{
      events: [
        ...step('loopback', 'Preparing the sign-in', { detail: 'listening on http://localhost:53100/' }),
        { event: 'waitingForBrowser', startUrl: 'http://localhost:53100/mailsetup-start/AbC', private: false, timeoutSecs: 300, opened: true, deviceCode: false },
        ...step('browser_sign_in', 'Waiting for you to sign in in the browser'),
        ...step('read_registration', 'Reading the app registration from Microsoft Graph', { detail: 'registration found; 1 consent grant, 0 application permissions granted' }),
      ],
      wait: 50,
      result: registrationReport,
    }],
  }));
  await page.click('#open-admin');
  await page.waitForSelector('#step-admin:not([hidden])');
  await page.fill('#regcheck-admin', 'admin@contoso.com');
  await page.click('#regcheck-start');
  await page.waitForSelector('body[data-regcheck="failed"]');
  const call = await page.evaluate(() => window.__calls.find((c) => c.cmd === 'check_registration').args);
  assert.equal(call.admin, 'admin@contoso.com');
  assert.equal(await page.textContent('#regcheck-summary'), '2 of 7 items need attention.');
  const rows = await page.$$eval('#regcheck-items > li', (lis) => lis.map((li) => [li.dataset.item, li.className, li.querySelector('.label').textContent]));
  assert.deepEqual(rows.map(([id, status]) => [id, status]), [
    ['registration', 'passed'], ['enabled', 'passed'], ['public_client', 'failed'], ['redirect', 'failed'],
    ['permissions', 'passed'], ['consent', 'passed'], ['unneeded', 'not_checked'],
  ]);
  assert.equal(rows[2][2], 'It is a public client (a desktop app)');
  // A failed item carries the core's finding, with its fix steps; a passed one none.
  assert.equal(await page.getAttribute('li[data-item="public_client"] .finding', 'data-code'), 'REGISTRATION_NOT_PUBLIC_CLIENT');
  assert.match(await page.textContent('li[data-item="public_client"] .finding ol.fix'), /Mobile and desktop applications/);
  assert.equal(await page.$('li[data-item="registration"] .finding'), null);
  assert.match(await page.textContent('li[data-item="unneeded"] .detail'), /belongs to another organisation/);
  assert.ok(await page.isVisible('#regcheck-progress li.passed[data-step="read_registration"]'));
  assert.ok(await page.isHidden('#regcheck-waiting'), 'the wait is over');
  await shot(page, '16b-admin-registration-check');
  assert.deepEqual(page.errors, []);
});

test('a registration check that could not run shows why, and the wait can be cancelled', async () => {
  const prov = { settingsFile: null, cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'organizations', clientId: '11111111-2222-3333-4444-555555555555', clientType: 'public', redirect: 'http://localhost', clientSecretStored: false, smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993' };
  const forbidden = finding('REGISTRATION_CHECK_FORBIDDEN', 'teacher@contoso.com may not read the app registrations', { audience: 'admin' });
  const cancelled = finding('SIGNIN_CANCELLED', 'The sign-in was cancelled', { audience: 'user' });
  const page = await openPage(browser, base({
    provisioning: [{ result: prov }],
    cancel_sign_in: [{ result: true }],
    check_registration: [
      { result: { passed: false, summary: 'The check could not be completed: teacher@contoso.com may not read the app registrations', clientId: prov.clientId, items: [], finding: forbidden, steps: [] } },
      {
        events: [{ event: 'waitingForBrowser', startUrl: 'http://localhost:53101/mailsetup-start/XyZ', private: false, timeoutSecs: 300, opened: true, deviceCode: false }],
        until: 'cancel_sign_in',
        result: { passed: false, summary: 'The check could not be completed: The sign-in was cancelled', clientId: prov.clientId, items: [], finding: cancelled, steps: [] },
      },
    ],
  }));
  await page.click('#open-admin');
  await page.waitForSelector('#step-admin:not([hidden])');
  await page.click('#regcheck-start');
  await page.waitForSelector('body[data-regcheck="failed"]');
  assert.equal(await page.getAttribute('#regcheck-findings .finding', 'data-code'), 'REGISTRATION_CHECK_FORBIDDEN');
  assert.equal(await page.$$eval('#regcheck-items > li', (l) => l.length), 0);
  const call = await page.evaluate(() => window.__calls.find((c) => c.cmd === 'check_registration').args);
  assert.equal(call.admin, null, 'no account typed: Microsoft shows the account picker');
  // The second check waits for the browser: its link is shown, and Cancel ends it.
  await page.click('#regcheck-start');
  await page.waitForSelector('#regcheck-waiting:not([hidden])');
  assert.equal(await page.textContent('#regcheck-start-url'), 'http://localhost:53101/mailsetup-start/XyZ');
  await page.click('#regcheck-cancel');
  await page.waitForSelector('#regcheck-findings .finding[data-code="SIGNIN_CANCELLED"]');
  assert.ok(await page.isHidden('#regcheck-waiting'));
  assert.deepEqual(page.errors, []);
});
