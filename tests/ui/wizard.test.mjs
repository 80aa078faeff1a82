// UI tests of every wizard page and state, on headless Chromium with mocked IPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addressInfo, appInfo, finding, internalFinding, launch, m365Choices, openPage, outcome, shot, step, stubClipboard } from './harness.mjs';
import { passedCheck, signedIn } from './screens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const verified = {
  events: [...step('smtp_send', 'Sending a test message to the mailbox'), ...step('imap_find', 'Looking for the test message in the inbox', { detail: 'found as UID 7 after 80 ms' })],
  result: outcome('verify', [{ step: 'smtp_send', status: 'passed', ms: 20 }, { step: 'imap_find', status: 'passed', ms: 80, detail: 'found as UID 7 after 80 ms' }]),
};

async function toSignIn(page) {
  await page.fill('#address', ' Ann.Lee@Example.EDU ');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  await page.click('#check-next');
  await page.waitForSelector('#step-signin:not([hidden])');
}

test('happy path through every page, then forget', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], list_browsers: [{ result: [] }], parse_address: [addressInfo],
    check_connection: [passedCheck], sign_in_choices: [m365Choices], sign_in: [signedIn], verify: [verified], forget_account: [{ result: true }],
  });
  await page.waitForSelector('#version:has-text("Version 0.1.0")');
  assert.equal(await page.getAttribute('.stepper li.current', 'data-for'), 'address');
  await shot(page, '01-address');
  await toSignIn(page);
  assert.equal(await page.textContent('#step-check .addr'), 'Ann.Lee@example.edu');
  assert.match(await page.textContent('#check-progress'), /STARTTLS · AUTH XOAUTH2/);
  assert.match(await page.textContent('#step-signin'), /Sign in as Ann\.Lee@example\.edu/);
  await shot(page, '03-sign-in');
  await page.click('#signin-start');
  await page.waitForSelector('#step-verify:not([hidden])');
  await shot(page, '04-check-mail');
  await page.click('#verify-start');
  await page.waitForSelector('body[data-verify="passed"]');
  assert.equal(await page.isVisible('#verify-next'), true);
  await page.click('#verify-next');
  await page.waitForSelector('#step-done:not([hidden])');
  assert.match(await page.textContent('#done-summary'), /Signed in as ann\.lee@example\.edu/);
  assert.match(await page.textContent('#done-steps'), /found as UID 7/);
  await shot(page, '05-done');
  await page.click('#done-forget');
  await page.waitForSelector('body[data-forgot="true"]');
  assert.match(await page.textContent('#done-message'), /removed from this computer/);
  const calls = await page.evaluate(() => window.__calls.map((c) => [c.cmd, c.args]));
  assert.deepEqual(calls.find(([c]) => c === 'parse_address')[1], { address: 'Ann.Lee@Example.EDU' });
  assert.deepEqual(calls.find(([c]) => c === 'verify')[1], { address: 'Ann.Lee@example.edu', sendTest: true, onEvent: '[channel]' });
  assert.deepEqual(calls.find(([c]) => c === 'sign_in')[1], { address: 'Ann.Lee@example.edu', request: { signInAs: null }, onEvent: '[channel]' });
  assert.deepEqual(calls.find(([c]) => c === 'forget_account')[1], { address: 'Ann.Lee@example.edu' });
  assert.deepEqual(page.errors, []);
});

test('an invalid address shows the finding and stays on the page', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }],
    parse_address: [{ error: finding('INVALID_ADDRESS', 'That is not an email address we can use', { explanation: 'Please type only the address itself.' }) }],
  });
  await page.fill('#address', 'Ann <ann@example.edu>');
  await page.click('#address-next');
  await page.waitForSelector('#address-error .finding[data-code="INVALID_ADDRESS"]');
  assert.match(await page.textContent('#address-error'), /Please type only the address itself/);
  assert.equal(await page.isVisible('#step-address'), true);
  await shot(page, '02-invalid-address');
});

