// The analyses as views (tabs): a WAI-ARIA tablist whose tabs open one view at a time, each
// adding its own per-stage fields to the stage rows; none open on a first visit (a stage row
// is its name, people and rate), `?view=` opens one on load, a reload opens none again; a
// journey offers its own view and the comparison; embeds offer leaks and goal (full) or
// nothing (compact), plus what `sections=` names; `compare-open` opens and closes the
// comparison. What is typed in a view is the scenario's: it stays when the view closes.
const { test, expect } = require('./support/test');

/** The full page's views in a straight funnel, in tab order. */
const FUNNEL_VIEWS = ['leaks', 'goal', 'traffic', 'time', 'uncertainty', 'pipeline', 'referrals', 'compare'];

/** The per-stage fields each view adds to every stage row (the goal's needs only with a goal). */
const STAGE_FIELDS = {
  leaks: ['stage-benchmark'],
  goal: [],
  traffic: ['stage-fixed-cost', 'stage-unit-cost'],
  time: ['stage-days'],
  uncertainty: ['stage-rate-low', 'stage-rate-high', 'stage-counts'],
  pipeline: ['pipeline-now'],
  referrals: [],
  compare: [],
};
const ALL_STAGE_FIELDS = [...new Set(Object.values(STAGE_FIELDS).flat()), 'goal-required'];

/** A hook each view shows (besides its stage fields). */
const VIEW_HOOKS = {
  leaks: ['bottleneck-weakest', 'chart-levers'],
  goal: ['goal-customers', 'goal-revenue', 'goal-status'],
  time: ['out-days-to-purchase', 'out-velocity', 'chart-timeline'],
  uncertainty: ['out-mc-p50', 'mc-trials', 'mc-seed', 'chart-histogram'],
  pipeline: ['out-pipeline-customers', 'out-pipeline-revenue'],
  referrals: ['input-referrals', 'out-referral-customers'],
  compare: ['compare-pick', 'chart-compare'],
  traffic: ['source-add', 'sources-empty'],
};

/** The test ids of the tabs in the tablist, in order. */
function tabIds(page) {
  return page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.dataset.testid));
}

/** The `view-<name>` test ids of the open panels. */
function panels(page) {
  return page.locator('[role="tabpanel"]');
}

/** Collects the page's console warnings. */
function warnings(page) {
  const list = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') list.push(m.text());
  });
  return list;
}

/** Every text-like input of a stage row that is shown, as test ids. */
function shownTextInputs(row) {
  return row.locator('input').evaluateAll((els) => els
    .filter((e) => !['checkbox', 'radio', 'hidden', 'file'].includes(e.type) && e.getClientRects().length > 0)
    .map((e) => e.dataset.testid));
}

// ---- the first visit, and each view by its tab -------------------------------------------------

