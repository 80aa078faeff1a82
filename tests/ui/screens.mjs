// The screens of the page, each reached with the mocked IPC the wizard, helpdesk and admin tests
// use: for the checks that look at every screen the same way (contrast in both colour schemes,
// status words, forced colours, small screens). Each screen: a script of responses and `go`, the
// mouse's way to it from the start; `keyboard.test.mjs` walks the same scripts with keys only.
import { addressInfo, appInfo, finding, m365Choices, openPage, outcome, step } from './harness.mjs';

// ---------------------------------------------------------------- wizard fixtures

export const passedCheck = {
  events: [...step('dns', 'Looking up the mail servers', { detail: 'smtp → 1.2.3.4' }), ...step('smtp_connect', 'Connecting securely to the sending server', { detail: 'STARTTLS · AUTH XOAUTH2' })],
  result: outcome('check', [{ step: 'dns', status: 'passed', ms: 3 }, { step: 'smtp_connect', status: 'passed', ms: 40 }]),
};
export const signedIn = {
  events: [...step('loopback', 'Preparing the sign-in'), { event: 'waitingForBrowser', urlRedacted: 'https://login/…', timeoutSecs: 300 }, ...step('browser_sign_in', 'Waiting for you to sign in in the browser')],
  result: outcome('sign_in', [{ step: 'browser_sign_in', status: 'passed', ms: 900 }], { account: { address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', signedInAs: 'ann.lee@example.edu', provider: 'microsoft365', addedAt: 1 } }),
};
export const verified = {
  events: [...step('smtp_send', 'Sending a test message to the mailbox'), { event: 'stepStarted', step: 'proxy', label: 'Looking at the proxy settings' }, { event: 'stepNoted', step: 'proxy', label: 'Looking at the proxy settings', ms: 1, detail: 'no proxy is set' }, ...step('imap_find', 'Looking for the test message in the inbox', { detail: 'found as UID 7 after 80 ms' })],
  result: outcome('verify', [{ step: 'smtp_send', status: 'passed', ms: 20 }, { step: 'proxy', status: 'info', ms: 1, detail: 'no proxy is set' }, { step: 'imap_find', status: 'passed', ms: 80, detail: 'found as UID 7 after 80 ms' }]),
};
export const timeout = finding('CONNECT_TIMEOUT', 'No answer from smtp.office365.com:587 within 10 seconds', {
  audience: 'helpdesk', evidence: 'smtp.office365.com:587: no answer within 10000 ms',
  steps: ['Check that this computer is connected to the internet.', 'If it is, a firewall may block port 587: ask your IT team to allow it.'],
});
export const failedCheck = {
  events: [...step('dns', 'Looking up the mail servers', { detail: 'smtp → 1.2.3.4' }), { event: 'stepStarted', step: 'smtp_connect', label: 'Connecting securely to the sending server' }, { event: 'stepFailed', step: 'smtp_connect', label: 'Connecting securely to the sending server', ms: 10000, finding: timeout }],
  result: outcome('check', [{ step: 'dns', status: 'passed', ms: 3 }, { step: 'smtp_connect', status: 'failed', ms: 10000, finding: timeout }]),
};
export const wrongAccount = finding('SIGNED_IN_AS_DIFFERENT_ACCOUNT', 'The browser signed in as admin@example.edu, not Ann.Lee@example.edu', {
  steps: ['Try again in a private (incognito/InPrivate) browser window, where no account is signed in.', 'Or choose "Use another account".'],
});
/** The sign-in's answer when the browser signed in to another account. */
export const wrongAccountSignIn = {
  events: [{ event: 'stepFailed', step: 'account_check', label: 'Checking which account signed in', ms: 1, finding: wrongAccount }],
  result: outcome('sign_in', [{ step: 'account_check', status: 'failed', ms: 1, finding: wrongAccount }]),
};
const smtpAuthOff = finding('M365_SMTP_AUTH_DISABLED', 'Sending with a sign-in (SMTP AUTH) is turned off for this mailbox', {
  audience: 'admin',
  explanation: 'Microsoft 365 refuses sign-ins to the sending server for this mailbox.',
  steps: ['In the Microsoft 365 admin center, open Users → Active users → the mailbox → Mail → Manage email apps.', 'Tick "Authenticated SMTP" and save; it can take an hour to apply.'],
  evidence: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
});
const failedVerify = {
  events: [{ event: 'stepStarted', step: 'smtp_auth', label: 'Signing in to the sending server' }, { event: 'stepFailed', step: 'smtp_auth', label: 'Signing in to the sending server', ms: 120, finding: smtpAuthOff }],
  result: outcome('verify', [{ step: 'smtp_auth', status: 'failed', ms: 120, finding: smtpAuthOff }]),
};

export const wizardScript = (extra = {}) => ({
  app_info: [appInfo()], list_accounts: [{ result: [] }], list_browsers: [{ result: [] }], parse_address: [addressInfo],
  check_connection: [passedCheck], sign_in_choices: [m365Choices], sign_in: [signedIn], verify: [verified], ...extra,
});

// ---------------------------------------------------------------- helpdesk and admin fixtures

const ann = {
  address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', provider: 'microsoft365', signedInAs: 'ann.lee@example.edu', shared: false,
  tenantId: '72f988bf-0000-0000-0000-000000000001', addedAt: 1764000000, lastCheckAt: 1764434400, lastCheckPassed: true,
  lastSuccessAt: 1764434400, lastRefreshAt: 1764434400, tokenExpiresAt: 1000000000, inVault: true,
};
const admissions = {
  address: 'Admissions@example.edu', mailbox: 'admissions@example.edu', provider: 'microsoft365', signedInAs: 'me@example.edu', shared: true,
  tenantId: null, addedAt: 1764000000, lastCheckAt: 1764434400, lastCheckPassed: false, lastSuccessAt: null, tokenExpiresAt: 4102444800, inVault: false,
  health: { state: 'ends_soon', words: 'Google ends this sign-in in 5 days even if it is used.' },
};
export const helpdeskScript = (extra = {}) => ({
  app_info: [appInfo()], list_accounts: [{ result: [ann, admissions] }], relay_status: [{ result: { listening: null, programs: [] } }],
  report: [{ result: { text: 'MAIL SETUP ASSISTANT REPORT — Ann.Lee@example.edu\n  [FAIL] Signing in to the sending server', passed: false, saveDir: '/home/ann/Downloads' } }],
  explain: [{ result: [smtpAuthOff, finding('GMAIL_APP_PASSWORD_REQUIRED', 'Gmail wants an app password for this program', { evidence: '534-5.7.9 Application-specific password required.' })] }],
  ...extra,
});

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const item = (id, label, status, detail, f) => ({ id, label, status, detail, ...(f ? { finding: f } : {}) });
export const provisioning = {
  settingsFile: '/etc/mailsetup/settings.toml', cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'organizations', clientId: CLIENT_ID,
  clientType: 'public', redirect: 'http://localhost', clientSecretStored: false, smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993',
  settings: [{ key: 'microsoft.client_id', label: 'Application (client) ID', value: CLIENT_ID, origin: { kind: 'policy' }, from: 'Group Policy', itManaged: true }],
};
export const registrationFailed = {
  passed: false, summary: '1 of 3 items need attention.', clientId: CLIENT_ID, signedIn: 'admin@contoso.com', steps: [],
  items: [
    item('registration', 'The app exists in your organisation', 'passed', 'Found.'),
    item('consent', 'An administrator consented to them', 'failed', 'No consent', finding('REGISTRATION_CONSENT_MISSING', 'No administrator consented to the permissions', { audience: 'admin' })),
    item('unneeded', 'It has no permissions the app does not need', 'not_checked', 'Could not be read.'),
  ],
};
export const adminScript = (extra = {}) => ({
  app_info: [appInfo()], list_accounts: [{ result: [] }], provisioning: [{ result: provisioning }], check_registration: [{ result: registrationFailed }], ...extra,
});

// ---------------------------------------------------------------- the screens

async function address(page, value = 'Ann.Lee@example.edu') {
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#address', value);
  await page.click('#address-next');
}
async function toCheck(page) {
  await address(page);
  await page.waitForSelector('body[data-check="passed"], body[data-check="failed"]');
}
async function toSignIn(page) {
  await toCheck(page);
  await page.click('#check-next');
  await page.waitForSelector('#step-signin:not([hidden])');
}
async function toVerify(page) {
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
}
async function toDone(page) {
  await toVerify(page);
  await page.click('#verify-start');
  await page.waitForSelector('body[data-verify="passed"]');
  await page.click('#verify-next');
  await page.waitForSelector('#step-done:not([hidden])');
}

/** Every screen: `wizard` marks the wizard's steps (whose main button and failure must fit a
 * small laptop's screen), `primary` the step's main button. */
export const SCREENS = [
  {
    name: 'address', wizard: true, primary: '#address-next',
    script: wizardScript({ list_accounts: [{ result: [ann] }] }),
    go: async (page) => { await page.waitForSelector('body[data-loaded="true"]'); await page.check('#shared'); },
  },
  {
    name: 'address-invalid', wizard: true, primary: '#address-next',
    script: wizardScript({ parse_address: [{ error: finding('INVALID_ADDRESS', 'That is not an email address we can use', { explanation: 'Please type only the address itself.' }) }] }),
    go: async (page) => { await address(page, 'Ann <ann@example.edu>'); await page.waitForSelector('#address-error .finding'); },
  },
  { name: 'check-passed', wizard: true, primary: '#check-next', script: wizardScript(), go: toCheck },
  { name: 'check-failed', wizard: true, primary: '#check-next', script: wizardScript({ check_connection: [failedCheck] }), go: toCheck },
  { name: 'signin', wizard: true, primary: '#signin-start', script: wizardScript(), go: toSignIn },
  {
    name: 'signin-waiting', wizard: true, primary: '#signin-cancel, #signin-restart',
    script: wizardScript({ sign_in: [{ events: [{ event: 'waitingForBrowser', startUrl: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=1111&state=abc', timeoutSecs: 300, deviceCode: true }], until: 'cancel_sign_in', result: outcome('sign_in', []) }], cancel_sign_in: [{ result: true }] }),
    go: async (page) => {
      await toSignIn(page);
      await page.click('#signin-start');
      await page.waitForSelector('#signin-waiting:not([hidden])');
      await page.waitForFunction(() => document.querySelector('#signin-waiting-status').textContent !== '');
    },
  },
  {
    name: 'signin-wrong-account', wizard: true, primary: '#retry-pick', // the way forward after the wrong account: pick the account
    script: wizardScript({ sign_in: [wrongAccountSignIn] }),
    go: async (page) => { await toSignIn(page); await page.click('#signin-start'); await page.waitForSelector('body[data-signin="SIGNED_IN_AS_DIFFERENT_ACCOUNT"]'); },
  },
  { name: 'verify', wizard: true, primary: '#verify-start', script: wizardScript(), go: toVerify },
  {
    name: 'verify-failed', wizard: true, primary: '#verify-start', script: wizardScript({ verify: [failedVerify] }),
    go: async (page) => { await toVerify(page); await page.click('#verify-start'); await page.waitForSelector('body[data-verify="failed"]'); },
  },
  {
    name: 'verify-passed', wizard: true, primary: '#verify-next', script: wizardScript(),
    go: async (page) => { await toVerify(page); await page.click('#verify-start'); await page.waitForSelector('body[data-verify="passed"]'); },
  },
  { name: 'done', wizard: true, primary: '#done-another', script: wizardScript(), go: toDone },
  {
    name: 'helpdesk', script: helpdeskScript(),
    go: async (page) => {
      await page.waitForSelector('body[data-loaded="true"]');
      await page.click('#open-helpdesk');
      await page.waitForSelector('body[data-helpdesk="listed"]');
      await page.click('li.mailbox[data-mailbox="ann.lee@example.edu"] button.show-report');
      await page.waitForSelector('body[data-report="shown"]');
      await page.click('#relay > summary');
      await page.fill('#paste-text', '535 5.7.139 Authentication unsuccessful');
      await page.click('#paste-explain');
      await page.waitForSelector('body[data-explain="done"]');
    },
  },
  {
    name: 'admin', script: adminScript(),
    go: async (page) => {
      await page.waitForSelector('body[data-loaded="true"]');
      await page.click('#open-admin');
      await page.waitForSelector('#admin-provisioning dt');
      await page.click('#regcheck-start');
      await page.waitForSelector('body[data-regcheck="failed"]');
    },
  },
];

/** Opens `screen` on a new page (options: openPage's, and `media` for page.emulateMedia). */
export async function openScreen(browser, screen, options = {}) {
  const page = await openPage(browser, screen.script, options);
  if (options.media) await page.emulateMedia(options.media);
  await screen.go(page);
  return page;
}
