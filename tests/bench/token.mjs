// The token helper bench: how long `mailsetup token <address>` takes for a mail program, with the
// access token still in the vault's cache (warm) and when it must renew the sign-in first. Not a
// test: figures, written to the "token" section of BENCHMARKS.md. Run with `scripts/bench.sh
// token` (the local peers and a private vault); TOKEN_RUNS changes the count (30).
//
// Baseline in the same run: `secret-tool lookup` of the same cached entry — reading a stored value
// from the Secret Service, the least any vault-backed helper does.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, loadPeers, registerClient, writeSettings } from '../lib/peers.mjs';
import { writeSection } from './sections.mjs';

const RUNS = Number(process.env.TOKEN_RUNS || 30);
const LATENCY_MS = Number(process.env.REFRESH_LATENCY_MS || 100);
const BIN = join(REPO, 'target/release/mailsetup');

function build() {
  console.log('building the release CLI …');
  const r = spawnSync('cargo', ['build', '--release', '--quiet', '-p', 'mailsetup-cli'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('release build failed');
}

/** Runs a program; its wall time in ms (throws when it fails). */
function timed(program, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

function main() {
  build();
  const peers = loadPeers();
  const home = mkdtempSync(join(tmpdir(), 'mailsetup-token-'));
  const base = { ...process.env, BROWSER: join(REPO, 'tests/peers/browser.sh'), XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') };
  return (async () => {
    const warmClient = await registerClient(peers, { scenario: { refresh_latency_ms: LATENCY_MS } });
    // 30-second access tokens: inside the app's 60-second margin, so every call renews.
    const renewClient = await registerClient(peers, { scenario: { access_token_lifetime: 30, refresh_latency_ms: LATENCY_MS } });
    const warmEnv = { ...base, MAILSETUP_CONFIG: writeSettings(peers, warmClient, join(home, 'warm.toml')) };
    const renewEnv = { ...base, MAILSETUP_CONFIG: writeSettings(peers, renewClient, join(home, 'renew.toml')) };
    const warmAddr = `token-warm-${process.pid}@example.edu`;
    const renewAddr = `token-renew-${process.pid}@example.edu`;
    for (const [env, addr] of [[warmEnv, warmAddr], [renewEnv, renewAddr]]) timed(BIN, ['-q', 'signin', addr], env);

    const baseline = [], warm = [], renew = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(timed('secret-tool', ['lookup', 'service', 'mailsetup', 'username', `${warmAddr}#access`], warmEnv));
      warm.push(timed(BIN, ['token', warmAddr], warmEnv));
      renew.push(timed(BIN, ['token', renewAddr], renewEnv));
    }
    const b = median(baseline);
    const row = (what, xs) => `| ${what} | ${median(xs).toFixed(0)} ms | ${p90(xs).toFixed(0)} ms | ${(median(xs) / b).toFixed(1)}× |`;
    const cpu = cpus()[0]?.model?.trim() || 'unknown CPU';
    const text = `## Token helper

Measured by \`scripts/bench.sh token\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: release build of the CLI,
${cpus().length} × ${cpu}; the real Secret Service (gnome-keyring); the local provider answering a refresh in
${LATENCY_MS} ms (Entra's is ~100–300 ms from most places). ${RUNS} runs of each, interleaved.

| \`mailsetup token <address>\` | median | 90th percentile | against the baseline |
|---|---|---|---|
${row('baseline: \`secret-tool lookup\` of the cached entry', baseline)}
${row('warm: the access token still valid in the vault', warm)}
${row('renewal first (refresh token redeemed, the rotated one saved, then printed)', renew)}

A mail program asks once per connection (msmtp, curl) or per sign-in (isync), so even the renewal
case adds a fraction of a second to a send. No target was set for it; the renewal is dominated by the
provider's answer and the vault writes.
`;
    writeSection('token', text);
    console.log(text);
  })();
}

main().catch((e) => { console.error(`bench: ${e.stack}`); process.exit(1); });
