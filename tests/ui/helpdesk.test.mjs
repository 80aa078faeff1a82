// UI tests of the helpdesk page: "Paste an error", the mailboxes on this computer with their
// status, the full check with live progress, and the report (shown, copied, saved). Mocked IPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addressInfo, appInfo, finding, internalFinding, launch, m365Choices, openPage, outcome, shot, step, stubClipboard } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Local times in these tests are New York time (UTC-5 in winter, UTC-4 in summer).
const TZ = { timezoneId: 'America/New_York' };
// Dates and times are written the page's language's way (Intl.DateTimeFormat, English: "Nov 29, 2025, 11:40 AM").
const T_2025_11_29_1640Z = 1764434400; // 29 Nov 2025, 11:40 in New York
const T_2025_11_24_1600Z = 1764000000; // 24 Nov 2025, 11:00
const T_2026_01_01_0000Z = 1767225600; // 31 Dec 2025, 19:00
const T_2001_09_09_0146Z = 1000000000; // 8 Sep 2001, 21:46 (long expired)
const T_2100_01_01_0000Z = 4102444800; // 31 Dec 2099, 19:00

const ann = (extra = {}) => ({
  address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', provider: 'microsoft365', signedInAs: 'ann.lee@example.edu', shared: false,
  tenantId: '72f988bf-0000-0000-0000-000000000001', addedAt: T_2025_11_24_1600Z, lastCheckAt: T_2025_11_29_1640Z, lastCheckPassed: true,
  lastSuccessAt: T_2025_11_29_1640Z, lastRefreshAt: T_2025_11_29_1640Z, tokenExpiresAt: T_2001_09_09_0146Z, inVault: true, ...extra,
});
const admissions = {
  address: 'Admissions@example.edu', mailbox: 'admissions@example.edu', provider: 'microsoft365', signedInAs: 'me@example.edu', shared: true,
  tenantId: null, addedAt: T_2025_11_24_1600Z, lastCheckAt: T_2025_11_29_1640Z, lastCheckPassed: false, lastSuccessAt: null,
  tokenExpiresAt: T_2100_01_01_0000Z, inVault: false,
};

const smtpAuthOff = finding('M365_SMTP_AUTH_DISABLED', 'Sending with a sign-in (SMTP AUTH) is turned off for this mailbox', {
  audience: 'admin',
  explanation: 'Microsoft 365 refuses sign-ins to the sending server for this mailbox.',
  steps: ['In the Microsoft 365 admin center, open Users → Active users → the mailbox → Mail → Manage email apps.', 'Tick "Authenticated SMTP" and save; it can take an hour to apply.'],
  evidence: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. <img src=x onerror="window.__pwned=1">',
  docUrl: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
});
const appPassword = finding('GMAIL_APP_PASSWORD_REQUIRED', 'Gmail wants an app password for this program', {
  explanation: 'The Google account uses 2-Step Verification, so the normal password does not work in mail programs.',
  steps: ['Create an app password at myaccount.google.com/apppasswords.', 'Type it in the mail program instead of the normal password.'],
  evidence: '534-5.7.9 Application-specific password required.',
});

const reportText = [
  'MAIL SETUP ASSISTANT REPORT — Ann.Lee@example.edu', '', '== Connection check ==',
  '  [OK  ] Looking up the mail servers (3 ms): smtp.office365.com → 52.97.1.1',
  '  [INFO] Checking port 25 (for information) (3000 ms): port 25 gave no answer within 3 seconds (blocked on the way): the app sends on the submission port, never on 25',
  '', '== Check mail ==', '  [FAIL] Signing in to the sending server (120 ms)', '         [M365_SMTP_AUTH_DISABLED]',
].join('\n');
const report = (text = reportText) => ({ result: { text, passed: false, saveDir: '/home/ann/Downloads' } });

async function openHelpdesk(page) {
  await page.waitForSelector('body[data-loaded="true"]');
  await page.click('#open-helpdesk');
  await page.waitForSelector('#step-helpdesk:not([hidden])');
  await page.waitForSelector('body[data-helpdesk="listed"], body[data-helpdesk="empty"]');
}

const calls = (page, cmd) => page.evaluate((c) => window.__calls.filter((x) => x.cmd === c).map((x) => x.args), cmd);

