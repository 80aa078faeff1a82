// The page's words in every language (tests/ui/l10n.test.mjs): which message ids the page names
// (index.html's data-l10n attributes, the scripts' 'page-…' ids), the mocks' words in a language
// (findings and step words from the core, as the app would send them), and the checks that run
// in the page: every element shows its message in the language, no text of another language is
// left, every text is the app's words or data, and nothing is cut off.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../lib/peers.mjs';
import { coreWords } from './harness.mjs';

const UI = join(REPO, 'ui');

/** What the page names: `html` (each data-l10n* id of index.html, with the slots of each
 * data-l10n element) and `js` (each 'page-…' id written in ui/*.js). */
export function namedIds(html = readFileSync(join(UI, 'index.html'), 'utf8'),
  scripts = readdirSync(UI).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(UI, f), 'utf8')])) {
  const htmlIds = [...html.matchAll(/data-l10n(?:-aria-label|-placeholder|-title)?="([^"]*)"/g)].map((m) => m[1]);
  const js = scripts.flatMap(([file, text]) => [...text.matchAll(/['"`](page-[a-z0-9-]+)['"`]/g)].map((m) => ({ file, id: m[1] })));
  return { html: htmlIds, js };
}

/** Problems between what the page names and `messages` (id → text): an id the page names that
 * is no message, a message nothing names. */
export function idProblems(named, messages) {
  const problems = [];
  for (const id of named.html) if (!(id in messages)) problems.push(`index.html names ${id}, which page.ftl does not have`);
  for (const { file, id } of named.js) if (!(id in messages)) problems.push(`ui/${file} names ${id}, which page.ftl does not have`);
  const used = new Set([...named.html, ...named.js.map((j) => j.id)]);
  for (const id of Object.keys(messages)) if (!used.has(id)) problems.push(`${id} is in page.ftl but nothing uses it`);
  return problems;
}

/** The variables of a message ({$name}). */
export const variables = (text) => [...text.matchAll(/\{\$([A-Za-z0-9_-]+)\}/g)].map((m) => m[1]).sort();

/** `script` (a screen's mock responses) with the words the core would send in `lang`: each
 * finding's catalogue words (title, explanation, steps; the mock's evidence kept) and each step
 * event's label and plain line. Everything else stays the mock's own data. */
export function localizeScript(script, lang) {
  const words = coreWords()[lang];
  // The core's names of things (an action, a provider, a check item, a setting) in the mock's
  // English, each replaced by the same name in `lang`.
  const english = coreWords().en.names;
  const names = new Map(Object.entries(english).map(([key, text]) => [text, words.names[key]]));
  const walk = (v) => {
    if (typeof v === 'string') return names.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    if (typeof v.code === 'string' && 'title' in v && words.findings[v.code]) {
      const f = words.findings[v.code];
      return { ...f, ...(v.evidence ? { evidence: v.evidence } : {}), audience: v.audience || f.audience };
    }
    const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    const step = typeof v.event === 'string' && words.steps[v.step];
    if (step && 'label' in v) out.label = step.label;
    if (step && v.event === 'stepPassed') out.summary = step.passed;
    return out;
  };
  return walk(script);
}

/** Every string in `script` (the mock's data, which the page shows as it is). */
export function fixtureStrings(script) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(script);
  return [...out];
}

// ---------------------------------------------------------------- in the page

/** Runs in the page: what does not show the language's words. `messages` are the language's,
 * `english` the English ones (only those that differ in this language are looked for; a text of
 * the mock's own data, `fixture`, may be English). */
export function wrongWords({ lang, messages, english, fixture = [] }) {
  const problems = [];
  if (document.documentElement.lang !== lang) problems.push(`<html lang="${document.documentElement.lang}">, not ${lang}`);
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const where = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.dataset.l10n || ''}]`;
  for (const el of document.querySelectorAll('[data-l10n]')) {
    let want = messages[el.dataset.l10n];
    for (const slot of el.querySelectorAll('[data-l10n-slot]')) {
      if (slot.parentElement.closest('[data-l10n]') === el) want = want.split(`{$${slot.dataset.l10nSlot}}`).join(slot.textContent);
    }
    if (norm(el.textContent) !== norm(want)) problems.push(`${where(el)} shows "${norm(el.textContent)}", not "${norm(want)}"`);
  }
  for (const attr of ['aria-label', 'placeholder', 'title']) {
    for (const el of document.querySelectorAll(`[data-l10n-${attr}]`)) {
      const want = messages[el.getAttribute(`data-l10n-${attr}`)];
      if (el.getAttribute(attr) !== want) problems.push(`${where(el)} ${attr}="${el.getAttribute(attr)}", not "${want}"`);
    }
  }
  // No shown text (a whole element's, or one text node's) is the English of a page message.
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = Object.entries(english).filter(([id, text]) => messages[id] !== text)
    .map(([id, text]) => ({ id, re: new RegExp(`^${text.split(/\{\$[A-Za-z0-9_-]+\}/).map((p) => escape(norm(p))).join('.+')}$`) }));
  const seen = new Set();
  const texts = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility() || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
    texts.push(norm(el.textContent));
    for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE && n.textContent.trim()) texts.push(norm(n.textContent));
  }
  for (const text of texts) {
    if (!text || seen.has(text) || fixture.includes(text)) continue;
    seen.add(text);
    const hit = patterns.find((p) => p.re.test(text));
    if (hit) problems.push(`"${text}" is still the English of ${hit.id}`);
  }
  return problems;
}

/** Runs in the page (the pseudo-locale, where every message of the app is wrapped in [ ]): each
 * shown text that is outside [ ] and is not data (an address, a link, a code, a number, or a
 * string of the mock's own data in `fixture`). */
export function foreignText(fixture) {
  const DATA = [
    /^[\p{P}\p{S}\p{N}\s]*$/u, // numbers, punctuation, symbols (·, →, ✓)
    /^[\w.+-]+@[\w.-]*$/, // mail addresses (and "admissions@")
    /^(https?:\/\/|\/)\S*$/, // links, paths
    /^[\w.-]+\.[a-z]{2,}(:\d+)?$/i, // host names
    /^[A-Z0-9_]{3,}$/, // codes (M365_SMTP_AUTH_DISABLED)
    /^v?\d+(\.\d+)+$/, // versions
    /^(\p{L}+\.? )?\d{1,2}( \p{L}+\.?)?,? \d{4},? \d{1,2}:\d{2}( ?[AP]M)?$/u, // dates and times (Intl.DateTimeFormat)
  ];
  const bare = (piece) => piece.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  const escape = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** Whether `piece` is the mock's data: a string of it, or whole words of one. */
  const inFixture = (piece) => {
    const word = new RegExp(`(^|[^\\p{L}])${escape(piece)}($|[^\\p{L}])`, 'u');
    return piece !== '' && fixture.some((f) => f.includes(piece) && word.test(f));
  };
  const isData = (piece) => DATA.some((re) => re.test(piece)) || inFixture(bare(piece))
    || piece.split(/\s+/).every((w) => DATA.some((re) => re.test(w.replace(/^[(“"]+|[)”",.:;]+$/g, ''))));
  const block = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) if (!getComputedStyle(e).display.startsWith('inline')) return e;
    return document.body;
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el.checkVisibility() || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
    // The depth of [ ] at each character, counted over the text of the block the node is in.
    const ctx = block(el);
    const inCtx = document.createTreeWalker(ctx, NodeFilter.SHOW_TEXT);
    let depth = 0;
    for (let m = inCtx.nextNode(); m && m !== n; m = inCtx.nextNode()) {
      for (const ch of m.textContent) depth += ch === '[' ? 1 : ch === ']' ? -1 : 0;
    }
    let outside = '';
    const pieces = [];
    for (const ch of n.textContent) {
      if (ch === '[') depth += 1;
      if (depth > 0 || ch === ']') {
        if (outside.trim()) pieces.push(outside.trim());
        outside = '';
      } else outside += ch;
      if (ch === ']') depth -= 1;
    }
    if (outside.trim()) pieces.push(outside.trim());
    for (const piece of pieces) {
      if (!isData(piece)) found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}: "${piece}"`);
    }
  }
  return [...new Set(found)];
}