test('a failed connection check explains and offers to try again', async () => {
  const f = finding('CONNECT_TIMEOUT', 'No answer from smtp.office365.com:587 within 10 seconds', { audience: 'helpdesk', evidence: 'smtp.office365.com:587: no answer within 10000 ms' });
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [addressInfo],
    check_connection: [{ events: [{ event: 'stepStarted', step: 'smtp_connect', label: 'Connecting securely to the sending server' }, { event: 'stepFailed', step: 'smtp_connect', label: 'Connecting securely to the sending server', ms: 10000, finding: f }], result: outcome('check', [{ step: 'smtp_connect', status: 'failed', ms: 10000, finding: f }]) }],
  });
  await page.fill('#address', 'ann.lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="failed"]');
  assert.equal(await page.isDisabled('#check-next'), true);
  assert.equal(await page.isVisible('#check-retry'), true);
  assert.match(await page.textContent('#check-findings .who'), /For the helpdesk/);
  assert.match(await page.textContent('#check-progress li.failed'), /No answer from/);
  await shot(page, '02-check-failed');
});

test('the wrong account is refused with guidance and a retry button', async () => {
  const f = finding('SIGNED_IN_AS_DIFFERENT_ACCOUNT', 'The browser signed in as admin@example.edu, not Ann.Lee@example.edu', { steps: ['Try again in a private (incognito/InPrivate) browser window, where no account is signed in.', 'Or choose "Use another account".'] });
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [addressInfo], check_connection: [passedCheck], sign_in_choices: [m365Choices],
    sign_in: [{ events: [{ event: 'stepFailed', step: 'account_check', label: 'Checking which account signed in', ms: 1, finding: f }], result: outcome('sign_in', [{ step: 'account_check', status: 'failed', ms: 1, finding: f }]) }],
  });
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('body[data-signin="SIGNED_IN_AS_DIFFERENT_ACCOUNT"]');
  assert.match(await page.textContent('#signin-findings h3'), /admin@example\.edu, not Ann\.Lee@example\.edu/);
  assert.match(await page.textContent('#signin-findings .fix'), /private/);
  assert.equal(await page.isVisible('#retry-choices'), true, 'offers the account picker and a private window');
  assert.equal(await page.isVisible('#retry-pick'), true);
  assert.equal(await page.isVisible('#retry-private'), true);
  assert.equal(await page.isVisible('#step-verify'), false);
  await shot(page, '03-wrong-account');
});

test('waiting for the browser shows cancel, which calls cancel_sign_in', async () => {
  const cancelled = finding('SIGNIN_CANCELLED', 'The sign-in was cancelled');
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [addressInfo], check_connection: [passedCheck], sign_in_choices: [m365Choices],
    sign_in: [{ events: [{ event: 'waitingForBrowser', urlRedacted: 'x', timeoutSecs: 300 }], wait: 800, result: outcome('sign_in', [{ step: 'browser_sign_in', status: 'failed', ms: 1, finding: cancelled }]) }],
    cancel_sign_in: [{ result: true }],
  });
  await toSignIn(page);
  await page.click('#signin-start');
  await page.waitForSelector('#signin-waiting:not([hidden])');
  assert.equal(await page.isVisible('#signin-waiting'), true);
  await shot(page, '03-waiting-for-browser');
  await page.click('#signin-cancel');
  await page.waitForSelector('body[data-signin="SIGNIN_CANCELLED"]');
  assert.equal(await page.isVisible('#signin-waiting'), false);
  assert.ok((await page.evaluate(() => window.__calls.map((c) => c.cmd))).includes('cancel_sign_in'));
});

