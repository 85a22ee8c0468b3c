// Trust in the details. Nothing is lost without a way back: every action that throws away
// what the visitor typed says so in the notice area with an Undo button (`notice-undo`), and
// removing the purchase stage says which stage counts the customers now. A stage can be
// inserted anywhere (`stage-insert`); one after the purchase is a retention stage; a renamed
// template stage keeps its note.
const { test, expect } = require('./support/test');

test.skip(({ isMobile }) => isMobile, 'desktop only: the notices do not depend on the viewport');

test('removing the purchase stage says where customers are counted now, and Undo puts it back', async ({ tragt }) => {
  // web shop: 40 000 → 50 % → 7 % → 50 % → 70 % = 490 customers at "Purchase"
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.expectValue('out-customers', 490);
  await tragt.removeStage(4);
  await tragt.expectValue('out-customers', 700);
  await expect(tragt.notice()).toContainText('“Purchase”, the purchase stage: customers are now counted at “Checkout started”');
  await expect(tragt.inStage(3, 'stage-purchase')).toBeChecked();
  await tragt.byId('notice-undo').click();
  await tragt.expectValue('out-customers', 490);
  await expect(tragt.stages()).toHaveCount(5);
  await expect(tragt.inStage(4, 'stage-purchase')).toBeChecked();
  await expect(tragt.byId('notice-undo')).toHaveCount(0);
});

test('a removed stage, a cleared goal and a rebuilt journey each come back with Undo', async ({ tragt }) => {
  await tragt.open({ lang: 'da', template: 'webshop' });
  // a stage: its name and rate return
  await tragt.typeName(1, 'Mine produkter');
  await tragt.typeRate(1, '40');
  await tragt.removeStage(1);
  await expect(tragt.notice()).toContainText('»Mine produkter« er fjernet.');
  await tragt.byId('notice-undo').click();
  await expect(tragt.inStage(1, 'stage-name')).toHaveValue('Mine produkter');
  await expect(tragt.inStage(1, 'stage-rate')).toHaveValue('40');

  // a goal
  await tragt.openView('goal');
  await tragt.byId('goal-customers').fill('980');
  await expect(tragt.byId('goal-clear')).toBeEnabled();
  await tragt.byId('goal-clear').click();
  await expect(tragt.byId('goal-customers')).not.toHaveValue('980');
  await expect(tragt.notice()).toContainText('Målet er fjernet.');
  await tragt.byId('notice-undo').click();
  await expect(tragt.byId('goal-customers')).toHaveValue('980');

  // the journey's own moves
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  const share = tragt.page.getByTestId('transition').first();
  await share.fill('3');
  await expect(share).toHaveValue('3');
  await tragt.byId('journey-rebuild').click();
  await expect(share).not.toHaveValue('3');
  await expect(tragt.notice()).toContainText('Rejsen er bygget igen');
  await tragt.byId('notice-undo').click();
  await expect(share).toHaveValue('3');
});

test('a notice about a scenario goes when another scenario is opened', async ({ tragt }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.typeRate(1, '40');
  await tragt.byId('scenario-new').click();
  await expect.poll(async () => (await tragt.scenarios()).length).toBe(2);
  await tragt.removeStage(1);
  await expect(tragt.byId('notice-undo')).toHaveCount(1);
  const [first] = await tragt.scenarios();
  await tragt.switchScenario(first.id);
  await expect(tragt.byId('notice-undo')).toHaveCount(0);
});

test('a stage inserted in the middle changes nothing until its rate is typed', async ({ tragt }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.expectValue('out-customers', 490);
  await tragt.inStage(1, 'stage-insert').click();
  await expect(tragt.stages()).toHaveCount(6);
  // the new stage is third, empty, at 100 %, and its name has the focus
  await expect(tragt.inStage(2, 'stage-name')).toBeFocused();
  await expect(tragt.inStage(2, 'stage-name')).toHaveValue('');
  await expect(tragt.inStage(2, 'stage-rate')).toHaveValue('100');
  await tragt.expectValue('out-customers', 490);
  await tragt.typeRate(2, '50');
  await tragt.expectValue('out-customers', 245);
  // stage-add still adds at the bottom
  await tragt.byId('stage-add').click();
  await expect(tragt.stages()).toHaveCount(7);
});

test('a stage after the purchase is a retention stage: named, explained, no chance to buy', async ({ tragt }) => {
  await tragt.open({ lang: 'da', template: 'webshop' });
  await tragt.byId('stage-add').click();
  await expect(tragt.stages()).toHaveCount(6);
  await expect(tragt.inStage(5, 'stage-name')).toHaveValue('Genkøb');
  await expect(tragt.inStage(5, 'stage-note')).toContainText('Efter købet');
  await expect(tragt.inStage(5, 'stage-probability')).toHaveAttribute('data-value', '');
  await expect(tragt.inStage(5, 'stage-probability')).toContainText('allerede kunde');
  await expect(tragt.inStage(5, 'stage-probability')).not.toContainText('100');
  // the purchase stage itself still shows its chance: 100 %
  await tragt.expectStageValue(4, 'stage-probability', 1);
});

test('renaming a template stage keeps its guidance note', async ({ tragt }) => {
  await tragt.open({ lang: 'en', template: 'b2b' });
  const note = await tragt.inStage(2, 'stage-note').textContent();
  expect(note.length).toBeGreaterThan(10);
  await tragt.typeName(2, 'Warm leads');
  await expect(tragt.inStage(2, 'stage-note')).toHaveText(note);
  // and it is still judged against the template's benchmark
  await tragt.openView('leaks');
  await expect(tragt.inStage(2, 'stage-benchmark')).toHaveValue('20');
});