for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test.describe(`${size} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test.skip(({ isMobile }) => isMobile !== (size === 'phone'), `the ${size} project runs the ${size} size`);

    test('a first visit opens no view: a stage row has its name, people and rate only', async ({ tragt, page }) => {
      await tragt.open({ lang: 'en', template: 'b2b' });
      await expect(page.getByRole('tablist')).toBeVisible();
      expect(await tabIds(page)).toEqual(FUNNEL_VIEWS.map((v) => `view-tab-${v}`));
      await expect(panels(page)).toHaveCount(0);
      for (const name of FUNNEL_VIEWS) await expect(tragt.viewTab(name), name).toHaveAttribute('aria-selected', 'false');
      // none selected: the first tab is the list's one stop for Tab
      await expect(tragt.viewTab('leaks')).toHaveAttribute('tabindex', '0');
      for (const name of FUNNEL_VIEWS.slice(1)) await expect(tragt.viewTab(name), name).toHaveAttribute('tabindex', '-1');

      await expect(tragt.stages()).toHaveCount(6);
      for (let i = 0; i < 6; i += 1) {
        expect(await shownTextInputs(tragt.stage(i)), `stage ${i + 1}'s text fields`).toEqual(['stage-name', 'stage-count', 'stage-rate']);
      }
      await expect(tragt.inStage(1, 'stage-rate')).toBeEnabled();
      for (const id of [...ALL_STAGE_FIELDS, 'stage-benchmark-source']) await expect(page.getByTestId(id), `no ${id}`).toHaveCount(0);
      for (const id of Object.values(VIEW_HOOKS).flat()) await expect(page.getByTestId(id), `no ${id}`).toHaveCount(0);
      await expect(tragt.byId('view-close')).toHaveCount(0);
      // what is not in a view is there
      for (const id of ['out-customers', 'out-revenue', 'out-cac', 'chart-funnel', 'input-spend']) {
        await expect(tragt.byId(id), id).toBeVisible();
      }
      await expect(tragt.byId('out-customers')).toBeInViewport();
    });

    test('each view opens by its tab: its panel, its stage fields and no other view\'s; the headline stays in sight', async ({ tragt, page }) => {
      await tragt.open({ lang: 'en', template: 'b2b' });
      const customers = await tragt.byId('out-customers').getAttribute('data-value');
      for (const name of FUNNEL_VIEWS) {
        await test.step(name, async () => {
          const tab = tragt.viewTab(name);
          await tab.click();
          const panel = tragt.byId(`view-${name}`);
          await expect(panel).toBeVisible();
          await expect(panels(page), 'one view at a time').toHaveCount(1);
          await expect(panel).toHaveAttribute('role', 'tabpanel');
          // the tab and its panel name each other
          await expect(tab).toHaveAttribute('aria-selected', 'true');
          await expect(tab).toHaveAttribute('tabindex', '0');
          const tabId = await tab.getAttribute('id');
          const panelId = await panel.getAttribute('id');
          expect(tabId, 'the tab has an id').toBeTruthy();
          expect(panelId, 'the panel has an id').toBeTruthy();
          await expect(tab).toHaveAttribute('aria-controls', panelId);
          await expect(panel).toHaveAttribute('aria-labelledby', tabId);
          for (const other of FUNNEL_VIEWS.filter((v) => v !== name)) {
            await expect(tragt.viewTab(other), other).toHaveAttribute('aria-selected', 'false');
            await expect(tragt.viewTab(other), other).toHaveAttribute('tabindex', '-1');
          }
          // its stage fields in every row, nobody else's
          for (const id of STAGE_FIELDS[name]) {
            await expect(page.getByTestId(id), `${id} in every row`).toHaveCount(6);
            for (let i = 0; i < 6; i += 1) await expect(tragt.inStage(i, id), `${id} in stage ${i + 1}`).toHaveCount(1);
          }
          for (const id of ALL_STAGE_FIELDS.filter((f) => !STAGE_FIELDS[name].includes(f))) {
            await expect(page.getByTestId(id), `no ${id} in the ${name} view`).toHaveCount(0);
          }
          for (const id of VIEW_HOOKS[name]) await expect(panel.getByTestId(id), `${id} in the ${name} view`).toHaveCount(1);
          for (const id of Object.entries(VIEW_HOOKS).filter(([v]) => v !== name).flatMap(([, ids]) => ids)) {
            await expect(page.getByTestId(id), `no ${id} in the ${name} view`).toHaveCount(0);
          }
          await expect(panel.getByTestId('view-close')).toBeVisible();
          // the headline figure stays in the viewport, and unchanged
          await expect(tragt.byId('out-customers')).toBeInViewport();
          await expect(tragt.byId('out-customers')).toHaveAttribute('data-value', customers);
        });
      }
      // the close button closes the open view: none is open
      await tragt.closeView();
      for (const name of FUNNEL_VIEWS) await expect(tragt.viewTab(name), name).toHaveAttribute('aria-selected', 'false');
      for (const id of ALL_STAGE_FIELDS) await expect(page.getByTestId(id), `no ${id}`).toHaveCount(0);
      await expect(tragt.byId('out-customers')).toBeInViewport();
    });
  });
}

// ---- the keyboard -------------------------------------------------------------------------------

test('the tabs follow the keyboard: arrows, Home and End move focus without opening; Enter and Space open', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: a keyboard');
  await tragt.open({ lang: 'en', template: 'webshop' });
  const tab = (name) => tragt.viewTab(name);
  await tab('leaks').focus();
  await expect(tab('leaks')).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(tab('goal'), 'ArrowRight moves to the next tab').toBeFocused();
  await expect(panels(page), 'moving focus opens nothing').toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(tab('traffic')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('time')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab('compare'), 'End goes to the last tab').toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab('leaks'), 'Home goes to the first tab').toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('compare'), 'ArrowLeft from the first wraps to the last').toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('leaks'), 'ArrowRight from the last wraps to the first').toBeFocused();
  await expect(panels(page), 'still nothing open').toHaveCount(0);

  // Enter opens the focused tab's view
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tab('time')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tragt.byId('view-time')).toBeVisible();
  await expect(tab('time')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('time')).toHaveAttribute('tabindex', '0');
  await expect(tab('leaks'), 'the open tab is the stop for Tab now').toHaveAttribute('tabindex', '-1');
  await expect(tab('time')).toBeFocused();

  // moving on does not open the next one; Space opens it
  await page.keyboard.press('ArrowRight');
  await expect(tab('uncertainty')).toBeFocused();
  await expect(tragt.byId('view-time'), 'the open view stays while focus moves').toBeVisible();
  await expect(tab('uncertainty')).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Space');
  await expect(tragt.byId('view-uncertainty')).toBeVisible();
  await expect(panels(page)).toHaveCount(1);
  await expect(tab('uncertainty')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('time')).toHaveAttribute('aria-selected', 'false');

  // ArrowLeft from the first tab wraps to the last, which Enter opens
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(tab('compare')).toBeFocused();
  await expect(tragt.byId('view-uncertainty')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(tragt.byId('view-compare')).toBeVisible();
  await expect(panels(page)).toHaveCount(1);

  // Tab from the tablist leaves it (one stop for the whole list) and Shift+Tab comes back to the open tab
  await page.keyboard.press('Tab');
  await expect(tab('compare')).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement.getAttribute('role')), 'Tab leaves the tablist').not.toBe('tab');
  await page.keyboard.press('Shift+Tab');
  await expect(tab('compare'), 'Shift+Tab comes back to the open tab').toBeFocused();
});

