// The funnel chart: a crisp canvas (backing store = CSS size × devicePixelRatio), redrawn
// on every edit and on resize, with an accessible name that carries the stages.
const { test, expect } = require('./support/test');

/** The canvas's backing and CSS sizes and the device pixel ratio. */
function geometry(canvas) {
  return canvas.evaluate((c) => ({
    width: c.width, height: c.height, clientWidth: c.clientWidth, clientHeight: c.clientHeight, dpr: window.devicePixelRatio,
  }));
}

async function expectCrisp(canvas) {
  await expect.poll(async () => {
    const g = await geometry(canvas);
    return g.clientWidth > 0 && g.width === Math.round(g.clientWidth * g.dpr) && g.height === Math.round(g.clientHeight * g.dpr)
      ? 'ok' : g;
  }, { message: 'backing store = CSS size × devicePixelRatio' }).toBe('ok');
}

test('the chart is visible and its backing store matches CSS size × devicePixelRatio', async ({ tragt }, info) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const canvas = tragt.byId('chart-funnel');
  await expect(canvas).toBeVisible();
  expect(await canvas.evaluate((c) => c.tagName)).toBe('CANVAS');
  await expect(canvas).toHaveAttribute('role', 'img');
  const g = await geometry(canvas);
  expect(g.dpr).toBe(info.project.name === 'phone' ? 2 : 1);
  await expectCrisp(canvas);
  // something was drawn: not every pixel is transparent
  const painted = await canvas.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
    return false;
  });
  expect(painted, 'the canvas has pixels').toBe(true);
});

test('the chart is redrawn after an edit', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const canvas = tragt.byId('chart-funnel');
  await expectCrisp(canvas);
  const before = await canvas.evaluate((c) => c.toDataURL());
  await tragt.typeRate(2, '30');
  await tragt.expectStageValue(2, 'stage-entrants', (await tragt.stageValue(1, 'stage-entrants')) * 0.3);
  await expect.poll(() => canvas.evaluate((c) => c.toDataURL()), { message: 'pixels changed' }).not.toBe(before);
  // and adding a stage makes it taller
  const h = (await geometry(canvas)).clientHeight;
  await tragt.addStage();
  await expect.poll(async () => (await geometry(canvas)).clientHeight).toBeGreaterThan(h);
  await expectCrisp(canvas);
});

test('the chart is redrawn at the new width when the viewport changes', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const canvas = tragt.byId('chart-funnel');
  await expectCrisp(canvas);
  const before = await geometry(canvas);
  const vp = page.viewportSize();
  // the desktop layout has a maximum width: shrink far enough to change the chart's column
  await page.setViewportSize({ width: vp.width > 600 ? 760 : vp.width - 40, height: vp.height });
  await expect.poll(async () => (await geometry(canvas)).clientWidth, { message: 'CSS width follows the viewport' })
    .not.toBe(before.clientWidth);
  await expectCrisp(canvas);
  expect((await geometry(canvas)).width).not.toBe(before.width);
  await page.setViewportSize(vp);
  await expect.poll(async () => (await geometry(canvas)).width).toBe(before.width);
  await expectCrisp(canvas);
});

test('the chart\'s accessible name lists every stage, and follows renames', async ({ tragt }) => {
  await tragt.open({ template: 'b2b', lang: 'en' });
  const canvas = tragt.byId('chart-funnel');
  const names = await tragt.stageNames();
  expect(names).toHaveLength(6);
  const label = await canvas.getAttribute('aria-label');
  for (const name of names) {
    expect(name.trim(), 'stage has a name').not.toBe('');
    expect(label, `aria-label mentions "${name}"`).toContain(name);
  }
  await tragt.typeName(2, 'Marketing qualified');
  await expect(canvas).toHaveAttribute('aria-label', /Marketing qualified/);
});

// Every chart draws on a canvas through plotters; pointing at it reads out the datum under
// the pointer in an HTML element (not canvas text), which goes away when the pointer leaves.

/** The canvas's box on the page. */
async function box(canvas) {
  await expectCrisp(canvas);
  const b = await canvas.boundingBox();
  expect(b, 'the canvas has a box').not.toBeNull();
  return b;
}

/** Points at (x, y) CSS pixels from the canvas's top left (scrolled into view); returns the readout. */
async function pointAt(page, canvas, x, y) {
  await canvas.hover({ position: { x, y } });
  return page.getByTestId('chart-tooltip');
}

/** Moves the pointer off the chart and expects the readout to go. */
async function leave(page, canvas) {
  const b = await canvas.boundingBox();
  await page.mouse.move(b.x + b.width / 2, Math.max(0, b.y - 30));
  await expect(page.getByTestId('chart-tooltip')).toHaveCount(0);
}

test('every chart is a canvas with its testid, an image role and a name', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  // the funnel is always there; each other chart is in its view
  for (const [id, view] of [['chart-funnel', null], ['chart-timeline', 'time'], ['chart-levers', 'leaks'], ['chart-histogram', 'uncertainty']]) {
    if (view) await tragt.openView(view);
    const canvas = tragt.byId(id);
    await expect(canvas, id).toHaveCount(1);
    expect(await canvas.evaluate((c) => c.tagName), id).toBe('CANVAS');
    await expect(canvas, id).toHaveAttribute('role', 'img');
    await expect(canvas, id).toHaveAttribute('aria-label', /\S/);
  }
  await expect(page.getByTestId('chart-bottleneck')).toHaveCount(0);
  await expect(page.getByTestId('chart-tooltip')).toHaveCount(0);
});

