// Accessibility (WCAG 2.2 AA): axe-core finds nothing on any view, in every language, in the
// full and the embedded layout, light and dark, with each analysis view (tab) open in turn;
// dark mode and reduced motion are honoured;
// at 200 % zoom and in a 360 px window nothing scrolls sideways or is cut off; charts have
// text alternatives; the headline figures are announced once typing pauses.
//
// axe-core (npm) is evaluated in the page through the DevTools protocol, which the page's
// Content-Security-Policy does not govern, so the policy stays as strict as it ships.
const fs = require('node:fs');
const { test, expect } = require('./support/test');
const { LANGS } = require('./pages/tragt');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Every WCAG 2.0–2.2 A and AA rule, and axe's best practices. */
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's violations on the page as readable lines ("rule: selector — what to fix"). */
async function axeViolations(page) {
  await page.evaluate(`${AXE}\n;0`);
  const found = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
  }, RULES);
  return found;
}

/**
 * Clears what the previous view saved, so the next one starts as a first visit: from a
 * page of the same origin that is not the app (leaving the app saves it once more).
 */
async function forget(page) {
  await page.route('**/__blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><link rel="icon" href="data:,">' }));
  await page.goto('/__blank.html');
  await page.evaluate(() => localStorage.clear());
}

/** The page's states worth scanning, each reached from a fresh load. */
const VIEWS = {
  // the web shop as a first visitor sees it: the tabs of the analyses, none open
  start: async (tragt) => {
    await expect(tragt.page.getByRole('tablist')).toBeVisible();
    await expect(tragt.page.locator('[role="tabpanel"]')).toHaveCount(0);
  },
  // a refused entry (its message and aria-invalid), a range (the histogram; the full page's
  // uncertainty view), a notice
  editing: async (tragt, { embed }) => {
    await tragt.typeCount(0, '-5');
    await expect(tragt.inStage(0, 'stage-count')).toHaveAttribute('aria-invalid', 'true');
    if (!embed) {
      await tragt.openView('uncertainty');
      await tragt.inStage(1, 'stage-rate-low').fill('20');
      await tragt.inStage(1, 'stage-rate-high').fill('40');
      await expect(tragt.byId('chart-histogram')).toBeVisible();
    }
    await tragt.byId('scenario-delete').click();
    await expect(tragt.notice()).toBeVisible();
  },
  // the share panel and the comparison, open (full layout only)
  tools: async (tragt, { embed }) => {
    if (embed) return false;
    await tragt.byId('share-open').click();
    await expect(tragt.byId('share-url')).toBeVisible();
    await tragt.byId('scenario-duplicate').click();
    await tragt.byId('compare-open').click();
    await expect(tragt.page.locator('.compare-table')).toBeVisible();
    return true;
  },
  // a journey: the chart, the heat map, the per-state table and the rows (its view opens by
  // itself on the full page; an embed offers it only when its sections name it)
  journey: async (tragt, { embed }) => {
    await tragt.selectTemplate('hexagon');
    await expect(tragt.byId('mode-select')).toHaveValue('journey');
    if (embed) return;
    await expect(tragt.byId('journey-matrix')).toBeVisible();
    await expect(tragt.byId('journey-states')).toBeVisible();
  },
};

/** What a view shows at its fullest before it is scanned: a goal with its per-stage needs. */
const FILL = {
  goal: async (tragt) => {
    await tragt.byId('goal-customers').fill('980');
    await expect(tragt.stage(0).getByTestId('goal-required')).toHaveCount(1);
  },
};

/** The names of the views the page offers now, from its tabs, in tab order. */
async function tabNames(page) {
  return page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.dataset.testid.replace(/^view-tab-/, '')));
}

/**
 * Opens every view the page offers, in turn, on one load (a second scenario first, so the
 * comparison has two), and calls `check(name)` with each open and settled.
 */
async function eachView(tragt, check) {
  const names = await tabNames(tragt.page);
  expect(names.length, 'the page offers views').toBeGreaterThan(0);
  if (names.includes('compare')) await tragt.byId('scenario-duplicate').click();
  for (const name of names) {
    await tragt.openView(name);
    if (FILL[name]) await FILL[name](tragt);
    await tragt.settled();
    await check(name);
  }
  return names;
}

