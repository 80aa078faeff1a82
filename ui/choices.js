// Which sign-in the Sign in step offers, from the core's SignInChoices: the browser sign-in
// (Microsoft or Google), a Google App Password, or the mailbox password at another provider.
// The screens themselves are in signin.js (browser) and password.js (passwords).
((ui) => {
  'use strict';

  const { api } = ui.api;
  const { showFindings } = ui.render;
  const { preparePassword } = ui.password;
  const { prepareOAuth } = ui.signin;
  const { $, show, wizard } = ui.wizard;
  const { t } = ui.l10n;

  /** The sign-in choices for `address`: `{choices}`, or `{finding}` (the failed call's finding)
   * when the core could not say; the page then shows the finding, as for any failed call. */
  async function loadChoices(address) {
    try {
      const choices = await api.signInChoices(address);
      document.body.dataset.choices = 'loaded';
      return { choices };
    } catch (finding) {
      document.body.dataset.choices = 'failed';
      return { finding };
    }
  }

  /** Whose browser sign-in: offered here (`oauth`), else the provider's (`oauthProvider`). */
  const oauthName = (c) => c.oauth || c.oauthProvider || '';

  function heading(c, screen) {
    if (screen === 'oauth') return t('page-signin-with', { provider: oauthName(c) });
    if (screen === 'app_password') return t('page-signin-heading-app-password');
    return t('page-signin-heading-password');
  }

  /** Shows one of the sign-in screens ('oauth' | 'app_password' | 'password'); `focus` moves the
   * focus to it (when the person switched screens). */
  function showScreen(screen, focus = false) {
    const c = wizard.choices;
    const oauth = screen === 'oauth';
    $('#signin-oauth').hidden = !oauth;
    $('#signin-password').hidden = oauth;
    $('#signin-heading').textContent = heading(c, screen);
    document.body.dataset.signinMethod = screen;
    if (focus) (oauth ? $('#signin-start') : $('#password')).focus();
  }

  /** Shared mailboxes (opened with one's own account): where the core says they exist. */
  function sharedMailbox(c) {
    const m365 = c.sharedMailbox;
    wizard.signInAs = m365 ? wizard.delegate : null;
    for (const n of document.querySelectorAll('.signin-as')) n.textContent = wizard.signInAs || wizard.address;
    const note = $('#signin-shared-note');
    note.hidden = !wizard.delegate;
    if (wizard.delegate) {
      note.textContent = m365
        ? t('page-signin-shared-note', { account: wizard.delegate })
        : t('page-signin-shared-unused', { account: wizard.delegate, address: wizard.address });
    }
    $('#signin-shared').hidden = !(m365 && !wizard.delegate);
  }

  /** Why the provider's browser sign-in is not offered: folded for the helpdesk when a password
   * works instead; shown as the finding when nothing else is possible. */
  function oauthUnavailable(c) {
    const fold = $('#oauth-unavailable');
    fold.hidden = true;
    $('#oauth-unavailable-finding').replaceChildren();
    if (!c.oauthUnavailable) return;
    if (!c.password) {
      showFindings($('#signin-findings'), [c.oauthUnavailable]);
      return;
    }
    $('#oauth-unavailable-summary').textContent = t('page-signin-why-no-oauth', { provider: oauthName(c) });
    showFindings($('#oauth-unavailable-finding'), [c.oauthUnavailable]);
    fold.open = false;
    fold.hidden = false;
  }

  /** Opens the Sign in step for the choices `c`. */
  function openSignIn(c) {
    wizard.choices = c;
    $('#signin-provider').textContent = c.providerLabel;
    $('#provider').textContent = c.providerLabel;
    prepareOAuth(oauthName(c), c.deviceCode);
    preparePassword(c);
    sharedMailbox(c);
    const other = $('#signin-use-password');
    other.hidden = !(c.oauth && c.password);
    other.textContent = t(c.password === 'app_password' ? 'page-signin-use-app-password' : 'page-signin-use-password');
    oauthUnavailable(c);
    show('signin');
    showScreen(c.firstScreen);
  }

  function wireChoices() {
    $('#signin-use-password').addEventListener('click', () => showScreen(wizard.choices.password, true));
    $('#password-use-oauth').addEventListener('click', () => showScreen('oauth', true));
    $('#signin-shared-open').addEventListener('click', () => {
      $('#shared').checked = true;
      $('#shared-fields').hidden = false;
      show('address');
      $('#delegate').focus();
    });
  }

  ui.choices = Object.freeze({ loadChoices, openSignIn, wireChoices });
})(window.MailSetup ??= {});
