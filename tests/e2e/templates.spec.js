// Every shipped template loads from ?template= with its stages and marks, and the
// template picker replaces an untouched scenario but never overwrites an edited one.
const { test, expect } = require('./support/test');
const { TEMPLATES, close } = require('./pages/tragt');

// Templates do not depend on the viewport; the phone project covers them in layout.spec.js.
test.skip(({ isMobile }) => isMobile, 'desktop only: the phone project loads every template in layout.spec.js');

for (const [id, stages] of Object.entries(TEMPLATES)) {
  test(`template ${id} loads with ${stages} stages, customers and one lead and purchase mark`, async ({ tragt, page }) => {
    await tragt.open({ template: id, lang: 'en' });
    await expect(tragt.stages()).toHaveCount(stages);
    await expect(tragt.byId('template-select')).toHaveValue(id);
    expect(await tragt.value('out-customers'), 'customers > 0').toBeGreaterThan(0);
    await expect(page.getByTestId('stage-lead').and(page.locator(':checked'))).toHaveCount(1);
    await expect(page.getByTestId('stage-purchase').and(page.locator(':checked'))).toHaveCount(1);
    // every stage has entrants, and they never grow down the funnel
    const e = await tragt.entrants();
    expect(e).toHaveLength(stages);
    for (let i = 1; i < e.length; i += 1) expect(e[i], `stage ${i + 1} ≤ stage ${i}`).toBeLessThanOrEqual(e[i - 1]);
    // the first stage's rate cannot be typed
    await expect(tragt.inStage(0, 'stage-rate')).toBeDisabled();
  });
}

test('web shop: the rates from "add to cart" on multiply to 0.35 (65 % cart abandonment)', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await expect(tragt.stages()).toHaveCount(5);
  // stages: visitors, product views, add to cart (index 2), checkout started, purchase
  const e = await tragt.entrants();
  const reach = e[4] / e[2];
  expect(close(reach, 0.35), `purchase / add to cart = ${reach}`).toBe(true);
  // the purchase stage is the last one, so the chance to buy from "add to cart" is the same product
  await tragt.expectStageValue(2, 'stage-probability', 0.35);
  await expect(tragt.inStage(4, 'stage-purchase')).toBeChecked();
});

test('choosing a template on an untouched scenario replaces it', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const before = await tragt.scenarios();
  expect(before).toHaveLength(1);
  await tragt.selectTemplate('readiness');
  await expect(tragt.stages()).toHaveCount(12);
  await expect(tragt.byId('template-select')).toHaveValue('readiness');
  const after = await tragt.scenarios();
  expect(after, 'still one scenario').toHaveLength(1);
  expect(after[0].id, 'the same scenario, replaced').toBe(before[0].id);
  // nothing typed was lost, but the replaced example can be had back
  await expect(tragt.notice()).toContainText(`“${before[0].name}” was replaced`);
  await tragt.byId('notice-undo').click();
  await expect(tragt.stages()).toHaveCount(5);
  await expect(tragt.byId('template-select')).toHaveValue('webshop');
  await expect(tragt.byId('notice-undo')).toHaveCount(0);
  // and again: the example is itself untouched
  await tragt.selectTemplate('aida');
  await expect(tragt.stages()).toHaveCount(5);
  await expect(tragt.byId('template-select')).toHaveValue('aida');
  expect(await tragt.scenarios()).toHaveLength(1);
});

test('choosing a template on an edited scenario starts a new one and keeps the old', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const [first] = await tragt.scenarios();
  await tragt.typeRate(1, '20');
  await tragt.expectStageValue(1, 'stage-entrants', (await tragt.stageValue(0, 'stage-entrants')) * 0.2);
  const edited = await tragt.entrants();

  await tragt.selectTemplate('b2b');
  await expect(tragt.stages()).toHaveCount(6);
  await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
  const list = await tragt.scenarios();
  expect(list.map((s) => s.id)).toContain(first.id);
  const current = await tragt.currentScenarioId();
  expect(current, 'the new scenario is open').not.toBe(first.id);
  await expect(tragt.notice()).toBeVisible();
  await expect(tragt.notice()).not.toBeEmpty();

  // nothing lost: the edited scenario still has its numbers
  await tragt.switchScenario(first.id);
  await expect(tragt.stages()).toHaveCount(5);
  await tragt.expectEntrants(edited, 'the edited web shop is unchanged');
  await expect(tragt.byId('template-select')).toHaveValue('webshop');
});
