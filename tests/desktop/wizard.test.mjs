// The real app window end to end: tauri-driver + WebKitWebDriver under Xvfb drive the desktop
// app through the wizard against the local peers, with headless Chromium as the system browser
// and the real Secret Service. A screenshot of each step is saved under target/screenshots/ and
// checked to be non-blank.
//
// Run by tests/run-all.sh (which provides Xvfb, D-Bus, gnome-keyring and the peers).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkShots, clearShots, dataset, launchApp, SHOTS } from '../lib/desktop.mjs';
import { REPO, grant, loadPeers, registerClient, approveDevice, vaultEntry } from '../lib/peers.mjs';

test('desktop wizard: address → check → colleague not confirmed → pick the account → verify → done → forget', { timeout: 240_000 }, async () => {
  const started = Date.now();
  clearShots('desktop-');
  const peers = loadPeers();
  const address = `Desktop.${process.pid}@Example.edu`;
  const mailbox = address.toLowerCase();
  // The browser is already signed in as a colleague; in the account picker the person picks the mailbox.
  const clientId = await registerClient(peers, { scenario: { signed_in_as: 'other@example.edu', pick_as: mailbox } });
  const app = await launchApp(peers, clientId, 'desktop');
  const { wd, shot } = app;
  await app.drive(async () => {
    assert.match(await wd.text('#version'), /Version \d+\.\d+\.\d+/);
    await shot('address');

    // 1. A wrong address first: refused with plain words, no network.
    await wd.type('#address', 'Ann Smith <ann@example.edu>');
    await wd.click('#address-next');
    await wd.waitFor("return !!document.querySelector('#address-error .finding')", 10_000, 'address error');
    assert.match(await wd.text('#address-error .finding h3'), /not an email address we can use/);
    await wd.exec("document.querySelector('#address').value = ''");
    await wd.type('#address', address);
    await wd.click('#address-next');

    // 2. Connection check against the real Postfix and Dovecot, with discovery in plain words.
    await wd.waitFor(dataset('check'), 30_000, 'connection check');
    assert.equal(await wd.exec(dataset('check')), 'passed');
    assert.equal(await wd.text('#discovery'), 'This is a Microsoft 365 work or school account at Example College.');
    assert.match(await wd.text('#check-progress'), /AUTH XOAUTH2/);
    await shot('connection-check');
    await wd.clickUntil('#check-next', "return document.body.dataset.step === 'signin'", 'sign-in page');
    await shot('sign-in');

    // 3. The browser hands back a colleague: the app asks, the person says no, nothing is stored.
    await wd.click('#signin-start');
    await wd.waitFor("return document.body.dataset.signin === 'confirm'", 60_000, 'confirmation');
    assert.match(await wd.text('#confirm-question'), /other@example\.edu/);
    assert.equal(vaultEntry(mailbox), null, 'nothing stored before confirmation');
    await shot('confirm-account');
    await wd.click('#confirm-no');
    await wd.waitFor("return document.body.dataset.signin === 'SIGNED_IN_AS_DIFFERENT_ACCOUNT'", 20_000, 'declined');
    const card = await wd.text('#signin-findings .finding');
    assert.match(card, /other@example\.edu/);
    assert.match(card, /private/);
    assert.equal(vaultEntry(mailbox), null, 'nothing stored for the wrong account');
    await shot('wrong-account');

    // "Try again and pick the account": Microsoft shows the picker, the person picks the mailbox.
    await wd.click('#retry-pick');
    await wd.waitFor("return document.body.dataset.step === 'verify'", 60_000, 'sign-in passed');
    const record = vaultEntry(mailbox);
    assert.ok(record, 'the sign-in is in the Secret Service');
    assert.equal(record.mailbox, mailbox);
    await shot('check-mail');

    // 4. Verify: XOAUTH2 send through Postfix, find over Dovecot IMAP.
    await wd.click('#verify-start');
    await wd.waitFor(dataset('verify'), 60_000, 'verify');
    assert.equal(await wd.exec(dataset('verify')), 'passed');
    assert.match(await wd.text('#verify-progress'), /found as UID/);
    await shot('verified');
    await wd.clickUntil('#verify-next', "return document.body.dataset.step === 'done'", 'done page');
    assert.match(await wd.text('#step-done h2'), /is ready/);
    await shot('done');

    // 5. Forget the mailbox from the Done page.
    await wd.click('#done-forget');
    await wd.waitFor(dataset('forgot'), 20_000, 'forget');
    assert.equal(await wd.exec(dataset('forgot')), 'true');
    assert.equal(vaultEntry(mailbox), null, 'the vault entry is gone');
    await shot('forgotten');
  });
  checkShots(assert, app.shots);
  console.log(`desktop end-to-end: ${((Date.now() - started) / 1000).toFixed(1)} s, ${app.shots.length} screenshots in ${SHOTS}`);
});