test('paste an error: explains the text, shows the findings as text, never sends empty text', async () => {
  const pasted = `${smtpAuthOff.evidence}\n${appPassword.evidence}`;
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }],
    explain: [{ result: [smtpAuthOff, appPassword] }, { error: 'command explain not allowed' }], internal_finding: [internalFinding],
  });
  await page.waitForSelector('body[data-loaded="true"]');
  await page.click('#open-paste');
  await page.waitForSelector('#step-helpdesk:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'paste-text', 'the paste box has the focus');
  assert.match(await page.textContent('label[for="paste-text"]'), /mail program.*server's reply.*sign-in error page/s);
  assert.equal(await page.locator('.stepper li.reached').count(), 0, 'the helpdesk page is not a wizard step');

  // Empty (or blank) text: a hint, and no call.
  await page.click('#paste-explain');
  await page.waitForSelector('body[data-explain="empty"]');
  assert.equal(await page.isVisible('#paste-hint'), true);
  await page.fill('#paste-text', '  \n\t ');
  await page.evaluate(() => { document.body.dataset.explain = ''; });
  await page.click('#paste-explain');
  await page.waitForSelector('body[data-explain="empty"]');
  assert.deepEqual(await calls(page, 'explain'), [], 'empty text is not sent');

  await page.fill('#paste-text', pasted);
  assert.equal(await page.isVisible('#paste-hint'), false, 'typing hides the hint');
  await page.click('#paste-explain');
  await page.waitForSelector('body[data-explain="done"]');
  assert.deepEqual(await calls(page, 'explain'), [{ text: pasted }]);

  const cards = page.locator('#paste-findings .finding');
  assert.equal(await cards.count(), 2);
  assert.deepEqual(await cards.evaluateAll((cs) => cs.map((c) => c.dataset.code)), ['M365_SMTP_AUTH_DISABLED', 'GMAIL_APP_PASSWORD_REQUIRED']);
  const admin = page.locator('#paste-findings .finding[data-code="M365_SMTP_AUTH_DISABLED"]');
  assert.equal(await admin.getAttribute('class'), 'finding admin');
  assert.equal(await admin.locator('h3').textContent(), 'Sending with a sign-in (SMTP AUTH) is turned off for this mailbox');
  assert.equal(await admin.locator('.who').textContent(), 'For your IT administrator');
  assert.deepEqual(await admin.locator('.fix li').allTextContents(), smtpAuthOff.steps);
  assert.equal(await admin.locator('.for-admin').count(), 0, 'no forAdmin part when the finding has none');
  assert.match(await admin.locator('.doc').textContent(), /authenticated-client-smtp-submission/);
  const user = page.locator('#paste-findings .finding[data-code="GMAIL_APP_PASSWORD_REQUIRED"]');
  assert.equal(await user.locator('.who').textContent(), 'What you can do');
  assert.match(await user.locator('.fix').textContent(), /app password at myaccount\.google\.com\/apppasswords/);

  // The evidence is text: the pasted <img> is shown, never made an element.
  assert.equal(await admin.locator('details.evidence').getAttribute('open'), '', 'the details are unfolded here');
  assert.match(await admin.locator('details.evidence pre').textContent(), /SmtpClientAuthentication is disabled for the Mailbox\. <img src=x onerror="window\.__pwned=1">\n\[M365_SMTP_AUTH_DISABLED\]/);
  assert.equal(await page.locator('#paste-findings img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, 'helpdesk-01-paste-explained');

  // A failing call reads as the core's finding.
  await page.click('#paste-explain');
  await page.waitForSelector('body[data-explain="failed"]');
  assert.equal(await page.locator('#paste-findings .finding[data-code="INTERNAL"]').count(), 1);
  assert.equal(await page.textContent('#paste-findings h3'), internalFinding.result.title);
  assert.deepEqual(await calls(page, 'internal_finding'), [{ detail: 'command explain not allowed' }]);

  await page.click('#helpdesk-back');
  await page.waitForSelector('#step-address:not([hidden])');
  assert.deepEqual(page.errors, []);
});

test('the mailboxes on this computer show their status in words, in local time', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [ann(), admissions] }], report: [report('REPORT FOR ADMISSIONS')],
  }, TZ);
  await openHelpdesk(page);
  assert.equal(await page.getAttribute('body', 'data-helpdesk'), 'listed');
  assert.equal(await page.locator('#helpdesk-accounts li.mailbox').count(), 2);
  assert.equal(await page.isVisible('#helpdesk-empty'), false);

  const a = page.locator('li.mailbox[data-mailbox="ann.lee@example.edu"]');
  assert.equal(await a.locator('h4').textContent(), 'Ann.Lee@example.edu');
  assert.equal(await a.locator('dd[data-key="signedIn"]').textContent(), 'ann.lee@example.edu');
  assert.equal(await a.locator('dd[data-key="lastSuccess"]').textContent(), 'Nov 29, 2025, 11:40 AM');
  assert.equal(await a.locator('dd[data-key="lastRefresh"]').textContent(), 'Nov 29, 2025, 11:40 AM');
  assert.equal(await a.locator('dd[data-key="tokenExpires"]').textContent(), 'expired (Sep 8, 2001, 9:46 PM)');
  assert.equal(await a.locator('dd[data-key="addedAt"]').textContent(), 'Nov 24, 2025, 11:00 AM');
  assert.equal(await a.locator('dd[data-key="tenant"]').textContent(), '72f988bf-0000-0000-0000-000000000001');
  assert.deepEqual(await a.locator('.mark').allTextContents(), ['Last check passed']);

  const b = page.locator('li.mailbox[data-mailbox="admissions@example.edu"]');
  assert.equal(await b.locator('dd[data-key="signedIn"]').textContent(), 'shared, via me@example.edu');
  assert.equal(await b.locator('dd[data-key="lastSuccess"]').textContent(), 'never');
  assert.equal(await b.locator('dd[data-key="lastRefresh"]').textContent(), 'never');
  assert.equal(await b.locator('dd[data-key="tokenExpires"]').textContent(), 'Dec 31, 2099, 7:00 PM');
  assert.equal(await b.locator('dd[data-key="tenant"]').count(), 0);
  assert.equal(await b.locator('.mark[data-mark="missing"]').textContent(), 'Sign-in missing from this computer\'s vault');
  assert.equal(await b.locator('.mark[data-mark="failed"]').textContent(), 'Last check failed (Nov 29, 2025, 11:40 AM)');
  assert.equal(await b.locator('.mark[data-mark="missing"]').evaluate((e) => e.classList.contains('bad')), true);
  await shot(page, 'helpdesk-02-mailboxes');

  // "Show report" without a check: the report of this session's results, no check run.
  await b.locator('button.show-report').click();
  await page.waitForSelector('body[data-report="shown"]');
  assert.equal(await page.textContent('#report-address'), 'Admissions@example.edu');
  assert.equal(await page.textContent('#report-text'), 'REPORT FOR ADMISSIONS');
  assert.match(await page.textContent('#report-summary'), /\/home\/ann\/Downloads/);
  assert.deepEqual(await calls(page, 'report'), [{ address: 'Admissions@example.edu' }]);
  assert.deepEqual(await calls(page, 'full_check'), []);
  assert.deepEqual(page.errors, []);
});

