// Journey mode (MODELS.md §3.8, §1.4, §1.6): a scenario's stages as the states of an
// absorbing Markov chain — moves on, back and skipping ahead, to buy or lost, newcomers
// entering by their shares — its figures against the straight funnel, lost people brought
// back, the chart, bad input, a 20-state journey, persistence and the phone layout.
//
// Every expected figure is computed here, independently of the app: `solveChain` solves
// (I − Q)·x = column by Gaussian elimination with partial pivoting, from a transition matrix
// the test knows (the templates below) or reads from the page's transition inputs.
//
// Worked by hand — Köpvägen (10 000 newcomers; entry 97 / 2.5 / 0.5 / 0 %): with b_i the
// chance to buy from state i,
//   b3 = 0.60 + 0.25·b2,  b2 = 0.12·b3 + 0.15·b1,  b1 = 0.06·b2
//   → b2 = 0.072 + 0.03·b2 + 0.009·b2 = 0.072 / 0.961 = 0.074922,  b1 = 0.0044953,
//     b3 = 0.61873,  b4 = 0.35 + 0.15·b2 = 0.36124
//   newcomer: 0.97·b1 + 0.025·b2 + 0.005·b3 = 0.0043605 + 0.0018730 + 0.0030937 = 0.0093272
//   → ≈ 93.27 customers, against the straight funnel's 10 000 · 6 % · 12 % = 72 (+29.5 %).
// Hankins' hexagon: ≈ 84.51 customers against the straight funnel's 10 000 · 10 % · 40 % ·
// 50 % · 25 % = 50 (+69 %).
// The web shop converted to a journey buys exactly like the funnel: 40 000 · 1.225 % = 490.
// With a back-step checkout → cart of 20 % (lost 30 → 10 %): b_checkout = 0.7 + 0.2·b_cart,
// b_cart = 0.5·b_checkout → b_checkout = 0.7 / 0.9, so every chance above the checkout is
// 1/0.9 times the funnel's: 490 / 0.9 = 544.44 customers, +11.1 % against the funnel.
const path = require('node:path');
const { test, expect } = require('./support/test');
const { mulberry32: random } = require('./support/random');
const { close, decodeShareLink } = require('./pages/tragt');

const SHOTS = path.join(__dirname, 'screenshots');

/** Relative tolerance between the app's LU solve and this spec's elimination. */
const REL = 1e-6;

// ---- an independent solver ---------------------------------------------------------------

/** x with A·x = b, Gaussian elimination with partial pivoting (A is n × n, not modified). */
function gaussSolve(A, b) {
  const n = A.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k += 1) {
    let p = k;
    for (let r = k + 1; r < n; r += 1) if (Math.abs(M[r][k]) > Math.abs(M[p][k])) p = r;
    [M[k], M[p]] = [M[p], M[k]];
    if (M[k][k] === 0) throw new Error('singular: a loop without exit');
    for (let r = k + 1; r < n; r += 1) {
      const m = M[r][k] / M[k][k];
      if (m !== 0) for (let c = k; c <= n; c += 1) M[r][c] -= m * M[k][c];
    }
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j += 1) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x;
}

const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);

/**
 * Solves a chain {q (n × n), buy, lost, entry, days?} (fractions, 0-based states):
 * buy[i] = chance to buy from state i, steps[i] = expected state visits until buy or lost
 * (the first counts), days[i] = expected days; the newcomers' e-weighted sums, and their
 * expected visits per state (eᵀ·N, from (I − Q)ᵀ·y = e).
 */
function solveChain(chain) {
  const n = chain.buy.length;
  const A = chain.q.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
  const AT = A.map((row, i) => row.map((_, j) => A[j][i]));
  const buy = gaussSolve(A, chain.buy);
  const steps = gaussSolve(A, new Array(n).fill(1));
  const days = gaussSolve(A, chain.days || new Array(n).fill(0));
  const visits = gaussSolve(AT, chain.entry);
  return {
    buy, steps, days, visits,
    newcomerBuy: dot(chain.entry, buy),
    newcomerSteps: dot(chain.entry, steps),
    newcomerDays: dot(chain.entry, days),
  };
}

/** The chain with a share rho of the lost brought back to `to`, for the states from `from` on. */
function withRecovery(chain, rho, to, from) {
  const q = chain.q.map((row) => [...row]);
  const lost = [...chain.lost];
  for (let i = from; i < q.length; i += 1) {
    q[i][to] += rho * lost[i];
    lost[i] *= 1 - rho;
  }
  return { ...chain, q, lost };
}

/** A chain from rows in percent: {to: [[0-based state, %]], buy, lost, entry}. */
function chainOf(rows) {
  const n = rows.length;
  return {
    q: rows.map((r) => {
      const row = new Array(n).fill(0);
      for (const [j, p] of r.to) row[j] = p / 100;
      return row;
    }),
    buy: rows.map((r) => r.buy / 100),
    lost: rows.map((r) => r.lost / 100),
    entry: rows.map((r) => r.entry / 100),
  };
}

const copy = (x) => JSON.parse(JSON.stringify(x));

/** The templates' journeys (src/calc/templates.rs), in percent, 0-based targets. */
const HEXAGON = [
  { to: [[1, 10]], buy: 0, lost: 90, entry: 95 },
  { to: [[2, 40], [0, 20]], buy: 0, lost: 40, entry: 4 },
  { to: [[3, 50], [0, 15]], buy: 0, lost: 35, entry: 0.5 },
  { to: [[4, 25], [2, 20], [0, 10]], buy: 0, lost: 45, entry: 0.3 },
  { to: [[3, 10]], buy: 85, lost: 5, entry: 0 },
  { to: [[4, 20], [0, 50]], buy: 0, lost: 30, entry: 0.2 },
];
const KOPVAGEN = [
  { to: [[1, 6]], buy: 0, lost: 94, entry: 97 },
  { to: [[2, 12], [0, 15]], buy: 0, lost: 73, entry: 2.5 },
  { to: [[1, 25]], buy: 60, lost: 15, entry: 0.5 },
  { to: [[1, 15]], buy: 35, lost: 50, entry: 0 },
];

// the solver against the hand-worked numbers above, before any page is opened
test.beforeAll(() => {
  const k = solveChain(chainOf(KOPVAGEN));
  if (Math.abs(k.buy[1] - 0.072 / 0.961) > 1e-12 || Math.abs(k.newcomerBuy * 10000 - 93.2716) > 1e-3) {
    throw new Error(`the spec's solver is wrong: Köpvägen ${k.newcomerBuy * 10000}`);
  }
  if (Math.abs(solveChain(chainOf(HEXAGON)).newcomerBuy * 10000 - 84.5108) > 1e-3) throw new Error('hexagon');
});

// ---- reading the page ---------------------------------------------------------------------

