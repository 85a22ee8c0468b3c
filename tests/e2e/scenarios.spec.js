// Saved scenarios: autosave and reload, new/duplicate/rename/switch/delete with undo,
// and separate numbers per scenario.
const { test, expect } = require('./support/test');

/** Polls until the scenario list's names equal `names` (in order). */
async function expectNames(tragt, names) {
  await expect.poll(async () => (await tragt.scenarios()).map((s) => s.name)).toEqual(names);
}

test('autosave and reload restore names, stages, money and the open scenario', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  // scenario A: edited in every kind of field
  await tragt.renameScenario('Shop A');
  await tragt.typeName(0, 'Visitors A');
  await tragt.addStage();
  await expect(tragt.stages()).toHaveCount(6);
  await tragt.typeName(5, 'Repeat buyers');
  await tragt.typeCount(0, '60000');
  await tragt.typeRate(2, '15');
  await tragt.markLead(1);
  await tragt.setMoney({ spend: 30000, aov: 250, freq: 3, margin: 45, method: 'retention', retention: 70, discount: 5 });
  await tragt.selectCurrency('DKK');
  const aId = await tragt.currentScenarioId();
  const a = { figures: await tragt.snapshot(), names: await tragt.stageNames() };

  // scenario B: new, renamed, different numbers; it stays open
  await tragt.byId('scenario-new').click();
  await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
  await tragt.renameScenario('Shop B');
  await tragt.typeCount(0, '12345');
  const bId = await tragt.currentScenarioId();
  expect(bId).not.toBe(aId);
  const b = { figures: await tragt.snapshot(), names: await tragt.stageNames() };
  expect(b.figures).not.toEqual(a.figures);

  // written without leaving the page (debounced autosave)
  await tragt.waitForSave((s) => s.current === bId && s.scenarios.length === 2
    && s.scenarios.some((x) => x.name === 'Shop B') && JSON.stringify(s).includes('12345'));

  await tragt.reload();
  await expectNames(tragt, ['Shop A', 'Shop B']);
  await expect(tragt.byId('scenario-select')).toHaveValue(bId);
  await expect(tragt.byId('scenario-name')).toHaveValue('Shop B');
  await tragt.expectFigures({ out: b.figures.out, stages: { 'stage-entrants': b.figures.stages.map((s) => s['stage-entrants']) } }, 'B after reload');
  expect(await tragt.snapshot()).toEqual(b.figures);

  await tragt.switchScenario(aId);
  await expect(tragt.byId('scenario-name')).toHaveValue('Shop A');
  await expect(tragt.stages()).toHaveCount(6);
  expect(await tragt.stageNames()).toEqual(a.names);
  expect(await tragt.snapshot(), 'A after reload').toEqual(a.figures);
  await expect(tragt.byId('currency-select')).toHaveValue('DKK');
  await expect(tragt.byId('ltv-method')).toHaveValue('retention');
  await expect(tragt.byId('input-spend')).toHaveValue('30000');
  await expect(tragt.byId('input-retention')).toHaveValue('70');
  await expect(tragt.byId('input-discount')).toHaveValue('5');
  await expect(tragt.inStage(1, 'stage-lead')).toBeChecked();
});

