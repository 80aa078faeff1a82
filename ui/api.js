// The only place that talks to the app's core: every command goes through `call`.
// Errors arrive as findings ({code, audience, title, explanation, steps, evidence?, docUrl?});
// the page switches on `code` only, never on text, and writes no word of a finding itself.
((ui) => {
  'use strict';

  /** Finding codes the page treats specially (mirrors core's FindingCode). */
  const Codes = Object.freeze({
    SIGNED_IN_AS_DIFFERENT_ACCOUNT: 'SIGNED_IN_AS_DIFFERENT_ACCOUNT',
    SIGNED_IN_AS_ADMIN: 'SIGNED_IN_AS_ADMIN',
    PERSONAL_ACCOUNT_NOT_ALLOWED: 'PERSONAL_ACCOUNT_NOT_ALLOWED',
    SERVER_SETTINGS_NEEDED: 'SERVER_SETTINGS_NEEDED',
    INTERNAL: 'INTERNAL',
  });

  /** Tauri's IPC (absent when the page runs outside the app: then every call fails). */
  const ipc = () => window.__TAURI__.core;

  const isFinding = (err) => Boolean(err && typeof err === 'object' && err.code && err.title);

  /** The error's own text, for the log. */
  function detailOf(err) {
    if (typeof err === 'string') return err;
    if (err instanceof Error) return err.message;
    return JSON.stringify(err);
  }

  /** Anything thrown by invoke becomes a finding: the command's own, else (the call failed before
   * it reached a command) the core's INTERNAL finding, which also puts the error in the app's log.
   * Only when the core cannot be reached at all: the code and the error, no words of the page's. */
  async function asFinding(err) {
    if (isFinding(err)) return err;
    const detail = detailOf(err);
    try {
      return await ipc().invoke('internal_finding', { detail });
    } catch {
      return { code: Codes.INTERNAL, audience: 'helpdesk', evidence: detail };
    }
  }

  /** Calls `command`; `onEvent` (when given) gets each progress event ({event, step, label, ms,
   * detail?, finding?}) over a channel passed as the `onEvent` argument. */
  async function call(command, args, onEvent) {
    try {
      const withChannel = onEvent ? { ...args, onEvent: channel(onEvent) } : args;
      return await ipc().invoke(command, withChannel);
    } catch (err) {
      throw await asFinding(err);
    }
  }

  function channel(onEvent) {
    const ch = new (ipc().Channel)();
    ch.onmessage = onEvent;
    return ch;
  }

  const api = {
    appInfo: () => call('app_info'),
    parseAddress: (address) => call('parse_address', { address }),
    /** The connection check → an outcome (OutcomeView: the outcome with `findings` and `actionLabel`). */
    checkConnection: (address, onEvent) => call('check_connection', { address }, onEvent),
    /** request: {private, browser, pickAccount, signInAs, deviceCode} */
    signIn: (address, request, onEvent) => call('sign_in', { address, request }, onEvent),
    confirmSignIn: (address, accept, onEvent) => call('confirm_sign_in', { address, accept }, onEvent),
    listBrowsers: () => call('list_browsers'),
    provisioning: () => call('provisioning'),
    /** registrationName: 'google' for the Google OAuth client; absent for the Microsoft registration. */
    setClientSecret: (secret, registrationName) => call('set_client_secret', registrationName ? { secret, registrationName } : { secret }),
    removeClientSecret: (registrationName) => call('remove_client_secret', registrationName ? { registrationName } : undefined),
    /** The registration check as the administrator `admin` (or picked in the browser) → RegistrationReport
     * ({passed, summary, clientId, tenantId?, signedIn?, items: [{id, label, status, detail, finding?}], finding?, steps}). */
    checkRegistration: (admin, onEvent) => call('check_registration', { admin: admin || null }, onEvent),
    /** After a check that passed: the deployment files for staff, with the values it checked, in a new
     * folder under Documents → {folder, files: [{format, name, path, purpose}], values: [{key, label, value}]}. */
    saveFilesForStaff: () => call('save_files_for_staff'),
    /** What the sign-in step offers for the mailbox (SignInChoices). */
    signInChoices: (address) => call('sign_in_choices', { address }),
    /** Checks the password on the mailbox's server and stores it only if accepted. Passed on exactly as typed. */
    signInPassword: (address, password, onEvent) => call('sign_in_password', { address, password }, onEvent),
    /** Typed-in servers ("host:port" each; username null when it is the address) → SignInChoices. */
    setServers: (address, imap, smtp, username) => call('set_servers', { address, imap, smtp, username }),
    cancelSignIn: () => call('cancel_sign_in'),
    verify: (address, sendTest, onEvent) => call('verify', { address, sendTest }, onEvent),
    listAccounts: () => call('list_accounts'),
    forgetAccount: (address) => call('forget_account', { address }),
    // Helpdesk
    /** The findings in a pasted error text (never fails for bad text). */
    explain: (text) => call('explain', { text }),
    scheduleRenewal: (on) => call('schedule_renewal', { on }),
    relayStatus: () => call('relay_status'),
    relaySwitch: (on) => call('relay_switch', { on }),
    relayAdd: (address, program) => call('relay_add', { address, program }),
    relayRemove: (address, program) => call('relay_remove', { address, program }),
    /** Connection check, then verification with a test message: two outcomes, one progress stream. */
    fullCheck: (address, onEvent) => call('full_check', { address }, onEvent),
    /** This session's latest results for the mailbox: {text, passed, saveDir}. */
    report: (address) => call('report', { address }),
    /** format: 'html' | 'json' | 'txt'; returns the saved file's full path. */
    saveReport: (address, format) => call('save_report', { address, format }),
  };

  /** The wrong-account findings after which the page offers the account picker and a private window. */
  const WRONG_ACCOUNT = new Set([Codes.SIGNED_IN_AS_DIFFERENT_ACCOUNT, Codes.SIGNED_IN_AS_ADMIN, Codes.PERSONAL_ACCOUNT_NOT_ALLOWED]);

  ui.api = Object.freeze({ Codes, api, WRONG_ACCOUNT });
})(window.MailSetup ??= {});