/** A number as an input shows it in `lang` ("12,5" in da/sv, "12.5" in en). */
function parseShown(text, lang) {
  let t = text.replace(/[\s\u00a0\u202f]/g, '');
  t = lang === 'en' ? t.replace(/,/g, '') : t.replace(/\./g, '').replace(',', '.');
  const n = Number(t);
  if (t === '' || !Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return n;
}

/** The transition input from state `from` to `to` (1-based state, 'buy' or 'lost'). */
function move(tragt, from, to) {
  return tragt.page.locator(`[data-testid="transition"][data-from="${from}"][data-to="${to}"]`);
}

/** The journey as the page's inputs show it: transitions and entry shares, as fractions. */
async function readChain(tragt, lang) {
  const moves = await tragt.byId('transition').evaluateAll((els) => els.map((e) => [e.dataset.from, e.dataset.to, e.value]));
  const entries = await tragt.byId('entry-share').evaluateAll((els) => els.map((e) => e.value));
  const n = entries.length;
  const chain = {
    q: Array.from({ length: n }, () => new Array(n).fill(0)),
    buy: new Array(n).fill(0),
    lost: new Array(n).fill(0),
    entry: entries.map((v) => parseShown(v, lang) / 100),
  };
  for (const [from, to, text] of moves) {
    const i = Number(from) - 1;
    const p = parseShown(text, lang) / 100;
    if (to === 'buy') chain.buy[i] = p;
    else if (to === 'lost') chain.lost[i] = p;
    else chain.q[i][Number(to) - 1] = p;
  }
  return chain;
}

/** Polls until an output's data-value ≈ expected within REL. */
async function expectNear(tragt, testid, expected, rel = REL) {
  await expect.poll(async () => {
    const v = await tragt.value(testid);
    return close(v, expected, rel) ? 'ok' : v;
  }, { message: `${testid} ≈ ${expected}` }).toBe('ok');
}

/** Polls until the data-values of every element with this test id ≈ `list`. */
async function expectAllNear(tragt, testid, list) {
  await expect.poll(async () => {
    const got = (await tragt.byId(testid).evaluateAll((els) => els.map((e) => e.dataset.value))).map(Number);
    return got.length === list.length && got.every((v, i) => close(v, list[i], REL)) ? 'ok' : got;
  }, { message: `${testid} ≈ ${list}` }).toBe('ok');
}

/** Polls until the stages' stage-probability ≈ `list`. */
async function expectProbabilities(tragt, list) {
  await expect.poll(async () => {
    const got = (await tragt.snapshot()).stages.map((s) => s['stage-probability']);
    return got.length === list.length && got.every((v, i) => close(v, list[i], REL)) ? 'ok' : got;
  }, { message: `stage-probability ≈ ${list}` }).toBe('ok');
}

/** An output's raw data-value, to compare figures bit for bit. */
function raw(tragt, testid) {
  return tragt.byId(testid).getAttribute('data-value');
}

/** A hash of a canvas's pixels, and how many different colours it has. */
function canvasPixels(canvas) {
  return canvas.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 1) {
      h = Math.imul(h ^ d[i], 16777619) >>> 0;
      if (i % 4 === 0 && colours.size < 64) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]}`);
    }
    return { hash: `${c.width}x${c.height}:${h}`, colours: colours.size, width: c.width, height: c.height };
  });
}

/** Polls until the canvas has a size and more than two colours (it was drawn, not only cleared). */
async function expectDrawn(canvas) {
  await expect(canvas).toBeVisible();
  await expect.poll(async () => {
    const p = await canvasPixels(canvas);
    return p.width > 0 && p.height > 0 && p.colours > 2 ? 'drawn' : p;
  }, { message: 'the journey chart was drawn' }).toBe('drawn');
}

// ---- 1. the hexagon opens as a journey, in every language ------------------------------------

const TEXTS = {
  da: {
    heading: 'Rejsen', mode: 'Rejse (ikke-lineær)', first: '1. Intet behov nu', newcomers: /^Nye personer pr\. måned/,
    compare: /^Frem og tilbage giver 69\s?% flere kunder end den lineære tragt/, buy: 'Køb', lost: 'Tabt', states: 'Pr. trin',
  },
  sv: {
    heading: 'Resan', mode: 'Resa (icke-linjär)', first: '1. Inget behov just nu', newcomers: /^Nya personer per månad/,
    compare: /^Fram och tillbaka ger 69\s?% fler kunder än den linjära tratten/, buy: 'Köp', lost: 'Förlorad', states: 'Per steg',
  },
  en: {
    heading: 'The journey', mode: 'Journey (non-linear)', first: '1. No current need', newcomers: /^Newcomers per month/,
    compare: /^Going back and forth adds 69\s?% customers compared with the straight funnel/, buy: 'Buy', lost: 'Lost', states: 'Per stage',
  },
};

for (const lang of ['da', 'sv', 'en']) {
  test(`${lang}: the hexagon opens as a journey whose figures match the chain`, async ({ tragt, page }, info) => {
    test.skip(info.project.name === 'phone' && lang !== 'sv', 'the phone opens the hexagon in sv only');
    const T = TEXTS[lang];
    await tragt.open({ lang, template: 'hexagon' });
    await expect(tragt.byId('mode-select')).toHaveValue('journey');
    await expect(tragt.byId('mode-select').locator('option:checked')).toHaveText(T.mode);
    // a journey's own view is open from the start
    await expect(tragt.byId('view-journey')).toBeVisible();
    await expect(tragt.byId('view-tab-journey')).toHaveAttribute('aria-selected', 'true');
    const panel = tragt.byId('journey-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(T.heading);

    // 6 rows of 7 inputs: the 5 other states, buy and lost
    const rows = tragt.byId('journey-row');
    await expect(rows).toHaveCount(6);
    for (let i = 0; i < 6; i += 1) {
      const inputs = rows.nth(i).getByTestId('transition');
      await expect(inputs).toHaveCount(7);
      const keys = await inputs.evaluateAll((els) => els.map((e) => `${e.dataset.from}>${e.dataset.to}`));
      const others = [1, 2, 3, 4, 5, 6].filter((s) => s !== i + 1).map(String);
      expect(keys.sort()).toEqual([...others, 'buy', 'lost'].map((t) => `${i + 1}>${t}`).sort());
      await expect(rows.nth(i).getByTestId('journey-rest-to-lost')).toBeHidden();
    }
    await expect(rows.first()).toContainText(T.first);
    await expect(move(tragt, 1, 'buy')).toHaveAccessibleName(T.buy);
    await expect(move(tragt, 1, 'lost')).toHaveAccessibleName(T.lost);
    await expect(page.getByTestId('journey-row-problem')).toHaveCount(0);
    await expect(tragt.byId('journey-problem')).toHaveCount(0);

    // the page shows the template's journey, and the solver's figures follow from it
    const chain = await readChain(tragt, lang);
    const want = chainOf(HEXAGON);
    for (const key of ['buy', 'lost', 'entry']) expect(chain[key].every((v, i) => close(v, want[key][i], 1e-12)), key).toBe(true);
    expect(chain.q.flat().every((v, k) => close(v, want.q.flat()[k], 1e-12)), 'q').toBe(true);
    expect(close(await tragt.value('journey-entries-total'), 1, 1e-12)).toBe(true);
    const sol = solveChain(chain);
    const customers = 10000 * sol.newcomerBuy;
    expect(close(customers, 84.5108, 1e-5)).toBe(true);
    await expectNear(tragt, 'out-journey-buy', sol.newcomerBuy);
    await expectNear(tragt, 'out-journey-customers', customers);
    await expectNear(tragt, 'out-journey-funnel-customers', 50);
    await expectNear(tragt, 'out-journey-vs-funnel', customers / 50 - 1);
    await expectNear(tragt, 'out-journey-steps', sol.newcomerSteps);
    // the days per stage as the journey's view shows them (a model may ship some): none, no
    // expected days; else the chain's expected days until buying or being lost
    const days = await tragt.byId('stage-days').evaluateAll((els) => els.map((e) => e.value));
    expect(days).toHaveLength(6);
    if (days.every((d) => d === '')) expect(await tragt.value('out-journey-days')).toBeNull();
    else {
      const timed = solveChain({ ...chain, days: days.map((d) => (d === '' ? 0 : parseShown(d, lang))) });
      await expectNear(tragt, 'out-journey-days', timed.newcomerDays);
      await expectAllNear(tragt, 'journey-state-days', timed.days);
    }
    expect(await tragt.value('out-journey-recovered')).toBe(0);
    // the foundation figures use the journey: CAC 40 000 / 84.51
    await expectNear(tragt, 'out-customers', customers);
    await expectNear(tragt, 'out-cac', 40000 / customers);
    await expectProbabilities(tragt, sol.buy);
    await expectAllNear(tragt, 'journey-state-buy', sol.buy);
    await expectAllNear(tragt, 'journey-state-steps', sol.steps);
    await expectAllNear(tragt, 'journey-state-visits', sol.visits);
    // the heat map carries the same matrix: each row the n states, buy and lost
    const cells = (await tragt.byId('journey-matrix').locator('tbody td').evaluateAll((els) => els.map((e) => Number(e.dataset.value))));
    const rowsWant = want.q.flatMap((r, i) => [...r, want.buy[i], want.lost[i]]);
    expect(cells.length).toBe(6 * 8);
    expect(cells.every((v, k) => close(v, rowsWant[k], 1e-12))).toBe(true);

    // in the language: the comparison, the newcomers' label, the per-stage table
    await expect(tragt.byId('journey-compare')).toHaveText(T.compare);
    await expect(tragt.inStage(0, 'stage-count')).toHaveAccessibleName(T.newcomers);
    await expect(tragt.byId('journey-states').locator('caption')).toHaveText(T.states);
    // a journey hides the funnel's rates
    await expect(tragt.inStage(1, 'stage-rate')).toBeHidden();
    await expect(tragt.inStage(1, 'entry-share')).toBeVisible();
    await expectDrawn(tragt.byId('chart-journey'));
    if (info.project.name === 'desktop') {
      await page.locator('.journey-panel').screenshot({ path: path.join(SHOTS, `journey-hexagon-${lang}.png`) });
    }
  });
}

// ---- 2. editing a transition ----------------------------------------------------------------

test('da: a row over 100 % is a problem and keeps the last valid figures; lost takes the rest', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the arithmetic does not depend on the viewport');
  await tragt.open({ lang: 'da', template: 'hexagon' });
  const before = solveChain(chainOf(HEXAGON)).newcomerBuy * 10000;
  await expectNear(tragt, 'out-journey-customers', before);
  const oldCustomers = await raw(tragt, 'out-journey-customers');
  const oldFoundation = await raw(tragt, 'out-customers');

  // state 4 (Compare contenders) → 5 (Make purchase): 25 → 35 %; the row now sums to 110 %
  const row = tragt.byId('journey-row').nth(3);
  await move(tragt, 4, 5).fill('35');
  await expect.poll(async () => close(Number(await row.getByTestId('journey-rest').getAttribute('data-value')), -0.1, 1e-9)).toBe(true);
  await expect(row.getByTestId('journey-row-problem')).toBeVisible();
  await expect(row.getByTestId('journey-row-problem')).toHaveAttribute('role', 'alert');
  await expect(row.getByTestId('journey-row-problem')).toContainText(/110\s?%/);
  await expect(page.getByTestId('journey-row-problem')).toHaveCount(1);
  const problem = tragt.byId('journey-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('role', 'alert');
  await expect(problem.locator('li')).toHaveCount(1);
  await expect(problem.locator('li')).toContainText('4. Sammenligner udbydere');
  await expect(problem).toContainText('Tallene viser den seneste rejse, der gik op.');
  // the figures stay those of the last valid journey, bit for bit
  await tragt.painted();
  expect(await raw(tragt, 'out-journey-customers')).toBe(oldCustomers);
  expect(await raw(tragt, 'out-customers')).toBe(oldFoundation);

  const restToLost = row.getByTestId('journey-rest-to-lost');
  await expect(restToLost).toBeVisible();
  await expect(restToLost).toBeEnabled();
  await expect(restToLost).toHaveText('Giv resten til tabt');
  await restToLost.click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId('journey-row-problem')).toHaveCount(0);
  await expect(restToLost).toBeHidden();
  await expect(move(tragt, 4, 'lost')).toHaveValue('35');
  expect(close(Number(await row.getByTestId('journey-rest').getAttribute('data-value')), 0)).toBe(true);

  // 118.27 customers by the solver, more than the 84.51 before
  const rows = copy(HEXAGON);
  rows[3] = { to: [[4, 35], [2, 20], [0, 10]], buy: 0, lost: 35, entry: 0.3 };
  const want = solveChain(chainOf(rows));
  const customers = want.newcomerBuy * 10000;
  const fromPage = solveChain(await readChain(tragt, 'da'));
  expect(close(fromPage.newcomerBuy, want.newcomerBuy, 1e-12)).toBe(true);
  expect(close(customers, 118.272, 1e-5)).toBe(true);
  expect(customers).toBeGreaterThan(before);
  await expectNear(tragt, 'out-journey-customers', customers);
  await expectNear(tragt, 'out-journey-vs-funnel', customers / 50 - 1);
  await expectNear(tragt, 'out-customers', customers);
  await expectNear(tragt, 'out-cac', 40000 / customers);
  // LTV 3 200 (simple: 2 000 · 1 · 40 % · 4 years): LTV:CAC = 3 200 · customers / 40 000
  await expectNear(tragt, 'out-ltv-cac', (3200 * customers) / 40000);
  await expectProbabilities(tragt, want.buy);
});

// ---- 3. the chart ------------------------------------------------------------------------------

test('the journey chart is drawn and redrawn when a transition changes', async ({ tragt }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the phone test checks the chart on its own');
  await tragt.open({ lang: 'en', template: 'hexagon' });
  const chart = tragt.byId('chart-journey');
  await expectDrawn(chart);
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAccessibleName(/Journey chart/);
  const before = (await canvasPixels(chart)).hash;

  // a wider arrow 4 → 5, and lost takes the rest: a valid journey, drawn differently
  await move(tragt, 4, 5).fill('35');
  await tragt.byId('journey-row').nth(3).getByTestId('journey-rest-to-lost').click();
  await expect(tragt.byId('journey-problem')).toHaveCount(0);
  await expect.poll(async () => (await canvasPixels(chart)).hash, { message: 'the chart was redrawn' }).not.toBe(before);
  await expectDrawn(chart);
  const after = (await canvasPixels(chart)).hash;

  // and back to the template's 25 %: the first picture again
  await move(tragt, 4, 5).fill('25');
  await move(tragt, 4, 'lost').fill('45');
  await expect(tragt.byId('journey-problem')).toHaveCount(0);
  await expect.poll(async () => (await canvasPixels(chart)).hash).toBe(before);
  expect(after).not.toBe(before);
});

// A state that moves to many others would make the chart a tangle: each state's three
// likeliest moves are drawn, and a caption says how many more the table holds.
test('the chart draws each state\'s three likeliest moves and says how many it leaves out', async ({ tragt }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the caption does not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'hexagon' });
  const chart = tragt.byId('chart-journey');
  const note = tragt.byId('journey-chart-note');
  await expectDrawn(chart);
  // the templates' states have at most three moves: all drawn, no caption
  await expect(note).toHaveCount(0);
  const before = (await canvasPixels(chart)).hash;
  // "No current need" (1) moves to 2 only; four more small moves make five
  for (const to of [3, 4, 5, 6]) await move(tragt, 1, to).fill('1');
  await expect(note).toHaveAttribute('data-value', '2');
  await expect(note).toHaveText(/3 likeliest moves.*\(2 more\)/);
  // two of the new moves are drawn: a different picture
  await expect.poll(async () => (await canvasPixels(chart)).hash).not.toBe(before);
  for (const [lang, words] of [['da', /3 mest sandsynlige.*\(2 flere\)/], ['sv', /3 mest sannolika.*\(2 till\)/], ['nb', /3 mest sannsynlige.*\(2 flere\)/]]) {
    await tragt.byId('lang-select').selectOption(lang);
    await expect(note).toHaveText(words);
  }
  // back to four moves: one left out; back to the template's: none
  await move(tragt, 1, 6).fill('0');
  await expect(note).toHaveAttribute('data-value', '1');
  for (const to of [3, 4, 5]) await move(tragt, 1, to).fill('0');
  await expect(note).toHaveCount(0);
});

// The chart is as wide as its panel, like the other charts (a 300 px canvas cut the state names
// short: "Conside…", "Loyal c…").
test('the journey chart spans the width of its panel, like the other charts', async ({ tragt }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the phone test checks the width on its own');
  await tragt.open({ lang: 'en', template: 'kopvagen' });
  const chart = tragt.byId('chart-journey');
  await expectDrawn(chart);
  const [canvasWidth, panelWidth] = await chart.evaluate((c) => {
    const panel = c.closest('[data-testid="journey-panel"]');
    const style = getComputedStyle(panel);
    return [c.getBoundingClientRect().width, panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
  });
  expect(canvasWidth, `canvas ${canvasWidth}px in a panel of ${panelWidth}px`).toBeGreaterThan(panelWidth * 0.9);
});

// ---- 4. a straight funnel converted --------------------------------------------------------

test('a web shop converted to a journey gives the funnel\'s 490; a back-step adds customers and is kept', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the arithmetic does not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'webshop' });
  await expect(tragt.byId('mode-select')).toHaveValue('funnel');
  await expect(tragt.byId('journey-panel')).toHaveCount(0);
  await expect(tragt.inStage(1, 'stage-rate')).toBeVisible();
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await expect(tragt.byId('journey-panel')).toBeVisible();
  await expect(tragt.byId('journey-row')).toHaveCount(5);
  await expect(tragt.inStage(1, 'stage-rate')).toBeHidden();

  // each stage above the purchase moves on at its rate and loses the rest; the purchase buys
  const chain = await readChain(tragt, 'en');
  expect(chain.q.map((r, i) => r[i + 1] ?? 0)).toEqual([0.5, 0.07, 0.5, 0.7, 0]);
  expect(chain.lost).toEqual([0.5, 0.93, 0.5, 0.3, 0]);
  expect(chain.buy).toEqual([0, 0, 0, 0, 1]);
  expect(chain.entry).toEqual([1, 0, 0, 0, 0]);
  await expectNear(tragt, 'out-journey-customers', 490);
  await expectNear(tragt, 'out-journey-funnel-customers', 490);
  expect(Math.abs(await tragt.value('out-journey-vs-funnel'))).toBeLessThanOrEqual(1e-9);
  await expectNear(tragt, 'out-customers', 490);
  await expectNear(tragt, 'out-cac', 80000 / 490);
  await expectProbabilities(tragt, [0.01225, 0.0245, 0.35, 0.7, 1]);

  // checkout → cart 20 %, taken from lost (30 → 10 %): 490 / 0.9 = 544.44, +11.1 %
  await move(tragt, 4, 3).fill('20');
  await expect(tragt.byId('journey-problem')).toBeVisible();
  await tragt.byId('journey-row').nth(3).getByTestId('journey-rest-to-lost').click();
  await expect(move(tragt, 4, 'lost')).toHaveValue('10');
  await expect(tragt.byId('journey-problem')).toHaveCount(0);
  const sol = solveChain(await readChain(tragt, 'en'));
  const customers = 40000 * sol.newcomerBuy;
  expect(close(customers, 490 / 0.9, 1e-12)).toBe(true);
  await expectNear(tragt, 'out-journey-customers', customers);
  await expectNear(tragt, 'out-journey-vs-funnel', customers / 490 - 1);
  expect(await tragt.value('out-journey-vs-funnel')).toBeGreaterThan(0);
  await expectNear(tragt, 'out-customers', customers);
  await expect(tragt.byId('journey-compare')).toContainText(/adds 11(\.1)?\s?%/);

  // back to the straight funnel: its own 490
  await tragt.choose(tragt.byId('mode-select'), 'funnel');
  await expect(tragt.byId('journey-panel')).toHaveCount(0);
  await expectNear(tragt, 'out-customers', 490);
  await expect(tragt.inStage(1, 'stage-rate')).toBeVisible();
  // and a journey again: not converted anew, the back-step is still there
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await expect(move(tragt, 4, 3)).toHaveValue('20');
  await expect(move(tragt, 4, 'lost')).toHaveValue('10');
  await expectNear(tragt, 'out-journey-customers', customers);
  await expectNear(tragt, 'out-customers', customers);

  // rebuilding from the funnel's rates drops the back-step
  await tragt.byId('journey-rebuild').click();
  await expect(move(tragt, 4, 3)).toHaveValue('0');
  await expect(move(tragt, 4, 'lost')).toHaveValue('30');
  await expectNear(tragt, 'out-journey-customers', 490);
  await expect(page.getByTestId('journey-row-problem')).toHaveCount(0);
});

// ---- 5. entry shares ------------------------------------------------------------------------

test('sv: entry shares must add up to 100 %; newcomers entering mid-way raise the customers', async ({ tragt }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the arithmetic does not depend on the viewport');
  await tragt.open({ lang: 'sv', template: 'kopvagen' });
  const base = solveChain(chainOf(KOPVAGEN)).newcomerBuy * 10000; // 93.27
  await expectNear(tragt, 'out-journey-customers', base);
  await expectNear(tragt, 'out-journey-funnel-customers', 72);
  const old = await raw(tragt, 'out-journey-customers');
  await expect(tragt.inStage(0, 'entry-share')).toHaveAccessibleName('Nya som börjar här');

  // 97 → 87 % at attention: the shares add up to 90 %
  await tragt.inStage(0, 'entry-share').fill('87');
  await expectNear(tragt, 'journey-entries-total', 0.9);
  const problem = tragt.byId('journey-problem');
  await expect(problem).toBeVisible();
  await expect(problem.locator('li')).toHaveCount(1);
  await expect(problem.locator('li')).toHaveText(/^Andelarna nya som börjar på varje steg blir 90\s?% totalt, inte 100\s?%\.$/);
  await expect(tragt.byId('journey-entries-total')).toContainText(/90\s?%/);
  await tragt.painted();
  expect(await raw(tragt, 'out-journey-customers')).toBe(old);

  // the missing 10 % start at the purchase decision (0.5 → 10.5 %): 10 000 · (0.87·b1 +
  // 0.025·b2 + 0.105·b3) = 10 000 · (0.00391 + 0.00187 + 0.06497) ≈ 707.5 customers
  await tragt.inStage(2, 'entry-share').fill('10,5');
  await expect(problem).toHaveCount(0);
  await expectNear(tragt, 'journey-entries-total', 1);
  const rows = copy(KOPVAGEN);
  rows[0].entry = 87;
  rows[2].entry = 10.5;
  const sol = solveChain(chainOf(rows));
  expect(close(sol.newcomerBuy * 10000, 707.5068, 1e-6)).toBe(true);
  expect(close(solveChain(await readChain(tragt, 'sv')).newcomerBuy, sol.newcomerBuy, 1e-12)).toBe(true);
  await expectNear(tragt, 'out-journey-customers', sol.newcomerBuy * 10000);
  await expectNear(tragt, 'out-journey-buy', sol.newcomerBuy);
  await expectNear(tragt, 'out-journey-steps', sol.newcomerSteps);
  await expectNear(tragt, 'out-customers', sol.newcomerBuy * 10000);
  expect(await tragt.value('out-journey-customers')).toBeGreaterThan(base);
  // the funnel comparison still starts everyone at the top: 72
  await expectNear(tragt, 'out-journey-funnel-customers', 72);
  await expectAllNear(tragt, 'journey-state-visits', sol.visits);
});

// ---- 6. recovery and days --------------------------------------------------------------------

test('lost people brought back from the lead stage on add customers; days per stage give expected days', async ({ tragt }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the arithmetic does not depend on the viewport');
  await tragt.open({ lang: 'da', template: 'kopvagen' });
  const chain = chainOf(KOPVAGEN);
  const without = solveChain(chain).newcomerBuy * 10000;
  await expectNear(tragt, 'out-journey-customers', without);
  expect(await tragt.value('out-journey-recovered')).toBe(0);
  await expect(tragt.byId('journey-recover-to')).toHaveValue('1');
  const chart = tragt.byId('chart-journey');
  await expectDrawn(chart);
  const plain = (await canvasPixels(chart)).hash;

  // 20 % of the lost back to 2 (Overvejelse), from the lead stage (2, index 1) on:
  // ≈ 105.07 customers, 11.80 of them recovered
  await tragt.byId('journey-recovery').fill('20');
  await tragt.choose(tragt.byId('journey-recover-to'), '2');
  await expect(tragt.byId('journey-recover-to')).toHaveValue('2');
  const rec = solveChain(withRecovery(chain, 0.2, 1, 1));
  const customers = rec.newcomerBuy * 10000;
  expect(close(customers, 105.0702, 1e-6)).toBe(true);
  await expectNear(tragt, 'out-journey-customers', customers);
  await expectNear(tragt, 'out-journey-recovered', customers - without);
  expect(await tragt.value('out-journey-recovered')).toBeGreaterThan(0);
  expect(close(await tragt.value('out-journey-customers'), without + await tragt.value('out-journey-recovered'), 1e-9)).toBe(true);
  await expectNear(tragt, 'out-customers', customers);
  // the chart shows the people brought back as moves
  await expect.poll(async () => (await canvasPixels(chart)).hash, { message: 'the chart shows the recovery' }).not.toBe(plain);
  // attention (index 0) left no contact details: recovering from it would give ≈ 275 customers
  expect(solveChain(withRecovery(chain, 0.2, 1, 0)).newcomerBuy * 10000).toBeGreaterThan(200);

  // back to 1 (Opmærksomhed) instead: still only from the lead stage on
  await tragt.choose(tragt.byId('journey-recover-to'), '1');
  const toFirst = solveChain(withRecovery(chain, 0.2, 0, 1)).newcomerBuy * 10000;
  await expectNear(tragt, 'out-journey-customers', toFirst);
  await expectNear(tragt, 'out-journey-recovered', toFirst - without);

  // days per visit: 3, 12.5, 4 and 30 → expected days e·N·d
  for (const [i, d] of ['3', '12,5', '4', '30'].entries()) await tragt.inStage(i, 'stage-days').fill(d);
  const timed = solveChain({ ...withRecovery(chain, 0.2, 0, 1), days: [3, 12.5, 4, 30] });
  await expectNear(tragt, 'out-journey-days', timed.newcomerDays);
  await expectAllNear(tragt, 'journey-state-days', timed.days);
  await expectNear(tragt, 'out-journey-steps', timed.newcomerSteps);

  // no recovery: nothing recovered, the template's 93.27 again
  await tragt.byId('journey-recovery').fill('0');
  await expectNear(tragt, 'out-journey-customers', without);
  expect(await tragt.value('out-journey-recovered')).toBe(0);
  await expect.poll(async () => (await canvasPixels(chart)).hash, { message: 'the chart without recovery again' }).toBe(plain);
});

// ---- 7. bad input -------------------------------------------------------------------------------

test('bad shares are refused; a loop with no exit is named; the last valid figures stay', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the rules do not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'hexagon' });
  const base = solveChain(chainOf(HEXAGON)).newcomerBuy * 10000;
  await expectNear(tragt, 'out-journey-customers', base);
  const old = await raw(tragt, 'out-journey-customers');

  const field = move(tragt, 1, 'buy');
  for (const bad of ['-5', '120', 'abc', '1e999']) {
    await field.fill(bad);
    await expect(field, bad).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', /.+/);
    await tragt.painted();
    expect(await raw(tragt, 'out-journey-customers'), bad).toBe(old);
    await expect(tragt.byId('journey-problem'), `${bad} changes nothing`).toHaveCount(0);
    expect(close(Number(await tragt.byId('journey-row').first().getByTestId('journey-rest').getAttribute('data-value')), 0)).toBe(true);
  }
  await field.fill('0');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  // an entry share out of range too
  await tragt.inStage(1, 'entry-share').fill('101');
  await expect(tragt.inStage(1, 'entry-share')).toHaveAttribute('aria-invalid', 'true');
  await tragt.inStage(1, 'entry-share').fill('4');
  await expect(tragt.inStage(1, 'entry-share')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await raw(tragt, 'out-journey-customers')).toBe(old);

  // the other moves alone above 100 %: lost cannot take a negative rest
  const row4 = tragt.byId('journey-row').nth(3);
  await move(tragt, 4, 'buy').fill('70'); // 10 + 20 + 25 + 70 = 125 % without lost
  await expect(row4.getByTestId('journey-rest-to-lost')).toBeVisible();
  await expect(row4.getByTestId('journey-rest-to-lost')).toBeDisabled();
  await move(tragt, 4, 'buy').fill('0');
  await expect(row4.getByTestId('journey-rest-to-lost')).toBeHidden();
  await expect(tragt.byId('journey-problem')).toHaveCount(0);

  // a trap: 2 → 1 100 % first (a valid journey: 1 still loses 90 %) ...
  await move(tragt, 2, 1).fill('100');
  await move(tragt, 2, 3).fill('0');
  await move(tragt, 2, 'lost').fill('0');
  const rows = copy(HEXAGON);
  rows[1] = { to: [[0, 100]], buy: 0, lost: 0, entry: 4 };
  const valid = solveChain(chainOf(rows)).newcomerBuy * 10000;
  await expect(tragt.byId('journey-problem')).toHaveCount(0);
  await expectNear(tragt, 'out-journey-customers', valid);
  const lastValid = await raw(tragt, 'out-journey-customers');
  // ... then 1 → 2 100 %, lost 0: people in 1 and 2 only move between each other
  await move(tragt, 1, 'lost').fill('0');
  await move(tragt, 1, 2).fill('100');
  const problem = tragt.byId('journey-problem');
  await expect(problem.locator('li')).toHaveCount(1);
  await expect(problem.locator('li')).toHaveText(
    'People in 1. No current need, 2. Trigger can never buy or be lost: they only move between each other. Give one of them a way out.');
  await expect(problem).toContainText('The figures show the last journey that added up.');
  await expect(page.getByTestId('journey-row-problem')).toHaveCount(0); // every row adds up
  await tragt.painted();
  expect(await raw(tragt, 'out-journey-customers')).toBe(lastValid);
  await expectNear(tragt, 'out-customers', valid);
  for (const id of ['out-journey-buy', 'out-journey-steps', 'out-journey-vs-funnel', 'out-cac']) {
    const v = await tragt.value(id);
    expect(Number.isFinite(v), id).toBe(true);
  }

  // a way out again: 1 loses 10 %
  await move(tragt, 1, 2).fill('90');
  await move(tragt, 1, 'lost').fill('10');
  await expect(problem).toHaveCount(0);
  const rows2 = copy(rows);
  rows2[0] = { to: [[1, 90]], buy: 0, lost: 10, entry: 95 };
  await expectNear(tragt, 'out-journey-customers', solveChain(chainOf(rows2)).newcomerBuy * 10000);
});

// ---- 8. a 20-state journey -------------------------------------------------------------------------

/** Splits `total` units into integer parts proportional to `weights` (each ≥ 1). */
function split(weights, total) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  parts[parts.length - 1] += total - parts.reduce((s, p) => s + p, 0);
  return parts;
}

const N20 = 20;
const PURCHASE20 = 14; // 0-based: stage 15

/**
 * A seeded 20-state journey as a version 4 store: each state moves on, back or ahead to 2–4
 * others, buys from the purchase stage on, always loses some; shares in hundredths of a
 * percent. `valid` false: every row's lost share is 1–9 % off, so no row adds up to 100 %.
 */
function journey20(seed, valid) {
  const rnd = random(seed);
  const rows = [];
  for (let i = 0; i < N20; i += 1) {
    const targets = new Set(i + 1 < N20 ? [i + 1] : [0]);
    const k = 1 + Math.floor(rnd() * 3);
    while (targets.size < 1 + k) {
      const j = Math.floor(rnd() * N20);
      if (j !== i) targets.add(j);
    }
    const to = [...targets];
    const weights = to.map(() => 1 + Math.floor(rnd() * 100));
    const buys = i >= PURCHASE20;
    if (buys) weights.push(20 + Math.floor(rnd() * 100));
    weights.push(5 + Math.floor(rnd() * 100)); // lost
    const parts = split(weights, 10000);
    let lost = parts.pop();
    if (!valid) {
      // lost alone misses: the row sums to 91–99 % or 101–109 %, and lost can take the rest
      const delta = 100 + Math.floor(rnd() * 800);
      lost += rnd() < 0.5 && lost > delta ? -delta : delta;
    }
    const buy = buys ? parts.pop() : 0;
    rows.push({ to: to.map((j, k2) => [j, parts[k2]]), buy, lost });
  }
  const entryParts = split([70, 10, 8, 7, 5], 10000);
  const entryAt = [0, 1, 3, 7, 16];
  const entry = new Array(N20).fill(0);
  entryAt.forEach((s, k) => { entry[s] = entryParts[k]; });
  const rates = Array.from({ length: N20 }, (_, i) => (i === 0 ? 1 : Math.round((0.55 + rnd() * 0.4) * 100) / 100));
  const scenario = {
    id: `j20-${seed}`,
    name: valid ? 'Twenty states' : 'Twenty broken states',
    template: 'blank',
    stages: rows.map((r, i) => ({
      id: i + 1,
      name: `State ${i + 1}`,
      rate: rates[i],
      moves: { to: r.to.map(([j, u]) => [j + 1, u / 10000]), buy: r.buy / 10000, lost: r.lost / 10000, entry: entry[i] / 10000 },
    })),
    top: 100000,
    lead: 5,
    purchase: PURCHASE20 + 1,
    spend: 50000,
    aov: 1000,
    frequency: 1,
    margin: 0.5,
    ltv_method: 'simple',
    lifespan: 2,
    retention: 0.6,
    discount: 0.1,
    currency: 'EUR',
    period: 'month',
    mode: 'journey',
    recovery: 0,
    recover_to: 1,
  };
  const chain = {
    q: rows.map((r) => {
      const q = new Array(N20).fill(0);
      for (const [j, u] of r.to) q[j] = u / 10000;
      return q;
    }),
    buy: rows.map((r) => r.buy / 10000),
    lost: rows.map((r) => r.lost / 10000),
    entry: entry.map((u) => u / 10000),
  };
  const funnelCustomers = rates.slice(1, PURCHASE20 + 1).reduce((p, r) => p * r, 100000);
  const store = { format: 'tragt', version: 4, current: scenario.id, scenarios: [scenario] };
  return { store: JSON.stringify(store), chain, funnelCustomers, rowSums: rows.map((r) => r.to.reduce((s, [, u]) => s + u, 0) + r.buy + r.lost) };
}

for (const valid of [true, false]) {
  test(`a saved 20-state journey ${valid ? 'that adds up opens fast with the solver\'s figures' : 'whose rows do not add up lists every row'}`, async ({ tragt, page, context }, info) => {
    test.skip(info.project.name === 'phone', 'desktop only: the solve does not depend on the viewport');
    const j = journey20(20240611, valid);
    if (valid) expect(j.rowSums.every((s) => s === 10000)).toBe(true);
    else expect(j.rowSums.every((s) => s !== 10000)).toBe(true);
    await context.addInitScript((store) => {
      if (!sessionStorage.getItem('planted')) {
        localStorage.setItem('tragt.store', store);
        sessionStorage.setItem('planted', '1');
      }
    }, j.store);

    const started = Date.now();
    await page.goto('/?lang=en');
    await tragt.ready();
    await expect(tragt.byId('journey-row')).toHaveCount(N20);
    await expect(tragt.byId('transition')).toHaveCount(N20 * (N20 + 1));
    if (valid) {
      const sol = solveChain(j.chain);
      await expectNear(tragt, 'out-journey-customers', 100000 * sol.newcomerBuy);
      const loaded = Date.now() - started;
      expect(loaded, `loaded and solved in ${loaded} ms`).toBeLessThan(5000);
      await expect(tragt.byId('journey-problem')).toHaveCount(0);
      await expect(page.getByTestId('journey-row-problem')).toHaveCount(0);
      // what the page shows is the journey that was saved
      const shown = solveChain(await readChain(tragt, 'en'));
      expect(close(shown.newcomerBuy, sol.newcomerBuy, 1e-9)).toBe(true);
      await expectNear(tragt, 'out-journey-buy', sol.newcomerBuy);
      await expectNear(tragt, 'out-journey-steps', sol.newcomerSteps);
      await expectNear(tragt, 'out-journey-funnel-customers', j.funnelCustomers);
      await expectNear(tragt, 'out-journey-vs-funnel', (100000 * sol.newcomerBuy) / j.funnelCustomers - 1);
      await expectNear(tragt, 'out-customers', 100000 * sol.newcomerBuy);
      await expectNear(tragt, 'out-cac', 50000 / (100000 * sol.newcomerBuy));
      await expectAllNear(tragt, 'journey-state-buy', sol.buy);
      await expectAllNear(tragt, 'journey-state-steps', sol.steps);
      await expectAllNear(tragt, 'journey-state-visits', sol.visits);
      await expectProbabilities(tragt, sol.buy);
      const figures = await tragt.snapshot();
      for (const [id, v] of Object.entries(figures.out)) expect(v === null || Number.isFinite(v), id).toBe(true);
      await expectDrawn(tragt.byId('chart-journey'));
      await page.locator('.journey-panel').screenshot({ path: path.join(SHOTS, 'journey-20-states.png') });
    } else {
      const problem = tragt.byId('journey-problem');
      await expect(problem.locator('li')).toHaveCount(N20);
      const lines = await problem.locator('li').allTextContents();
      lines.forEach((line, i) => {
        const sum = j.rowSums[i] / 10000;
        expect(line).toMatch(new RegExp(`^${i + 1}\\. State ${i + 1}: This row adds up to `));
        expect(line).toContain(sum > 1 ? 'more than 100%' : 'the rest goes nowhere');
      });
      const loaded = Date.now() - started;
      expect(loaded, `loaded in ${loaded} ms`).toBeLessThan(5000);
      await expect(page.getByTestId('journey-row-problem')).toHaveCount(N20);
      // every row's remainder, as a fraction
      const rests = (await tragt.byId('journey-rest').evaluateAll((els) => els.map((e) => Number(e.dataset.value))));
      expect(rests.every((r, i) => close(r, 1 - j.rowSums[i] / 10000, 1e-6))).toBe(true);
      // no journey ever added up: the figures are the straight funnel's
      await expect(problem).toContainText('The figures show the straight funnel until the journey adds up.');
      expect(await tragt.value('out-journey-customers')).toBeNull();
      await expect(tragt.byId('out-journey-customers')).toContainText('the journey does not add up yet');
      await expectNear(tragt, 'out-customers', j.funnelCustomers);
      await expect(tragt.byId('journey-compare')).toHaveCount(0);
      // lost takes the rest, row by row, and then it solves
      for (let i = 0; i < N20; i += 1) {
        await tragt.byId('journey-row').nth(i).getByTestId('journey-rest-to-lost').click();
      }
      await expect(problem).toHaveCount(0);
      const fixed = { ...j.chain, lost: j.chain.lost.map((l, i) => l + 1 - j.rowSums[i] / 10000) };
      await expectNear(tragt, 'out-journey-customers', 100000 * solveChain(fixed).newcomerBuy);
    }
  });
}

// ---- 9. persistence, share link, JSON export -------------------------------------------------------

const KEPT_FIGURES = ['out-journey-customers', 'out-journey-recovered', 'out-journey-buy', 'out-journey-steps', 'out-customers', 'out-cac'];

/** The transition inputs as `from>to=value`, in page order. */
function transitionList(t) {
  return t.byId('transition').evaluateAll((els) => els.map((e) => `${e.dataset.from}>${e.dataset.to}=${e.value}`));
}

/**
 * Edits the hexagon (en): 4 → 5 35 % with lost 35 %, entry shares 94.5 / 4 / 1 / 0.3 / 0 /
 * 0.2 %, 12.5 % of the lost brought back to 3; checks the figures against the solver and
 * returns what must be kept: the figures' raw data-values and the transition inputs.
 */
async function editHexagon(tragt) {
  await tragt.open({ lang: 'en', template: 'hexagon' });
  await move(tragt, 4, 5).fill('35');
  await move(tragt, 4, 'lost').fill('35');
  await tragt.inStage(0, 'entry-share').fill('94.5');
  await tragt.inStage(2, 'entry-share').fill('1');
  await tragt.byId('journey-recovery').fill('12.5');
  await tragt.choose(tragt.byId('journey-recover-to'), '3');
  await tragt.byId('journey-recovery').blur();
  await expect(tragt.byId('journey-problem')).toHaveCount(0);

  const rows = copy(HEXAGON);
  rows[3] = { to: [[4, 35], [2, 20], [0, 10]], buy: 0, lost: 35, entry: 0.3 };
  rows[0].entry = 94.5;
  rows[2].entry = 1;
  // the lead stage is Explore possibilities (3, index 2); brought back to 3 (index 2)
  const chain = chainOf(rows);
  const want = 10000 * solveChain(withRecovery(chain, 0.125, 2, 2)).newcomerBuy;
  await expectNear(tragt, 'out-journey-customers', want);
  await expectNear(tragt, 'out-journey-recovered', want - 10000 * solveChain(chain).newcomerBuy);
  await tragt.waitForSave((s) => s.scenarios[0].mode === 'journey' && s.scenarios[0].recover_to === 3);
  await tragt.flushSaves();
  const figures = {};
  for (const id of KEPT_FIGURES) figures[id] = await raw(tragt, id);
  return { figures, transitions: await transitionList(tragt) };
}

/**
 * Checks that `t` shows the edited hexagon: every input and figure, and unless `target` is
 * false the "Brought back to" select (see the known bug below).
 */
async function expectEditedHexagon(t, kept, { target = true } = {}) {
  await expect(t.byId('mode-select')).toHaveValue('journey');
  for (const id of KEPT_FIGURES) await expect(t.byId(id), id).toHaveAttribute('data-value', kept.figures[id]);
  await expect(move(t, 4, 5)).toHaveValue('35');
  await expect(move(t, 4, 'lost')).toHaveValue('35');
  expect(await transitionList(t)).toEqual(kept.transitions);
  await expect(t.inStage(0, 'entry-share')).toHaveValue('94.5');
  await expect(t.inStage(2, 'entry-share')).toHaveValue('1');
  await expect(t.byId('journey-recovery')).toHaveValue('12.5');
  if (target) await expect(t.byId('journey-recover-to')).toHaveValue('3');
}

/** Edits the hexagon, checks what its share link carries and opens it as a visitor. */
async function shareEditedHexagon(tragt, newVisitor) {
  const kept = await editHexagon(tragt);
  const link = await tragt.shareLink();
  const carried = decodeShareLink(link).scenarios[0];
  expect([carried.mode, carried.recovery, carried.recover_to]).toEqual(['journey', 0.125, 3]);
  expect(carried.stages[3].moves.to).toEqual(expect.arrayContaining([[5, 0.35], [3, 0.2], [1, 0.1]]));
  expect(carried.stages[3].moves.lost).toBe(0.35);
  expect(carried.stages.map((st) => st.moves.entry)).toEqual([0.945, 0.04, 0.01, 0.003, 0, 0.002]);
  const visitor = await newVisitor();
  await visitor.page.goto(link);
  await visitor.ready();
  return { kept, visitor };
}

test('a journey\'s edits survive a reload and are in the JSON export', async ({ tragt }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: storage does not depend on the viewport');
  const kept = await editHexagon(tragt);
  await tragt.reload();
  await expectEditedHexagon(tragt, kept);

  const file = await tragt.download('export-json');
  expect(file.text).toContain('"moves"');
  expect(file.text).toContain('"mode":"journey"');
  const doc = JSON.parse(file.text);
  expect(doc.version).toBe(5);
  const s = doc.scenarios[0];
  expect([s.mode, s.recovery, s.recover_to]).toEqual(['journey', 0.125, 3]);
  expect(s.stages.every((st) => st.moves && typeof st.moves.entry === 'number')).toBe(true);
  expect(s.stages[3].moves).toEqual({ to: expect.arrayContaining([[5, 0.35], [3, 0.2], [1, 0.1]]), buy: 0, lost: 0.35, entry: 0.003 });
  expect(s.stages[3].moves.to).toHaveLength(3);
  expect(s.stages.map((st) => st.moves.entry)).toEqual([0.945, 0.04, 0.01, 0.003, 0, 0.002]);
});

test('a share link carries the journey: the visitor sees the same figures, moves, shares and recovery', async ({ tragt, newVisitor }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: sharing does not depend on the viewport');
  const { kept, visitor } = await shareEditedHexagon(tragt, newVisitor);
  // bit for bit the sender's figures (the select is checked in the next test)
  await expectEditedHexagon(visitor, kept, { target: false });
});

// The visitor's page mounts before the shared scenario replaces its own: the select must still
// follow it to "3.".
test('a share link\'s visitor sees the shared "Brought back to" state', async ({ tragt, newVisitor }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: sharing does not depend on the viewport');
  const { visitor } = await shareEditedHexagon(tragt, newVisitor);
  await expect(visitor.byId('out-journey-recovered')).toHaveAttribute('data-value', /^[1-9]/);
  await expect(visitor.byId('journey-recover-to')).toHaveValue('3');
});

// Switching between two scenarios with the same stage names: "Brought back to" shows each
// scenario's own choice.
test('"Brought back to" follows the scenario when switching scenarios', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: scenarios do not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'hexagon' });
  await tragt.byId('journey-recovery').fill('12.5');
  const original = await tragt.currentScenarioId();
  await tragt.byId('scenario-duplicate').click();
  await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
  await tragt.choose(tragt.byId('journey-recover-to'), '3');
  const chain = chainOf(HEXAGON);
  await expectNear(tragt, 'out-journey-customers', 10000 * solveChain(withRecovery(chain, 0.125, 2, 2)).newcomerBuy);

  await tragt.switchScenario(original);
  // the original brings people back to 1 (index 0): its figures are right ...
  await expectNear(tragt, 'out-journey-customers', 10000 * solveChain(withRecovery(chain, 0.125, 0, 2)).newcomerBuy);
  // ... and so must be the select
  await expect(tragt.byId('journey-recover-to')).toHaveValue('1');
});

// ---- 10. the phone ---------------------------------------------------------------------------------

test('phone: the journey panel fits the screen and its chart is drawn', async ({ tragt, page }, info) => {
  test.skip(info.project.name !== 'phone', 'phone only: the narrow layout');
  await tragt.open({ lang: 'sv', template: 'hexagon' });
  const panel = tragt.byId('journey-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toBeVisible();
  const chart = tragt.byId('chart-journey');
  await chart.scrollIntoViewIfNeeded();
  await expectDrawn(chart);
  // a row with a problem is at its widest: the message and the button
  await move(tragt, 4, 5).fill('35');
  await expect(tragt.byId('journey-row').nth(3).getByTestId('journey-rest-to-lost')).toBeVisible();
  await move(tragt, 4, 5).blur();
  await tragt.painted();
  await page.screenshot({ path: path.join(SHOTS, 'journey-phone-sv.png'), fullPage: true });
  const sizes = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="chart-journey"]').getBoundingClientRect();
    const p = document.querySelector('[data-testid="journey-panel"]').getBoundingClientRect();
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, chart: [c.left, c.right], panel: [p.left, p.right] };
  });
  expect(sizes.inner, 'the layout viewport is the screen').toBe(360);
  expect(sizes.scroll, JSON.stringify(sizes)).toBeLessThanOrEqual(sizes.inner);
  expect(sizes.chart[0]).toBeGreaterThanOrEqual(sizes.panel[0]);
  expect(sizes.chart[1]).toBeLessThanOrEqual(sizes.panel[1]);
  // every transition input is wide enough for a few digits and inside the panel
  const narrow = await tragt.byId('transition').evaluateAll((els, right) => els
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width < 40 || r.right > right + 0.5).length, sizes.panel[1]);
  expect(narrow).toBe(0);
  await tragt.byId('journey-row').nth(3).getByTestId('journey-rest-to-lost').click();
  await expect(tragt.byId('journey-problem')).toHaveCount(0);
  await expectDrawn(chart);
});

test('a journey hides the funnel-only views: the goal, the analysis panels and the Monte Carlo band', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the views do not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.openView('goal');
  await tragt.byId('goal-customers').fill('980');
  await expect(page.getByTestId('goal-required')).toHaveCount(5);
  await tragt.openView('uncertainty');
  const cart = page.getByTestId('stage').nth(2);
  await cart.getByTestId('stage-rate-low').fill('5');
  await cart.getByTestId('stage-rate-high').fill('9');
  await expect(tragt.byId('results-band')).toBeVisible();
  await tragt.openView('leaks');
  await expect(tragt.byId('chart-levers')).toBeVisible();

  // a journey offers its own view, the traffic sources and the comparison only, and shows
  // its own at once
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await expect(tragt.byId('view-journey')).toBeVisible();
  await expect(tragt.byId('chart-journey')).toBeVisible();
  const tabs = () => page.getByRole('tab').evaluateAll((els) => els.map((e) => e.dataset.testid));
  expect(await tabs()).toEqual(['view-tab-traffic', 'view-tab-compare', 'view-tab-journey']);
  await expect(page.getByTestId('goal-required')).toHaveCount(0);
  await expect(page.getByTestId('goal-customers')).toHaveCount(0);
  await expect(page.getByTestId('results-band')).toHaveCount(0);
  await expect(page.getByTestId('chart-levers')).toHaveCount(0);
  await expect(page.getByTestId('stage-rate-low')).toHaveCount(0);
  // the journey's view has the days per stage
  await expect(page.getByTestId('stage-days')).toHaveCount(5);

  // back to the funnel: its tabs, and the goal, the band and the views as they were
  await tragt.choose(tragt.byId('mode-select'), 'funnel');
  await expect(tragt.byId('view-journey')).toHaveCount(0);
  await expect(tragt.byId('view-tab-journey')).toHaveCount(0);
  await expect(tragt.byId('results-band')).toBeVisible();
  await tragt.openView('goal');
  await expect(page.getByTestId('goal-required')).toHaveCount(5);
  await expect(tragt.byId('goal-customers')).toHaveValue('980');
  await tragt.openView('uncertainty');
  await expect(cart.getByTestId('stage-rate-low')).toHaveValue('5');
  await tragt.openView('leaks');
  await expect(tragt.byId('chart-levers')).toBeVisible();
});
