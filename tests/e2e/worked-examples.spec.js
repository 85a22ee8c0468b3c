// The five worked examples of the funnel-model spec (MODELS.md) §3.1–3.5 (tests/fixtures/worked-examples.json),
// each built through the UI from the blank template and checked figure by figure.
const path = require('node:path');
const { test, expect } = require('./support/test');

const examples = require(path.join(__dirname, '..', 'fixtures', 'worked-examples.json')).examples;

/** Output test id for each key of `expected`. */
const OUT_KEYS = ['customers', 'overall-rate', 'revenue', 'cpl', 'cac', 'roas', 'ltv', 'ltv-cac', 'payback', 'roi'];

for (const [n, { input, expected }] of examples.entries()) {
  test(`worked example ${n + 1}: ${input.name}`, async ({ tragt, page }, testInfo) => {
    // the phone project runs the first example as its smoke journey; the rest is desktop only
    test.skip(testInfo.project.name === 'phone' && n > 0, 'figures do not depend on the viewport; one phone journey suffices');
    await tragt.open({ template: 'blank', lang: 'en' });
    const stages = input.rates.length + 1;
    await tragt.ensureStages(stages);
    await expect(tragt.stages()).toHaveCount(stages);

    await tragt.typeCount(0, input.top);
    for (const [k, rate] of input.rates.entries()) await tragt.typeRate(k + 1, rate);
    await tragt.markLead(input.lead - 1);
    await tragt.markPurchase(input.purchase - 1);
    await tragt.setMoney({
      spend: input.spend, aov: input.aov, freq: input.freq, margin: input.margin, method: input.method,
      ...(input.method === 'simple' ? { lifespan: input.lifespan } : { retention: input.retention, discount: input.discount }),
    });

    // marks: exactly the ones we set
    await expect(tragt.inStage(input.lead - 1, 'stage-lead')).toBeChecked();
    await expect(tragt.inStage(input.purchase - 1, 'stage-purchase')).toBeChecked();
    await expect(page.getByTestId('stage-lead').and(page.locator(':checked'))).toHaveCount(1);

    const out = {};
    for (const key of OUT_KEYS) out[`out-${key}`] = expected[key];
    await tragt.expectFigures({
      out,
      stages: {
        'stage-entrants': expected.entrants,
        'stage-probability': expected.probability,
        'stage-value': expected.value,
      },
    }, input.name);

    // an undefined figure: data-value="" and a dash with the reason in parentheses
    for (const key of OUT_KEYS.filter((k) => expected[k] === null)) {
      const el = tragt.byId(`out-${key}`);
      await expect(el, `out-${key} is undefined`).toHaveAttribute('data-value', '');
      await expect(el, `out-${key} shows a dash and a reason`).toHaveText(/^\s*–\s*\(.+\)\s*$/);
    }
    // and a defined one never shows the dash
    for (const key of OUT_KEYS.filter((k) => expected[k] !== null)) {
      await expect(tragt.byId(`out-${key}`)).not.toHaveText(/^\s*–/);
    }
  });
}