test('pointing at a funnel stage reads out its people', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  const canvas = tragt.byId('chart-funnel');
  // rows of 48 CSS px under 8 px of padding: the middle of stage 2's row (index 1)
  const tip = await pointAt(page, canvas, (await box(canvas)).width / 2, 8 + 48 + 24);
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('data-value', String(await tragt.stageValue(1, 'stage-entrants')));
  await expect(tip.locator('strong')).toHaveText(/^2\. /);
  const name = (await tragt.stageNames())[1].trim();
  await expect(tip).toContainText(name);
  // after an edit, the readout has the new figure
  await tragt.typeRate(1, '30');
  await tragt.expectStageValue(1, 'stage-entrants', (await tragt.stageValue(0, 'stage-entrants')) * 0.3);
  await pointAt(page, canvas, (await box(canvas)).width / 2, 8 + 48 + 24);
  await expect(tip).toHaveAttribute('data-value', String(await tragt.stageValue(1, 'stage-entrants')));
  await leave(page, canvas);
});

test('pointing at the timeline reads out the month and its figures', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await tragt.openView('time');
  const canvas = tragt.byId('chart-timeline');
  const b = await box(canvas);
  // the plot ends 16 CSS px before the canvas's right edge: just inside it is month 24
  const tip = await pointAt(page, canvas, b.width - 20, b.height / 2);
  await expect(tip.locator('strong')).toHaveText(/^Month 24$/);
  const last = tragt.byId('chart-timeline-table').locator('tbody tr').last();
  const cells = await last.locator('th, td').allTextContents();
  expect(cells[0]).toBe('24');
  for (const figure of cells.slice(1)) await expect(tip).toContainText(figure);
  await leave(page, canvas);
});

test('pointing at a lever reads out its stage and amount', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await tragt.openView('leaks');
  const canvas = tragt.byId('chart-levers');
  const b = await box(canvas);
  // the first row (36 CSS px under 8 px of padding) is the top lever
  const tip = await pointAt(page, canvas, b.width / 2, 8 + 18);
  await expect(tip).toBeVisible();
  const rows = page.getByTestId('bottleneck-row');
  const first = rows.first();
  const gains = await rows.evaluateAll((els) => els.map((e) => Number(e.dataset.gain)));
  const attr = gains.some((g) => g > 0) ? 'data-gain' : 'data-gain-lift';
  await expect(tip).toHaveAttribute('data-value', await first.getAttribute(attr));
  await expect(tip.locator('strong')).toHaveText(new RegExp(`^${await first.getAttribute('data-stage')}\\. `));
  await leave(page, canvas);
});

test('pointing at the histogram reads out the bin and its trials', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await tragt.openView('uncertainty');
  await tragt.inStage(2, 'stage-rate-low').fill('5');
  await tragt.inStage(2, 'stage-rate-high').fill('9');
  const canvas = tragt.byId('chart-histogram');
  const table = tragt.byId('chart-histogram-table');
  await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
  const b = await box(canvas);
  // just inside the plot's right end: the last bin
  const tip = await pointAt(page, canvas, b.width - 20, b.height - 60);
  await expect(tip).toBeVisible();
  const last = await table.locator('tbody tr').last().locator('th, td').allTextContents();
  await expect(tip.locator('strong')).toHaveText(last[0]);
  await expect(tip).toContainText(last[1]);
  await expect(tip).toHaveAttribute('data-value', /^\d+$/);
  await leave(page, canvas);
});

test('pointing at the journey reads out the nearest state', async ({ tragt, page }) => {
  await tragt.open({ template: 'hexagon', lang: 'en' });
  const canvas = tragt.byId('chart-journey');
  const b = await box(canvas);
  // the first state is at the top of the circle, above its centre
  const tip = await pointAt(page, canvas, b.width / 2, b.height * 0.2);
  await expect(tip.locator('strong')).toHaveText(/^1\. /);
  await expect(tip).toContainText(/Buy: \d/);
  await leave(page, canvas);
});

test('the comparison is a canvas chart whose bars read out their scenario and figure', async ({ tragt, page }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await tragt.byId('scenario-duplicate').click();
  await tragt.typeRate(2, '30');
  await tragt.byId('compare-open').click();
  await expect(tragt.byId('compare-table')).toBeVisible();
  const canvas = tragt.byId('chart-compare');
  await expect(canvas).toHaveAttribute('role', 'img');
  await expect(canvas).toHaveAttribute('aria-describedby', 'compare-numbers');
  const b = await box(canvas);
  // four panels in a row on a wide screen, two on a phone; the legend's line and 6 px
  // above them, 24 px above each plot; the second scenario's bar is the plot's right half
  const columns = b.width >= 760 ? 4 : b.width >= 300 ? 2 : 1;
  const tip = await pointAt(page, canvas, b.width / columns - 18, 8 + 16 + 6 + 24 + 60);
  await expect(tip.locator('strong')).toHaveText('Customers');
  const second = tragt.byId('compare-table').locator('tr[data-figure="customers"] td').nth(1);
  await expect(tip).toHaveAttribute('data-value', await second.getAttribute('data-value'));
  await expect(tip).toContainText((await second.locator('span').first().textContent()).trim());
  await leave(page, canvas);
});