test('no mailbox yet: says so and offers the wizard', async () => {
  const page = await openPage(browser, { app_info: [appInfo()], list_accounts: [{ result: [] }] });
  await openHelpdesk(page);
  assert.equal(await page.getAttribute('body', 'data-helpdesk'), 'empty');
  assert.equal(await page.isVisible('#helpdesk-empty'), true);
  assert.match(await page.textContent('#helpdesk-empty'), /No mailbox is set up on this computer yet/);
  assert.equal(await page.locator('#helpdesk-accounts li').count(), 0);
  await shot(page, 'helpdesk-03-empty');
  await page.click('#helpdesk-setup');
  await page.waitForSelector('#step-address:not([hidden])');
});

test('run full check: live progress with information steps, findings, fresh status, then the report to copy and save', async () => {
  const port25 = 'port 25 gave no answer within 3 seconds (blocked on the way): the app sends on the submission port, never on 25';
  const checkOutcome = outcome('check', [
    { step: 'dns', status: 'passed', ms: 3, detail: 'smtp.office365.com → 52.97.1.1' },
    { step: 'smtp_connect', status: 'passed', ms: 40, detail: 'TLS 1.3 · AUTH XOAUTH2' },
    { step: 'port25', status: 'info', ms: 3000, detail: port25 },
  ]);
  const verifyOutcome = outcome('verify', [
    { step: 'vault_read', status: 'passed', ms: 2 },
    { step: 'token_refresh', status: 'passed', ms: 90 },
    { step: 'smtp_connect', status: 'passed', ms: 35 },
    { step: 'smtp_auth', status: 'failed', ms: 120, finding: smtpAuthOff },
  ]);
  const page = await openPage(browser, {
    app_info: [appInfo()],
    // start, the helpdesk page, then the row's data after the check
    list_accounts: [{ result: [ann()] }, { result: [ann()] }, { result: [ann({ lastCheckAt: T_2026_01_01_0000Z, lastCheckPassed: false })] }],
    full_check: [{
      events: [
        ...step('dns', 'Looking up the mail servers', { detail: 'smtp.office365.com → 52.97.1.1' }),
        ...step('smtp_connect', 'Connecting securely to the sending server', { detail: 'TLS 1.3 · AUTH XOAUTH2' }),
        { event: 'stepStarted', step: 'port25', label: 'Checking port 25 (for information)' },
        { event: 'stepNoted', step: 'port25', label: 'Checking port 25 (for information)', ms: 3000, detail: port25 },
        ...step('vault_read', 'Reading the saved sign-in'),
        ...step('token_refresh', 'Renewing the sign-in'),
        ...step('smtp_connect', 'Connecting securely to the sending server', { detail: 'TLS 1.3 · AUTH XOAUTH2 (with the saved sign-in)' }),
        { event: 'stepStarted', step: 'smtp_auth', label: 'Signing in to the sending server' },
        { event: 'stepFailed', step: 'smtp_auth', label: 'Signing in to the sending server', ms: 120, finding: smtpAuthOff },
      ],
      wait: 500,
      result: [checkOutcome, verifyOutcome],
    }],
    report: [report()],
    save_report: [{ result: '/home/ann/Downloads/mail-report-ann.lee@example.edu-2026-01-01.html' }, { result: '/home/ann/Downloads/mail-report-ann.lee@example.edu-2026-01-01.json' }],
  }, TZ);
  await openHelpdesk(page);
  const row = page.locator('li.mailbox[data-mailbox="ann.lee@example.edu"]');
  assert.deepEqual(await row.locator('.mark').allTextContents(), ['Last check passed']);
  await row.locator('button.full-check').click();

  // Live: the steps show while the check still runs.
  await row.locator('.progress li[data-step="smtp_auth"].failed').waitFor();
  assert.equal(await page.getAttribute('body', 'data-fullcheck'), 'running');
  assert.equal(await row.locator('button.full-check').isDisabled(), true);
  const info = row.locator('.progress li[data-step="port25"]');
  assert.equal(await info.getAttribute('class'), 'info');
  assert.equal(await info.locator('.label').textContent(), 'Checking port 25 (for information)');
  assert.equal(await info.locator('.detail').textContent(), ` — ${port25}`);
  // The mark, not read out (its word is): "Note".
  assert.equal(await info.evaluate((e) => getComputedStyle(e, '::before').content), '"ℹ" / ""');
  assert.equal(await info.locator('.state').textContent(), 'Note');
  // The verification's smtp_connect does not overwrite the connection check's.
  assert.deepEqual(await row.locator('.progress li').evaluateAll((lis) => lis.map((li) => `${li.dataset.step || li.dataset.earlier}:${li.className}`)), [
    'dns:passed', 'smtp_connect:passed', 'port25:info', 'vault_read:passed', 'token_refresh:passed', 'smtp_connect:passed', 'smtp_auth:failed',
  ]);
  await shot(page, 'helpdesk-04-full-check-running');

  await page.waitForSelector('body[data-fullcheck="failed"]');
  assert.equal(await row.locator('.result').textContent(), 'Connection check: passed · Verification: failed');
  const found = row.locator('.finding-slot .finding');
  assert.equal(await found.count(), 1);
  assert.equal(await found.getAttribute('data-code'), 'M365_SMTP_AUTH_DISABLED');
  assert.match(await found.textContent(), /Tick "Authenticated SMTP" and save/);
  // The row's data was read again after the check.
  assert.equal(await row.locator('.mark[data-mark="failed"]').textContent(), 'Last check failed (Dec 31, 2025, 7:00 PM)');
  assert.equal(await row.locator('button.full-check').isDisabled(), false);

  // Then the report.
  assert.equal(await page.getAttribute('body', 'data-report'), 'shown');
  assert.equal(await page.isVisible('#report'), true);
  assert.equal(await page.textContent('#report-address'), 'Ann.Lee@example.edu');
  assert.equal(await page.textContent('#report-text'), reportText);
  assert.equal(await page.getAttribute('#report', 'data-passed'), 'false');
  const order = await page.evaluate(() => window.__calls.map((c) => c.cmd).filter((c) => c !== 'app_info' && c !== 'list_browsers' && c !== 'page_text'));
  assert.deepEqual(order, ['list_accounts', 'list_accounts', 'full_check', 'list_accounts', 'report']);
  assert.deepEqual(await calls(page, 'full_check'), [{ address: 'Ann.Lee@example.edu', onEvent: '[channel]' }]);
  assert.deepEqual(await calls(page, 'report'), [{ address: 'Ann.Lee@example.edu' }]);
  await shot(page, 'helpdesk-05-full-check-report');

  // Copy, Save (HTML), Save as JSON.
  await stubClipboard(page);
  await page.click('#report-copy');
  await page.waitForFunction(() => window.__copied !== undefined);
  assert.equal(await page.evaluate(() => window.__copied), reportText);
  assert.equal(await page.textContent('#report-copy'), 'Copied');
  await page.click('#report-save');
  await page.waitForSelector('body[data-saved="html"]');
  assert.equal(await page.textContent('#report-saved'), 'Saved to /home/ann/Downloads/mail-report-ann.lee@example.edu-2026-01-01.html');
  await page.click('#report-save-json');
  await page.waitForSelector('body[data-saved="json"]');
  assert.equal(await page.textContent('#report-saved'), 'Saved to /home/ann/Downloads/mail-report-ann.lee@example.edu-2026-01-01.json');
  assert.deepEqual(await calls(page, 'save_report'), [
    { address: 'Ann.Lee@example.edu', format: 'html' },
    { address: 'Ann.Lee@example.edu', format: 'json' },
  ]);
  await shot(page, 'helpdesk-06-report-saved');
  // The wizard's own list of accounts shows the fresh status too.
  assert.match(await page.evaluate(() => document.querySelector('#accounts-list').textContent), /last check failed/);
  assert.deepEqual(page.errors, []);
});

