// Shared wizard state and navigation for the page's scripts.
((ui) => {
  'use strict';

  const $ = (sel) => document.querySelector(sel);
  const { t } = ui.l10n;

  /** The wizard's whole state: every field, with its initial value. Sealed, so that a field not
   * declared here cannot be added (assigning one throws: the page's scripts are strict code).
   * - `address`: the mailbox being set up (display form, from the core);
   * - `delegate`: the own account typed for a shared mailbox;
   * - `signInAs`: the account the browser sign-in is for (the delegate, Microsoft 365 only);
   * - `choicesReady`: the sign-in choices call started when the check passed ({choices} or {finding});
   * - `choices`: the sign-in choices (SignInChoices) for the address;
   * - `serversTyped`: whether the person typed in the server settings;
   * - `account`: the account the sign-in stored;
   * - `lastVerify`: the latest verification outcome (for the Done page);
   * - `previous`: the wizard step the admin and helpdesk pages go back to. */
  const wizard = Object.seal({
    address: null,
    delegate: null,
    signInAs: null,
    choicesReady: null,
    choices: null,
    serversTyped: false,
    account: null,
    lastVerify: null,
    previous: 'address',
  });

  /** Pages outside the wizard's steps (opened from the footer); "Back" returns to `wizard.previous`. */
  const ASIDE = new Set(['admin', 'helpdesk']);

  /** Shows one step (section), from its top, and marks the stepper: the current step also for
   * screen readers (aria-current="step"; none on the admin and helpdesk pages). The focus moves
   * to the step's heading, so that the keyboard and screen readers start there. */
  function show(step) {
    for (const s of document.querySelectorAll('section.step')) s.hidden = s.dataset.step !== step;
    let reached = true;
    for (const li of document.querySelectorAll('.stepper li')) {
      const current = li.dataset.for === step;
      li.classList.toggle('current', current);
      if (current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
      li.classList.toggle('reached', reached && !ASIDE.has(step));
      if (current) reached = false;
    }
    if (!ASIDE.has(step)) wizard.previous = step;
    document.body.dataset.step = step;
    window.scrollTo(0, 0);
    const heading = document.querySelector(`section[data-step="${step}"] h2`);
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }

  function busy(button, on) {
    button.disabled = on;
    button.classList.toggle('busy', on);
  }

  /** Copies text for a "Copy" button and says so on the button (then shows its own label again).
   * A button named for screen readers (`aria-label`) says the same words while they show, so its
   * name always holds its visible text (WCAG 2.5.3, "label in name"). */
  async function copy(button, text) {
    const label = button.dataset.label || (button.dataset.label = button.textContent);
    const named = button.dataset.name || (button.dataset.name = button.getAttribute('aria-label') || '');
    const say = (words) => {
      button.textContent = words;
      if (named) button.setAttribute('aria-label', words === label ? named : words);
    };
    try {
      await navigator.clipboard.writeText(text);
      say(t('page-common-copied'));
    } catch {
      say(t('page-common-select-and-copy'));
    }
    setTimeout(() => say(label), 2000);
  }

  /** After a sign-in (browser or password) stored the account: on to the Check mail step. */
  function afterSignIn(account) {
    wizard.account = account;
    $('#verify-progress').replaceChildren();
    $('#verify-findings').replaceChildren();
    $('#verify-next').hidden = true;
    $('#verify-start').hidden = false;
    $('#verify-start').textContent = t('page-verify-run');
    show('verify');
  }

  ui.wizard = Object.freeze({ $, wizard, show, busy, copy, afterSignIn });
})(window.MailSetup ??= {});
