// Traffic & spend (MODELS.md §3.12–3.13): where the first stage's people come from and what
// they cost. Sources are paid per click, per thousand impressions or free; with sources,
// stage 1's people are their visitors (read-only) and the rate into stage 2 their blend
// (read-only); each source shows its customers, revenue, cost per visitor, CAC and ROAS.
// Stages have costs of their own (a fixed cost and a cost per entrant) while the view is
// open; every money figure uses the total spend S = spend typed + media + stage costs, and
// each stage's cost per entrant is Q_i = (S − costs of later stages) / E_i. The goal says
// what media budget it needs at today's mix. It all saves, reloads, travels in a share
// link and the CSV; bad input marks the field and changes no figure; a removed source
// comes back with Undo; the sample mix changes no customer and no total spend.
//
// Expectations are computed here from the formulas of MODELS.md (forecast(), goalBudget()),
// from the inputs the test types and the template's numbers, and compared with the pages'
// `data-value`s within a relative tolerance.
const { test, expect } = require('./support/test');
const { close, decodeShareLink } = require('./pages/tragt');

// ---- the model, from MODELS.md ---------------------------------------------------------

/**
 * The web shop template (MODELS.md §1.7): 40 000 visitors, then 50 %, 7 %, 50 %, 70 % into
 * the next stages; the lead is "Checkout started" (the 4th stage), the purchase the 5th;
 * spend 80 000 per month, order value 450. 40 000 · 0.5 · 0.07 · 0.5 · 0.7 = 490 customers.
 */
const SHOP = { top: 40_000, rates: [0.5, 0.07, 0.5, 0.7], lead: 3, purchase: 4, spend: 80_000, aov: 450 };

/**
 * The B2B template (MODELS.md §1.7): 25 000 visitors, then 2 %, 20 %, 40 %, 50 %, 20 %; the
 * lead is the 2nd stage, the purchase the 6th; spend 120 000, order value 60 000: 4 customers.
 */
const B2B = { top: 25_000, rates: [0.02, 0.2, 0.4, 0.5, 0.2], lead: 1, purchase: 5, spend: 120_000, aov: 60_000 };

/** The web shop's sample mix (MODELS.md, the `source-sample` button). */
const SHOP_SAMPLE = [
  { kind: 'cpc', budget: 30_000, cpc: 5, rate: 60 },
  { kind: 'cpm', budget: 20_000, cpm: 50, ctr: 1, rate: 35 },
  { kind: 'free', visitors: 30_000, cost: 0 },
];
/** The B2B template's sample mix. */
const B2B_SAMPLE = [
  { kind: 'cpc', budget: 30_000, cpc: 30, rate: 3 },
  { kind: 'cpm', budget: 40_000, cpm: 200, ctr: 0.5, rate: 1 },
  { kind: 'free', visitors: 23_000, cost: 0 },
];

/** A source's visitors per period, v_s (§3.12). */
function visitorsOf(s) {
  if (s.kind === 'cpc') return s.budget / s.cpc;
  if (s.kind === 'cpm') return ((1000 * s.budget) / s.cpm) * (s.ctr / 100);
  return s.visitors;
}

/** A source's money per period, B_s (a free source's cost). */
function budgetOf(s) {
  return s.kind === 'free' ? s.cost || 0 : s.budget;
}

/** a / b, or null (an undefined figure) when b is 0. */
function ratio(a, b) {
  return b === 0 ? null : a / b;
}

/**
 * The figures of a straight funnel `funnel` fed by `sources` (none: its typed top), with
 * stage costs `costs` ({stageIndex: {fixed, unit}}): entrants E, stage costs K, total spend
 * S, cost per entrant Q, customers, CAC, ROAS, CPL (= Q at the lead stage), the blend into
 * stage 2 and each source's figures.
 */
function forecast(funnel, sources = [], costs = {}) {
  const c1 = funnel.rates[0];
  // P_2: the chance that someone in stage 2 buys
  const buy2 = funnel.rates.slice(1, funnel.purchase).reduce((p, r) => p * r, 1);
  const per = sources.map((s) => {
    const v = visitorsOf(s);
    const r = s.rate === undefined || s.rate === null ? c1 : s.rate / 100;
    return { v, r, budget: budgetOf(s), paid: s.kind !== 'free', customers: v * r * buy2 };
  });
  const E = sources.length
    ? [per.reduce((a, s) => a + s.v, 0), per.reduce((a, s) => a + s.v * s.r, 0)]
    : [funnel.top, funnel.top * c1];
  for (let i = 2; i <= funnel.rates.length; i += 1) E.push(E[i - 1] * funnel.rates[i - 1]);
  const K = E.map((e, i) => ((costs[i] && costs[i].fixed) || 0) + ((costs[i] && costs[i].unit) || 0) * e);
  const media = per.reduce((a, s) => a + s.budget, 0);
  const S = funnel.spend + media + K.reduce((a, k) => a + k, 0);
  const Q = E.map((e, i) => ratio(S - K.slice(i + 1).reduce((a, k) => a + k, 0), e));
  const customers = E[funnel.purchase];
  return {
    E, K, S, Q, media, customers,
    cac: ratio(S, customers),
    roas: ratio(customers * funnel.aov, S),
    cpl: Q[funnel.lead],
    blend: E[1] / E[0],
    sources: per.map((s) => ({
      paid: s.paid,
      budget: s.budget,
      visitors: s.v,
      customers: s.customers,
      revenue: s.customers * funnel.aov,
      cpv: ratio(s.budget, s.v),
      cac: ratio(s.budget, s.customers),
      roas: ratio(s.customers * funnel.aov, s.budget),
    })),
  };
}

