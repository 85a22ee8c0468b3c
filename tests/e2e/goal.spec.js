// Goal seeking (MODELS.md §3.6): a target of customers or revenue, the entrants each stage
// needs, the spend it takes, and the goal kept with the scenario.
//
// The web shop template: 40 000 → 20 000 → 1 400 → 700 → 490 customers per month, chances
// to buy P = 0.01225, 0.0245, 0.35, 0.7, 1; spend 80 000, order value 450.
const path = require('node:path');
const { test, expect } = require('./support/test');
const { close } = require('./pages/tragt');

const SHOTS = path.join(__dirname, 'screenshots');

/** The goal-required data-values of every stage that has one. */
async function required(tragt) {
  const values = await tragt.page.getByTestId('goal-required').evaluateAll((els) => els.map((e) => e.dataset.value));
  return values.map((v) => (v === '' ? null : Number(v)));
}

const STATUS = {
  da: { hint: 'Skriv et mål', short: 'Der mangler 490 kunder pr. måned.', reached: 'Scenariet når målet.' },
  sv: { hint: 'Skriv ett mål', short: 'Det saknas 490 kunder per månad.', reached: 'Scenariot når målet.' },
  en: { hint: 'Type a target', short: '490 more customers per month are needed.', reached: 'This scenario reaches the goal.' },
};

for (const lang of ['da', 'sv']) {
  test(`${lang}: a customer target shows what each stage needs, the spend, and what is missing`, async ({ tragt, page }, info) => {
    await tragt.open({ lang, template: 'webshop' });
    await tragt.openView('goal');
    await expect(tragt.byId('goal-status')).toContainText(STATUS[lang].hint);
    await expect(page.getByTestId('goal-required')).toHaveCount(0);

    // 980 customers, twice the scenario: 980 / P = 80 000, 40 000, 2 800, 1 400, 980
    await tragt.byId('goal-customers').fill('980');
    await expect(page.getByTestId('goal-required')).toHaveCount(5);
    const want = [80000, 40000, 2800, 1400, 980];
    await expect.poll(async () => (await required(tragt)).every((v, i) => close(v, want[i]))).toBe(true);
    // spend at the current CAC: 980 · 80 000 / 490 = 160 000
    await expect.poll(async () => close(await tragt.value('goal-spend'), 160000)).toBe(true);
    await expect(tragt.byId('goal-status')).toHaveText(STATUS[lang].short);
    // the revenue field shows the same goal: 980 · 450 = 441 000
    await tragt.byId('goal-customers').blur();
    await expect(tragt.byId('goal-revenue')).toHaveValue(/441[.\s\u00a0]?000/);
    // the forecast itself is untouched
    expect(close(await tragt.value('out-customers'), 490)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, `goal-${info.project.name}-${lang}.png`), fullPage: true });
  });
}

test('a revenue target the scenario reaches; the goal is kept with the scenario; clearing removes it', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.openView('goal');
  // 110 250 / 450 = 245 customers, half the scenario: every stage has enough
  await tragt.byId('goal-revenue').fill('110250');
  await expect(tragt.byId('goal-status')).toHaveText(STATUS.en.reached);
  await expect.poll(async () => close((await required(tragt))[0], 20000)).toBe(true);
  await expect(page.locator('.goal-short')).toHaveCount(0);
  // 245 · 80 000 / 490 = 40 000
  await expect.poll(async () => close(await tragt.value('goal-spend'), 40000)).toBe(true);

  // kept through a reload (autosave; the view is not: open it again) and a language switch
  await tragt.reload();
  await tragt.openView('goal');
  await expect(tragt.byId('goal-status')).toHaveText(STATUS.en.reached);
  await tragt.byId('lang-select').selectOption('sv');
  await expect(tragt.byId('goal-status')).toHaveText(STATUS.sv.reached);
  await expect(page.getByTestId('goal-required')).toHaveCount(5);

  // a stage short of its need is marked: 0.5 % into stage 2 leaves too few
  await tragt.typeRate(1, '0,5');
  await expect(tragt.stage(1).locator('.goal-short')).toHaveCount(1);

  await tragt.byId('goal-clear').click();
  await expect(page.getByTestId('goal-required')).toHaveCount(0);
  await expect(tragt.byId('goal-status')).toContainText(STATUS.sv.hint);
  expect(await tragt.value('goal-spend')).toBeNull();
});

test('bad targets: 0 asks for a target, text is refused, a 0 % rate makes the stages above unreachable', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.openView('goal');
  await tragt.byId('goal-customers').fill('0');
  await expect(tragt.byId('goal-status')).toHaveText('enter a target above 0');
  expect(await required(tragt)).toEqual([null, null, null, null, null]);

  await tragt.byId('goal-customers').fill('abc');
  await expect(tragt.byId('goal-customers')).toHaveAttribute('aria-invalid', 'true');

  await tragt.byId('goal-customers').fill('100');
  await tragt.typeRate(2, '0');
  // 0 % into stage 3: P₁ = P₂ = 0, so no number of entrants is enough there; stages 3–5 still have needs
  await expect.poll(async () => (await required(tragt)).map((v) => v !== null)).toEqual([false, false, true, true, true]);
  await expect(tragt.inStage(0, 'goal-required')).toContainText('0 %');
  expect(await tragt.value('goal-spend')).toBeNull();

  // a target of 0, saved, opens again without a notice of values that could not be read
  await tragt.byId('goal-customers').fill('0');
  await expect(tragt.byId('goal-status')).toHaveText('enter a target above 0');
  await tragt.reload();
  await tragt.openView('goal');
  await expect(tragt.notice(), 'every saved value is read back').toBeEmpty();
  await expect(tragt.byId('goal-status')).toHaveText('enter a target above 0');
});
