// The helpdesk page: the mailboxes set up on this computer with their latest results, a full
// check of each (connection check, then a test message) with live progress, the report of this
// session's results (shown, copied, saved), and "Paste an error" (the findings in a pasted text).
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { applyProgress, el, showFindings } = ui.render;
  const { $, busy, copy, show, wizard } = ui.wizard;

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  /** Seconds since the epoch (UTC) in this computer's time zone, e.g. "29 Nov 2026, 16:40". */
  function localTime(secs) {
    const d = new Date(secs * 1000);
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${two(d.getHours())}:${two(d.getMinutes())}`;
  }

  /** Times are absent (or null) when something never happened. */
  const known = (t) => typeof t === 'number';

  /** The mailbox whose report is shown. */
  let reportFor = null;

  // ---------------------------------------------------------------- mailboxes

  function facts(a) {
    const now = Date.now();
    const signedIn = a.shared
      ? (a.signedInAs ? `shared, via ${a.signedInAs}` : 'shared (the account it is opened with is not known)')
      : (a.signedInAs || 'not known');
    let expires = 'not known';
    if (known(a.tokenExpiresAt)) {
      expires = a.tokenExpiresAt * 1000 <= now ? `expired (${localTime(a.tokenExpiresAt)})` : localTime(a.tokenExpiresAt);
    }
    const password = a.method === 'password';
    const rows = [
      ['signedIn', password ? 'Login name' : 'Signed in as', signedIn],
      ['lastSuccess', 'Last successful check', known(a.lastSuccessAt) ? localTime(a.lastSuccessAt) : 'never'],
      ...(password
        ? [['method', 'Sign-in', `${a.methodLabel}, kept in the vault`]]
        : [
          ['lastRefresh', 'Sign-in last renewed', known(a.lastRefreshAt) ? localTime(a.lastRefreshAt) : 'never'],
          ['tokenExpires', 'Access token expires', expires],
        ]),
      ['addedAt', 'Set up on this computer', known(a.addedAt) ? localTime(a.addedAt) : 'not known'],
    ];
    if (a.health) rows.push(['health', 'How long the sign-in lasts', a.health.words]);
    if (a.tenantId) rows.push(['tenant', 'Tenant', a.tenantId]);
    return el('dl', { class: 'facts' }, ...rows.flatMap(([k, label, v]) => [el('dt', { text: label }), el('dd', { 'data-key': k, text: v })]));
  }

  function marks(a) {
    const m = [];
    if (!a.inVault) m.push(el('span', { class: 'mark bad', 'data-mark': 'missing', text: 'Sign-in missing from this computer\'s vault' }));
    if (a.lastCheckPassed === false) {
      m.push(el('span', { class: 'mark bad', 'data-mark': 'failed', text: known(a.lastCheckAt) ? `Last check failed (${localTime(a.lastCheckAt)})` : 'Last check failed' }));
    }
    if (a.inVault && a.health?.state === 'ended') m.push(el('span', { class: 'mark bad', 'data-mark': 'ended', text: 'Sign-in has ended: sign in again' }));
    if (a.health?.state === 'ends_soon') m.push(el('span', { class: 'mark warn', 'data-mark': 'ends-soon', text: 'Sign-in ends soon' }));
    if (a.inVault && a.lastCheckPassed === true) m.push(el('span', { class: 'mark', 'data-mark': 'passed', text: 'Last check passed' }));
    if (a.inVault && a.lastCheckPassed == null) m.push(el('span', { class: 'mark quiet', 'data-mark': 'unchecked', text: 'Not checked yet' }));
    return el('div', { class: 'marks' }, ...m);
  }

  function row(a) {
    const li = el('li', { class: 'mailbox', 'data-mailbox': a.mailbox });
    // Named with the mailbox: every row has the same two buttons.
    const check = el('button', { type: 'button', class: 'full-check', text: 'Run full check', 'aria-label': `Run full check of ${a.address}` });
    const report = el('button', { type: 'button', class: 'show-report', text: 'Show report', 'aria-label': `Show report of ${a.address}` });
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
      result.textContent = outcomes.map((o) => `${o.actionLabel}: ${o.passed ? 'passed' : 'failed'}`).join(' · ');
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
      $('#report-summary').textContent = `${r.passed
        ? 'Everything checked in this session passed.'
        : 'Not everything passed, or nothing was checked in this session yet.'} "Save report" puts the file in ${r.saveDir}.`;
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
      $('#report-saved').textContent = `Saved to ${path}`;
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
