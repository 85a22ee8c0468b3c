// Offline use and static hosting: the service worker (public/sw.js) makes the app open and
// calculate offline after one visit, at the root and under a sub-path; it precaches exactly
// the build's files; a new build waits as an update until the page applies it
// (public/sw-register.js); the web app manifest and its icons; the Content-Security-Policy.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { test, expect } = require('./support/test');
const { Tragt } = require('./pages/tragt');
const { subPath } = require('./support/origins');

const repoRoot = path.resolve(__dirname, '..', '..');
const dist = path.resolve(repoRoot, process.env.TRAGT_E2E_DIST ?? 'dist');
const importRepo = (file) => import(pathToFileURL(path.join(repoRoot, file)).href);

test.skip(({ isMobile }) => isMobile, 'desktop only: offline use does not depend on the viewport');

/** Every file of the build, "/"-separated, relative to dir, sorted. */
function filesIn(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const file = prefix + entry.name;
    return entry.isDirectory() ? filesIn(dir, `${file}/`) : [file];
  }).sort();
}

/** The version and file list that the build wrote into sw.js. */
function swBuildInfo(swSource) {
  const version = swSource.match(/^const VERSION = "([0-9a-f]+)";$/m);
  const files = swSource.match(/^const FILES = (\[[^\]]*\]);$/m);
  expect(version, 'sw.js has a filled-in VERSION').not.toBeNull();
  expect(files, 'sw.js has a filled-in FILES').not.toBeNull();
  return { version: version[1], files: JSON.parse(files[1].replace(/,\s*\]$/, ']')) };
}

/**
 * Waits until the service worker controls the page and its cache holds every file.
 * Returns {cache, urls}: the cache's name and its URLs relative to the page's directory.
 */
async function waitUntilOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller),
    { message: 'the service worker controls the page' }).toBe(true);
  return page.evaluate(async () => {
    const base = new URL('./', location.href);
    const ours = (await caches.keys()).filter((name) => name.startsWith(`tragt ${base.pathname} `));
    if (ours.length !== 1) throw new Error(`expected one cache of ours, got ${JSON.stringify(ours)}`);
    const cache = await caches.open(ours[0]);
    const urls = (await cache.keys()).map((request) => request.url.slice(base.href.length)).sort();
    return { cache: ours[0], urls };
  });
}

/** The app has figures, and typing the first stage's count (not the one it has) changes customers. */
async function expectCalculates(tragt, count) {
  await tragt.ready();
  expect(await tragt.stageValue(0, 'stage-entrants')).not.toBe(count);
  const before = await tragt.value('out-customers');
  await tragt.typeCount(0, String(count));
  await expect.poll(() => tragt.value('out-customers'), { message: 'customers follow the typed count' })
    .not.toBe(before);
  await tragt.expectStageValue(0, 'stage-entrants', count);
}

