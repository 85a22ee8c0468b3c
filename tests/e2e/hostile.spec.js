// 500 random edits: a seeded generator picks, 500 times, any input of the app — stage
// counts, rates, names and forecasting fields, money fields, every select, adding, removing
// and moving stages, lead and purchase marks, journey moves, start shares and recovery,
// goal, Monte Carlo and referral fields, scenarios — and types a value from a pool full of
// garbage. A field that lives in an analysis view (a tab) is reached by opening its view
// first, as a person would; views are also closed at random. Most edits are made in the
// page (value + input event, in one round trip), some are typed key by key. The app must
// never throw or log an error (the fixture), every figure must stay a finite number or ""
// all along, and the figures on screen must be exactly what a fresh page computes from the
// saved scenario (with the same view open): in another browser from the same saved store
// every 50 edits, and at the end after a reload and from a share link.
const { test, expect } = require('./support/test');
const { mulberry32 } = require('./support/random');
const { Tragt } = require('./pages/tragt');

test.skip(({ isMobile }) => isMobile, 'desktop only: the edits do not depend on the viewport');

const SEED = 0x5eed2026;
const EDITS = 500;
const CHECK_EVERY = 50;

/** What is typed into number fields: garbage, edge cases and ordinary numbers. */
const NUMBERS = [
  '', '-5', '150', '1e999', 'NaN', 'abc', '１２', '1,5', '1.000,5', '   ', '<b>x</b>', '9'.repeat(40),
  '1' + '0'.repeat(300), '∞', '-∞', 'Infinity', '0', '-0', '100', '99.999', '100.0000001', '1e12', '1e-9',
  '0x10', '+5', '.5', '5.', '1 000', '2,500.75', '12..5', '½', '٣', '\u00a05', '5%', '4294967296',
  '1', '2', '3.5', '7', '12', '20', '33.3', '45', '50', '62.5', '75', '80', '90', '250', '1200', '48000', '1000000',
];

/** What is typed into name fields. */
const NAMES = [
  '', '   ', 'Leads', 'Besøgende', 'Köp', '<b>x</b>', '<img src=x onerror=window.__pwned=1>',
  '"><svg onload=window.__pwned=1>', 'javascript:window.__pwned=1', '=1+1', '{{7*7}}', '${7*7}',
  '\u202eRTL override', 'emoji 🚀🚀🚀', 'x'.repeat(150), 'tab\there', '\\u0000', 'null', 'undefined',
];

/**
 * The edits the generator chooses from, with weights: `number` and `name` fields get a
 * value from the pools, `select` an option, `click` is a button, radio or checkbox. Test
 * ids are those of TESTIDS.md and README.md; `transition` is a journey move. A fourth entry
 * names the views that hold the field (the first one offered is opened when none is open).
 */
const ACTIONS = [
  ['number', 'stage-count', 10], ['number', 'stage-rate', 10], ['name', 'stage-name', 5],
  ['number', 'input-spend', 3], ['number', 'input-aov', 3], ['number', 'input-frequency', 2],
  ['number', 'input-margin', 2], ['number', 'input-lifespan', 2], ['number', 'input-retention', 2],
  ['number', 'input-discount', 2], ['click', 'money-more', 1],
  ['select', 'currency-select', 1], ['select', 'period-select', 1], ['select', 'ltv-method', 2],
  ['select', 'mode-select', 3], ['select', 'template-select', 1], ['select', 'lang-select', 1],
  ['click', 'stage-add', 3], ['click', 'stage-remove', 2], ['click', 'stage-up', 2], ['click', 'stage-down', 2],
  ['click', 'stage-lead', 2], ['click', 'stage-purchase', 2],
  ['number', 'transition', 12, ['journey']], ['number', 'entry-share', 4], ['number', 'journey-recovery', 2, ['journey']],
  ['select', 'journey-recover-to', 1, ['journey']], ['click', 'journey-rest-to-lost', 3, ['journey']],
  ['click', 'journey-rebuild', 1, ['journey']],
  ['number', 'pipeline-now', 2, ['pipeline']], ['number', 'stage-days', 2, ['time', 'journey']],
  ['number', 'stage-benchmark', 2, ['leaks']],
  ['number', 'stage-rate-low', 2, ['uncertainty']], ['number', 'stage-rate-high', 2, ['uncertainty']],
  ['click', 'stage-counts', 1, ['uncertainty']],
  ['number', 'goal-customers', 2, ['goal']], ['number', 'goal-revenue', 1, ['goal']], ['click', 'goal-clear', 1, ['goal']],
  ['number', 'mc-trials', 1, ['uncertainty']], ['number', 'mc-seed', 1, ['uncertainty']],
  ['number', 'input-referrals', 2, ['referrals']],
  ['click', 'view-close', 1], ['click', 'compare-open', 0.5],
  ['name', 'scenario-name', 2], ['select', 'scenario-select', 1],
  ['click', 'scenario-new', 0.5], ['click', 'scenario-duplicate', 0.5], ['click', 'scenario-delete', 0.5],
];