test('waiting for the browser: a countdown, the link to copy, and "Open the sign-in again" starts a new sign-in the same way', async () => {
  const first = 'http://localhost:53300/mailsetup-start/first';
  const second = 'http://localhost:53301/mailsetup-start/second';
  const waiting = (startUrl) => ({ event: 'waitingForBrowser', startUrl, private: true, timeoutSecs: 300, opened: true, deviceCode: true });
  const cancelled = outcome('sign_in', [{ step: 'browser_sign_in', status: 'failed', ms: 1, finding: finding('SIGNIN_CANCELLED', 'The sign-in was cancelled') }]);
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], list_browsers: [{ result: [] }], parse_address: [addressInfo], check_connection: [passedCheck], sign_in_choices: [m365Choices],
    sign_in: [
      { events: [waiting(first)], until: 'cancel_sign_in', result: cancelled },
      { events: [waiting(second)], until: 'list_accounts', result: signedIn.result },
    ],
    cancel_sign_in: [{ result: true }],
  });
  await page.clock.install();
  await stubClipboard(page);
  await toSignIn(page);
  await page.click('#signin-private');
  await page.waitForSelector('#signin-waiting:not([hidden])');

  // The countdown: minutes and seconds, a timer that is not read out at every tick.
  const timer = page.locator('#signin-timer');
  assert.match(await timer.textContent(), /^(5:00|4:59)$/);
  assert.equal(await timer.getAttribute('role'), 'timer');
  assert.equal(await timer.evaluate((e) => e.closest('[aria-live], [role="status"], [role="alert"], [role="log"]')), null, 'the timer is in no live region');
  assert.match(await page.textContent('#signin-countdown'), /^Time left to finish signing in: \d:\d\d$/);
  await page.waitForFunction(() => document.querySelector('#signin-waiting-status').textContent.startsWith('Waiting for you'));
  await page.clock.fastForward('04:01');
  await page.waitForFunction(() => /^0:5\d$/.test(document.querySelector('#signin-timer').textContent));
  // Said once, in the status line, when one minute is left.
  assert.equal(await page.textContent('#signin-waiting-status'), 'One minute left to finish signing in.');
  await shot(page, '03-waiting-countdown');

  // The link to copy (folded while a browser window opened).
  assert.equal(await page.isVisible('#copy-start-url'), false);
  await page.click('#start-link > summary');
  assert.equal(await page.textContent('#copy-start-url'), 'Copy the link');
  await page.click('#copy-start-url');
  assert.equal(await page.evaluate(() => window.__copied), first);

  // Open the sign-in again: the waiting one is cancelled, a new one starts the same way (private).
  await page.click('#signin-restart');
  await page.waitForFunction((url) => document.querySelector('#start-url').textContent === url, second);
  assert.equal(await page.isVisible('#signin-waiting'), true);
  assert.match(await page.textContent('#signin-timer'), /^(5:00|4:59)$/, 'the new sign-in has its own time');
  assert.equal(await page.$$eval('#signin-findings .finding', (n) => n.length), 0, 'the ended sign-in is not shown as a failure');
  const calls = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'sign_in' || c.cmd === 'cancel_sign_in').map((c) => [c.cmd, c.args.request ?? null]));
  const request = { private: true, browser: null, signInAs: null };
  assert.deepEqual(calls, [['sign_in', request], ['cancel_sign_in', null], ['sign_in', request]]);
  assert.deepEqual(page.errors, []);
});

test('settings and vault problems show as a banner at start; accounts are listed', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo({ settingsProblem: finding('SETTINGS_INVALID', 'The settings file has a mistake', { audience: 'admin' }), vaultProblem: finding('VAULT_UNAVAILABLE', "The computer's password vault cannot be used", { audience: 'helpdesk' }) })],
    list_accounts: [{ result: [{ address: 'B@example.edu', mailbox: 'b@example.edu', provider: 'microsoft365', addedAt: 1, inVault: true, lastCheckPassed: true }] }],
  });
  await page.waitForSelector('#banner .finding[data-code="SETTINGS_INVALID"]');
  assert.equal(await page.locator('#banner .finding').count(), 2);
  assert.match(await page.textContent('#banner'), /For your IT administrator/);
  assert.match(await page.textContent('#accounts-list'), /B@example\.edu — signed in/);
  await shot(page, '01-banner');
});

test('the Address step works before the app\'s version, the vault check and the accounts arrive', async () => {
  // Each answers only once the person has already gone on with an address.
  const late = (result) => [{ ...result, until: 'check_connection' }];
  const page = await openPage(browser, {
    app_info: late(appInfo({ vaultProblem: finding('VAULT_UNAVAILABLE', "The computer's password vault cannot be used", { audience: 'helpdesk' }) })),
    list_accounts: late({ result: [] }), list_browsers: late({ result: [] }),
    parse_address: [addressInfo], check_connection: [passedCheck],
  });
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('body', 'data-loaded'), null);
  assert.equal(await page.isEnabled('#address'), true);
  // The browsers (which the app finds by running programs) are looked for once a check starts.
  const calls = () => page.evaluate(() => window.__calls.map((c) => c.cmd));
  assert.equal((await calls()).includes('list_browsers'), false);
  await page.fill('#address', 'ann.lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="passed"]');
  assert.equal((await calls()).filter((c) => c === 'list_browsers').length, 1);
  // Then what was late arrives, and the vault's problem still shows.
  await page.waitForSelector('body[data-loaded="true"]');
  await page.waitForSelector('#banner .finding[data-code="VAULT_UNAVAILABLE"]');
  assert.equal(await page.textContent('#version'), 'Version 0.1.0');
  assert.deepEqual(page.errors, []);
});

