// Editing the funnel: the entry rules of TESTIDS.md, decimal separators per language,
// adding/removing/moving stages, lead and purchase marks, the LTV methods and currency.
const { test, expect } = require('./support/test');
const { close } = require('./pages/tragt');

/** Asserts that a text input shows a number ≈ want (as formatted for English input). */
async function expectInputNumber(locator, want, tolerance = 0.006) {
  await expect.poll(async () => {
    const v = Number((await locator.inputValue()).replace(/,/g, ''));
    return Math.abs(v - want) <= tolerance ? 'ok' : v;
  }, { message: `input shows ≈ ${want}` }).toBe('ok');
}

test.describe('entry rules', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the rules do not depend on the viewport');

  test('typing a count in stage i ≥ 2 sets its rate; the stages below keep their rates', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const e = await tragt.entrants();
    expect(e).toHaveLength(5);
    const typed = e[1] * 0.25; // 25 % of the stage above
    await tragt.typeCount(2, String(typed));
    const want = [e[0], e[1], typed, typed * (e[3] / e[2]), typed * (e[4] / e[2])];
    await tragt.expectEntrants(want);
    // the rate field shows the derived rate once the count field is left
    await tragt.inStage(2, 'stage-count').blur();
    await expectInputNumber(tragt.inStage(2, 'stage-rate'), 25);
    // the rates below did not change
    const after = await tragt.entrants();
    expect(close(after[3] / after[2], e[3] / e[2]), 'rate into stage 4 kept').toBe(true);
    expect(close(after[4] / after[3], e[4] / e[3]), 'rate into stage 5 kept').toBe(true);
  });

  test('typing the first count rescales every count', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const e = await tragt.entrants();
    const customers = await tragt.value('out-customers');
    await tragt.typeCount(0, String(e[0] * 2));
    await tragt.expectEntrants(e.map((x) => x * 2));
    await tragt.expectValue('out-customers', customers * 2);
    // the overall rate does not change when everything scales
    const rate = e[4] / e[0];
    await tragt.expectValue('out-overall-rate', rate);
  });

  test('typing a rate sets that stage\'s count from the stage above', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const e = await tragt.entrants();
    await tragt.typeRate(3, '50');
    const e3 = e[2] * 0.5;
    await tragt.expectEntrants([e[0], e[1], e[2], e3, e3 * (e[4] / e[3])]);
    await expectInputNumber(tragt.inStage(3, 'stage-count'), e3);
  });

  test('a count below an empty stage is refused, zero keeps the rate', async ({ tragt }) => {
    await tragt.open({ template: 'blank', lang: 'en' });
    await tragt.addStage();
    await tragt.typeCount(0, '1000');
    await tragt.typeRate(1, '0');
    await tragt.typeRate(2, '40');
    await tragt.expectEntrants([1000, 0, 0]);
    // raising the rate again restores the counts below (rates are state, MODELS.md §3)
    await tragt.typeRate(1, '50');
    await tragt.expectEntrants([1000, 500, 200]);
  });
});

test.describe('decimal separators', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: parsing does not depend on the viewport');

  const cases = [
    { lang: 'da', rate: '12,5', shown: '12,5', count: '50.000' },
    { lang: 'sv', rate: '12,5', shown: '12,5', count: '50 000' },
    { lang: 'en', rate: '12.5', shown: '12.5', count: '50,000' },
  ];
  for (const c of cases) {
    test(`${c.lang}: "${c.rate}" is 12.5 % and "${c.count}" is 50 000`, async ({ tragt }) => {
      await tragt.open({ template: 'blank', lang: c.lang });
      await tragt.typeCount(0, c.count);
      await tragt.expectStageValue(0, 'stage-entrants', 50000);
      await tragt.typeRate(1, c.rate);
      await tragt.expectStageValue(1, 'stage-entrants', 50000 * 0.125);
      await expect(tragt.inStage(1, 'stage-rate')).not.toHaveAttribute('aria-invalid', 'true');
      await tragt.inStage(1, 'stage-rate').blur();
      await expect(tragt.inStage(1, 'stage-rate')).toHaveValue(c.shown);
    });
  }
});

