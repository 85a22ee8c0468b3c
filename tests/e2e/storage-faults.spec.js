// Storage faults and two tabs. Each case starts from saved scenarios (a file of the current
// format, or one of every past version) and ends the same way: every scenario that was
// saved before is still there — in the store, or byte for byte under a backup key.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/test');
const { Tragt } = require('./pages/tragt');

test.skip(({ isMobile }) => isMobile, 'desktop only: storage handling does not depend on the viewport');

const fixture = (v) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', `store-v${v}.json`), 'utf8');
const V4 = fixture(4);

/** Opens the app on a store holding `text` (a saved file), as a returning visitor. */
async function returning(tragt, text) {
  await tragt.open({ lang: 'en' });
  await tragt.page.evaluate((t) => {
    localStorage.clear();
    localStorage.setItem('tragt.store', t);
  }, text);
  await tragt.reload();
}

/** The scenarios of a saved file, by id. */
function scenariosOf(text) {
  return Object.fromEntries(JSON.parse(text).scenarios.map((s) => [s.id, s]));
}

/**
 * Every scenario of `savedText` is still saved: in tragt.store (changed only where `edited`
 * names it, and then with the same id and name) or, when the store holds other bytes, under
 * a backup key byte for byte.
 */
async function expectStillThere(tragt, savedText, edited = []) {
  const all = await tragt.storage();
  const backups = Object.entries(all).filter(([k]) => k.startsWith('tragt.backup.')).map(([, v]) => v);
  if (backups.includes(savedText)) return;
  const before = scenariosOf(savedText);
  const now = scenariosOf(all['tragt.store']);
  for (const [id, s] of Object.entries(before)) {
    expect(now[id], `scenario ${id} "${s.name}" is still saved`).toBeTruthy();
    if (!edited.includes(id)) {
      // saved again in the current format (new fields get their defaults): what it holds is the same
      const gist = (x) => ({ name: x.name, top: x.top, spend: x.spend, stages: (x.stages || []).map((st) => [st.name, st.rate]) });
      if (JSON.parse(savedText).version >= 4) expect(gist(now[id]), `scenario ${id} unchanged`).toEqual(gist(s));
      else expect(now[id].name).toBe(s.name);
    }
  }
}