// A benchmark's source shows only while its field has focus: pressing a tab takes the focus,
// the source goes, and the page must not move the tab from under the pointer before the
// button is released (the press would land beside the tab and open nothing). The steps are
// those of forecasting.spec's share-link journey, where the page is scrolled far enough down
// for the shorter page to move the tabs.
test('a tab pressed while a benchmark field has focus opens its view', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: a mouse');
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.openView('pipeline');
  await tragt.inStage(0, 'pipeline-now').fill('10000');
  await tragt.openView('time');
  await tragt.inStage(1, 'stage-days').fill('3.5');
  await tragt.openView('leaks');
  await tragt.inStage(3, 'stage-benchmark').fill('60');
  await expect(tragt.inStage(3, 'stage-benchmark-source')).toBeVisible();
  await tragt.viewTab('uncertainty').click();
  await expect(tragt.viewTab('uncertainty'), 'the press opened the view').toHaveAttribute('aria-selected', 'true');
  await expect(tragt.byId('view-uncertainty')).toBeVisible();
});

// ---- the URL and reloads ------------------------------------------------------------------------

test('?view= opens that view on load; an unknown name opens none with a warning; a reload forgets a clicked view', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the URL does not depend on the viewport');
  const said = warnings(page);
  await tragt.open({ lang: 'en', template: 'webshop', view: 'time' });
  await expect(tragt.byId('view-time')).toBeVisible();
  await expect(tragt.viewTab('time')).toHaveAttribute('aria-selected', 'true');
  await expect(panels(page)).toHaveCount(1);
  await expect(page.getByTestId('stage-days')).toHaveCount(5);
  expect(said.filter((w) => w.startsWith('Tragt:')), 'a known view warns of nothing').toEqual([]);

  await tragt.open({ lang: 'en', template: 'webshop', view: 'nonsense' });
  await expect(page.getByRole('tablist')).toBeVisible();
  await expect(panels(page)).toHaveCount(0);
  await expect.poll(() => said.filter((w) => w.startsWith('Tragt: view ignored')), { message: 'a warning for the unknown view' }).toHaveLength(1);
  for (const name of FUNNEL_VIEWS) await expect(tragt.viewTab(name), name).toHaveAttribute('aria-selected', 'false');

  // a view opened by its tab is not remembered: a reload opens none
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.openView('pipeline');
  await tragt.reload();
  await expect(page.getByRole('tablist')).toBeVisible();
  await expect(panels(page), 'a reload opens no view').toHaveCount(0);
  await expect(page.getByTestId('pipeline-now')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('view'), 'opening a view does not write it into the URL').toBeNull();
});

// ---- what is typed in a view stays ----------------------------------------------------------------