test('desktop: shared mailbox in a private window, a device code, and the administrator page with the registration check', { timeout: 240_000 }, async () => {
  clearShots('desktop3-');
  const peers = loadPeers();
  const shared = `admissions.${process.pid}@example.edu`;
  const delegate = `clerk.${process.pid}@example.edu`;
  await grant(peers, shared, delegate, true, true);
  const clientId = await registerClient(peers, { scenario: { device_interval: 1 } });
  const fakeLog = join(REPO, 'target', `fake-browser-${process.pid}.log`);
  const app = await launchApp(peers, clientId, 'desktop3', {
    PATH: `${join(REPO, 'tests/peers/fake-browsers')}:${process.env.PATH}`,
    FAKE_BROWSER_LOG: fakeLog,
  });
  const { wd, shot } = app;
  await app.drive(async () => {
    // Shared mailbox: the clerk signs in with their own account for admissions@.
    await wd.type('#address', shared);
    await wd.click('#shared');
    await wd.type('#delegate', delegate);
    await shot('shared-mailbox');
    await wd.click('#address-next');
    await wd.waitFor(dataset('check'), 30_000, 'connection check');
    await wd.clickUntil('#check-next', "return document.body.dataset.step === 'signin'", 'sign-in page');
    assert.match(await wd.text('#step-signin'), new RegExp(`Sign in as ${delegate.replace(/\./g, '\\.')}`));

    // A private window of the installed browser.
    await wd.click('#signin-private');
    await wd.waitFor("return document.body.dataset.step === 'verify'", 60_000, 'private sign-in');
    const args = readFileSync(fakeLog, 'utf8');
    assert.match(args, /^--incognito http:\/\/localhost:\d+\/mailsetup-start/);
    assert.equal(vaultEntry(shared).sign_in_as, delegate);
    await wd.click('#verify-start');
    await wd.waitFor(dataset('verify'), 60_000, 'shared verify');
    assert.equal(await wd.exec(dataset('verify')), 'passed');
    assert.match(await wd.text('#verify-progress'), new RegExp(`XOAUTH2 as ${shared.replace(/\./g, '\\.')}`));
    await shot('shared-verified');

    // A device code for another mailbox (no browser on this computer).
    await wd.clickUntil('#verify-next', "return document.body.dataset.step === 'done'", 'done page');
    await wd.clickUntil('#done-another', "return document.body.dataset.step === 'address'", 'address page');
    const second = `kiosk.${process.pid}@example.edu`;
    await wd.exec("document.querySelector('#shared').click()");
    await wd.type('#address', second);
    await wd.click('#address-next');
    await wd.waitFor(dataset('check'), 30_000, 'second check');
    await wd.clickUntil('#check-next', "return document.body.dataset.step === 'signin'", 'sign-in page');
    await wd.click('#signin-device');
    await wd.waitFor(dataset('device'), 30_000, 'device code shown');
    const code = (await wd.text('#device-code')).trim();
    assert.match(code, /^[A-Z0-9]{6,}$/);
    await shot('device-code');
    await approveDevice(peers, code, second);
    await wd.waitFor("return document.body.dataset.step === 'verify'", 60_000, 'device sign-in');
    assert.ok(vaultEntry(second));

    // The administrator page.
    await wd.click('#open-admin');
    await wd.waitFor("return !!document.querySelector('dd[data-key=\"clientId\"]')", 10_000, 'admin page');
    assert.equal(await wd.text('dd[data-key="clientId"]'), clientId);
    await shot('admin');

    // The registration check: the administrator signs in in the (test) browser with Microsoft's
    // Graph tools app, and the page lists the core's items.
    await wd.type('#regcheck-admin', 'admin@example.edu');
    await wd.click('#regcheck-start');
    await wd.waitFor("return ['passed', 'failed'].includes(document.body.dataset.regcheck)", 60_000, 'registration check');
    assert.equal(await wd.exec(dataset('regcheck')), 'passed', await wd.text('#regcheck'));
    assert.equal(await wd.exec("return document.querySelectorAll('#regcheck-items > li.passed').length"), 7);
    assert.match(await wd.text('#regcheck-summary'), /every item passed/);
    await shot('admin-registration-check');
  });
  checkShots(assert, app.shots);
});
