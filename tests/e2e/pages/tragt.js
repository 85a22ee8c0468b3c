// Page object for Tragt. It drives the app only through the data-testid hooks of
// the test contract (TESTIDS.md) (plus the extra hooks stage-up/stage-down/stage-drop-off/stage-cost-per-entrant/
// period-select, and share-open/share-url/share-copy/share-save/share-discard/export-json/
// export-all/import-json/export-csv/cta/open-full, and the views' tabs view-tab-<name>, panels
// view-<name> and view-close) and URL parameters, and reads figures
// from `data-value`, never from the formatted text. Stage indexes are 0-based (stage(0) is
// the top of the funnel). Share links are decoded and made in Node (zlib, base64url) to
// check what they carry and to build links the app must refuse.
const fs = require('node:fs');
const zlib = require('node:zlib');
const { expect } = require('@playwright/test');

/** Relative tolerance for comparing figures. */
const REL = 1e-9;

/** a ≈ b within a relative tolerance (exact for 0; null only matches null). */
function close(actual, expected, rel = REL) {
  if (expected === null || actual === null) return actual === expected;
  if (!Number.isFinite(actual)) return false;
  if (expected === 0) return Math.abs(actual) <= 1e-12;
  return Math.abs(actual - expected) <= rel * Math.max(Math.abs(actual), Math.abs(expected));
}

