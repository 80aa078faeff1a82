// Colour contrast as WCAG 2.1 defines it (relative luminance, contrast ratio), and what the page
// shows, read with getComputedStyle: text against its background (1.4.3: 4.5:1, 3:1 for large
// text), the borders of what can be operated (1.4.11: 3:1) and focus rings (keys.mjs). The maths
// run here in Node; the page only reports colours.

/** 'rgb(1, 2, 3)', 'rgba(1, 2, 3, 0.5)', 'rgb(1 2 3 / 50%)', 'transparent' → {r, g, b, a} (0–255, a 0–1). */
export function parseColor(text) {
  const s = String(text).trim().toLowerCase();
  if (s === 'transparent' || s === '' || s === 'none') return { r: 0, g: 0, b: 0, a: 0 };
  const m = s.match(/^rgba?\(([^)]+)\)$/) || s.match(/^color\(srgb ([^)]+)\)$/);
  if (!m) throw new Error(`not a colour: ${text}`);
  const parts = m[1].split(/[\s,/]+/).filter(Boolean).map((p) => (p.endsWith('%') ? parseFloat(p) / 100 : parseFloat(p)));
  const srgb = s.startsWith('color(');
  const [r, g, b] = parts.slice(0, 3).map((v) => (srgb ? v * 255 : v));
  return { r, g, b, a: parts.length > 3 ? parts[3] : 1 };
}

/** `top` painted over `bottom` (source-over). */
export function over(top, bottom) {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (k) => (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a;
  return { r: mix('r'), g: mix('g'), b: mix('b'), a };
}

/** The colour seen behind an element: its own and its ancestors' backgrounds (`stack`, innermost
 * first, as the page reports them) over the canvas (white when none is opaque). */
export function flatten(stack) {
  let seen = { r: 255, g: 255, b: 255, a: 1 };
  for (const c of [...stack].reverse()) seen = over(parseColor(c), seen);
  return seen;
}

/** WCAG 2.1 relative luminance of an opaque colour. */
export function luminance({ r, g, b }) {
  const lin = (v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of `fg` (a colour string or {r,g,b,a}, composited over `bg`) against `bg`. */
export function ratio(fg, bg) {
  const back = typeof bg === 'string' ? flatten([bg]) : bg;
  const front = over(typeof fg === 'string' ? parseColor(fg) : fg, back);
  const [hi, lo] = [luminance(front), luminance(back)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Runs in the page: the colours of every visible text, form field text and placeholder, status
 * glyph, and of the boundary of every control (border, or its own background), each with the
 * backgrounds behind it. Disabled controls are left out (WCAG exempts inactive components). */
function sampleColours() {
  const stackOf = (el) => {
    const stack = [];
    for (let n = el; n; n = n.parentElement) {
      const bg = getComputedStyle(n).backgroundColor;
      stack.push(bg);
      const alpha = bg.match(/^rgba\(.*,\s*([\d.]+)\)$/);
      if (!alpha && bg !== 'transparent') break;
    }
    return stack;
  };
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  const inactive = (el) => Boolean(el.closest(':disabled, [aria-disabled="true"]'));
  const name = (el, text) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls} "${String(text).replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
  };
  const isLarge = (cs) => {
    const px = parseFloat(cs.fontSize);
    return px >= 24 || (px >= 18.66 && Number(cs.fontWeight) >= 700);
  };
  const texts = [];
  const borders = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el) || inactive(el) || el.closest('[aria-hidden="true"]')) continue;
    const cs = getComputedStyle(el);
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).map((n) => n.textContent).join(' ');
    if (own) texts.push({ what: name(el, own), color: cs.color, stack: stackOf(el), large: isLarge(cs) });
    const field = el.matches('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select');
    if (field && (el.value || el.tagName === 'SELECT')) texts.push({ what: name(el, el.value || '(choice)'), color: cs.color, stack: stackOf(el), large: isLarge(cs) });
    if (field && !el.value && el.placeholder) {
      texts.push({ what: `${name(el, el.placeholder)}::placeholder`, color: getComputedStyle(el, '::placeholder').color, stack: stackOf(el), large: isLarge(cs) });
    }
    const before = getComputedStyle(el, '::before');
    const glyph = before.content.match(/^"([^"]+)"/);
    if (glyph && glyph[1].trim() && before.display !== 'none') {
      texts.push({ what: `${name(el, glyph[1])}::before`, color: before.color, stack: stackOf(el), large: isLarge(before) });
    }
    if (el.matches('button, input:not([type=hidden]), select, textarea')) {
      const width = Math.max(...['Top', 'Right', 'Bottom', 'Left'].map((side) => (cs[`border${side}Style`] === 'none' ? 0 : parseFloat(cs[`border${side}Width`]))));
      const background = cs.backgroundColor;
      // A control with neither border nor background is a text link (button.link): its words say what it is.
      if (width === 0 && background === 'rgba(0, 0, 0, 0)') continue;
      borders.push({ what: name(el, el.textContent || el.placeholder || el.type), border: width > 0 ? cs.borderTopColor : null, own: background, stack: stackOf(el.parentElement) });
    }
  }
  return { texts, borders };
}

/** Every contrast on the page as it is now: [{kind: 'text'|'border', what, ratio, need}]. */
export async function measureContrast(page) {
  const { texts, borders } = await page.evaluate(sampleColours);
  const out = [];
  for (const t of texts) out.push({ kind: 'text', what: t.what, ratio: ratio(t.color, flatten(t.stack)), need: t.large ? 3 : 4.5 });
  for (const b of borders) {
    const behind = flatten(b.stack);
    // The control's edge: its border, or where it has none (or a faint one), its own background.
    const edge = Math.max(b.border ? ratio(b.border, behind) : 0, ratio(b.own, behind));
    out.push({ kind: 'border', what: b.what, ratio: edge, need: 3 });
  }
  return out;
}

/** The colour of the focus ring of a focused element's computed style (outline, else the first
 * box-shadow's colour); null when there is none. */
export function ringColour({ outlineStyle, outlineWidth, outlineColor, boxShadow }) {
  if (outlineStyle && outlineStyle !== 'none' && parseFloat(outlineWidth) > 0) return outlineColor;
  if (boxShadow && boxShadow !== 'none') {
    const c = boxShadow.match(/rgba?\([^)]+\)/);
    if (c) return c[0];
  }
  return null;
}

/** Fails of a list of measurements, as lines; and the worst ratio per kind. */
export const failures = (checks) => checks.filter((c) => c.ratio + 1e-9 < c.need).map((c) => `${c.kind} ${c.ratio.toFixed(2)}:1 < ${c.need}:1 — ${c.what}`);
export function worst(checks) {
  const by = {};
  for (const c of checks) if (!by[c.kind] || c.ratio < by[c.kind].ratio) by[c.kind] = c;
  return by;
}
