// The embed mode (`?embed=1`) on the app's own origin, without a host page: what the
// embed's URL parameters do — the call to action and its summary of the figures, "Open
// full calculator" with the same scenario, storage off/session, namespaces, the accent
// colour and logo — and that hostile values are ignored or shown as text, never run.
// (embed.spec.js covers the embed in an iframe on a second origin.)
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/test');
const { Tragt, decodeShareLink } = require('./pages/tragt');
const { frameIn } = require('./support/host');

const APP = 'http://127.0.0.1:4173/';
const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const STORE_V1 = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'store-v1.json'), 'utf8');
const DEFAULT_ACCENT = 'rgb(15, 123, 95)'; // #0f7b5f

/** Opens the embedded app with these parameters (embed=1 added first). */
async function openEmbed(tragt, params = {}) {
  await tragt.page.goto(`/?${new URLSearchParams({ embed: '1', ...params })}`);
  await tragt.ready();
}

/** Collects the page's console warnings. */
function warnings(page) {
  const list = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') list.push(m.text());
  });
  return list;
}

/** A figure rounded to cents, as the call to action's summary carries it. */
const cents = (v) => Math.round(v * 100) / 100;

/** Everything injected markup would leave behind. */
async function injected(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned,
    imgs: document.querySelectorAll('img').length,
    inlineScripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
  }));
}