/**
 * The media budget a goal of `target` customers needs at today's mix (§3.12): each paid
 * budget × (T − C_free) / C_paid, plus the free sources' costs. {free: true, total} when the
 * free sources reach the goal alone.
 */
function goalBudget(model, target) {
  const free = model.sources.filter((s) => !s.paid);
  const paid = model.sources.filter((s) => s.paid);
  const freeCustomers = free.reduce((a, s) => a + s.customers, 0);
  const freeCost = free.reduce((a, s) => a + s.budget, 0);
  if (target <= freeCustomers) return { free: true, total: freeCost, budgets: [] };
  const scale = (target - freeCustomers) / paid.reduce((a, s) => a + s.customers, 0);
  const budgets = paid.map((s) => s.budget * scale);
  return { free: false, scale, budgets, total: budgets.reduce((a, b) => a + b, 0) + freeCost };
}

// ---- words ------------------------------------------------------------------------------

const DECIMAL = { da: ',', nb: ',', sv: ',', en: '.' };

/** A number as a person types it in `lang` (no grouping, the language's decimal mark). */
function typed(n, lang) {
  return String(n).replace('.', DECIMAL[lang]);
}

/** A number shown in an input, read back. */
function read(text, lang) {
  return Number(text.replace(DECIMAL[lang], '.'));
}

/** The notes of the derived stage rows, and the goal's note when free sources suffice. */
const WORDS = {
  da: {
    fromSources: 'Summen af trafikkildernes besøgende.',
    blend: 'Trafikkildernes samlede andel.',
    freeSuffice: 'De gratis kilder når allerede målet.',
    names: ['Nyhedsbrev', 'Google Ads', 'Instagram'],
    sample: ['Søgeannoncer', 'Sociale medier', 'Organisk søgning'],
  },
  nb: {
    fromSources: 'Summen av trafikkildenes besøkende.',
    blend: 'Trafikkildenes samlede andel.',
    freeSuffice: 'De gratis kildene når allerede målet.',
    names: ['Nyhetsbrev', 'Google Ads', 'Instagram'],
    sample: ['Søkeannonser', 'Sosiale medier', 'Organisk søk'],
  },
  en: {
    fromSources: 'The sum of the traffic sources\' visitors.',
    blend: 'The traffic sources\' blended rate.',
    freeSuffice: 'The free sources already reach the goal.',
    names: ['Newsletter', 'Google Ads', 'Instagram'],
    sample: ['Search ads', 'Social ads', 'Organic search'],
  },
};

/**
 * The hand-built mix: one source of each kind, in the order they are added (the first one
 * added is free). The CPC has decimals (typed with the language's mark); the free source
 * has no rate of its own (it uses the typed 50 %).
 */
const HAND_MIX = [
  { kind: 'free', visitors: 30_000, cost: 2_000 },
  { kind: 'cpc', budget: 15_000, cpc: 2.5, rate: 62 },
  { kind: 'cpm', budget: 20_000, cpm: 50, ctr: 1, rate: 35 },
];
/** Costs of the hand-built journey: a fixed cost at "Add to cart", 10 per entrant at "Checkout started". */
const HAND_COSTS = { 2: { fixed: 3_000 }, 3: { unit: 10 } };

// ---- page helpers -------------------------------------------------------------------------

const SOURCE_OUTPUTS = {
  visitors: 'source-visitors',
  customers: 'source-customers',
  revenue: 'source-revenue',
  cpv: 'source-cpv',
  cac: 'source-cac',
  roas: 'source-roas',
};

/** The i-th source row's element with this test id. */
function inSource(tragt, i, testid) {
  return tragt.byId('source').nth(i).getByTestId(testid);
}

/** The data-value of every source output, as written: [{testid: text}], one per source. */
function sourceValues(page) {
  return page.evaluate((ids) => [...document.querySelectorAll('[data-testid="source"]')].map((li) => Object.fromEntries(ids.map((id) => {
    const el = li.querySelector(`[data-testid="${id}"]`);
    return [id, el ? el.getAttribute('data-value') : undefined];
  }))), Object.values(SOURCE_OUTPUTS));
}

/** '' → null (undefined figure), else the number. */
function num(raw) {
  return raw === '' || raw === null || raw === undefined ? null : Number(raw);
}

/** Polls until every source's outputs ≈ the model's. */
async function expectSources(tragt, want, message = 'source figures') {
  await expect.poll(async () => {
    const got = await sourceValues(tragt.page);
    if (got.length !== want.length) return [`${got.length} sources, want ${want.length}`];
    const bad = [];
    want.forEach((w, i) => {
      for (const [key, id] of Object.entries(SOURCE_OUTPUTS)) {
        if (!close(num(got[i][id]), w[key])) bad.push(`source ${i + 1} ${id}: got ${got[i][id]}, want ${w[key]}`);
      }
    });
    return bad;
  }, { message }).toEqual([]);
}

/** Every stage's own cost K_i as written (undefined where the row has none). */
function stageCosts(page) {
  return page.getByTestId('stage').evaluateAll((rows) => rows.map((row) => {
    const el = row.querySelector('[data-testid="stage-cost"]');
    return el ? el.getAttribute('data-value') : undefined;
  }));
}

/** Polls until each stage's cost K_i ≈ `want` (a row without the figure is a mismatch). */
async function expectStageCosts(tragt, want) {
  await expect.poll(async () => {
    const got = await stageCosts(tragt.page);
    return got.length === want.length && got.every((v, i) => v !== undefined && close(num(v), want[i])) ? 'ok' : got;
  }, { message: `stage costs ≈ ${want}` }).toBe('ok');
}

