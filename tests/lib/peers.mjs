// Access to the running local peers (tests/peers/peers.sh) from Node tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function loadPeers() {
  const dir = process.env.MAILSETUP_PEERS_DIR || join(REPO, 'target/peers');
  let info;
  try {
    info = JSON.parse(readFileSync(join(dir, 'peers.json'), 'utf8'));
  } catch {
    throw new Error(`the local peers are not running (${dir}/peers.json missing): run tests/run-all.sh or tests/peers/peers.sh start`);
  }
  return { ...info, ca_pem: readFileSync(info.ca) };
}

function call(peers, method, path, body) {
  return new Promise((ok, fail) => {
    const req = request(`${peers.idp}${path}`, { method, ca: peers.ca_pem, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => (res.statusCode < 300 ? ok(JSON.parse(data || '{}')) : fail(new Error(`${path}: ${res.statusCode} ${data}`))));
    });
    req.on('error', fail);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

/** Registers (or updates) an app registration on the local provider; returns its client id. */
export async function registerClient(peers, registration = {}) {
  const client_id = registration.client_id || randomUUID();
  await call(peers, 'POST', '/_test/clients', { ...registration, client_id });
  return client_id;
}

/** Writes a settings file for `clientId` (everything else from the peers' settings). */
export function writeSettings(peers, clientId, file) {
  const text = readFileSync(peers.settings, 'utf8')
    .replace(peers.demo_client_id, clientId)
    .replace('extra_ca_file = "tls/ca.crt"', `extra_ca_file = "${peers.ca}"`);
  writeFileSync(file, text);
  return file;
}

/** The vault entry for `user`, read with secret-tool (not with the app's code), or null. */
export function vaultEntry(user) {
  try {
    const out = execFileSync('secret-tool', ['lookup', 'service', 'mailsetup', 'username', user], { stdio: ['ignore', 'pipe', 'ignore'] });
    return out.length ? JSON.parse(out.toString()) : null;
  } catch {
    return null;
  }
}

/** Grants (or revokes) Full Access and Send As on a shared mailbox to a delegate. */
export async function grant(peers, mailbox, delegate, fullAccess, sendAs) {
  await call(peers, 'POST', '/_test/grants', { mailbox, delegate, full_access: fullAccess, send_as: sendAs });
}

/** Approves a device code as `user`. */
export async function approveDevice(peers, userCode, user) {
  await call(peers, 'POST', '/_test/device', { user_code: userCode, user, decision: 'approve' });
}

/**
 * Adds or replaces `user`'s app password in the local Dovecot/Postfix (PLAIN/LOGIN over TLS);
 * `password` null removes the user. Usable for IMAP and SMTP as soon as this resolves.
 */
export async function addAppPassword(peers, user, password) {
  return call(peers, 'POST', '/_test/app_passwords', { user, password });
}

/** Removes `user`'s app password. */
export async function removeAppPassword(peers, user) {
  return call(peers, 'POST', '/_test/app_passwords', { user, password: null });
}

/**
 * Registers (or updates) a Google-mode OAuth client on the local provider (`secret` makes it a
 * client that must send client_secret; `scenario` as for Entra clients); returns its client id.
 */
export async function registerGoogleClient(peers, registration = {}) {
  const client_id = registration.client_id || `${String(Date.now()).slice(-12)}-${randomUUID().slice(0, 8)}.apps.googleusercontent.com`;
  await call(peers, 'POST', '/_test/clients', { ...registration, provider: 'google', client_id });
  return client_id;
}

/** The requests the autoconfig hosts answered so far: [{time, method, host, path, emailaddress, status}]. */
export function autoconfigRequests(peers) {
  const file = peers.autoconfig_requests || join(peers.dir, 'autoconfig/requests.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** SHA-256 (hex) of the refresh tokens the provider still accepts for `clientId`, and how many
 *  it spent by rotation: the provider's own record of a sign-in. */
export async function refreshTokens(peers, clientId) {
  const r = await call(peers, 'GET', `/_test/refresh_tokens?client_id=${encodeURIComponent(clientId)}`);
  return { active: r.active, spent: r.spent };
}