/** Runs in the page: what is cut off. An element that clips (overflow hidden or clip, an
 * ellipsis) whose text is larger than its box; a button whose text sticks out of it; sideways
 * scrolling of the page. */
export function cutOff() {
  const found = [];
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${el.textContent.trim().slice(0, 40)}"`;
  if (document.documentElement.scrollWidth > innerWidth) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility() || !el.textContent.trim()) continue;
    const cs = getComputedStyle(el);
    const clips = ['hidden', 'clip'].includes(cs.overflowX) || ['hidden', 'clip'].includes(cs.overflowY) || cs.textOverflow === 'ellipsis';
    const wider = el.scrollWidth > el.clientWidth + 1;
    const taller = el.scrollHeight > el.clientHeight + 1;
    if (clips && (wider || taller)) found.push(`${name(el)} clips its text (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
    else if (el.tagName === 'BUTTON' && (wider || taller)) found.push(`${name(el)}: the text sticks out of the button`);
    else if (wider && !['auto', 'scroll'].includes(cs.overflowX) && cs.display !== 'inline') found.push(`${name(el)}: the text sticks out of its box (${el.scrollWidth} > ${el.clientWidth})`);
    const r = el.getBoundingClientRect();
    if (r.right > innerWidth + 1 && cs.position !== 'fixed') found.push(`${name(el)} sticks out of the window (right edge ${Math.round(r.right)} > ${innerWidth})`);
  }
  return found;
}