for (const base of ['/', subPath]) {
  test(`after one visit to ${base} the app opens and calculates offline, on reload and in a new tab`, async ({ page, context, tragt }) => {
    await page.goto(`${base}?lang=en&template=webshop`);
    await tragt.ready();
    const { urls } = await waitUntilOffline(page);
    expect(urls).toEqual(swBuildInfo(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')).files);

    await context.setOffline(true);
    // really offline, for the service worker too: a file it does not keep cannot be fetched
    const [worker] = context.serviceWorkers().filter((w) => w.url() === new URL(`${base}sw.js`, page.url()).href);
    expect(await worker.evaluate(() => fetch('./not-cached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');

    await page.reload();
    expect(new URL(page.url()).pathname).toBe(base);
    await expectCalculates(tragt, 123456);

    const tab = await context.newPage();
    await tab.goto(`${base}?lang=da`);
    await expectCalculates(new Tragt(tab), 654321);
    await expect(tab.locator('html')).toHaveAttribute('lang', 'da');
    // every language's texts were cached on the first visit (in English): switching works offline
    await new Tragt(tab).byId('lang-select').selectOption('sv');
    await expect(tab.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(new Tragt(tab).byId('stage-add')).toHaveText(/Lägg till steg/);
    await new Tragt(tab).byId('lang-select').selectOption('nb');
    await expect(tab.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(new Tragt(tab).byId('stage-add')).toHaveText(/Legg til trinn/);
  });
}

test('the service worker precaches exactly the files of the build, in a cache named after its version', async ({ page, tragt }) => {
  await tragt.open({ lang: 'en' });
  const { cache, urls } = await waitUntilOffline(page);
  const { version, files } = swBuildInfo(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'));
  const built = filesIn(dist).filter((file) => file !== 'sw.js');
  expect(files, 'sw.js lists every file in dist/ but itself').toEqual(built);
  expect(urls, 'the cache holds them').toEqual(built);
  expect(cache).toBe(`tragt / ${version}`);
  // every hashed name Trunk wrote into index.html is among them
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  for (const [, ref] of html.matchAll(/["']\.?\/?([\w.-]+\.(?:css|js|wasm|svg|png|webmanifest))["']/g)) {
    expect(files, `index.html refers to ${ref}`).toContain(ref);
  }
});

test('the manifest is linked, parses, and its icons load at their sizes', async ({ page, context, tragt }) => {
  await tragt.open({ lang: 'en' });
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href, 'a relative link').toBe('manifest.webmanifest');
  const manifestUrl = new URL(href, page.url()).href;
  const response = await page.request.get(manifestUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'Tragt', short_name: 'Tragt', start_url: './', scope: './', display: 'standalone', theme_color: '#0f7b5f',
  });
  expect(manifest.description).toBeTruthy();
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(manifest.theme_color);

  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['any', '192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl).href;
    const got = await page.request.get(url);
    expect(got.status(), icon.src).toBe(200);
    expect(got.headers()['content-type'], icon.src).toContain(icon.type);
    const natural = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, url);
    if (icon.sizes !== 'any') expect(natural, `${icon.src} is ${icon.sizes}`).toBe(icon.sizes);
  }

  await waitUntilOffline(page);
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors, 'the manifest parses without errors').toEqual([]);
});

test('Chromium finds the app installable', async ({ playwright, baseURL }, testInfo) => {
  // Chromium never offers to install from an incognito profile, and test contexts are
  // incognito: this test runs in a profile of its own on disk.
  const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...testInfo.project.use.launchOptions, headless: true, baseURL,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await new Tragt(page).open({ lang: 'en' });
    await waitUntilOffline(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a new build waits as an update; the page is told, and applying it reloads into the new version', async ({ page, context, tragt }, testInfo) => {
  const { startServer } = await importRepo('tests/e2e/support/serve.mjs');
  const { buildFiles, buildVersion, fillServiceWorker } = await importRepo('build/service-worker.mjs');
  // a deployment of its own: a copy of dist/ on a free port, changed below as a new build would
  const site = testInfo.outputPath('site');
  fs.cpSync(dist, site, { recursive: true });
  const server = await startServer({ port: 0, mounts: [{ prefix: '/', root: site }] });
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    await context.addInitScript(() => {
      window.updateReadyEvents = 0;
      window.addEventListener('tragt:update-ready', () => { window.updateReadyEvents += 1; });
    });
    await page.goto(`${origin}/?lang=en`);
    await tragt.ready();
    const first = await waitUntilOffline(page);
    expect(await page.evaluate(() => [window.updateReadyEvents, window.tragtUpdateReady]), 'no update on the first install')
      .toEqual([0, undefined]);

    // the next build: index.html changes, so sw.js gets a new version
    const index = path.join(site, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<html lang="en">', '<html lang="en" data-build="next">'));
    const swSource = fs.readFileSync(path.join(repoRoot, 'public', 'sw.js'), 'utf8');
    const files = await buildFiles(site);
    const version = await buildVersion(site, files, swSource);
    fs.writeFileSync(path.join(site, 'sw.js'), fillServiceWorker(swSource, files, version));
    expect(first.cache).not.toBe(`tragt / ${version}`);

    // the browser finds it (here at once; by itself on the next navigation or within a day)
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await expect.poll(() => page.evaluate(() => window.updateReadyEvents), { message: 'tragt:update-ready' }).toBe(1);
    expect(await page.evaluate(() => window.tragtUpdateReady)).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)),
      'the update waits').toBe(true);
    await expect(page.locator('html'), 'the open page is left alone').not.toHaveAttribute('data-build', 'next');

    // the app offers the new version in its notice area; its button applies it
    await expect(tragt.byId('notice')).toContainText('A new version of Tragt is ready.');
    const reloaded = page.waitForEvent('load');
    await tragt.byId('update-reload').click();
    await reloaded;
    await tragt.ready();
    await expect(page.locator('html')).toHaveAttribute('data-build', 'next');
    const next = await waitUntilOffline(page);
    expect(next.cache, 'the new version took over and the old cache is gone').toBe(`tragt / ${version}`);
    expect(next.urls).toEqual(files);
    expect(await page.evaluate(() => [window.updateReadyEvents, window.tragtUpdateReady])).toEqual([0, undefined]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the Content-Security-Policy is in force: an inline script without its hash never runs', async ({ browser }) => {
  // a context of its own: the violation is the point here, and the shared fixture fails on any
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const tragt = new Tragt(page);
    await tragt.open({ lang: 'en' });
    const result = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: !!window.injected, directive: e.effectiveDirective }));
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
    }));
    expect(result).toEqual({ ran: false, directive: 'script-src-elem' });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).not.toContain('TRAGT_');
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='/);
  } finally {
    await context.close();
  }
});
