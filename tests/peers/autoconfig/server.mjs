// The mail providers' own autoconfig web servers (Thunderbird's lookups 1 and 2, as listed at
// https://rubydoc.info/gems/mail_autoconfig_revived/0.0.4/MailAutoconfig),
// for the local peers: one HTTPS listener on <addr>:443 (the port the app cannot be told about)
// that routes by the Host header, like the providers' real hosts would answer:
//   https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<addr>
//   https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml
// Everything else is a 404. The routes and files come from the config peers.sh writes
// (<peers dir>/autoconfig/server.json); each request is appended to a JSON-lines log (host, path,
// the emailaddress parameter, status) that tests can read.
//
// Usage: node server.mjs CONFIG.json        No npm dependencies.

import { createServer } from 'node:https';
import { appendFileSync, readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = (...a) => console.log(new Date().toISOString(), ...a);

const server = createServer({ key: readFileSync(config.tls.key), cert: readFileSync(config.tls.cert) }, (req, res) => {
  const host = (req.headers.host || '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  let url;
  try {
    url = new URL(req.url, `https://${host || 'invalid'}`);
  } catch {
    url = new URL('https://invalid/');
  }
  const route = config.routes.find((r) => r.host === host && r.path === url.pathname);
  let status = 404;
  let text = '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>';
  let type = 'text/html; charset=utf-8';
  if (route && (req.method === 'GET' || req.method === 'HEAD')) {
    status = 200;
    text = readFileSync(route.file, 'utf8');
    type = 'text/xml; charset=utf-8';
  } else if (route) {
    status = 405;
    text = 'Method Not Allowed';
    type = 'text/plain; charset=utf-8';
  }
  const entry = { time: new Date().toISOString(), method: req.method, host, path: url.pathname, emailaddress: url.searchParams.get('emailaddress'), status };
  try { appendFileSync(config.requests_log, `${JSON.stringify(entry)}\n`); } catch (e) { log('log', e.message); }
  log(req.method, host, url.pathname, status);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
});

server.on('error', (e) => {
  log('error', e.message);
  process.exit(1);
});
server.listen(config.port, config.addr, () => log(`autoconfig hosts on https://${config.addr}:${config.port}`));
