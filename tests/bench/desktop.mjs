// The desktop app against a minimal Tauri window (tests/bench/minimal-window/), both built in
// this run with the same release profile: binary size, cold start to a usable page, and the
// memory (PSS) of the whole process tree. Not a test: figures, with the targets beside them.
//
// Run with `scripts/bench.sh desktop` (it provides the peers, a private vault and Xvfb).
// BENCH_RUNS=… sets the number of runs of each (default 9; one warm-up of each comes first).
// BENCH_NO_BUILD=1 measures the binaries already built (BENCH_APP_BIN / BENCH_MINIMAL_BIN to
// measure others, e.g. an older build); the section then says so.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebDriver } from '../lib/webdriver.mjs';
import { REPO, loadPeers, writeSettings } from '../lib/peers.mjs';
import { writeSection } from './sections.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 9);
/** How long the page is left alone after it is ready before the memory is read. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS || 3000);
const TARGET_DIR = process.env.CARGO_TARGET_DIR || join(REPO, 'target');
const MINIMAL = join(REPO, 'tests/bench/minimal-window');
const APP_BIN = process.env.BENCH_APP_BIN || join(TARGET_DIR, 'release/mailsetup-desktop');
const MINIMAL_BIN = process.env.BENCH_MINIMAL_BIN || join(TARGET_DIR, 'release/minimal-window');
// What `cargo tauri build` adds: the page served from the binary, not from a dev server.
const FEATURES = ['--features', 'tauri/custom-protocol'];
const MB = 1e6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** The main workspace's `[profile.*]` sections, as a cargo config file for the minimal window. */
function profileConfig() {
  const lines = readFileSync(join(REPO, 'Cargo.toml'), 'utf8').split('\n');
  const out = [];
  let inProfile = false;
  for (const line of lines) {
    if (/^\s*\[/.test(line)) inProfile = /^\s*\[profile\./.test(line);
    if (inProfile) out.push(line);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'mailsetup-bench-profile-')), 'profile.toml');
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

/** Builds both binaries (release profile, same target dir); returns their build times in s. */
function build() {
  const profile = profileConfig();
  const cargo = (what, args) => {
    console.log(`building ${what} …`);
    const t0 = process.hrtime.bigint();
    const r = spawnSync('cargo', ['build', '--release', '--quiet', ...FEATURES, '--config', profile, ...args], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`release build of ${what} failed`);
    return ms(t0) / 1000;
  };
  return {
    app: cargo('the desktop app', ['-p', 'mailsetup-desktop']),
    minimal: cargo('the minimal window', ['--manifest-path', join(MINIMAL, 'Cargo.toml'), '--target-dir', TARGET_DIR]),
  };
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitStatus(port) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch { /* not yet */ }
    await sleep(50);
  }
  throw new Error(`tauri-driver did not start on ${port}`);
}

/** Every process as {pid, ppid, comm}. */
function processes() {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid, comm });
    } catch { /* gone */ }
  }
  return out;
}

/** `root` and all its descendants. */
function tree(all, root) {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const p of all) if (p.ppid === found[i].pid) found.push(p);
  }
  return found;
}

/** A process's program name, whole (`comm` is cut at 15 characters). */
function nameOf(p) {
  try {
    const argv0 = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0')[0];
    return argv0.split('/').pop() || p.comm;
  } catch {
    return p.comm;
  }
}

const exeOf = (pid) => { try { return realpathSync(`/proc/${pid}/exe`); } catch { return ''; } };

/** The PSS in bytes of the process `bin` started under the driver, and of each of its
 *  descendants (WebKitWebProcess, WebKitNetworkProcess, …), summed by command name. */
function treePss(driverPid, bin) {
  const all = processes();
  const driver = all.find((p) => p.pid === driverPid);
  const exe = realpathSync(bin);
  const app = driver && tree(all, driver).find((p) => exeOf(p.pid) === exe);
  if (!app) throw new Error(`no ${bin} process under tauri-driver`);
  const byName = {};
  for (const p of tree(all, app)) {
    try {
      const kb = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8'))[1]);
      const name = p === app ? 'the binary' : nameOf(p);
      byName[name] = (byName[name] || 0) + kb * 1024;
    } catch { /* gone, or a kernel thread */ }
  }
  return byName;
}

