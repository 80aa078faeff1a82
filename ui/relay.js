// The Helpdesk page's local relay: a switch that runs it while the app is open, the programs
// allowed to use it (each with its own relay password, shown once when added), and Remove. The
// core decides everything (who may send, the replies programs get); the page only shows it.
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { el, showFindings } = ui.render;
  const { $, busy, copy } = ui.wizard;
  const { t } = ui.l10n;

  function programRow(p) {
    const remove = el('button', { type: 'button', class: 'small', text: t('page-relay-remove') });
    remove.setAttribute('aria-label', t('page-relay-remove-program', { program: p.name, mailbox: p.mailbox }));
    remove.addEventListener('click', () => run(remove, () => api.relayRemove(p.mailbox, p.name)));
    return el('li', { 'data-program': p.name },
      el('span', { text: t('page-relay-sends-as', { program: p.name, mailbox: p.mailbox }) }), ' ', remove);
  }

  function render(view) {
    $('#relay-switch').checked = Boolean(view.listening);
    $('#relay-status').textContent = view.listening
      ? t('page-relay-running', { address: view.listening })
      : t('page-relay-stopped');
    $('#relay-programs').replaceChildren(...view.programs.map(programRow));
    document.body.dataset.relay = view.listening ? 'on' : 'off';
  }

  async function run(button, fn) {
    $('#relay-findings').replaceChildren();
    if (button) busy(button, true);
    try {
      render(await fn());
    } catch (f) {
      // The switch shows what runs, not what was asked for.
      $('#relay-switch').checked = document.body.dataset.relay === 'on';
      showFindings($('#relay-findings'), [f]);
    } finally {
      if (button) busy(button, false);
    }
  }

  /** The settings to type into the program, with its password: shown once. */
  function showAdded(a) {
    const copyButton = el('button', { type: 'button', class: 'small', text: t('page-relay-copy-password') });
    copyButton.addEventListener('click', () => copy(copyButton, a.password));
    const rows = [['Server', 'page-relay-server', a.host], ['Port', 'page-relay-port', String(a.port)], ['Security', 'page-relay-security', t('page-relay-security-none')],
      ['User name', 'page-relay-user', a.user], ['Password', 'page-relay-password', a.password]];
    const done = t(a.replaced ? 'page-relay-replaced' : 'page-relay-added', { program: a.program.name });
    $('#relay-added').replaceChildren(
      el('p', { text: `${done} ${t('page-relay-added-enter')}` }),
      el('dl', { class: 'facts' }, ...rows.flatMap(([k, label, v]) => [el('dt', { text: t(label) }), el('dd', { 'data-key': k, text: v })])),
      el('div', { class: 'actions' }, copyButton),
    );
    $('#relay-added').hidden = false;
  }

  async function add(e) {
    e.preventDefault();
    const button = $('#relay-add button[type=submit]');
    $('#relay-findings').replaceChildren();
    $('#relay-added').hidden = true;
    busy(button, true);
    try {
      showAdded(await api.relayAdd($('#relay-mailbox').value, $('#relay-program').value));
      $('#relay-program').value = '';
      render(await api.relayStatus());
    } catch (f) {
      showFindings($('#relay-findings'), [f]);
    } finally {
      busy(button, false);
    }
  }

  /** The mailboxes a program can send as: those signed in with Microsoft or Google. */
  function mailboxes(accounts) {
    const options = accounts.filter((a) => a.method !== 'password')
      .map((a) => el('option', { value: a.mailbox, text: a.address }));
    $('#relay-mailbox').replaceChildren(...options);
    $('#relay-add button[type=submit]').disabled = options.length === 0;
  }

  function wireRelay() {
    $('#relay').addEventListener('toggle', () => { if ($('#relay').open) run(null, api.relayStatus); });
    $('#relay-switch').addEventListener('change', (e) => run(null, () => api.relaySwitch(e.currentTarget.checked)));
    $('#relay-add').addEventListener('submit', add);
    document.addEventListener('accounts-listed', (e) => mailboxes(e.detail));
  }

  ui.relay = Object.freeze({ wireRelay });
})(window.MailSetup ??= {});
