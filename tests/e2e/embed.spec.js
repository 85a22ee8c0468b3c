// The embed mode (`?embed=1`) in an iframe on another origin: the agency pages of
// tests/e2e/host/ served on 127.0.0.1:4174 embed the app from 127.0.0.1:4173 with the
// snippet's embed.js. The embedded calculator works, its iframe follows its height, the
// call to action opens the configured URL in a new tab with the key figures, storage=off
// saves nothing, two namespaces keep separate scenarios, and nothing but the height is
// posted to the host page.
//
// The host pages come from the network (playwright.config.js serves tests/e2e/host/ on the
// second origin, see support/serve.mjs): Chromium lets a page fulfilled by page.route load
// nothing from the loopback address space. The same parameters without a second origin,
// and the configurator's preview, are covered in embed-mode.spec.js.
const { test, expect } = require('./support/test');
const { Tragt, decodeShareLink } = require('./pages/tragt');
const { APP, HOST, hostUrl, frameIn, embedJsReady } = require('./support/host');

/** Opens a host page with the given iframe sources ({a: '?embed=1&…'}); returns {id: Tragt}. */
async function openHost(page, file, frames) {
  await page.goto(hostUrl(file, frames));
  await embedJsReady(page);
  const apps = {};
  for (const id of Object.keys(frames)) {
    const frame = await frameIn(page, `host-frame-${id}`, 'embed=1');
    apps[id] = new Tragt(frame);
    await apps[id].ready();
  }
  return apps;
}

/** The iframe's rendered height in CSS px. */
function iframeHeight(page, id) {
  return page.getByTestId(`host-frame-${id}`).evaluate((el) => el.getBoundingClientRect().height);
}

/** The height of the embedded page's content, as the app measures it (± a pixel of rounding). */
function contentHeight(app) {
  return app.page.evaluate(() => document.documentElement.scrollHeight);
}

/** Records every message the host page receives, with the iframe it came from. */
async function recordMessages(page) {
  await page.evaluate(() => {
    window.__received = [];
    window.addEventListener('message', (e) => {
      const from = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      window.__received.push({ from: from ? from.id : null, origin: e.origin, data: e.data });
    });
  });
}

/** A figure rounded to cents, as the call to action's summary carries it (src/embed.rs). */
const cents = (v) => Math.round(v * 100) / 100;

