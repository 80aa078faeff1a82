// A local OpenID provider that speaks Microsoft Entra ID's v2.0 protocol on 127.0.0.1.
//
// Used by the tests and the offline demo in place of login.microsoftonline.com. It is a real
// HTTPS server with real RS256 signatures (Dovecot validates its access tokens), and it enforces
// what Entra enforces in the flows the app uses:
//   - Entra's paths: /{tenant}/oauth2/v2.0/authorize|token|devicecode, /{tenant}/discovery/v2.0/keys,
//     /{tenant}/v2.0/.well-known/openid-configuration;
//   - app registrations: client id, platform type (public "Mobile and desktop", confidential "Web",
//     "SPA"), registered redirect URIs (port ignored for loopback, path exact);
//   - authorization codes: single use, 10 minutes, bound to client, redirect_uri, tenant and PKCE
//     (S256 or plain) challenge;
//   - refresh tokens: rotate on every use, the old one is rejected afterwards, bound to the tenant;
//   - Entra-like claims (oid, tid, preferred_username, email, upn, scp, aud=https://outlook.office.com)
//     and Entra's error JSON (error, error_description "AADSTSnnnn: ...", error_codes, trace_id,
//     correlation_id, timestamp, error_uri);
//   - production-sized tokens ("token sizes" below and README.md here have the numbers
//     and their sources): Entra access tokens ~2,800-3,000 characters with every claim Entra puts
//     in an Exchange Online token, refresh tokens 1,522-1,524, ID tokens ~1,400-1,600; Google
//     access tokens ~2,000 and refresh tokens ~500; the scenario switch "token_sizes": "largest"
//     gives the largest seen in the field (Entra access ~4,000, refresh ~2,000, ID ~2,500).
// Scenarios are switched per registered client through the /_test API (see README.md here), so
// tests running in parallel do not disturb each other.
//
// Also on the same server:
//   - Google mode (/google/...): Google's OAuth shapes for "Sign in with Google" (clients registered
//     with "provider": "google"); its access tokens are JWTs the local Dovecot accepts for XOAUTH2;
//   - app passwords for the local Dovecot/Postfix (/_test/app_passwords writes Dovecot's passwd-file);
//   - a local Thunderbird ISPDB (/ispdb/v1.1/<domain>);
//   - Microsoft Graph's read-only view of the app registrations (/graph/v1.0/...) for the
//     registration check (`mailsetup admin check`), read with a token of Microsoft's "Microsoft
//     Graph Command Line Tools" app; registration scenarios are switches of the client (README.md).
//
// No npm dependencies: node's own https and crypto modules.

import { createServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { createHash, createPrivateKey, createPublicKey, randomBytes, randomInt, randomUUID, sign } from 'node:crypto';
import { readFileSync, writeFileSync, renameSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const signingKey = createPrivateKey(readFileSync(config.signing.key));
const publicJwk = { ...createPublicKey(signingKey).export({ format: 'jwk' }), kid: config.signing.kid, use: 'sig', alg: 'RS256' };
const BASE = config.base; // e.g. https://127.0.0.1:8443
const CONSUMER_TID = '9188040d-6c67-4c5b-b112-36a304b66dad';
const OUTLOOK = 'https://outlook.office.com';
const GRAPH = 'https://graph.microsoft.com';
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

// ---------------------------------------------------------------- directory

const tenants = config.tenants; // [{id, name, domains: [...]}]
const clients = new Map(config.clients.map((c) => [c.client_id, normaliseClient(c)]));

function normaliseClient(c) {
  // Google Desktop clients accept any loopback redirect (127.0.0.1, localhost, [::1]; any port).
  const loopback = c.provider === 'google' ? ['http://127.0.0.1', 'http://localhost', 'http://[::1]'] : ['http://localhost', 'http://127.0.0.1'];
  return { type: 'public', redirect_uris: loopback, scenario: {}, ...c };
}

/** An Entra app registration (Google-mode clients do not exist for Entra, and vice versa). */
function entraClient(id) {
  const c = clients.get(id || '');
  return c && c.provider !== 'google' ? c : null;
}

function tenantById(id) {
  return tenants.find((t) => t.id === id);
}

function tenantOfDomain(domain) {
  return tenants.find((t) => t.domains.includes(domain));
}

/** Resolves the {tenant} path segment: a GUID, a verified domain, or a meta-tenant. */
function resolveTenant(segment) {
  const s = segment.toLowerCase();
  if (['common', 'organizations', 'consumers'].includes(s)) return { meta: s };
  if (s === CONSUMER_TID || (config.personal_domains || []).includes(s)) return { meta: 'consumers' };
  const t = tenantById(s) || tenantOfDomain(s);
  return t ? { tenant: t } : null;
}

/** Every address at a known domain exists; personal domains live in the consumer tenant. */
function userFor(address) {
  const email = address.trim().toLowerCase();
  const domain = email.split('@')[1] || '';
  const personal = (config.personal_domains || []).includes(domain);
  const tenant = personal ? { id: CONSUMER_TID, name: 'Microsoft Account' } : tenantOfDomain(domain);
  if (!tenant || !email.includes('@')) return null;
  const oid = uuidFrom(`${tenant.id}/${email}`);
  const local = email.split('@')[0];
  const name = local.split(/[._-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return { email, oid, tid: tenant.id, name, personal };
}

function uuidFrom(text) {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------- state

const codes = new Map(); // code -> {...}
const grants = {}; // shared mailbox -> { full_access: [delegates], send_as: [delegates] }
const refreshTokens = new Map(); // token -> {client_id, user, tid, scope, active}
const deviceCodes = new Map(); // device_code -> {...}
const log = (...a) => console.log(new Date().toISOString(), ...a);

// ---------------------------------------------------------------- helpers

const b64u = (buf) => Buffer.from(buf).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const token = (n = 32) => b64u(randomBytes(n));
const sha256hex = (s) => createHash('sha256').update(s).digest('hex');

// Dovecot needs `typ` and `kid` (the key's file name). Entra's headers also carry `x5t` (the key's
// SHA-1 thumbprint, base64url); Google's do not.
const JWT_HEADER = { typ: 'JWT', alg: 'RS256', kid: config.signing.kid };
const ENTRA_HEADER = {
  typ: 'JWT', alg: 'RS256',
  x5t: b64u(createHash('sha1').update(createPublicKey(signingKey).export({ type: 'spki', format: 'der' })).digest()),
  kid: config.signing.kid,
};
const SIGNATURE_CHARS = Math.ceil((signingKey.asymmetricKeyDetails.modulusLength / 8) * 4 / 3);

function jwt(payload, header = JWT_HEADER) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${b64u(sign('sha256', Buffer.from(input), signingKey))}`;
}

/** The length `jwt(payload, header)` will have, without signing (RS256 signatures have a fixed size). */
function jwtLength(payload, header = JWT_HEADER) {
  const b64len = (n) => Math.ceil((n * 4) / 3);
  return b64len(Buffer.byteLength(JSON.stringify(header))) + 1 + b64len(Buffer.byteLength(JSON.stringify(payload))) + 1 + SIGNATURE_CHARS;
}

// ---------------------------------------------------------------- token sizes
// Production sizes by default, so the tests store, send and log what the real providers hand out
// (small test tokens hid Windows Credential Manager's 2,560-byte limit). Characters:
//   Entra (default)  access token (JWT) ~2,800-3,000: the claims Entra puts in an Exchange Online
//                    token; refresh token 1,522-1,524 (opaque, "1.A..."); ID token ~1,400-1,600.
//                    An Entra device-code sign-in gave an access token of
//                    2,931 characters and a refresh token of 1,524
//                    (https://github.com/osodevops/ms-teams-cli/issues/67).
//   Google           access token ~2,000, refresh token ~500 ("1//0..."): Google documents access
//                    tokens up to 2,048 bytes and refresh tokens up to 512 bytes
//                    (https://developers.google.com/identity/protocols/oauth2#size).
//   "token_sizes": "largest" (a scenario switch, per client): the largest seen in the field.
//                    Entra: access ~4,000 (a user in many groups and admin roles: `groups`, `wids`;
//                    JWTs of this size go through Postfix and Dovecot (test
//                    field_n01_largest_entra_tokens_are_saved_renewed_and_verified in
//                    crates/cli/tests/windows.rs), whose imap-login takes a JWT of at most ~5,200),
//                    refresh ~2,000, ID ~2,500.
//                    Google: exactly its documented maxima, access 2,048 and refresh 512.
const SIZES = {
  entra: { refresh: [1522, 1524] },
  entraLargest: { access: 4000, id: 2500, refresh: [1995, 2005] },
  google: { access: [1990, 2010], refresh: [498, 504] },
  googleLargest: { access: [2048, 2048], refresh: [512, 512] },
};
const TOKEN_SIZES = [undefined, 'production', 'largest'];
const largest = (client) => client.scenario.token_sizes === 'largest';
const between = ([lo, hi]) => randomInt(lo, hi + 1);
const b64std = (n) => randomBytes(n).toString('base64');
const guids = (seed, n) => Array.from({ length: n }, (_, i) => uuidFrom(`${seed}/${i}`));

/** Entra's opaque refresh tokens: "1.A" + base64url-ish segments joined by "." (those of
 * https://github.com/osodevops/ms-teams-cli/issues/67 were 1,524 characters). */
function entraRefreshToken(length) {
  const head = `1.A${token(57)}.AgABAwEAAAApTwJmzXqdR4BN2miheQMYAgDs_wUA9P-`;
  return head + token(length).slice(0, length - head.length);
}

/** Google's refresh tokens: "1//0" + base64url-ish characters. */
function googleRefreshToken(length) {
  return `1//0${'cdefg3459'[randomInt(9)]}${token(length).slice(0, length - 5)}`;
}

/** Entra's `aio` (an opaque, standard-base64 internal claim, ~130-150 characters). */
const aio = () => `AVQAq/8${'TUVWXYZ'[randomInt(7)]}AAAA${b64std(randomInt(92, 104))}`;
/** Entra's `rh` (refresh hint, opaque). */
const rh = () => `1.A${token(randomInt(44, 52))}AA.`;
/** Entra's `uti` (the token's unique id: 16 bytes, base64url). */
const uti = () => token(16);
/** Entra's pairwise `sub` (per app and user; 43 characters of base64url). */
const pairwiseSub = (appid, oid) => b64u(createHash('sha256').update(`${appid}/${oid}`).digest());
/** Entra's built-in role template ids (`wids`): every member has the default user role. */
const DEFAULT_USER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
const ADMIN_ROLES = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', // SharePoint Administrator
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451', // Global Reader
  '5d6b6bb7-de71-4623-b4af-96380a352509', // Security Reader
];

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
/** Who may read the directory's app registrations through Graph: in this directory, every user
 * whose address starts with "admin" (admin@example.edu, admin@other.example) holds the Global
 * Reader role; nobody else has a directory role. */
const directoryReader = (user) => !user.personal && user.email.split('@')[0].startsWith('admin');

/** Adds the user's groups (stable GUIDs) to `claims` until the token would pass `target`
 * characters: a user in many groups, the largest tokens seen in the field. */
function fillGroups(claims, oid, target) {
  const groups = [];
  const all = guids(`${oid}/group`, 200); // Entra stops listing groups at 200 (the overage claim)
  const withGroups = { ...claims, groups };
  for (const g of all) {
    groups.push(g);
    if (jwtLength(withGroups, ENTRA_HEADER) > target) {
      groups.pop();
      break;
    }
  }
  return withGroups;
}

/** A JWT of `claims` whose claim `key` (starting with `prefix`, then random base64url) makes it
 * `length` characters long, or one or two fewer (base64 comes in steps of 4 for 3 bytes). */
function jwtOfLength(claims, key, prefix, length) {
  const filled = { ...claims, [key]: prefix };
  const fill = token(length);
  let n = Math.max(0, Math.floor(((length - jwtLength(filled)) * 3) / 4) - 2);
  const at = (k) => ({ ...claims, [key]: prefix + fill.slice(0, k) });
  while (jwtLength(at(n + 1)) <= length) n += 1;
  return jwt(at(n));
}

/** A sign-in session: what stays the same across the refreshes of one sign-in. */
function newSession(user) {
  const h = randomBytes(6).toString('hex');
  return {
    sid: randomUUID(),
    deviceid: randomUUID(), // the computer, registered in the directory
    amr: user.personal ? ['pwd'] : ['pwd', 'mfa'],
    // An address of the IPv6 documentation prefix (RFC 3849), as most sign-ins now come over IPv6.
    ipaddr: `2001:db8:${h.slice(0, 4)}:${h.slice(4, 8)}:${h.slice(8, 12)}:${randomInt(0x1000, 0xffff).toString(16)}:${randomInt(0x1000, 0xffff).toString(16)}:${randomInt(0x1000, 0xffff).toString(16)}`,
  };
}

function entraError(code, error, message, extra = {}) {
  const trace = randomUUID();
  const correlation = randomUUID();
  const ts = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${ts}`,
    error_codes: [code],
    timestamp: ts,
    trace_id: trace,
    correlation_id: correlation,
    error_uri: `${BASE}/error?code=${code}`,
    ...extra,
  };
}

/** The standard errors of the scenarios, as Entra words them
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes, and the public bug
 * reports the crates/cli/tests field_* tests name). */
const KNOWN_ERRORS = {
  530033: ['invalid_grant', 'Remote device flow blocked due to device based conditional access.'],
  53003: ['invalid_grant', 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'],
  700082: ['invalid_grant', 'The refresh token has expired due to inactivity. The token was issued on 2024-01-28T19:43:52.3866932Z and was inactive for 90.00:00:00.'],
  70043: ['invalid_grant', 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on 2023-06-02T14:27:05Z and the maximum allowed lifetime for this request is 86400.', { suberror: 'token_expired' }],
  50173: ['invalid_grant', "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password."],
  65001: ['invalid_grant', "The user or administrator has not consented to use the application with ID '{client}' named 'Mail Setup Assistant'. Send an interactive authorization request for this user and resource."],
  90094: ['invalid_grant', 'Admin consent is required for the permissions requested by this application.'],
  7000218: ['invalid_client', "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."],
  53003: ['access_denied', 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'],
  50076: ['invalid_grant', "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'."],
};

function knownError(code, client) {
  const [error, text, extra] = KNOWN_ERRORS[code] || ['invalid_request', 'Scenario error.'];
  return entraError(code, error, text.replace('{client}', client), extra || {});
}

// Every secret that crossed this provider (codes, state, nonce, PKCE verifiers, client secrets,
// access/refresh/ID tokens, device codes, app passwords; Google mode's too), for the suite's
// secret scan (GET /_test/issued): no output of the app may contain any of them.
const issued = new Set();
const SECRET_FIELDS = ['code', 'state', 'nonce', 'code_verifier', 'client_secret', 'refresh_token', 'access_token', 'id_token', 'device_code', 'password', 'token'];

function keep(values) {
  for (const k of SECRET_FIELDS) {
    const v = values instanceof URLSearchParams ? values.get(k) : values[k];
    if (typeof v === 'string' && v.length >= 8 && issued.size < 100000) issued.add(v);
  }
}

function send(res, status, body, headers = {}) {
  const isJson = typeof body !== 'string';
  if (isJson && body) keep(body);
  const text = isJson ? JSON.stringify(body) : body;
  res.writeHead(status, {
    'Content-Type': isJson ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function errorPage(res, code, message) {
  // What Entra shows when it cannot send the user back to the app: no redirect, a page.
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  send(res, 400, `<!doctype html><html><head><title>Sign in to your account</title></head><body><h1>Sign in</h1>` +
    `<p>Sorry, but we're having trouble signing you in.</p><p id="error">AADSTS${code}: ${esc(message)}</p>` +
    `<p>Request Id: ${randomUUID()}</p><p>Correlation Id: ${randomUUID()}</p></body></html>`);
}

function redirectBack(res, redirectUri, params) {
  const u = new URL(redirectUri);
  keep(params);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) u.searchParams.set(k, v);
  res.writeHead(302, { Location: u.toString(), 'Cache-Control': 'no-store' });
  res.end();
}

/** Entra's loopback rule: the port is ignored for http://localhost and http://127.0.0.1, the path is exact. */
function redirectRegistered(client, redirectUri) {
  let got;
  try { got = new URL(redirectUri); } catch { return false; }
  return client.redirect_uris.some((r) => {
    const reg = new URL(r);
    const loopback = reg.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(reg.hostname);
    const samePath = (reg.pathname || '/') === (got.pathname || '/');
    if (loopback) return got.protocol === 'http:' && got.hostname === reg.hostname && samePath && !got.search;
    return reg.toString() === got.toString();
  });
}

function scopeResources(scopes) {
  const res = new Set();
  for (const s of scopes) {
    if (OIDC_SCOPES.has(s)) continue;
    if (s.startsWith('https://')) res.add(new URL(s).host);
    else res.add('graph.microsoft.com'); // bare scopes (User.Read) mean Microsoft Graph
  }
  return res;
}

function checkScopes(scopes, client) {
  const resources = scopeResources(scopes);
  if (resources.size > 1) {
    return entraError(28000, 'invalid_scope', `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopes.join(' ')} is not valid.`);
  }
  return null;
}

/** The resource a token request is for: Microsoft Graph when a scope names it, else Exchange Online. */
function resourceOf(scopes) {
  return scopes.some((s) => s.startsWith(GRAPH + '/')) ? GRAPH : OUTLOOK;
}

function grantedScopes(scopes, client) {
  const resource = resourceOf(scopes);
  const wanted = client.scenario.granted_scopes ?? scopes.filter((s) => s.startsWith(resource + '/'));
  return wanted;
}

/** The domain part of on-premises SIDs (S-1-5-21-a-b-c-rid), stable per tenant. */
const onpremDomain = (tid) => [0, 8, 16].map((i) => parseInt(sha256hex(`ad/${tid}`).slice(i, i + 8), 16)).join('-');

/** Stable per tenant: the Conditional Access policies enforced at sign-in (`enfpolicyids`; 8, as in
 * an organisation with a handful of policies) and its creation time. */
function tenantFacts(tid) {
  return { enfpolicyids: guids(`${tid}/conditional-access`, 8), xms_tcdt: 1400000000 + (parseInt(sha256hex(tid).slice(0, 8), 16) % 300000000) };
}

/** Tokens of one sign-in `session` (newSession; the same one across its refreshes): the answer of
 * the token endpoint, with the ID token when `openid` was asked. */
function issueTokens(client, user, scopes, session, nonce = null) {
  const sc = client.scenario;
  const lifetime = sc.access_token_lifetime ?? 3599;
  const t = now();
  const granted = grantedScopes(scopes, client);
  const resource = resourceOf(scopes);
  const [given, ...family] = user.name.split(' ');
  const sub = pairwiseSub(client.client_id, user.oid);
  const { enfpolicyids, xms_tcdt } = tenantFacts(user.tid);
  // An Exchange Online access token (v1.0) as Entra issues it, claim for claim, plus `email`
  // (Dovecot's username attribute). Dovecot needs `typ` and `kid` in the header, `sub`, `exp`,
  // `email` and `iss`; no `azp` (Dovecot would look for the key under its value).
  let claims = {
    aud: sc.access_token_audience || resource,
    iss: `https://sts.windows.net/${user.tid}/`,
    iat: t, nbf: t, exp: t + lifetime,
    acct: 0,
    acr: '1',
    aio: aio(),
    amr: session.amr,
    app_displayname: client.display_name || 'Mail Setup Assistant',
    appid: client.client_id,
    appidacr: client.type === 'web' ? '1' : '0',
    deviceid: session.deviceid,
    email: user.email,
    enfpolicyids,
    family_name: family.join(' ') || given,
    given_name: given,
    idtyp: 'user',
    ipaddr: session.ipaddr,
    name: user.name,
    oid: user.oid,
    // A hybrid user, synchronised from the organisation's Active Directory (personal accounts: none).
    ...(user.personal ? {} : { onprem_sid: `S-1-5-21-${onpremDomain(user.tid)}-${parseInt(sha256hex(`rid/${user.oid}`).slice(0, 6), 16) + 1000}` }),
    puid: `1003${sha256hex(`puid/${user.oid}`).slice(0, 12).toUpperCase()}`,
    rh: rh(),
    scp: granted.map((s) => s.replace(resource + '/', '')).join(' '),
    sid: session.sid,
    signin_state: ['kmsi'],
    sub,
    tid: user.tid,
    unique_name: user.email,
    upn: user.email,
    uti: uti(),
    ver: '1.0',
    wids: largest(client) ? [...ADMIN_ROLES, DEFAULT_USER_ROLE] : directoryReader(user) ? [GLOBAL_READER, DEFAULT_USER_ROLE] : [DEFAULT_USER_ROLE],
    xms_act_fct: `${randomInt(1, 10)} ${randomInt(1, 10)}`,
    xms_ftd: `${token(30)}ZXVyb3Blbm9ydGgtZHNtcw`,
    xms_idrel: `1 ${randomInt(2, 31)}`,
    xms_st: { sub: b64u(createHash('sha256').update(`st/${sub}`).digest()) },
    xms_sub_fct: `${randomInt(1, 10)} ${randomInt(1, 10)}`,
    xms_tcdt,
  };
  if (largest(client)) claims = fillGroups(claims, user.oid, SIZES.entraLargest.access);
  const body = { token_type: 'Bearer', scope: granted.join(' '), expires_in: lifetime, ext_expires_in: lifetime, access_token: jwt(claims, ENTRA_HEADER) };
  if (resource === GRAPH && !sc.access_token_audience) rememberGraphToken(body.access_token, user, claims.scp, claims.exp);
  if (scopes.includes('offline_access') && !sc.no_refresh_token) {
    const rt = entraRefreshToken(between(largest(client) ? SIZES.entraLargest.refresh : SIZES.entra.refresh));
    refreshTokens.set(rt, { client_id: client.client_id, user, tid: user.tid, scopes, session, active: true });
    body.refresh_token = rt;
  }
  if (scopes.includes('openid')) body.id_token = idToken(client, user, scopes, nonce, session);
  return body;
}

function idToken(client, user, scopes, nonce, session) {
  const t = now();
  // Entra's v2.0 ID token, claim for claim.
  let claims = {
    aud: client.client_id,
    iss: `${BASE}/${user.tid}/v2.0`,
    iat: t, nbf: t, exp: t + 3600,
    aio: aio(),
  };
  if (scopes.includes('email') && !client.scenario.no_email_claim) claims.email = user.email;
  Object.assign(claims, { name: user.name });
  if (nonce) claims.nonce = nonce;
  Object.assign(claims, {
    oid: user.oid,
    preferred_username: client.scenario.upn_for?.[user.email] ?? user.email,
    rh: rh(),
    sid: session.sid,
    sub: pairwiseSub(client.client_id, user.oid),
    tid: user.tid,
    uti: uti(),
    ver: '2.0',
  });
  if (largest(client)) {
    claims.wids = [...ADMIN_ROLES, DEFAULT_USER_ROLE];
    claims = fillGroups(claims, user.oid, SIZES.entraLargest.id);
  }
  return jwt(claims, ENTRA_HEADER);
}

/** signInAudience of a registration (the manifest's values): a personal-accounts-only registration
 * works only through /consumers (AADSTS9002331), a work-or-school-only one never there (AADSTS9002332).
 * Registrations without it accept every authority, as before. */
function audienceError(client, where) {
  const a = client.sign_in_audience;
  if (a === 'PersonalMicrosoftAccount' && where.meta !== 'consumers') {
    return [9002331, `Application '${client.client_id}'(Mail Setup Assistant) is configured for use by Microsoft Account users only. Please use the /consumers endpoint to serve this request.`];
  }
  if ((a === 'AzureADMyOrg' || a === 'AzureADMultipleOrgs') && where.meta === 'consumers') {
    return [9002332, `Application '${client.client_id}'(Mail Setup Assistant) is configured for use by Azure Active Directory users only. Please do not use the /consumers endpoint to serve this request.`];
  }
  return null;
}

function clientAuth(req, form, client) {
  // Returns an Entra error body + status, or null when the client authenticated as its type requires.
  let secret = form.get('client_secret');
  const basic = req.headers.authorization;
  if (!secret && basic && basic.startsWith('Basic ')) {
    const [, pw] = Buffer.from(basic.slice(6), 'base64').toString().split(':');
    secret = decodeURIComponent(pw || '');
  }
  if (client.type === 'web') {
    if (!secret) return [401, knownError(7000218, client.client_id)];
    if (secret !== client.secret) return [401, entraError(7000215, 'invalid_client', 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.')];
    if (client.scenario.secret_expired) return [401, entraError(7000222, 'invalid_client', `The provided client secret keys for app '${client.client_id}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`)];
  } else if (secret) {
    return [401, entraError(700025, 'invalid_client', 'Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.')];
  }
  if (client.type === 'spa' && !req.headers.origin) {
    return [400, entraError(9002327, 'invalid_request', "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.")];
  }
  return null;
}

// ---------------------------------------------------------------- routes

function authorize(req, res, url, tenantSeg) {
  const q = url.searchParams;
  keep(q);
  const where = resolveTenant(tenantSeg);
  if (!where) return errorPage(res, 90002, `Tenant '${tenantSeg}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  const client = entraClient(q.get('client_id'));
  if (!client) return errorPage(res, 700016, `Application with identifier '${q.get('client_id')}' was not found in the directory.`);
  if (client.scenario.disabled) return errorPage(res, ...disabledError(client));
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return errorPage(res, 900971, 'No reply address provided.');
  if (!redirectRegistered(client, redirectUri)) {
    return errorPage(res, 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${client.client_id}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`);
  }
  const audience = audienceError(client, where);
  if (audience) return errorPage(res, ...audience);
  const state = q.get('state');
  const back = (err) => redirectBack(res, redirectUri, { error: err.error, error_description: err.error_description, error_uri: err.error_uri, state });
  if (q.get('response_type') !== 'code') {
    return back(entraError(900144, 'invalid_request', "The request body must contain the following parameter: 'response_type'."));
  }
  const method = q.get('code_challenge_method') || (q.get('code_challenge') ? 'plain' : null);
  const sc = client.scenario;
  if (sc.deny) return back({ error: 'access_denied', error_description: 'The user has denied access to the scope requested by the client application.' });
  if (sc.authorize_error) return back(knownError(sc.authorize_error, client.client_id));
  // Who does the browser sign in? A browser already signed in to another account keeps using it
  // unless the app asks for the account picker or a fresh login.
  const prompt = q.get('prompt') || '';
  const picker = prompt === 'select_account' || prompt === 'login';
  const hint = q.get('login_hint');
  // With the account picker the person chooses: `pick_as` (or the default user) in tests.
  const who = picker ? (sc.pick_as || hint || sc.default_user || config.default_user)
    : (sc.signed_in_as || hint || sc.default_user || config.default_user);
  const user = userFor(who);
  if (!user) return back(entraError(50034, 'invalid_request', `The user account ${who} does not exist in the directory.`));
  if (client.sign_in_audience === 'PersonalMicrosoftAccount' && !user.personal) {
    // The personal-accounts sign-in page does not know work accounts: the person is stuck there.
    return send(res, 200, '<!doctype html><html><head><title>Sign in to your Microsoft account</title></head><body><h1>Sign in</h1>' +
      '<p id="error">That Microsoft account doesn\'t exist. Enter a different account or get a new one.</p></body></html>');
  }
  if (user.personal && where.meta === 'organizations') {
    return back(entraError(50020, 'invalid_request', `User account '${user.email}' from identity provider 'live.com' does not exist in tenant '' and cannot access the application '${client.client_id}' in that tenant.`));
  }
  if (where.tenant && where.tenant.id !== user.tid) {
    const idp = user.personal ? 'live.com' : `https://sts.windows.net/${user.tid}/`;
    return back(entraError(50020, 'invalid_request', `User account '${user.email}' from identity provider '${idp}' does not exist in tenant '${where.tenant.name}' and cannot access the application '${client.client_id}' in that tenant.`));
  }
  const code = `1.${token(40)}`;
  codes.set(code, {
    client_id: client.client_id, redirect_uri: redirectUri, tenantSeg, user,
    scopes: (q.get('scope') || '').split(' ').filter(Boolean),
    nonce: q.get('nonce'), challenge: q.get('code_challenge'), method,
    expires: now() + 600, used: false,
  });
  log('authorize', client.client_id, 'user', user.email, 'tenant', tenantSeg);
  redirectBack(res, redirectUri, { code, state, session_state: randomUUID() });
}

async function tokenEndpoint(req, res, tenantSeg) {
  const form = new URLSearchParams(await body(req));
  keep(form);
  if (req.headers.authorization?.startsWith('Basic ')) {
    keep({ client_secret: decodeURIComponent(Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':')[1] || '') });
  }
  const where = resolveTenant(tenantSeg);
  if (!where) return send(res, 400, entraError(90002, 'invalid_request', `Tenant '${tenantSeg}' not found.`));
  const client = entraClient(form.get('client_id')) || clientFromBasic(req);
  if (!client) return send(res, 400, entraError(700016, 'unauthorized_client', `Application with identifier '${form.get('client_id')}' was not found in the directory.`));
  if (client.scenario.disabled) {
    const [n, text] = disabledError(client);
    return send(res, 400, entraError(n, 'unauthorized_client', text));
  }
  const authErr = clientAuth(req, form, client);
  if (authErr) return send(res, authErr[0], authErr[1]);
  const audience = audienceError(client, where);
  if (audience) return send(res, 400, entraError(audience[0], 'invalid_request', audience[1]));
  const grant = form.get('grant_type');
  const scopeParam = (form.get('scope') || '').split(' ').filter(Boolean);
  if (scopeParam.length) {
    const e = checkScopes(scopeParam, client);
    if (e) return send(res, 400, e);
  }
  if (grant === 'authorization_code') {
    const c = codes.get(form.get('code') || '');
    if (!c || c.client_id !== client.client_id) return send(res, 400, entraError(9002313, 'invalid_grant', 'Invalid request. Request is malformed or invalid.'));
    if (c.used) return send(res, 400, entraError(54005, 'invalid_grant', 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'));
    c.used = true;
    if (c.expires < now()) return send(res, 400, entraError(70008, 'invalid_grant', 'The provided authorization code or refresh token has expired due to inactivity.'));
    if (form.get('redirect_uri') !== c.redirect_uri) return send(res, 400, entraError(50148, 'invalid_grant', 'The redirect_uri does not match the one used in the authorization request.'));
    if (resolveTenant(tenantSeg)?.tenant?.id && resolveTenant(tenantSeg).tenant.id !== c.user.tid) {
      return send(res, 400, entraError(700005, 'invalid_grant', 'Provided Authorization Code is intended to use against other tenant, thus rejected.'));
    }
    if (c.challenge) {
      const v = form.get('code_verifier');
      if (!v) return send(res, 400, entraError(501491, 'invalid_grant', "The request body must contain the following parameter: 'code_verifier'."));
      const computed = c.method === 'S256' ? b64u(createHash('sha256').update(v).digest()) : v;
      if (computed !== c.challenge) return send(res, 400, entraError(501481, 'invalid_grant', 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'));
    }
    const sc = client.scenario;
    if (sc.token_error) return send(res, 400, knownError(sc.token_error, client.client_id));
    const out = issueTokens(client, c.user, c.scopes, newSession(c.user), c.nonce);
    log('token code', client.client_id, 'user', c.user.email, 'lifetime', out.expires_in);
    return send(res, 200, out);
  }
  if (grant === 'refresh_token') {
    const sc = client.scenario;
    if (sc.refresh_error) return send(res, 400, knownError(sc.refresh_error, client.client_id));
    const rt = refreshTokens.get(form.get('refresh_token') || '');
    if (!rt || rt.client_id !== client.client_id) return send(res, 400, entraError(9002313, 'invalid_grant', 'Invalid request. Request is malformed or invalid.'));
    if (!rt.active) return send(res, 400, entraError(70000, 'invalid_grant', 'Provided grant is invalid or malformed. The refresh token was already used and has been replaced.'));
    const sameTenant = where.meta === 'common' || (where.meta === 'organizations' && rt.tid !== CONSUMER_TID) ||
      (where.meta === 'consumers' && rt.tid === CONSUMER_TID) || (where.tenant && where.tenant.id === rt.tid);
    if (!sameTenant) return send(res, 400, entraError(7000012, 'invalid_grant', 'The grant was obtained for a different tenant.'));
    // `refresh_latency_ms`: a real token endpoint's time, half before the rotation (the request
    // on its way) and half after (the answer on its way back: a client stopped then has lost
    // its refresh token, the window no client can close).
    const latency = Number(sc.refresh_latency_ms || 0);
    if (latency) await new Promise((r) => setTimeout(r, latency / 2));
    if (!rt.active) return send(res, 400, entraError(70000, 'invalid_grant', 'Provided grant is invalid or malformed. The refresh token was already used and has been replaced.'));
    rt.active = false; // rotation: the old token is spent
    rt.spent_at = Date.now();
    const scopes = scopeParam.length ? scopeParam : rt.scopes;
    const out = issueTokens(client, rt.user, scopes, rt.session);
    log('token refresh', client.client_id, 'user', rt.user.email);
    if (latency) await new Promise((r) => setTimeout(r, latency / 2));
    return send(res, 200, out);
  }
  if (grant === 'urn:ietf:params:oauth:grant-type:device_code') {
    return deviceToken(res, client, form);
  }
  if (grant === 'client_credentials') {
    return clientCredentials(res, client, where, scopeParam);
  }
  return send(res, 400, entraError(70003, 'unsupported_grant_type', `The app requested an unsupported grant type '${grant}'.`));
}

function clientFromBasic(req) {
  const basic = req.headers.authorization;
  if (!basic || !basic.startsWith('Basic ')) return null;
  const [id] = Buffer.from(basic.slice(6), 'base64').toString().split(':');
  return entraClient(decodeURIComponent(id));
}

// Device authorization grant (RFC 8628;
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code).
// The /_test API approves or declines.
async function deviceCode(req, res, tenantSeg) {
  const form = new URLSearchParams(await body(req));
  const client = entraClient(form.get('client_id'));
  if (!client) return send(res, 400, entraError(700016, 'unauthorized_client', 'Application not found.'));
  const device_code = token(32);
  const user_code = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
  const interval = client.scenario.device_interval ?? 1;
  const expires_in = client.scenario.device_expires_in ?? 900;
  deviceCodes.set(device_code, { client_id: client.client_id, user_code, scopes: (form.get('scope') || '').split(' ').filter(Boolean), expires: now() + expires_in, status: 'pending', lastPoll: 0, interval, tenantSeg });
  send(res, 200, {
    device_code, user_code, verification_uri: `${BASE}/devicelogin`, expires_in, interval,
    message: `To sign in, use a web browser to open the page ${BASE}/devicelogin and enter the code ${user_code} to authenticate.`,
  });
}

function deviceToken(res, client, form) {
  const d = deviceCodes.get(form.get('device_code') || '');
  if (!d || d.client_id !== client.client_id) return send(res, 400, entraError(70018, 'bad_verification_code', 'Invalid verification code.'));
  if (client.type !== 'public' || client.scenario.public_flows === false) return send(res, 401, knownError(7000218, client.client_id));
  const t = Date.now();
  const tooFast = t - d.lastPoll < d.interval * 1000 - 100;
  d.lastPoll = t;
  if (d.expires < now()) return send(res, 400, entraError(70019, 'expired_token', 'Verification code expired.'));
  if (tooFast && client.scenario.enforce_slow_down) return send(res, 400, { error: 'slow_down', error_description: 'Polling too fast.' });
  // `device_error`: Conditional Access refuses the code flow once the person has entered the code
  // (AADSTS530033 remote device flow blocked; 53003 blocked by policy).
  if (client.scenario.device_error && d.status === 'approved') return send(res, 400, knownError(client.scenario.device_error, client.client_id));
  if (d.status === 'pending') return send(res, 400, entraError(70016, 'authorization_pending', 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.'));
  if (d.status === 'declined') return send(res, 400, entraError(70020, 'authorization_declined', 'The user declined the sign-in.'));
  if (d.status === 'done') return send(res, 400, entraError(90120, 'invalid_grant', 'The device code was already used.'));
  d.status = 'done';
  const out = issueTokens(client, d.user, d.scopes, newSession(d.user));
  return send(res, 200, out);
}

function discovery(res, tenantSeg) {
  const where = resolveTenant(tenantSeg);
  if (!where) return send(res, 400, entraError(90002, 'invalid_tenant', `Tenant '${tenantSeg}' not found. This may happen if there are no active subscriptions for the tenant.`));
  const tid = where.tenant ? where.tenant.id : (where.meta === 'consumers' ? CONSUMER_TID : '{tenantid}');
  const t = `${BASE}/${tenantSeg}`;
  send(res, 200, {
    issuer: `${BASE}/${tid}/v2.0`,
    authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
    token_endpoint: `${t}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${t}/oauth2/v2.0/devicecode`,
    jwks_uri: `${t}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256', 'plain'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    msgraph_host: 'graph.microsoft.com',
  });
}

// getuserrealm.srf (undocumented at Microsoft): the organisation's display name.
function userRealm(res, url) {
  const login = (url.searchParams.get('login') || '').toLowerCase();
  const domain = login.split('@')[1] || '';
  const t = tenantOfDomain(domain);
  if (!t) return send(res, 200, { State: 4, UserState: 1, Login: login, NameSpaceType: 'Unknown' });
  send(res, 200, { State: 4, UserState: 1, Login: login, NameSpaceType: 'Managed', DomainName: domain, FederationBrandName: t.name, CloudInstanceName: 'microsoftonline.com' });
}

// ---------------------------------------------------------------- Microsoft Graph (registrations)
// The read-only part of Microsoft Graph v1.0 that the registration check uses, for the app
// registrations this provider knows, as an administrator of one tenant sees them:
//   GET /graph/v1.0/applications(appId='{id}')                   the registration (home tenant only)
//   GET /graph/v1.0/servicePrincipals(appId='{id}')              the enterprise application here
//   GET /graph/v1.0/servicePrincipals/{id}/oauth2PermissionGrants delegated consent
//   GET /graph/v1.0/servicePrincipals/{id}/appRoleAssignments     application permissions granted
// (https://learn.microsoft.com/graph/api/application-get and the pages it links). The caller needs
// an access token this provider issued for https://graph.microsoft.com with Directory.Read.All,
// of a user who may read the directory (directoryReader); else 401 InvalidAuthenticationToken or
// 403 Authorization_RequestDenied, with Graph's error shape (https://learn.microsoft.com/graph/errors).
// What a registration looks like comes from the client and its scenario switches (README.md).

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
/** The tenant of Microsoft's own apps (first-party registrations live there). */
const MICROSOFT_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
/** Microsoft Graph's delegated permissions (oauth2PermissionScopes) and application permissions
 * (appRoles) that the scenarios use, with Graph's ids. */
const GRAPH_SCOPES = {
  openid: '37f7f235-527c-4136-accd-4a02d197296e',
  email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
  profile: '14dad69e-099b-42c9-810b-d002981feec1',
  offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
  'SMTP.Send': '258f6531-6087-4cc4-bb90-092c5fb3ed3f',
  'IMAP.AccessAsUser.All': '652390e4-393a-48de-9484-05f9b1212954',
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  'Mail.ReadWrite': '024d486e-b451-40bb-833d-3e66d98c5c73',
  'Mail.Send': 'e383f46e-2787-4529-855e-0e479a3ffac0',
  'Directory.Read.All': '06da0dbc-49e2-44d2-8312-53f166ab848a',
};
const GRAPH_ROLES = {
  'Mail.ReadWrite': 'e2a3a72e-5f79-4c64-b1b1-878b674786c9',
  'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
  'Mail.Read': '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
};
/** What the app needs (its default registration asks for these under Microsoft Graph, as the
 * Exchange documentation's admin center steps do). */
const NEEDED = ['SMTP.Send', 'IMAP.AccessAsUser.All', 'offline_access', 'openid', 'profile', 'email'];
const graphTokens = new Map(); // access token -> { user, scp: [...], exp }

function rememberGraphToken(token, user, scp, exp) {
  graphTokens.set(token, { user, scp: scp.split(' ').filter(Boolean), exp });
  if (graphTokens.size > 10000) graphTokens.delete(graphTokens.keys().next().value);
}

function disabledError(client) {
  return [7000112, `Application '${client.client_id}'(${client.display_name || 'Mail Setup Assistant'}) is disabled.`];
}

const spId = (tid, appId) => uuidFrom(`sp/${tid}/${appId}`);
const homeTenant = (client) => (client.first_party ? MICROSOFT_TENANT : client.scenario.home_tenant || tenants[0].id);
const named = (table, names) => names.map((n) => ({ id: table[n] || uuidFrom(`permission/${n}`), value: n }));

/** The application object of `client` (https://learn.microsoft.com/graph/api/resources/application). */
function graphApplication(client) {
  const sc = client.scenario;
  const platforms = { public: [], web: [], spa: [] };
  platforms[client.type === 'web' ? 'web' : client.type === 'spa' ? 'spa' : 'public'].push(...client.redirect_uris);
  for (const [k, v] of Object.entries(sc.extra_redirects || {})) platforms[k].push(...v);
  const delegated = sc.delegated ?? NEEDED;
  const roles = sc.application_permissions ?? [];
  const year = 365 * 24 * 3600 * 1000;
  return {
    id: uuidFrom(`app/${client.client_id}`),
    appId: client.client_id,
    displayName: client.display_name || 'Mail Setup Assistant',
    signInAudience: client.sign_in_audience || 'AzureADMultipleOrgs',
    isFallbackPublicClient: client.type === 'public' && sc.public_flows !== false,
    publicClient: { redirectUris: platforms.public },
    web: { redirectUris: platforms.web, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
    spa: { redirectUris: platforms.spa },
    requiredResourceAccess: delegated.length + roles.length === 0 ? [] : [{
      resourceAppId: GRAPH_APP_ID,
      resourceAccess: [
        ...named(GRAPH_SCOPES, delegated).map((p) => ({ id: p.id, type: 'Scope' })),
        ...named(GRAPH_ROLES, roles).map((p) => ({ id: p.id, type: 'Role' })),
      ],
    }],
    // A Web registration's secret: its name and end date (Graph never returns the value).
    passwordCredentials: client.secret ? [{
      keyId: uuidFrom(`secret/${client.client_id}`), displayName: 'mailsetup', hint: client.secret.slice(0, 3),
      startDateTime: new Date(Date.now() - year).toISOString(),
      endDateTime: new Date(Date.now() + (sc.secret_expired ? -1 : 1) * year / 2).toISOString(),
    }] : [],
  };
}

/** The service principals of tenant `tid` by appId: every Entra client of this provider (as if
 * consented in every organisation, as its sign-ins are), Microsoft Graph and Exchange Online. */
function servicePrincipal(tid, appId) {
  if (appId === GRAPH_APP_ID) {
    return {
      id: spId(tid, appId), appId, displayName: 'Microsoft Graph', accountEnabled: true, appOwnerOrganizationId: MICROSOFT_TENANT,
      oauth2PermissionScopes: named(GRAPH_SCOPES, Object.keys(GRAPH_SCOPES)), appRoles: named(GRAPH_ROLES, Object.keys(GRAPH_ROLES)),
    };
  }
  if (appId === EXCHANGE_APP_ID) {
    return {
      id: spId(tid, appId), appId, displayName: 'Office 365 Exchange Online', accountEnabled: true, appOwnerOrganizationId: MICROSOFT_TENANT,
      oauth2PermissionScopes: [{ id: '3b5f3d61-589b-4a3c-a359-5dd4b5ee5bd5', value: 'EWS.AccessAsUser.All' }],
      appRoles: [{ id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40', value: 'full_access_as_app' }],
    };
  }
  const client = entraClient(appId);
  if (!client) return null;
  return {
    id: spId(tid, appId), appId, displayName: client.display_name || 'Mail Setup Assistant',
    accountEnabled: !client.scenario.disabled, appOwnerOrganizationId: homeTenant(client),
    oauth2PermissionScopes: [], appRoles: [],
  };
}

/** The client whose service principal in `tid` has the object id `id`. */
function clientOfSp(tid, id) {
  return [...clients.values()].find((c) => c.provider !== 'google' && spId(tid, c.client_id) === id) || null;
}

/** Admin consent (`AllPrincipals`) to the delegated permissions, unless the scenario says
 * otherwise: `admin_consent: false` (nobody consented) or a list of the names consented. */
function permissionGrants(tid, client) {
  const sc = client.scenario;
  const consented = sc.admin_consent === false ? [] : Array.isArray(sc.admin_consent) ? sc.admin_consent : (sc.delegated ?? NEEDED);
  if (!consented.length) return [];
  return [{
    id: b64u(createHash('sha256').update(`grant/${tid}/${client.client_id}`).digest()).slice(0, 43),
    clientId: spId(tid, client.client_id), consentType: 'AllPrincipals', principalId: null,
    resourceId: spId(tid, GRAPH_APP_ID), scope: ` ${consented.join(' ')}`,
  }];
}

/** The application permissions an administrator granted: those the registration asks for. */
function appRoleAssignments(tid, client) {
  return named(GRAPH_ROLES, client.scenario.application_permissions ?? []).map((r) => ({
    id: b64u(createHash('sha256').update(`role/${tid}/${client.client_id}/${r.id}`).digest()).slice(0, 43),
    appRoleId: r.id, principalId: spId(tid, client.client_id), principalType: 'ServicePrincipal',
    resourceId: spId(tid, GRAPH_APP_ID), resourceDisplayName: 'Microsoft Graph',
  }));
}

function graphError(res, status, code, message) {
  send(res, status, { error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ''), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } });
}

function graphRoute(req, res, url) {
  const auth = req.headers.authorization || '';
  const t = auth.startsWith('Bearer ') ? graphTokens.get(auth.slice(7)) : null;
  if (!t) return graphError(res, 401, 'InvalidAuthenticationToken', auth ? 'Invalid JWT token. The token is not in a valid format.' : 'Access token is empty.');
  if (t.exp < now()) return graphError(res, 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
  if (!t.scp.includes('Directory.Read.All') || !directoryReader(t.user)) {
    return graphError(res, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
  const tid = t.user.tid;
  const path = decodeURIComponent(url.pathname.slice('/graph/v1.0/'.length));
  const notFound = () => graphError(res, 404, 'Request_ResourceNotFound', `Resource '${path}' does not exist or one of its queried reference-property objects are not present.`);
  let m = path.match(/^applications\(appId='([^']+)'\)$/);
  if (m) {
    const client = entraClient(m[1].toLowerCase());
    // The application object exists only in the organisation that registered the app.
    if (!client || homeTenant(client) !== tid) return notFound();
    return send(res, 200, graphApplication(client));
  }
  m = path.match(/^servicePrincipals\(appId='([^']+)'\)$/);
  if (m) {
    const sp = servicePrincipal(tid, m[1].toLowerCase());
    return sp ? send(res, 200, sp) : notFound();
  }
  m = path.match(/^servicePrincipals\/([0-9a-f-]+)\/(oauth2PermissionGrants|appRoleAssignments)$/);
  if (m) {
    const client = clientOfSp(tid, m[1]);
    if (!client) return notFound();
    const value = m[2] === 'oauth2PermissionGrants' ? permissionGrants(tid, client) : appRoleAssignments(tid, client);
    return send(res, 200, { '@odata.context': `${BASE}/graph/v1.0/$metadata#${m[2]}`, value });
  }
  return graphError(res, 400, 'BadRequest', `Resource not found for the segment '${path.split(/[/(]/)[0]}'.`);
}

/** The client credentials grant (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
 * a confidential client's token for itself; the registration check uses it to try a stored secret. */
function clientCredentials(res, client, where, scopes) {
  if (client.type !== 'web') return send(res, 401, knownError(7000218, client.client_id));
  if (scopes.length !== 1 || !scopes[0].endsWith('/.default')) {
    return send(res, 400, entraError(1002012, 'invalid_scope', `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`));
  }
  const t = now();
  const resource = scopes[0].slice(0, -'/.default'.length);
  const tid = where.tenant ? where.tenant.id : homeTenant(client);
  const roles = resource === GRAPH ? (client.scenario.application_permissions ?? []) : [];
  const claims = {
    aud: resource, iss: `https://sts.windows.net/${tid}/`, iat: t, nbf: t, exp: t + 3599, aio: aio(),
    app_displayname: client.display_name || 'Mail Setup Assistant', appid: client.client_id, appidacr: '1',
    idp: `https://sts.windows.net/${tid}/`, idtyp: 'app', oid: spId(tid, client.client_id), rh: rh(),
    ...(roles.length ? { roles } : {}), sub: spId(tid, client.client_id), tid, uti: uti(), ver: '1.0',
  };
  log('token client_credentials', client.client_id, 'tenant', tid);
  return send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: jwt(claims, ENTRA_HEADER) });
}

// The test control API: register clients (app registrations) with scenarios; inspect refresh tokens.
async function testApi(req, res, url) {
  if (url.pathname === '/_test/health') return send(res, 200, { ok: true });
  if (url.pathname === '/_test/clients' && req.method === 'POST') {
    const c = JSON.parse(await body(req) || '{}');
    if (!TOKEN_SIZES.includes(c.scenario?.token_sizes)) {
      return send(res, 400, { error: 'scenario.token_sizes must be "largest" (or absent: production sizes)' });
    }
    if (!c.client_id) c.client_id = randomUUID();
    keep({ client_secret: c.secret });
    clients.set(c.client_id, normaliseClient(c));
    return send(res, 200, clients.get(c.client_id));
  }
  if (url.pathname === '/_test/grants' && req.method === 'POST') {
    // Exchange permissions on a shared mailbox: Full Access (IMAP), Send As (SMTP)
    // (https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes).
    const { mailbox, delegate, full_access, send_as } = JSON.parse(await body(req) || '{}');
    const g = (grants[mailbox.toLowerCase()] ||= { full_access: [], send_as: [] });
    const set = (list, on) => {
      const d = delegate.toLowerCase();
      const i = list.indexOf(d);
      if (on && i < 0) list.push(d);
      if (!on && i >= 0) list.splice(i, 1);
    };
    set(g.full_access, !!full_access);
    set(g.send_as, !!send_as);
    const tmp = `${config.grants_file}.tmp`;
    writeFileSync(tmp, JSON.stringify(grants));
    renameSync(tmp, config.grants_file);
    return send(res, 200, g);
  }
  if (url.pathname === '/_test/app_passwords') return await appPasswordApi(req, res);
  if (url.pathname === '/_test/issued') return send(res, 200, { secrets: [...issued] });
  if (url.pathname === '/_test/refresh_tokens') {
    const id = url.searchParams.get('client_id');
    const mine = [...refreshTokens.entries()].filter(([, v]) => v.client_id === id);
    return send(res, 200, {
      active: mine.filter(([, v]) => v.active).map(([k]) => sha256hex(k)),
      spent: mine.filter(([, v]) => !v.active).length,
    });
  }
  if (url.pathname === '/_test/device' && req.method === 'POST') {
    const { user_code, user, decision } = JSON.parse(await body(req) || '{}');
    const d = [...deviceCodes.values()].find((x) => x.user_code === user_code);
    if (!d) return send(res, 404, { error: 'no such user_code' });
    d.user = userFor(user || config.default_user);
    d.status = decision === 'decline' ? 'declined' : 'approved';
    return send(res, 200, { ok: true });
  }
  send(res, 404, { error: 'not found' });
}

// ---------------------------------------------------------------- Google mode
// "Sign in with Google" as Google answers a desktop app
// (https://developers.google.com/identity/protocols/oauth2/native-app), on /google/...:
//   GET  /google/o/oauth2/v2/auth                 authorize (redirects straight back: no login page)
//   POST /google/token                            authorization_code (PKCE) and refresh_token grants
//   POST /google/revoke                           revocation (token=...)
//   GET  /google/v1/userinfo                      OpenID userinfo (Bearer access token)
//   GET  /google/oauth2/v3/certs                  signing keys
//   GET  /google/.well-known/openid-configuration discovery
// What differs from Entra and the app must handle: a refresh token only when the authorize request
// had access_type=offline; refresh tokens are never rotated (the same one keeps working) and refresh
// responses carry none; Google's flat error JSON; HTML error pages (no redirect) for an unknown
// client or an unregistered redirect URI. Google's access tokens are opaque ("ya29."); here they are
// JWTs so that the local Dovecot can check them for XOAUTH2: issuer <base>/google, `email` = the
// mailbox, present only when https://mail.google.com/ was granted (else Dovecot refuses the token,
// as Gmail would).

const GOOGLE_ISS = `${BASE}/google`;
const GMAIL_SCOPE = 'https://mail.google.com/';
const GOOGLE_SCOPE_NAMES = { email: 'https://www.googleapis.com/auth/userinfo.email', profile: 'https://www.googleapis.com/auth/userinfo.profile' };
const IDENTITY_SCOPES = ['openid', 'email', 'profile'];
const googleConfig = { domains: [], personal_domains: [], default_user: null, ...(config.google || {}) };
const googleAccess = new Map(); // access token -> { user, exp }, for userinfo and revocation
const googleConsents = new Set(); // `${client_id}/${email}` that got a refresh token before

function googleClient(id) {
  const c = clients.get(id || '');
  return c && c.provider === 'google' ? c : null;
}

/** Every address at a Google-mode domain exists; `hd` names a Workspace domain (not gmail.example). */
function googleUser(address) {
  const email = String(address || '').trim().toLowerCase();
  const parts = email.split('@');
  if (parts.length !== 2 || !parts[0] || !googleConfig.domains.includes(parts[1])) return null;
  const sub = `1${(BigInt(`0x${sha256hex(`google/${email}`).slice(0, 24)}`) % 10n ** 20n).toString().padStart(20, '0')}`;
  const name = parts[0].split(/[._-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return { email, sub, name, hd: googleConfig.personal_domains.includes(parts[1]) ? null : parts[1] };
}

const googleError = (error, description, extra = {}) => ({ error, error_description: description, ...extra });

/** Scenario errors (`token_error`, `refresh_error`) in Google's words. */
const GOOGLE_ERRORS = {
  revoked: [400, 'invalid_grant', 'Token has been expired or revoked.'],
  expired: [400, 'invalid_grant', 'Token has been expired or revoked.'],
  invalid_rapt: [400, 'invalid_grant', 'reauth related error (invalid_rapt)', { error_uri: 'https://support.google.com/a/answer/9368756', error_subtype: 'invalid_rapt' }],
  invalid_client: [401, 'invalid_client', 'The OAuth client was not found.'],
  deleted_client: [401, 'deleted_client', 'The OAuth client was deleted.'],
  unauthorized_client: [401, 'unauthorized_client', 'Unauthorized'],
};

function googleScenarioError(res, which) {
  const [status, error, text, extra] = GOOGLE_ERRORS[which] || [400, String(which), 'Bad Request'];
  return send(res, status, googleError(error, text, extra));
}

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Google's error page (no redirect back to the app): "Error 400: redirect_uri_mismatch" etc. */
function googleErrorPage(res, status, error, headline, message, details) {
  send(res, status, `<!doctype html><html><head><title>Error ${status}: ${escapeHtml(error)}</title></head><body>` +
    `<h1>${escapeHtml(headline)}</h1><p>${escapeHtml(message)}</p>` +
    `<p id="error">Error ${status}: ${escapeHtml(error)}</p>` +
    (details ? `<p id="details">Request details: ${escapeHtml(details)}</p>` : '') + '</body></html>');
}

function googleGranted(scopes, client) {
  return client.scenario.granted_scopes ?? scopes.map((s) => GOOGLE_SCOPE_NAMES[s] || s);
}

function googleAuthorize(req, res, url) {
  const q = url.searchParams;
  keep(q);
  const client = googleClient(q.get('client_id'));
  const invalid = "You can't sign in because this app sent an invalid request. You can try again later, or contact the developer about this issue.";
  if (!client) return googleErrorPage(res, 401, 'invalid_client', 'Access blocked: Authorization Error', 'The OAuth client was not found.');
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return googleErrorPage(res, 400, 'invalid_request', 'Access blocked: Authorization Error', 'Missing required parameter: redirect_uri');
  if (!redirectRegistered(client, redirectUri)) {
    return googleErrorPage(res, 400, 'redirect_uri_mismatch', 'Access blocked: This app\u2019s request is invalid',
      `${invalid} If you are a developer of this app, see error details.`, `redirect_uri=${redirectUri}`);
  }
  const badRequest = (text) => googleErrorPage(res, 400, 'invalid_request', 'Access blocked: Authorization Error', text);
  if (!q.get('response_type')) return badRequest('Missing required parameter: response_type');
  if (q.get('response_type') !== 'code') return badRequest(`Invalid response_type: ${q.get('response_type')}`);
  const scopes = (q.get('scope') || '').split(/\s+/).filter(Boolean);
  if (!scopes.length) return badRequest('Missing required parameter: scope');
  if (!scopes.includes(GMAIL_SCOPE)) {
    // Google itself would grant the other scopes; without Gmail's scope the app cannot work, so
    // the local provider stops here to make the mistake visible.
    return googleErrorPage(res, 400, 'invalid_scope', 'Access blocked: Authorization Error', `Some requested scopes were invalid for this test provider: the scope must contain ${GMAIL_SCOPE}. Requested: ${scopes.join(' ')}`);
  }
  const accessType = q.get('access_type') || 'online';
  if (!['online', 'offline'].includes(accessType)) return badRequest(`Invalid access_type: ${accessType}`);
  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method') || (challenge ? 'plain' : null);
  if (method && !challenge) return badRequest('Missing required parameter: code_challenge');
  if (challenge && !['S256', 'plain'].includes(method)) return badRequest(`Invalid code_challenge_method: ${method}`);
  const state = q.get('state');
  const back = (params) => redirectBack(res, redirectUri, { ...params, state });
  const sc = client.scenario;
  if (sc.deny) return back({ error: 'access_denied' });
  if (sc.authorize_error) return back({ error: String(sc.authorize_error) });
  // Who signs in: a browser already signed in keeps its account unless the app asks for the
  // account chooser (prompt=select_account); otherwise the login_hint.
  const prompts = (q.get('prompt') || '').split(/\s+/).filter(Boolean);
  const hint = q.get('login_hint');
  const who = prompts.includes('select_account') ? (sc.pick_as || hint || sc.default_user || googleConfig.default_user)
    : (sc.signed_in_as || hint || sc.default_user || googleConfig.default_user);
  const user = googleUser(who);
  if (!user) {
    // Google's sign-in page for an unknown account: the person is stuck there, nothing comes back.
    return send(res, 200, '<!doctype html><html><head><title>Sign in - Google Accounts</title></head><body><h1>Sign in</h1>' +
      '<p id="error">Couldn\u2019t find your Google Account</p></body></html>');
  }
  const granted = googleGranted(scopes, client);
  const code = `4/0${token(54)}`;
  codes.set(code, {
    provider: 'google', client_id: client.client_id, redirect_uri: redirectUri, user, scopes, granted,
    nonce: q.get('nonce'), challenge, method, offline: accessType === 'offline', consent: prompts.includes('consent'),
    expires: now() + 600, used: false,
  });
  log('google authorize', client.client_id, 'user', user.email, 'access_type', accessType);
  back({ code, scope: granted.join(' '), authuser: '0', hd: user.hd || undefined, prompt: 'consent' });
}

function googleIdToken(client, user, scopes, nonce, access) {
  const t = now();
  const claims = { iss: GOOGLE_ISS, azp: client.client_id, aud: client.client_id, sub: user.sub };
  if (scopes.includes('email') && !client.scenario.no_email_claim) Object.assign(claims, { email: user.email, email_verified: true });
  claims.at_hash = b64u(createHash('sha256').update(access).digest().subarray(0, 16));
  if (user.hd) claims.hd = user.hd;
  if (nonce) claims.nonce = nonce;
  if (scopes.includes('profile')) {
    const [given, ...family] = user.name.split(' ');
    Object.assign(claims, { name: user.name, given_name: given, family_name: family.join(' ') || undefined });
  }
  Object.assign(claims, { iat: t, exp: t + 3600 });
  return jwt(claims);
}

function googleTokens(client, user, { scopes, granted, nonce, refresh, offline, presentedRefresh }) {
  const lifetime = client.scenario.access_token_lifetime ?? 3599;
  const t = now();
  const claims = { iss: GOOGLE_ISS, aud: client.client_id, sub: user.sub, scope: granted.join(' ') };
  if (granted.includes(GMAIL_SCOPE)) Object.assign(claims, { email: user.email, email_verified: true });
  Object.assign(claims, { access_type: offline ? 'offline' : 'online', iat: t, exp: t + lifetime });
  // Google's access tokens are opaque ("ya29." + base64url-ish, up to 2,048 bytes): the JWT carries
  // such a string in `ya29`, as long as makes the whole token Google's size.
  const access = jwtOfLength(claims, 'ya29', `ya29.a0A${token(9)}`, between(largest(client) ? SIZES.googleLargest.access : SIZES.google.access));
  googleAccess.set(access, { user, exp: t + lifetime });
  if (googleAccess.size > 10000) googleAccess.delete(googleAccess.keys().next().value);
  const out = { access_token: access, expires_in: lifetime };
  if (refresh) out.refresh_token = refresh;
  // An OAuth client in "Testing" (scenario.publishing_status): its refresh tokens end 7 days after
  // they were issued, and every token response says how long is left.
  const ends = refreshTokens.get(refresh ?? presentedRefresh)?.expires_at;
  if (ends) out.refresh_token_expires_in = Math.max(0, ends - t);
  Object.assign(out, { scope: granted.join(' '), token_type: 'Bearer' });
  if (scopes.some((s) => IDENTITY_SCOPES.includes(s))) out.id_token = googleIdToken(client, user, scopes, nonce, access);
  return out;
}

async function googleToken(req, res) {
  const form = new URLSearchParams(await body(req));
  keep(form);
  let basicId = null;
  let basicSecret = null;
  if (req.headers.authorization?.startsWith('Basic ')) {
    const [id, pw] = Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':');
    basicId = decodeURIComponent(id || '');
    basicSecret = decodeURIComponent(pw || '');
    keep({ client_secret: basicSecret });
  }
  const client = googleClient(form.get('client_id') || basicId);
  if (!client) return send(res, 401, googleError('invalid_client', 'The OAuth client was not found.'));
  // A client registered with a secret (Google's "Desktop app" clients have one) must send it.
  const secret = form.get('client_secret') || basicSecret;
  if (client.secret) {
    if (!secret) return send(res, 400, googleError('invalid_request', 'client_secret is missing.'));
    if (secret !== client.secret) return send(res, 401, googleError('invalid_client', 'Unauthorized'));
  }
  const sc = client.scenario;
  const grant = form.get('grant_type');
  if (grant === 'authorization_code') {
    const code = form.get('code');
    if (!code) return send(res, 400, googleError('invalid_request', 'Missing required parameter: code'));
    const c = codes.get(code);
    if (!c || c.provider !== 'google' || c.client_id !== client.client_id) return send(res, 400, googleError('invalid_grant', 'Malformed auth code.'));
    const spent = c.used || c.expires < now();
    c.used = true; // single use, whatever happens next
    if (spent) return send(res, 400, googleError('invalid_grant', 'Bad Request'));
    if (form.get('redirect_uri') !== c.redirect_uri) return send(res, 400, googleError('redirect_uri_mismatch', 'Bad Request'));
    if (c.challenge) {
      const v = form.get('code_verifier');
      if (!v) return send(res, 400, googleError('invalid_grant', 'Missing code verifier.'));
      const computed = c.method === 'S256' ? b64u(createHash('sha256').update(v).digest()) : v;
      if (computed !== c.challenge) return send(res, 400, googleError('invalid_grant', 'Invalid code verifier.'));
    }
    if (sc.token_error) return googleScenarioError(res, sc.token_error);
    // A refresh token only for access_type=offline; with `consent_remembered`, like Google, only
    // the first time the person consents to this client, unless the app asks prompt=consent again.
    const consentKey = `${client.client_id}/${c.user.email}`;
    let refresh = null;
    if (c.offline && !sc.no_refresh_token && (!sc.consent_remembered || c.consent || !googleConsents.has(consentKey))) {
      refresh = googleRefreshToken(between(largest(client) ? SIZES.googleLargest.refresh : SIZES.google.refresh));
      const expires_at = sc.publishing_status === 'testing' ? now() + 7 * 86400 - 1 : undefined;
      refreshTokens.set(refresh, { provider: 'google', client_id: client.client_id, user: c.user, scopes: c.scopes, granted: c.granted, active: true, expires_at });
      googleConsents.add(consentKey);
    }
    const out = googleTokens(client, c.user, { scopes: c.scopes, granted: c.granted, nonce: c.nonce, refresh, offline: c.offline });
    log('google token code', client.client_id, 'user', c.user.email, 'refresh token', !!refresh);
    return send(res, 200, out);
  }
  if (grant === 'refresh_token') {
    const presented = form.get('refresh_token');
    if (!presented) return send(res, 400, googleError('invalid_request', 'Missing required parameter: refresh_token'));
    if (sc.refresh_error) return googleScenarioError(res, sc.refresh_error);
    const rt = refreshTokens.get(presented);
    if (!rt || rt.provider !== 'google') return send(res, 400, googleError('invalid_grant', 'Bad Request'));
    if (rt.client_id !== client.client_id) return send(res, 401, googleError('unauthorized_client', 'Unauthorized'));
    if (!rt.active || (rt.expires_at && rt.expires_at <= now())) return send(res, 400, googleError('invalid_grant', 'Token has been expired or revoked.'));
    // No rotation: the refresh token stays valid and is not repeated in the answer.
    const out = googleTokens(client, rt.user, { scopes: rt.scopes, granted: rt.granted, nonce: null, refresh: null, offline: true, presentedRefresh: presented });
    log('google token refresh', client.client_id, 'user', rt.user.email);
    return send(res, 200, out);
  }
  return send(res, 400, googleError('unsupported_grant_type', `Invalid grant_type: ${grant || ''}`));
}

async function googleRevoke(req, res, url) {
  const form = new URLSearchParams(await body(req));
  const presented = form.get('token') || url.searchParams.get('token') || '';
  keep({ token: presented });
  const rt = refreshTokens.get(presented);
  if (rt && rt.provider === 'google') {
    rt.active = false;
    return send(res, 200, {});
  }
  if (googleAccess.delete(presented)) return send(res, 200, {});
  return send(res, 400, googleError('invalid_token', 'Token expired or revoked'));
}

function googleUserinfo(req, res) {
  const auth = req.headers.authorization || '';
  const a = auth.startsWith('Bearer ') ? googleAccess.get(auth.slice(7)) : null;
  if (!a || a.exp < now()) {
    return send(res, 401, googleError('invalid_request', 'Invalid Credentials'), { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' });
  }
  const u = a.user;
  send(res, 200, { sub: u.sub, name: u.name, email: u.email, email_verified: true, ...(u.hd ? { hd: u.hd } : {}) });
}

function googleDiscovery(res) {
  send(res, 200, {
    issuer: GOOGLE_ISS,
    authorization_endpoint: `${GOOGLE_ISS}/o/oauth2/v2/auth`,
    token_endpoint: `${GOOGLE_ISS}/token`,
    userinfo_endpoint: `${GOOGLE_ISS}/v1/userinfo`,
    revocation_endpoint: `${GOOGLE_ISS}/revoke`,
    jwks_uri: `${GOOGLE_ISS}/oauth2/v3/certs`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'hd', 'iat', 'iss', 'name', 'nonce', 'sub'],
    code_challenge_methods_supported: ['plain', 'S256'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
  });
}

async function googleRoutes(req, res, url) {
  const p = url.pathname;
  if (p === '/google/o/oauth2/v2/auth' && req.method === 'GET') return googleAuthorize(req, res, url);
  if (p === '/google/token' && req.method === 'POST') return await googleToken(req, res);
  if (p === '/google/revoke' && req.method === 'POST') return await googleRevoke(req, res, url);
  if (p === '/google/v1/userinfo') return googleUserinfo(req, res);
  if (p === '/google/oauth2/v3/certs') return send(res, 200, { keys: [publicJwk] });
  if (p === '/google/.well-known/openid-configuration') return googleDiscovery(res);
  return send(res, 404, googleError('not_found', `No such path: ${p}`));
}

// ---------------------------------------------------------------- app passwords
// The password accounts of the local Dovecot/Postfix (Google App Passwords, a generic provider's
// passwords): Dovecot's passwd-file (SHA256 hashes, so any character works), and passwords.json
// in the peers directory with the plain values for the suite's secret scan. Changed through
// POST /_test/app_passwords; every password is recorded in `issued`.
const appPasswords = new Map(); // user -> password
let passwdStamp = 0;

function atomicWrite(path, text, mtime) {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text, { mode: 0o644 });
  if (mtime) utimesSync(tmp, mtime, mtime);
  renameSync(tmp, path);
}

function saveAppPasswords() {
  const { file, list } = config.app_passwords;
  const lines = [...appPasswords].map(([u, p]) => `${u}:{SHA256}${createHash('sha256').update(p, 'utf8').digest('base64')}\n`);
  // Dovecot reloads the file when its mtime (seconds) or size changed: make the mtime always new.
  passwdStamp = Math.max(now(), passwdStamp + 1);
  atomicWrite(file, `# Generated by tests/peers/idp/idp.mjs: POST /_test/app_passwords changes it.\n${lines.join('')}`, passwdStamp);
  atomicWrite(list, `${JSON.stringify([...appPasswords].map(([user, password]) => ({ user, password })), null, 2)}\n`);
}

if (config.app_passwords) {
  for (const { user, password } of JSON.parse(readFileSync(config.app_passwords.list, 'utf8'))) {
    appPasswords.set(user.toLowerCase(), password);
    keep({ password });
  }
  saveAppPasswords();
}

async function appPasswordApi(req, res) {
  if (req.method === 'GET') return send(res, 200, { users: [...appPasswords.keys()] });
  if (!['POST', 'DELETE'].includes(req.method)) return send(res, 405, { error: 'GET, POST or DELETE' });
  const b = JSON.parse(await body(req) || '{}');
  const user = String(b.user || '').trim().toLowerCase();
  if (!/^[^\s:@]+@[^\s:@]+$/.test(user)) return send(res, 400, { error: 'user must be an address' });
  const password = req.method === 'DELETE' ? null : b.password;
  if (password !== null && (typeof password !== 'string' || !password || /[\r\n]/.test(password))) {
    return send(res, 400, { error: 'password must be a non-empty string (no line breaks), or null to remove the user' });
  }
  if (password === null) appPasswords.delete(user);
  else {
    keep({ password });
    appPasswords.set(user, password);
  }
  saveAppPasswords();
  // Dovecot looks at the file at most once per second (db-passwd-file.c: one stat per ioloop
  // second): answer once the clock is in the next second, so the very next login sees the change.
  await new Promise((r) => setTimeout(r, 1020 - (Date.now() % 1000)));
  log('app password', password === null ? 'removed' : 'set', user);
  return send(res, 200, { user, present: password !== null });
}

// ---------------------------------------------------------------- ISPDB
// Thunderbird's ISPDB (https://autoconfig.thunderbird.net/v1.1/<domain>) for the local peers: every
// XML file in config.ispdb_dir is served under its file name and under each of its <domain>s.
function ispdbRoute(req, res, url) {
  const m = url.pathname.match(/^\/ispdb\/v1\.1\/([A-Za-z0-9.-]+)$/);
  const wanted = m ? m[1].toLowerCase() : null;
  if (wanted && config.ispdb_dir) {
    for (const name of readdirSync(config.ispdb_dir).filter((n) => n.endsWith('.xml')).sort()) {
      const xml = readFileSync(join(config.ispdb_dir, name), 'utf8');
      const domains = [name.slice(0, -4).toLowerCase(), ...[...xml.matchAll(/<domain>\s*([^<\s]+)\s*<\/domain>/g)].map((x) => x[1].toLowerCase())];
      if (domains.includes(wanted)) return send(res, 200, xml, { 'Content-Type': 'text/xml; charset=utf-8' });
    }
  }
  return send(res, 404, '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
}

function body(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { data += c; if (data.length > 1e6) req.destroy(); });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const server = createServer({ key: readFileSync(config.tls.key), cert: readFileSync(config.tls.cert) }, async (req, res) => {
  const url = new URL(req.url, BASE);
  log(req.method, url.pathname); // never the query: it carries state, codes and hints
  try {
    if (url.pathname.startsWith('/_test/')) return await testApi(req, res, url);
    if (url.pathname.startsWith('/google/')) return await googleRoutes(req, res, url);
    if (url.pathname.startsWith('/ispdb/')) return ispdbRoute(req, res, url);
    if (url.pathname.startsWith('/graph/')) return graphRoute(req, res, url);
    if (url.pathname === '/getuserrealm.srf') return userRealm(res, url);
    if (url.pathname === '/devicelogin') return send(res, 200, '<!doctype html><title>Device login</title><p>Enter the code shown by the app.</p>');
    const m = url.pathname.match(/^\/([^/]+)\/(oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token|oauth2\/v2\.0\/devicecode|discovery\/v2\.0\/keys|v2\.0\/\.well-known\/openid-configuration)$/);
    if (!m) return send(res, 404, entraError(90002, 'invalid_request', 'Unknown path.'));
    const [, tenantSeg, route] = m;
    if (route.endsWith('authorize') && req.method === 'GET') return authorize(req, res, url, tenantSeg);
    if (route.endsWith('token') && req.method === 'POST') return await tokenEndpoint(req, res, tenantSeg);
    if (route.endsWith('devicecode') && req.method === 'POST') return await deviceCode(req, res, tenantSeg);
    if (route.endsWith('keys')) return send(res, 200, { keys: [publicJwk] });
    if (route.endsWith('openid-configuration')) return discovery(res, tenantSeg);
    send(res, 405, entraError(90056, 'invalid_request', 'Method not allowed.'));
  } catch (e) {
    log('error', e.message);
    send(res, 500, entraError(90033, 'temporarily_unavailable', 'A transient error has occurred. Please try again.'));
  }
});

server.listen(config.port, '127.0.0.1', () => log(`local OpenID provider on ${BASE}`));

// Postfix tcp_table(5) for smtpd_sender_login_maps: the owners of a MAIL FROM address are the
// address itself and the delegates granted Send As.
if (config.grants_port) {
  createTcpServer((sock) => {
    let buf = '';
    sock.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        const key = decodeURIComponent(line.replace(/^get /, '')).toLowerCase();
        if (!line.startsWith('get ') || !/^[^@\s]+@[^@\s]+$/.test(key)) {
          sock.write('500 not-found\n');
          continue;
        }
        const owners = [key, ...((grants[key] || {}).send_as || [])];
        sock.write(`200 ${encodeURIComponent(owners.join(','))}\n`);
      }
    });
    sock.on('error', () => {});
  }).listen(config.grants_port, '127.0.0.1');
}