test('finding text is shown as text, never as HTML', async () => {
  const evil = finding('UNRECOGNISED_REPLY', '<img src=x onerror="window.__pwned=1">', { evidence: '<script>window.__pwned=2</script>' });
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [{ error: evil }],
  });
  await page.fill('#address', 'x@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('#address-error .finding');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.textContent('#address-error h3'), /<img src=x/);
});

test('an IPC failure that is not a finding reads as the core\'s finding, and the error goes to the core\'s log', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [{ error: 'command parse_address not allowed' }], internal_finding: [internalFinding],
  });
  await page.fill('#address', 'x@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('#address-error .finding[data-code="INTERNAL"]');
  assert.match(await page.textContent('#address-error'), /Something unexpected went wrong/);
  const calls = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'internal_finding').map((c) => c.args));
  assert.deepEqual(calls, [{ detail: 'command parse_address not allowed' }]);
});

test('when even the core cannot be reached, the card shows the code and the error, and no words of the page', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [{ error: 'IPC is gone' }], internal_finding: [{ error: 'IPC is gone' }],
  });
  await page.fill('#address', 'x@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('#address-error .finding[data-code="INTERNAL"]');
  assert.equal(await page.locator('#address-error .finding h3').count(), 0);
  assert.equal(await page.$eval('#address-error details.evidence', (d) => d.open), true);
  assert.equal(await page.textContent('#address-error pre'), 'IPC is gone\n[INTERNAL]');
});

test('a failure seen by two steps shows once: the page shows the findings the core de-duplicated', async () => {
  const dns = finding('DNS_FAILED', 'The name example.edu could not be looked up', { audience: 'helpdesk' });
  const checked = outcome('check', [{ step: 'smtp_connect', status: 'failed', ms: 5, finding: dns }, { step: 'imap_connect', status: 'failed', ms: 6, finding: dns }]);
  assert.equal(checked.findings.length, 1, 'the fixture is the core\'s OutcomeView');
  const page = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [addressInfo],
    check_connection: [{ result: checked }],
  });
  await page.fill('#address', 'ann.lee@example.edu');
  await page.click('#address-next');
  await page.waitForSelector('body[data-check="failed"]');
  assert.equal(await page.locator('#check-findings .finding[data-code="DNS_FAILED"]').count(), 1);
  // The page shows `findings` as sent, and works nothing out from the steps.
  const page2 = await openPage(browser, {
    app_info: [appInfo()], list_accounts: [{ result: [] }], parse_address: [addressInfo],
    check_connection: [{ result: { ...checked, findings: [finding('CONNECT_TIMEOUT', 'From the core')] } }],
  });
  await page2.fill('#address', 'ann.lee@example.edu');
  await page2.click('#address-next');
  await page2.waitForSelector('body[data-check="failed"]');
  assert.deepEqual(await page2.locator('#check-findings .finding').evaluateAll((cs) => cs.map((c) => c.dataset.code)), ['CONNECT_TIMEOUT']);
});

test('the wizard\'s state is declared in one place and takes no other field', async () => {
  const page = await openPage(browser, { app_info: [appInfo()], list_accounts: [{ result: [] }] });
  await page.waitForSelector('body[data-loaded="true"]');
  const state = await page.evaluate(async () => {
    const { wizard } = window.MailSetup.wizard;
    let added = 'no error';
    try {
      // As in the page's scripts, which are strict code.
      (() => { 'use strict'; wizard.notDeclared = 1; })();
    } catch (e) {
      added = e.constructor.name;
    }
    return { sealed: Object.isSealed(wizard), keys: Object.keys(wizard), added, has: 'notDeclared' in wizard };
  });
  assert.deepEqual(state, {
    sealed: true,
    keys: ['address', 'delegate', 'signInAs', 'choicesReady', 'choices', 'serversTyped', 'account', 'lastVerify', 'previous'],
    added: 'TypeError',
    has: false,
  });
});
