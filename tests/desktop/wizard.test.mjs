// The real app window end to end: tauri-driver + WebKitWebDriver under Xvfb drive the desktop
// app through the whole wizard against the local peers, with headless Chromium as the system
// browser and the real Secret Service. A screenshot of each step is saved under
// target/screenshots/ and checked to be non-blank.
//
// Run by tests/run-all.sh (which provides Xvfb, D-Bus, gnome-keyring and the peers).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebDriver } from '../lib/webdriver.mjs';
import { pixelSpread, size } from '../lib/images.mjs';
import { REPO, loadPeers, registerClient, vaultEntry, writeSettings } from '../lib/peers.mjs';

const APP = join(REPO, 'target/debug/mailsetup-desktop');
const SHOTS = join(REPO, 'target/screenshots');

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not start on ${port}`);
}

test('desktop wizard: address → check → wrong account refused → sign in → verify → done → forget', { timeout: 240_000 }, async () => {
  const started = Date.now();
  assert.ok(existsSync(APP), `build the app first: cargo build (missing ${APP})`);
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.startsWith('desktop-')) rmSync(join(SHOTS, f));
  const peers = loadPeers();
  // The browser is already signed in as another person of the same school at first.
  const clientId = await registerClient(peers, { scenario: { signed_in_as: 'other@example.edu' } });
  const home = mkdtempSync(join(tmpdir(), 'mailsetup-desktop-'));
  const settings = writeSettings(peers, clientId, join(home, 'settings.toml'));
  const address = `Desktop.${process.pid}@Example.edu`;
  const mailbox = address.toLowerCase();

  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    env: {
      ...process.env,
      MAILSETUP_CONFIG: settings,
      BROWSER: join(REPO, 'tests/peers/browser.sh'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let driverLog = '';
  driver.stderr.on('data', (d) => { driverLog += d; });
  const wd = new WebDriver(`http://127.0.0.1:${port}`);
  const shots = [];
  const shot = async (name) => {
    await new Promise((r) => setTimeout(r, 700)); // WebDriver screenshots lag the DOM
    const file = join(SHOTS, `desktop-${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    writeFileSync(file, await wd.screenshot());
    shots.push(file);
  };
  const dataset = (key) => `return document.body.dataset.${key} || false;`;

  try {
    await waitPort(port, 20_000);
    await wd.start({ browserName: 'wry', 'tauri:options': { application: APP } });
    await wd.waitFor("return document.querySelector('#version').textContent.length > 0", 20_000, 'app started');
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

    // 2. Connection check against the real Postfix and Dovecot.
    await wd.waitFor(dataset('check'), 30_000, 'connection check');
    assert.equal(await wd.exec(dataset('check')), 'passed');
    assert.match(await wd.text('#check-progress'), /AUTH XOAUTH2/);
    await shot('connection-check');
    await wd.click('#check-next');
    await shot('sign-in');

    // 3. Sign in: the browser hands back someone else → refused, nothing stored.
    await wd.click('#signin-start');
    await wd.waitFor(dataset('signin'), 60_000, 'first sign-in');
    assert.equal(await wd.exec(dataset('signin')), 'SIGNED_IN_AS_DIFFERENT_ACCOUNT');
    const card = await wd.text('#signin-findings .finding');
    assert.match(card, /other@example\.edu/);
    assert.match(card, new RegExp(mailbox.replace('.', '\\.'), 'i'));
    assert.match(card, /private/);
    assert.equal(vaultEntry(mailbox), null, 'nothing stored for the wrong account');
    await shot('wrong-account');

    // The person signs out of the other account; "Try again" now signs in the right one.
    await registerClient(peers, { client_id: clientId, scenario: {} });
    await wd.exec('document.body.dataset.signin = ""');
    await wd.click('#signin-start');
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
    await wd.click('#verify-next');
    await wd.waitFor("return document.body.dataset.step === 'done'", 10_000, 'done page');
    assert.match(await wd.text('#step-done h2'), /is ready/);
    await shot('done');

    // 5. Forget the mailbox from the Done page.
    await wd.click('#done-forget');
    await wd.waitFor(dataset('forgot'), 20_000, 'forget');
    assert.equal(await wd.exec(dataset('forgot')), 'true');
    assert.equal(vaultEntry(mailbox), null, 'the vault entry is gone');
    await shot('forgotten');
  } catch (e) {
    await shot('failure').catch(() => {});
    e.message += `\ntauri-driver log:\n${driverLog.slice(-3000)}`;
    throw e;
  } finally {
    await wd.quit();
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone */ }
  }

  // Every screenshot shows something (not a blank window) and differs from the one before.
  for (const f of shots) {
    const { w, h } = size(f);
    assert.ok(w >= 600 && h >= 400, `${f} is ${w}x${h}`);
    assert.ok(pixelSpread(f) > 0.05, `${f} looks blank`);
  }
  console.log(`desktop end-to-end: ${((Date.now() - started) / 1000).toFixed(1)} s, ${shots.length} screenshots in ${SHOTS}`);
});
