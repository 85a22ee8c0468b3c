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

test('the headline figures stay in view while the last stage is edited', async ({ tragt, page }) => {
  // twelve stages: the last is far down the page
  await tragt.open({ lang: 'en', template: 'readiness' });
  const last = (await tragt.stageCount()) - 1;
  const rate = tragt.inStage(last, 'stage-rate');
  // the way a browser brings a field into view when it is reached (block: end)
  await rate.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const customers = await tragt.byId('out-customers').getAttribute('data-value');
  await rate.fill('25');
  await expect(tragt.byId('out-customers')).not.toHaveAttribute('data-value', customers);
  expect(await page.evaluate(() => window.scrollY), 'the page has scrolled').toBeGreaterThan(300);
  for (const id of HEADLINE) await expect(tragt.byId(id), `${id} is wholly in view`).toBeInViewport({ ratio: 1 });
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
    await expect(tragt.byId(id), `${id} is wholly in view`).toBeInViewport({ ratio: 1 });
  }
});

test('a first visit to the six-stage B2B model is at most 1,800 px tall at 1280 × 900, in every language', async ({ tragt, page }, info) => {
  test.skip(info.project.name !== 'desktop', 'a 1280 × 900 screen');
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const lang of ['en', 'da', 'sv', 'nb']) {
    await tragt.open({ lang, template: 'b2b' });
    await expect(tragt.stages()).toHaveCount(6);
    // nothing opened: no view, so each stage shows name, people and rate only
    await expect(page.getByRole('tabpanel')).toHaveCount(0);
    await expect(tragt.stage(1).locator('input[type="text"]:visible')).toHaveCount(3);
    await expect(tragt.byId('chart-funnel')).toBeInViewport({ ratio: 1 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `${lang}: page height`).toBeLessThanOrEqual(1800);
  }
});

test.describe('the lifetime-value details are folded until asked for', () => {
  test('closed on a first visit, opened by money-more, and remembered', async ({ tragt, page }) => {
    await tragt.open({ lang: 'da', template: 'webshop' });
    const fold = tragt.byId('money-more');
    await expect(fold).toHaveAttribute('aria-expanded', 'false');
    await expect(fold).toHaveText('Mere om kundeværdien');
    for (const id of ['input-lifespan', 'input-retention', 'input-discount']) await expect(tragt.byId(id)).toHaveCount(0);
    // the figures do not depend on the fold
    const ltv = await tragt.byId('out-ltv').getAttribute('data-value');
    await fold.click();
    await expect(fold).toHaveAttribute('aria-expanded', 'true');
    await expect(tragt.byId('input-lifespan')).toBeVisible();
    expect(await fold.getAttribute('aria-controls')).toBe(await page.locator('#money-ltv').getAttribute('id'));
    await expect(tragt.byId('out-ltv')).toHaveAttribute('data-value', ltv);
    await tragt.byId('input-lifespan').fill('4');
    await expect(tragt.byId('out-ltv')).not.toHaveAttribute('data-value', ltv);
    // remembered for the visitor: open after a reload and in another scenario
    await tragt.flushSaves();
    await tragt.reload();
    await expect(tragt.byId('money-more')).toHaveAttribute('aria-expanded', 'true');
    await expect(tragt.byId('input-lifespan')).toHaveValue('4');
    await tragt.byId('scenario-new').click();
    await expect(tragt.byId('input-lifespan')).toBeVisible();
    // closed again, and that is remembered too
    await tragt.byId('money-more').click();
    await expect(tragt.byId('input-lifespan')).toHaveCount(0);
    await tragt.reload();
    await expect(tragt.byId('money-more')).toHaveAttribute('aria-expanded', 'false');
  });

  test('the keyboard opens it, and choosing a method shows its inputs', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'webshop' });
    await tragt.byId('money-more').focus();
    await page.keyboard.press('Enter');
    await expect(tragt.byId('input-lifespan')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(tragt.byId('input-lifespan')).toHaveCount(0);
    await tragt.choose(tragt.byId('ltv-method'), 'retention');
    await expect(tragt.byId('money-more')).toHaveAttribute('aria-expanded', 'true');
    await expect(tragt.byId('input-retention')).toBeVisible();
    await expect(tragt.byId('input-discount')).toBeVisible();
  });

  test('an unreadable preference record opens the page with the fold closed', async ({ tragt, page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('tragt.prefs', '{"money_more":');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await tragt.open({ lang: 'en', template: 'webshop' });
    await expect(tragt.byId('money-more')).toHaveAttribute('aria-expanded', 'false');
    await expect(tragt.notice()).toBeEmpty();
    await tragt.byId('money-more').click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('tragt.prefs'))).toBe('{"money_more":true}');
  });
});
