// Languages: ?lang=, the saved choice, the browser's language; translated text; Intl
// formatting; and a full-page screenshot per language and project for a visual check.
const path = require('node:path');
const { test, expect } = require('./support/test');
const { LANGS } = require('./pages/tragt');

const SHOTS = path.join(__dirname, 'screenshots');

for (const lang of LANGS) {
  test(`?lang=${lang} sets <html lang> and the language picker; screenshot`, async ({ tragt, page }, testInfo) => {
    await tragt.open({ lang, template: 'webshop' });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(tragt.byId('lang-select')).toHaveValue(lang);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/\S/);
    // let the chart draw before the picture
    await expect.poll(() => tragt.byId('chart-funnel').evaluate((c) => c.width)).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-${lang}.png`), fullPage: true });
  });
}

test('headings, buttons and stage names are translated', async ({ tragt, page }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: text does not depend on the viewport');
  const seen = {};
  for (const lang of LANGS) {
    await tragt.open({ lang, template: 'webshop' });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    seen[lang] = {
      headings: await page.getByRole('heading', { level: 2 }).allTextContents(),
      button: await tragt.byId('stage-add').textContent(),
      stages: await tragt.stageNames(),
      title: await page.title(),
    };
  }
  for (const [a, b] of [['da', 'sv'], ['da', 'en'], ['sv', 'en']]) {
    expect(seen[a].headings.length, `${a} has headings`).toBeGreaterThan(0);
    expect(seen[a].headings[0], `first heading differs between ${a} and ${b}`).not.toBe(seen[b].headings[0]);
    expect(seen[a].headings, `headings differ between ${a} and ${b}`).not.toEqual(seen[b].headings);
    expect(seen[a].button, `stage-add differs between ${a} and ${b}`).not.toBe(seen[b].button);
    expect(seen[a].stages, `template stage names differ between ${a} and ${b}`).not.toEqual(seen[b].stages);
  }
  // the notice area and its Undo button speak the language too (brief: Undo / Fortryd / Ångra)
  const undo = { da: 'Fortryd', sv: 'Ångra', en: 'Undo' };
  for (const lang of LANGS) {
    await tragt.open({ lang, template: 'webshop' });
    await tragt.byId('scenario-delete').click();
    await expect(tragt.notice().getByRole('button', { name: undo[lang] })).toBeVisible();
  }
});

/** The app's rounding for money: 2 decimals under 10, 1 under 100, else none. */
function digits(v) {
  const a = Math.abs(v);
  return a < 10 ? 2 : a < 100 ? 1 : 0;
}

for (const [lang, locale, currency] of [['da', 'da-DK', 'DKK'], ['sv', 'sv-SE', 'SEK']]) {
  test(`${lang}: money is formatted like Intl.NumberFormat('${locale}', ${currency})`, async ({ tragt, page }, info) => {
    test.skip(info.project.name === 'phone', 'desktop only: formatting does not depend on the viewport');
    await tragt.open({ lang, template: 'webshop' });
    await tragt.selectCurrency(currency);
    // revenue ≥ 100, a CPL under 100 and a cost under 10 exercise every rounding step
    await tragt.setMoney({ spend: '50' });
    for (const id of ['out-revenue', 'out-cac', 'out-cpl', 'out-ltv']) {
      const v = await tragt.value(id);
      expect(v, `${id} is defined`).not.toBeNull();
      const want = await page.evaluate(([val, loc, cur, d]) => new Intl.NumberFormat(loc, {
        style: 'currency', currency: cur, minimumFractionDigits: d, maximumFractionDigits: d,
      }).format(val), [v, locale, currency, digits(v)]);
      await expect(tragt.byId(id), `${id} = ${v}`).toHaveText(want);
    }
    if (lang === 'da') {
      const revenue = tragt.byId('out-revenue');
      await expect(revenue).toHaveText(/kr\./);
      expect(await tragt.value('out-revenue')).toBeGreaterThanOrEqual(1000);
      await expect(revenue).toHaveText(/\d\.\d{3}/); // "." groups thousands in Danish
    }
  });
}

test('the language choice persists across reloads; ?lang= still wins', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.selectLang('sv');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tragt.lang'))).toBe('sv');
  await tragt.open({}); // no ?lang=
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(tragt.byId('lang-select')).toHaveValue('sv');
  await tragt.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await tragt.open({ lang: 'da' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});

test.describe('browser language', () => {
  for (const [locale, lang] of [['sv-SE', 'sv'], ['da-DK', 'da'], ['de-DE', 'en']]) {
    test.describe(locale, () => {
      test.use({ locale });
      test(`a browser in ${locale} without ?lang= gets ${lang}`, async ({ tragt, page }, info) => {
        test.skip(info.project.name === 'phone' && locale !== 'sv-SE', 'one browser-language check on phone');
        await tragt.open({ template: 'webshop' });
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(tragt.byId('lang-select')).toHaveValue(lang);
      });
    });
  }
});

// Each language's texts are a file (i18n/<lang>.<fingerprint>.txt), fetched when the
// language is first shown. These tests make the file fail to arrive.
test.describe('language files that cannot be fetched', () => {
  // a service worker would answer from its cache, where page.route cannot refuse
  test.use({ serviceWorkers: 'block' });
  /** Drops the expected console errors of the refused requests from the page problems. */
  function forgive(problems, what) {
    const rest = problems.filter((p) => !(p.includes('Failed to load resource') || p.includes(what)));
    problems.splice(0, problems.length, ...rest);
  }

  test('a language switch whose file fails keeps the language and says so; a retry works', async ({ tragt, page, pageProblems }) => {
    await tragt.open({ lang: 'en', template: 'webshop' });
    await page.route('**/i18n/sv.*.txt', (route) => route.abort());
    await tragt.byId('lang-select').selectOption('sv');
    await expect(tragt.notice()).toContainText('Svenska could not be loaded');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(tragt.byId('lang-select')).toHaveValue('en');
    await expect(tragt.byId('stage-add')).toHaveText(/Add stage/);
    // the figures are untouched and the page still works
    await expect(tragt.byId('out-customers')).toHaveAttribute('data-value', /^\d/);
    await page.unroute('**/i18n/sv.*.txt');
    await tragt.byId('lang-select').selectOption('sv');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(tragt.byId('stage-add')).toHaveText(/Lägg till steg/);
    forgive(pageProblems, 'i18n/sv.');
  });

  test('?lang=da without the Danish file starts in English', async ({ tragt, page, pageProblems }) => {
    await page.route('**/i18n/da.*.txt', (route) => route.abort());
    await tragt.open({ lang: 'da', template: 'webshop' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(tragt.byId('lang-select')).toHaveValue('en');
    await expect(tragt.byId('stage-add')).toHaveText(/Add stage/);
    await expect(tragt.stageNames()).resolves.toContain('Visitors');
    forgive(pageProblems, 'i18n/da.');
  });

  test('without any language file the page says so in all three languages', async ({ page, pageProblems }) => {
    await page.route('**/i18n/*.txt', (route) => route.abort());
    await page.goto('/?lang=sv');
    await expect(page.locator('body')).toContainText('Tragt could not load its texts');
    await expect(page.locator('body')).toContainText('Tragt kunde inte hämta sina texter');
    forgive(pageProblems, 'i18n/');
  });
});
