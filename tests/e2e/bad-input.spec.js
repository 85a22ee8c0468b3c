// Bad input never reaches the figures: the field is marked aria-invalid and points with
// aria-describedby to a visible message, every figure keeps its last valid value, the
// text stays in the field on blur, and a valid value clears the mark. The shared fixture
// fails any of these tests on a page error or console error.
const { test, expect } = require('./support/test');

test.skip(({ isMobile }) => isMobile, 'desktop only: validation does not depend on the viewport');

/** field: how to find it; bad: texts that must be refused (English notation); good: a valid text. */
const FIELDS = [
  { name: 'first stage count', stage: 0, testid: 'stage-count', bad: ['', '-5', 'abc', '12..5', '1e400', '1,2,3'], good: '30000' },
  { name: 'stage 2 count', stage: 1, testid: 'stage-count', bad: ['50000' /* larger than the stage above (40 000) */, '-1', 'x1'], good: '1000' },
  { name: 'stage 2 rate', stage: 1, testid: 'stage-rate', bad: ['', '-1', '100.5', '101', 'abc', '12..5', '1e400'], good: '30' },
  { name: 'spend', testid: 'input-spend', bad: ['', '-1', '1e400', 'abc'], good: '12000' },
  { name: 'order value', testid: 'input-aov', bad: ['-1', 'abc', '12..5'], good: '300' },
  { name: 'purchase frequency', testid: 'input-frequency', bad: ['', '-2', '1e400'], good: '3' },
  { name: 'gross margin', testid: 'input-margin', bad: ['100.5', '101', '-3', '', 'x'], good: '45' },
  { name: 'lifespan', testid: 'input-lifespan', bad: ['-1', 'abc', '1e400'], good: '2' },
  { name: 'retention', testid: 'input-retention', method: 'retention', bad: ['99.5', '100', '-1', ''], good: '99' },
  { name: 'discount rate', testid: 'input-discount', method: 'retention', bad: ['101', '-1', 'abc'], good: '5' },
];

for (const f of FIELDS) {
  test(`bad input in ${f.name} is flagged and changes no figure`, async ({ tragt, page }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    if (f.method) await tragt.selectLtvMethod(f.method);
    if (f.testid === 'input-lifespan') await tragt.openMoneyMore();
    const field = f.stage === undefined ? tragt.byId(f.testid) : tragt.inStage(f.stage, f.testid);
    await expect(field).toBeEditable();
    const before = await tragt.snapshot();
    expect(before.out['out-customers']).toBeGreaterThan(0);

    for (const bad of f.bad) {
      await test.step(`"${bad}"`, async () => {
        await field.fill(bad);
        await expect(field, `"${bad}" is marked invalid`).toHaveAttribute('aria-invalid', 'true');
        const describedBy = await field.getAttribute('aria-describedby');
        expect(describedBy, 'aria-describedby is set').toBeTruthy();
        for (const id of describedBy.split(/\s+/)) {
          const message = page.locator(`[id="${id}"]`);
          await expect(message, `message #${id} exists once`).toHaveCount(1);
          await expect(message, `message #${id} is visible`).toBeVisible();
          await expect(message, `message #${id} says something`).toHaveText(/\S/);
        }
        // figures keep their last valid values
        await expect(tragt.byId('out-customers')).toHaveAttribute('data-value', String(before.out['out-customers']));
        expect(await tragt.snapshot(), 'every figure unchanged').toEqual(before);
        // leaving the field keeps the text and the mark
        await field.blur();
        await expect(field).toHaveValue(bad);
        await expect(field).toHaveAttribute('aria-invalid', 'true');
      });
    }

    await field.fill(f.good);
    await expect(field, 'a valid value clears the mark').not.toHaveAttribute('aria-invalid', 'true');
    await expect(field).not.toHaveAttribute('aria-describedby', /./);
    await field.blur();
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  });
}

test('an invalid field does not block other edits, and figures follow the valid ones', async ({ tragt }) => {
  await tragt.open({ template: 'blank', lang: 'en' });
  await tragt.typeCount(0, '1000');
  await tragt.typeRate(1, '20');
  await tragt.expectStageValue(1, 'stage-entrants', 200);
  await tragt.byId('input-spend').fill('-5');
  await expect(tragt.byId('input-spend')).toHaveAttribute('aria-invalid', 'true');
  const spend = await tragt.value('out-cac') * 200; // spend still in force
  await tragt.typeRate(1, '50');
  await tragt.expectStageValue(1, 'stage-entrants', 500);
  await tragt.expectValue('out-cac', spend / 500);
  await expect(tragt.byId('input-spend')).toHaveAttribute('aria-invalid', 'true');
  await expect(tragt.byId('input-spend')).toHaveValue('-5');
});
