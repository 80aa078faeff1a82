// The sign-in step's browser sign-in (Microsoft or Google): the browser (system or private
// window), the device code (Microsoft only), the account confirmation, and the retry choices
// after a wrong account. While the browser sign-in waits: a countdown to the app's time limit,
// "Open the sign-in again" (a new sign-in: each link opens once), the link to copy, and Cancel.
// The password screens are in password.js; choices.js picks the screen.
((ui) => {
  'use strict';

  const { api, WRONG_ACCOUNT } = ui.api;
  const { applyProgress, showFindings, el } = ui.render;
  const { $, afterSignIn, busy, copy, show, wizard } = ui.wizard;
  const { t } = ui.l10n;

  const list = () => $('#signin-progress');

  /** Set when the person chose "use a code instead" or "open the sign-in again" while the browser
   * sign-in waited: once that sign-in has ended (cancelled), this one starts ({request, button}). */
  let next = null;

  /** The latest sign-in started ({request, button}): "Open the sign-in again" repeats it. */
  let last = null;

  /** Whether a sign-in runs now (its `next` is started when it ends). */
  let running = false;

  // ---------------------------------------------------------------- countdown

  let timer = null;

  /** "4:32": minutes and seconds. */
  const clock = (secs) => `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;

  /** Counts down to the app's time limit for the browser sign-in, each second. The timer is not
   * a live region (role=timer): screen readers read it when asked, and the status line says once
   * when one minute is left. */
  function startCountdown(timeoutSecs) {
    stopCountdown();
    if (!(timeoutSecs > 0)) {
      $('#signin-countdown').hidden = true;
      return;
    }
    const end = Date.now() + timeoutSecs * 1000;
    let warned = timeoutSecs <= 60;
    const tick = () => {
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      $('#signin-timer').textContent = clock(left);
      if (!warned && left <= 60) {
        warned = true;
        $('#signin-waiting-status').textContent = t('page-signin-last-minute');
      }
      if (left === 0) stopCountdown();
    };
    $('#signin-countdown').hidden = false;
    tick();
    timer = setInterval(tick, 1000);
  }

  function stopCountdown() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  /** Hides the waiting panel and the code's panel; when one held the keyboard focus (its Cancel,
   * "Open the sign-in again", "Use a code instead", Copy), the focus goes to the step's heading,
   * not to the page. The step's own buttons come back. */
  function hideWaiting() {
    const panel = $('#signin-waiting');
    if (panel.contains(document.activeElement) || $('#device').contains(document.activeElement)) {
      $('#signin-heading').setAttribute('tabindex', '-1');
      $('#signin-heading').focus({ preventScroll: true });
    }
    panel.hidden = true;
    $('#device').hidden = true;
    $('#signin-actions').hidden = false;
  }

  /** While the app waits for the browser, the panel holds every choice (Cancel, open again, the
   * link, a code instead), or the code's panel its own: the step's own buttons, which cannot be
   * used meanwhile, are hidden rather than shown twice. The focus goes to the panel when the
   * clicked button had it. */
  function showWaiting(panel = $('#signin-waiting')) {
    // The clicked button is about to hide, or was hidden already (a new sign-in from the panel
    // put the focus on the heading): the focus goes into the panel.
    const from = document.activeElement;
    const hadFocus = $('#signin-actions').contains(from) || from === document.body || from === $('#signin-heading');
    panel.hidden = false;
    $('#signin-actions').hidden = true;
    if (hadFocus) panel.focus({ preventScroll: true });
  }

  /** After the browser signed in to another account, the way forward is "Try again and pick the
   * account" or "Use a private window" next to the finding; a plain "Try again" would most likely
   * sign in the same account again, and the private window would be offered twice. */
  function showWrongAccount(wrongAccount) {
    $('#retry-choices').hidden = !wrongAccount;
    $('#signin-start').hidden = wrongAccount;
    $('#signin-actions .private-choice').hidden = wrongAccount;
    // The one choice of browser goes with the private-window button that is shown.
    (wrongAccount ? $('#retry-private') : $('#signin-private')).after($('#private-browser'));
  }

  function reset() {
    stopCountdown();
    list().replaceChildren();
    $('#signin-findings').replaceChildren();
    $('#signin-waiting-finding').replaceChildren();
    $('#signin-waiting-status').textContent = '';
    showWrongAccount(false);
    $('#confirm').hidden = true;
    hideWaiting();
  }

  function onEvent(ev) {
    if (ev.event === 'waitingForBrowser') {
      // The core decides: the link (always), why no browser opened (its finding), and whether the
      // code is offered as the other way.
      $('#start-url').textContent = ev.startUrl;
      showFindings($('#signin-waiting-finding'), ev.finding ? [ev.finding] : []);
      $('#signin-use-code-line').hidden = !ev.deviceCode;
      // The address to copy is folded away while a browser window opened, and shown when none did.
      $('#start-link').open = ev.opened === false;
      showWaiting();
      startCountdown(ev.timeoutSecs);
      // Filled once shown, so that screen readers announce it.
      setTimeout(() => { $('#signin-waiting-status').textContent = t('page-signin-waiting'); }, 50);
      document.body.dataset.waiting = ev.private ? 'private' : 'browser';
      document.body.dataset.browserOpened = ev.opened === false ? 'no' : 'yes';
      if (ev.opened === false) $('#copy-start-url').focus();
    }
    if (ev.event === 'deviceCode') {
      $('#device-url').textContent = ev.prompt.verificationUri;
      $('#device-code').textContent = ev.prompt.userCode;
      showWaiting($('#device'));
      document.body.dataset.device = 'shown';
    }
    if (ev.event === 'stepPassed' && (ev.step === 'browser_sign_in' || ev.step === 'device_sign_in')) {
      stopCountdown();
      hideWaiting();
    }
    applyProgress(list(), ev);
  }

  /** Shows what a sign-in outcome asks for next. */
  function handle(outcome) {
    stopCountdown();
    hideWaiting();
    const { findings } = outcome;
    showFindings($('#signin-findings'), findings);
    if (outcome.confirm) {
      $('#confirm-question').textContent = outcome.confirm.question;
      $('#confirm').hidden = false;
      document.body.dataset.signin = 'confirm';
      $('#confirm-yes').focus();
      return;
    }
    document.body.dataset.signin = outcome.passed ? 'passed' : (findings[0] ? findings[0].code : 'failed');
    if (outcome.passed) {
      afterSignIn(outcome.account);
      return;
    }
    showWrongAccount(findings.some((f) => WRONG_ACCOUNT.has(f.code)));
    $('#signin-start').textContent = t('page-common-try-again');
  }

  const BUTTONS = ['#signin-start', '#signin-private', '#signin-device', '#retry-pick', '#retry-private', '#signin-back', '#signin-use-password'];

  /** Sets up the browser sign-in for `oauthName` ("Microsoft" or "Google"): the words, and the
   * device code, which only Microsoft offers. */
  function prepareOAuth(oauthName, deviceCode) {
    reset();
    for (const n of document.querySelectorAll('#signin-oauth .oauth-name')) n.textContent = oauthName;
    $('#signin-start').textContent = t('page-signin-with', { provider: oauthName });
    $('#signin-device').hidden = !deviceCode;
  }

  /** Runs a sign-in with `request` ({private, browser, pickAccount, deviceCode}). */
  async function signIn(request, button) {
    reset();
    last = { request, button };
    running = true;
    for (const b of BUTTONS) $(b).disabled = true;
    busy(button, true);
    document.body.dataset.signin = 'running';
    let then = null;
    try {
      const outcome = await api.signIn(wizard.address, { ...request, signInAs: wizard.signInAs }, onEvent);
      // Ended for the switch to another sign-in (unless it finished first: then that result counts).
      then = next && !outcome.passed && !outcome.confirm ? next : null;
      if (!then) handle(outcome);
      if (request.deviceCode && !outcome.passed && !then) await refreshCodeOffer();
    } catch (f) {
      then = next;
      hideWaiting();
      if (!then) {
        showFindings($('#signin-findings'), [f]);
        document.body.dataset.signin = f.code;
      }
    } finally {
      next = null;
      running = false;
      stopCountdown();
      for (const b of BUTTONS) $(b).disabled = false;
      busy(button, false);
    }
    if (then) await signIn(then.request, then.button);
  }

  /** After a sign-in with a code failed, asks the core again whether it still offers the code
   * (not after the organisation refused it). */
  async function refreshCodeOffer() {
    try {
      wizard.choices = await api.signInChoices(wizard.address);
      $('#signin-device').hidden = !wizard.choices.deviceCode;
    } catch {
      // The choices could not be read again: the page keeps what it shows.
    }
  }

  /** Ends the waiting browser sign-in, then starts `then` ({request, button}) once it has ended. */
  async function switchTo(then, button) {
    if (!running) {
      // Nothing runs (it ended meanwhile): start at once; nothing is left queued.
      await signIn(then.request, then.button);
      return;
    }
    next = then;
    button.disabled = true;
    try {
      await api.cancelSignIn();
    } catch {
      // Nothing was waiting any more: the sign-in has ended by itself; the next starts all the same.
    } finally {
      button.disabled = false;
    }
  }

  /** "Use a code instead" while the browser sign-in waits: end it, then sign in with a code. */
  const useCodeInstead = () => switchTo({ request: { deviceCode: true }, button: $('#signin-device') }, $('#signin-use-code'));

  /** "Open the sign-in again": the link opens the sign-in page once, so a new sign-in, started
   * the way the waiting one was, is the only way to open it again. */
  const restart = () => switchTo(last || { request: {}, button: $('#signin-start') }, $('#signin-restart'));

  function privateRequest(extra = {}) {
    const browser = $('#private-browser').value || null;
    return { private: true, browser, ...extra };
  }

  async function answer(accept) {
    const button = accept ? $('#confirm-yes') : $('#confirm-no');
    busy(button, true);
    try {
      const outcome = await api.confirmSignIn(wizard.address, accept, (ev) => applyProgress(list(), ev));
      $('#confirm').hidden = true;
      handle(outcome);
    } catch (f) {
      showFindings($('#signin-findings'), [f]);
    } finally {
      busy(button, false);
    }
  }

  /** Fills the private-window browser choice. */
  async function loadBrowsers() {
    const browsers = await api.listBrowsers().catch(() => []);
    const select = $('#private-browser');
    select.replaceChildren(...browsers.map((b) => el('option', { value: b.kind, text: b.isDefault ? t('page-signin-browser-default', { browser: b.name }) : b.name })));
    select.hidden = browsers.length < 2;
  }

  function wireSignIn() {
    $('#signin-start').addEventListener('click', (e) => signIn({}, e.currentTarget));
    $('#signin-private').addEventListener('click', (e) => signIn(privateRequest(), e.currentTarget));
    $('#signin-device').addEventListener('click', (e) => signIn({ deviceCode: true }, e.currentTarget));
    $('#retry-pick').addEventListener('click', (e) => signIn({ pickAccount: true }, e.currentTarget));
    $('#retry-private').addEventListener('click', (e) => signIn(privateRequest(), e.currentTarget));
    $('#confirm-yes').addEventListener('click', () => answer(true));
    $('#confirm-no').addEventListener('click', () => answer(false));
    $('#signin-cancel').addEventListener('click', () => api.cancelSignIn().catch(() => {}));
    $('#signin-use-code').addEventListener('click', useCodeInstead);
    $('#signin-restart').addEventListener('click', restart);
    $('#device-cancel').addEventListener('click', () => api.cancelSignIn().catch(() => {}));
    $('#signin-back').addEventListener('click', () => show('check'));
    $('#copy-start-url').addEventListener('click', (e) => copy(e.currentTarget, $('#start-url').textContent));
    $('#copy-device-url').addEventListener('click', (e) => copy(e.currentTarget, $('#device-url').textContent));
    $('#copy-device-code').addEventListener('click', (e) => copy(e.currentTarget, $('#device-code').textContent));
  }

  ui.signin = Object.freeze({ prepareOAuth, loadBrowsers, wireSignIn });
})(window.MailSetup ??= {});