test('the Done page opens the helpdesk report for the current mailbox', async () => {
  const passedCheck = {
    events: [...step('dns', 'Looking up the mail servers', { detail: 'smtp → 1.2.3.4' })],
    result: outcome('check', [{ step: 'dns', status: 'passed', ms: 3 }]),
  };
  const signedIn = outcome('sign_in', [{ step: 'vault_store', status: 'passed', ms: 3 }], { account: { address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', signedInAs: 'ann.lee@example.edu', provider: 'microsoft365', addedAt: 1 } });
  const verified = {
    events: [...step('smtp_send', 'Sending a test message to the mailbox'), { event: 'stepStarted', step: 'proxy', label: 'Looking at the proxy settings' }, { event: 'stepNoted', step: 'proxy', label: 'Looking at the proxy settings', ms: 1, detail: 'no proxy is set' }],
    result: outcome('verify', [{ step: 'smtp_send', status: 'passed', ms: 20 }, { step: 'proxy', status: 'info', ms: 1, detail: 'no proxy is set' }]),
  };
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }, { result: [ann()] }], list_browsers: [{ result: [] }], parse_address: [addressInfo],
    check_connection: [passedCheck], sign_in_choices: [m365Choices], sign_in: [{ result: signedIn }], verify: [verified], report: [report('REPORT FOR ANN, FROM THE WIZARD')],
  });
  await page.fill('#address', 'Ann.Lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  await page.click('#check-next');
  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
  await page.click('#verify-start');
  await page.waitForSelector('body[data-verify="passed"]');
  assert.equal(await page.getAttribute('#verify-progress li[data-step="proxy"]', 'class'), 'info');
  await page.click('#verify-next');
  await page.waitForSelector('#step-done:not([hidden])');
  const noted = page.locator('#done-steps li.info');
  assert.equal(await noted.textContent(), 'Note Looking at the proxy settings — no proxy is set');
  assert.equal(await noted.evaluate((e) => getComputedStyle(e, '::before').content), '"ℹ" / ""');
  assert.equal(await page.locator('#done-steps li.passed').evaluate((e) => getComputedStyle(e, '::before').content), '"✓" / ""');
  assert.equal(await page.locator('#done-steps li.passed .state').textContent(), 'Passed');

  await page.click('#done-report');
  await page.waitForSelector('#step-helpdesk:not([hidden])');
  await page.waitForSelector('body[data-report="shown"]');
  assert.equal(await page.textContent('#report-address'), 'Ann.Lee@example.edu');
  assert.equal(await page.textContent('#report-text'), 'REPORT FOR ANN, FROM THE WIZARD');
  assert.deepEqual(await calls(page, 'report'), [{ address: 'Ann.Lee@example.edu' }]);
  assert.deepEqual(await calls(page, 'full_check'), [], 'the report needs no new check');
  assert.equal(await page.locator('li.mailbox[data-mailbox="ann.lee@example.edu"]').count(), 1);
  await shot(page, 'helpdesk-07-report-from-done');

  await page.click('#helpdesk-back');
  await page.waitForSelector('#step-done:not([hidden])');
  assert.deepEqual(page.errors, []);
});