test.describe('call to action', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the phone project runs the open-full journey');

  test('with cta_summary=1 the link carries the figures, follows every edit, and opens in a new tab', async ({ tragt, page, context }) => {
    const ctaUrl = `${APP}embed.html?from=embed&tragt_customers=stale#form`; // any page of the agency
    await openEmbed(tragt, { lang: 'en', template: 'webshop', cta_text: 'Talk to us', cta_url: ctaUrl, cta_summary: '1' });
    const cta = tragt.byId('cta');
    await expect(cta).toHaveText('Talk to us');
    await expect(cta).toHaveAttribute('target', '_blank');
    await expect(cta).toHaveAttribute('rel', /(^|\s)noopener(\s|$)/);

    /** The summary the link must carry now, from the page's data-values. */
    const expected = async () => {
      const cac = await tragt.value('out-cac');
      return {
        from: 'embed',
        tragt_customers: cents(await tragt.value('out-customers')),
        tragt_revenue: cents(await tragt.value('out-revenue')),
        ...(cac === null ? {} : { tragt_cac: cents(cac) }),
        tragt_ltv: cents(await tragt.value('out-ltv')),
        tragt_currency: await tragt.byId('currency-select').inputValue(),
        tragt_template: 'webshop',
      };
    };
    /** The link's parameters, numbers as numbers, in their order. */
    const carried = async () => {
      const url = new URL(await cta.getAttribute('href'));
      expect(url.origin + url.pathname).toBe(`${APP}embed.html`);
      expect(url.hash, 'the agency\'s fragment stays').toBe('#form');
      return Object.fromEntries([...url.searchParams].map(([k, v]) =>
        [k, /^tragt_(customers|revenue|cac|ltv)$/.test(k) ? Number(v) : v]));
    };
    const keysInOrder = async () => [...new URL(await cta.getAttribute('href')).searchParams.keys()];

    expect(await carried()).toEqual(await expected());
    expect(await keysInOrder()).toEqual(['from', 'tragt_customers', 'tragt_revenue', 'tragt_cac', 'tragt_ltv', 'tragt_currency', 'tragt_template']);

    // it follows edits: numbers, currency
    await tragt.typeCount(0, '40000');
    await tragt.setMoney({ spend: 12345.67, aov: 333.333 });
    await tragt.selectCurrency('EUR');
    await tragt.expectStageValue(0, 'stage-entrants', 40000);
    await expect.poll(async () => JSON.stringify(await carried())).toBe(JSON.stringify(await expected()));
    expect((await carried()).tragt_currency).toBe('EUR');
    expect((await carried()).tragt_customers).toBeGreaterThan(0);

    // the link opens in a new tab, exactly as shown
    const href = await cta.getAttribute('href');
    const [tab] = await Promise.all([context.waitForEvent('page'), cta.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(href);
    await tab.close();
    await expect(page).toHaveURL(/embed=1/); // the embed itself stays where it is

    // no customers: CAC is undefined and left out, the rest are zeros
    await tragt.typeCount(0, '0');
    await tragt.expectValue('out-cac', null);
    await expect.poll(async () => JSON.stringify(await carried())).toBe(JSON.stringify(await expected()));
    const empty = await carried();
    expect(empty).not.toHaveProperty('tragt_cac');
    expect(empty.tragt_customers).toBe(0);
  });

  test('without cta_summary the link is the URL as given; cta_text defaults to the UI language', async ({ tragt }) => {
    const ctaUrl = 'https://agency.example/book?x=1&y=%C3%A6#top';
    await openEmbed(tragt, { lang: 'da', cta_url: ctaUrl });
    await expect(tragt.byId('cta')).toHaveAttribute('href', ctaUrl);
    await expect(tragt.byId('cta')).toHaveText('Kontakt os');
    await tragt.typeCount(0, '777');
    await tragt.expectStageValue(0, 'stage-entrants', 777);
    await expect(tragt.byId('cta')).toHaveAttribute('href', ctaUrl);

    await openEmbed(tragt, { lang: 'sv', cta_url: ctaUrl, cta_summary: 'yes' });
    await expect(tragt.byId('cta')).toHaveText('Kontakta oss');
    await expect(tragt.byId('cta'), 'only cta_summary=1 adds the figures').toHaveAttribute('href', ctaUrl);

    // spaces are tidied, and long texts are cut at 60 characters
    await openEmbed(tragt, { lang: 'en', cta_url: ctaUrl, cta_text: '  Book \n  a   call ' });
    await expect(tragt.byId('cta')).toHaveText('Book a call');
    await openEmbed(tragt, { lang: 'en', cta_url: ctaUrl, cta_text: 'x'.repeat(61) });
    await expect(tragt.byId('cta')).toHaveText('x'.repeat(60));
  });

  test('no call to action without an http(s) cta_url; each bad URL is a console warning', async ({ tragt, page }) => {
    const warned = warnings(page);
    const bad = [
      'javascript:alert(1)', 'JavaScript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>',
      '//evil.example/x', 'ftp://files.example/x', '/contact', 'https://', 'https://a.example/"><img src=x onerror=window.__pwned=1>',
      'https://a.example/ spaced',
    ];
    for (const url of bad) {
      warned.length = 0;
      await openEmbed(tragt, { lang: 'en', cta_text: 'Click', cta_url: url });
      await expect(tragt.byId('cta'), url).toHaveCount(0);
      await expect(tragt.byId('open-full')).toBeVisible();
      expect(warned.join('\n'), url).toContain('cta_url ignored');
    }
    // a text alone makes no button
    await openEmbed(tragt, { lang: 'en', cta_text: 'Click' });
    await expect(tragt.byId('cta')).toHaveCount(0);
    expect(await injected(page)).toEqual({ pwned: undefined, imgs: 0, inlineScripts: 0 });
  });
});

test('"Open full calculator" opens the full app in a new tab with the same scenario', async ({ tragt, context }) => {
  await openEmbed(tragt, {
    lang: 'en', template: 'b2b', accent: '#c0392b', logo: 'icon.svg', cta_text: 'Call us',
    cta_url: 'https://agency.example/call', cta_summary: '1', storage: 'session', ns: 'agency',
  });
  const link = tragt.byId('open-full');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /(^|\s)noopener(\s|$)/);
  await tragt.renameScenario('From the embed');
  await tragt.typeCount(0, '4242');
  await tragt.typeRate(2, '12.5');
  await tragt.expectStageValue(0, 'stage-entrants', 4242);
  const view = await tragt.scenarioView();

  // the link: the app without the embed's parameters, the scenario in the fragment
  await expect.poll(async () => {
    const href = await link.getAttribute('href');
    if (!href.includes('#s=')) return null;
    const s = decodeShareLink(href).scenarios[0];
    return [s.name, s.top, s.stages[2].rate];
  }, { message: 'open-full carries the edited scenario' }).toEqual(['From the embed', 4242, 0.125]);
  const href = new URL(await link.getAttribute('href'));
  expect(href.origin + href.pathname).toBe(APP);
  expect([...href.searchParams]).toEqual([['lang', 'en']]);

  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  const full = new Tragt(tab);
  await full.ready();
  expect(new URL(tab.url()).searchParams.get('embed')).toBeNull();
  await expect(full.byId('share-open'), 'the full app').toBeVisible();
  await expect(full.byId('open-full')).toHaveCount(0);
  await expect(tab.locator('img.embed-logo')).toHaveCount(0);
  await expect.poll(() => full.selectedOptionText()).toBe('From the embed (not saved)');
  expect(await full.scenarioView()).toEqual(view);
  await tab.close();
});

