// The only place that talks to the app's core: every command goes through `call`.
// Errors arrive as findings ({code, audience, title, explanation, steps, evidence?, docUrl?});
// the page switches on `code` only, never on text.

/** Finding codes the page treats specially (mirrors core's FindingCode). */
export const Codes = Object.freeze({
  SIGNED_IN_AS_DIFFERENT_ACCOUNT: 'SIGNED_IN_AS_DIFFERENT_ACCOUNT',
  SIGNED_IN_AS_ADMIN: 'SIGNED_IN_AS_ADMIN',
  PERSONAL_ACCOUNT_NOT_ALLOWED: 'PERSONAL_ACCOUNT_NOT_ALLOWED',
  SERVER_SETTINGS_NEEDED: 'SERVER_SETTINGS_NEEDED',
  INTERNAL: 'INTERNAL',
});

function core() {
  const c = window.__TAURI__ && window.__TAURI__.core;
  if (!c) throw asFinding('The app window is not connected to the app.');
  return c;
}

/** Anything thrown by invoke becomes a finding. */
function asFinding(err) {
  if (err && typeof err === 'object' && err.code && err.title) return err;
  return {
    code: Codes.INTERNAL,
    audience: 'helpdesk',
    title: 'Something unexpected went wrong in the app',
    explanation: 'The app ran into an error it did not expect. No sign-in details were lost.',
    steps: ['Try again.', 'If it repeats, send the report to the app\'s maintainers.'],
    evidence: typeof err === 'string' ? err : undefined,
  };
}

async function call(command, args) {
  try {
    return await core().invoke(command, args);
  } catch (err) {
    throw asFinding(err);
  }
}

/** A progress channel that hands each event ({event, step, label, ms, detail?, finding?}) to `onEvent`. */
function channel(onEvent) {
  const ch = new (core().Channel)();
  ch.onmessage = onEvent;
  return ch;
}

export const api = {
  appInfo: () => call('app_info'),
  parseAddress: (address) => call('parse_address', { address }),
  checkConnection: (address, onEvent) => call('check_connection', { address, onEvent: channel(onEvent) }),
  /** request: {private, browser, pickAccount, signInAs, deviceCode} */
  signIn: (address, request, onEvent) => call('sign_in', { address, request, onEvent: channel(onEvent) }),
  confirmSignIn: (address, accept, onEvent) => call('confirm_sign_in', { address, accept, onEvent: channel(onEvent) }),
  listBrowsers: () => call('list_browsers'),
  provisioning: () => call('provisioning'),
  /** registrationName: 'google' for the Google OAuth client; absent for the Microsoft registration. */
  setClientSecret: (secret, registrationName) => call('set_client_secret', registrationName ? { secret, registrationName } : { secret }),
  removeClientSecret: (registrationName) => call('remove_client_secret', registrationName ? { registrationName } : undefined),
  /** What the sign-in step offers for the mailbox (SignInChoices). */
  signInChoices: (address) => call('sign_in_choices', { address }),
  /** Checks the password on the mailbox's server and stores it only if accepted. Passed on exactly as typed. */
  signInPassword: (address, password, onEvent) => call('sign_in_password', { address, password, onEvent: channel(onEvent) }),
  /** Typed-in servers ("host:port" each; username null when it is the address) → SignInChoices. */
  setServers: (address, imap, smtp, username) => call('set_servers', { address, imap, smtp, username }),
  cancelSignIn: () => call('cancel_sign_in'),
  verify: (address, sendTest, onEvent) => call('verify', { address, sendTest, onEvent: channel(onEvent) }),
  listAccounts: () => call('list_accounts'),
  forgetAccount: (address) => call('forget_account', { address }),
  // Helpdesk
  /** The findings in a pasted error text (never fails for bad text). */
  explain: (text) => call('explain', { text }),
  /** Connection check, then verification with a test message: two outcomes, one progress stream. */
  fullCheck: (address, onEvent) => call('full_check', { address, onEvent: channel(onEvent) }),
  /** This session's latest results for the mailbox: {text, passed, saveDir}. */
  report: (address) => call('report', { address }),
  /** format: 'html' | 'json' | 'txt'; returns the saved file's full path. */
  saveReport: (address, format) => call('save_report', { address, format }),
};

/** The wrong-account findings after which the page offers the account picker and a private window. */
export const WRONG_ACCOUNT = new Set([Codes.SIGNED_IN_AS_DIFFERENT_ACCOUNT, Codes.SIGNED_IN_AS_ADMIN, Codes.PERSONAL_ACCOUNT_NOT_ALLOWED]);