/**
 * Runs in the page: picks one edit among the elements that a person could use now
 * (connected, shown, enabled), with the generator's numbers `r`, and makes it — or, for a
 * text field to be typed key by key, returns where it is. A field of a view that is not
 * open counts when the view's tab is there: picking it clicks the tab and returns
 * `open` (the view) and `only` (the field), for the caller to wait for the view and call
 * again with `only`, which makes the edit with the same numbers. Returns what it did.
 */
function editInPage({ actions, r, number, name, type, only }) {
  const usable = (el) => !!el && el.isConnected && !el.disabled && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  const candidates = [];
  for (const [kind, testid, weight, views] of actions) {
    if (only && testid !== only) continue;
    const all = [...document.querySelectorAll(`[data-testid="${testid}"]`)];
    const indexes = all.map((el, i) => (usable(el) ? i : -1)).filter((i) => i >= 0);
    if (indexes.length) {
      candidates.push({ kind, testid, weight, all, indexes });
      continue;
    }
    // in a view that is not open: reached through its tab
    const view = only ? undefined : (views || []).find((v) => usable(document.querySelector(`[data-testid="view-tab-${v}"]`)));
    if (view && !document.querySelector(`[data-testid="view-${view}"]`)) candidates.push({ kind, testid, weight, view });
  }
  if (!candidates.length) return { did: `nothing: no usable ${only}` };
  const total = candidates.reduce((s, c) => s + c.weight, 0);
  let x = r[0] * total;
  const pick = candidates.find((c) => (x -= c.weight) < 0) || candidates[candidates.length - 1];
  if (pick.view) {
    document.querySelector(`[data-testid="view-tab-${pick.view}"]`).click();
    return { open: pick.view, only: pick.testid, did: `open view ${pick.view} for ${pick.testid}` };
  }
  const index = pick.indexes[Math.floor(r[1] * pick.indexes.length)];
  const el = pick.all[index];
  const where = `${pick.testid}[${index}]${el.dataset.from ? ` ${el.dataset.from}→${el.dataset.to}` : ''}`;

  if (pick.kind === 'click') {
    el.click();
    return { did: `click ${where}` };
  }
  if (pick.kind === 'select') {
    const options = [...el.options].filter((o) => !o.disabled);
    const option = options[Math.floor(r[2] * options.length)];
    el.focus();
    el.value = option.value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return { did: `select ${where} = ${JSON.stringify(option.value)}` };
  }
  let text = pick.kind === 'name' ? name : number;
  if (type) return { type: { testid: pick.testid, index, text }, did: `type ${where} ${JSON.stringify(text)}` };
  // a browser never lets more than maxlength characters in
  if (el.maxLength > 0) text = text.slice(0, el.maxLength);
  el.focus();
  el.value = text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  if (r[3] < 0.3) el.blur();
  return { did: `fill ${where} ${JSON.stringify(text)}${r[3] < 0.3 ? ' + blur' : ''}` };
}

