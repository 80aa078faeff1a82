// The password screens of the sign-in step: a Google App Password (what it is, how to make one,
// what to do when Google does not offer it) and the mailbox password at another provider (with
// the servers in use and where they came from). The password goes to the core exactly as typed;
// the field is emptied after the call, and the page keeps the password nowhere else.
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { applyProgress, el, showFindings } = ui.render;
  const { openServers } = ui.servers;
  const { $, afterSignIn, busy, copy, show, wizard } = ui.wizard;
  const { t } = ui.l10n;

  const SECURITY = { start_tls: 'STARTTLS', implicit_tls: 'SSL/TLS' };

  /** The words of each kind of password (SignInChoices.password). */
  const KINDS = {
    app_password: { label: 'page-password-app-label', note: 'page-password-app-note' },
    password: { label: 'page-password-label', note: 'page-password-note' },
  };

  const BUTTONS = ['#password-back', '#password-use-oauth', '#servers-change'];

  function clearResult() {
    $('#password-progress').replaceChildren();
    $('#password-findings').replaceChildren();
    $('#password-hint').hidden = true;
  }

  function endpoint(e) {
    return `${e.host}:${e.port} (${SECURITY[e.security] || e.security})`;
  }

  function serversInUse(servers) {
    const rows = servers
      ? [
        ['imap', t('page-password-servers-imap'), endpoint(servers.imap)],
        ['smtp', t('page-password-servers-smtp'), endpoint(servers.smtp)],
        ['username', t('page-password-servers-login'), servers.username || t('page-password-servers-login-address')],
        ['source', t('page-password-servers-source'), servers.source],
      ]
      : [['imap', t('page-password-servers'), t('page-password-servers-unknown')]];
    $('#servers-in-use').replaceChildren(...rows.flatMap(([k, label, v]) => [el('dt', { text: label }), el('dd', { 'data-key': k, text: v })]));
  }

  /** Sets up the password screen for the choices `c` (c.password: 'app_password' | 'password'). */
  function preparePassword(c) {
    const kind = KINDS[c.password] || KINDS.password;
    $('#app-password-help').hidden = c.password !== 'app_password';
    $('#password-help').hidden = c.password !== 'password';
    $('#password-label').textContent = t(kind.label);
    $('#password-note').textContent = t(kind.note);
    $('#password').value = '';
    $('#password-use-oauth').hidden = !c.oauth;
    $('#password-use-oauth').textContent = t('page-password-use-oauth', { provider: c.oauth });
    if (c.password === 'password') serversInUse(c.servers);
    clearResult();
  }

  async function submit(e) {
    e.preventDefault();
    const field = $('#password');
    clearResult();
    if (field.value === '') {
      $('#password-hint').hidden = false;
      document.body.dataset.password = 'empty';
      field.focus();
      return;
    }
    const button = $('#password-submit');
    busy(button, true);
    field.disabled = true;
    for (const b of BUTTONS) $(b).disabled = true;
    document.body.dataset.password = 'running';
    const list = $('#password-progress');
    let passed = false;
    try {
      const outcome = await api.signInPassword(wizard.address, field.value, (ev) => applyProgress(list, ev));
      field.value = '';
      showFindings($('#password-findings'), outcome.findings);
      passed = outcome.passed;
      document.body.dataset.password = passed ? 'passed' : 'failed';
      if (passed) afterSignIn(outcome.account);
    } catch (f) {
      field.value = '';
      showFindings($('#password-findings'), [f]);
      document.body.dataset.password = 'failed';
    } finally {
      field.value = '';
      field.disabled = false;
      for (const b of BUTTONS) $(b).disabled = false;
      busy(button, false);
    }
    if (!passed) field.focus();
  }

  function wirePassword() {
    $('#password-form').addEventListener('submit', submit);
    $('#password-back').addEventListener('click', () => show('check'));
    $('#servers-change').addEventListener('click', () => openServers(wizard.choices && wizard.choices.servers, 'signin'));
    $('#copy-apppasswords-url').addEventListener('click', (e) => copy(e.currentTarget, $('#apppasswords-url').textContent));
  }

  ui.password = Object.freeze({ preparePassword, wirePassword });
})(window.MailSetup ??= {});
