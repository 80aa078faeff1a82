// The wizard: Address → Connection check → Sign in → Check mail → Done.
// Each step calls one command through api.js and renders what comes back.

import { api, Codes } from './api.js';
import { applyProgress, el, findingCard, outcomeFindings, showFindings } from './render.js';

const $ = (sel) => document.querySelector(sel);
const wizard = { address: null, info: null, lastVerify: null };

function show(step) {
  for (const s of document.querySelectorAll('section.step')) s.hidden = s.dataset.step !== step;
  let reached = true;
  for (const li of document.querySelectorAll('.stepper li')) {
    li.classList.toggle('current', li.dataset.for === step);
    li.classList.toggle('reached', reached);
    if (li.dataset.for === step) reached = false;
  }
  document.body.dataset.step = step;
  const heading = document.querySelector(`section[data-step="${step}"] h2`);
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function setAddress(info) {
  wizard.address = info.display;
  wizard.info = info;
  for (const n of document.querySelectorAll('.addr')) n.textContent = info.display;
  $('#provider').textContent = info.provider;
}

function busy(button, on) {
  button.disabled = on;
  button.classList.toggle('busy', on);
}

// ---------------------------------------------------------------- start

async function start() {
  try {
    const info = await api.appInfo();
    $('#version').textContent = `Version ${info.version}`;
    if (info.settingsFile) $('#settings-file').textContent = `· settings: ${info.settingsFile}`;
    const problems = [info.settingsProblem, info.vaultProblem].filter(Boolean);
    if (problems.length) {
      $('#banner').replaceChildren(...problems.map(findingCard));
      $('#banner').hidden = false;
    }
  } catch (f) {
    $('#banner').replaceChildren(findingCard(f));
    $('#banner').hidden = false;
  }
  await refreshAccounts();
  show('address');
}

async function refreshAccounts() {
  let accounts = [];
  try {
    accounts = await api.listAccounts();
  } catch {
    accounts = [];
  }
  const list = $('#accounts-list');
  list.replaceChildren(...accounts.map((a) => {
    const status = a.inVault ? (a.lastCheckPassed === false ? 'last check failed' : 'signed in') : 'sign-in missing';
    const li = el('li', { 'data-mailbox': a.mailbox }, el('span', { text: a.address }), el('span', { class: 'quiet', text: ` — ${status}` }));
    return li;
  }));
  $('#accounts').hidden = accounts.length === 0;
}

// ---------------------------------------------------------------- 1. address

$('#address-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = $('#address-next');
  busy(button, true);
  $('#address-error').replaceChildren();
  try {
    setAddress(await api.parseAddress($('#address').value));
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

async function runCheck() {
  const list = $('#check-progress');
  list.replaceChildren();
  $('#check-findings').replaceChildren();
  $('#check-next').disabled = true;
  $('#check-retry').hidden = true;
  try {
    const outcome = await api.checkConnection(wizard.address, (ev) => applyProgress(list, ev));
    showFindings($('#check-findings'), outcomeFindings(outcome));
    $('#check-next').disabled = !outcome.passed;
    $('#check-retry').hidden = outcome.passed;
    document.body.dataset.check = outcome.passed ? 'passed' : 'failed';
  } catch (f) {
    showFindings($('#check-findings'), [f]);
    $('#check-retry').hidden = false;
    document.body.dataset.check = 'failed';
  }
}

$('#check-back').addEventListener('click', () => show('address'));
$('#check-retry').addEventListener('click', runCheck);
$('#check-next').addEventListener('click', () => {
  $('#signin-progress').replaceChildren();
  $('#signin-findings').replaceChildren();
  show('signin');
});

// ---------------------------------------------------------------- 3. sign in

$('#signin-start').addEventListener('click', async () => {
  const button = $('#signin-start');
  const list = $('#signin-progress');
  busy(button, true);
  list.replaceChildren();
  $('#signin-findings').replaceChildren();
  try {
    const outcome = await api.signIn(wizard.address, (ev) => {
      if (ev.event === 'waitingForBrowser') $('#signin-waiting').hidden = false;
      if (ev.event === 'stepPassed' && ev.step === 'browser_sign_in') $('#signin-waiting').hidden = true;
      applyProgress(list, ev);
    });
    const findings = outcomeFindings(outcome);
    showFindings($('#signin-findings'), findings);
    document.body.dataset.signin = outcome.passed ? 'passed' : (findings[0] ? findings[0].code : 'failed');
    if (outcome.passed) {
      wizard.account = outcome.account;
      $('#verify-progress').replaceChildren();
      $('#verify-findings').replaceChildren();
      $('#verify-next').hidden = true;
      $('#verify-start').hidden = false;
      show('verify');
    } else {
      button.textContent = findings.some((f) => f.code === Codes.SIGNED_IN_AS_DIFFERENT_ACCOUNT)
        ? 'Try again with the right account' : 'Try again';
    }
  } catch (f) {
    showFindings($('#signin-findings'), [f]);
    document.body.dataset.signin = f.code;
  } finally {
    $('#signin-waiting').hidden = true;
    busy(button, false);
  }
});

$('#signin-cancel').addEventListener('click', () => api.cancelSignIn().catch(() => {}));
$('#signin-back').addEventListener('click', () => show('check'));

// ---------------------------------------------------------------- 4. verify

$('#verify-start').addEventListener('click', async () => {
  const button = $('#verify-start');
  const list = $('#verify-progress');
  busy(button, true);
  list.replaceChildren();
  $('#verify-findings').replaceChildren();
  try {
    const outcome = await api.verify(wizard.address, $('#send-test').checked, (ev) => applyProgress(list, ev));
    wizard.lastVerify = outcome;
    showFindings($('#verify-findings'), outcomeFindings(outcome));
    document.body.dataset.verify = outcome.passed ? 'passed' : 'failed';
    if (outcome.passed) {
      button.hidden = true;
      $('#verify-next').hidden = false;
      $('#verify-next').focus();
    } else {
      button.textContent = 'Try again';
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
  $('#done-summary').textContent = who
    ? `Signed in as ${who}. The sign-in is kept in this computer's password vault, and sending and receiving work.`
    : 'The sign-in is kept in this computer\'s password vault, and sending and receiving work.';
  const steps = (wizard.lastVerify ? wizard.lastVerify.steps : []).map((s) =>
    el('li', { class: s.status }, el('span', { text: labelOf(s) }), el('span', { class: 'detail', text: s.detail ? ` — ${s.detail}` : '' })));
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
    msg.replaceChildren(el('p', { text: removed
      ? `${wizard.address} and its saved sign-in were removed from this computer.`
      : `${wizard.address} was not set up on this computer.` }));
    document.body.dataset.forgot = String(removed);
    button.disabled = true;
  } catch (f) {
    msg.replaceChildren(findingCard(f));
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

start();
