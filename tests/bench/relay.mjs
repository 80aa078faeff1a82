// The relay bench: what sending through the local relay (`mailsetup relay`) costs a program
// against sending straight to the server with XOAUTH2, and how many messages it passes. Not a
// test: figures, written to the "relay" section of BENCHMARKS.md. Run with `scripts/bench.sh relay`
// (the local peers and a private vault); RELAY_RUNS changes the count of timed messages (30).
//
// Baseline in the same run: Python's smtplib sending one message straight to the local Postfix
// (new connection, STARTTLS, AUTH XOAUTH2 with a token fetched beforehand, send, QUIT). The relay
// case is the same smtplib sending to the relay (new connection, AUTH PLAIN, send, QUIT); the relay
// itself then does the baseline's work with the saved sign-in. Throughput: 100 messages through the
// relay, on one connection and on four at once.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO, loadPeers, registerClient, writeSettings } from '../lib/peers.mjs';
import { writeSection } from './sections.mjs';

const RUNS = Number(process.env.RELAY_RUNS || 30);
const BIN = join(REPO, 'target/release/mailsetup');

const CLIENT = String.raw`
import json, smtplib, ssl, sys, threading, time
cfg = json.loads(sys.argv[1])
addr, runs = cfg["address"], cfg["runs"]
msg = "From: %s\r\nTo: %s\r\nSubject: relay bench\r\n\r\n%s\r\n" % (addr, addr, "x" * 2000)
ctx = ssl.create_default_context(cafile=cfg["ca"])
def direct():
    s = smtplib.SMTP("127.0.0.1", cfg["smtp_port"], timeout=60)
    s.starttls(context=ctx); s.ehlo()
    code, reply = s.docmd("AUTH", "XOAUTH2 " + cfg["xoauth2"])
    assert code == 235, (code, reply)
    s.sendmail(addr, [addr], msg); s.quit()
def relay(n=1):
    s = smtplib.SMTP("127.0.0.1", cfg["relay_port"], timeout=60)
    s.login(addr, cfg["password"])
    for _ in range(n):
        s.sendmail(addr, [addr], msg)
    s.quit()
def timed(f):
    t = time.perf_counter(); f(); return (time.perf_counter() - t) * 1000
out = {"direct": [], "relay": []}
direct(); relay()  # warm both paths once
for _ in range(runs):
    out["direct"].append(timed(direct))
    out["relay"].append(timed(relay))
out["one_connection_100_ms"] = timed(lambda: relay(100))
def four():
    ts = [threading.Thread(target=relay, args=(25,)) for _ in range(4)]
    [t.start() for t in ts]; [t.join() for t in ts]
out["four_connections_100_ms"] = timed(four)
print(json.dumps(out))
`;

function run(program, args, env) {
  const r = spawnSync(program, args, { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

async function main() {
  console.log('building the release CLI …');
  run('cargo', ['build', '--release', '--quiet', '-p', 'mailsetup-cli'], process.env);
  const peers = loadPeers();
  const home = mkdtempSync(join(tmpdir(), 'mailsetup-relay-'));
  const client = await registerClient(peers, {});
  const env = {
    ...process.env, BROWSER: join(REPO, 'tests/peers/browser.sh'), XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'), MAILSETUP_CONFIG: writeSettings(peers, client, join(home, 'settings.toml')),
  };
  const address = `relay-bench-${process.pid}@example.edu`;
  run(BIN, ['-q', 'signin', address], env);
  const { password } = JSON.parse(run(BIN, ['--json', 'relay', 'add', address, 'bench'], env));
  const xoauth2 = run(BIN, ['token', address, '--format', 'xoauth2', '--for', 'smtp'], env).trim();
  const relay = spawn(BIN, ['relay', '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const first = await new Promise((resolve) => createInterface({ input: relay.stdout }).once('line', resolve));
    const relayPort = Number(first.replace(/\.$/, '').split(':').pop());
    const cfg = { address, runs: RUNS, ca: peers.ca, smtp_port: peers.smtp_port, relay_port: relayPort, password, xoauth2 };
    const r = JSON.parse(run('python3', ['-c', CLIENT, JSON.stringify(cfg)], env));
    const d = median(r.direct);
    const row = (what, xs) => `| ${what} | ${median(xs).toFixed(0)} ms | ${p90(xs).toFixed(0)} ms | ${(median(xs) / d).toFixed(2)}× |`;
    const rate = (ms) => `${(100 / (ms / 1000)).toFixed(1)} messages/s (${(ms / 1000).toFixed(1)} s)`;
    const cpu = cpus()[0]?.model?.trim() || 'unknown CPU';
    const text = `## Local relay

Measured by \`scripts/bench.sh relay\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: release build of the CLI,
${cpus().length} × ${cpu}; the real Secret Service (gnome-keyring); the local Postfix (STARTTLS, XOAUTH2 checked
by Dovecot's auth against the local provider) delivering to Dovecot; Python's \`smtplib\` as the program;
2 kB messages. ${RUNS} messages each way, interleaved, each on a new connection.

| One message, as a program sends it | median | 90th percentile | against the baseline |
|---|---|---|---|
${row('baseline: straight to the server (STARTTLS, AUTH XOAUTH2 with a token fetched beforehand)', r.direct)}
${row('through the relay (AUTH PLAIN on loopback; the relay does the baseline\'s work with the saved sign-in)', r.relay)}

Relay overhead per message: **${(median(r.relay) - d).toFixed(0)} ms** (median). Nearly all of it is the vault: at AUTH the
program's relay password, then the saved sign-in (two Secret Service round trips, one after the other: no
token is fetched for a wrong password), and for each message both again (so a removed program stops at
once), read while the relay connects to the server. A program sends a message in a fraction of a second
either way; no target was set.

Throughput through the relay, 100 messages: one connection ${rate(r.one_connection_100_ms)}; four connections at once
${rate(r.four_connections_100_ms)}. The relay opens one connection to the server per message (as Outlook or a scanner
does); Exchange Online allows 3 concurrent SMTP connections per mailbox and 30 messages a minute
(<https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits>),
far below either figure.
`;
    writeSection('relay', text);
    console.log(text);
  } finally {
    relay.kill();
  }
}

main().catch((e) => { console.error(`bench: ${e.stack}`); process.exit(1); });
