// The scanner can fail: planted secrets are found in every form an app could leak them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from './scan.mjs';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload-part.signature-part';

function dirWith(files) {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('a secret is found as is, URL-encoded, and inside an XOAUTH2 blob', () => {
  const xoauth2 = Buffer.from(`user=ann@example.edu\x01auth=Bearer ${TOKEN}\x01\x01`).toString('base64');
  for (const leak of [`token ${TOKEN} here`, `code=${encodeURIComponent('a/b+c=d secret value')}`, `AUTH XOAUTH2 ${xoauth2}`]) {
    const dir = dirWith({ 'cli/out.log': leak });
    const { hits } = scan([dir], [TOKEN, 'a/b+c=d secret value']);
    assert.equal(hits.length, 1, leak);
  }
});

test('clean outputs and short strings give no hit; pictures are skipped', () => {
  const dir = dirWith({ 'a.log': 'Sign-in saved for ann@example.edu', 'shot.png': TOKEN, 'r/report.html': '<p>fine</p>' });
  const { hits, files } = scan([dir], [TOKEN, 'short']);
  assert.equal(hits.length, 0);
  assert.equal(files, 2);
});
