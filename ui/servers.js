// The server settings form (in the Connection step): the incoming (IMAP) and outgoing (SMTP)
// servers of a mailbox at a provider the app does not recognise, typed in by the person. The core
// checks the values (encrypted connections only) and says what is wrong; the page shows it.
((ui) => {
  'use strict';

  const { api, Codes } = ui.api;
  const { showFindings } = ui.render;
  const { $, busy, show, wizard } = ui.wizard;

  const DEFAULT_PORTS = { imap: '993', smtp: '587' };

  /** What to do after the servers were saved (the Connection step runs its check again). */
  let afterSave = () => {};
  /** The step that opened the form ("signin" from "Change server settings"), for Cancel. */
  let openedFrom = null;

  /** Whether findings ask for the server settings. */
  function needsServers(findings) {
    return findings.some((f) => f.code === Codes.SERVER_SETTINGS_NEEDED);
  }

  /** Empties the form (a new address). */
  function resetServers() {
    for (const id of ['#imap-host', '#smtp-host', '#login-name']) $(id).value = '';
    $('#imap-port').value = DEFAULT_PORTS.imap;
    $('#smtp-port').value = DEFAULT_PORTS.smtp;
    $('#servers-findings').replaceChildren();
    $('#servers-form').hidden = true;
    delete document.body.dataset.servers;
  }

  /** Opens the form, filled in from `servers` (SignInChoices.servers) when given; `from` is the
   * step to go back to on Cancel (the form itself is in the Connection step). */
  function openServers(servers, from = null) {
    openedFrom = from;
    if (servers) {
      $('#imap-host').value = servers.imap.host;
      $('#imap-port').value = String(servers.imap.port);
      $('#smtp-host').value = servers.smtp.host;
      $('#smtp-port').value = String(servers.smtp.port);
      $('#login-name').value = servers.username || '';
    }
    $('#servers-findings').replaceChildren();
    $('#servers-form').hidden = false;
    $('#check-servers').hidden = true;
    $('#check-retry').hidden = true;
    document.body.dataset.servers = 'shown';
    if (from) show('check');
    $('#servers-form').scrollIntoView({ block: 'nearest' });
    $('#imap-host').focus({ preventScroll: true });
  }

  function closeServers() {
    $('#servers-form').hidden = true;
  }

  const hostPort = (host, port) => `${$(host).value.trim()}:${$(port).value.trim()}`;

  async function save(e) {
    e.preventDefault();
    const button = $('#servers-save');
    busy(button, true);
    $('#servers-cancel').disabled = true;
    $('#servers-findings').replaceChildren();
    document.body.dataset.servers = 'running';
    try {
      const username = $('#login-name').value.trim() || null;
      wizard.choices = await api.setServers(wizard.address, hostPort('#imap-host', '#imap-port'), hostPort('#smtp-host', '#smtp-port'), username);
      wizard.serversTyped = true;
      document.body.dataset.servers = 'saved';
      closeServers();
      if (openedFrom) show('check');
      openedFrom = null;
      afterSave();
    } catch (f) {
      showFindings($('#servers-findings'), [f]);
      document.body.dataset.servers = 'failed';
    } finally {
      busy(button, false);
      $('#servers-cancel').disabled = false;
    }
  }

  function cancel() {
    closeServers();
    $('#servers-findings').replaceChildren();
    delete document.body.dataset.servers;
    if (openedFrom) {
      show(openedFrom);
      openedFrom = null;
      return;
    }
    // Still on the Connection step, whose check did not pass: offer the form again.
    $('#check-servers').hidden = false;
  }

  /** `onSaved`: runs after the servers were saved (the connection check again). */
  function wireServers(onSaved) {
    afterSave = onSaved;
    $('#servers-form').addEventListener('submit', save);
    $('#servers-cancel').addEventListener('click', cancel);
    $('#check-servers').addEventListener('click', () => openServers(wizard.choices && wizard.choices.servers));
  }

  ui.servers = Object.freeze({ needsServers, resetServers, openServers, closeServers, wireServers });
})(window.MailSetup ??= {});