test.describe('axe-core: no violations', () => {
  test.skip(({ isMobile }) => isMobile, 'the phone project scans its own list below');
  for (const colorScheme of ['light', 'dark']) {
    for (const lang of LANGS) {
      for (const embed of [false, true]) {
        const layout = embed ? 'embed' : 'full';
        test(`${lang}, ${layout}, ${colorScheme}: every view`, async ({ tragt, page }) => {
          test.setTimeout(90_000); // a scan for each state and each analysis view
          await page.emulateMedia({ colorScheme });
          const found = [];
          for (const [name, reach] of Object.entries(VIEWS)) {
            await forget(page);
            await tragt.open({ lang, template: 'webshop', ...(embed ? { embed: '1' } : {}) });
            if ((await reach(tragt, { embed })) === false) continue;
            found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
          }
          // each analysis view the page offers, open in turn
          await forget(page);
          await tragt.open({ lang, template: 'webshop', ...(embed ? { embed: '1' } : {}) });
          const names = await eachView(tragt, async (name) => {
            found.push(...(await axeViolations(page)).map((v) => `view ${name}: ${v}`));
          });
          expect(names).toEqual(embed ? ['leaks', 'goal'] : ['leaks', 'goal', 'traffic', 'time', 'uncertainty', 'pipeline', 'referrals', 'compare']);
          expect(found).toEqual([]);
        });
      }
    }
    test(`the compact embed, ${colorScheme}, every language`, async ({ tragt, page }) => {
      await page.emulateMedia({ colorScheme });
      const found = [];
      for (const lang of LANGS) {
        await forget(page);
        await tragt.open({ lang, template: 'b2b', embed: '1', layout: 'compact', cta_text: 'Book', cta_url: 'https://agency.example/' });
        await tragt.typeCount(0, '-5');
        await expect(tragt.inStage(0, 'stage-count')).toHaveAttribute('aria-invalid', 'true');
        found.push(...(await axeViolations(page)).map((v) => `${lang}: ${v}`));
      }
      expect(found).toEqual([]);
    });
    test(`the embed configurator, ${colorScheme}, every language`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const found = [];
      for (const lang of LANGS) {
        await page.goto(`/embed.html?lang=${lang}`);
        await expect(page.locator('iframe')).toBeVisible();
        found.push(...(await axeViolations(page)).map((v) => `${lang}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  }
});

test('phone: no violations, light and dark, full and embed', async ({ tragt, page, isMobile }) => {
  test.skip(!isMobile, 'the desktop project scans every language above');
  test.setTimeout(120_000); // a scan for each page and each of its analysis views, twice
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const params of [{ lang: 'sv' }, { lang: 'da', embed: '1' }, { lang: 'en', template: 'hexagon' }]) {
      await forget(page);
      await tragt.open(params);
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${JSON.stringify(params)}: ${v}`));
      // and each view it offers, open in turn (the journey's is open already)
      if (params.template === 'hexagon') {
        await expect(tragt.byId('view-journey')).toBeVisible();
        continue;
      }
      await eachView(tragt, async (name) => {
        found.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${JSON.stringify(params)} view ${name}: ${v}`));
      });
    }
  }
  expect(found).toEqual([]);
});

test.describe('colour scheme and motion', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: colours do not depend on the viewport');

  /** The page's background, its text colour and the funnel chart's pixels. */
  async function looks(page) {
    return page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const root = getComputedStyle(document.documentElement);
      const canvas = document.querySelector('[data-testid="chart-funnel"]');
      // the chart's pixels, as a short hash
      const data = canvas.toDataURL();
      let hash = 0;
      for (let i = 0; i < data.length; i += 1) hash = (Math.imul(hash, 31) + data.charCodeAt(i)) | 0;
      return { background: root.backgroundColor, text: body.color, chart: `${data.length}:${hash}` };
    });
  }
  /** Relative luminance of "rgb(r, g, b)". */
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  test('dark follows the system, also when it changes while the page is open; the chart repaints', async ({ tragt, page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await tragt.open({ lang: 'en' });
    const count = await tragt.inStage(0, 'stage-count').inputValue();
    const light = await looks(page);
    expect(luminance(light.background), 'light background').toBeGreaterThan(0.8);

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => luminance((await looks(page)).background), 'dark background').toBeLessThan(0.05);
    const dark = await looks(page);
    expect(luminance(dark.text), 'light text on the dark background').toBeGreaterThan(0.6);
    await expect.poll(async () => (await looks(page)).chart !== light.chart, 'the chart repainted in dark colours').toBe(true);

    // an edit in dark mode keeps the dark colours (they are not read once and forgotten)
    await tragt.typeCount(0, '20000');
    await expect.poll(async () => (await looks(page)).chart !== dark.chart, 'redrawn after the edit').toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await tragt.typeCount(0, count);
    await expect.poll(async () => (await looks(page)).chart, 'back to the light chart').toBe(light.chart);
  });

  test('a dark page prints on white', async ({ tragt, page }) => {
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    await tragt.open({ lang: 'en' });
    const { background, text } = await looks(page);
    expect(luminance(background)).toBeGreaterThan(0.9);
    expect(luminance(text)).toBeLessThan(0.1);
  });

  test('with reduced motion nothing animates or transitions', async ({ tragt, page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await tragt.open({ lang: 'en', template: 'b2b' });
    await tragt.typeRate(1, '35');
    await tragt.byId('share-open').click();
    // a view opened from its tab, too
    await tragt.openView('leaks');
    const moving = await page.evaluate(() => {
      const found = document.getAnimations().map((a) => `animation on ${a.effect && a.effect.target && a.effect.target.className}`);
      for (const el of document.querySelectorAll('*')) {
        const s = getComputedStyle(el);
        const long = (v) => v.split(',').some((d) => parseFloat(d) > 0);
        if (long(s.transitionDuration)) found.push(`transition on ${el.tagName}.${el.className}`);
        if (s.animationName !== 'none' && long(s.animationDuration)) found.push(`animation on ${el.tagName}.${el.className}`);
        if (s.scrollBehavior === 'smooth') found.push(`smooth scrolling on ${el.tagName}`);
      }
      return found;
    });
    expect(moving).toEqual([]);
  });
});

/**
 * Elements that stick out of the window or are cut off: anything wider than the viewport
 * that is not inside a container meant to scroll sideways, and text clipped by its own box.
 */
async function cutOff(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}.${String(el.className).split(' ')[0]}`;
    // hidden on purpose, for screen readers only: the class, or the same 1 × 1 px clip by CSS
    // (a stage's field labels below the first stage)
    const srOnly = (el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return r.width <= 1 && r.height <= 1 && (s.clipPath === 'inset(50%)' || s.clip === 'rect(0px, 0px, 0px, 0px)');
    };
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.visually-hidden, .print-only, [hidden]')) continue;
      if (srOnly(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) problems.push(`${name(el)} sticks out: ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
      const s = getComputedStyle(el);
      const clipped = (s.overflowX === 'hidden' || s.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1;
      if (clipped && el.children.length === 0 && el.textContent.trim() && !el.title) problems.push(`${name(el)} text cut off: "${el.textContent.trim().slice(0, 40)}"`);
    }
    return [...new Set(problems)];
  });
}

test.describe('200 % zoom and a 360 px window', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the sizes are set here');
  // 200 % zoom of a 1280 × 800 window: a 640 × 400 CSS-pixel viewport at twice the pixels
  for (const [what, viewport, deviceScaleFactor] of [['200 % zoom', { width: 640, height: 400 }, 2], ['360 px', { width: 360, height: 740 }, 1]]) {
    test.describe(what, () => {
      test.use({ viewport, deviceScaleFactor });
      test(`${what}: nothing scrolls sideways or is cut off, in any view`, async ({ tragt, page }) => {
        test.setTimeout(90_000); // each state and each analysis view, in three languages
        const found = [];
        for (const [lang, extra] of [['da', {}], ['sv', { embed: '1' }], ['en', {}]]) {
          for (const [name, reach] of Object.entries(VIEWS)) {
            const embed = extra.embed === '1';
            // each view from a first visit: what the previous one saved is cleared
            await forget(page);
            await tragt.open({ lang, template: 'webshop', ...extra });
            await test.step(`${lang}${embed ? ' embed' : ''}: ${name}`, async () => {
              if ((await reach(tragt, { embed })) === false) return;
              found.push(...(await cutOff(page)).map((p) => `${lang}${embed ? ' embed' : ''} ${name}: ${p}`));
            });
          }
          // each analysis view, open in turn
          await forget(page);
          await tragt.open({ lang, template: 'webshop', ...extra });
          await test.step(`${lang}${extra.embed ? ' embed' : ''}: every view`, async () => {
            await eachView(tragt, async (name) => {
              found.push(...(await cutOff(page)).map((p) => `${lang}${extra.embed ? ' embed' : ''} view ${name}: ${p}`));
            });
          });
        }
        expect(found).toEqual([]);
      });
    });
  }
});

test.describe('text alternatives and announcements', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: text does not depend on the viewport');

  test('every chart is an image whose text carries its numbers', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'webshop' });
    await tragt.openView('uncertainty');
    await tragt.inStage(1, 'stage-rate-low').fill('20');
    await tragt.inStage(1, 'stage-rate-high').fill('40');
    await tragt.openView('time');
    await tragt.inStage(0, 'stage-days').fill('3');
    // the funnel is always there; the others are in their views
    for (const [id, view] of [['chart-funnel', null], ['chart-levers', 'leaks'], ['chart-timeline', 'time'], ['chart-histogram', 'uncertainty']]) {
      if (view) await tragt.openView(view);
      await expect(tragt.byId(id), id).toHaveAttribute('role', 'img');
      await expect(tragt.byId(id), `${id} has a name with digits`).toHaveAttribute('aria-label', /\d/);
    }
    // the funnel chart names each stage with the people it shows
    const label = await tragt.byId('chart-funnel').getAttribute('aria-label');
    const shown = await page.locator('[data-testid="stage"] [data-testid="stage-entrants"]').allInnerTexts();
    for (const text of shown) expect(label, `the chart's text has ${text}`).toContain(text.trim());
    // the timeline and the histogram are described by tables of every point and every bin
    const described = async (id) => page.locator(`#${await tragt.byId(id).getAttribute('aria-describedby')}`);
    await tragt.openView('time');
    const timeline = await described('chart-timeline');
    await expect(timeline.locator('tbody tr')).toHaveCount(24);
    await expect(timeline.locator('tbody tr').first().locator('th')).toHaveText('1');
    await tragt.openView('uncertainty');
    const histogram = await described('chart-histogram');
    await expect.poll(() => histogram.locator('tbody tr').count(), 'a row per bin').toBeGreaterThanOrEqual(10);
    const trials = await histogram.locator('tbody tr td').allInnerTexts();
    const total = trials.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0);
    expect(total, 'the bins hold every trial').toBe(Number((await tragt.byId('mc-trials').inputValue()).replace(/,/g, '')));
    // a journey's chart is described by its heat map, which has every move
    await tragt.selectTemplate('hexagon');
    const matrix = await described('chart-journey');
    await expect(matrix).toHaveAttribute('data-testid', 'journey-matrix');
    expect(await matrix.locator('td').count()).toBeGreaterThanOrEqual(6 * 8);
  });

  test('the headline figures are announced politely once, after typing pauses', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'webshop' });
    const live = tragt.byId('results-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText('', { timeout: 100 });
    // record every text the region gets
    await page.evaluate(() => {
      window.__announced = [];
      const region = document.querySelector('[data-testid="results-live"]');
      new MutationObserver(() => window.__announced.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    });
    await tragt.inStage(0, 'stage-count').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12500', { delay: 120 });
    await expect.poll(() => page.evaluate(() => window.__announced.length), { timeout: 5000 }).toBeGreaterThan(0);
    // the first announcement already carries the typed number's figures: none came per keystroke
    const announced = await page.evaluate(() => window.__announced);
    expect(announced, 'one announcement for one typed number').toHaveLength(1);
    const customers = await tragt.byId('out-customers').innerText();
    expect(announced[0]).toContain(customers.trim());
    expect(announced[0]).toMatch(/^Customers per month: [\d,]+\. Revenue .*: €[\d,]+\. .*\(CAC\): €[\d,]+\. Customer value to cost \(LTV : CAC\): [\d.]+ : 1\.$/);
  });
});
