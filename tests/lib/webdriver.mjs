// A minimal W3C WebDriver client over fetch (Node 20), enough to drive the real app window
// through tauri-driver + WebKitWebDriver. No npm dependencies.

const ELEMENT = 'element-6066-11e4-a6c6-4cf5f8c4b5d6';

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async cmd(method, path, body) {
    const url = `${this.base}${this.session ? `/session/${this.session}` : ''}${path}`;
    const res = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value || json).slice(0, 500)}`);
    return json.value;
  }

  async start(capabilities) {
    const value = await this.cmd('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    this.session = value.sessionId;
    return value;
  }

  async quit() {
    if (!this.session) return;
    await this.cmd('DELETE', '').catch(() => {});
    this.session = null;
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    const id = v && (v[ELEMENT] || v.ELEMENT || Object.values(v)[0]);
    if (!id) throw new Error(`no element for ${css}: ${JSON.stringify(v)}`);
    return id;
  }

  /** Clicks like a person; an element still moving into place is scrolled to and retried. */
  async click(css) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.cmd('POST', `/element/${await this.find(css)}/click`, {});
        return;
      } catch (e) {
        if (attempt >= 5 || !/not interactable|no such element|stale/.test(e.message)) throw e;
        await this.exec(`const e = document.querySelector(${JSON.stringify(css)}); if (e) e.scrollIntoView({block: 'center'});`).catch(() => {});
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  /**
   * Clicks `css` until `script` (returning truthy) confirms the click took effect: the page may
   * still be laying out when the click lands (WebKitWebDriver then reports success but the click
   * hits where the button was).
   */
  async clickUntil(css, script, what) {
    for (let attempt = 0; attempt < 4; attempt++) {
      await this.click(css);
      try {
        return await this.waitFor(script, 2_000, what);
      } catch { /* click again */ }
    }
    return this.waitFor(script, 2_000, what);
  }

  async type(css, text) {
    await this.cmd('POST', `/element/${await this.find(css)}/value`, { text });
  }

  async text(css) {
    return this.cmd('GET', `/element/${await this.find(css)}/text`);
  }

  async exec(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Polls `script` (returning a truthy value when done) every 200 ms until `ms` passes. */
  async waitFor(script, ms, what) {
    const until = Date.now() + ms;
    let last;
    while (Date.now() < until) {
      last = await this.exec(script).catch((e) => String(e));
      if (last && last !== 'false') return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${what || script} (last: ${JSON.stringify(last)})`);
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}