test('values typed in a view survive closing it, opening another, and a reload', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: storage does not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'b2b' });
  await tragt.openView('time');
  // the model's own days (if it ships any), and the days to purchase they give
  const shown = async (i) => tragt.inStage(i, 'stage-days').inputValue();
  const number = (text) => (text === '' ? 0 : Number(text.replace(/,/g, '')));
  const model = [await shown(0), await shown(1), await shown(2)];
  await expect(tragt.byId('out-days-to-purchase')).toHaveAttribute('data-value', /^\d/);
  const before = await tragt.value('out-days-to-purchase');
  // stages 1 and 3 come before the purchase (the sixth stage): their days count
  await tragt.inStage(0, 'stage-days').fill('12');
  await tragt.inStage(2, 'stage-days').fill('7.5');
  await tragt.inStage(2, 'stage-days').blur();
  await tragt.expectValue('out-days-to-purchase', before - number(model[0]) - number(model[2]) + 12 + 7.5);
  await tragt.settled();
  const days = await tragt.byId('out-days-to-purchase').getAttribute('data-value');
  const velocity = await tragt.byId('out-velocity').getAttribute('data-value');
  const headline = await tragt.snapshot();

  // closed: the figures outside the views are the same, the fields gone
  await tragt.closeView();
  await expect(page.getByTestId('stage-days')).toHaveCount(0);
  expect(await tragt.snapshot()).toEqual(headline);
  // reopened: the days are still there, the same figures
  await tragt.openView('time');
  await expect(tragt.inStage(0, 'stage-days')).toHaveValue('12');
  await expect(tragt.inStage(2, 'stage-days')).toHaveValue('7.5');
  await expect(tragt.byId('out-days-to-purchase')).toHaveAttribute('data-value', days);
  await expect(tragt.byId('out-velocity')).toHaveAttribute('data-value', velocity);

  // a range typed in the uncertainty view moves the band under the headline, which stays
  // after the view closes
  await tragt.openView('uncertainty');
  await tragt.settled();
  const bandBefore = (await tragt.byId('results-band').count()) ? await tragt.byId('results-band').textContent() : '';
  await tragt.inStage(2, 'stage-rate-low').fill('12');
  await tragt.inStage(2, 'stage-rate-high').fill('30');
  await tragt.inStage(2, 'stage-rate-high').blur();
  await expect(tragt.byId('results-band')).toContainText('P10–P90');
  await expect(tragt.byId('results-band'), 'the band follows the new range').not.toHaveText(bandBefore);
  await tragt.openView('goal');
  await expect(page.getByTestId('stage-rate-low')).toHaveCount(0);
  await expect(tragt.byId('results-band'), 'the band is not in a view').toContainText('P10–P90');
  await tragt.closeView();
  await expect(tragt.byId('results-band')).toContainText('P10–P90');
  await tragt.settled();
  const band = await tragt.byId('results-band').textContent();

  // a reload: no view open, the same figures; each view shows what was typed
  await tragt.reload();
  await expect(panels(page)).toHaveCount(0);
  await tragt.settled();
  expect(await tragt.snapshot()).toEqual(headline);
  await expect(tragt.byId('results-band')).toHaveText(band);
  await tragt.openView('time');
  await expect(tragt.inStage(0, 'stage-days')).toHaveValue('12');
  await expect(tragt.inStage(2, 'stage-days')).toHaveValue('7.5');
  await expect(tragt.inStage(1, 'stage-days'), 'a stage not typed in keeps its days').toHaveValue(model[1]);
  await expect(tragt.byId('out-days-to-purchase')).toHaveAttribute('data-value', days);
  await expect(tragt.byId('out-velocity')).toHaveAttribute('data-value', velocity);
  await tragt.openView('uncertainty');
  await expect(tragt.inStage(2, 'stage-rate-low')).toHaveValue('12');
  await expect(tragt.inStage(2, 'stage-rate-high')).toHaveValue('30');
});

// ---- a journey --------------------------------------------------------------------------------------

test('a journey offers its own view and the comparison; its view is shown whenever no other is chosen', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the views do not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.openView('time');
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await expect(tragt.byId('view-journey')).toBeVisible();
  await expect(tragt.viewTab('journey')).toHaveAttribute('aria-selected', 'true');
  expect(await tabIds(page)).toEqual(['view-tab-traffic', 'view-tab-compare', 'view-tab-journey']);
  await expect(tragt.viewTab('leaks')).toHaveCount(0);
  await expect(panels(page)).toHaveCount(1);
  await expect(tragt.byId('journey-row')).toHaveCount(5);
  await expect(tragt.byId('chart-journey')).toBeVisible();
  await expect(page.getByTestId('stage-days'), 'the journey has the days per stage').toHaveCount(5);
  // it cannot be closed: closing leaves it open
  const close = tragt.byId('view-close');
  if (await close.count()) await close.click();
  await expect(tragt.byId('view-journey')).toBeVisible();

  // the comparison replaces it; the journey's tab brings it back
  await tragt.openView('compare');
  await expect(tragt.byId('view-journey')).toHaveCount(0);
  await expect(page.getByTestId('transition')).toHaveCount(0);
  await tragt.openView('journey');
  await expect(tragt.byId('journey-row')).toHaveCount(5);

  // a reload of a journey shows its view again
  await tragt.reload();
  await expect(tragt.byId('view-journey')).toBeVisible();

  // back to the funnel: its tabs, no journey
  await tragt.choose(tragt.byId('mode-select'), 'funnel');
  await expect(tragt.viewTab('leaks')).toBeVisible();
  await expect(tragt.viewTab('journey')).toHaveCount(0);
  await expect(tragt.byId('view-journey')).toHaveCount(0);
  expect(await tabIds(page)).toEqual(FUNNEL_VIEWS.map((v) => `view-tab-${v}`));
});