// ---- fair numbers on first open ----------------------------------------------------------

const TEMPLATES = ['aida', 'kobstragt', 'kundresan', 'hexagon', 'readiness', 'kopvagen', 'webshop', 'b2b'];
const LANGS = ['da', 'sv', 'nb', 'en'];
const CITED = ['b2b-averages', 'baymard', 'unbounce'];

TEMPLATES.forEach((template, k) => {
  const lang = LANGS[k % LANGS.length];
  test(`${template} (${lang}): every benchmark is cited or a rule of thumb, and one stage opens below its own`, async ({ tragt }) => {
    await tragt.open({ lang, template });
    if (await tragt.byId('mode-select').inputValue() !== 'funnel') await tragt.choose(tragt.byId('mode-select'), 'funnel');
    await tragt.openView('leaks');
    const n = await tragt.stageCount();
    const below = [];
    for (let i = 1; i < n; i += 1) {
      const source = tragt.inStage(i, 'stage-benchmark-source');
      const kind = await source.getAttribute('data-source');
      expect([...CITED, 'rule-of-thumb'], `stage ${i + 1}'s source`).toContain(kind);
      // the words say which: a named source, or a rule of thumb
      expect((await source.textContent()).length, `stage ${i + 1}'s source text`).toBeGreaterThan(40);
      const benchmark = Number((await tragt.inStage(i, 'stage-benchmark').inputValue()).replace(',', '.'));
      const rate = Number((await tragt.inStage(i, 'stage-rate').inputValue()).replace(',', '.'));
      expect(benchmark, `stage ${i + 1}'s benchmark`).toBeGreaterThan(0);
      if (rate < benchmark) below.push(i + 1);
    }
    expect(below.length, 'stages below their benchmark').toBeGreaterThan(0);
    // the assessment names one of them, with what reaching its benchmark is worth
    const weakest = Number(await tragt.byId('bottleneck-weakest').getAttribute('data-stage'));
    expect(below).toContain(weakest);
    await expect(tragt.byId('bottleneck-advice')).toBeVisible();
  });
});

test('the blank template has no benchmarks to compare with: the visitor types their own', async ({ tragt }) => {
  await tragt.open({ lang: 'sv', template: 'blank' });
  await tragt.openView('leaks');
  await expect(tragt.inStage(1, 'stage-benchmark')).toHaveValue('');
  await expect(tragt.inStage(1, 'stage-benchmark-source')).toHaveCount(0);
  await tragt.inStage(1, 'stage-benchmark').fill('12');
  await expect(tragt.inStage(1, 'stage-benchmark-source')).toHaveAttribute('data-source', 'user');
  await expect(tragt.byId('bottleneck-weakest')).toHaveAttribute('data-stage', '2');
});

test('every template counts whole people at every stage', async ({ tragt }) => {
  const fractional = [];
  for (const [k, template] of [...TEMPLATES, 'blank'].entries()) {
    await tragt.open({ lang: LANGS[k % LANGS.length], template });
    // a journey counts expected visits; its straight funnel is the template's counts
    if (await tragt.byId('mode-select').inputValue() !== 'funnel') await tragt.choose(tragt.byId('mode-select'), 'funnel');
    await expect(tragt.inStage(1, 'stage-entrants')).toHaveAttribute('data-value', /\d/);
    const counts = await tragt.byId('stage-entrants').evaluateAll((els) => els.map((e) => Number(e.dataset.value)));
    counts.forEach((c, i) => { if (Math.abs(c - Math.round(c)) > 1e-6) fractional.push(`${template} stage ${i + 1}: ${c}`); });
  }
  expect(fractional).toEqual([]);
});

// One rule for money everywhere: whole units from 100 on, cents below where there are any.
for (const [lang, decimal] of [['da', ','], ['sv', ','], ['nb', ','], ['en', '.']]) {
  test(`${lang}: money has cents only below 100, and only when there are some`, async ({ tragt }) => {
    await tragt.open({ lang, template: 'webshop' });
    // a spend that makes a cost per entrant below 100 with cents, and one with none
    await tragt.byId('input-spend').fill('4900');
    await tragt.expectValue('out-cac', 10);
    const seen = [];
    const amounts = tragt.page.locator('[data-testid="out-revenue"], [data-testid="out-cac"], [data-testid="out-ltv"], '
      + '[data-testid="out-cpl"], [data-testid="stage-value"], [data-testid="stage-cost-per-entrant"]');
    const all = await amounts.evaluateAll((els) => els.map((e) => [e.dataset.testid, Number(e.dataset.value), e.textContent.trim()]));
    expect(all.length).toBeGreaterThan(10);
    for (const [id, v, text] of all) {
      if (!Number.isFinite(v) || text.startsWith('–')) continue;
      const cents = Math.round(Math.abs(v) * 100);
      const want = cents < 10000 && cents % 100 !== 0;
      const has = new RegExp(`\\d\\${decimal}\\d\\d(?!\\d)`).test(text);
      seen.push(want);
      expect(has, `${id} ${v} shown as "${text}"`).toBe(want);
    }
    // both kinds were on the page: 4 900 / 490 = 10 (no cents), 4 900 / 700 = 7 (CPL); a
    // product view's cost 4 900 / 20 000 = 0.245
    expect(seen).toContain(true);
    expect(seen).toContain(false);
  });
}