/**
 * What a page shows of the open scenario, read in one go (runs in the page): every figure
 * as `key data-value=…` (and the bottleneck ranking's own data attributes) in page order,
 * every input's value (`<invalid>` for a field marked aria-invalid: it shows what was
 * typed, not the scenario), the scenario list, and whether the journey has problems. The
 * comparison of scenarios is left out: it is not part of the open scenario.
 */
function stateInPage() {
  const keyOf = (el) => {
    if (el.dataset.testid) return el.dataset.testid;
    const holder = el.parentElement && el.parentElement.closest('[data-testid]');
    return `${holder ? holder.dataset.testid : '?'}/${el.tagName.toLowerCase()}`;
  };
  const figures = [];
  for (const el of document.querySelectorAll('[data-value], [data-gain], [data-gain-point], [data-stage]')) {
    if (el.closest('[data-testid="compare-table"]')) continue;
    for (const attr of ['data-value', 'data-gain', 'data-gain-point', 'data-stage']) {
      if (el.hasAttribute(attr)) figures.push(`${keyOf(el)} ${attr}=${el.getAttribute(attr)}`);
    }
  }
  const inputs = [];
  for (const el of document.querySelectorAll('input[data-testid], select[data-testid]')) {
    const id = el.dataset.testid;
    if (['import-json', 'share-url', 'compare-pick', 'scenario-select'].includes(id)) continue;
    // below the first stage, a count shows the stage's entrants: a figure
    const entrants = id === 'stage-count' && el.closest('[data-testid="stage"]') !== document.querySelector('[data-testid="stage"]');
    const key = el.dataset.from ? `${id} ${el.dataset.from}→${el.dataset.to}` : `${id}${entrants ? ' (entrants)' : ''}`;
    if (el.type === 'radio' || el.type === 'checkbox') inputs.push(`${key} checked=${el.checked}`);
    else inputs.push(`${key}=${el.getAttribute('aria-invalid') === 'true' ? '<invalid>' : el.value}`);
  }
  const list = document.querySelector('[data-testid="scenario-select"]');
  const panel = document.querySelector('[role="tabpanel"]');
  return {
    view: panel ? panel.dataset.testid : null,
    figures,
    inputs,
    scenarios: [...list.options].map((o) => `${o.value} ${o.textContent}`),
    open: list.value,
    journeyProblem: !!document.querySelector('[data-testid="journey-problem"]'),
    notice: document.querySelector('[data-testid="notice"]').textContent,
    invalid: document.querySelectorAll('[aria-invalid="true"]').length,
  };
}

/** The figures that are neither "" nor a finite number (empty when all are fine). */
function notFinite(figures) {
  return figures.filter((f) => {
    const v = f.slice(f.indexOf('=') + 1);
    return v !== '' && !Number.isFinite(Number(v));
  });
}

/**
 * Figures that follow from the scenario alone even while its journey does not add up:
 * the rows' remainders, the start shares' total and the heat map of the moves. The rest
 * (and the entrants in the count fields) show the last journey that added up in this tab
 * (README, "Journeys"), which a fresh page cannot know: it shows the straight funnel until
 * the journey adds up.
 */
const JOURNEY_INPUT_FIGURES = /^(journey-rest|journey-entries-total|journey-matrix\/td) /;

/** Lines of two lists that differ (position by position), as readable messages. */
function differences(got, want, what) {
  const out = [];
  if (got.length !== want.length) out.push(`${what}: ${got.length} entries, want ${want.length}`);
  const n = Math.max(got.length, want.length);
  for (let i = 0; i < n && out.length < 12; i += 1) {
    if (got[i] !== want[i]) out.push(`${what} #${i}: got ${got[i]}, want ${want[i]}`);
  }
  return out;
}

/**
 * How the state of a freshly opened page (`got`) differs from `want`: every input (but
 * fields left invalid in `want`), every figure — only those of JOURNEY_INPUT_FIGURES while
 * the journey of `want` does not add up — and, with `list`, the scenario list. A fresh
 * page says nothing: a notice would be saved values it could not read back.
 */