/** Polls until the figures the whole page shows match `m` (a forecast()). */
async function expectForecast(tragt, m, message) {
  await tragt.expectFigures({
    out: { 'out-customers': m.customers, 'out-cac': m.cac, 'out-roas': m.roas, 'out-cpl': m.cpl },
    stages: { 'stage-entrants': m.E, 'stage-cost-per-entrant': m.Q },
  }, message);
  await tragt.expectValue('out-spend-total', m.S, `${message}: total spend S`);
  await expectSources(tragt, m.sources, `${message}: sources`);
}

/**
 * The traffic view as the page shows it: each source's kind, inputs and figures; each
 * stage's count, rate, cost inputs and costs; the spend typed and the total.
 */
function trafficState(page) {
  return page.evaluate(() => {
    const one = (root, id) => root.querySelector(`[data-testid="${id}"]`);
    const sources = [...document.querySelectorAll('[data-testid="source"]')].map((li) => {
      const o = { kind: li.dataset.kind };
      for (const el of li.querySelectorAll('input, select')) o[el.dataset.testid] = el.value;
      for (const el of li.querySelectorAll('[data-value]')) o[el.dataset.testid] = el.getAttribute('data-value');
      return o;
    });
    const stages = [...document.querySelectorAll('[data-testid="stage"]')].map((row) => {
      const o = {};
      for (const id of ['stage-count', 'stage-rate', 'stage-fixed-cost', 'stage-unit-cost']) {
        const el = one(row, id);
        if (el) o[id] = [el.value, el.readOnly];
      }
      for (const id of ['stage-cost', 'stage-cost-per-entrant', 'stage-entrants']) {
        const el = one(row, id);
        if (el) o[id] = el.getAttribute('data-value');
      }
      return o;
    });
    return {
      sources,
      stages,
      spend: one(document, 'input-spend').value,
      total: one(document, 'out-spend-total').getAttribute('data-value'),
    };
  });
}

/** Every figure an edit could change: headline, stages, sources, stage costs, total spend. */
async function allFigures(tragt) {
  return {
    figures: await tragt.snapshot(),
    sources: await sourceValues(tragt.page),
    costs: await stageCosts(tragt.page),
    total: await tragt.byId('out-spend-total').getAttribute('data-value'),
  };
}

/** The note under a figure card (`goal-budget`'s). */
function figureNote(tragt, testid) {
  return tragt.page.locator('.figure', { has: tragt.byId(testid) }).locator('.figure-note');
}

/** Types HAND_MIX into three sources of the kinds free, cpc, cpm (names in `lang`). */
async function typeHandMix(tragt, lang) {
  const names = WORDS[lang].names;
  const [free, cpc, cpm] = HAND_MIX;
  await inSource(tragt, 0, 'source-name').fill(names[0]);
  await inSource(tragt, 0, 'source-visitors-in').fill(typed(free.visitors, lang));
  await inSource(tragt, 0, 'source-cost').fill(typed(free.cost, lang));

  await inSource(tragt, 1, 'source-name').fill(names[1]);
  await inSource(tragt, 1, 'source-budget').fill(typed(cpc.budget, lang));
  await inSource(tragt, 1, 'source-cpc').fill(typed(cpc.cpc, lang));
  await inSource(tragt, 1, 'source-rate').fill(typed(cpc.rate, lang));

  await inSource(tragt, 2, 'source-name').fill(names[2]);
  await inSource(tragt, 2, 'source-budget').fill(typed(cpm.budget, lang));
  await inSource(tragt, 2, 'source-cpm').fill(typed(cpm.cpm, lang));
  await inSource(tragt, 2, 'source-ctr').fill(typed(cpm.ctr, lang));
  await inSource(tragt, 2, 'source-rate').fill(typed(cpm.rate, lang));
}

/**
 * Builds HAND_MIX in the open traffic view of a fresh web shop: three sources added (the
 * first one free, the next ones per click), the third switched to per-thousand, then typed.
 */
async function buildHandMix(tragt, lang) {
  for (let n = 1; n <= 3; n += 1) {
    await tragt.byId('source-add').click();
    await expect(tragt.byId('source')).toHaveCount(n);
  }
  await tragt.choose(inSource(tragt, 2, 'source-kind'), 'cpm');
  await expect(tragt.byId('source').nth(2)).toHaveAttribute('data-kind', 'cpm');
  await typeHandMix(tragt, lang);
}

/** Types HAND_COSTS into the stage rows (the traffic view must be open). */
async function typeHandCosts(tragt, lang) {
  for (const [i, c] of Object.entries(HAND_COSTS)) {
    if (c.fixed !== undefined) await tragt.inStage(Number(i), 'stage-fixed-cost').fill(typed(c.fixed, lang));
    if (c.unit !== undefined) await tragt.inStage(Number(i), 'stage-unit-cost').fill(typed(c.unit, lang));
  }
}

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

// ---- the main journey: da on a desktop, nb on a phone, en on a desktop ----------------------

