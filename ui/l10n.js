// The page's words. Every text the page shows comes from the app's Fluent files
// (crates/core/locales/<language>/page.ftl) through the `page_text` command, read once at start:
// elements name their message with data-l10n="id" (their text) and data-l10n-<attribute>="id"
// (aria-label, placeholder, title), with data-l10n-slot="name" on an element inside that the
// message places at {$name}; scripts call ui.l10n.t('id', {name: value}). Findings and step
// words arrive already in the person's language from the core.
((ui) => {
  'use strict';

  let messages = {};
  const ATTRIBUTES = ['aria-label', 'placeholder', 'title'];

  /** The message `id` with its `{$name}` variables filled from `vars`; the id itself when the
   * app has no such message (a test fails on any id shown: tests/ui/l10n.test.mjs). */
  function t(id, vars = {}) {
    const text = Object.prototype.hasOwnProperty.call(messages, id) ? messages[id] : id;
    // One pass: a value that itself holds `{$name}` (a typed address) is not filled again.
    const has = (name) => Object.prototype.hasOwnProperty.call(vars, name);
    return text.replace(/\{\$([A-Za-z][A-Za-z0-9_-]*)\}/g, (whole, name) => (has(name) ? String(vars[name]) : whole));
  }

  /** Fills `el` with the message `id`. An element inside it marked data-l10n-slot="name" (a
   * mailbox address, a provider's name, an emphasised word with its own message) is kept, and
   * put where the message has `{$name}`; text around it is the message's. */
  function fill(el, id) {
    const slots = new Map([...el.querySelectorAll(':scope [data-l10n-slot]')]
      .filter((s) => s.parentElement.closest('[data-l10n]') === el)
      .map((s) => [s.dataset.l10nSlot, s]));
    if (slots.size === 0) {
      el.textContent = t(id);
      return;
    }
    const parts = t(id).split(/\{\$([A-Za-z0-9_-]+)\}/);
    const nodes = parts.map((part, i) => (i % 2 ? slots.get(part) || part : document.createTextNode(part)));
    // A slot the message does not name stays (last), so that the page's scripts still find it.
    for (const slot of slots.values()) if (!nodes.includes(slot)) nodes.push(slot);
    el.replaceChildren(...nodes.filter((n) => n !== ''));
  }

  /** Puts the words into every element under `root` that names a message. */
  function translate(root) {
    for (const el of root.querySelectorAll('[data-l10n]')) fill(el, el.dataset.l10n);
    for (const attr of ATTRIBUTES) {
      for (const el of root.querySelectorAll(`[data-l10n-${attr}]`)) el.setAttribute(attr, t(el.getAttribute(`data-l10n-${attr}`)));
    }
  }

  /** Reads the words once (before anything is shown) and sets the page's language. A failure
   * leaves the page's own English words in place. */
  async function loadWords() {
    try {
      const words = await window.__TAURI__.core.invoke('page_text');
      messages = words.messages || {};
      document.documentElement.lang = words.lang || 'en';
    } catch {
      messages = {};
    }
    translate(document);
  }

  ui.l10n = Object.freeze({ t, translate, loadWords });
})(window.MailSetup ??= {});