test('a password account shows how it signs in, not token times', async () => {
  const gmail = {
    address: 'Lee@gmail.example', mailbox: 'lee@gmail.example', provider: 'google', signedInAs: 'lee@gmail.example', shared: false,
    tenantId: null, addedAt: T_2025_11_24_1600Z, lastCheckAt: T_2025_11_29_1640Z, lastCheckPassed: true, lastSuccessAt: T_2025_11_29_1640Z,
    lastRefreshAt: null, tokenExpiresAt: null, method: 'password', inVault: true, methodLabel: 'Google App Password',
  };
  const page = await openPage(browser, { app_info: [appInfo()], list_accounts: [{ result: [gmail, ann()] }] }, TZ);
  await openHelpdesk(page);
  const row = page.locator('li.mailbox[data-mailbox="lee@gmail.example"]');
  assert.equal(await row.locator('dd[data-key="method"]').textContent(), 'Google App Password, kept in the vault');
  assert.equal(await row.locator('dt', { hasText: 'Login name' }).count(), 1);
  assert.equal(await row.locator('dd[data-key="tokenExpires"]').count(), 0, 'no token line for a password account');
  const other = page.locator('li.mailbox[data-mailbox="ann.lee@example.edu"]');
  assert.equal(await other.locator('dd[data-key="tokenExpires"]').count(), 1);
});

