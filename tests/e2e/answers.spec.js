// The answers stay in view: on a wide screen the headline figures sit beside the stages
// and stay there (sticky) while the visitor scrolls and edits; on a phone they are a bar
// along the foot of the screen, and what scrolls into view stops above it.
const { test, expect } = require('./support/test');

const HEADLINE = ['out-customers', 'out-revenue', 'out-cac'];

/** The element's box in viewport coordinates. */
const box = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
});

/** Whether the element lies wholly inside the viewport. */
async function inView(page, locator) {
  const b = await box(locator);
  const vp = page.viewportSize();
  return b.top >= 0 && b.bottom <= vp.height && b.left >= 0 && b.right <= vp.width;
}

test('the headline figures stay in view while the last stage is edited', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en', template: 'b2b' });
  const last = (await tragt.stageCount()) - 1;
  const rate = tragt.inStage(last, 'stage-rate');
  // the way a browser brings a field into view when it is reached (block: end)
  await rate.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const customers = await tragt.byId('out-customers').getAttribute('data-value');
  await rate.fill('25');
  await expect(tragt.byId('out-customers')).not.toHaveAttribute('data-value', customers);
  expect(await page.evaluate(() => window.scrollY), 'the page has scrolled').toBeGreaterThan(300);
  for (const id of HEADLINE) {
    await expect(tragt.byId(id), id).toBeVisible();
    expect(await inView(page, tragt.byId(id)), `${id} is in view`).toBe(true);
  }
  // the field being typed in is not hidden under the figures
  const field = await box(rate);
  const headline = await box(tragt.byId('headline'));
  const overlaps = field.bottom > headline.top && field.top < headline.bottom
    && field.right > headline.left && field.left < headline.right;
  expect(overlaps, `rate ${JSON.stringify(field)} clear of the headline ${JSON.stringify(headline)}`).toBe(false);
});

test('a phone shows the headline as a bar at the foot of the screen', async ({ tragt, page }, info) => {
  test.skip(info.project.name !== 'phone', 'the bar is the phone layout');
  await tragt.open({ lang: 'da', template: 'webshop' });
  const bar = await box(tragt.byId('headline'));
  const vp = page.viewportSize();
  expect(Math.round(bar.bottom), 'the bar ends at the foot of the screen').toBe(vp.height);
  expect(bar.bottom - bar.top, 'the bar is compact').toBeLessThan(vp.height / 8);
  // the three figures side by side
  const card = (id) => tragt.byId(id).locator('xpath=ancestor::*[contains(@class, "figure")][1]');
  const tops = await Promise.all(HEADLINE.map(async (id) => Math.round((await box(card(id))).top)));
  expect(new Set(tops).size, `one row: ${tops}`).toBe(1);
  // the end of the page scrolls clear of the bar
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footer = await box(page.locator('.app-footer'));
  expect(footer.bottom, 'the footer ends above the bar').toBeLessThanOrEqual((await box(tragt.byId('headline'))).top);
});

test('an embed keeps its figures in the page: its frame is as tall as the app', async ({ tragt, page }) => {
  await tragt.open({ lang: 'sv', template: 'webshop', embed: '1' });
  const position = await tragt.byId('headline').evaluate((el) => getComputedStyle(el).position);
  expect(position).not.toBe('fixed');
});

test('on paper the headline is with the other figures', async ({ tragt, page }, info) => {
  test.skip(info.project.name !== 'phone', 'the bar is the phone layout');
  await tragt.open({ lang: 'en', template: 'webshop' });
  await page.emulateMedia({ media: 'print' });
  const position = await tragt.byId('headline').evaluate((el) => getComputedStyle(el).position);
  expect(position).toBe('static');
});

test('a first visit on a laptop shows the customers and the funnel without scrolling', async ({ tragt, page }, info) => {
  test.skip(info.project.name !== 'desktop', 'a 1280 × 900 screen');
  await page.setViewportSize({ width: 1280, height: 900 });
  await tragt.open({ lang: 'en', template: 'b2b' });
  await expect(tragt.byId('chart-funnel')).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const id of ['out-customers', 'out-revenue', 'out-cac', 'chart-funnel']) {
    expect(await inView(page, tragt.byId(id)), `${id} is in view`).toBe(true);
  }
});
