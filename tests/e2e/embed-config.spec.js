// The embed configurator (embed.html): the code to paste follows every option, bad values
// are shown at their field and left out, the preview shows the same calculator (saving
// nothing), copying works with and without the Clipboard API, in three languages, on a
// phone too. Full-page screenshots per language and project go to screenshots/.
const path = require('node:path');
const { test, expect } = require('./support/test');

const APP = 'http://127.0.0.1:4173/';
const SHOTS = path.join(__dirname, 'screenshots');
const SNIPPET = /^<iframe data-tragt src="([^"<>]+)" title="([^"<>]+)"><\/iframe>\n<script src="([^"<>]+)" async><\/script>$/;
const TITLES = { da: 'Tragt – tragtberegner', sv: 'Tragt – trattkalkylator', nb: 'Tragt – traktkalkulator', en: 'Tragt – funnel calculator' };

/** The code to paste, taken apart: the iframe's src (raw and as a URL), its title, the script. */
async function snippet(page) {
  const text = await page.getByTestId('cfg-snippet').inputValue();
  const m = SNIPPET.exec(text);
  expect(m, `the code has the iframe + script shape:\n${text}`).not.toBeNull();
  return { text, raw: m[1], src: new URL(m[1]), title: m[2], script: m[3] };
}

/** The iframe src's parameters as [name, value] pairs, in order. */
async function params(page) {
  return [...(await snippet(page)).src.searchParams];
}

async function open(page, query = 'lang=en') {
  await page.goto(`/embed.html${query ? `?${query}` : ''}`);
  await expect(page.getByTestId('cfg-snippet')).toHaveValue(/<iframe/);
}

/** The input is marked invalid and its visible message says why. */
async function expectInvalid(page, testid) {
  const input = page.getByTestId(testid);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const ids = (await input.getAttribute('aria-describedby')).split(' ');
  const message = page.locator(`[id="${ids[ids.length - 1]}"]`);
  await expect(message).toBeVisible();
  await expect(message).toHaveText(/\S/);
}

async function expectValid(page, testid) {
  await expect(page.getByTestId(testid)).not.toHaveAttribute('aria-invalid', /./);
}

test('the default code embeds the calculator from this site, with embed.js', async ({ page }) => {
  await open(page);
  const s = await snippet(page);
  expect(s.src.origin + s.src.pathname).toBe(APP);
  // the app's default model, in the compact layout
  expect([...s.src.searchParams]).toEqual([['embed', '1'], ['lang', 'en'], ['template', 'webshop'], ['layout', 'compact']]);
  expect(s.title).toBe(TITLES.en);
  expect(s.script).toBe(`${APP}embed.js`);
  await expect(page.getByTestId('cfg-cta-summary')).toBeDisabled(); // no call to action yet
});

test('the code follows every option', async ({ page }) => {
  await open(page);
  await page.getByTestId('cfg-lang').selectOption('sv');
  await page.getByTestId('cfg-template').selectOption('b2b');
  await page.getByTestId('cfg-accent').fill('rebeccapurple');
  await expect(page.locator('#cfg-accent-picker')).toHaveValue('#663399');
  await page.getByTestId('cfg-logo').fill('icon.svg');
  await page.getByTestId('cfg-cta-text').fill('Boka ett möte');
  await page.getByTestId('cfg-cta-url').fill('https://agency.example/kontakt?fran=tragt');
  await page.getByTestId('cfg-cta-summary').check();
  await page.getByTestId('cfg-storage').selectOption('session');
  await page.getByTestId('cfg-ns').fill('pricing_2');

  expect(await params(page)).toEqual([
    ['embed', '1'], ['lang', 'sv'], ['template', 'b2b'], ['layout', 'compact'], ['accent', 'rebeccapurple'], ['logo', 'icon.svg'],
    ['cta_text', 'Boka ett möte'], ['cta_url', 'https://agency.example/kontakt?fran=tragt'], ['cta_summary', '1'],
    ['storage', 'session'], ['ns', 'pricing_2'],
  ]);
  const s = await snippet(page);
  expect(s.title).toBe(TITLES.sv);
  expect(s.raw).toContain('cta_text=Boka%20ett%20m%C3%B6te'); // %20, never "+"
  expect(s.raw).not.toMatch(/&amp;|\s/);

  // The colour picker writes the text field.
  await page.locator('#cfg-accent-picker').fill('#ff8800');
  await expect(page.getByTestId('cfg-accent')).toHaveValue('#ff8800');
  expect(new Map(await params(page)).get('accent')).toBe('#ff8800');

  // Defaults are left out: local storage, no namespace, summary only with a call to action.
  await page.getByTestId('cfg-storage').selectOption('local');
  await page.getByTestId('cfg-ns').fill('');
  await page.getByTestId('cfg-cta-url').fill('');
  await expect(page.getByTestId('cfg-cta-summary')).toBeDisabled();
  const names = (await params(page)).map(([k]) => k);
  expect(names).toEqual(['embed', 'lang', 'template', 'layout', 'accent', 'logo']);
  await expectValid(page, 'cfg-cta-text'); // text without a link: a hint, not an error
});