/** A data-value attribute as a number, or null when it is "" (undefined figure). */
function parseDataValue(raw, what) {
  if (raw === null || raw === undefined) throw new Error(`${what} has no data-value attribute`);
  if (raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${what} has a data-value that is not a number: ${JSON.stringify(raw)}`);
  return n;
}

/** The money and LTV fields (plus currency and period) that a scenario carries. */
const MONEY_FIELDS = [
  'input-spend', 'input-aov', 'input-frequency', 'input-margin', 'ltv-method',
  'input-lifespan', 'input-retention', 'input-discount', 'currency-select', 'period-select',
];

/** Every headline output of TESTIDS.md. */
const OUTPUTS = [
  'out-customers', 'out-overall-rate', 'out-revenue', 'out-cpl', 'out-cac', 'out-roas',
  'out-ltv', 'out-ltv-cac', 'out-payback', 'out-roi',
];
/**
 * Per-stage outputs (TESTIDS.md plus the extra drop-off and cost-per-entrant hooks). A stage's
 * own cost K_i (`stage-cost`) is not among them: a row has it only while the traffic view is
 * open or when the stage has a cost.
 */
const STAGE_OUTPUTS = ['stage-entrants', 'stage-probability', 'stage-value', 'stage-drop-off', 'stage-cost-per-entrant'];

const TEMPLATES = {
  aida: 5, kobstragt: 6, kundresan: 5, hexagon: 6, readiness: 12, kopvagen: 4, webshop: 5, b2b: 6, blank: 2,
};
const LANGS = ['da', 'sv', 'nb', 'en'];

class Tragt {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
  }

  // ---- navigation -------------------------------------------------------------------

  /** Opens the app with URL parameters ({lang, template, embed}) and waits until it has figures. */
  async open(params = {}) {
    const qs = new URLSearchParams(params).toString();
    await this.page.goto(qs ? `/?${qs}` : '/');
    await this.ready();
  }

  /** Reloads and waits for the app. */
  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /**
   * Waits until the page has painted what the last event changed: two animation frames,
   * by which time every effect of an edit has run. For checks that nothing changed, where
   * there is no new value to wait for.
   */
  async painted() {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  }

  /**
   * Makes autosave write a pending change now, as it does when the page is left (`pagehide`).
   * After this, storage holds what it is going to hold: for checks that nothing was saved.
   */
  async flushSaves() {
    await this.painted();
    await this.page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  }

  /**
   * Waits until the forecasting views have caught up with the last edit (they follow once
   * typing pauses, and are `aria-busy` until then).
   */
  async settled() {
    await this.painted();
    await expect(this.page.locator('[aria-busy="true"]'), 'the forecasting views caught up').toHaveCount(0);
  }

  /** How many times autosave has run on this page (the `tragt:autosave` performance mark). */
  async autosaves() {
    return this.page.evaluate(() => performance.getEntriesByName('tragt:autosave', 'mark').length);
  }

  /**
   * Waits until autosave has run after `since` runs (see autosaves()): the change made since
   * then is in storage now, or was left out on purpose.
   */
  async autosaved(since) {
    await expect.poll(() => this.autosaves(), { message: 'autosave ran' }).toBeGreaterThan(since);
  }

  /** Waits until the app is mounted and shows figures. */
  async ready() {
    await expect(this.byId('out-customers')).toHaveAttribute('data-value', /^-?\d/);
    await expect(this.stages().first()).toBeVisible();
  }

  // ---- locators ---------------------------------------------------------------------

  byId(testid) {
    return this.page.getByTestId(testid);
  }
  stages() {
    return this.byId('stage');
  }
  stage(i) {
    return this.stages().nth(i);
  }
  inStage(i, testid) {
    return this.stage(i).getByTestId(testid);
  }
  notice() {
    return this.byId('notice');
  }

  // ---- reading figures --------------------------------------------------------------

  /** An output's data-value as a Number, or null when the figure is undefined. */
  async value(testid) {
    return parseDataValue(await this.byId(testid).getAttribute('data-value'), testid);
  }

  /** A per-stage output's data-value as a Number, or null. */
  async stageValue(i, testid) {
    return parseDataValue(await this.inStage(i, testid).getAttribute('data-value'), `stage ${i} ${testid}`);
  }

  /** Every figure on the page at one instant: {out: {testid: n|null}, stages: [{testid: n|null}]}. */
  async snapshot() {
    const raw = await this.page.evaluate(({ outputs, stageOutputs }) => {
      const read = (el) => (el ? el.getAttribute('data-value') : undefined);
      const out = {};
      for (const id of outputs) out[id] = read(document.querySelector(`[data-testid="${id}"]`));
      const stages = [...document.querySelectorAll('[data-testid="stage"]')].map((row) => {
        const s = {};
        for (const id of stageOutputs) s[id] = read(row.querySelector(`[data-testid="${id}"]`));
        return s;
      });
      return { out, stages };
    }, { outputs: OUTPUTS, stageOutputs: STAGE_OUTPUTS });
    const num = (v, what) => (v === undefined ? undefined : parseDataValue(v, what));
    const out = {};
    for (const [k, v] of Object.entries(raw.out)) out[k] = num(v, k);
    const stages = raw.stages.map((s, i) => {
      const o = {};
      for (const [k, v] of Object.entries(s)) o[k] = num(v, `stage ${i} ${k}`);
      return o;
    });
    return { out, stages };
  }

  /** Entrants of every stage, top first. */
  async entrants() {
    return (await this.snapshot()).stages.map((s) => s['stage-entrants']);
  }

  /** Polls until an output's data-value ≈ expected (null: undefined figure). */
  async expectValue(testid, expected, message) {
    await expect
      .poll(async () => {
        const v = await this.value(testid);
        return close(v, expected) ? 'ok' : v;
      }, { message: message || `${testid} ≈ ${expected}` })
      .toBe('ok');
  }

  /** Polls until a stage output ≈ expected. */
  async expectStageValue(i, testid, expected, message) {
    await expect
      .poll(async () => {
        const v = await this.stageValue(i, testid);
        return close(v, expected) ? 'ok' : v;
      }, { message: message || `stage ${i} ${testid} ≈ ${expected}` })
      .toBe('ok');
  }

  /**
   * Polls until every expected figure matches. `expected.out` maps output test ids to
   * numbers (or null); `expected.stages` maps stage test ids to arrays, one per stage.
   */
  async expectFigures(expected, message = 'figures') {
    await expect
      .poll(async () => mismatches(await this.snapshot(), expected), { message })
      .toEqual([]);
  }

  /** Polls until entrants equal `list` (relative tolerance). */
  async expectEntrants(list, message = 'entrants') {
    await this.expectFigures({ stages: { 'stage-entrants': list } }, message);
  }

  // ---- editing ------------------------------------------------------------------------

  async stageCount() {
    return this.stages().count();
  }

  /** Adds stages at the bottom until there are n. */
  async ensureStages(n) {
    let have = await this.stageCount();
    while (have < n) {
      await this.byId('stage-add').click();
      have += 1;
      await expect(this.stages()).toHaveCount(have);
    }
  }

  async typeCount(i, text) {
    await this.inStage(i, 'stage-count').fill(String(text));
  }
  async typeRate(i, text) {
    await this.inStage(i, 'stage-rate').fill(String(text));
  }
  async typeName(i, text) {
    await this.inStage(i, 'stage-name').fill(String(text));
  }
  async stageNames() {
    const names = [];
    const n = await this.stageCount();
    for (let i = 0; i < n; i += 1) names.push(await this.inStage(i, 'stage-name').inputValue());
    return names;
  }
  async markLead(i) {
    await this.inStage(i, 'stage-lead').check();
  }
  async markPurchase(i) {
    await this.inStage(i, 'stage-purchase').check();
  }
  async addStage() {
    await this.byId('stage-add').click();
  }
  async removeStage(i) {
    await this.inStage(i, 'stage-remove').click();
  }
  async moveUp(i) {
    await this.inStage(i, 'stage-up').click();
  }
  async moveDown(i) {
    await this.inStage(i, 'stage-down').click();
  }

  /**
   * Sets money inputs: {spend, aov, freq, margin, method, lifespan, retention, discount}.
   * Numbers are typed with String(n) (JavaScript notation, right for English); pass
   * strings to type something else. The LTV method is chosen before its inputs.
   */
  async setMoney(m) {
    const fields = { spend: 'input-spend', aov: 'input-aov', freq: 'input-frequency', margin: 'input-margin' };
    for (const [key, testid] of Object.entries(fields)) {
      if (m[key] !== undefined) await this.byId(testid).fill(String(m[key]));
    }
    if (m.method !== undefined) await this.selectLtvMethod(m.method);
    const ltvFields = { lifespan: 'input-lifespan', retention: 'input-retention', discount: 'input-discount' };
    if (Object.keys(ltvFields).some((key) => m[key] !== undefined)) await this.openMoneyMore();
    for (const [key, testid] of Object.entries(ltvFields)) {
      if (m[key] !== undefined) await this.byId(testid).fill(String(m[key]));
    }
  }

  /**
   * Chooses an option the way a person does: the select gets focus first (so a focused
   * text field is left — and blurred — before the change), then the option is picked.
   */
  async choose(locator, value) {
    await locator.focus();
    await locator.selectOption(value);
  }

  /** Opens the money panel's lifetime-value details (`money-more`) unless they are open. */
  async openMoneyMore() {
    const fold = this.byId('money-more');
    if ((await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
    await expect(fold).toHaveAttribute('aria-expanded', 'true');
  }

  // ---- views (the analyses' tabs) ----------------------------------------------------------

  /** The tab of a view (`view-tab-<name>`). */
  viewTab(name) {
    return this.byId(`view-tab-${name}`);
  }

  /**
   * Opens a view (leaks, goal, time, uncertainty, pipeline, referrals, compare, journey)
   * unless it is open, and waits for its panel. A view is not remembered across reloads or
   * new pages: open it again after one.
   */
  async openView(name) {
    const tab = this.viewTab(name);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab, `the ${name} tab is selected`).toHaveAttribute('aria-selected', 'true');
    await expect(this.byId(`view-${name}`)).toBeVisible();
  }

  /** Closes the open view with its close button and waits until no view is open (a funnel's views). */
  async closeView() {
    await this.byId('view-close').click();
    await expect(this.page.locator('[role="tabpanel"]'), 'no view is open').toHaveCount(0);
  }

  /** The name of the open view (from its panel's `view-<name>` test id), or null. */
  async openViewName() {
    const ids = await this.page.locator('[role="tabpanel"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
    return ids.length ? ids[0].replace(/^view-/, '') : null;
  }

  /**
   * Empties a forecasting input in every stage (`stage-days`, `stage-rate-low`, …): the
   * models open with days and some ranges; a test of what they do starts from none. The
   * view that holds the field must be open.
   */
  async clearStageField(testid) {
    const n = await this.stageCount();
    for (let i = 0; i < n; i += 1) {
      const field = this.inStage(i, testid);
      if (await field.isEnabled()) await field.fill('');
    }
  }

  async selectLtvMethod(method) {
    await this.openMoneyMore();
    await this.choose(this.byId('ltv-method'), method);
    const shown = method === 'simple' ? 'input-lifespan' : 'input-retention';
    await expect(this.byId(shown)).toBeVisible();
  }
  async selectTemplate(id) {
    await this.choose(this.byId('template-select'), id);
  }
  async selectLang(code) {
    await this.choose(this.byId('lang-select'), code);
    await expect(this.page.locator('html')).toHaveAttribute('lang', code);
  }
  async selectCurrency(code) {
    await this.choose(this.byId('currency-select'), code);
  }

  // ---- scenarios ----------------------------------------------------------------------

  /** The scenario list as [{id, name}] in list order. */
  async scenarios() {
    return this.byId('scenario-select').locator('option').evaluateAll((opts) =>
      opts.map((o) => ({ id: o.value, name: o.textContent.trim() })));
  }
  async currentScenarioId() {
    return this.byId('scenario-select').inputValue();
  }
  async switchScenario(id) {
    await this.choose(this.byId('scenario-select'), id);
    await expect(this.byId('scenario-select')).toHaveValue(id);
  }
  async renameScenario(name) {
    await this.byId('scenario-name').fill(name);
  }

  // ---- sharing and files ----------------------------------------------------------------

  /**
   * Opens the share panel (if it is closed) and returns the share link once it is made.
   * The link follows edits asynchronously: pass the link read before an edit as
   * `previous` to wait for the new one.
   */
  async shareLink(previous) {
    const url = this.byId('share-url');
    if (!(await url.isVisible())) await this.byId('share-open').click();
    await expect
      .poll(async () => {
        const v = await url.inputValue();
        return v.includes('#s=') && v !== previous;
      }, { message: 'share-url holds a (new) link' })
      .toBe(true);
    return url.inputValue();
  }

  /**
   * Clicks the button with this test id and returns the file it downloads:
   * {name (the suggested file name), bytes (Buffer), text (UTF-8, BOM kept)}.
   */
  async download(testid) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.byId(testid).click()]);
    const failure = await download.failure();
    if (failure) throw new Error(`download from ${testid} failed: ${failure}`);
    const bytes = fs.readFileSync(await download.path());
    return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  }

  /** Picks a file for import-json: `content` is a string or a Buffer. */
  async importFile(name, content, mimeType = 'application/json') {
    const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    await this.byId('import-json').setInputFiles({ name, mimeType, buffer });
  }

  /**
   * The values of the money fields ({testid: value}): every one on the page once the
   * lifetime-value details are open.
   */
  async moneyFields() {
    await this.openMoneyMore();
    const out = {};
    for (const id of MONEY_FIELDS) {
      const field = this.byId(id);
      if ((await field.count()) > 0 && (await field.isVisible())) out[id] = await field.inputValue();
    }
    return out;
  }

  /**
   * What a scenario looks like on screen: its name, stage names, money fields, template,
   * lead/purchase marks and every figure. Two equal views are the same scenario.
   */
  async scenarioView() {
    const n = await this.stageCount();
    const lead = [];
    const purchase = [];
    for (let i = 0; i < n; i += 1) {
      lead.push(await this.inStage(i, 'stage-lead').isChecked());
      purchase.push(await this.inStage(i, 'stage-purchase').isChecked());
    }
    return {
      name: await this.byId('scenario-name').inputValue(),
      template: await this.byId('template-select').inputValue(),
      stageNames: await this.stageNames(),
      lead,
      purchase,
      money: await this.moneyFields(),
      figures: await this.snapshot(),
    };
  }

  /** The text of the scenario list's selected option. */
  async selectedOptionText() {
    return this.byId('scenario-select').evaluate((s) => s.options[s.selectedIndex].textContent.trim());
  }

  /** sessionStorage as a plain object. */
  async sessionStorage() {
    return this.page.evaluate(() => {
      const o = {};
      for (let i = 0; i < sessionStorage.length; i += 1) {
        const k = sessionStorage.key(i);
        o[k] = sessionStorage.getItem(k);
      }
      return o;
    });
  }

  // ---- storage ------------------------------------------------------------------------

  /** localStorage as a plain object. */
  async storage() {
    return this.page.evaluate(() => {
      const o = {};
      for (let i = 0; i < localStorage.length; i += 1) {
        const k = localStorage.key(i);
        o[k] = localStorage.getItem(k);
      }
      return o;
    });
  }

  /** The saved store, parsed (null when absent). */
  async savedStore() {
    const raw = await this.page.evaluate(() => localStorage.getItem('tragt.store'));
    return raw === null ? null : JSON.parse(raw);
  }

  /** Polls until the saved store satisfies `predicate` (autosave is debounced 300 ms). */
  async waitForSave(predicate, message = 'autosaved store') {
    await expect.poll(async () => {
      let store;
      try {
        store = await this.savedStore();
      } catch {
        return false; // not (yet) JSON
      }
      return store !== null && !!predicate(store);
    }, { message }).toBe(true);
  }
}

/** The `s=` payload of a share link's fragment (null if it has none). */
function sharePayload(link) {
  const hash = new URL(link).hash.replace(/^#/, '');
  const part = hash.split('&').find((p) => p.startsWith('s='));
  return part ? part.slice(2) : null;
}

/** The JSON a share link carries, decoded in Node: base64url → zlib inflate → JSON. */
function decodeShareLink(link) {
  const payload = sharePayload(link);
  if (!payload) throw new Error(`not a share link: ${link}`);
  const [version, data] = payload.split('.');
  if (version !== '1') throw new Error(`share link version ${version}`);
  return JSON.parse(zlib.inflateSync(Buffer.from(data, 'base64url')).toString('utf8'));
}

/** A `1.<base64url zlib>` payload for any text (a well-formed link around any content). */
function encodeSharePayload(text, version = 1) {
  return `${version}.${zlib.deflateSync(Buffer.from(text, 'utf8')).toString('base64url')}`;
}

/** Lists every expected figure that the snapshot does not match (empty when all match). */
function mismatches(snap, expected) {
  const bad = [];
  for (const [id, want] of Object.entries(expected.out || {})) {
    const got = snap.out[id];
    if (got === undefined) bad.push(`${id}: missing`);
    else if (!close(got, want)) bad.push(`${id}: got ${got}, want ${want}`);
  }
  for (const [id, list] of Object.entries(expected.stages || {})) {
    if (snap.stages.length !== list.length) {
      bad.push(`${id}: ${snap.stages.length} stages, want ${list.length}`);
      continue;
    }
    list.forEach((want, i) => {
      const got = snap.stages[i][id];
      if (got === undefined) bad.push(`stage ${i} ${id}: missing`);
      else if (!close(got, want)) bad.push(`stage ${i} ${id}: got ${got}, want ${want}`);
    });
  }
  return bad;
}

module.exports = {
  Tragt, close, mismatches, sharePayload, decodeShareLink, encodeSharePayload,
  OUTPUTS, STAGE_OUTPUTS, MONEY_FIELDS, TEMPLATES, LANGS,
};
