// The suite's secret scan: every output the app produced during the test run — CLI
// output and logs, reports, the desktop app's log, the pages the loopback listener served to the
// browser — is searched for every secret used in the tests. Zero hits, or the run fails.
//
// The secrets: everything that crossed the local OpenID provider (GET /_test/issued: codes,
// state, nonce, PKCE verifiers, client secrets, access, refresh and ID tokens, device codes),
// the peers' mail passwords (app passwords), and the fixed test secrets listed below.
// Each is searched as is, URL-encoded, and inside base64 (at the three byte alignments, which
// catches an XOAUTH2 or SASL PLAIN blob that carries it).
//
// Usage: node tests/secrets/scan.mjs [dir...]   (default: target/test-outputs, target/peers/browser)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { REPO, loadPeers } from '../lib/peers.mjs';

/** Secrets the tests type in themselves (not issued by the provider). */
export const FIXED_SECRETS = ['pa55word'];

/** Forms a secret can take in an output. */
export function forms(secret) {
  const out = new Set([secret, encodeURIComponent(secret)]);
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad, 0x20), Buffer.from(secret)]).toString('base64');
    // Drop the characters touched by the padding bytes and the unaligned end.
    const start = Math.ceil((pad * 4) / 3) + 1;
    const end = Math.floor(((pad + Buffer.byteLength(secret)) * 4) / 3) - 1;
    if (end - start >= 12) out.add(b64.slice(start, end));
  }
  return [...out];
}

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) yield* files(path);
    else if (st.isFile() && !/\.(png|jpe?g|gif|webp)$/i.test(name) && st.size < 50e6) yield path;
  }
}

/** Returns [{file, index}] for every secret (by index in `secrets`) found in a file under `dirs`. */
export function scan(dirs, secrets) {
  const patterns = secrets.filter((s) => s && s.length >= 8).map((s, index) => ({ index, forms: forms(s) }));
  const hits = [];
  let count = 0;
  for (const dir of dirs) {
    for (const file of files(dir)) {
      count += 1;
      const text = readFileSync(file, 'latin1');
      for (const p of patterns) {
        if (p.forms.some((f) => text.includes(f))) hits.push({ file, index: p.index });
      }
    }
  }
  return { hits, files: count };
}

function issued(peers) {
  return new Promise((ok, fail) => {
    request(`${peers.idp}/_test/issued`, { ca: peers.ca_pem }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => (res.statusCode === 200 ? ok(JSON.parse(data).secrets) : fail(new Error(`/_test/issued: ${res.statusCode}`))));
    }).on('error', fail).end();
  });
}

/** The peers' mail passwords (app-password accounts), if the peers define any. */
function mailPasswords(peers) {
  try {
    return JSON.parse(readFileSync(join(peers.dir || join(REPO, 'target/peers'), 'passwords.json'), 'utf8')).map((p) => p.password);
  } catch {
    return [];
  }
}

async function main() {
  const peers = loadPeers();
  const secrets = [...await issued(peers), ...mailPasswords(peers), ...FIXED_SECRETS];
  const dirs = process.argv.length > 2 ? process.argv.slice(2)
    : [join(REPO, 'target/test-outputs'), join(peers.dir || join(REPO, 'target/peers'), 'browser')];
  const { hits, files: n } = scan(dirs, secrets);
  console.log(`secret scan: ${secrets.length} secrets, ${n} output files`);
  if (n === 0) {
    console.error('secret scan: no outputs found — did the tests run?');
    process.exit(1);
  }
  for (const h of hits) console.error(`  LEAK: secret #${h.index} (${secrets[h.index].length} chars) in ${h.file}`);
  if (hits.length) process.exit(1);
  console.log('secret scan: no secret in any output');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(`secret scan: ${e.message}`); process.exit(1); });
}
