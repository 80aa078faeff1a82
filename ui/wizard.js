// Shared wizard state and navigation for the page's modules.

export const $ = (sel) => document.querySelector(sel);

/** What the person has chosen so far. */
export const wizard = { address: null, info: null, signInAs: null, account: null, lastVerify: null, previous: 'address' };

/** Shows one step (section) and marks the stepper. */
export function show(step) {
  for (const s of document.querySelectorAll('section.step')) s.hidden = s.dataset.step !== step;
  let reached = true;
  for (const li of document.querySelectorAll('.stepper li')) {
    li.classList.toggle('current', li.dataset.for === step);
    li.classList.toggle('reached', reached && step !== 'admin');
    if (li.dataset.for === step) reached = false;
  }
  if (step !== 'admin') wizard.previous = step;
  document.body.dataset.step = step;
  const heading = document.querySelector(`section[data-step="${step}"] h2`);
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

export function busy(button, on) {
  button.disabled = on;
  button.classList.toggle('busy', on);
}

/** Copies text for a "Copy" button and says so on the button. */
export async function copy(button, text) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Select and copy';
  }
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
}
