// Rendering from data: findings and progress lists. No decisions, no text parsing.
((ui) => {
  'use strict';

  const AUDIENCE = {
    user: 'What you can do',
    helpdesk: 'For the helpdesk',
    admin: 'For your IT administrator',
  };

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  /** The word that says each status, next to its mark (✓ ✗ ℹ …), so that no status is told by a
   * glyph or a colour alone (WCAG 1.4.1). Keyed by the core's status names (progress events,
   * step statuses, registration items). */
  const STATUS_WORDS = Object.freeze({
    running: 'Working…',
    passed: 'Passed',
    failed: 'Failed',
    info: 'Note',
    not_checked: 'Not checked',
  });

  /** The visible status word of `status` (an element; none for a status without a word). */
  function statusWord(status) {
    const word = STATUS_WORDS[status];
    return word ? el('span', { class: 'state', text: word }) : null;
  }

  /** Live regions announce what appears in them; an element inside one needs no role=alert. */
  const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]';
  const inLiveRegion = (node) => Boolean(node && node.closest(LIVE));

  /** A finding as a card: title, explanation, numbered steps for its audience, evidence folded
   * (unfolded when the finding has no words: the core could not be reached, see api.js).
   * `alert`: the card announces itself (role=alert); only for a card that is not shown inside a
   * live region, so that each finding is announced once (showFindings decides). */
  function findingCard(f, { alert = false } = {}) {
    const card = el('div', { class: `finding ${f.audience}`, 'data-code': f.code });
    if (alert) card.setAttribute('role', 'alert');
    if (f.title) card.append(el('h3', { text: f.title }));
    if (f.explanation) card.append(el('p', { text: f.explanation }));
    if (f.steps && f.steps.length) {
      card.append(el('p', { class: 'who', text: AUDIENCE[f.audience] || AUDIENCE.user }));
      const ol = el('ol', { class: 'fix' });
      for (const s of f.steps) ol.append(el('li', { text: s }));
      card.append(ol);
    }
    if (f.forAdmin) {
      const admin = el('div', { class: 'for-admin' }, el('p', { class: 'who', text: AUDIENCE.admin }), el('p', { text: f.forAdmin.explanation }));
      const ol = el('ol', { class: 'fix' });
      for (const s of f.forAdmin.steps) ol.append(el('li', { text: s }));
      admin.append(ol);
      card.append(admin);
    }
    if (f.forUser) card.append(el('p', { class: 'for-user', text: f.forUser }));
    if (f.docUrl) card.append(el('p', { class: 'doc', text: `More: ${f.docUrl}` }));
    if (f.evidence) {
      const d = el('details', { class: 'evidence' }, el('summary', { text: 'Details for the helpdesk' }));
      d.append(el('pre', { text: `${f.evidence}\n[${f.code}]` }));
      d.open = !f.title;
      card.append(d);
    }
    return card;
  }

  /** Shows `findings` (a command's finding, or an outcome's `findings`: each once, as the core
   * de-duplicated them) in `slot`: announced by the slot's live region when it is in one, else
   * each card is an alert. */
  function showFindings(slot, findings) {
    const alert = !inLiveRegion(slot);
    slot.replaceChildren(...findings.map((f) => findingCard(f, { alert })));
  }

  /** Applies one progress event to an <ol> of steps (stepNoted: an information-only step, class `info`). */
  function applyProgress(list, ev) {
    if (!ev || !ev.step) return;
    let li = list.querySelector(`li[data-step="${ev.step}"]`);
    if (!li) {
      li = el('li', { 'data-step': ev.step }, el('span', { class: 'state' }), ' ', el('span', { class: 'label' }), el('span', { class: 'detail' }));
      list.append(li);
    }
    li.querySelector('.label').textContent = ev.label;
    const status = { stepStarted: 'running', stepPassed: 'passed', stepFailed: 'failed', stepNoted: 'info' }[ev.event];
    if (status) li.querySelector('.state').textContent = STATUS_WORDS[status];
    if (ev.event === 'stepStarted') li.className = 'running';
    if (ev.event === 'stepPassed') {
      li.className = 'passed';
      li.querySelector('.detail').textContent = ev.detail ? ` — ${ev.detail}` : '';
    }
    if (ev.event === 'stepFailed') {
      li.className = 'failed';
      li.querySelector('.detail').textContent = ` — ${ev.finding.title}`;
    }
    if (ev.event === 'stepNoted') {
      li.className = 'info';
      li.querySelector('.detail').textContent = ev.detail ? ` — ${ev.detail}` : '';
    }
  }

  ui.render = Object.freeze({ findingCard, showFindings, applyProgress, el, statusWord, inLiveRegion });
})(window.MailSetup ??= {});