/** The page is usable: its first input is laid out, visible and enabled, and the page says it
 *  is ready (the wizard sets `data-ready` once it has shown the Address step, before it asks the
 *  app for anything; the minimal page has it from the start). */
const USABLE = `
  const i = document.querySelector('input');
  if (!i || i.disabled || document.body.dataset.ready !== 'true') return false;
  const r = i.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(i).visibility !== 'hidden';`;

/** One cold start of `bin` under tauri-driver: ms from the session request (which starts the
 *  process) until the page is usable, and the process tree's PSS after it settled. */
async function once(bin, env) {
  const home = mkdtempSync(join(tmpdir(), 'mailsetup-bench-desktop-'));
  const port = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(await freePort())], {
    env: {
      ...env,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_STATE_HOME: join(home, 'state'),
    },
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true,
  });
  const wd = new WebDriver(`http://127.0.0.1:${port}`);
  try {
    await waitStatus(port);
    const t0 = process.hrtime.bigint();
    await wd.start({ browserName: 'wry', 'tauri:options': { application: bin } });
    const until = Date.now() + 30_000;
    while (!(await wd.exec(USABLE).catch(() => false))) {
      if (Date.now() > until) throw new Error(`${bin}: the page never became usable`);
      await sleep(5);
    }
    const start = ms(t0);
    // The memory once the page has everything it shows (`data-loaded`: the wizard's version,
    // vault check and accounts; the minimal page has it from the start), left alone SETTLE_MS.
    while (!(await wd.exec("return document.body.dataset.loaded === 'true'").catch(() => false))) {
      if (Date.now() > until) throw new Error(`${bin}: the page never finished loading`);
      await sleep(20);
    }
    await sleep(SETTLE_MS);
    return { start, pss: treePss(driver.pid, bin) };
  } finally {
    await wd.quit();
    try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone */ }
    await sleep(300);
    rmSync(home, { recursive: true, force: true });
  }
}

const total = (pss) => Object.values(pss).reduce((a, b) => a + b, 0);
const mb = (b) => (b / MB).toFixed(1);

/** Median PSS per process name, as "name N MB" items, biggest first. */
function parts(runs) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.pss)))];
  return names
    .map((n) => [n, median(runs.map((r) => r.pss[n] || 0))])
    .sort((a, b) => b[1] - a[1])
    .map(([n, v]) => `${n} ${mb(v)} MB`)
    .join(', ');
}