for (const { lang, device } of [
  { lang: 'da', device: 'desktop' },
  { lang: 'nb', device: 'phone' },
  { lang: 'en', device: 'desktop' },
]) {
  test.describe(`${lang} on a ${device}`, () => {
    test.use({ viewport: VIEWPORTS[device] });
    test.skip(({ isMobile }) => isMobile !== (device === 'phone'), `runs in the ${device} project only`);

    test('a hand-built mix of three sources feeds stages 1 and 2; stage costs, the goal\'s budget, reload and share link', async ({ tragt, page, newVisitor }) => {
      const words = WORDS[lang];
      await tragt.open({ lang, template: 'webshop' });
      const start = forecast(SHOP);
      await tragt.expectValue('out-customers', start.customers);
      await tragt.expectValue('out-spend-total', SHOP.spend);
      const initial = await tragt.snapshot();
      await tragt.openView('traffic');
      await expect(tragt.byId('sources-empty')).toBeVisible();
      await expect(tragt.byId('source-sample')).toBeVisible();

      // adding sources changes nothing: the first one is free and holds stage 1's people,
      // the next ones are paid per click with no budget
      await tragt.byId('source-add').click();
      await expect(tragt.byId('source')).toHaveCount(1);
      await expect(tragt.byId('source').nth(0)).toHaveAttribute('data-kind', 'free');
      await expect(inSource(tragt, 0, 'source-visitors-in')).toHaveValue(typed(SHOP.top, lang));
      await expect(tragt.byId('sources-empty')).toHaveCount(0);
      await expect(tragt.byId('source-sample'), 'the sample is offered only while there are no sources').toHaveCount(0);
      await tragt.byId('source-add').click();
      await expect(tragt.byId('source')).toHaveCount(2);
      await expect(tragt.byId('source').nth(1)).toHaveAttribute('data-kind', 'cpc');
      await expect(inSource(tragt, 1, 'source-budget')).toHaveValue('0');
      await expect(inSource(tragt, 1, 'source-visitors')).toHaveAttribute('data-value', '0');
      await tragt.painted();
      expect(await tragt.snapshot(), 'adding sources changes no figure').toEqual(initial);
      await tragt.expectValue('out-spend-total', SHOP.spend);

      await tragt.byId('source-add').click();
      await expect(tragt.byId('source')).toHaveCount(3);
      await tragt.choose(inSource(tragt, 2, 'source-kind'), 'cpm');
      await expect(tragt.byId('source').nth(2)).toHaveAttribute('data-kind', 'cpm');
      await expect(inSource(tragt, 2, 'source-cpc')).toHaveCount(0);
      await expect(inSource(tragt, 2, 'source-cpm')).toHaveCount(1);
      await expect(inSource(tragt, 2, 'source-ctr')).toHaveCount(1);
      await expect(inSource(tragt, 0, 'source-budget'), 'a free source has no budget').toHaveCount(0);
      await tragt.painted();
      expect(await tragt.snapshot(), 'switching a source without budget changes no figure').toEqual(initial);

      // typed: one source of each kind (the CPC with the language's decimal mark)
      await typeHandMix(tragt, lang);

      const mix = forecast(SHOP, HAND_MIX);
      await expectForecast(tragt, mix, 'the hand-built mix');
      // 15 000 / 2.5: the decimal mark was read as one
      expect(mix.sources[1].visitors).toBe(6_000);
      await expect(inSource(tragt, 0, 'source-rate'), 'no rate of its own: the typed stage-2 rate').toHaveValue('');

      // stage 1 is the sources' sum, stage 2's rate their blend: read-only, explained
      const count = tragt.inStage(0, 'stage-count');
      const rate = tragt.inStage(1, 'stage-rate');
      await expect(count).toHaveJSProperty('readOnly', true);
      await expect(rate).toHaveJSProperty('readOnly', true);
      await expect(tragt.inStage(2, 'stage-rate')).toHaveJSProperty('readOnly', false);
      await expect(count).toHaveValue(typed(mix.E[0], lang));
      await expect.poll(async () => read(await rate.inputValue(), lang), { message: 'stage 2 shows the blend' })
        .toBeCloseTo(mix.blend * 100, 2);
      expect(await rate.inputValue(), 'the blend is written with the language\'s decimal mark').toContain(DECIMAL[lang]);
      await expect(tragt.inStage(0, 'stage-derived')).toHaveText(words.fromSources);
      await expect(tragt.inStage(1, 'stage-derived')).toHaveText(words.blend);
      await expect(tragt.inStage(1, 'stage-note'), 'the derived text replaces the note').toHaveCount(0);
      await expect(tragt.inStage(2, 'stage-derived')).toHaveCount(0);
      await expect(tragt.inStage(2, 'stage-note')).toHaveCount(1);
      await expect(tragt.byId('spend-split')).toBeVisible();
      await expect(tragt.byId('chart-sources')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'no horizontal scrolling')
        .toBeLessThanOrEqual(0);

      // stage costs: every row has the inputs and its cost K_i while the view is open
      for (const id of ['stage-fixed-cost', 'stage-unit-cost', 'stage-cost', 'stage-cost-per-entrant']) {
        await expect(page.getByTestId(id), `${id}: one per stage`).toHaveCount(SHOP.rates.length + 1);
      }
      await expectStageCosts(tragt, mix.K);
      await typeHandCosts(tragt, lang);
      const costed = forecast(SHOP, HAND_MIX, HAND_COSTS);
      await expectStageCosts(tragt, costed.K);
      await expectForecast(tragt, costed, 'with stage costs');

      // the goal: first one the free sources reach alone, then one that needs paid media
      await tragt.openView('goal');
      await expect(page.getByTestId('stage-fixed-cost'), 'the cost inputs belong to the traffic view').toHaveCount(0);
      const kept = await stageCosts(page);
      expect(kept.map((v) => v !== undefined), 'only the stages with a cost show it').toEqual(costed.K.map((_, i) => !!HAND_COSTS[i]));
      kept.forEach((v, i) => {
        if (v !== undefined) expect(close(num(v), costed.K[i]), `stage ${i + 1}'s cost ${v} ≈ ${costed.K[i]}`).toBe(true);
      });
      const goal = tragt.byId('goal-customers');
      const reachable = 300; // the newsletter alone brings more customers
      const byFree = goalBudget(costed, reachable);
      expect(byFree.free).toBe(true);
      await goal.fill(typed(reachable, lang));
      await tragt.expectValue('goal-budget', byFree.total);
      await expect(figureNote(tragt, 'goal-budget')).toHaveText(words.freeSuffice);
      await expect(tragt.byId('goal-budget-source')).toHaveCount(0);

      const target = 600;
      await goal.fill(typed(target, lang));
      const plan = goalBudget(costed, target);
      expect(plan.free).toBe(false);
      await tragt.expectValue('goal-budget', plan.total);
      const perSource = tragt.byId('goal-budget-source');
      await expect(perSource, 'one per paid source').toHaveCount(2);
      await expect.poll(async () => (await perSource.evaluateAll((els) => els.map((e) => Number(e.dataset.value))))
        .every((v, i) => close(v, plan.budgets[i])), { message: `per source ≈ ${plan.budgets}` }).toBe(true);
      await expect(perSource.nth(0)).toContainText(words.names[1]);
      await expect(perSource.nth(1)).toContainText(words.names[2]);
      await tragt.expectValue('goal-spend', target * costed.cac);

      // autosaved: a reload brings it all back
      await tragt.openView('traffic');
      const before = { traffic: await trafficState(page), figures: await tragt.snapshot() };
      expect(before.traffic.sources.map((s) => [s.kind, s['source-name']])).toEqual(
        HAND_MIX.map((s, i) => [s.kind, words.names[i]]),
      );
      await tragt.waitForSave((store) => {
        const s = store.scenarios.find((x) => x.id === store.current);
        return s && Array.isArray(s.sources) && s.sources.length === 3
          && s.stages[3].entrant_cost === HAND_COSTS[3].unit && JSON.stringify(s.goal || null).includes(String(target));
      });
      await tragt.reload();
      await tragt.openView('traffic');
      await expect.poll(() => trafficState(page), { message: 'the traffic view after a reload' }).toEqual(before.traffic);
      expect(await tragt.snapshot()).toEqual(before.figures);
      await tragt.openView('goal');
      await expect(goal).toHaveValue(typed(target, lang));
      await tragt.expectValue('goal-budget', plan.total);

      // a share link carries it to somebody else
      const link = await tragt.shareLink();
      const carried = decodeShareLink(link);
      expect(carried.version).toBe(5);
      expect(carried.scenarios[0].sources.map((s) => [s.kind, s.name])).toEqual(HAND_MIX.map((s, i) => [s.kind, words.names[i]]));
      const visitor = await newVisitor();
      await visitor.page.goto(link);
      await visitor.ready();
      await visitor.openView('traffic');
      await expect.poll(() => trafficState(visitor.page), { message: 'the traffic view from the share link' }).toEqual(before.traffic);
      expect(await visitor.snapshot()).toEqual(before.figures);
    });
  });
}

