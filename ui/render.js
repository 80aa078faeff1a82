// Rendering from data: findings and progress lists. No decisions, no text parsing.
((ui) => {
  'use strict';

  const { t } = ui.l10n;

  /** The heading of a finding's steps, by the finding's audience. */
  const AUDIENCE = {
    user: 'page-finding-for-user',
    helpdesk: 'page-finding-for-helpdesk',
    admin: 'page-finding-for-admin',
  };
  const audience = (a) => t(AUDIENCE[a] || AUDIENCE.user);

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
    running: 'page-status-running',
    passed: 'page-status-passed',
    failed: 'page-status-failed',
    info: 'page-status-info',
    not_checked: 'page-status-not-checked',
  });

  /** The visible status word of `status` (an element; none for a status without a word). */
  function statusWord(status) {
    const word = STATUS_WORDS[status];
    return word ? el('span', { class: 'state', text: t(word) }) : null;
  }

  /** A step's technical facts (TLS version, server names, SASL mechanisms, scopes…), folded
   * under "Details": there for the helpdesk, never in the way of the plain words. */
  function technical(detail) {
    return el('details', { class: 'tech' }, el('summary', { text: t('page-step-details') }), el('p', { class: 'detail', text: detail }));
  }

  /** Live regions announce what appears in them; an element inside one needs no role=alert. */
  const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]';
  const inLiveRegion = (node) => Boolean(node && node.closest(LIVE));

  /** A finding as a card: title, explanation, numbered steps for its audience, the administrator's
   * part (of a finding the person reads) and the evidence folded (the evidence unfolded when the
   * finding has no words: the core could not be reached, see api.js).
   * `alert`: the card announces itself (role=alert); only for a card that is not shown inside a
   * live region, so that each finding is announced once (showFindings decides). */
  function findingCard(f, { alert = false } = {}) {
    const card = el('div', { class: `finding ${f.audience}`, 'data-code': f.code });
    if (alert) card.setAttribute('role', 'alert');
    if (f.title) card.append(el('h3', { text: f.title }));
    if (f.explanation) card.append(el('p', { text: f.explanation }));
    if (f.steps && f.steps.length) {
      card.append(el('p', { class: 'who', text: audience(f.audience) }));
      const ol = el('ol', { class: 'fix' });
      for (const s of f.steps) ol.append(el('li', { text: s }));
      card.append(ol);
    }
    if (f.forAdmin) {
      // The administrator's part of a finding the person reads: folded, out of the person's way.
      const admin = el('details', { class: 'for-admin' }, el('summary', { class: 'who', text: audience('admin') }), el('p', { text: f.forAdmin.explanation }));
      const ol = el('ol', { class: 'fix' });
      for (const s of f.forAdmin.steps) ol.append(el('li', { text: s }));
      admin.append(ol);
      card.append(admin);
    }
    if (f.forUser) card.append(el('p', { class: 'for-user', text: f.forUser }));
    if (f.docUrl) card.append(el('p', { class: 'doc', text: t('page-finding-more', { url: f.docUrl }) }));
    if (f.evidence) {
      const d = el('details', { class: 'evidence' }, el('summary', { text: t('page-finding-details') }));
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

  /** One step's line: its status word, label, then (passed) what it found in plain words, with
   * the technical facts folded under "Details", or (failed) the finding's title, or (noted) what
   * was found. `step`: {status, label, summary?, detail?, title?}. */
  function stepLine(li, step) {
    li.className = step.status;
    const words = step.status === 'passed' ? step.summary : step.status === 'failed' ? step.title : step.status === 'info' ? step.detail : null;
    li.replaceChildren(statusWord(step.status) || '', ' ', el('span', { class: 'label', text: step.label }),
      words ? el('span', { class: step.status === 'passed' ? 'summary-line' : 'detail', text: ` — ${words}` }) : '');
    if (step.status === 'passed' && step.detail) li.append(technical(step.detail));
    return li;
  }

  /** Applies one progress event to an <ol> of steps (stepNoted: an information-only step, class `info`). */
  function applyProgress(list, ev) {
    if (!ev || !ev.step) return;
    const status = { stepStarted: 'running', stepPassed: 'passed', stepFailed: 'failed', stepNoted: 'info' }[ev.event];
    if (!status) return;
    let li = list.querySelector(`li[data-step="${ev.step}"]`);
    if (!li) {
      li = el('li', { 'data-step': ev.step });
      list.append(li);
    }
    // Kept for the Done page, which lists the verification's steps again.
    li.dataset.summary = ev.summary || '';
    stepLine(li, { status, label: ev.label, summary: ev.summary, detail: ev.detail, title: ev.finding && ev.finding.title });
  }

  ui.render = Object.freeze({ findingCard, showFindings, applyProgress, stepLine, el, statusWord, inLiveRegion });
})(window.MailSetup ??= {});
