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

  /** A finding as a card: title, explanation, numbered steps for its audience, evidence folded
   * (unfolded when the finding has no words: the core could not be reached, see api.js). */
  function findingCard(f) {
    const card = el('div', { class: `finding ${f.audience}`, 'data-code': f.code, role: 'alert' });
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
   * de-duplicated them) in `slot`. */
  function showFindings(slot, findings) {
    slot.replaceChildren(...findings.map(findingCard));
  }

  /** Applies one progress event to an <ol> of steps (stepNoted: an information-only step, class `info`). */
  function applyProgress(list, ev) {
    if (!ev || !ev.step) return;
    let li = list.querySelector(`li[data-step="${ev.step}"]`);
    if (!li) {
      li = el('li', { 'data-step': ev.step }, el('span', { class: 'label' }), el('span', { class: 'detail' }));
      list.append(li);
    }
    li.querySelector('.label').textContent = ev.label;
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

  ui.render = Object.freeze({ findingCard, showFindings, applyProgress, el });
})(window.MailSetup ??= {});
