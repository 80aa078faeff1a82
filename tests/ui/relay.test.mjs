// UI tests of the Helpdesk page's local relay and daily renewal: the relay's switch, adding a
// program (its password shown once with the settings to type in, and copied), the list without
// passwords, Remove, a finding from the core (the port taken) shown as it came; registering and
// removing the daily renewal. Mocked IPC; the relay itself is tested
// with real clients in crates/cli/tests/relay.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appInfo, finding, launch, openPage, shot, stubClipboard } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ann = {
  address: 'Ann.Lee@example.edu', mailbox: 'ann.lee@example.edu', provider: 'microsoft365', signedInAs: 'ann.lee@example.edu',
  shared: false, addedAt: 1764000000, inVault: true, method: 'oauth',
};
const bob = { ...ann, address: 'bob@example.edu', mailbox: 'bob@example.edu', method: 'password' };
const scanner = { mailbox: 'ann.lee@example.edu', name: 'scanner', sendAs: [], addedAt: 1764000000 };
const PASSWORD = 'abcde-fghij-kmnpq-rstuv';

async function openRelay(page) {
  await page.waitForSelector('body[data-loaded="true"]');
  await page.click('#open-helpdesk');
  await page.waitForSelector('body[data-helpdesk="listed"]');
  await page.click('#relay summary');
}

test('the relay: switch on, add a program (password shown once and copied), remove it, switch off', async () => {
  const page = await openPage(browser, {
    app_info: [appInfo()],
    list_accounts: [{ result: [ann, bob] }],
    relay_status: [{ result: { listening: null, programs: [] } }, { result: { listening: '127.0.0.1:1587', programs: [scanner] } }],
    relay_switch: [{ result: { listening: '127.0.0.1:1587', programs: [] } }, { result: { listening: null, programs: [] } }],
    relay_add: [{ result: { program: scanner, host: '127.0.0.1', port: 1587, user: 'ann.lee@example.edu', password: PASSWORD } }],
    relay_remove: [{ result: { listening: '127.0.0.1:1587', programs: [] } }],
  });
  await stubClipboard(page);
  await openRelay(page);
  await page.waitForSelector('body[data-relay="off"]');
  assert.match(await page.textContent('#relay-status'), /Stopped/);
  // Only mailboxes with a sign-in can be relayed for.
  assert.deepEqual(await page.$$eval('#relay-mailbox option', (o) => o.map((x) => x.value)), ['ann.lee@example.edu']);

  await page.check('#relay-switch');
  await page.waitForSelector('body[data-relay="on"]');
  assert.match(await page.textContent('#relay-status'), /Running on 127\.0\.0\.1:1587/);

  await page.fill('#relay-program', 'scanner');
  await page.click('#relay-add button[type=submit]');
  await page.waitForSelector('#relay-added:not([hidden])');
  assert.equal(await page.textContent('#relay-added dd[data-key="Password"]'), PASSWORD);
  assert.equal(await page.textContent('#relay-added dd[data-key="User name"]'), 'ann.lee@example.edu');
  assert.equal(await page.textContent('#relay-added dd[data-key="Port"]'), '1587');
  await page.click('#relay-added button');
  assert.equal(await page.evaluate(() => window.__copied), PASSWORD);
  await shot(page, 'relay-01-added');
  const calls = await page.evaluate(() => window.__calls);
  assert.deepEqual(calls.find((c) => c.cmd === 'relay_add').args, { address: 'ann.lee@example.edu', program: 'scanner' });
  // The list shows the program, never a password.
  await page.waitForSelector('#relay-programs li[data-program="scanner"]');
  assert.doesNotMatch(await page.textContent('#relay-programs'), new RegExp(PASSWORD));

  await page.click('#relay-programs li[data-program="scanner"] button');
  await page.waitForSelector('#relay-programs li', { state: 'detached' });
  await page.uncheck('#relay-switch');
  await page.waitForSelector('body[data-relay="off"]');
  const switches = (await page.evaluate(() => window.__calls)).filter((c) => c.cmd === 'relay_switch').map((c) => c.args.on);
  assert.deepEqual(switches, [true, false]);
  assert.deepEqual(page.errors, []);
});

test('the relay: a finding from the core is shown as it came, and the switch stays off', async () => {
  const taken = finding('RELAY_CANNOT_LISTEN', 'The relay cannot start on its port', { audience: 'helpdesk' });
  const page = await openPage(browser, {
    app_info: [appInfo()],
    list_accounts: [{ result: [ann] }],
    relay_status: [{ result: { listening: null, programs: [] } }],
    relay_switch: [{ error: taken }],
  });
  await openRelay(page);
  await page.waitForSelector('body[data-relay="off"]');
  await page.click('#relay-switch');
  await page.waitForFunction(() => document.querySelector('#relay-findings').textContent.includes('The relay cannot start on its port'));
  assert.equal(await page.isChecked('#relay-switch'), false);
  assert.deepEqual(page.errors, []);
});

test('the daily renewal: registered and removed with the core\'s words; a failure shown as its finding', async () => {
  const failed = finding('SCHEDULE_FAILED', 'The daily renewal could not be set up', { audience: 'helpdesk' });
  const page = await openPage(browser, {
    app_info: [appInfo()],
    list_accounts: [{ result: [ann] }],
    schedule_renewal: [
      { result: 'The daily renewal is registered with a systemd user timer: it runs `/usr/bin/mailsetup renew --all --quiet` once a day.' },
      { result: 'The daily renewal is removed from a systemd user timer.' },
      { error: failed },
    ],
  });
  await page.waitForSelector('body[data-loaded="true"]');
  await page.click('#open-helpdesk');
  await page.waitForSelector('body[data-helpdesk="listed"]');
  await page.click('#schedule-on');
  await page.waitForSelector('#schedule-result:not([hidden])');
  assert.match(await page.textContent('#schedule-result'), /registered with a systemd user timer/);
  await page.click('#schedule-off');
  await page.waitForFunction(() => document.querySelector('#schedule-result').textContent.includes('removed'));
  await page.click('#schedule-on');
  await page.waitForFunction(() => document.querySelector('#schedule-findings').textContent.includes('could not be set up'));
  assert.equal(await page.isHidden('#schedule-result'), true);
  const calls = (await page.evaluate(() => window.__calls)).filter((c) => c.cmd === 'schedule_renewal').map((c) => c.args.on);
  assert.deepEqual(calls, [true, false, true]);
  assert.deepEqual(page.errors, []);
});
