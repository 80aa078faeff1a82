// UI tests of the sign-in step for every kind of mailbox: Gmail with an App Password,
// Google sign-in, personal Microsoft accounts, other providers with found or typed-in servers,
// and the Google settings on the administrator page. Mocked IPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appInfo, finding, launch, m365Choices, openPage, outcome, shot, step, stubClipboard } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const calls = (page, cmd) => page.evaluate((c) => window.__calls.filter((x) => x.cmd === c).map((x) => x.args), cmd);
const visible = (page, sel) => page.isVisible(sel);

// ---------------------------------------------------------------- fixtures

const info = (display, provider, smtp, imap) => ({ result: { display, normalized: display.toLowerCase(), provider, smtp, imap } });
const GMAIL = 'ann.lee@gmail.com';
const gmailInfo = info(GMAIL, 'Gmail or Google Workspace account', 'smtp.gmail.com:587', 'imap.gmail.com:993');

const passedCheck = (address, summary = 'This is a Gmail or Google Workspace mailbox.') => ({
  events: [...step('discover', 'Finding out who provides this mailbox', { detail: summary }), ...step('imap_connect', 'Connecting securely to the mailbox server')],
  result: { ...outcome('check', [{ step: 'discover', status: 'passed', ms: 3 }, { step: 'imap_connect', status: 'passed', ms: 30 }]), address },
});

const googleNotConfigured = finding('GOOGLE_SIGN_IN_NOT_CONFIGURED', '"Sign in with Google" is not set up for this app', {
  audience: 'admin',
  explanation: 'To sign in with Google, the app needs an OAuth client of your organisation. None is configured; Gmail and Google Workspace mailboxes can still use an App Password.',
  steps: ['In the Google Cloud console (APIs & Services → Credentials), create an OAuth client ID of type "Desktop app".'],
});
const googleAppPasswordOnly = {
  result: { provider: 'google', providerLabel: 'Gmail or Google Workspace account', oauth: null, oauthProvider: 'Google', deviceCode: false, sharedMailbox: false, oauthUnavailable: googleNotConfigured, password: 'app_password', defaultMethod: 'password', firstScreen: 'app_password', serversKnown: true },
};
const googleBoth = { result: { provider: 'google', providerLabel: 'Gmail or Google Workspace account', oauth: 'Google', oauthProvider: 'Google', deviceCode: false, sharedMailbox: false, password: 'app_password', defaultMethod: 'oauth', firstScreen: 'oauth', serversKnown: true } };

const account = (address, provider, signedInAs = null) => ({ address, mailbox: address.toLowerCase(), signedInAs, provider, addedAt: 1 });
const passwordStored = (address, provider) => ({
  events: [
    ...step('discover', 'Finding out who provides this mailbox'),
    { event: 'stepNoted', step: 'password_form', label: "Looking at the password's form", ms: 0, detail: 'the spaces Google shows in an App Password were removed' },
    ...step('imap_connect', 'Connecting securely to the mailbox server'),
    ...step('imap_auth', 'Signing in to the mailbox with the password'),
    ...step('vault_store', "Saving the password in this computer's password vault"),
  ],
  wait: 250,
  result: { ...outcome('sign_in', [{ step: 'imap_auth', status: 'passed', ms: 40 }, { step: 'vault_store', status: 'passed', ms: 3 }], { account: account(address, provider) }), address },
});
const verified = (address) => ({
  events: [...step('smtp_send', 'Sending a test message to the mailbox'), ...step('imap_find', 'Looking for the test message in the inbox', { detail: 'found as UID 3 after 90 ms' })],
  result: { ...outcome('verify', [{ step: 'smtp_send', status: 'passed', ms: 20 }, { step: 'imap_find', status: 'passed', ms: 90, detail: 'found as UID 3 after 90 ms' }]), address },
});

const base = (extra) => ({ app_info: [appInfo()], list_accounts: [{ result: [] }], list_browsers: [{ result: [] }], ...extra });

async function checkPassed(page, address) {
  await page.waitForSelector('body[data-loaded="true"]');
  await page.fill('#address', address);
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
}

async function toSignIn(page, address, method) {
  await checkPassed(page, address);
  await page.click('#check-next');
  await page.waitForSelector('#step-signin:not([hidden])');
  await page.waitForSelector(`body[data-signin-method="${method}"]`);
}

// ---------------------------------------------------------------- (a)