test.describe('storage', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: storage does not depend on the viewport');

  test('storage=off reads nothing and writes nothing', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en' });
    await page.evaluate((store) => {
      localStorage.clear();
      sessionStorage.clear();
      localStorage.setItem('tragt.store', store);
      localStorage.setItem('other.app', 'keep');
    }, STORE_V1);
    const planted = await tragt.storage();

    await openEmbed(tragt, { lang: 'en', template: 'aida', storage: 'off' });
    expect((await tragt.scenarios()).map((s) => s.name), 'the saved scenarios are not read').not.toContain('SaaS Q3');
    await expect(tragt.notice(), 'no storage notice: the site asked for this').toBeEmpty();
    await tragt.renameScenario('Not kept');
    await tragt.typeCount(0, '31337');
    await tragt.selectLang('da');
    await tragt.byId('scenario-duplicate').click();
    await tragt.flushSaves(); // a save would be made now
    expect(await tragt.storage()).toEqual(planted);
    expect(await tragt.sessionStorage()).toEqual({});

    await tragt.reload();
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(1);
    await expect(tragt.byId('scenario-name')).not.toHaveValue('Not kept');
    expect(await tragt.stageValue(0, 'stage-entrants')).not.toBe(31337);
    await expect(tragt.page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await tragt.storage()).toEqual(planted);
  });

  test('storage=session keeps scenarios in sessionStorage, for this tab only', async ({ tragt, page, context }) => {
    const params = { lang: 'en', template: 'aida', storage: 'session' };
    await openEmbed(tragt, params);
    await tragt.renameScenario('Session plan');
    await tragt.typeCount(0, '2468');
    await tragt.selectLang('sv');
    await expect.poll(async () => (await tragt.sessionStorage())['tragt.store'] || '').toContain('Session plan');
    expect((await tragt.sessionStorage())['tragt.lang']).toBe('sv');
    expect(await tragt.storage(), 'nothing in localStorage').toEqual({});

    await openEmbed(tragt, { template: 'aida', storage: 'session' }); // the tab's session goes on, with its language
    await expect(tragt.byId('scenario-name')).toHaveValue('Session plan');
    await tragt.expectStageValue(0, 'stage-entrants', 2468);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

    // another tab has its own session: a first visit
    const other = new Tragt(await context.newPage());
    await openEmbed(other, params);
    await expect(other.byId('scenario-name')).not.toHaveValue('Session plan');
    expect(await other.stageValue(0, 'stage-entrants')).not.toBe(2468);
    expect(await other.storage()).toEqual({});
  });

  test('ns=a and ns=b keep separate scenarios; a bad ns is the usual storage', async ({ tragt }) => {
    const keys = async () => Object.keys(await tragt.storage()).sort();
    await openEmbed(tragt, { lang: 'en', template: 'webshop', ns: 'a' });
    await tragt.renameScenario('A plan');
    await tragt.typeCount(0, '1111');
    await expect.poll(async () => (await tragt.storage())['tragt.a.store'] || '').toContain('A plan');
    expect(await keys()).toEqual(['tragt.a.store']);

    await openEmbed(tragt, { lang: 'en', template: 'webshop', ns: 'b' });
    await expect(tragt.byId('scenario-name')).not.toHaveValue('A plan');
    expect(await tragt.stageValue(0, 'stage-entrants')).not.toBe(1111);
    await tragt.renameScenario('B plan');
    await tragt.typeCount(0, '2222');
    await expect.poll(async () => (await tragt.storage())['tragt.b.store'] || '').toContain('B plan');
    expect(await keys()).toEqual(['tragt.a.store', 'tragt.b.store']);
    expect((await tragt.storage())['tragt.a.store']).not.toContain('B plan');

    await openEmbed(tragt, { lang: 'en', ns: 'a' });
    await expect(tragt.byId('scenario-name')).toHaveValue('A plan');
    await tragt.expectStageValue(0, 'stage-entrants', 1111);
    expect((await tragt.scenarios()).map((s) => s.name)).toEqual(['A plan']);
    await openEmbed(tragt, { lang: 'en', ns: 'b' });
    await expect(tragt.byId('scenario-name')).toHaveValue('B plan');
    await tragt.expectStageValue(0, 'stage-entrants', 2222);

    // without ns, and with one that is not [a-z0-9_-]{1,32}: the usual tragt.store
    for (const ns of [undefined, 'a.b', HOSTILE, 'x'.repeat(33)]) {
      await openEmbed(tragt, ns === undefined ? { lang: 'en' } : { lang: 'en', ns });
      const names = (await tragt.scenarios()).map((s) => s.name);
      expect(names, `ns=${ns}`).not.toContain('A plan');
      expect(names, `ns=${ns}`).not.toContain('B plan');
    }
    await tragt.renameScenario('Usual');
    await expect.poll(async () => (await tragt.storage())['tragt.store'] || '').toContain('Usual');
    expect(await keys()).toEqual(['tragt.a.store', 'tragt.b.store', 'tragt.store']);
  });
});