test.describe('stage list', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the phone project covers a journey in worked-examples.spec.js');

  test('add, move up/down and remove: names and counts follow the stage', async ({ tragt }) => {
    await tragt.open({ template: 'blank', lang: 'en' });
    await expect(tragt.stages()).toHaveCount(2);
    await tragt.typeName(0, 'A');
    await tragt.typeName(1, 'B');
    await tragt.typeCount(0, '1000');
    await tragt.typeRate(1, '10');
    await tragt.addStage();
    await expect(tragt.stages()).toHaveCount(3);
    await tragt.typeName(2, 'C');
    await tragt.typeRate(2, '50');
    await tragt.expectEntrants([1000, 100, 50]);
    expect(await tragt.stageNames()).toEqual(['A', 'B', 'C']);
    await expect(tragt.inStage(0, 'stage-up')).toBeDisabled();
    await expect(tragt.inStage(2, 'stage-down')).toBeDisabled();

    // C up: it takes its rate along — A 1000 → C 50 % → B 10 %
    await tragt.moveUp(2);
    await expect.poll(() => tragt.stageNames()).toEqual(['A', 'C', 'B']);
    await tragt.expectEntrants([1000, 500, 50]);
    // and back down
    await tragt.moveDown(1);
    await expect.poll(() => tragt.stageNames()).toEqual(['A', 'B', 'C']);
    await tragt.expectEntrants([1000, 100, 50]);

    // remove B: A → C 50 %
    await tragt.removeStage(1);
    await expect(tragt.stages()).toHaveCount(2);
    expect(await tragt.stageNames()).toEqual(['A', 'C']);
    await tragt.expectEntrants([1000, 500]);
    // exactly one lead and one purchase mark survive the removal
    await expect(tragt.page.getByTestId('stage-purchase').and(tragt.page.locator(':checked'))).toHaveCount(1);
    await expect(tragt.page.getByTestId('stage-lead').and(tragt.page.locator(':checked'))).toHaveCount(1);
  });

  test('stage count stays within 2..20', async ({ tragt }) => {
    await tragt.open({ template: 'blank', lang: 'en' });
    await expect(tragt.inStage(0, 'stage-remove')).toBeDisabled();
    await expect(tragt.inStage(1, 'stage-remove')).toBeDisabled();
    await tragt.ensureStages(20);
    await expect(tragt.byId('stage-add')).toBeDisabled();
    await expect(tragt.stages()).toHaveCount(20);
    await expect(tragt.inStage(19, 'stage-remove')).toBeEnabled();
    await tragt.removeStage(19);
    await expect(tragt.stages()).toHaveCount(19);
    await expect(tragt.byId('stage-add')).toBeEnabled();
  });
});

