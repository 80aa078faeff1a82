// The administrator page: the provisioning in effect (Microsoft 365, personal Microsoft accounts,
// Google), every setting with where its value comes from (IT policy, IT's file, the user's file,
// default: the core's words), the client secrets of a "Web" registration and of the Google OAuth
// client (kept only in the vault; never shown), and the check of the app registration (the core's
// items, shown as they come: the page decides nothing), and after a check that passed, the
// deployment files for staff with the checked values (the core writes them and says what each
// file is for; the page shows the folder, the files and the values).
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { applyProgress, el, findingCard, inLiveRegion, showFindings, statusWord } = ui.render;
  const { $, busy, copy, show, wizard } = ui.wizard;
  const { t } = ui.l10n;

  const LABELS = [
    ['settingsFile', 'page-admin-settings-file'],
    ['cloud', 'page-admin-cloud'],
    ['authority', 'page-admin-authority'],
    ['tenant', 'page-admin-tenant'],
    ['clientId', 'page-admin-client-id'],
    ['clientType', 'page-admin-client-type'],
    ['redirect', 'page-admin-redirect'],
    ['smtp', 'page-admin-smtp'],
    ['imap', 'page-admin-imap'],
    ['outlookClientId', 'page-admin-outlook-client-id'],
    ['googleClientId', 'page-admin-google-client-id'],
    ['googleSecretStored', 'page-admin-google-secret-heading'],
  ];

  /** The registration whose secret each box stores (`registrationName`; none for Microsoft's). */
  const GOOGLE = 'google';

  function render(p) {
    const value = (k) => {
      if (k === 'clientType') {
        if (p.clientType !== 'confidential') return t('page-admin-type-public');
        return t(p.clientSecretStored ? 'page-admin-type-confidential-stored' : 'page-admin-type-confidential-missing');
      }
      if (k === 'settingsFile') return p.settingsFile || t('page-admin-settings-file-none');
      if (k === 'clientId') return p.clientId || t('page-admin-client-id-none');
      if (k === 'outlookClientId') return p.outlookClientId || t('page-admin-not-set');
      if (k === 'googleClientId') return p.googleClientId || t('page-admin-google-client-id-none');
      if (k === 'googleSecretStored') {
        if (p.googleSecretStored) return t('page-admin-secret-stored');
        return t(p.googleClientId ? 'page-admin-secret-not-stored' : 'page-admin-secret-not-needed');
      }
      return String(p[k]);
    };
    $('#admin-provisioning').replaceChildren(...LABELS.flatMap(([k, label]) => [el('dt', { text: t(label) }), el('dd', { 'data-key': k, text: value(k) })]));
    renderOrigins(p.settings || []);
    $('#admin-secret').hidden = p.clientType !== 'confidential';
    $('#secret-remove').disabled = !p.clientSecretStored;
    document.body.dataset.secret = p.clientSecretStored ? 'stored' : 'none';
    $('#admin-google-secret').hidden = !p.googleClientId;
    $('#google-secret-remove').disabled = !p.googleSecretStored;
    document.body.dataset.googleSecret = p.googleSecretStored ? 'stored' : 'none';
  }

  /** Every setting, its value and where the value comes from, in the core's words. */
  function renderOrigins(settings) {
    $('#admin-origins tbody').replaceChildren(...settings.map((s) => el('tr', { 'data-key': s.key, 'data-origin': s.origin.kind, class: s.itManaged ? 'it-managed' : '' },
      el('th', { scope: 'row' }, el('span', { text: s.label }), el('code', { text: s.key })),
      el('td', { class: 'value', text: s.value ?? t('page-admin-not-set') }),
      el('td', { class: 'from', text: s.from }))));
  }

  async function open() {
    $('#admin-findings').replaceChildren();
    $('#admin-message').hidden = true;
    show('admin');
    try {
      render(await api.provisioning());
    } catch (f) {
      showFindings($('#admin-findings'), [f]);
    }
  }

  async function act(button, action, message) {
    busy(button, true);
    $('#admin-findings').replaceChildren();
    try {
      render(await action());
      $('#admin-message').replaceChildren(el('p', { text: message }));
      $('#admin-message').hidden = false;
    } catch (f) {
      showFindings($('#admin-findings'), [f]);
    } finally {
      $('#client-secret').value = '';
      $('#google-secret').value = '';
      busy(button, false);
    }
  }

  function regcheckEvent(ev) {
    if (ev.event === 'waitingForBrowser') {
      $('#regcheck-start-url').textContent = ev.startUrl;
      showFindings($('#regcheck-waiting-finding'), ev.finding ? [ev.finding] : []);
      $('#regcheck-waiting').hidden = false;
    }
    if (ev.event === 'stepPassed' && ev.step === 'browser_sign_in') $('#regcheck-waiting').hidden = true;
    applyProgress($('#regcheck-progress'), ev);
  }

  /** One item of the report: its mark (by status), label, and what was seen — or, for a failed
   * item, its finding (whose title is what was seen). */
  function itemRow(item) {
    const li = el('li', { class: item.status, 'data-item': item.id }, statusWord(item.status), ' ', el('span', { class: 'label', text: item.label }));
    if (item.status !== 'failed' || !item.finding) li.append(el('span', { class: 'detail', text: item.detail }));
    if (item.finding) li.append(findingCard(item.finding, { alert: !inLiveRegion($('#regcheck-items')) }));
    return li;
  }

  function renderReport(report) {
    $('#regcheck-summary').textContent = report.summary;
    $('#regcheck-items').replaceChildren(...report.items.map(itemRow));
    showFindings($('#regcheck-findings'), report.finding ? [report.finding] : []);
    document.body.dataset.regcheck = report.passed ? 'passed' : 'failed';
    staffState(report.passed ? 'passed' : 'failed');
  }

  /** The "Save files for staff" part follows the check: `none` (not run), `running`, `failed`,
   * `passed` (the only state in which the button works). Its words are in the page. */
  function staffState(state) {
    $('#staff-files').dataset.state = state;
    for (const span of document.querySelectorAll('#staff-why [data-for]')) span.hidden = span.dataset.for !== state;
    $('#staff-save').disabled = state !== 'passed';
    if (state !== 'passed') {
      $('#staff-saved').hidden = true;
      $('#staff-findings').replaceChildren();
    }
  }

  /** The pairs of a description list. */
  const pairs = (list, term, detail) => list.flatMap((x) => [el('dt', { text: term(x) }), el('dd', { text: detail(x) })]);

  async function saveForStaff(button) {
    busy(button, true);
    $('#staff-findings').replaceChildren();
    $('#staff-saved').hidden = true;
    try {
      const saved = await api.saveFilesForStaff();
      $('#staff-folder').textContent = saved.folder;
      $('#staff-list').replaceChildren(...pairs(saved.files, (f) => f.name, (f) => f.purpose));
      $('#staff-values').replaceChildren(...pairs(saved.values, (v) => v.label, (v) => v.value));
      $('#staff-saved').hidden = false;
      $('#staff-saved').focus();
    } catch (f) {
      showFindings($('#staff-findings'), [f]);
    } finally {
      busy(button, false);
      button.disabled = $('#staff-files').dataset.state !== 'passed';
    }
  }

  async function checkRegistration(button) {
    busy(button, true);
    for (const id of ['#regcheck-progress', '#regcheck-items', '#regcheck-findings', '#regcheck-waiting-finding']) $(id).replaceChildren();
    $('#regcheck-summary').textContent = '';
    document.body.dataset.regcheck = 'running';
    staffState('running');
    try {
      renderReport(await api.checkRegistration($('#regcheck-admin').value.trim(), regcheckEvent));
    } catch (f) {
      showFindings($('#regcheck-findings'), [f]);
      document.body.dataset.regcheck = 'failed';
      staffState('failed');
    } finally {
      $('#regcheck-waiting').hidden = true;
      busy(button, false);
    }
  }

  function wireAdmin() {
    $('#regcheck-start').addEventListener('click', (e) => checkRegistration(e.currentTarget));
    $('#regcheck-cancel').addEventListener('click', () => api.cancelSignIn());
    $('#regcheck-copy').addEventListener('click', (e) => copy(e.currentTarget, $('#regcheck-start-url').textContent));
    $('#staff-save').addEventListener('click', (e) => saveForStaff(e.currentTarget));
    $('#staff-copy').addEventListener('click', (e) => copy(e.currentTarget, $('#staff-folder').textContent));
    $('#open-admin').addEventListener('click', open);
    $('#admin-back').addEventListener('click', () => show(wizard.previous || 'address'));
    $('#secret-save').addEventListener('click', (e) => act(e.currentTarget, () => api.setClientSecret($('#client-secret').value), t('page-admin-secret-saved')));
    $('#secret-remove').addEventListener('click', (e) => act(e.currentTarget, () => api.removeClientSecret(), t('page-admin-secret-removed')));
    $('#google-secret-save').addEventListener('click', (e) => act(e.currentTarget, () => api.setClientSecret($('#google-secret').value, GOOGLE), t('page-admin-google-secret-saved')));
    $('#google-secret-remove').addEventListener('click', (e) => act(e.currentTarget, () => api.removeClientSecret(GOOGLE), t('page-admin-google-secret-removed')));
  }

  ui.admin = Object.freeze({ wireAdmin });
})(window.MailSetup ??= {});