function mismatch(got, want, { list = true } = {}) {
  const out = [];
  if (got.notice !== '') out.push(`notice: ${got.notice}`);
  if (got.view !== want.view) out.push(`open view: got ${got.view}, want ${want.view}`);
  const keep = (f) => !want.journeyProblem || JOURNEY_INPUT_FIGURES.test(f);
  const input = (v) => !want.journeyProblem || !v.startsWith('stage-count (entrants)=');
  const inputs = got.inputs.map((v, i) => (want.inputs[i] && want.inputs[i].endsWith('=<invalid>') ? want.inputs[i] : v));
  out.push(...differences(inputs.filter(input), want.inputs.filter(input), 'input'));
  out.push(...differences(got.figures.filter(keep), want.figures.filter(keep), 'figure'));
  if (list) {
    out.push(...differences(got.scenarios, want.scenarios, 'scenario list'));
    if (got.open !== want.open) out.push(`open scenario: got ${got.open}, want ${want.open}`);
  }
  return out;
}

/** The saved store and language, once autosave has written the last edit (flushed at once). */
async function settledStore(page) {
  await new Tragt(page).flushSaves();
  return page.evaluate(() => ({
    store: localStorage.getItem('tragt.store'),
    lang: localStorage.getItem('tragt.lang'),
    prefs: localStorage.getItem('tragt.prefs'),
  }));
}

/** The state of `tragt`'s page once the last edit has settled (the forecasting views follow after 120 ms). */
async function settledState(tragt) {
  await tragt.page.evaluate(() => document.activeElement && document.activeElement.blur());
  await tragt.settled();
  return tragt.page.evaluate(stateInPage);
}

/**
 * Opens on `tragt`'s page the view that is open in `state` (a view is not remembered: a
 * fresh page opens none, or a journey's own).
 */
async function openSameView(tragt, state) {
  if (state.view) await tragt.openView(state.view.replace(/^view-/, ''));
}

/** Polls `tragt`'s page until it matches `want` (see mismatch); `soft` lets the test go on. */
async function expectSameState(tragt, want, message, { soft = false, list = true } = {}) {
  await (soft ? expect.soft : expect)
    .poll(async () => mismatch(await tragt.page.evaluate(stateInPage), want, { list }), { message, timeout: soft ? 2500 : 5000 })
    .toEqual([]);
}