test('storage blocked mid-session: a notice, the app goes on, what was saved stays', async ({ tragt, page }) => {
  await returning(tragt, V4);
  await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(3);
  // the browser stops allowing storage (site settings changed while the tab is open)
  await page.evaluate(() => {
    Storage.prototype.setItem = function blocked() { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  });
  await tragt.typeRate(1, '41');
  await expect(tragt.notice()).toContainText('Saving is not possible');
  expect(await tragt.stageValue(1, 'stage-entrants')).toBeCloseTo((await tragt.stageValue(0, 'stage-entrants')) * 0.41, 6);
  await expectStillThere(tragt, V4);
  expect((await tragt.storage())['tragt.store'], 'the store was not touched').toBe(V4);
});

test('quota exceeded mid-session: a notice, then saved once there is room, nothing lost in between', async ({ tragt, page }) => {
  await returning(tragt, V4);
  // the app's own (compact) copy first, so what fills up is the room it needs to grow
  await tragt.typeRate(1, '41.7');
  await tragt.waitForSave((s) => Math.abs(s.scenarios.find((x) => x.id === 's-2').stages[1].rate - 0.417) < 1e-9);
  const saved = (await tragt.storage())['tragt.store'];
  const junk = await page.evaluate(() => {
    const keys = [];
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0;) {
      try {
        localStorage.setItem(`junk.${i}`, chunk);
        keys.push(`junk.${i}`);
        i += 1;
      } catch (e) {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    return keys;
  });
  // a longer name than the saved one: the write needs more room than there is
  await tragt.renameScenario('SaaS Q3, with a much longer name that does not fit any more');
  await expect(tragt.notice()).toContainText(/full/i);
  await expectStillThere(tragt, V4, ['s-2']);
  expect((await tragt.storage())['tragt.store'], 'the last good write is intact').toBe(saved);
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
  await tragt.typeRate(1, '42');
  await tragt.waitForSave((s) => s.scenarios.some((x) => x.name.startsWith('SaaS Q3, with')));
  await expect(tragt.notice()).toBeEmpty();
  await expectStillThere(tragt, V4, ['s-2']);
});

test('corrupt JSON: a notice, the bytes kept under a backup key', async ({ tragt }) => {
  const damaged = V4.slice(0, V4.length / 2);
  await returning(tragt, damaged);
  await expect(tragt.notice()).toContainText('tragt.backup.');
  await tragt.typeRate(1, '43');
  await tragt.waitForSave((s) => s.format === 'tragt');
  const backups = Object.entries(await tragt.storage()).filter(([k]) => k.startsWith('tragt.backup.'));
  expect(backups.map(([, v]) => v)).toEqual([damaged]);
});

for (const version of [1, 2, 3, 4]) {
  test(`a file saved by version ${version} opens with every scenario, and an edit keeps them all`, async ({ tragt }) => {
    const text = fixture(version);
    await returning(tragt, text);
    await expect(tragt.notice()).toBeEmpty();
    const names = Object.values(scenariosOf(text)).map((s) => s.name);
    expect((await tragt.scenarios()).map((s) => s.name)).toEqual(names);
    await tragt.typeRate(1, '44');
    await tragt.waitForSave((s) => s.version === 5 && JSON.stringify(s).includes('0.44'));
    await expectStillThere(tragt, text, ['s-2']);
  });
}

test('a file from a future version: a read-only notice, the file left byte for byte', async ({ tragt, page }) => {
  const future = JSON.stringify({ format: 'tragt', version: 99, current: 'x', scenarios: [{ id: 'x', name: 'From the future' }] });
  await returning(tragt, future);
  await expect(tragt.notice()).toContainText('newer version of Tragt');
  await expect(tragt.notice()).toContainText('nothing you change here is saved');
  const runs = await tragt.autosaves();
  await tragt.typeRate(1, '45');
  await tragt.renameScenario('Edited here');
  await tragt.autosaved(runs);
  expect((await tragt.storage())['tragt.store']).toBe(future);
  await tragt.reload();
  expect((await tragt.storage())['tragt.store']).toBe(future);
  await expect(tragt.notice()).toContainText('newer version of Tragt');
});

test.describe('two tabs', () => {
  /** A second tab of the same browser (same storage), on the same saved scenarios. */
  async function secondTab(context) {
    const other = new Tragt(await context.newPage());
    await other.open({ lang: 'en' });
    return other;
  }

  test('editing different scenarios: both tabs end up with both edits, nothing lost', async ({ tragt, context }) => {
    await returning(tragt, V4);
    const b = await secondTab(context);
    await tragt.switchScenario('s-1');
    await b.switchScenario('s-2');

    await tragt.renameScenario('Shop, edited in A');
    await tragt.typeCount(0, '12345');
    await b.renameScenario('SaaS, edited in B');
    await b.typeRate(1, '46');

    for (const tab of [tragt, b]) {
      await expect.poll(() => tab.scenarios().then((l) => l.map((s) => s.name)), 'both names in each tab')
        .toEqual(['Shop, edited in A', 'SaaS, edited in B', 'Hexagon']);
    }
    await tragt.waitForSave((s) => JSON.stringify(s).includes('Shop, edited in A') && JSON.stringify(s).includes('SaaS, edited in B'));
    // each tab kept its own open scenario, and no notice: nothing of theirs was replaced
    await expect(tragt.byId('scenario-name')).toHaveValue('Shop, edited in A');
    await expect(b.byId('scenario-name')).toHaveValue('SaaS, edited in B');
    await expect(tragt.notice()).toBeEmpty();
    await expect(b.notice()).toBeEmpty();
    // B sees A's count when it opens that scenario
    const top = await tragt.stageValue(0, 'stage-entrants');
    await b.switchScenario('s-1');
    await b.expectStageValue(0, 'stage-entrants', top);
    await expect(b.inStage(0, 'stage-count')).toHaveValue(await tragt.inStage(0, 'stage-count').inputValue());
    await expectStillThere(tragt, V4, ['s-1', 's-2']);
  });

  test('editing the same scenario: the later write wins, the other tab says so and can keep its own', async ({ tragt, context }) => {
    await returning(tragt, V4);
    const b = await secondTab(context);
    await tragt.switchScenario('s-1');
    await b.switchScenario('s-1');

    await tragt.typeCount(0, '111');
    await tragt.waitForSave((s) => s.scenarios.find((x) => x.id === 's-1').top === 111);
    const shown111 = await tragt.stageValue(0, 'stage-entrants');
    // B had nothing unsaved: it now shows A's write, and says so
    await b.expectStageValue(0, 'stage-entrants', shown111);
    await expect(b.notice()).toContainText('was changed in another tab');

    // B writes later: B's version wins, and now A is told
    await b.typeCount(0, '222');
    await b.waitForSave((s) => s.scenarios.find((x) => x.id === 's-1').top === 222);
    await tragt.expectStageValue(0, 'stage-entrants', await b.stageValue(0, 'stage-entrants'));
    await expect(tragt.inStage(0, 'stage-count')).toHaveValue('222');
    await expect(tragt.notice()).toContainText('was changed in another tab');

    // nothing is lost: A takes back what it had, and that is saved and reaches B
    await tragt.byId('notice-keep-mine').click();
    await tragt.expectStageValue(0, 'stage-entrants', shown111);
    await tragt.waitForSave((s) => s.scenarios.find((x) => x.id === 's-1').top === 111);
    await b.expectStageValue(0, 'stage-entrants', shown111);
    await expect(b.notice()).toContainText('was changed in another tab');
    await expectStillThere(tragt, V4, ['s-1']);
  });

  test('a scenario deleted in one tab while open in the other: the other tab can keep it', async ({ tragt, context }) => {
    await returning(tragt, V4);
    const b = await secondTab(context);
    await tragt.switchScenario('s-3');
    await b.switchScenario('s-3');
    await tragt.byId('scenario-delete').click();
    await tragt.waitForSave((s) => s.scenarios.length === 2);
    await expect(b.notice()).toContainText('was deleted in another tab');
    await expect.poll(() => b.scenarios().then((l) => l.length)).toBe(2);
    await b.byId('notice-keep-mine').click();
    await expect(b.byId('scenario-name')).toHaveValue('Hexagon');
    await b.waitForSave((s) => s.scenarios.length === 3);
    await expect.poll(() => tragt.scenarios().then((l) => l.map((s) => s.name))).toContain('Hexagon');
    await expectStillThere(tragt, V4);
  });
});