test.describe('embed mode', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the phone project runs the same-origin embed journey');

  test('the embedded calculator works, and its iframe follows its height as stages are added', async ({ page }) => {
    await page.goto(hostUrl('one-embed.html', {}));
    await recordMessages(page);
    await embedJsReady(page);
    const app = new Tragt(await frameIn(page, 'host-frame-a', 'embed=1'));
    await app.ready();
    await expect(app.byId('open-full')).toBeVisible();

    // The first height arrives, and matches the content: no inner scrollbar.
    await expect.poll(() => page.getByTestId('host-frame-a').evaluate((el) => el.style.height)).toMatch(/^\d+px$/);
    await expect.poll(async () => Math.abs((await iframeHeight(page, 'a')) - (await contentHeight(app)))).toBeLessThanOrEqual(1);

    const before = await iframeHeight(page, 'a');
    const stages = await app.stageCount();
    await app.ensureStages(stages + 3);
    await expect.poll(() => iframeHeight(page, 'a')).toBeGreaterThan(before);
    await expect.poll(async () => Math.abs((await iframeHeight(page, 'a')) - (await contentHeight(app)))).toBeLessThanOrEqual(1);

    // Removing them shrinks it again, once their notice (with its Undo) is dismissed.
    for (let i = 0; i < 3; i += 1) await app.removeStage(stages);
    await expect(app.byId('notice-undo')).toHaveCount(1);
    await app.notice().locator('.dismiss').click();
    await expect.poll(() => iframeHeight(page, 'a')).toBeLessThan(before + 2);

    // The host page got heights and nothing else: no scenario data leaves the iframe.
    const received = await page.evaluate(() => window.__received);
    expect(received.length).toBeGreaterThan(0);
    for (const m of received) {
      expect(m.from).toBe('a');
      expect(m.origin).toBe(APP.replace(/\/$/, ''));
      expect(Object.keys(m.data).sort()).toEqual(['height', 'type']);
      expect(m.data.type).toBe('tragt:height');
      expect(Number.isInteger(m.data.height)).toBe(true);
    }
  });

  test('the call to action opens the configured URL in a new tab, with the key figures', async ({ page, context }) => {
    const ctaUrl = `${HOST}thanks.html?from=embed`;
    const query = new URLSearchParams({
      embed: '1', lang: 'en', template: 'webshop', cta_text: 'Talk to us', cta_url: ctaUrl, cta_summary: '1',
    });
    const { a: app } = await openHost(page, 'one-embed.html', { a: `?${query}` });
    const cta = app.byId('cta');
    await expect(cta).toHaveText('Talk to us');
    await expect(cta).toHaveAttribute('target', '_blank');
    await expect(cta).toHaveAttribute('rel', /noopener/);

    await app.typeCount(0, '40000');
    await app.expectStageValue(0, 'stage-entrants', 40000);
    await expect.poll(() => app.value('out-customers')).toBeGreaterThan(0);
    // the summary: figures rounded to cents; CAC is left out only when it is undefined
    const figures = {
      customers: cents(await app.value('out-customers')),
      revenue: cents(await app.value('out-revenue')),
      cac: cents(await app.value('out-cac')),
      ltv: cents(await app.value('out-ltv')),
    };
    const currency = await app.byId('currency-select').inputValue();

    const [tab] = await Promise.all([context.waitForEvent('page'), cta.click()]);
    await tab.waitForLoadState();
    const url = new URL(tab.url());
    expect(url.origin + url.pathname).toBe(`${HOST}thanks.html`);
    expect([...url.searchParams.keys()], 'the agency\'s own parameters stay, the summary follows').toEqual(
      ['from', 'tragt_customers', 'tragt_revenue', 'tragt_cac', 'tragt_ltv', 'tragt_currency', 'tragt_template']);
    expect(url.searchParams.get('from')).toBe('embed');
    for (const [key, value] of Object.entries(figures)) {
      expect(Number(url.searchParams.get(`tragt_${key}`)), `tragt_${key}`).toBe(value);
    }
    expect(url.searchParams.get('tragt_currency')).toBe(currency);
    expect(url.searchParams.get('tragt_template')).toBe('webshop');
    await tab.close();
  });

  test('without cta_summary, the call to action leads to the URL as given', async ({ page, context }) => {
    const ctaUrl = `${HOST}thanks.html?from=embed`;
    const query = new URLSearchParams({ embed: '1', lang: 'da', cta_text: 'Book et møde', cta_url: ctaUrl });
    const { a: app } = await openHost(page, 'one-embed.html', { a: `?${query}` });
    const [tab] = await Promise.all([context.waitForEvent('page'), app.byId('cta').click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(ctaUrl);
    await tab.close();
  });

  test('a call to action that is not http(s) is not shown', async ({ page }) => {
    const query = new URLSearchParams({ embed: '1', cta_text: 'Click', cta_url: 'javascript:alert(1)' });
    const { a: app } = await openHost(page, 'one-embed.html', { a: `?${query}` });
    await expect(app.byId('cta')).toHaveCount(0);
    await expect(app.byId('open-full')).toBeVisible();
  });

  test('an invalid accent colour is ignored with a console warning', async ({ page }) => {
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const query = new URLSearchParams({ embed: '1', lang: 'en', accent: 'notacolour', cta_text: 'Go', cta_url: `${HOST}thanks.html` });
    const { a: app } = await openHost(page, 'one-embed.html', { a: `?${query}` });
    // the browser's CSS.supports rejects it (src/components/embed_frame.rs): Tragt's green stays
    await expect.poll(() => warnings.join('\n')).toContain('Tragt: accent ignored, not a CSS colour: “notacolour”');
    expect(await app.byId('cta').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 123, 95)');
  });

  test('storage=off saves nothing in the browser', async ({ page }) => {
    const { a: app } = await openHost(page, 'one-embed.html', { a: '?embed=1&lang=en&storage=off' });
    await app.typeCount(0, '31337');
    await app.expectStageValue(0, 'stage-entrants', 31337);
    await app.flushSaves(); // a save would be made now
    await page.goto('about:blank');
    await page.goto(hostUrl('one-embed.html', { a: '?embed=1&lang=en&storage=off' }));
    const again = new Tragt(await frameIn(page, 'host-frame-a', 'embed=1'));
    await again.ready();
    expect(await again.stageValue(0, 'stage-entrants')).not.toBe(31337);
    const stored = await again.page.evaluate(() => [localStorage.length, sessionStorage.length]);
    expect(stored).toEqual([0, 0]);
    await expect(again.notice(), 'storage=off is not a storage problem').toBeEmpty();
  });

  test('two embeds with their own namespaces keep separate scenarios', async ({ page }) => {
    const frames = { a: '?embed=1&lang=en&ns=alpha', b: '?embed=1&lang=en&ns=beta' };
    const first = await openHost(page, 'two-embeds.html', frames);
    await first.a.typeCount(0, '11111');
    await first.b.typeCount(0, '22222');
    await first.a.expectStageValue(0, 'stage-entrants', 11111);
    await first.b.expectStageValue(0, 'stage-entrants', 22222);
    await first.a.flushSaves();
    await first.b.flushSaves();

    const second = await openHost(page, 'two-embeds.html', frames);
    await second.a.expectStageValue(0, 'stage-entrants', 11111);
    await second.b.expectStageValue(0, 'stage-entrants', 22222);
    // under tragt.<ns>.store in the app's origin (src/storage/keys.rs)
    const keys = await second.a.page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys).toEqual(['tragt.alpha.store', 'tragt.beta.store']);

    // Without a namespace, a third embed sees neither of them.
    const third = await openHost(page, 'one-embed.html', { a: '?embed=1&lang=en' });
    const top = await third.a.stageValue(0, 'stage-entrants');
    expect([11111, 22222]).not.toContain(top);
  });

  test('"open the full calculator" opens the app in a new tab with the same scenario', async ({ page, context }) => {
    const { a: app } = await openHost(page, 'one-embed.html', { a: '?embed=1&lang=en&template=b2b' });
    await app.typeCount(0, '4242');
    await app.expectStageValue(0, 'stage-entrants', 4242);
    const link = app.byId('open-full');
    await expect(link).toHaveAttribute('target', '_blank');
    // the link is remade after each edit (asynchronously): wait for the one with 4242
    await expect.poll(async () => {
      const href = await link.getAttribute('href');
      return href.includes('#s=') ? decodeShareLink(href).scenarios[0].top : null;
    }).toBe(4242);
    // the host resizes the iframe as the embed's views settle after the edit; a click while
    // the frame still moves can land beside the link (seen once in CI): click once the
    // frame's height has stood still for a poll interval
    let last = -1;
    await expect.poll(async () => {
      const [was, now] = [last, await iframeHeight(page, 'a')];
      last = now;
      return now === was;
    }, { intervals: [250] }).toBe(true);
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    const full = new Tragt(tab);
    await full.ready();
    const url = new URL(tab.url());
    expect(url.origin + url.pathname).toBe(APP);
    // every embed parameter (template too) is dropped; lang stays; the scenario is in #s=
    expect([...url.searchParams]).toEqual([['lang', 'en']]);
    await full.expectStageValue(0, 'stage-entrants', 4242);
    await expect(full.byId('template-select')).toHaveValue('b2b');
    await expect.poll(() => full.selectedOptionText()).toMatch(/ \(not saved\)$/);
    await expect(full.byId('share-save')).toBeVisible();
    await tab.close();
  });
});
