// The wizard: Address → Connection check → Sign in → Check mail → Done (+ the admin and helpdesk pages).
// Each step calls one command through api.js and renders what comes back.
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { wireAdmin } = ui.admin;
  const { loadChoices, openSignIn, wireChoices } = ui.choices;
  const { wireHelpdesk } = ui.helpdesk;
  const { wireRelay } = ui.relay;
  const { wirePassword } = ui.password;
  const { applyProgress, el, showFindings, stepLine } = ui.render;
  const { t } = ui.l10n;
  const { closeServers, needsServers, openServers, resetServers, wireServers } = ui.servers;
  const { loadBrowsers, wireSignIn } = ui.signin;
  const { $, busy, show, wizard } = ui.wizard;

  function setAddress(info, delegate) {
    wizard.address = info.display;
    wizard.delegate = delegate || null;
    wizard.signInAs = delegate || null;
    wizard.choices = null;
    wizard.choicesReady = null;
    wizard.serversTyped = false;
    resetServers();
    for (const n of document.querySelectorAll('.addr')) n.textContent = info.display;
    for (const n of document.querySelectorAll('.signin-as')) n.textContent = delegate || info.display;
    $('#provider').textContent = info.provider;
  }

  // ---------------------------------------------------------------- start

  // The Address step is usable at once (checking an address needs nothing of what follows):
  // `data-ready` says so. The app's version, settings and vault check and the saved accounts
  // arrive after the first paint (the vault check alone is several round trips to the OS
  // vault); `data-loaded` says they have.
  async function start() {
    await ui.l10n.loadWords();
    show('address');
    document.body.dataset.ready = 'true';
    await Promise.all([loadAppInfo(), refreshAccounts()]);
    document.body.dataset.loaded = 'true';
  }

  // The browsers a private sign-in can use are needed at the Sign in step only, and finding
  // them runs programs (xdg-settings on Linux): they are looked for once a connection check
  // starts, not while the page starts.
  let browsersLooked = false;
  function lookForBrowsers() {
    if (browsersLooked) return;
    browsersLooked = true;
    loadBrowsers();
  }

  async function loadAppInfo() {
    try {
      const info = await api.appInfo();
      $('#version').textContent = t('page-footer-version', { version: info.version });
      if (info.settingsFile) $('#settings-file').textContent = `· ${t('page-footer-settings', { file: info.settingsFile })}`;
      const problems = [info.settingsProblem, info.vaultProblem].filter(Boolean);
      if (problems.length) {
        showFindings($('#banner'), problems);
        $('#banner').hidden = false;
      }
    } catch (f) {
      showFindings($('#banner'), [f]);
      $('#banner').hidden = false;
    }
  }

  async function refreshAccounts() {
    const accounts = await api.listAccounts().catch(() => []);
    renderAccounts(accounts);
  }

  function renderAccounts(accounts) {
    $('#accounts-list').replaceChildren(...accounts.map((a) => {
      const status = t(a.inVault ? (a.lastCheckPassed === false ? 'page-address-account-check-failed' : 'page-address-account-signed-in') : 'page-address-account-missing');
      const via = a.shared && a.signedInAs ? ` (${t('page-address-account-shared', { account: a.signedInAs })})` : '';
      return el('li', { 'data-mailbox': a.mailbox }, el('span', { text: a.address }), el('span', { class: 'quiet', text: `${via} — ${status}` }));
    }));
    $('#accounts').hidden = accounts.length === 0;
  }

  // ---------------------------------------------------------------- 1. address

  $('#shared').addEventListener('change', () => {
    $('#shared-fields').hidden = !$('#shared').checked;
  });

  $('#address-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = $('#address-next');
    busy(button, true);
    document.body.dataset.check = 'running';
    $('#address-error').replaceChildren();
    try {
      const info = await api.parseAddress($('#address').value);
      let delegate = null;
      if ($('#shared').checked) {
        delegate = (await api.parseAddress($('#delegate').value)).display;
      }
      setAddress(info, delegate);
      show('check');
      runCheck();
    } catch (f) {
      showFindings($('#address-error'), [f]);
      $('#address').focus();
    } finally {
      busy(button, false);
    }
  });

  // ---------------------------------------------------------------- 2. connection check

  /** After a failed check: the server settings form when the core needs the servers, else "Try
   * again" (and "Change server settings" when the servers were typed in). */
  function afterFailedCheck(findings) {
    if (needsServers(findings)) {
      openServers(wizard.choices && wizard.choices.servers);
      return;
    }
    $('#check-retry').hidden = false;
    $('#check-servers').hidden = !wizard.serversTyped;
  }

  async function runCheck() {
    lookForBrowsers();
    const list = $('#check-progress');
    list.replaceChildren();
    $('#check-findings').replaceChildren();
    $('#discovery').hidden = true;
    closeServers();
    document.body.dataset.check = 'running';
    $('#check-next').disabled = true;
    $('#check-retry').hidden = true;
    $('#check-servers').hidden = true;
    wizard.choicesReady = null;
    try {
      const outcome = await api.checkConnection(wizard.address, (ev) => applyProgress(list, ev));
      if (outcome.discovery) {
        $('#discovery').textContent = outcome.discovery.summary;
        $('#discovery').hidden = false;
      }
      const { findings } = outcome;
      showFindings($('#check-findings'), findings);
      $('#check-next').disabled = !outcome.passed;
      if (outcome.passed) wizard.choicesReady = loadChoices(wizard.address);
      else afterFailedCheck(findings);
      document.body.dataset.check = outcome.passed ? 'passed' : 'failed';
    } catch (f) {
      showFindings($('#check-findings'), [f]);
      afterFailedCheck([f]);
      document.body.dataset.check = 'failed';
    }
  }

  $('#check-back').addEventListener('click', () => show('address'));
  $('#check-retry').addEventListener('click', runCheck);
  $('#check-next').addEventListener('click', async () => {
    const button = $('#check-next');
    busy(button, true);
    const { choices, finding } = await (wizard.choicesReady || (wizard.choicesReady = loadChoices(wizard.address)));
    busy(button, false);
    if (finding) {
      // Shown like any failed call's finding; "Next" asks the core again.
      wizard.choicesReady = null;
      showFindings($('#check-findings'), [finding]);
      return;
    }
    openSignIn(choices);
  });
  wireServers(runCheck);

  // ---------------------------------------------------------------- 3. sign in

  wireSignIn();
  wirePassword();
  wireChoices();

  // ---------------------------------------------------------------- 4. verify

  $('#verify-start').addEventListener('click', async () => {
    const button = $('#verify-start');
    const list = $('#verify-progress');
    busy(button, true);
    list.replaceChildren();
    $('#verify-findings').replaceChildren();
    document.body.dataset.verify = 'running';
    try {
      const outcome = await api.verify(wizard.address, $('#send-test').checked, (ev) => applyProgress(list, ev));
      wizard.lastVerify = outcome;
      showFindings($('#verify-findings'), outcome.findings);
      document.body.dataset.verify = outcome.passed ? 'passed' : 'failed';
      if (outcome.passed) {
        button.hidden = true;
        $('#verify-next').hidden = false;
        $('#verify-next').focus();
      } else {
        button.textContent = t('page-common-try-again');
      }
    } catch (f) {
      showFindings($('#verify-findings'), [f]);
      document.body.dataset.verify = 'failed';
    } finally {
      busy(button, false);
    }
  });

  $('#verify-back').addEventListener('click', () => show('signin'));
  $('#verify-next').addEventListener('click', () => {
    const who = wizard.account && wizard.account.signedInAs;
    $('#done-summary').textContent = who ? t('page-done-summary-as', { account: who }) : t('page-done-summary');
    // Each step in plain words; its technical facts (Message-ID, SASL mechanisms, servers,
    // scopes) folded under "Details", as in the step list.
    const steps = (wizard.lastVerify ? wizard.lastVerify.steps : []).map((s) => {
      const shown = document.querySelector(`#verify-progress li[data-step="${s.step}"]`);
      return stepLine(el('li', { 'data-step': s.step }), {
        status: s.status, label: labelOf(s), summary: shown ? shown.dataset.summary : '', detail: s.detail,
        title: s.finding && s.finding.title,
      });
    });
    $('#done-steps').replaceChildren(...steps);
    $('#done-message').hidden = true;
    $('#done-forget').disabled = false;
    show('done');
  });

  function labelOf(step) {
    const li = document.querySelector(`#verify-progress li[data-step="${step.step}"] .label`);
    return li ? li.textContent : step.step;
  }

  // ---------------------------------------------------------------- 5. done

  $('#done-forget').addEventListener('click', async () => {
    const button = $('#done-forget');
    busy(button, true);
    const msg = $('#done-message');
    try {
      const removed = await api.forgetAccount(wizard.address);
      msg.replaceChildren(el('p', { text: t(removed ? 'page-done-forgotten' : 'page-done-not-set-up', { address: wizard.address }) }));
      document.body.dataset.forgot = String(removed);
      button.disabled = true;
    } catch (f) {
      showFindings(msg, [f]);
      busy(button, false);
    }
    msg.hidden = false;
    refreshAccounts();
  });

  $('#done-another').addEventListener('click', () => {
    $('#address').value = '';
    refreshAccounts();
    show('address');
  });

  // ---------------------------------------------------------------- admin, helpdesk

  wireAdmin();
  wireHelpdesk();
  wireRelay();
  document.addEventListener('accounts-listed', (e) => renderAccounts(e.detail));

  start();
})(window.MailSetup ??= {});
