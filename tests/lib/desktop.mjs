// Launching the real desktop app under tauri-driver (+ WebKitWebDriver) for the end-to-end
// tests, with its own settings, data dirs and environment, and taking checked screenshots.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebDriver } from './webdriver.mjs';
import { pixelSpread, size } from './images.mjs';
import { REPO, writeSettings } from './peers.mjs';

/** axe-core's WCAG 2.0/2.1 A and AA rules, run in the real app window (WebKitGTK) through
 * WebDriver at every state a desktop test screenshots (issue 14); the same rules as the UI tests'. */
const AXE = readFileSync(join(REPO, 'tests/node_modules/axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function assertAccessibleWindow(wd, name) {
  const found = await wd.exec(`${AXE};
    const r = await axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] });
    return r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' - ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));`, AXE_TAGS);
  if (found.length) throw new Error(`axe in the app window: ${found.length} WCAG A/AA violation(s) in "${name}":\n  ${found.join('\n  ')}`);
}

// The app under test: $MAILSETUP_DESKTOP_APP when set (an installed one, e.g.
// /usr/bin/mailsetup-desktop from the .deb: scripts/package.sh ci), else the debug build.
export const APP = process.env.MAILSETUP_DESKTOP_APP || join(REPO, 'target/debug/mailsetup-desktop');
export const SHOTS = join(REPO, 'target/screenshots');
const OUTPUTS = join(REPO, 'target/test-outputs/desktop');

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitStatus(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not start on ${port}`);
}

/** Removes the screenshots of an earlier run with this prefix. */
export function clearShots(prefix) {
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.startsWith(prefix)) rmSync(join(SHOTS, f));
}

/**
 * Starts the app for `clientId` on the peers. Returns {wd, shot, stop, drive, home, shots, log}.
 * `env` adds environment variables (e.g. PATH with a fake browser).
 */
export async function launchApp(peers, clientId, prefix, env = {}) {
  if (!existsSync(APP)) {
    throw new Error(process.env.MAILSETUP_DESKTOP_APP
      ? `MAILSETUP_DESKTOP_APP names ${APP}, which does not exist (is the package installed?)`
      : `build the app first: cargo build (missing ${APP})`);
  }
  const home = mkdtempSync(join(tmpdir(), 'mailsetup-desktop-'));
  const settings = writeSettings(peers, clientId, join(home, 'settings.toml'));
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
      XDG_STATE_HOME: join(home, 'state'),
      MAILSETUP_LOG: 'mailsetup_core=debug,mailsetup_desktop=debug,warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let log = '';
  driver.stderr.on('data', (d) => { log += d; });
  const wd = new WebDriver(`http://127.0.0.1:${port}`);
  const shots = [];
  const shot = async (name) => {
    await new Promise((r) => setTimeout(r, 700)); // WebDriver screenshots lag the DOM
    const file = join(SHOTS, `${prefix}-${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    writeFileSync(file, await wd.screenshot());
    shots.push(file);
    await assertAccessibleWindow(wd, name);
  };
  const stop = async () => {
    await wd.quit();
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone */ }
    // The app's and the driver's log, kept for the suite's secret scan.
    mkdirSync(OUTPUTS, { recursive: true });
    writeFileSync(join(OUTPUTS, `${prefix}.log`), log);
    // The log files the app writes itself ($XDG_STATE_HOME/mailsetup), scanned the same way.
    const logDir = join(home, 'state', 'mailsetup');
    if (existsSync(logDir)) {
      for (const f of readdirSync(logDir)) copyFileSync(join(logDir, f), join(OUTPUTS, `${prefix}-app-${f}`));
    }
  };
  // Runs `body`; a failure gets a screenshot and the driver's log; the app always stops.
  const drive = async (body) => {
    try {
      await body();
    } catch (e) {
      await shot('failure').catch(() => {});
      e.message += `\ntauri-driver log:\n${log.slice(-3000)}`;
      throw e;
    } finally {
      await stop();
    }
  };
  await waitStatus(port, 20_000);
  await wd.start({ browserName: 'wry', 'tauri:options': { application: APP } });
  await wd.waitFor("return document.body.dataset.loaded === 'true'", 20_000, 'app started');
  return { wd, shot, stop, drive, home, shots, log: () => log };
}

/** Every screenshot shows something and has a usable size. */
export function checkShots(assert, shots) {
  for (const f of shots) {
    const { w, h } = size(f);
    assert.ok(w >= 600 && h >= 400, `${f} is ${w}x${h}`);
    assert.ok(pixelSpread(f) > 0.05, `${f} looks blank`);
  }
}

/** A script returning the body's `data-<key>` once a step has finished (not while it runs). */
export const dataset = (key) => `const v = document.body.dataset.${key}; return v && v !== 'running' ? v : false;`;
