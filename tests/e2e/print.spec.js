// Printing gives a report, not a form: the figures, the funnel chart drawn at its printed
// width, the self-assessment, the stages as one line each, and in an embed the agency's
// logo; no tabs, no buttons, no empty fields; at most two A4 pages for a six-stage model.
const { test, expect } = require('./support/test');

/** A4 at 96 CSS px per inch: 794 × 1123; the page box inside 12 mm side margins. */
const A4 = { width: 794, height: 1123 };

/** Switches the page to print media the way the browser does: `beforeprint`, then paper. */
async function print(page) {
  await page.setViewportSize(A4);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
}

test.describe('the printed report', () => {
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'paper is one size'));

  test('two pages at most: figures, funnel at its printed width, assessment; nothing to fill in', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'b2b', view: 'uncertainty' });
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await print(page);
    const chart = tragt.byId('chart-funnel');
    // drawn for 642 CSS px (ChartCanvas::PRINT_WIDTH) and shown at exactly that width
    await expect.poll(() => chart.evaluate((c) => [Math.round(c.getBoundingClientRect().width), c.width / devicePixelRatio]))
      .toEqual([642, 642]);
    await expect(tragt.byId('assessment')).toBeVisible();
    await expect(tragt.byId('out-customers')).toBeVisible();
    // no tabs, no open view, no view's empty fields, no buttons, no unticked marks
    await expect(page.getByRole('tablist')).toBeHidden();
    await expect(page.getByRole('tabpanel')).toBeHidden();
    await expect(tragt.byId('stage-rate-low').first()).toBeHidden();
    await expect(page.locator('button:visible')).toHaveCount(0);
    await expect(page.locator('input[type="radio"]:visible')).toHaveCount(0);
    await expect(tragt.stage(1).getByText('Lead')).toBeVisible();
    await expect(tragt.stage(2).getByText('Lead')).toBeHidden();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, 'the report fits two A4 pages').toBeLessThanOrEqual(2 * A4.height);
  });

  test('traffic sources print with the report: each source, and what the total spend is made of', async ({ tragt, page }) => {
    await tragt.open({ lang: 'da', template: 'webshop', view: 'traffic' });
    await tragt.byId('source-sample').click();
    await expect(tragt.byId('source')).toHaveCount(3);
    const total = await tragt.byId('out-spend-total').getAttribute('data-value');
    // not on screen
    await expect(tragt.byId('print-sources')).toHaveCount(0);
    await print(page);
    const sources = tragt.byId('print-sources');
    await expect(sources).toBeVisible();
    await expect(sources.getByTestId('print-source')).toHaveCount(3);
    await expect(sources.getByTestId('print-source').first()).toContainText('Søgeannoncer');
    // the spend's parts and its total, the figure the page shows
    const spend = tragt.byId('print-spend');
    await expect(spend.locator('tr:last-child td')).toHaveAttribute('data-value', total);
    await expect(spend).toContainText('50.000');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, 'the report still fits two A4 pages').toBeLessThanOrEqual(2 * A4.height);
  });

  test('an embed prints with the agency logo', async ({ tragt, page }) => {
    await tragt.open({ embed: '1', lang: 'da', template: 'webshop', logo: 'icon.svg', storage: 'off' });
    await print(page);
    await expect(page.locator('img.embed-logo')).toBeVisible();
    await expect(tragt.byId('assessment')).toBeVisible();
    await expect(tragt.byId('cta')).toBeHidden();
  });
});
