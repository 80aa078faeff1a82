// The accessibility check the UI tests run at every screenshot (harness.mjs `shot` →
// `assertAccessible`: axe-core's WCAG 2.0/2.1 A and AA rules; the desktop tests run the same rules
// in the real app window, lib/desktop.mjs). Here: it can fail, and which rules it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AXE_TAGS, appInfo, assertAccessible, launch, openPage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the check fails on a known violation and names it', async () => {
  const page = await openPage(browser, { app_info: [appInfo()] });
  await page.waitForSelector('body[data-loaded="true"]');
  await assertAccessible(page, 'the address step as shipped');
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'nameless';
    b.innerHTML = '<svg width="10" height="10"></svg>';
    document.querySelector('main').append(b);
  });
  await assert.rejects(assertAccessible(page, 'with a nameless button'), /button-name \(critical\).*#nameless/s);
});

test('the rules run are every WCAG 2.0/2.1 A and AA rule of axe-core', async () => {
  const page = await openPage(browser, { app_info: [appInfo()] });
  await page.waitForSelector('body[data-loaded="true"]');
  await assertAccessible(page, 'address');
  const rules = await page.evaluate((tags) => window.axe.getRules(tags).map((r) => r.ruleId), AXE_TAGS);
  for (const id of ['color-contrast', 'label', 'button-name', 'aria-allowed-attr', 'scrollable-region-focusable', 'label-content-name-mismatch']) {
    assert.ok(rules.includes(id), `${id} is run`);
  }
  console.log(`axe-core ${await page.evaluate(() => window.axe.version)}: ${rules.length} WCAG 2.0/2.1 A/AA rules`);
});
