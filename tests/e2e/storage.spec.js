// localStorage trouble: blocked, unreadable, full (a newer version's file: storage-faults.spec.js) — the app keeps
// working, says so in the notice area, and never destroys bytes it could not read.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/test');

const STORE_V1 = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'store-v1.json'), 'utf8');
const examples = require(path.join(__dirname, '..', 'fixtures', 'worked-examples.json')).examples;

test.skip(({ isMobile }) => isMobile, 'desktop only: storage handling does not depend on the viewport');

/** Puts `entries` into localStorage (after clearing it) and reloads the app. */
async function plantAndReload(tragt, entries) {
  await tragt.page.evaluate((e) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await tragt.reload();
}

/** Fills localStorage with junk until not even one more character fits; returns the junk keys. */
async function fillStorage(page) {
  return page.evaluate(() => {
    const keys = [];
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      const key = `junk.${i}`;
      try {
        localStorage.setItem(key, chunk);
        keys.push(key);
        i += 1;
      } catch (e) {
        if (e.name !== 'QuotaExceededError') throw e;
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    return keys;
  });
}

async function backups(tragt) {
  const all = await tragt.storage();
  return Object.entries(all).filter(([k]) => k.startsWith('tragt.backup.'));
}

async function expectNotice(tragt) {
  await expect(tragt.notice()).toBeVisible();
  await expect(tragt.notice()).toHaveText(/\S/);
}

/** The app calculates: figures present and an edit moves them. */
async function expectWorking(tragt) {
  expect(await tragt.value('out-customers')).toBeGreaterThan(0);
  const top = await tragt.stageValue(0, 'stage-entrants');
  await tragt.typeRate(1, '37'); // not a template default, so it is a change
  await tragt.expectStageValue(1, 'stage-entrants', top * 0.37);
}

test('(a) blocked storage: the app works and says changes are kept only in this tab', async ({ tragt, page }) => {
  await page.context().addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await tragt.open({ template: 'webshop', lang: 'en' });
  expect(await page.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } })).toBe('SecurityError');
  await expectNotice(tragt);
  await expect(tragt.stages()).toHaveCount(5);
  await expectWorking(tragt);
  // the rest of the app still works too
  const runs = await tragt.autosaves();
  await tragt.byId('scenario-duplicate').click();
  await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
  await tragt.selectLang('da');
  await tragt.autosaved(runs); // a failed save must not break anything
  await expectNotice(tragt);
  await tragt.typeCount(0, '1000');
  await tragt.expectStageValue(0, 'stage-entrants', 1000);
});

test('(b) corrupt JSON: notice, defaults, the bytes kept under tragt.backup.*, other keys untouched', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const defaults = await tragt.snapshot();
  const corrupt = '{"format":"tragt","version":1,"scenarios":[{"id":"s-1", oops';
  await plantAndReload(tragt, { 'tragt.store': corrupt, 'other.app': '{"keep":"me"}' });

  await expectNotice(tragt);
  await expect(tragt.stages()).toHaveCount(5);
  expect(await tragt.snapshot(), 'starts with the defaults').toEqual(defaults);
  const saved = await backups(tragt);
  expect(saved, 'one backup').toHaveLength(1);
  expect(saved[0][1], 'backup holds the original bytes').toBe(corrupt);
  expect((await tragt.storage())['other.app']).toBe('{"keep":"me"}');

  // the next save replaces the unreadable store; the backup and the other key stay
  await expectWorking(tragt);
  await tragt.waitForSave((s) => s.format === 'tragt' && Array.isArray(s.scenarios));
  const after = await tragt.storage();
  expect(after[saved[0][0]]).toBe(corrupt);
  expect(after['other.app']).toBe('{"keep":"me"}');
});

test('(d) full storage: an edit that cannot be saved shows a notice, which goes once saving works', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await expect(tragt.notice()).toBeEmpty();
  const junk = await fillStorage(page);
  expect(junk.length).toBeGreaterThan(0);
  await tragt.typeRate(1, '33');
  await tragt.expectStageValue(1, 'stage-entrants', (await tragt.stageValue(0, 'stage-entrants')) * 0.33);
  await expectNotice(tragt);
  await expect.poll(() => tragt.savedStore(), { message: 'nothing could be written' }).toBeNull();

  // free the space: the next edit is saved and the notice goes
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
  await tragt.typeRate(1, '34');
  await tragt.waitForSave((s) => JSON.stringify(s).includes('0.34'));
  await expect(tragt.notice()).toBeEmpty();
});

test('(d2) unreadable bytes that cannot be copied aside are never overwritten', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const corrupt = '{not json';
  await page.evaluate((c) => { localStorage.clear(); localStorage.setItem('tragt.store', c); }, corrupt);
  const junk = await fillStorage(page); // no room for a backup copy
  await tragt.reload();
  await expectNotice(tragt);
  await expectWorking(tragt);
  // even once there is room again, this session must not overwrite the unread bytes
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
  const runs = await tragt.autosaves();
  await tragt.typeRate(1, '20');
  await tragt.autosaved(runs);
  expect((await tragt.storage())['tragt.store']).toBe(corrupt);
});

test('(e) the v1 fixture opens with its two scenarios, "SaaS Q3" open', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await plantAndReload(tragt, { 'tragt.store': STORE_V1 });
  await expect(tragt.notice()).toBeEmpty();
  expect(await tragt.scenarios()).toEqual([{ id: 's-1', name: 'Webshop juni' }, { id: 's-2', name: 'SaaS Q3' }]);
  await expect(tragt.byId('scenario-select')).toHaveValue('s-2');
  await expect(tragt.byId('scenario-name')).toHaveValue('SaaS Q3');
  await expect(tragt.stages()).toHaveCount(6);
  await expect(tragt.byId('template-select')).toHaveValue('b2b');
  await expect(tragt.byId('currency-select')).toHaveValue('SEK');
  await expect(tragt.byId('period-select')).toHaveValue('quarter');
  await expect(tragt.byId('ltv-method')).toHaveValue('retention');
  await expect(tragt.inStage(1, 'stage-lead')).toBeChecked();
  await expect(tragt.inStage(5, 'stage-purchase')).toBeChecked();
  // the same numbers as worked example 2
  const ex2 = examples[1].expected;
  await tragt.expectFigures({
    out: { 'out-customers': ex2.customers, 'out-ltv': ex2.ltv, 'out-cac': ex2.cac, 'out-roi': ex2.roi },
    stages: { 'stage-entrants': ex2.entrants, 'stage-probability': ex2.probability },
  }, 'SaaS Q3 = worked example 2');

  await tragt.switchScenario('s-1');
  await expect(tragt.stages()).toHaveCount(5);
  await expect(tragt.inStage(3, 'stage-name')).toHaveValue('Kassen');
  await expect(tragt.byId('currency-select')).toHaveValue('DKK');
  const ex1 = examples[0].expected;
  await tragt.expectFigures({
    out: { 'out-customers': ex1.customers, 'out-ltv': ex1.ltv, 'out-cpl': ex1.cpl, 'out-payback': ex1.payback },
    stages: { 'stage-entrants': ex1.entrants, 'stage-value': ex1.value },
  }, 'Webshop juni = worked example 1');
});
