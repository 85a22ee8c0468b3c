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