test(`${EDITS} random edits (seed 0x${SEED.toString(16)}): figures stay finite and equal a fresh recompute`, async ({ tragt, page, newVisitor }, info) => {
  test.setTimeout(180_000);
  const random = mulberry32(SEED);
  const choose = (list) => list[Math.floor(random() * list.length)];
  const log = [];

  await tragt.open({ template: 'webshop' });
  // the views' tabs are there (their fields are reached by opening them)
  await expect(tragt.viewTab('referrals')).toBeVisible();
  const fresh = await newVisitor();
  await fresh.open();

  try {
    for (let i = 1; i <= EDITS; i += 1) {
      const r = [random(), random(), random(), random()];
      const type = random() < 0.12;
      const number = choose(NUMBERS);
      const name = choose(NAMES);
      let result = await page.evaluate(editInPage, { actions: ACTIONS, r, number, name, type });
      if (result.open) {
        log.push(`${i}: ${result.did}`);
        await tragt.openView(result.open);
        result = await page.evaluate(editInPage, { actions: ACTIONS, r, number, name, type, only: result.only });
      }
      log.push(`${i}: ${result.did}`);
      if (result.type) {
        const field = page.getByTestId(result.type.testid).nth(result.type.index);
        await field.click();
        await field.press('ControlOrMeta+a');
        if (result.type.text === '') await field.press('Delete');
        else await field.pressSequentially(result.type.text.slice(0, 24));
        if (r[3] < 0.5) await field.press('Tab');
      }
      if (i % CHECK_EVERY !== 0 || i === EDITS) continue;

      const state = await settledState(tragt);
      expect(state.figures.length, 'the page shows figures').toBeGreaterThan(20);
      expect(notFinite(state.figures), `after edit ${i}: every figure is "" or a finite number`).toEqual([]);
      expect(await page.evaluate(() => window.__pwned), 'no name ran as markup').toBeUndefined();
      // the saved store, opened in another browser, is the same scenario with the same figures
      const { store, lang, prefs } = await settledStore(page);
      const saved = await page.evaluate(stateInPage);
      log.push(`-- after ${i}: ${saved.invalid} field(s) invalid${saved.journeyProblem ? ', the journey does not add up' : ''}`);
      // the same visitor in another browser: their scenarios, language and open folds
      await fresh.page.evaluate(({ s, l, p }) => {
        localStorage.clear();
        localStorage.setItem('tragt.store', s);
        if (l !== null) localStorage.setItem('tragt.lang', l);
        if (p !== null) localStorage.setItem('tragt.prefs', p);
      }, { s: store, l: lang, p: prefs });
      await fresh.reload();
      await openSameView(fresh, saved);
      await expectSameState(fresh, saved, `after edit ${i}: the saved store, opened afresh, shows the same scenario and figures`, { soft: true });
    }

    // the end, saved
    const final = await settledState(tragt);
    await settledStore(page);
    log.push(`-- end: ${final.invalid} field(s) invalid${final.journeyProblem ? ', the journey does not add up' : ''}`);
    expect(notFinite(final.figures), 'at the end: every figure is "" or a finite number').toEqual([]);

    // a reload computes everything afresh from what was saved: the texts of invalid fields
    // are gone, their last valid values were in force all along, so the figures are the same
    await tragt.reload();
    await openSameView(tragt, final);
    await expectSameState(tragt, final, 'after a reload (and its view opened again), the same scenario and figures');
    await expect(page.locator('[aria-invalid="true"]'), 'a fresh page has no invalid field').toHaveCount(0);
    const reloaded = await settledState(tragt);

    // and the share link, in another browser, is exactly the reloaded page (both fresh: every figure)
    const link = await tragt.shareLink();
    const visitor = await newVisitor();
    // a visitor who reads the tab's language (a link carries the scenario, not the language)
    const lang = await page.evaluate(() => document.documentElement.lang);
    await visitor.page.addInitScript((l) => localStorage.setItem('tragt.lang', l), lang);
    await visitor.page.goto(link);
    await visitor.ready();
    await expect(visitor.byId('share-save')).toBeVisible();
    // a visitor who opened the lifetime-value details, as the tab has them, and its view
    if ((await tragt.byId('money-more').getAttribute('aria-expanded')) === 'true') await visitor.openMoneyMore();
    await openSameView(visitor, reloaded);
    await expectSameState(visitor, { ...reloaded, journeyProblem: false }, 'the share link shows the same scenario and figures', { list: false });
  } finally {
    await info.attach('edits', { body: log.join('\n'), contentType: 'text/plain' });
  }
});

// ---- journey edits that the random edits turned up, one by one --------------------------------

/** The transition input from state `from` to `to` (1-based, or 'buy' / 'lost'). */
function move(tragt, from, to) {
  return tragt.page.locator(`[data-testid="transition"][data-from="${from}"][data-to="${to}"]`);
}

/** A journey row's inputs as `to=value`, in page order. */
function row(tragt, from) {
  return tragt.page.locator(`[data-testid="transition"][data-from="${from}"]`)
    .evaluateAll((els) => els.map((e) => `${e.dataset.to}=${e.value}`));
}

/** The web shop (en) as a journey: 1 → 2 50 %, 2 → 3 7 %, 3 → 4 50 %, 4 → 5 70 %, 5 buys; 490 customers. */
async function webshopJourney(tragt) {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await expect(tragt.byId('journey-row')).toHaveCount(5);
  await tragt.expectValue('out-journey-customers', 490);
}

/** Waits for the autosave, reloads, and returns the notice's text. */
async function saveAndReload(tragt) {
  await settledStore(tragt.page);
  await tragt.reload();
  await expect(tragt.byId('journey-row').first()).toBeVisible();
  return tragt.notice().textContent();
}