test('each sign-in says how long it lasts, and one ending soon is marked', async () => {
  // The words come from the core (crates/core/src/health.rs); the page shows them as they are.
  const soon = ann({
    mailbox: 'soon@example.edu', address: 'Soon@example.edu',
    health: { state: 'ends_soon', renewedAt: T_2025_11_24_1600Z, endsAt: T_2026_01_01_0000Z, endsWhateverHappens: true, limitedBy: null,
      words: 'Google ends this sign-in on 2026-01-01 00:00 UTC (in 5 days) even if it is used: the organisation\'s Google sign-in for this app is still in "Testing".' },
  });
  const good = ann({
    health: { state: 'good', renewedAt: T_2025_11_29_1640Z, endsAt: T_2100_01_01_0000Z, endsWhateverHappens: false, limitedBy: null,
      words: 'Last renewed 2025-11-29 16:40 UTC. Unused, it stops working on 2026-02-27 16:40 UTC (in 90 days).' },
  });
  const page = await openPage(browser, { app_info: [appInfo()], list_accounts: [{ result: [good, soon] }] }, TZ);
  await openHelpdesk(page);
  const row = page.locator('li.mailbox[data-mailbox="soon@example.edu"]');
  assert.match(await row.locator('dd[data-key="health"]').textContent(), /Testing/);
  assert.equal(await row.locator('[data-mark="ends-soon"]').count(), 1);
  const other = page.locator('li.mailbox[data-mailbox="ann.lee@example.edu"]');
  assert.match(await other.locator('dd[data-key="health"]').textContent(), /stops working on 2026-02-27/);
  assert.equal(await other.locator('[data-mark="ends-soon"]').count(), 0);
});