test.describe('bad values', () => {
  // the preview loads the good logos: the https one is answered here, never fetched
  test.use({ allowedHosts: ['cdn.example'] });
test('layout and analyses: compact by default, views added as sections, the preview following', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('cfg-layout')).toHaveValue('compact');
  await page.getByTestId('cfg-section-time').check();
  await page.getByTestId('cfg-section-uncertainty').check();
  expect(new Map(await params(page)).get('sections')).toBe('time,uncertainty');
  // the preview is the calculator of the code: compact, with those two tabs only
  const frame = page.frameLocator('[data-testid="cfg-preview"]');
  await expect.poll(async () => new URL(await page.getByTestId('cfg-preview').getAttribute('src')).searchParams.get('sections'))
    .toBe('time,uncertainty');
  await expect(frame.locator('[role="tab"]')).toHaveCount(2);
  await expect(frame.getByTestId('view-tab-time')).toBeVisible();
  await expect(frame.getByTestId('scenario-select')).toHaveCount(0);
  // the full layout has leaks and goal already: ticked, disabled, not repeated in the code
  await page.getByTestId('cfg-layout').selectOption('full');
  await expect(page.getByTestId('cfg-section-leaks')).toBeChecked();
  await expect(page.getByTestId('cfg-section-leaks')).toBeDisabled();
  expect(new Map(await params(page)).get('layout')).toBe('full');
  expect(new Map(await params(page)).get('sections')).toBe('time,uncertainty');
  await page.getByTestId('cfg-section-time').uncheck();
  await page.getByTestId('cfg-section-uncertainty').uncheck();
  expect((await params(page)).map(([k]) => k)).not.toContain('sections');
  // back to compact: leaks and goal are free to choose again, and not chosen
  await page.getByTestId('cfg-layout').selectOption('compact');
  await expect(page.getByTestId('cfg-section-leaks')).toBeEnabled();
  await expect(page.getByTestId('cfg-section-leaks')).not.toBeChecked();
});

test('bad values are shown next to their field and left out of the code', async ({ page }) => {
  await page.route('https://cdn.example/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>' }));
  await open(page);
  await page.getByTestId('cfg-cta-text').fill('Book a meeting');
  const cases = [
    ['cfg-accent', 'accent', ['notacolour', 'var(--brand)', 'red; background: url(x)'], ['#0a0', 'rgb(10 20 30)', 'teal']],
    ['cfg-logo', 'logo', ['http://cdn.example/logo.png', '//cdn.example/logo.png', 'javascript:alert(1)', 'data:image/png;base64,AA', 'img/my logo.png'],
      ['https://cdn.example/logo.png', '/icon.svg', 'icon.svg']],
    ['cfg-cta-url', 'cta_url', ['javascript:alert(1)', 'ftp://agency.example/', 'agency', 'localhost:8080/x', 'https://', 'mailto:sales@agency.example'],
      ['https://agency.example/contact', 'http://agency.example']],
    ['cfg-ns', 'ns', ['Pricing Page', 'x'.repeat(33), 'a/b', 'æøå'], ['pricing', 'a-b_9', 'x'.repeat(32)]],
  ];
  for (const [testid, param, bad, good] of cases) {
    for (const value of bad) {
      await page.getByTestId(testid).fill(value);
      await expectInvalid(page, testid);
      const got = new Map(await params(page));
      expect(got.has(param), `${param}=${value} is left out`).toBe(false);
    }
    for (const value of good) {
      await page.getByTestId(testid).fill(value);
      await expectValid(page, testid);
      expect(new Map(await params(page)).get(param), `${param}=${value} is kept`).toBe(value);
    }
  }
  // A bad link leaves the whole call to action out (text and summary too).
  await page.getByTestId('cfg-cta-url').fill('javascript:alert(1)');
  const names = (await params(page)).map(([k]) => k);
  expect(names).not.toContain('cta_text');
  expect(names).not.toContain('cta_summary');
});
});

test('a link typed without https:// is read as https, and the field says so', async ({ page }) => {
  await open(page);
  await page.getByTestId('cfg-cta-text').fill('Book et møde');
  await page.getByTestId('cfg-cta-url').fill('bureau.dk/kontakt');
  await expectValid(page, 'cfg-cta-url');
  await expect(page.locator('#cfg-cta-url-error')).toHaveText('Read as https://bureau.dk/kontakt.');
  const got = new Map(await params(page));
  expect(got.get('cta_url')).toBe('https://bureau.dk/kontakt');
  expect(got.get('cta_text')).toBe('Book et møde');
  // a full address needs no note
  await page.getByTestId('cfg-cta-url').fill('https://bureau.dk/kontakt');
  await expect(page.locator('#cfg-cta-url-error')).toBeHidden();
});