// ---- embeds ----------------------------------------------------------------------------------------

test.describe('embeds', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the parameters do not depend on the viewport');

  /** Opens the app embedded with these parameters. */
  async function openEmbed(tragt, params) {
    await tragt.page.goto(`/?${new URLSearchParams({ embed: '1', lang: 'en', template: 'b2b', ...params })}`);
    await tragt.ready();
  }

  test('a compact embed has no tabs; sections= adds exactly the views it names', async ({ tragt, page }) => {
    const said = warnings(page);
    await openEmbed(tragt, { layout: 'compact' });
    await expect(tragt.stages()).toHaveCount(6);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(panels(page)).toHaveCount(0);

    await openEmbed(tragt, { layout: 'compact', sections: 'time,uncertainty' });
    await expect(page.getByRole('tablist')).toBeVisible();
    expect(await tabIds(page)).toEqual(['view-tab-time', 'view-tab-uncertainty']);
    await expect(panels(page)).toHaveCount(0);
    await tragt.openView('time');
    await expect(tragt.byId('out-days-to-purchase')).toBeVisible();
    await expect(page.getByTestId('stage-days'), 'the time view\'s days in every row').toHaveCount(6);
    await tragt.openView('uncertainty');
    await expect(tragt.byId('out-mc-p50')).toBeVisible();
    await expect(page.getByTestId('stage-rate-low'), 'the ranges in every row').toHaveCount(6);
    await expect(page.getByTestId('stage-days')).toHaveCount(0);
    expect(said.filter((w) => w.startsWith('Tragt:')), 'no warnings').toEqual([]);
  });

  test('an unknown entry in sections= is ignored with a warning', async ({ tragt, page }) => {
    const said = warnings(page);
    await openEmbed(tragt, { layout: 'compact', sections: 'time,bogus' });
    await expect(page.getByRole('tablist')).toBeVisible();
    expect(await tabIds(page)).toEqual(['view-tab-time']);
    await expect.poll(() => said.filter((w) => w.startsWith('Tragt: sections')), { message: 'a warning for "bogus"' }).toHaveLength(1);
    expect(said.find((w) => w.startsWith('Tragt: sections'))).toContain('bogus');
  });

  test('a full embed offers leaks and goal, plus its sections', async ({ tragt, page }) => {
    await openEmbed(tragt, {});
    await expect(page.getByRole('tablist')).toBeVisible();
    expect(await tabIds(page)).toEqual(['view-tab-leaks', 'view-tab-goal']);
    await expect(panels(page), 'none open on a first visit').toHaveCount(0);
    await tragt.openView('leaks');
    await expect(tragt.byId('bottleneck-weakest')).toBeVisible();
    await expect(page.getByTestId('stage-benchmark')).toHaveCount(6);
    await tragt.openView('goal');
    await expect(tragt.byId('goal-customers')).toBeVisible();
    await tragt.closeView();
    await expect(tragt.byId('compare-open'), 'the tools row is the full page\'s').toHaveCount(0);

    await openEmbed(tragt, { sections: 'pipeline' });
    expect(await tabIds(page)).toEqual(['view-tab-leaks', 'view-tab-goal', 'view-tab-pipeline']);
    await tragt.openView('pipeline');
    await expect(page.getByTestId('pipeline-now')).toHaveCount(6);
  });
});

// ---- compare-open ----------------------------------------------------------------------------------

test('compare-open opens the comparison view and, pressed again, closes it', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: the buttons do not depend on the viewport');
  await tragt.open({ lang: 'en', template: 'webshop' });
  const button = tragt.byId('compare-open');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(tragt.byId('view-compare')).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(tragt.viewTab('compare')).toHaveAttribute('aria-selected', 'true');
  await expect(tragt.byId('compare-pick')).toHaveCount(1);
  await button.click();
  await expect(panels(page)).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(tragt.viewTab('compare')).toHaveAttribute('aria-selected', 'false');

  // with another view open, it takes its place; the tab's close button closes it too
  await tragt.openView('time');
  await button.click();
  await expect(tragt.byId('view-compare')).toBeVisible();
  await expect(tragt.byId('view-time')).toHaveCount(0);
  await expect(panels(page)).toHaveCount(1);
  await tragt.closeView();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
