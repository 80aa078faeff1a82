// The real app window for a Gmail-style mailbox: Google sign-in is offered first; the person
// switches to an App Password pasted with Google's spaces; the password is checked on the real
// Dovecot, kept in the real Secret Service, the test message goes through Postfix; then the
// helpdesk report of the session. Screenshots under target/screenshots/gmail-desktop-*.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkShots, clearShots, dataset, launchApp, SHOTS } from '../lib/desktop.mjs';
import { addAppPassword, loadPeers, registerClient, vaultEntry } from '../lib/peers.mjs';

test('desktop: Gmail with an App Password, verified, then the helpdesk report', { timeout: 240_000 }, async () => {
  const started = Date.now();
  clearShots('gmail-desktop-');
  const peers = loadPeers();
  const address = `Lee.${process.pid}@gmail.example`;
  const mailbox = address.toLowerCase();
  const appPassword = 'mnopqrstuvwxyzab';
  await addAppPassword(peers, mailbox, appPassword);
  const app = await launchApp(peers, await registerClient(peers, {}), 'gmail-desktop');
  const { wd, shot } = app;
  await app.drive(async () => {
    await wd.type('#address', address);
    await wd.click('#address-next');
    await wd.waitFor(dataset('check'), 30_000, 'connection check');
    assert.equal(await wd.exec(dataset('check')), 'passed');
    assert.match(await wd.text('#discovery'), /Google/);
    await wd.clickUntil('#check-next', "return document.body.dataset.step === 'signin'", 'sign-in page');
    await wd.waitFor("return document.body.dataset.signinMethod === 'oauth'", 10_000, 'Google sign-in first');
    assert.match(await wd.text('#signin-heading'), /Google/);
    await shot('sign-in-google');

    // The person has an App Password instead.
    await wd.clickUntil('#signin-use-password', "return document.body.dataset.signinMethod === 'app_password'", 'App Password screen');
    assert.match(await wd.text('#app-password-help'), /2-Step Verification/);
    await wd.type('#password', 'mnop qrst uvwx yzab');
    await shot('app-password');
    await wd.click('#password-submit');
    await wd.waitFor("return document.body.dataset.step === 'verify'", 60_000, 'password accepted');
    const record = vaultEntry(mailbox);
    assert.equal(record.password, appPassword, 'stored without the spaces, in the Secret Service');
    assert.equal(await wd.exec("return document.querySelector('#password').value"), '', 'field cleared');

    // Verify: PLAIN over STARTTLS to Postfix, LOGIN/PLAIN to Dovecot, the message found.
    await wd.click('#verify-start');
    await wd.waitFor(dataset('verify'), 60_000, 'verify');
    assert.equal(await wd.exec(dataset('verify')), 'passed');
    const progress = await wd.text('#verify-progress');
    // Plain words first; the technical fact (which user name signed in) under Details.
    assert.match(progress, /Signing in to the sending server — The sending server accepted the sign-in\s*Details\s*password as/);
    assert.match(progress, /Signing in to the mailbox — The mailbox accepted the sign-in\s*Details\s*password as/);
    assert.doesNotMatch(progress, /XOAUTH2 as/, 'never XOAUTH2 with a password');
    await shot('verified');
    await wd.clickUntil('#verify-next', "return document.body.dataset.step === 'done'", 'done page');

    // The helpdesk report of this session, without the password.
    await wd.clickUntil('#done-report', "return document.body.dataset.report === 'shown'", 'report');
    const report = await wd.text('#report-text');
    assert.match(report, /Verification: passed/);
    assert.match(report, /Gmail or Google Workspace/);
    assert.ok(!report.includes(appPassword) && !report.includes('mnop qrst'), 'no password in the report');
    await shot('report');
  });
  checkShots(assert, app.shots);
  console.log(`desktop Gmail App Password: ${((Date.now() - started) / 1000).toFixed(1)} s, ${app.shots.length} screenshots in ${SHOTS}`);
});