test.describe('accent colour and logo', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: colours do not depend on the viewport');
  const cta = { cta_text: 'Go', cta_url: 'https://agency.example/go' };

  /** The call to action's computed background and text colour. */
  const colours = (tragt) => tragt.byId('cta').evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.color];
  });

  test('a valid accent colours the call to action, with readable text on it', async ({ tragt, page }) => {
    const warned = warnings(page);
    await openEmbed(tragt, { lang: 'en', ...cta });
    expect((await colours(tragt))[0], 'the default accent').toBe(DEFAULT_ACCENT);
    for (const [accent, background, text] of [
      ['#c0392b', 'rgb(192, 57, 43)', 'rgb(255, 255, 255)'],
      ['#ffd700', 'rgb(255, 215, 0)', 'rgb(17, 17, 17)'], // light: dark text
      ['#fd0', 'rgb(255, 221, 0)', 'rgb(17, 17, 17)'],
      ['teal', 'rgb(0, 128, 128)', 'rgb(255, 255, 255)'],
      ['rgb(10 20 30)', 'rgb(10, 20, 30)', 'rgb(255, 255, 255)'],
    ]) {
      await openEmbed(tragt, { lang: 'en', accent, ...cta });
      expect(await colours(tragt), accent).toEqual([background, text]);
    }
    expect(warned.filter((w) => w.includes('Tragt'))).toEqual([]);
  });

  test('an invalid accent is ignored with a console warning, not an error', async ({ tragt, page }) => {
    const warned = warnings(page);
    for (const accent of [
      'notacolour', // looks like a colour name; the browser says it is not
      'red;}body{display:none', 'url(https://evil.example/x.png)', 'var(--x)', '#12345', 'expression(alert(1))',
      'rgb(1,2,3);background:url(https://evil.example/y.png)',
    ]) {
      warned.length = 0;
      await openEmbed(tragt, { lang: 'en', accent, ...cta });
      expect(warned.join('\n'), accent).toContain('accent ignored');
      expect((await colours(tragt))[0], accent).toBe(DEFAULT_ACCENT);
      await expect(page.locator('body')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--accent')), accent).toBe('');
    }
  });

  test('logo=icon.svg shows the image; logos that are not https or on this site are ignored', async ({ tragt, page }) => {
    const warned = warnings(page);
    for (const logo of ['icon.svg', '/icon.svg', './icon.svg']) {
      await openEmbed(tragt, { lang: 'en', logo });
      const img = page.locator('img.embed-logo');
      await expect(img).toHaveCount(1);
      await expect(img).toHaveAttribute('src', logo);
      await expect(img).toHaveAttribute('alt', '');
      await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth > 0), `${logo} loads`).toBe(true);
    }
    for (const logo of [
      'javascript:window.__pwned=1', 'data:image/svg+xml,<svg onload="window.__pwned=1">', `${APP}icon.svg`,
      '//evil.example/x.png', 'icon.svg" onerror="window.__pwned=1', 'icon.svg onerror=window.__pwned=1',
    ]) {
      warned.length = 0;
      await openEmbed(tragt, { lang: 'en', logo });
      await expect(page.locator('img'), logo).toHaveCount(0);
      expect(warned.join('\n'), logo).toContain('logo ignored');
    }
    // the full app shows no logo, whatever the URL says
    await tragt.open({ lang: 'en', logo: 'icon.svg' });
    await expect(page.locator('img')).toHaveCount(0);
    expect(await injected(page)).toEqual({ pwned: undefined, imgs: 0, inlineScripts: 0 });
  });
});