test('Gmail with an App Password: explained, passed on exactly as typed, cleared, then Check mail and Done', async () => {
  const typed = 'abcd efgh ijkl mnop ';
  const page = await openPage(browser, base({
    parse_address: [gmailInfo], check_connection: [passedCheck(GMAIL)], sign_in_choices: [googleAppPasswordOnly],
    sign_in_password: [passwordStored(GMAIL, 'google')], verify: [verified(GMAIL)],
  }));
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await stubClipboard(page);
  await toSignIn(page, GMAIL, 'app_password');

  assert.deepEqual(await calls(page, 'sign_in_choices'), [{ address: GMAIL }]);
  assert.equal(await page.textContent('#signin-heading'), 'Sign in with a Google App Password');
  assert.match(await page.textContent('#signin-provider'), /Gmail or Google Workspace account/);
  assert.equal(await visible(page, '#signin-oauth'), false, 'no browser sign-in offered');
  assert.equal(await visible(page, '#signin-start'), false);
  const help = await page.textContent('#app-password-help');
  assert.match(help, /16 letters that Google makes for one mail program/);
  assert.match(help, /real Google password stays private/);
  assert.match(help, /2-Step Verification must be turned on/);
  assert.equal(await page.textContent('#apppasswords-url'), 'https://myaccount.google.com/apppasswords');
  assert.equal(await visible(page, '#app-password-missing'), true, 'the missing-option cases are shown, not folded');
  const missing = await page.textContent('#app-password-missing');
  assert.match(missing, /only security keys/);
  assert.match(missing, /school or work Google account and its administrator turned App Passwords off/);
  assert.match(missing, /Advanced Protection/);
  assert.match(missing, /ask your IT team to set up “Sign in with Google”/);
  assert.match(missing, /add another 2-Step Verification method/);
  assert.match(await page.textContent('#password-note'), /Spaces do not matter/);
  // The administrator's reason for "no Google sign-in" is folded, never an error for the person.
  assert.equal(await visible(page, '#oauth-unavailable'), true);
  assert.equal(await page.textContent('#oauth-unavailable summary'), 'Why no “Sign in with Google”?');
  assert.equal(await page.$eval('#oauth-unavailable', (d) => d.open), false);
  assert.equal(await page.locator('#signin-findings .finding, #password-findings .finding').count(), 0);
  assert.deepEqual(await page.$eval('#password', (i) => [i.type, i.getAttribute('autocomplete'), i.getAttribute('spellcheck')]), ['password', 'off', 'false']);
  await page.click('#copy-apppasswords-url');
  assert.equal(await page.evaluate(() => window.__copied), 'https://myaccount.google.com/apppasswords');
  await shot(page, 'providers-01-app-password');

  await page.fill('#password', typed);
  await page.click('#password-submit');
  await page.waitForSelector('body[data-password="running"]');
  assert.equal(await page.isDisabled('#password'), true, 'the field is locked while the password is checked');
  await page.waitForSelector('#password-progress li.info[data-step="password_form"]');
  assert.match(await page.textContent('#password-progress li[data-step="password_form"]'), /spaces Google shows in an App Password were removed/);
  await shot(page, 'providers-02-app-password-checking');
  await page.waitForSelector('#step-verify:not([hidden])');
  assert.equal(await page.evaluate(() => document.body.dataset.password), 'passed');

  assert.deepEqual(await calls(page, 'sign_in_password'), [{ address: GMAIL, password: typed, onEvent: '[channel]' }]);
  assert.equal(await page.inputValue('#password'), '', 'the field is emptied');
  const nowhere = await page.evaluate((secrets) => {
    const html = document.documentElement.outerHTML;
    const data = JSON.stringify({ ...document.body.dataset });
    const globals = Object.keys(window).filter((k) => k !== '__calls').map((k) => {
      try { return typeof window[k] === 'string' ? window[k] : ''; } catch { return ''; }
    }).join('\n');
    return secrets.filter((s) => html.includes(s) || data.includes(s) || globals.includes(s));
  }, [typed.trim(), 'abcdefghijklmnop', 'abcd efgh']);
  assert.deepEqual(nowhere, [], 'the password is nowhere in the page');
  assert.ok(!consoleLines.some((l) => l.includes('abcd')), 'nor in the console');

  await page.click('#verify-start');
  await page.waitForSelector('body[data-verify="passed"]');
  await page.click('#verify-next');
  await page.waitForSelector('#step-done:not([hidden])');
  assert.equal(await page.textContent('#step-done h2'), `${GMAIL} is ready`);
  assert.match(await page.textContent('#done-steps'), /found as UID 3/);
  assert.deepEqual(await calls(page, 'verify'), [{ address: GMAIL, sendTest: true, onEvent: '[channel]' }]);
  await shot(page, 'providers-03-app-password-done');
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------- (b)

test('a wrong App Password and the normal Google password: findings shown, the person stays, the field is cleared', async () => {
  const bad = finding('GMAIL_BAD_APP_PASSWORD', 'Google rejected the App Password', {
    explanation: 'Google did not accept the App Password: it is mistyped, or it was revoked (changing your Google password revokes all App Passwords).',
    steps: ['Create a new App Password at https://myaccount.google.com/apppasswords.', 'Paste it into the app (spaces do not matter) and try again.'],
  });
  const normal = finding('GMAIL_APP_PASSWORD_REQUIRED', 'That is your Google password; Gmail needs an App Password here', {
    explanation: 'Your Google account has 2-Step Verification, so mail programs must use a 16-letter App Password instead of your normal password.',
  });
  const failed = (f) => ({
    events: [...step('imap_connect', 'Connecting securely to the mailbox server'), { event: 'stepStarted', step: 'imap_auth', label: 'Signing in to the mailbox with the password' }, { event: 'stepFailed', step: 'imap_auth', label: 'Signing in to the mailbox with the password', ms: 50, finding: f }],
    result: { ...outcome('sign_in', [{ step: 'imap_auth', status: 'failed', ms: 50, finding: f }]), address: GMAIL },
  });
  const page = await openPage(browser, base({
    parse_address: [gmailInfo], check_connection: [passedCheck(GMAIL)], sign_in_choices: [googleAppPasswordOnly],
    sign_in_password: [failed(bad), failed(normal)],
  }));
  await toSignIn(page, GMAIL, 'app_password');

  // Nothing typed: a hint, and no call.
  await page.click('#password-submit');
  await page.waitForSelector('body[data-password="empty"]');
  assert.equal(await visible(page, '#password-hint'), true);
  assert.deepEqual(await calls(page, 'sign_in_password'), []);

  await page.fill('#password', 'wxyz wxyz wxyz wxyz');
  await page.press('#password', 'Enter');
  await page.waitForSelector('body[data-password="failed"]');
  assert.equal(await visible(page, '#password-hint'), false);
  await page.waitForSelector('#password-findings .finding[data-code="GMAIL_BAD_APP_PASSWORD"]');
  assert.match(await page.textContent('#password-findings'), /Google rejected the App Password.*revoked/s);
  assert.match(await page.textContent('#password-progress li.failed'), /Google rejected the App Password/);
  assert.equal(await visible(page, '#step-signin'), true, 'stays on the screen');
  assert.equal(await visible(page, '#step-verify'), false);
  assert.equal(await page.evaluate(() => document.body.dataset.signinMethod), 'app_password');
  assert.equal(await page.inputValue('#password'), '', 'the field is emptied after a failure too');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password', 'ready for the next try');
  await shot(page, 'providers-04-bad-app-password');

  await page.evaluate(() => { document.body.dataset.password = ''; });
  await page.fill('#password', 'MyGoogle Password1');
  await page.click('#password-submit');
  await page.waitForSelector('body[data-password="failed"]');
  await page.waitForSelector('#password-findings .finding[data-code="GMAIL_APP_PASSWORD_REQUIRED"]');
  assert.equal(await page.locator('#password-findings .finding').count(), 1, 'only the latest result');
  assert.match(await page.textContent('#password-findings h3'), /That is your Google password; Gmail needs an App Password here/);
  assert.equal(await page.inputValue('#password'), '');
  assert.deepEqual((await calls(page, 'sign_in_password')).map((a) => a.password), ['wxyz wxyz wxyz wxyz', 'MyGoogle Password1']);
  assert.ok(!(await page.content()).includes('MyGoogle Password1'));
  await shot(page, 'providers-05-normal-google-password');
});

// ---------------------------------------------------------------- (c)

test('Google with its sign-in set up: "Sign in with Google" first, App Password as the other choice, no Microsoft-only controls', async () => {
  const page = await openPage(browser, base({
    parse_address: [gmailInfo, info('me@gmail.com', 'Gmail or Google Workspace account', 'smtp.gmail.com:587', 'imap.gmail.com:993')],
    check_connection: [passedCheck(GMAIL)], sign_in_choices: [googleBoth],
    sign_in: [{ result: { ...outcome('sign_in', [{ step: 'vault_store', status: 'passed', ms: 3 }], { account: account(GMAIL, 'google', 'ann.lee@gmail.com') }), address: GMAIL } }],
  }));
  await page.waitForSelector('body[data-loaded="true"]');
  // Someone ticks "shared mailbox": that exists only at Microsoft 365, so it is not used.
  await page.check('#shared');
  await page.fill('#delegate', 'me@gmail.com');
  await toSignIn(page, GMAIL, 'oauth');

  assert.equal(await page.textContent('#signin-heading'), 'Sign in with Google');
  assert.equal(await page.textContent('#signin-start'), 'Sign in with Google');
  assert.match(await page.textContent('#signin-oauth'), /open Google's sign-in page\. Sign in as ann\.lee@gmail\.com\.\s+If Google offers a different account/);
  assert.equal(await visible(page, '#signin-device'), false, 'no device code for Google');
  assert.equal(await visible(page, '#signin-shared'), false, 'no shared-mailbox option for Google');
  assert.equal(await visible(page, '#signin-shared-note'), true);
  assert.match(await page.textContent('#signin-shared-note'), /works only for Microsoft 365.*sign in as ann\.lee@gmail\.com itself/);
  assert.equal(await visible(page, '#oauth-unavailable'), false);
  assert.equal(await visible(page, '#signin-use-password'), true);
  assert.equal(await page.textContent('#signin-use-password'), 'Use an App Password instead');
  await shot(page, 'providers-06-google-sign-in');

  await page.click('#signin-use-password');
  await page.waitForSelector('body[data-signin-method="app_password"]');
  assert.equal(await visible(page, '#app-password-help'), true);
  assert.equal(await visible(page, '#signin-start'), false);
  assert.equal(await page.textContent('#password-use-oauth'), 'Sign in with Google instead');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  await page.click('#password-use-oauth');
  await page.waitForSelector('body[data-signin-method="oauth"]');
  assert.equal(await visible(page, '#app-password-help'), false);

  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
  assert.deepEqual(await calls(page, 'sign_in'), [{ address: GMAIL, request: { signInAs: null }, onEvent: '[channel]' }]);
  assert.deepEqual(await calls(page, 'sign_in_password'), []);
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------- (d)

test('a personal Outlook.com account: "Sign in with Microsoft", no password, no shared mailbox', async () => {
  const SAM = 'sam@outlook.com';
  const label = 'personal Microsoft account (Outlook.com, Hotmail)';
  const page = await openPage(browser, base({
    parse_address: [info(SAM, label, 'smtp-mail.outlook.com:587', 'outlook.office365.com:993')],
    check_connection: [passedCheck(SAM, 'This is a personal Microsoft account (Outlook.com, Hotmail).')],
    sign_in_choices: [{ result: { provider: 'microsoft_personal', providerLabel: label, oauth: 'Microsoft', oauthProvider: 'Microsoft', deviceCode: true, sharedMailbox: false, password: null, defaultMethod: 'oauth', firstScreen: 'oauth', serversKnown: true } }],
    sign_in: [{ result: { ...outcome('sign_in', [{ step: 'vault_store', status: 'passed', ms: 3 }], { account: account(SAM, 'microsoft_personal', SAM) }), address: SAM } }],
  }));
  await toSignIn(page, SAM, 'oauth');
  assert.equal(await page.textContent('#signin-provider'), label);
  assert.match(await page.textContent('#step-signin .provider-line'), /sam@outlook\.com · personal Microsoft account \(Outlook\.com, Hotmail\)/);
  assert.equal(await page.textContent('#signin-heading'), 'Sign in with Microsoft');
  assert.equal(await page.textContent('#signin-start'), 'Sign in with Microsoft');
  assert.equal(await visible(page, '#signin-use-password'), false, 'no password option');
  assert.equal(await visible(page, '#signin-password'), false);
  assert.equal(await visible(page, '#signin-shared'), false, 'no shared mailbox for personal accounts');
  assert.equal(await visible(page, '#signin-device'), true, 'the device code is Microsoft\'s');
  await shot(page, 'providers-07-outlook-com');
  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
  assert.deepEqual(await calls(page, 'sign_in'), [{ address: SAM, request: { signInAs: null }, onEvent: '[channel]' }]);
});

test('when the core cannot give the sign-in choices, its finding shows on the check step and Next asks again', async () => {
  const ANN = 'Ann.Lee@example.edu';
  const settings = finding('SETTINGS_INVALID', 'The settings file has a mistake', { audience: 'admin' });
  const page = await openPage(browser, base({
    parse_address: [info(ANN, 'Microsoft 365 work or school account', 'smtp.office365.com:587', 'outlook.office365.com:993')],
    check_connection: [passedCheck(ANN)],
    sign_in_choices: [{ error: settings }, m365Choices],
  }));
  await checkPassed(page, ANN);
  await page.waitForSelector('body[data-choices="failed"]');
  await page.click('#check-next');
  await page.waitForSelector('#check-findings .finding[data-code="SETTINGS_INVALID"]');
  assert.equal(await visible(page, '#step-check'), true, 'no sign-in screen the core did not offer');
  assert.equal(await visible(page, '#step-signin'), false);
  assert.match(await page.textContent('#check-findings'), /The settings file has a mistake/);

  await page.click('#check-next');
  await page.waitForSelector('body[data-signin-method="oauth"]');
  assert.deepEqual(await calls(page, 'sign_in_choices'), [{ address: ANN }, { address: ANN }]);
  assert.equal(await page.evaluate(() => document.body.dataset.choices), 'loaded');
  assert.equal(await page.textContent('#signin-heading'), 'Sign in with Microsoft');
  assert.equal(await page.textContent('#signin-provider'), 'Microsoft 365 work or school account');
  assert.equal(await visible(page, '#signin-device'), true);
  assert.equal(await visible(page, '#signin-shared'), true, 'the shared-mailbox option is Microsoft 365\'s');
  assert.equal(await visible(page, '#signin-use-password'), false);
  await page.click('#signin-shared-open');
  await page.waitForSelector('#step-address:not([hidden])');
  assert.equal(await page.isChecked('#shared'), true);
  assert.equal(await visible(page, '#delegate'), true);
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------- (e)

const PAT = 'pat@small.example';
const smallServers = (source, extra = {}) => ({
  smtp: { host: 'smtp.small.example', port: 587, security: 'start_tls' },
  imap: { host: 'imap.small.example', port: 993, security: 'implicit_tls' },
  username: 'pat', source, ...extra,
});
const otherChoices = (servers) => ({ provider: 'other', providerLabel: 'mailbox at another provider', oauth: null, oauthProvider: null, deviceCode: false, sharedMailbox: false, password: 'password', defaultMethod: 'password', firstScreen: 'password', serversKnown: true, servers });

test('another provider with servers found by autoconfig: the password screen shows them and where they came from', async () => {
  const page = await openPage(browser, base({
    parse_address: [info(PAT, 'mailbox at another provider', 'smtp.small.example:587', 'imap.small.example:993')],
    check_connection: [passedCheck(PAT, 'small.example publishes its mail settings.')],
    sign_in_choices: [{ result: otherChoices(smallServers('autoconfig.small.example')) }],
    sign_in_password: [passwordStored(PAT, 'other')],
  }));
  await toSignIn(page, PAT, 'password');
  assert.equal(await page.textContent('#signin-heading'), 'Sign in with your mailbox password');
  assert.match(await page.textContent('#password-help'), /Enter the password of your mailbox/);
  assert.equal(await page.textContent('#servers-in-use dd[data-key="source"]'), 'autoconfig.small.example');
  assert.equal(await page.textContent('#servers-in-use dd[data-key="imap"]'), 'imap.small.example:993 (SSL/TLS)');
  assert.equal(await page.textContent('#servers-in-use dd[data-key="smtp"]'), 'smtp.small.example:587 (STARTTLS)');
  assert.equal(await page.textContent('#servers-in-use dd[data-key="username"]'), 'pat');
  assert.equal(await visible(page, '#app-password-help'), false);
  assert.equal(await visible(page, '#oauth-unavailable'), false);
  assert.equal(await visible(page, '#password-use-oauth'), false);
  assert.equal(await page.textContent('#password-label'), 'Password');
  assert.doesNotMatch(await page.textContent('#password-note'), /Spaces/);
  await shot(page, 'providers-08-other-password');

  await page.click('#servers-change');
  await page.waitForSelector('body[data-servers="shown"]');
  assert.equal(await visible(page, '#step-check'), true);
  assert.equal(await visible(page, '#servers-form'), true);
  assert.deepEqual(await page.evaluate(() => ['#imap-host', '#imap-port', '#smtp-host', '#smtp-port', '#login-name'].map((s) => document.querySelector(s).value)),
    ['imap.small.example', '993', 'smtp.small.example', '587', 'pat']);
  assert.match(await page.textContent('#servers-form'), /only uses encrypted connections/);
  await shot(page, 'providers-09-change-servers');
  await page.click('#servers-cancel');
  await page.waitForSelector('#step-signin:not([hidden])');
  assert.equal(await page.evaluate(() => document.body.dataset.signinMethod), 'password');

  await page.fill('#password', 'S3cret pass');
  await page.click('#password-submit');
  await page.waitForSelector('#step-verify:not([hidden])');
  assert.deepEqual(await calls(page, 'sign_in_password'), [{ address: PAT, password: 'S3cret pass', onEvent: '[channel]' }]);
  assert.deepEqual(await calls(page, 'set_servers'), []);
});

// ---------------------------------------------------------------- (f)

test('an unknown provider: the check asks for the servers, a bad port is explained, good values are saved and checked again', async () => {
  const LEE = 'lee@nothing.example';
  const needed = finding('SERVER_SETTINGS_NEEDED', 'The app needs the mail server settings for nothing.example', {
    explanation: 'The app could not find out which servers handle mail for nothing.example: the provider publishes no automatic settings.',
    steps: ['Enter the incoming (IMAP) and outgoing (SMTP) server names and ports. Your mail provider\'s help pages or your IT team have them.'],
  });
  const badPort = { ...needed, steps: ['IMAP server: port 143 is not encrypted; use the TLS port (usually 993)', ...needed.steps] };
  const typedServers = { smtp: { host: 'mail.nothing.example', port: 587, security: 'start_tls' }, imap: { host: 'mail.nothing.example', port: 993, security: 'implicit_tls' }, source: 'typed in' };
  const page = await openPage(browser, base({
    parse_address: [info(LEE, 'mailbox at another provider', 'not known', 'not known')],
    check_connection: [
      {
        events: [...step('discover', 'Finding out who provides this mailbox'), { event: 'stepStarted', step: 'prepare', label: 'Getting ready' }, { event: 'stepFailed', step: 'prepare', label: 'Getting ready', ms: 0, finding: needed }],
        result: { ...outcome('check', [{ step: 'discover', status: 'passed', ms: 3 }, { step: 'prepare', status: 'failed', ms: 0, finding: needed }]), address: LEE },
      },
      passedCheck(LEE, 'Using the servers you typed in.'),
    ],
    set_servers: [{ error: badPort }, { result: otherChoices(typedServers) }],
    sign_in_choices: [{ result: otherChoices(typedServers) }],
  }));
  await page.waitForSelector('body[data-loaded="true"]');
  await page.fill('#address', LEE);
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="failed"]');
  await page.waitForSelector('body[data-servers="shown"]');
  assert.equal(await visible(page, '#servers-form'), true, 'the server settings form, not just "Try again"');
  assert.equal(await visible(page, '#check-retry'), false);
  assert.equal(await page.locator('#check-findings .finding[data-code="SERVER_SETTINGS_NEEDED"]').count(), 1);
  assert.equal(await page.inputValue('#imap-port'), '993', 'the usual ports are filled in');
  assert.equal(await page.inputValue('#smtp-port'), '587');
  await shot(page, 'providers-10-servers-needed');

  await page.fill('#imap-host', 'mail.nothing.example');
  await page.fill('#imap-port', '143');
  await page.fill('#smtp-host', 'mail.nothing.example');
  await page.click('#servers-save');
  await page.waitForSelector('body[data-servers="failed"]');
  assert.match(await page.textContent('#servers-findings .fix li'), /port 143 is not encrypted; use the TLS port \(usually 993\)/);
  assert.equal(await visible(page, '#servers-form'), true, 'stays open to fix the value');
  assert.equal((await calls(page, 'check_connection')).length, 1, 'no new check after a refused value');
  await shot(page, 'providers-11-servers-bad-port');

  await page.fill('#imap-port', '993');
  await page.click('#servers-save');
  await page.waitForSelector('body[data-servers="saved"]');
  await page.waitForSelector('body[data-check="passed"]');
  assert.equal(await visible(page, '#servers-form'), false);
  assert.deepEqual(await calls(page, 'set_servers'), [
    { address: LEE, imap: 'mail.nothing.example:143', smtp: 'mail.nothing.example:587', username: null },
    { address: LEE, imap: 'mail.nothing.example:993', smtp: 'mail.nothing.example:587', username: null },
  ]);
  const order = await page.evaluate(() => window.__calls.map((c) => c.cmd).filter((c) => c === 'set_servers' || c === 'check_connection'));
  assert.deepEqual(order, ['check_connection', 'set_servers', 'set_servers', 'check_connection'], 'the check runs again after the servers were saved');

  await page.click('#check-next');
  await page.waitForSelector('body[data-signin-method="password"]');
  assert.equal(await page.textContent('#servers-in-use dd[data-key="source"]'), 'typed in');
  assert.equal(await page.textContent('#servers-in-use dd[data-key="username"]'), 'your email address');
  assert.deepEqual(page.errors, []);
});

// ---------------------------------------------------------------- (g)

test('the administrator page shows the Google and Outlook.com clients and stores the Google secret', async () => {
  const prov = {
    settingsFile: '/etc/mailsetup/settings.toml', cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'organizations',
    clientId: '11111111-2222-3333-4444-555555555555', clientType: 'public', redirect: 'http://localhost', clientSecretStored: false,
    smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993',
    googleClientId: '1234-abcd.apps.googleusercontent.com', googleSecretStored: false, outlookClientId: '99999999-8888-7777-6666-555555555555',
  };
  const page = await openPage(browser, base({
    provisioning: [{ result: prov }],
    set_client_secret: [{ result: { ...prov, googleSecretStored: true } }],
    remove_client_secret: [{ result: prov }],
  }));
  await page.waitForSelector('body[data-loaded="true"]');
  await page.click('#open-admin');
  await page.waitForSelector('#step-admin:not([hidden]) dd[data-key="googleClientId"]');
  assert.equal(await page.textContent('dd[data-key="googleClientId"]'), '1234-abcd.apps.googleusercontent.com');
  assert.equal(await page.textContent('dd[data-key="outlookClientId"]'), '99999999-8888-7777-6666-555555555555');
  assert.equal(await page.textContent('dd[data-key="googleSecretStored"]'), 'not stored yet');
  assert.equal(await visible(page, '#admin-google-secret'), true);
  assert.equal(await visible(page, '#admin-secret'), false, 'the Microsoft registration is public');
  assert.equal(await page.isDisabled('#google-secret-remove'), true);
  await shot(page, 'providers-12-admin-google');

  await page.fill('#google-secret', 'GOCSPX-google-secret');
  await page.click('#google-secret-save');
  await page.waitForSelector('body[data-google-secret="stored"]');
  assert.deepEqual(await calls(page, 'set_client_secret'), [{ secret: 'GOCSPX-google-secret', registrationName: 'google' }]);
  assert.equal(await page.inputValue('#google-secret'), '');
  assert.equal(await page.textContent('dd[data-key="googleSecretStored"]'), 'stored in the vault');
  assert.match(await page.textContent('#admin-message'), /Google client secret is stored/);
  assert.ok(!(await page.content()).includes('GOCSPX-google-secret'));

  await page.click('#google-secret-remove');
  await page.waitForSelector('body[data-google-secret="none"]');
  assert.deepEqual(await calls(page, 'remove_client_secret'), [{ registrationName: 'google' }]);
});

test('without a Google client the administrator page says Gmail uses App Passwords and offers no Google secret', async () => {
  const prov = {
    settingsFile: null, cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'organizations', clientId: null, clientType: 'public',
    redirect: 'http://localhost', clientSecretStored: false, smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993',
    googleClientId: null, googleSecretStored: false, outlookClientId: null,
  };
  const page = await openPage(browser, base({ provisioning: [{ result: prov }] }));
  await page.waitForSelector('body[data-loaded="true"]');
  await page.click('#open-admin');
  await page.waitForSelector('#step-admin:not([hidden]) dd[data-key="googleClientId"]');
  assert.equal(await page.textContent('dd[data-key="googleClientId"]'), 'not set: Gmail uses App Passwords');
  assert.equal(await page.textContent('dd[data-key="outlookClientId"]'), 'not set');
  assert.equal(await visible(page, '#admin-google-secret'), false);
});
