// Layout on both projects: no horizontal scrolling for any template and language, and
// every hook of the test contract (TESTIDS.md) present (inputs on the <input>/<select> itself).
const { test, expect } = require('./support/test');
const { TEMPLATES, LANGS, OUTPUTS } = require('./pages/tragt');

for (const lang of LANGS) {
  test(`${lang}: no horizontal scrolling for any template`, async ({ tragt, page }) => {
    const wide = [];
    for (const template of Object.keys(TEMPLATES)) {
      await tragt.open({ lang, template });
      await expect(tragt.stages()).toHaveCount(TEMPLATES[template]);
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
      }));
      if (m.scroll > m.inner) wide.push(`${template}: scrollWidth ${m.scroll} > innerWidth ${m.inner}`);
    }
    expect(wide).toEqual([]);
  });
}

test('no horizontal scrolling with the retention inputs, a notice and 20 stages', async ({ tragt, page }) => {
  await tragt.open({ lang: 'da', template: 'readiness' });
  await tragt.selectLtvMethod('retention');
  await tragt.byId('scenario-delete').click(); // a notice with a long scenario name and Undo
  await expect(tragt.notice()).toBeVisible();
  await tragt.typeName(0, 'Et meget langt navn på et trin som ikke må skubbe siden ud til siden');
  await tragt.ensureStages(20);
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(m.scroll, `scrollWidth ${m.scroll} ≤ innerWidth ${m.inner}`).toBeLessThanOrEqual(m.inner);
});

const CONTROLS = {
  select: ['template-select', 'lang-select', 'currency-select', 'ltv-method', 'scenario-select', 'period-select'],
  input: ['input-spend', 'input-aov', 'input-frequency', 'input-margin', 'scenario-name'],
  button: ['stage-add', 'scenario-new', 'scenario-duplicate', 'scenario-delete'],
};
const STAGE_HOOKS = {
  input: ['stage-name', 'stage-count', 'stage-rate', 'stage-lead', 'stage-purchase'],
  button: ['stage-remove', 'stage-up', 'stage-down'],
  any: ['stage-entrants', 'stage-probability', 'stage-value', 'stage-drop-off', 'stage-cost-per-entrant'],
};

test('every data-testid of the contract is in the DOM', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  const tag = (loc) => loc.evaluate((el) => el.tagName.toLowerCase());
  for (const [want, ids] of Object.entries(CONTROLS)) {
    for (const id of ids) {
      await expect(tragt.byId(id), id).toHaveCount(1);
      expect(await tag(tragt.byId(id)), `${id} is a <${want}>`).toBe(want);
    }
  }
  for (const id of OUTPUTS) {
    await expect(tragt.byId(id), id).toHaveCount(1);
    await expect(tragt.byId(id), `${id} carries data-value`).toHaveAttribute('data-value', /.*/);
  }
  const stages = await tragt.stageCount();
  expect(stages).toBe(5);
  for (const [want, ids] of Object.entries(STAGE_HOOKS)) {
    for (const id of ids) {
      await expect(page.getByTestId(id), `${id}: one per stage`).toHaveCount(stages);
      for (let i = 0; i < stages; i += 1) {
        await expect(tragt.inStage(i, id), `${id} inside stage ${i + 1}`).toHaveCount(1);
        if (want !== 'any') expect(await tag(tragt.inStage(i, id)), `${id} is a <${want}>`).toBe(want);
      }
    }
  }
  for (const id of ['stage-lead', 'stage-purchase']) {
    expect(await tragt.inStage(0, id).getAttribute('type')).toMatch(/^(radio|checkbox)$/);
  }
  await expect(tragt.byId('money-more')).toHaveCount(1);
  expect(await tag(tragt.byId('money-more'))).toBe('button');
  await tragt.openMoneyMore();
  await expect(tragt.byId('input-lifespan')).toHaveCount(1);
  expect(await tag(tragt.byId('input-lifespan'))).toBe('input');
  await tragt.selectLtvMethod('retention');
  for (const id of ['input-retention', 'input-discount']) {
    await expect(tragt.byId(id), id).toHaveCount(1);
    expect(await tag(tragt.byId(id))).toBe('input');
  }
  await expect(tragt.byId('chart-funnel')).toHaveCount(1);
  expect(await tag(tragt.byId('chart-funnel'))).toBe('canvas');
  await expect(tragt.notice()).toHaveCount(1);
  await expect(tragt.notice()).toHaveAttribute('role', 'status');
  // option values of the selects are the contract's ids
  const values = (id) => tragt.byId(id).locator('option').evaluateAll((o) => o.map((x) => x.value));
  expect(await values('template-select')).toEqual(expect.arrayContaining(Object.keys(TEMPLATES)));
  expect(await values('lang-select')).toEqual(expect.arrayContaining(LANGS));
  expect(await values('currency-select')).toEqual(expect.arrayContaining(['DKK', 'SEK', 'NOK', 'EUR', 'USD']));
  expect(await values('ltv-method')).toEqual(expect.arrayContaining(['simple', 'retention']));
  expect(await values('period-select')).toEqual(expect.arrayContaining(['week', 'month', 'quarter', 'year']));
});

test('every undefined figure shows a dash and the reason in parentheses', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: text does not depend on the viewport');
  // no leads, no customers and no spend: many figures are undefined
  await tragt.open({ lang: 'en', template: 'blank' });
  await tragt.addStage();
  await tragt.typeRate(1, '0');
  await tragt.setMoney({ spend: 0 });
  await tragt.expectValue('out-customers', 0);
  const undefinedOutputs = await page.evaluate(() => [...document.querySelectorAll('[data-testid][data-value=""]')]
    .map((el) => ({ id: el.getAttribute('data-testid'), text: el.textContent.trim() })));
  expect(undefinedOutputs.length).toBeGreaterThan(3);
  const bad = undefinedOutputs.filter((o) => !/^–\s*\(.+\)$/.test(o.text)).map((o) => `${o.id}: "${o.text}"`);
  expect(bad, 'undefined figures without a reason').toEqual([]);
});