test('hostile values never run: they are ignored or shown as text', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: escaping does not depend on the viewport');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openEmbed(tragt, {
    lang: '<script>window.__pwned=2</script>',
    template: HOSTILE,
    accent: 'red;}</style><img src=x onerror=window.__pwned=1>',
    logo: `x" onerror="window.__pwned=1`,
    cta_text: HOSTILE,
    cta_url: 'https://agency.example/?q="><img src=x onerror=window.__pwned=1>',
    cta_summary: '<script>',
    storage: '<img src=x>',
    ns: HOSTILE,
  });
  await expect(tragt.byId('cta')).toHaveCount(0); // that cta_url is not a plain URL
  await expect(tragt.stages(), 'the default model: the template was ignored').toHaveCount(5);
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--accent'))).toBe('');
  expect(Object.keys(await tragt.storage()).filter((k) => !/^tragt\.(store|lang)$/.test(k)), 'usual keys only').toEqual([]);
  await tragt.painted();
  expect(await injected(page)).toEqual({ pwned: undefined, imgs: 0, inlineScripts: 0 });

  // a valid URL with the hostile text: the text is shown as it is
  await openEmbed(tragt, { lang: 'en', cta_text: HOSTILE, cta_url: 'https://agency.example/go' });
  await expect(tragt.byId('cta')).toHaveText(HOSTILE);
  await expect(tragt.byId('cta').locator('*')).toHaveCount(0);
  const full = await tragt.byId('open-full').getAttribute('href');
  expect(full.startsWith(`${APP}?`), full).toBe(true);
  expect(new URL(full).searchParams.get('cta_text')).toBeNull();

  await tragt.painted();
  expect(await injected(page)).toEqual({ pwned: undefined, imgs: 0, inlineScripts: 0 });
  expect(requests, 'no image was requested').not.toContain('/x');
});

