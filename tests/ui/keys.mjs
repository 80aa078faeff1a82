// The keyboard's view of a page: what Tab reaches, in which order, by which name, and how the
// focus shows (its ring's colour against what is behind it, contrast.mjs).
import { flatten, ratio, ringColour } from './contrast.mjs';

/** Runs in the page: the focused element as the keyboard sees it. */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  window.__tabKeys ??= new WeakMap();
  window.__tabByKey ??= new Map();
  if (!window.__tabKeys.has(el)) {
    const key = String(Math.random()).slice(2);
    window.__tabKeys.set(el, key);
    window.__tabByKey.set(key, el);
  }
  const text = (n) => (n ? n.innerText || n.textContent || '' : '').replace(/\s+/g, ' ').trim();
  const byIds = (ids) => ids.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
  let name = '';
  if (el.getAttribute('aria-labelledby')) name = byIds(el.getAttribute('aria-labelledby'));
  else if (el.getAttribute('aria-label')) name = el.getAttribute('aria-label').trim();
  else if (el.labels && el.labels.length) name = [...el.labels].map(text).join(' ');
  else if (el.matches('button, summary, a')) name = text(el);
  else name = (el.getAttribute('title') || el.getAttribute('placeholder') || '').trim();
  const role = el.getAttribute('role') || ({ BUTTON: 'button', SUMMARY: 'summary', SELECT: 'combobox', TEXTAREA: 'textbox', A: 'link' }[el.tagName]
    || (el.tagName === 'INPUT' ? ({ checkbox: 'checkbox', radio: 'radio' }[el.type] || 'textbox') : el.tagName.toLowerCase()));
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const stack = [];
  for (let n = el.parentElement; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    stack.push(bg);
    if (!/^rgba\(/.test(bg) && bg !== 'transparent') break;
  }
  return {
    key: window.__tabKeys.get(el), name, role, id: el.id,
    label: `${role}: ${name}`,
    visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0,
    inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    ring: { outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor, boxShadow: cs.boxShadow },
    stack,
  };
}

/** The ring's contrast against what is behind the element (0 when it has no ring). */
export function ringContrast(stop) {
  const colour = ringColour(stop.ring);
  return colour ? ratio(colour, flatten(stop.stack)) : 0;
}

/** Presses `key` (Tab or Shift+Tab) from wherever the focus is, once round the page: until an
 * element has the focus a second time (leaving the page on the way, or not). Returns each stop as
 * `focused` reads it, in the walk's order but starting from the page's first element (Tab) or
 * its last (Shift+Tab); `round`: the walk came back round (`max` presses guard the loop). */
export async function tabWalk(page, { key = 'Tab', max = 150 } = {}) {
  const stops = [];
  const seen = new Set();
  let outside = 0;
  let round = false;
  for (let i = 0; i < max && outside <= 2; i += 1) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(focused);
    outside = stop ? 0 : outside + 1;
    if (!stop) continue;
    if (seen.has(stop.key)) {
      round = true;
      break;
    }
    seen.add(stop.key);
    stops.push(stop);
  }
  const first = await page.evaluate(({ keys, last }) => {
    const els = keys.map((k) => window.__tabByKey.get(k));
    const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    let best = 0;
    els.forEach((el, i) => { if (last ? follows(els[best], el) : follows(el, els[best])) best = i; });
    return best;
  }, { keys: stops.map((s) => s.key), last: key !== 'Tab' });
  return { stops: [...stops.slice(first), ...stops.slice(0, first)], round };
}

/** Presses Tab until the element `selector` has the focus (fails after `max` presses). */
export async function tabTo(page, selector, { key = 'Tab', max = 80 } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} was not reached with ${key} in ${max} presses`);
}

/** Runs in the page: every element Tab should reach (shown, enabled, in the tab order) that the
 * walks since `forget()` have not reached. */
export function unreached() {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const keys = window.__tabKeys || new WeakMap();
  return [...document.querySelectorAll(sel)]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({ visibilityProperty: true }))
    .filter((el) => !keys.has(el))
    .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} "${(el.innerText || '').trim().slice(0, 30)}"`);
}

/** Runs in the page: the pairs of consecutive stops (`keys`, from a walk) whose elements are not
 * in reading (DOM) order. */
export function outOfOrder(keys) {
  const els = keys.map((k) => window.__tabByKey.get(k));
  const out = [];
  for (let i = 1; i < els.length; i += 1) {
    if (els[i - 1].compareDocumentPosition(els[i]) & Node.DOCUMENT_POSITION_PRECEDING) out.push(`${els[i - 1].id || els[i - 1].tagName} → ${els[i].id || els[i].tagName}`);
  }
  return out;
}

/** Runs in the page: forgets what the walks reached (a new screen). */
export function forget() {
  window.__tabKeys = new WeakMap();
  window.__tabByKey = new Map();
}