test.describe('scenario management', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the phone project runs the autosave journey');

  test('a change made just before leaving is saved (flush on pagehide)', async ({ tragt, page }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    await tragt.renameScenario('Quick exit');
    await tragt.typeCount(0, '77777');
    // leaving the page writes at once, without waiting for the 300 ms debounce
    const written = await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      return localStorage.getItem('tragt.store');
    });
    expect(written, 'written synchronously on pagehide').toContain('Quick exit');
    expect(written).toContain('77777');
    await tragt.reload();
    await expect(tragt.byId('scenario-name')).toHaveValue('Quick exit');
    await tragt.expectStageValue(0, 'stage-entrants', 77777);
  });

  test('new, duplicate, rename and switch; each scenario keeps its own numbers', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const defaults = await tragt.snapshot();
    const [first] = await tragt.scenarios();
    await tragt.setMoney({ spend: 1000 });
    await tragt.typeRate(1, '30');
    const original = await tragt.snapshot();

    // duplicate: same numbers, "<name> (copy)", and it is the open one
    await tragt.byId('scenario-duplicate').click();
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
    await expect(tragt.byId('scenario-name')).toHaveValue(`${first.name} (copy)`);
    const copyId = await tragt.currentScenarioId();
    expect(copyId).not.toBe(first.id);
    expect(await tragt.snapshot()).toEqual(original);

    // rename: the list follows
    await tragt.renameScenario('Copy X');
    await expectNames(tragt, [first.name, 'Copy X']);

    // edit the copy; the original is untouched
    await tragt.setMoney({ spend: 2000 });
    await tragt.typeRate(1, '10');
    await tragt.expectValue('out-cpl', 2000 / (await tragt.stageValue(await leadIndex(tragt), 'stage-entrants')));
    const copy = await tragt.snapshot();
    expect(copy).not.toEqual(original);

    await tragt.switchScenario(first.id);
    await expect(tragt.byId('scenario-name')).toHaveValue(first.name);
    await expect(tragt.byId('input-spend')).toHaveValue('1000');
    expect(await tragt.snapshot(), 'original kept its numbers').toEqual(original);
    await tragt.switchScenario(copyId);
    await expect(tragt.byId('input-spend')).toHaveValue('2000');
    expect(await tragt.snapshot(), 'copy kept its numbers').toEqual(copy);

    // new: from the current template, with its default numbers, a new unique name
    await tragt.byId('scenario-new').click();
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(3);
    const list = await tragt.scenarios();
    const fresh = list[2];
    await expect(tragt.byId('scenario-select')).toHaveValue(fresh.id);
    expect(fresh.name.trim()).not.toBe('');
    expect(new Set(list.map((s) => s.name)).size, 'names are unique').toBe(3);
    await expect(tragt.stages()).toHaveCount(5);
    expect(await tragt.snapshot(), 'a new scenario has the template defaults').toEqual(defaults);
  });

  test('delete shows a notice whose Undo restores the scenario', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const [first] = await tragt.scenarios();
    await tragt.byId('scenario-duplicate').click();
    await tragt.renameScenario('Doomed');
    await tragt.typeRate(2, '44');
    const doomedId = await tragt.currentScenarioId();
    const doomed = await tragt.snapshot();

    await tragt.byId('scenario-delete').click();
    await expectNames(tragt, [first.name]);
    await expect(tragt.byId('scenario-select')).toHaveValue(first.id);
    await expect(tragt.notice()).toBeVisible();
    const undo = tragt.notice().getByRole('button', { name: 'Undo' });
    await expect(undo).toBeVisible();
    await undo.click();
    await expectNames(tragt, [first.name, 'Doomed']);
    await expect(undo).toHaveCount(0);
    await tragt.switchScenario(doomedId);
    await expect(tragt.byId('scenario-name')).toHaveValue('Doomed');
    expect(await tragt.snapshot(), 'restored with its numbers').toEqual(doomed);
  });

  test('a deleted scenario stays deleted after reload', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const [first] = await tragt.scenarios();
    await tragt.byId('scenario-duplicate').click();
    await tragt.renameScenario('Gone');
    await tragt.waitForSave((s) => s.scenarios.some((x) => x.name === 'Gone'));
    await tragt.byId('scenario-delete').click();
    await expectNames(tragt, [first.name]);
    await tragt.waitForSave((s) => !s.scenarios.some((x) => x.name === 'Gone'));
    await tragt.reload();
    await expectNames(tragt, [first.name]);
    await expect(tragt.byId('scenario-select')).toHaveValue(first.id);
  });

  test('deleting the only scenario leaves a fresh one, and Undo brings it back', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const defaults = await tragt.snapshot();
    await tragt.renameScenario('Only');
    await tragt.typeRate(1, '5');
    const only = await tragt.snapshot();
    await tragt.byId('scenario-delete').click();
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(1);
    await expect(tragt.byId('scenario-name')).not.toHaveValue('Only');
    expect(await tragt.snapshot(), 'fresh scenario from the template').toEqual(defaults);
    await tragt.notice().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await tragt.scenarios()).map((s) => s.name)).toContain('Only');
    const restored = (await tragt.scenarios()).find((s) => s.name === 'Only');
    await tragt.switchScenario(restored.id);
    expect(await tragt.snapshot()).toEqual(only);
  });
});

/** Index of the checked lead stage. */
async function leadIndex(tragt) {
  const n = await tragt.stageCount();
  for (let i = 0; i < n; i += 1) if (await tragt.inStage(i, 'stage-lead').isChecked()) return i;
  throw new Error('no lead stage');
}