test('the configurator preview sizes itself to the embedded calculator', async ({ page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: embed-config.spec.js covers the configurator on a phone');
  await page.goto('/embed.html?lang=en');
  // the full layout, whose stages can be added to (a compact embed has no stage tools)
  await page.getByTestId('cfg-layout').selectOption('full');
  const preview = page.getByTestId('cfg-preview');
  await expect.poll(() => preview.evaluate((el) => el.style.height)).toMatch(/^\d+px$/);
  const app = new Tragt(await frameIn(page, 'cfg-preview', 'layout=full'));
  await app.ready();
  const gap = async () => Math.abs(
    (await preview.evaluate((el) => el.getBoundingClientRect().height))
    - (await app.page.evaluate(() => document.documentElement.scrollHeight)));
  await expect.poll(gap).toBeLessThanOrEqual(1);
  // and follows it: more stages, a taller frame
  const before = await preview.evaluate((el) => el.getBoundingClientRect().height);
  await app.ensureStages((await app.stageCount()) + 3);
  await expect.poll(() => preview.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before);
  await expect.poll(gap).toBeLessThanOrEqual(1);
});

test.describe('layout=compact', () => {
  const COMPACT = { layout: 'compact', template: 'b2b', lang: 'da', cta_text: 'Book et møde', cta_url: 'https://agency.example/book' };
  const GONE = [
    'template-select', 'lang-select', 'mode-select', 'scenario-select', 'scenario-new', 'stage-add', 'stage-remove',
    'stage-up', 'stage-lead', 'stage-purchase', 'stage-days', 'pipeline-now', 'input-spend', 'money-more',
    'goal-customers', 'out-ltv', 'bottleneck-weakest', 'chart-timeline',
  ];

  test('only the stages (people and rate), the headline, the funnel and the call to action', async ({ tragt, page }) => {
    const said = warnings(page);
    await openEmbed(tragt, COMPACT);
    await expect(tragt.stages()).toHaveCount(6);
    for (const id of ['stage-name', 'stage-count', 'stage-rate']) await expect(page.getByTestId(id), id).toHaveCount(6);
    for (const id of ['out-customers', 'out-revenue', 'out-cac', 'chart-funnel', 'cta', 'open-full']) {
      await expect(tragt.byId(id), id).toBeVisible();
    }
    // the forecasting views would have mounted by now; none is in a compact embed, nor a tab of one
    await expect(tragt.byId('stage-days')).toHaveCount(0);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('tab')).toHaveCount(0);
    for (const id of GONE) await expect(page.getByTestId(id), `${id} is not in a compact embed`).toHaveCount(0);
    // the call to action sits next to the figures, in the same column
    const figures = await tragt.byId('headline').boundingBox();
    const cta = await tragt.byId('cta').boundingBox();
    expect(Math.abs(cta.x - figures.x), 'aligned with the figures').toBeLessThan(40);
    expect(said.filter((w) => w.includes('Tragt')), 'no warnings').toEqual([]);
    // the figures follow the rates as everywhere
    const customers = await tragt.value('out-customers');
    await tragt.typeRate(1, '4');
    await tragt.expectValue('out-customers', customers * 2);
  });

  test('a six-stage model at 720 px is at most 1 300 px tall', async ({ tragt, page }, info) => {
    test.skip(info.project.name === 'phone', 'a 720 px frame');
    await page.setViewportSize({ width: 720, height: 900 });
    await openEmbed(tragt, COMPACT);
    await expect(tragt.stages()).toHaveCount(6);
    await expect(tragt.byId('chart-funnel')).toBeVisible();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(1300);
  });

  test('layout=full is the whole embed; another layout is a console warning and the full one', async ({ tragt, page }) => {
    const said = warnings(page);
    await openEmbed(tragt, { layout: 'full', template: 'webshop' });
    await expect(tragt.byId('template-select')).toBeVisible();
    await expect(tragt.byId('input-spend')).toBeVisible();
    await openEmbed(tragt, { layout: 'mini', template: 'webshop' });
    await expect(tragt.byId('template-select')).toBeVisible();
    await expect.poll(() => said.filter((w) => w.includes('layout ignored'))).toHaveLength(1);
  });
});