test.describe('marks and money', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: formulas do not depend on the viewport');

  test('lead and purchase marks drive cost per lead, customers and CAC', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    await tragt.setMoney({ spend: 20000, aov: 100 });
    const e = await tragt.entrants();

    await tragt.markLead(0);
    await tragt.expectValue('out-cpl', 20000 / e[0]);
    await tragt.markLead(1);
    await tragt.expectValue('out-cpl', 20000 / e[1]);

    await tragt.markPurchase(3);
    await tragt.expectFigures({
      out: {
        'out-customers': e[3],
        'out-cac': 20000 / e[3],
        'out-revenue': e[3] * 100,
        'out-roas': (e[3] * 100) / 20000,
        'out-overall-rate': e[3] / e[0],
      },
      stages: {
        // P_i = product of the rates down to the purchase stage; 1 at it; none after it,
        // where everyone is a customer already (a retention stage)
        'stage-probability': [e[3] / e[0], e[3] / e[1], e[3] / e[2], 1, null],
      },
    });
    await expect(tragt.page.getByTestId('stage-purchase').and(tragt.page.locator(':checked'))).toHaveCount(1);
    await expect(tragt.inStage(3, 'stage-purchase')).toBeChecked();
    await expect(tragt.inStage(4, 'stage-purchase')).not.toBeChecked();
  });

  test('LTV method: retention shows its inputs, hides the lifespan, and LTV follows the formula', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    await tragt.setMoney({ aov: 200, freq: 2, margin: 50, method: 'simple', lifespan: 3 });
    const m = 200 * 2 * 0.5;
    await tragt.expectValue('out-ltv', m * 3);
    await expect(tragt.byId('input-retention')).toHaveCount(0);
    await expect(tragt.byId('input-discount')).toHaveCount(0);

    await tragt.selectLtvMethod('retention');
    await expect(tragt.byId('input-retention')).toBeVisible();
    await expect(tragt.byId('input-discount')).toBeVisible();
    await expect(tragt.byId('input-lifespan')).toBeHidden();
    await tragt.setMoney({ retention: 60, discount: 10 });
    const ltv = (m * 1.1) / (1.1 - 0.6);
    await tragt.expectValue('out-ltv', ltv);
    const cac = await tragt.value('out-cac');
    await tragt.expectValue('out-ltv-cac', ltv / cac);
    await tragt.expectValue('out-payback', cac / (m / 12));
    const customers = await tragt.value('out-customers');
    const spend = Number(await tragt.byId('input-spend').inputValue());
    await tragt.expectValue('out-roi', (customers * ltv - spend) / spend);

    // back to simple: the lifespan was kept
    await tragt.selectLtvMethod('simple');
    await expect(tragt.byId('input-retention')).toBeHidden();
    await expect(tragt.byId('input-lifespan')).toHaveValue('3');
    await tragt.expectValue('out-ltv', m * 3);
  });

  test('currency changes the formatted text, not the numbers', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'en' });
    const before = await tragt.snapshot();
    // English (en-GB) writes the Nordic currencies as codes ("DKK 220,500"), Danish as "kr."
    const cases = [['DKK', /kr|DKK/], ['EUR', /€/], ['USD', /\$|US/], ['SEK', /kr|SEK/], ['NOK', /kr|NOK/]];
    const texts = new Set();
    for (const [code, sign] of cases) {
      await tragt.selectCurrency(code);
      await expect(tragt.byId('currency-select')).toHaveValue(code);
      await expect(tragt.byId('out-revenue')).toHaveText(sign);
      await expect(tragt.byId('out-cac')).toHaveText(sign);
      await expect(tragt.inStage(0, 'stage-value')).toHaveText(sign);
      expect(await tragt.snapshot(), `figures unchanged with ${code}`).toEqual(before);
      texts.add(await tragt.byId('out-revenue').textContent());
    }
    expect(texts.size, 'each currency reads differently').toBe(cases.length);
  });

  test('Danish: DKK revenue is written with "kr."', async ({ tragt }) => {
    await tragt.open({ template: 'webshop', lang: 'da' });
    await tragt.selectCurrency('DKK');
    await expect(tragt.byId('out-revenue')).toHaveText(/kr\./);
    await tragt.selectCurrency('EUR');
    await expect(tragt.byId('out-revenue')).toHaveText(/€/);
    await expect(tragt.byId('out-revenue')).not.toHaveText(/kr/);
  });

  test('switching the LTV method while its field has focus does not crash the app', async ({ tragt, page }) => {
    // A field that is removed while focused gets a blur event; it must not touch the
    // disposed field's state (a wasm panic here leaves the app in an undefined state).
    await tragt.open({ template: 'webshop', lang: 'en' });
    await tragt.openMoneyMore();
    await tragt.byId('input-lifespan').fill('4');
    await expect(tragt.byId('input-lifespan')).toBeFocused();
    await tragt.byId('ltv-method').selectOption('retention'); // programmatic change, focus stays
    await expect(tragt.byId('input-retention')).toBeVisible();
    await tragt.byId('input-retention').fill('50');
    await page.getByTestId('ltv-method').selectOption('simple');
    await expect(tragt.byId('input-lifespan')).toHaveValue('4');
    // the app still calculates
    await tragt.typeCount(0, '80000');
    await tragt.expectStageValue(0, 'stage-entrants', 80000);
  });
});
