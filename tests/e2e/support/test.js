// The shared Playwright fixture for every spec: a `page` that fails the test on any
// uncaught page error, any console error, and any request that leaves 127.0.0.1 (the app
// must work offline and never phone home), plus `tragt`, the page object around it.
// Tabs the page opens (links with target=_blank) are watched the same way, and
// `newVisitor()` opens the app for somebody else: a page in a fresh browser context (its
// own storage, nothing shared with `page`), watched too and closed after the test.
const { test: base, expect } = require('@playwright/test');
const { Tragt } = require('../pages/tragt');

/** True for requests the app may make: same host, or in-memory data/blob URLs. */
function isLocal(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return u.hostname === '127.0.0.1';
}

/** Collects a page's errors, console errors and foreign requests into `problems`. */
function watch(page, problems, label = '') {
  page.on('pageerror', (err) => problems.push(`${label}pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label}console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    if (!isLocal(req.url())) problems.push(`${label}request to a foreign origin: ${req.method()} ${req.url()}`);
  });
}

const test = base.extend({
  problems: async ({}, use, testInfo) => {
    const problems = [];
    await use(problems);
    if (problems.length) {
      await testInfo.attach('page-problems', { body: problems.join('\n'), contentType: 'text/plain' });
    }
    expect(problems, 'no page errors, console errors or foreign requests').toEqual([]);
  },
  page: async ({ page, problems }, use) => {
    watch(page, problems);
    page.context().on('page', (tab) => watch(tab, problems, 'new tab: '));
    await use(page);
  },
  tragt: async ({ page }, use) => {
    await use(new Tragt(page));
  },
  newVisitor: async ({ browser, baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, locale, problems }, use) => {
    const contexts = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, locale });
      contexts.push(context);
      const n = contexts.length;
      context.on('page', (tab) => watch(tab, problems, `visitor ${n}: `));
      return new Tragt(await context.newPage());
    });
    for (const context of contexts) await context.close();
  },
});

module.exports = { test, expect };