// ---- the rest, in one language each, on a desktop -----------------------------------------

test.describe('on a desktop', () => {
  test.use({ viewport: VIEWPORTS.desktop });
  test.skip(({ isMobile }) => isMobile, 'desktop only: the rest does not depend on the viewport');

  test('?view=traffic opens the view: a tab of the tablist with its panel; costs on every row while open', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'aida', view: 'traffic' });
    const tab = tragt.viewTab('traffic');
    const panel = tragt.byId('view-traffic');
    await expect(panel).toBeVisible();
    await expect(page.getByRole('tablist').getByRole('tab', { name: 'Traffic & spend' })).toHaveAttribute('data-testid', 'view-tab-traffic');
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(panel).toHaveAttribute('role', 'tabpanel');
    expect(await tab.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
    expect(await panel.getAttribute('aria-labelledby')).toBe(await tab.getAttribute('id'));

    // no sample for a template whose first stage is not bought traffic
    await expect(tragt.byId('sources-empty')).toHaveText('No sources yet: stage 1\'s people are typed.');
    await expect(tragt.byId('source-add')).toBeEnabled();
    await expect(tragt.byId('source-sample')).toHaveCount(0);
    await expect(tragt.byId('chart-sources')).toHaveCount(0);
    await expect(tragt.inStage(0, 'stage-count')).toHaveJSProperty('readOnly', false);

    const n = await tragt.stageCount();
    for (const id of ['stage-fixed-cost', 'stage-unit-cost', 'stage-cost', 'stage-cost-per-entrant']) {
      await expect(page.getByTestId(id), `${id}: one per stage`).toHaveCount(n);
    }
    expect(await stageCosts(page)).toEqual(Array(n).fill('0'));
    const spend = read(await tragt.byId('input-spend').inputValue(), 'en');
    await tragt.expectValue('out-spend-total', spend);
    await expect(tragt.byId('spend-split'), 'nothing to itemise').toHaveCount(0);

    // a cost per entrant at stage 2; emptying the field clears it
    const e2 = await tragt.stageValue(1, 'stage-entrants');
    await tragt.inStage(1, 'stage-unit-cost').fill('2.5');
    await tragt.expectStageValue(1, 'stage-cost', 2.5 * e2);
    await tragt.expectValue('out-spend-total', spend + 2.5 * e2);
    await expect(tragt.byId('spend-split')).toBeVisible();
    // stage 1 bears none of stage 2's cost: Q_1 = (S − K_2) / E_1
    await tragt.expectStageValue(0, 'stage-cost-per-entrant', spend / (await tragt.stageValue(0, 'stage-entrants')));
    await tragt.expectStageValue(1, 'stage-cost-per-entrant', (spend + 2.5 * e2) / e2);

    // closed, the row with a cost still shows it; the others show only Q_i
    await tragt.closeView();
    await expect(page.getByTestId('stage-cost')).toHaveCount(1);
    await tragt.expectStageValue(1, 'stage-cost', 2.5 * e2);
    await expect(page.getByTestId('stage-cost-per-entrant')).toHaveCount(n);
    await expect(page.getByTestId('stage-unit-cost')).toHaveCount(0);

    await tragt.openView('traffic');
    await tragt.inStage(1, 'stage-unit-cost').fill('');
    await tragt.expectStageValue(1, 'stage-cost', 0);
    await tragt.expectValue('out-spend-total', spend);
    await expect(tragt.byId('spend-split')).toHaveCount(0);
    await tragt.closeView();
    await expect(page.getByTestId('stage-cost'), 'no stage has a cost now').toHaveCount(0);
  });

  test('en: the sample mix keeps customers and total spend; its worked numbers, a stage cost, the goal\'s budget and the CSV', async ({ tragt }) => {
    await tragt.open({ lang: 'en', template: 'webshop', view: 'traffic' });
    await tragt.expectValue('out-customers', forecast(SHOP).customers);
    const initial = await tragt.snapshot();
    await tragt.byId('source-sample').click();
    await expect(tragt.byId('source')).toHaveCount(3);
    await expect(tragt.byId('source-sample')).toHaveCount(0);
    expect(await tragt.byId('source').evaluateAll((els) => els.map((e) => e.dataset.kind))).toEqual(['cpc', 'cpm', 'free']);
    expect(await tragt.byId('source-name').evaluateAll((els) => els.map((e) => e.value))).toEqual(WORDS.en.sample);

    // the media budget came out of the spend typed: the same S, the same customers
    const media = SHOP_SAMPLE.reduce((a, s) => a + budgetOf(s), 0);
    const shop = { ...SHOP, spend: SHOP.spend - media };
    const m = forecast(shop, SHOP_SAMPLE);
    await expect(tragt.byId('input-spend')).toHaveValue(String(shop.spend));
    expect(m.S).toBe(SHOP.spend);
    expect(close(m.customers, forecast(SHOP).customers)).toBe(true);
    await expectForecast(tragt, m, 'the sample mix');
    // the worked numbers of the brief, from the formulas
    m.sources.forEach((s, i) => expect(s.visitors).toBeCloseTo([6_000, 4_000, 30_000][i], 6));
    m.sources.forEach((s, i) => expect(s.customers).toBeCloseTo([88.2, 34.3, 367.5][i], 6));
    expect(m.sources[0].cac).toBeCloseTo(340.14, 2);
    expect(m.sources[0].roas).toBeCloseTo(1.323, 6);
    expect(close(m.blend, SHOP.rates[0])).toBe(true);
    await tragt.painted();
    expect(await tragt.snapshot(), 'the sample changes no figure').toEqual(initial);
    await expect(tragt.inStage(1, 'stage-rate')).toHaveValue(String(SHOP.rates[0] * 100));

    // 10 per person at "Checkout started"
    await tragt.inStage(3, 'stage-unit-cost').fill('10');
    const costs = { 3: { unit: 10 } };
    const costed = forecast(shop, SHOP_SAMPLE, costs);
    expect(costed.K[3]).toBeCloseTo(7_000, 6);
    expect(costed.S).toBeCloseTo(87_000, 6);
    await tragt.expectStageValue(3, 'stage-cost', costed.K[3]);
    await expectForecast(tragt, costed, 'with a stage cost');
    const values = await sourceValues(tragt.page); // for the CSV below

    // a goal of 600 customers at today's mix
    await tragt.openView('goal');
    await tragt.byId('goal-customers').fill('600');
    const plan = goalBudget(costed, 600);
    expect(plan.total).toBeCloseTo(94_898.0, 0);
    await tragt.expectValue('goal-budget', plan.total);
    await expect(tragt.byId('goal-budget-source')).toHaveCount(2);
    await expect.poll(() => tragt.byId('goal-budget-source').evaluateAll((els) => els.map((e) => Number(e.dataset.value))))
      .toEqual([expect.closeTo(plan.budgets[0], 6), expect.closeTo(plan.budgets[1], 6)]);
    await expect(figureNote(tragt, 'goal-budget')).toHaveText('At today\'s mix: each paid budget scaled by the same factor.');

    // the CSV: after the totals, the total spend, then a table with a row per source
    const file = await tragt.download('export-csv');
    const rows = file.text.slice(1).replace(/\r\n$/, '').split('\r\n').map((line) => line.split(','));
    const n = SHOP.rates.length + 1;
    expect(rows.length).toBe(1 + n + 1 + 1 + 10 + 1 + 1 + 1 + 3);
    expect(rows[n + 13]).toEqual(['Total spend', await tragt.byId('out-spend-total').getAttribute('data-value')]);
    expect(rows[n + 14]).toEqual(['']);
    expect(rows[n + 15]).toEqual(['Source', 'Visitors', 'Customers', 'Revenue', 'Cost per visitor', 'Cost per customer', 'ROAS', 'Budget per month']);
    for (let i = 0; i < 3; i += 1) {
      expect(rows[n + 16 + i], `source ${i + 1}`).toEqual([
        WORDS.en.sample[i], ...Object.values(SOURCE_OUTPUTS).map((id) => values[i][id]), String(budgetOf(SHOP_SAMPLE[i])),
      ]);
    }
    expect(rows[n + 18][6], 'organic search: no ROAS without a cost').toBe('');
  });

  test('the sample mix: B2B keeps its customers and total spend; the names are in the UI language', async ({ tragt, newVisitor }) => {
    await tragt.open({ lang: 'en', template: 'b2b', view: 'traffic' });
    await tragt.expectValue('out-customers', forecast(B2B).customers);
    await tragt.expectValue('out-spend-total', B2B.spend);
    await tragt.byId('source-sample').click();
    await expect(tragt.byId('source')).toHaveCount(3);
    const b2b = { ...B2B, spend: B2B.spend - B2B_SAMPLE.reduce((a, s) => a + budgetOf(s), 0) };
    const m = forecast(b2b, B2B_SAMPLE);
    expect(close(m.customers, forecast(B2B).customers)).toBe(true);
    expect(m.S).toBe(B2B.spend);
    await expectForecast(tragt, m, 'the B2B sample mix');
    await expect(tragt.byId('input-spend')).toHaveValue(String(b2b.spend));

    // (a fresh visitor each: a template link does not replace a scenario with sources)
    for (const lang of ['da', 'nb']) {
      const visitor = await newVisitor();
      await visitor.open({ lang, template: 'webshop', view: 'traffic' });
      await visitor.byId('source-sample').click();
      await expect(visitor.byId('source')).toHaveCount(3);
      expect(await visitor.byId('source-name').evaluateAll((els) => els.map((e) => e.value)), lang).toEqual(WORDS[lang].sample);
      await visitor.expectValue('out-customers', forecast(SHOP).customers);
    }
  });

  test('da: a price of 0, a CTR over 100 %, a negative budget, text or a huge number marks the field and keeps every figure', async ({ tragt, page }) => {
    await tragt.open({ lang: 'da', template: 'webshop', view: 'traffic' });
    await buildHandMix(tragt, 'da');
    await typeHandCosts(tragt, 'da');
    const m = forecast(SHOP, HAND_MIX, HAND_COSTS);
    await expectForecast(tragt, m, 'the hand-built mix');
    const good = await allFigures(tragt);

    const KEPT = 'De sidste gyldige tal vises.';
    // [source index, or null for stage 3's row; test id; typed; message]
    const BAD = [
      [1, 'source-cpc', '0', `Angiv mindst 0,01. ${KEPT}`],
      [2, 'source-cpm', '0', `Angiv mindst 0,01. ${KEPT}`],
      [2, 'source-ctr', '120', `Højst 100. ${KEPT}`],
      [1, 'source-rate', '100,5', `Højst 100. ${KEPT}`],
      [1, 'source-budget', '-5000', `Kan ikke være negativ. ${KEPT}`],
      [0, 'source-cost', '-1', `Kan ikke være negativ. ${KEPT}`],
      [2, 'source-budget', 'tyve tusind', `Ikke et tal. Skriv fx 12,5. ${KEPT}`],
      // 10¹² is the limit of money and counts, written the Danish way
      [1, 'source-budget', '5000000000000', `Højst 1.000.000.000.000. ${KEPT}`],
      [0, 'source-visitors-in', '5000000000000', `Højst 1.000.000.000.000. ${KEPT}`],
      [null, 'stage-unit-cost', '-10', `Kan ikke være negativ. ${KEPT}`],
      [null, 'stage-fixed-cost', 'mange', `Ikke et tal. Skriv fx 12,5. ${KEPT}`],
    ];
    for (const [i, id, text, message] of BAD) {
      const field = i === null ? tragt.inStage(3, id) : inSource(tragt, i, id);
      const what = `${i === null ? 'stage 4' : `source ${i + 1}`} ${id} "${text}"`;
      const valid = await field.inputValue();
      await field.fill(text);
      await expect(field, what).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await field.getAttribute('aria-describedby')) || '';
      const error = page.locator(`.field-error[id="${describedBy.split(' ')[0]}"]`);
      await expect(error, `${what}: its message, pointed to by the field`).toHaveText(message);
      await tragt.painted();
      expect(await allFigures(tragt), `${what} changes no figure`).toEqual(good);
      // the valid value again: the mark goes
      await field.fill(valid);
      await expect(field, what).not.toHaveAttribute('aria-invalid', /.*/);
      await expect(error).toHaveCount(0);
    }
    expect(await allFigures(tragt)).toEqual(good);
    // and 5,5 is five and a half
    await inSource(tragt, 1, 'source-cpc').fill('5,5');
    await tragt.expectValue('out-customers', forecast(SHOP, [HAND_MIX[0], { ...HAND_MIX[1], cpc: 5.5 }, HAND_MIX[2]], HAND_COSTS).customers);
  });

  test('en: a removed source says so and Undo brings it back; without the last one stage 1 is typed again, at the last sum', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'webshop', view: 'traffic' });
    await tragt.byId('source-sample').click();
    await expect(tragt.byId('source')).toHaveCount(3);
    const shop = { ...SHOP, spend: SHOP.spend - SHOP_SAMPLE.reduce((a, s) => a + budgetOf(s), 0) };
    const all = forecast(shop, SHOP_SAMPLE);
    await expectForecast(tragt, all, 'the sample mix');
    const names = WORDS.en.sample;

    await inSource(tragt, 1, 'source-remove').click();
    await expect(tragt.byId('source')).toHaveCount(2);
    await expect(tragt.notice()).toContainText(`Removed source “${names[1]}”.`);
    await expectForecast(tragt, forecast(shop, [SHOP_SAMPLE[0], SHOP_SAMPLE[2]]), 'without the social ads');
    await tragt.byId('notice-undo').click();
    await expect(tragt.byId('source')).toHaveCount(3);
    expect(await tragt.byId('source-name').evaluateAll((els) => els.map((e) => e.value))).toEqual(names);
    await expectForecast(tragt, all, 'the social ads are back');
    await expect(tragt.byId('notice-undo')).toHaveCount(0);

    // one by one: the organic search is the last; its 30 000 visitors stay as stage 1's count
    await inSource(tragt, 0, 'source-remove').click();
    await expect(tragt.byId('source')).toHaveCount(2);
    await inSource(tragt, 0, 'source-remove').click();
    await expect(tragt.byId('source')).toHaveCount(1);
    await expect(tragt.byId('source').nth(0)).toHaveAttribute('data-kind', 'free');
    await inSource(tragt, 0, 'source-remove').click();
    await expect(tragt.byId('source')).toHaveCount(0);
    await expect(tragt.notice()).toContainText(`Removed source “${names[2]}”.`);
    await expect(tragt.byId('source-add'), 'focus stays in the view').toBeFocused();
    await expect(tragt.byId('sources-empty')).toBeVisible();
    await expect(tragt.byId('source-sample')).toBeVisible();
    await expect(tragt.byId('chart-sources')).toHaveCount(0);
    const last = SHOP_SAMPLE[2].visitors;
    const typedAgain = forecast({ ...shop, top: last });
    await expect(tragt.inStage(0, 'stage-count')).toHaveJSProperty('readOnly', false);
    await expect(tragt.inStage(1, 'stage-rate')).toHaveJSProperty('readOnly', false);
    await expect(tragt.inStage(0, 'stage-count')).toHaveValue(String(last));
    await expect(tragt.inStage(1, 'stage-rate'), 'the typed rate into stage 2 is back').toHaveValue(String(SHOP.rates[0] * 100));
    await expect(page.getByTestId('stage-derived')).toHaveCount(0);
    await tragt.expectFigures({ out: { 'out-customers': typedAgain.customers, 'out-cac': typedAgain.cac }, stages: { 'stage-entrants': typedAgain.E } });
    await tragt.expectValue('out-spend-total', shop.spend);

    // Undo of the last removal brings the source back, and stage 1 is its visitors again
    await tragt.byId('notice-undo').click();
    await expect(tragt.byId('source')).toHaveCount(1);
    await expect(inSource(tragt, 0, 'source-name')).toHaveValue(names[2]);
    await expect(tragt.inStage(0, 'stage-count')).toHaveJSProperty('readOnly', true);
    await tragt.expectStageValue(0, 'stage-entrants', last);
  });

  test('en: goal budgets at the edges: free sources alone, and no paid source with customers', async ({ tragt }) => {
    await tragt.open({ lang: 'en', template: 'webshop', view: 'traffic' });
    await tragt.byId('source-sample').click();
    await expect(tragt.byId('source')).toHaveCount(3);
    // paid sources that lose everyone before stage 2
    await inSource(tragt, 0, 'source-rate').fill('0');
    await inSource(tragt, 1, 'source-rate').fill('0');
    const shop = { ...SHOP, spend: SHOP.spend - SHOP_SAMPLE.reduce((a, s) => a + budgetOf(s), 0) };
    const mix = [{ ...SHOP_SAMPLE[0], rate: 0 }, { ...SHOP_SAMPLE[1], rate: 0 }, SHOP_SAMPLE[2]];
    const m = forecast(shop, mix);
    await expectForecast(tragt, m, 'paid sources without customers');
    expect(m.sources[0].cac).toBe(null);
    await expect(inSource(tragt, 0, 'source-cac'), 'an undefined CAC: a dash and the reason').toContainText('– (');

    await tragt.openView('goal');
    const goal = tragt.byId('goal-customers');
    await goal.fill(String(Math.floor(m.sources[2].customers)));
    await tragt.expectValue('goal-budget', goalBudget(m, Math.floor(m.sources[2].customers)).total);
    await expect(figureNote(tragt, 'goal-budget')).toHaveText(WORDS.en.freeSuffice);
    await goal.fill('600');
    await tragt.expectValue('goal-budget', null);
    await expect(tragt.byId('goal-budget'), 'a dash and the reason').toContainText('– (');
    await expect(figureNote(tragt, 'goal-budget')).toHaveText('no paid source brings customers');
    await expect(tragt.byId('goal-budget-source')).toHaveCount(0);
  });
});

test('a compact embed shows the sources when its snippet asks for them (sections=traffic)', async ({ tragt, page }, info) => {
  test.skip(info.project.name !== 'desktop', 'the embed does not depend on the viewport here');
  await tragt.open({ embed: '1', layout: 'compact', sections: 'traffic', lang: 'nb', template: 'b2b', storage: 'off' });
  const tabs = () => page.getByRole('tab').evaluateAll((els) => els.map((e) => e.dataset.testid));
  expect(await tabs()).toEqual(['view-tab-traffic']);
  await tragt.openView('traffic');
  await tragt.byId('source-sample').click();
  await expect(tragt.byId('source')).toHaveCount(3);
  await expect(tragt.byId('source').first().getByTestId('source-name')).toHaveValue('Søkeannonser');
  // B2B: 30 000 at 30 per click = 1 000 visitors, 3 % of them become leads
  await expect(tragt.byId('source-visitors').first()).toHaveAttribute('data-value', '1000');
  await expect(tragt.byId('chart-sources')).toBeVisible();
  // the sample changes no figure: four customers a month, as the template has
  await expect.poll(async () => Number(await tragt.byId('out-customers').getAttribute('data-value'))).toBeCloseTo(4, 6);
});
