// UI tests of "Save files for staff" on the administrator page (issue 12 item 6): the button works
// only after a registration check that passed; the success message names the folder (with a copy
// button), each file and what it is for, and the values filled in — all the core's data; a folder
// that cannot be written shows the core's finding. Mocked IPC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appInfo, finding, launch, openPage, shot, stubClipboard } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '5f0a7c4e-1b2d-4c3e-9f10-1234567890ab';
const prov = { settingsFile: null, cloud: 'global', authority: 'https://login.microsoftonline.com', tenant: 'organizations', clientId: CLIENT_ID, clientType: 'public', redirect: 'http://localhost', clientSecretStored: false, smtp: 'smtp.office365.com:587', imap: 'outlook.office365.com:993', settings: [] };
const item = (id, label, status, detail, f) => ({ id, label, status, detail, ...(f ? { finding: f } : {}) });
const passed = {
  passed: true, summary: 'The app registration is ready: every item passed.', clientId: CLIENT_ID, tenantId: TENANT_ID, signedIn: 'admin@contoso.com',
  items: [item('registration', 'The app exists in your organisation', 'passed', 'Found.'), item('consent', 'An administrator consented to them', 'passed', 'Consented.')],
  steps: [],
};
const failed = {
  ...passed, passed: false, summary: '1 of 2 items need attention.',
  items: [passed.items[0], item('consent', 'An administrator consented to them', 'failed', 'No consent', finding('REGISTRATION_CONSENT_MISSING', 'No consent', { audience: 'admin' }))],
};
const FOLDER = '/home/admin/Documents/Mail Setup deployment files 2026-05-12';
/** The core's StaffFiles, as `save_files_for_staff` returns it. */
const saved = {
  folder: FOLDER,
  files: [
    { format: 'admx', name: 'mailsetup.admx', path: `${FOLDER}/mailsetup.admx`, purpose: 'Windows (Group Policy or Intune): the policy template.' },
    { format: 'adml', name: 'en-US/mailsetup.adml', path: `${FOLDER}/en-US/mailsetup.adml`, purpose: "Windows: the template's English words." },
    { format: 'mobileconfig', name: 'mailsetup.mobileconfig', path: `${FOLDER}/mailsetup.mobileconfig`, purpose: 'Mac: a configuration profile with the settings.' },
    { format: 'toml', name: 'settings.toml', path: `${FOLDER}/settings.toml`, purpose: 'Linux (or any single computer): the settings file. Copy it to /etc/mailsetup/settings.toml.' },
  ],
  values: [
    { key: 'microsoft.tenant', label: 'Tenant', value: TENANT_ID },
    { key: 'microsoft.client_id', label: 'Application (client) ID', value: CLIENT_ID },
  ],
};
const notSaved = finding('DEPLOYMENT_FILES_NOT_SAVED', 'The deployment files could not be saved', {
  audience: 'admin',
  explanation: `The app could not save the deployment files: ${FOLDER} could not be written: you may not write there`,
});

const script = (extra) => ({ app_info: [appInfo()], list_accounts: [{ result: [] }], provisioning: [{ result: prov }], ...extra });

async function toAdmin(page) {
  await page.click('#open-admin');
  await page.waitForSelector('#step-admin:not([hidden])');
}

/** The visible reason next to the button. */
const why = (page) => page.$eval('#staff-why', (p) => [...p.querySelectorAll('[data-for]')].filter((s) => !s.hidden).map((s) => s.textContent).join('|'));

test('the files for staff can be saved only after a check that passed, and the message names each file', async () => {
  const page = await openPage(browser, script({
    check_registration: [{ result: failed }, { result: passed }],
    save_files_for_staff: [{ result: saved }],
  }));
  await stubClipboard(page);
  await toAdmin(page);
  // Before any check: off, and the page says why.
  assert.equal(await page.isDisabled('#staff-save'), true);
  assert.match(await why(page), /Run the check above first/);
  assert.equal(await page.getAttribute('#staff-save', 'aria-describedby'), 'staff-help staff-why');
  // A check that did not pass: still off.
  await page.click('#regcheck-start');
  await page.waitForSelector('body[data-regcheck="failed"]');
  assert.equal(await page.isDisabled('#staff-save'), true);
  assert.match(await why(page), /the check did not pass/);
  // A check that passed: on.
  await page.click('#regcheck-start');
  await page.waitForSelector('body[data-regcheck="passed"]');
  assert.equal(await page.isDisabled('#staff-save'), false);
  assert.match(await why(page), /every item passed/);
  assert.equal(await page.isHidden('#staff-saved'), true);

  await page.click('#staff-save');
  await page.waitForSelector('#staff-saved:not([hidden])');
  assert.equal(await page.getAttribute('#staff-saved', 'role'), 'status');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'staff-saved', 'focus moves to the message');
  assert.equal(await page.textContent('#staff-folder'), FOLDER);
  const files = await page.$$eval('#staff-list dt', (dts) => dts.map((d) => [d.textContent, d.nextElementSibling.textContent]));
  assert.deepEqual(files, saved.files.map((f) => [f.name, f.purpose]));
  const values = await page.$$eval('#staff-values dt', (dts) => dts.map((d) => [d.textContent, d.nextElementSibling.textContent]));
  assert.deepEqual(values, [['Tenant', TENANT_ID], ['Application (client) ID', CLIENT_ID]]);
  assert.equal(await page.getAttribute('#staff-copy', 'aria-label'), "Copy the folder's location");
  await page.click('#staff-copy');
  assert.equal(await page.evaluate(() => window.__copied), FOLDER);
  assert.equal(await page.isDisabled('#staff-save'), false, 'can be saved again');
  await shot(page, '16c-admin-files-for-staff');
  const calls = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'save_files_for_staff'));
  assert.equal(calls.length, 1);
  assert.deepEqual(page.errors, []);
});

test('a folder that cannot be written shows the finding, and a new check turns the button off', async () => {
  const page = await openPage(browser, script({
    check_registration: [{ result: passed }, { result: failed }],
    save_files_for_staff: [{ error: notSaved }],
  }));
  await toAdmin(page);
  await page.click('#regcheck-start');
  await page.waitForSelector('body[data-regcheck="passed"]');
  await page.click('#staff-save');
  await page.waitForSelector('#staff-findings .finding[data-code="DEPLOYMENT_FILES_NOT_SAVED"]');
  assert.match(await page.textContent('#staff-findings .finding'), /you may not write there/);
  assert.equal(await page.isHidden('#staff-saved'), true);
  assert.equal(await page.isDisabled('#staff-save'), false, 'the administrator may try again');
  // The next check did not pass: the button is off again and the old message is gone.
  await page.click('#regcheck-start');
  await page.waitForSelector('body[data-regcheck="failed"]');
  assert.equal(await page.isDisabled('#staff-save'), true);
  assert.equal(await page.$$eval('#staff-findings .finding', (l) => l.length), 0);
  assert.deepEqual(page.errors, []);
});
