// The administrator page: the provisioning in effect and the client secret of a "Web"
// registration (kept only in the vault; never shown).

import { api } from './api.js';
import { el, showFindings } from './render.js';
import { $, busy, show, wizard } from './wizard.js';

const LABELS = [
  ['settingsFile', 'Settings file'],
  ['cloud', 'Cloud'],
  ['authority', 'Sign-in authority'],
  ['tenant', 'Tenant'],
  ['clientId', 'Application (client) ID'],
  ['clientType', 'Registration type'],
  ['redirect', 'Redirect URI'],
  ['smtp', 'Sending server'],
  ['imap', 'Mailbox server'],
];

function render(p) {
  const value = (k) => {
    if (k === 'clientType') return p.clientType === 'confidential' ? `Confidential ("Web")${p.clientSecretStored ? ', client secret stored in the vault' : ', no client secret stored yet'}` : 'Public (Mobile and desktop applications)';
    if (k === 'settingsFile') return p.settingsFile || 'none (built-in defaults)';
    if (k === 'clientId') return p.clientId || 'not set: Microsoft sign-in is not configured';
    return String(p[k]);
  };
  $('#admin-provisioning').replaceChildren(...LABELS.flatMap(([k, label]) => [el('dt', { text: label }), el('dd', { 'data-key': k, text: value(k) })]));
  $('#admin-secret').hidden = p.clientType !== 'confidential';
  $('#secret-remove').disabled = !p.clientSecretStored;
  document.body.dataset.secret = p.clientSecretStored ? 'stored' : 'none';
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
    busy(button, false);
  }
}

export function wireAdmin() {
  $('#open-admin').addEventListener('click', open);
  $('#admin-back').addEventListener('click', () => show(wizard.previous || 'address'));
  $('#secret-save').addEventListener('click', (e) => act(e.currentTarget, () => api.setClientSecret($('#client-secret').value), 'The client secret is stored in this computer\'s password vault.'));
  $('#secret-remove').addEventListener('click', (e) => act(e.currentTarget, () => api.removeClientSecret(), 'The client secret was removed.'));
}