test('the preview shows the calculator of the code, saving nothing', async ({ page }) => {
  await open(page);
  await page.getByTestId('cfg-template').selectOption('webshop');
  await page.getByTestId('cfg-storage').selectOption('session');
  await page.getByTestId('cfg-ns').fill('shop');
  await page.getByTestId('cfg-cta-text').fill('Talk to us');
  await page.getByTestId('cfg-cta-url').fill('https://agency.example/talk');
  const preview = page.getByTestId('cfg-preview');
  await expect(preview).toHaveAttribute('data-tragt', '');

  const code = await snippet(page);
  const expected = [...code.src.searchParams].filter(([k]) => k !== 'storage' && k !== 'ns');
  expected.push(['storage', 'off']);
  await expect
    .poll(async () => {
      const src = new URL(await preview.getAttribute('src'));
      return [src.origin + src.pathname, [...src.searchParams]];
    })
    .toEqual([code.src.origin + code.src.pathname, expected]);
  await expect(preview).toHaveAttribute('title', code.title);

  // It is the real calculator, on this site.
  const app = page.frameLocator('[data-testid="cfg-preview"]');
  await expect(app.getByTestId('out-customers')).toHaveAttribute('data-value', /^\d/);
});

test('copy puts the code on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await open(page);
  await page.getByTestId('cfg-ns').fill('copied');
  await page.getByTestId('cfg-copy').click();
  await expect(page.locator('#cfg-copy-status')).toHaveText(/\S/);
  const code = await page.getByTestId('cfg-snippet').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test('without the Clipboard API, copy selects the code and says how to copy it', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await open(page);
  await page.getByTestId('cfg-copy').click();
  const snippetBox = page.getByTestId('cfg-snippet');
  await expect(snippetBox).toBeFocused();
  const sel = await snippetBox.evaluate((t) => [t.selectionStart, t.selectionEnd, t.value.length]);
  expect(sel).toEqual([0, sel[2], sel[2]]);
  await expect(page.locator('#cfg-copy-status')).toHaveText(/Ctrl\+C/);
});

for (const lang of ['da', 'sv', 'nb', 'en']) {
  test(`?lang=${lang}: page, calculator language and title in ${lang}; fits the screen; screenshot`, async ({ page }, testInfo) => {
    await open(page, `lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('cfg-ui-lang')).toHaveValue(lang);
    await expect(page.getByTestId('cfg-lang')).toHaveValue(lang);
    const s = await snippet(page);
    expect(s.src.searchParams.get('lang')).toBe(lang);
    expect(s.title).toBe(TITLES[lang]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling').toBe(0);
    await page.getByTestId('cfg-cta-url').fill('not a link');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-embed-config-${lang}.png`), fullPage: true });
  });
}

test('the page language can be switched; the calculator language follows until chosen', async ({ page }) => {
  await open(page, 'lang=en');
  const title = await page.title();
  await page.getByTestId('cfg-ui-lang').selectOption('da');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  expect(await page.title()).not.toBe(title);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('da');
  await expect(page.getByTestId('cfg-lang')).toHaveValue('da');
  expect((await snippet(page)).title).toBe(TITLES.da);

  await page.getByTestId('cfg-lang').selectOption('sv');
  await page.getByTestId('cfg-ui-lang').selectOption('en');
  await expect(page.getByTestId('cfg-lang')).toHaveValue('sv');
  expect((await snippet(page)).src.searchParams.get('lang')).toBe('sv');
});

for (const [locale, lang] of [['sv-SE', 'sv'], ['da-DK', 'da'], ['de-DE', 'en']]) {
  test.describe(`browser language ${locale}`, () => {
    test.use({ locale });
    test(`without ?lang= the page is in ${lang}`, async ({ page }) => {
      await open(page, '');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId('cfg-lang')).toHaveValue(lang);
    });
  });
}

test('a browser in Norwegian (no, nn) opens the configurator in Norwegian, with the models named from its language file', async ({ browser }) => {
  for (const locale of ['no', 'nn-NO']) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await open(page, '');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByTestId('cfg-ui-lang')).toHaveValue('nb');
    await expect(page.locator('#cfg-template option[value="aida"]')).toHaveText('Salgstrakten (AIDA + lojalitet)');
    expect((await snippet(page)).title).toBe(TITLES.nb);
    await context.close();
  }
});