async function main() {
  if (!process.env.DISPLAY) throw new Error('no DISPLAY: run through scripts/bench.sh desktop (Xvfb)');
  const built = process.env.BENCH_NO_BUILD ? null : build();
  const size = { app: statSync(APP_BIN).size, minimal: statSync(MINIMAL_BIN).size };
  const peers = loadPeers();
  const work = mkdtempSync(join(tmpdir(), 'mailsetup-bench-desktop-'));
  const env = {
    ...process.env,
    MAILSETUP_CONFIG: writeSettings(peers, peers.demo_client_id, join(work, 'settings.toml')),
    BROWSER: join(REPO, 'tests/peers/browser.sh'),
  };
  // How busy the machine was when the runs began (other work slows both binaries alike: the
  // runs alternate, and the figures are ratios).
  const load = loadavg()[0];
  const runs = { app: [], minimal: [] };
  console.log(`cold starts: 1 warm-up + ${RUNS} runs of each, alternating …`);
  for (let i = 0; i <= RUNS; i++) {
    for (const [name, bin] of [['minimal', MINIMAL_BIN], ['app', APP_BIN]]) {
      const r = await once(bin, env);
      console.log(`  ${i === 0 ? 'warm-up' : `run ${i}`} ${name}: ${r.start.toFixed(0)} ms, ${mb(total(r.pss))} MB`);
      if (i > 0) runs[name].push(r);
    }
  }
  const start = { app: median(runs.app.map((r) => r.start)), minimal: median(runs.minimal.map((r) => r.start)) };
  const pss = { app: median(runs.app.map((r) => total(r.pss))), minimal: median(runs.minimal.map((r) => total(r.pss))) };
  const ok = (v) => (v ? '✓ met' : '✗ missed');
  const cpu = cpus()[0]?.model?.trim() || 'unknown CPU';
  const ratio = start.app / start.minimal;
  const extra = pss.app - pss.minimal;
  writeSection('desktop', `
## Desktop app: size, cold start, memory

Measured by \`scripts/bench.sh desktop\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC:
${cpus().length} × ${cpu}, under Xvfb, through tauri-driver + WebKitWebDriver. ${built ? `Both binaries built in this run
with the workspace's release profile and \`--features tauri/custom-protocol\` (as \`cargo tauri build\` does): the
desktop app (${built.app.toFixed(0)} s) and the minimal Tauri window of \`tests/bench/minimal-window/\`, same Tauri
version (${built.minimal.toFixed(0)} s, sharing the target directory).` : '**Binaries built earlier (BENCH_NO_BUILD)**, not in this run.'} Load average ${load.toFixed(1)}
when the runs began. MB = 10⁶ bytes.

| What | Minimal window | App | App against minimal | Target | |
|---|---|---|---|---|---|
| Release binary (Linux x86_64, stripped) | ${mb(size.minimal)} MB | **${mb(size.app)} MB** | ${(size.app / size.minimal).toFixed(2)}× | ≤ 15 MB | ${ok(size.app <= 15 * MB)} |
| Cold start to a usable page (median of ${RUNS}) | ${start.minimal.toFixed(0)} ms | ${start.app.toFixed(0)} ms | **${ratio.toFixed(2)}×** | ≤ 1.1× | ${ok(ratio <= 1.1)} |
| Memory: PSS of the process tree, settled (median of ${RUNS}) | ${mb(pss.minimal)} MB | ${mb(pss.app)} MB | **${extra >= 0 ? '+' : ''}${mb(extra)} MB** | ≤ +40 MB | ${ok(extra <= 40 * MB)} |

## How

- **Cold start**: a new process each run (the files are in the page cache: one warm-up run of each is
  left out), runs of the two alternating, each with empty data, config and cache folders. The clock
  starts at the WebDriver session request, which makes WebKitWebDriver start the binary, and stops when
  the page's first input is laid out, visible and enabled and the page has said it is ready
  (\`data-ready\`: the wizard sets it once the Address step is shown, before it asks the app for its
  version, vault check and saved accounts, which arrive after the first paint; the browsers for a private
  sign-in are looked for once a connection check starts; the minimal page has it from the start), polled every 5 ms. The
  middle half of the runs: minimal ${quart(runs.minimal.map((r) => r.start))} ms, app ${quart(runs.app.map((r) => r.start))} ms.
- **Memory**: ${SETTLE_MS / 1000} s after the page had everything (\`data-loaded\`: the wizard's version,
  vault check and accounts arrived), the sum of \`Pss\` in \`/proc/PID/smaps_rollup\` over the
  binary's process and all its descendants (the WebKit processes it starts); WebKitWebDriver and
  tauri-driver are not counted. Medians by process — minimal: ${parts(runs.minimal)}; app: ${parts(runs.app)}.
- The app runs with the local peers' settings (\`MAILSETUP_CONFIG\`), a private Secret Service and no saved
  account.
`);
  rmSync(work, { recursive: true, force: true });
  console.log(`size ${mb(size.app)} MB (minimal ${mb(size.minimal)}), start ${ratio.toFixed(2)}×, memory ${extra >= 0 ? '+' : ''}${mb(extra)} MB`);
}

/** The middle half of the values, "p25–p75". */
function quart(xs) {
  const v = [...xs].sort((a, b) => a - b);
  return `${v[Math.floor(v.length / 4)].toFixed(0)}–${v[Math.floor((3 * v.length) / 4)].toFixed(0)}`;
}

if (!existsSync(join(MINIMAL, 'Cargo.toml'))) throw new Error(`missing ${MINIMAL}`);
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
