// The helpdesk page: the mailboxes set up on this computer with their latest results, a full
// check of each (connection check, then a test message) with live progress, the report of this
// session's results (shown, copied, saved), and "Paste an error" (the findings in a pasted text).
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { applyProgress, el, showFindings } = ui.render;
  const { $, busy, copy, show, wizard } = ui.wizard;
  const { t } = ui.l10n;

  /** Seconds since the epoch (UTC) in this computer's time zone, written the person's way (the
   * page's language): "Nov 29, 2026, 4:40 PM" in English, "29 nov 2026, 16:40" in Spanish. */
  function localTime(secs) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(secs * 1000));
  }

  /** Times are absent (or null) when something never happened. */
  const known = (t) => typeof t === 'number';

  /** The mailbox whose report is shown. */
  let reportFor = null;

  // ---------------------------------------------------------------- mailboxes

  function facts(a) {
    const now = Date.now();
    const unknown = t('page-helpdesk-not-known');
    const never = t('page-helpdesk-never');
    const signedIn = a.shared
      ? (a.signedInAs ? t('page-helpdesk-shared-via', { account: a.signedInAs }) : t('page-helpdesk-shared-unknown'))
      : (a.signedInAs || unknown);
    let expires = unknown;
    if (known(a.tokenExpiresAt)) {
      expires = a.tokenExpiresAt * 1000 <= now ? t('page-helpdesk-expired', { time: localTime(a.tokenExpiresAt) }) : localTime(a.tokenExpiresAt);
    }
    const password = a.method === 'password';
    const rows = [
      ['signedIn', t(password ? 'page-helpdesk-login-name' : 'page-helpdesk-signed-in-as'), signedIn],
      ['lastSuccess', t('page-helpdesk-last-success'), known(a.lastSuccessAt) ? localTime(a.lastSuccessAt) : never],
      ...(password
        ? [['method', t('page-helpdesk-method'), t('page-helpdesk-method-vault', { method: a.methodLabel })]]
        : [
          ['lastRefresh', t('page-helpdesk-last-refresh'), known(a.lastRefreshAt) ? localTime(a.lastRefreshAt) : never],
          ['tokenExpires', t('page-helpdesk-token-expires'), expires],
        ]),
      ['addedAt', t('page-helpdesk-added'), known(a.addedAt) ? localTime(a.addedAt) : unknown],
    ];
    if (a.health) rows.push(['health', t('page-helpdesk-health'), a.health.words]);
    if (a.tenantId) rows.push(['tenant', t('page-helpdesk-tenant'), a.tenantId]);
    return el('dl', { class: 'facts' }, ...rows.flatMap(([k, label, v]) => [el('dt', { text: label }), el('dd', { 'data-key': k, text: v })]));
  }

  function marks(a) {
    const m = [];
    if (!a.inVault) m.push(el('span', { class: 'mark bad', 'data-mark': 'missing', text: t('page-helpdesk-mark-missing') }));
    if (a.lastCheckPassed === false) {
      m.push(el('span', { class: 'mark bad', 'data-mark': 'failed', text: known(a.lastCheckAt) ? t('page-helpdesk-mark-failed-at', { time: localTime(a.lastCheckAt) }) : t('page-helpdesk-mark-failed') }));
    }
    if (a.inVault && a.health?.state === 'ended') m.push(el('span', { class: 'mark bad', 'data-mark': 'ended', text: t('page-helpdesk-mark-ended') }));
    if (a.health?.state === 'ends_soon') m.push(el('span', { class: 'mark warn', 'data-mark': 'ends-soon', text: t('page-helpdesk-mark-ends-soon') }));
    if (a.inVault && a.lastCheckPassed === true) m.push(el('span', { class: 'mark', 'data-mark': 'passed', text: t('page-helpdesk-mark-passed') }));
    if (a.inVault && a.lastCheckPassed == null) m.push(el('span', { class: 'mark quiet', 'data-mark': 'unchecked', text: t('page-helpdesk-mark-unchecked') }));
    return el('div', { class: 'marks' }, ...m);
  }

  function row(a) {
    const li = el('li', { class: 'mailbox', 'data-mailbox': a.mailbox });
    // Named with the mailbox: every row has the same two buttons.
    const check = el('button', { type: 'button', class: 'full-check', text: t('page-helpdesk-full-check'), 'aria-label': t('page-helpdesk-full-check-of', { address: a.address }) });
    const report = el('button', { type: 'button', class: 'show-report', text: t('page-helpdesk-show-report'), 'aria-label': t('page-helpdesk-show-report-of', { address: a.address }) });
    li.append(
      el('h4', { text: a.address }),
      marks(a),
      facts(a),
      el('div', { class: 'actions' }, check, report),
      el('ol', { class: 'progress', 'aria-live': 'polite' }),
      el('p', { class: 'result', hidden: '' }),
      el('div', { class: 'finding-slot' }),
    );
    check.addEventListener('click', () => fullCheck(li, a.address));
    report.addEventListener('click', () => openReport(a.address));
    return li;
  }

  /** Lets the wizard's own list of accounts show the same data. */
  function announce(accounts) {
    document.dispatchEvent(new CustomEvent('accounts-listed', { detail: accounts }));
  }

  async function loadAccounts() {
    document.body.dataset.helpdesk = 'running';
    $('#helpdesk-findings').replaceChildren();
    try {
      const accounts = await api.listAccounts();
      $('#helpdesk-accounts').replaceChildren(...accounts.map(row));
      $('#helpdesk-empty').hidden = accounts.length > 0;
      document.body.dataset.helpdesk = accounts.length ? 'listed' : 'empty';
      announce(accounts);
    } catch (f) {
      $('#helpdesk-accounts').replaceChildren();
      $('#helpdesk-empty').hidden = true;
      showFindings($('#helpdesk-findings'), [f]);
      document.body.dataset.helpdesk = 'failed';
    }
  }

  /** Shows the row's data as it is now (after a check). */
  async function refreshRow(li) {
    try {
      const accounts = await api.listAccounts();
      const a = accounts.find((x) => x.mailbox === li.dataset.mailbox);
      if (a) {
        li.querySelector('.marks').replaceWith(marks(a));
        li.querySelector('.facts').replaceWith(facts(a));
      }
      announce(accounts);
    } catch {
      // Keep the data shown; the check's own result is on the row.
    }
  }

  // ---------------------------------------------------------------- full check

  /** The verification repeats some of the connection check's steps (e.g. smtp_connect) in the same
   * stream: a step that starts again after it finished gets a line of its own. */
  function progress(list, ev) {
    if (ev && ev.event === 'stepStarted') {
      const finished = list.querySelector(`li[data-step="${ev.step}"]:not(.running)`);
      if (finished) {
        finished.dataset.earlier = ev.step;
        finished.removeAttribute('data-step');
      }
    }
    applyProgress(list, ev);
  }

  async function fullCheck(li, address) {
    const buttons = [...li.querySelectorAll('.actions button')];
    const list = li.querySelector('.progress');
    const slot = li.querySelector('.finding-slot');
    const result = li.querySelector('.result');
    for (const b of buttons) busy(b, true);
    list.replaceChildren();
    slot.replaceChildren();
    result.hidden = true;
    document.body.dataset.fullcheck = 'running';
    let outcomes = null;
    try {
      outcomes = await api.fullCheck(address, (ev) => progress(list, ev));
      result.textContent = outcomes.map((o) => t(o.passed ? 'page-helpdesk-result-passed' : 'page-helpdesk-result-failed', { action: o.actionLabel })).join(' · ');
      result.hidden = false;
      showFindings(slot, outcomes.flatMap((o) => o.findings));
    } catch (f) {
      showFindings(slot, [f]);
    }
    await refreshRow(li);
    for (const b of buttons) busy(b, false);
    if (outcomes) await openReport(address);
    const passed = Boolean(outcomes && outcomes.length && outcomes.every((o) => o.passed));
    document.body.dataset.fullcheck = passed ? 'passed' : 'failed';
  }

  // ---------------------------------------------------------------- report

  function reportButtons(enabled) {
    for (const id of ['#report-copy', '#report-save', '#report-save-json']) $(id).disabled = !enabled;
  }

  async function openReport(address) {
    reportFor = address;
    const panel = $('#report');
    $('#report-address').textContent = address;
    $('#report-text').textContent = '';
    $('#report-summary').textContent = '';
    $('#report-findings').replaceChildren();
    $('#report-saved').hidden = true;
    panel.removeAttribute('data-passed');
    panel.hidden = false;
    reportButtons(false);
    document.body.dataset.report = 'running';
    try {
      const r = await api.report(address);
      if (reportFor !== address) return; // another report was opened meanwhile
      $('#report-text').textContent = r.text;
      $('#report-summary').textContent = `${t(r.passed ? 'page-helpdesk-report-passed' : 'page-helpdesk-report-not-passed')} ${t('page-helpdesk-report-folder', { folder: r.saveDir })}`;
      panel.dataset.passed = String(r.passed);
      reportButtons(true);
      document.body.dataset.report = 'shown';
    } catch (f) {
      showFindings($('#report-findings'), [f]);
      document.body.dataset.report = 'failed';
    }
    panel.scrollIntoView({ block: 'nearest' });
  }

  async function save(button, format) {
    busy(button, true);
    $('#report-findings').replaceChildren();
    $('#report-saved').hidden = true;
    document.body.dataset.saved = 'running';
    try {
      const path = await api.saveReport(reportFor, format);
      $('#report-saved').textContent = t('page-helpdesk-report-saved', { path });
      $('#report-saved').hidden = false;
      document.body.dataset.saved = format;
    } catch (f) {
      showFindings($('#report-findings'), [f]);
      document.body.dataset.saved = 'failed';
    } finally {
      busy(button, false);
    }
  }

  // ---------------------------------------------------------------- paste an error

  async function explain() {
    const button = $('#paste-explain');
    const slot = $('#paste-findings');
    const text = $('#paste-text').value;
    slot.replaceChildren();
    if (!text.trim()) {
      $('#paste-hint').hidden = false;
      document.body.dataset.explain = 'empty';
      $('#paste-text').focus();
      return;
    }
    $('#paste-hint').hidden = true;
    busy(button, true);
    document.body.dataset.explain = 'running';
    try {
      showFindings(slot, await api.explain(text));
      // Here the helpdesk wants to see what was recognised: unfold the details.
      for (const d of slot.querySelectorAll('details.evidence')) d.open = true;
      document.body.dataset.explain = 'done';
    } catch (f) {
      showFindings(slot, [f]);
      document.body.dataset.explain = 'failed';
    } finally {
      busy(button, false);
    }
  }

  // ---------------------------------------------------------------- daily renewal

  /** Registers or removes the daily renewal with the computer's scheduler; the core's words. */
  async function schedule(button, on) {
    $('#schedule-findings').replaceChildren();
    $('#schedule-result').hidden = true;
    busy(button, true);
    try {
      $('#schedule-result').textContent = await api.scheduleRenewal(on);
      $('#schedule-result').hidden = false;
    } catch (f) {
      showFindings($('#schedule-findings'), [f]);
    } finally {
      busy(button, false);
    }
  }

  // ---------------------------------------------------------------- page

  /** Opens the page; `paste` focuses the paste box, `reportOf` shows that mailbox's report. */
  async function open({ paste = false, reportOf = null } = {}) {
    show('helpdesk');
    reportFor = null;
    $('#report').hidden = true;
    if (paste) $('#paste-text').focus();
    await loadAccounts();
    if (paste && document.activeElement === $('#paste-text')) $('#paste').scrollIntoView({ block: 'nearest' });
    if (reportOf) await openReport(reportOf);
  }

  function wireHelpdesk() {
    $('#open-helpdesk').addEventListener('click', () => open());
    $('#open-paste').addEventListener('click', () => open({ paste: true }));
    $('#done-report').addEventListener('click', () => open({ reportOf: wizard.address }));
    $('#helpdesk-back').addEventListener('click', () => show(wizard.previous || 'address'));
    $('#helpdesk-setup').addEventListener('click', () => show('address'));
    $('#paste-explain').addEventListener('click', explain);
    $('#schedule-on').addEventListener('click', (e) => schedule(e.currentTarget, true));
    $('#schedule-off').addEventListener('click', (e) => schedule(e.currentTarget, false));
    $('#paste-text').addEventListener('input', () => { $('#paste-hint').hidden = true; });
    $('#paste-text').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) explain();
    });
    $('#report-copy').addEventListener('click', (e) => copy(e.currentTarget, $('#report-text').textContent));
    $('#report-save').addEventListener('click', (e) => save(e.currentTarget, 'html'));
    $('#report-save-json').addEventListener('click', (e) => save(e.currentTarget, 'json'));
  }

  ui.helpdesk = Object.freeze({ wireHelpdesk });
})(window.MailSetup ??= {});
