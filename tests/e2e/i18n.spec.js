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
  const pairs = LANGS.flatMap((a, i) => LANGS.slice(i + 1).map((b) => [a, b]));
  expect(pairs).toHaveLength(6);
  for (const [a, b] of pairs) {
    expect(seen[a].headings.length, `${a} has headings`).toBeGreaterThan(0);
    expect(seen[a].headings[0], `first heading differs between ${a} and ${b}`).not.toBe(seen[b].headings[0]);
    expect(seen[a].headings, `headings differ between ${a} and ${b}`).not.toEqual(seen[b].headings);
    expect(seen[a].button, `stage-add differs between ${a} and ${b}`).not.toBe(seen[b].button);
    expect(seen[a].stages, `template stage names differ between ${a} and ${b}`).not.toEqual(seen[b].stages);
  }
  // the notice area and its Undo button speak the language too
  const undo = { da: 'Fortryd', sv: 'Ångra', nb: 'Angre', en: 'Undo' };
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

for (const [lang, locale, currency] of [['da', 'da-DK', 'DKK'], ['sv', 'sv-SE', 'SEK'], ['nb', 'nb-NO', 'NOK']]) {
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
    if (lang === 'nb') {
      const revenue = tragt.byId('out-revenue');
      await expect(revenue).toHaveText(/\d[\s\u00a0\u202f]\d{3}[\s\u00a0]kr$/); // a space groups thousands, "kr" after
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
  for (const [locale, lang] of [['sv-SE', 'sv'], ['da-DK', 'da'], ['nb-NO', 'nb'], ['no', 'nb'], ['nn-NO', 'nb'], ['de-DE', 'en']]) {
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

// Each language's texts are a file (locales/<lang>.json?v=<hash>), fetched when the
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
    await page.route('**/locales/sv.json?*', (route) => route.abort());
    await tragt.byId('lang-select').selectOption('sv');
    await expect(tragt.notice()).toContainText('Svenska could not be loaded');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(tragt.byId('lang-select')).toHaveValue('en');
    await expect(tragt.byId('stage-add')).toHaveText(/Add stage/);
    // the figures are untouched and the page still works
    await expect(tragt.byId('out-customers')).toHaveAttribute('data-value', /^\d/);
    await page.unroute('**/locales/sv.json?*');
    await tragt.byId('lang-select').selectOption('sv');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(tragt.byId('stage-add')).toHaveText(/Lägg till steg/);
    forgive(pageProblems, 'locales/sv.');
  });

  test('?lang=da without the Danish file starts in English', async ({ tragt, page, pageProblems }) => {
    await page.route('**/locales/da.json?*', (route) => route.abort());
    await tragt.open({ lang: 'da', template: 'webshop' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(tragt.byId('lang-select')).toHaveValue('en');
    await expect(tragt.byId('stage-add')).toHaveText(/Add stage/);
    await expect(tragt.stageNames()).resolves.toContain('Visitors');
    forgive(pageProblems, 'locales/da.');
  });

  test('without any language file the page says so in every language', async ({ page, pageProblems }) => {
    await page.route('**/locales/*.json?*', (route) => route.abort());
    await page.goto('/?lang=sv');
    await expect(page.locator('body')).toContainText('Tragt could not load its texts');
    await expect(page.locator('body')).toContainText('Tragt kunde inte hämta sina texter');
    await expect(page.locator('body')).toContainText('Tragt kunne ikke hente tekstene sine');
    forgive(pageProblems, 'locales/');
  });
});

// ---- Norwegian ---------------------------------------------------------------------------------

test.describe('Norwegian (bokmål)', () => {
  test('opens in Norwegian with NOK, the AIDA model and the select entry', async ({ tragt, page }) => {
    await tragt.open({ lang: 'nb', template: 'aida' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(tragt.byId('lang-select').locator('option[value="nb"]')).toHaveText('Norsk');
    await expect(tragt.byId('currency-select')).toHaveValue('NOK');
    expect((await tragt.stageNames())[0]).toBe('Oppmerksomhet');
    await expect(tragt.byId('stage-add')).toHaveText(/Legg til trinn/);
    await expect(tragt.byId('out-revenue')).toHaveText(/kr$/);
  });

  test('typed numbers in Norwegian notation: space or no-break space groups, comma is the decimal mark', async ({ tragt }) => {
    await tragt.open({ lang: 'nb', template: 'webshop' });
    for (const typed of ['12 500,5', '12500,5', '12\u00a0500,5', '12\u202f500,5']) {
      await tragt.typeCount(0, typed);
      await tragt.expectStageValue(0, 'stage-entrants', 12500.5, `"${typed}"`);
    }
    // what Intl prints for nb-NO reads back as the same number
    const printed = await tragt.page.evaluate(() => new Intl.NumberFormat('nb-NO').format(1234567.5));
    await tragt.typeCount(0, printed);
    await tragt.expectStageValue(0, 'stage-entrants', 1234567.5, `"${printed}"`);
  });

  test('a number that cannot be read is explained in Norwegian, with a Norwegian example', async ({ tragt }) => {
    await tragt.open({ lang: 'nb', template: 'webshop' });
    const field = tragt.inStage(0, 'stage-count');
    await field.fill('tolv');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const message = tragt.page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
    await expect(message).toHaveText(/Ikke et tall\. Skriv f\.eks\. 12,5\./);
  });
});