test.describe('journey edits survive a reload', () => {
  test('removing a stage that a row over 100 % moves to leaves a share the file can hold', async ({ tragt }) => {
    await webshopJourney(tragt);
    // row 1: 50 % to 2, 10 % to 3, 95 % lost: 155 %, shown as a problem while typing
    await move(tragt, 1, 'lost').fill('95');
    await move(tragt, 1, 3).fill('10');
    await move(tragt, 1, 3).blur();
    await expect(tragt.byId('journey-row').first().getByTestId('journey-row-problem')).toBeVisible();

    await tragt.removeStage(2); // the 10 % to stage 3 has nowhere to go but lost
    await expect(tragt.byId('journey-row')).toHaveCount(4);
    const before = await row(tragt, 1);
    const lost = Number((await move(tragt, 1, 'lost').inputValue()).replace(/,/g, ''));
    expect(lost, 'a share is at most 100 %').toBeLessThanOrEqual(100);

    expect(await saveAndReload(tragt), 'every saved value is read back').toBe('');
    expect(await row(tragt, 1), 'the row after a reload').toEqual(before);
  });

  test('moving a stage past another of the same name moves its column in every row', async ({ tragt }) => {
    await webshopJourney(tragt);
    await tragt.addStage();
    await tragt.addStage(); // stages 6 and 7, both without a name
    await move(tragt, 1, 6).fill('10');
    await move(tragt, 1, 'lost').fill('40');
    await move(tragt, 1, 'lost').blur();
    expect(await row(tragt, 1)).toEqual(['2=50', '3=0', '4=0', '5=0', '6=10', '7=0', 'buy=0', 'lost=40']);

    await tragt.moveDown(5); // stage 6 becomes stage 7: the 10 % follow it
    await expect(tragt.stages()).toHaveCount(7);
    await expect.poll(() => row(tragt, 1), 'row 1 after stage 6 moved down')
      .toEqual(['2=50', '3=0', '4=0', '5=0', '6=0', '7=10', 'buy=0', 'lost=40']);
    // what is typed under "7" is the move to stage 7
    await move(tragt, 1, 6).fill('5');
    await move(tragt, 1, 6).blur();
    await expect.poll(() => row(tragt, 1)).toEqual(['2=50', '3=0', '4=0', '5=0', '6=5', '7=10', 'buy=0', 'lost=40']);

    expect(await saveAndReload(tragt)).toBe('');
    expect(await row(tragt, 1), 'the row after a reload').toEqual(['2=50', '3=0', '4=0', '5=0', '6=5', '7=10', 'buy=0', 'lost=40']);
  });

  test('while a row does not add up, a new number of newcomers still moves the figures', async ({ tragt }) => {
    await webshopJourney(tragt);
    // a back-step: 20 % of stage 2 return to 1 (a journey that adds up, more customers than the funnel)
    await move(tragt, 2, 1).fill('20');
    await move(tragt, 2, 'lost').fill('73');
    await move(tragt, 2, 'lost').blur();
    await expect(tragt.byId('journey-problem')).toHaveCount(0);
    const buy = await tragt.value('out-journey-buy');
    await tragt.expectValue('out-journey-customers', 40000 * buy);
    expect(await tragt.value('out-journey-customers')).toBeGreaterThan(490);

    // row 3 at 110 %: the figures keep that journey ...
    await move(tragt, 3, 4).fill('60');
    await move(tragt, 3, 4).blur();
    await expect(tragt.byId('journey-problem')).toBeVisible();
    await tragt.expectValue('out-journey-buy', buy);
    // ... for the newcomers there are now: twice as many, twice the customers
    await tragt.typeCount(0, '80000');
    await tragt.inStage(0, 'stage-count').blur();
    await tragt.expectStageValue(0, 'stage-entrants', 80000, 'the first stage has the newcomers typed');
    await tragt.expectValue('out-journey-customers', 80000 * buy);
    await tragt.expectValue('out-customers', 80000 * buy);
  });
});
