// The shared Playwright fixture for every spec. Every page of the test's browser context
// (tabs it opens included) fails the test on any uncaught page error, any console error,
// any Content-Security-Policy violation, and any request that leaves 127.0.0.1 (the app
// must work offline and never phone home). `tragt` is the page object around `page`;
// `newVisitor()` opens the app for somebody else: a page in a fresh browser context (its
// own storage, nothing shared with `page`), watched the same way and closed after the test.
const { test: base, expect } = require('@playwright/test');
const { Tragt } = require('../pages/tragt');

/** True for requests the app may make: same host, or in-memory data/blob URLs. */
function isLocal(url, allowedHosts = []) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return u.hostname === '127.0.0.1' || allowedHosts.includes(u.hostname);
}

/** Runs in every frame before its scripts: reports each CSP violation to the test at once. */
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__tragtCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`
      + ` at ${e.sourceFile || e.documentURI}:${e.lineNumber}${e.sample ? ` "${e.sample}"` : ''}`);
  });
}

/** Collects a page's errors, console errors and foreign requests into `problems`. */
function watch(page, problems, allowedHosts, label = '') {
  page.on('pageerror', (err) => problems.push(`${label}pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label}console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    if (!isLocal(req.url(), allowedHosts)) problems.push(`${label}request to a foreign origin: ${req.method()} ${req.url()}`);
  });
}

/** Watches every page of `context`, now and later, CSP violations included. */
async function instrument(context, problems, allowedHosts, label = '') {
  await context.exposeBinding('__tragtCspViolation', (_source, report) => {
    problems.push(`${label}CSP violation: ${report}`);
  });
  await context.addInitScript(reportCspViolations);
  for (const page of context.pages()) watch(page, problems, allowedHosts, label);
  context.on('page', (page) => watch(page, problems, allowedHosts, label));
}

const test = base.extend({
  // hosts a test stands in for with page.route (e.g. an agency's https logo); none by default
  allowedHosts: [[], { option: true }],
  /** What went wrong on any page of the test; the test fails unless it stays empty. */
  pageProblems: async ({}, use, testInfo) => {
    const problems = [];
    await use(problems);
    if (problems.length) {
      await testInfo.attach('page-problems', { body: problems.join('\n'), contentType: 'text/plain' });
    }
    expect(problems, 'no page errors, console errors, CSP violations or foreign requests').toEqual([]);
  },
  context: async ({ context, pageProblems, allowedHosts }, use) => {
    await instrument(context, pageProblems, allowedHosts);
    await use(context);
  },
  tragt: async ({ page }, use) => {
    await use(new Tragt(page));
  },
  newVisitor: async ({ browser, baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, locale, pageProblems, allowedHosts }, use) => {
    const contexts = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, locale });
      contexts.push(context);
      await instrument(context, pageProblems, allowedHosts, `visitor ${contexts.length}: `);
      return new Tragt(await context.newPage());
    });
    for (const context of contexts) await context.close();
  },
});

module.exports = { test, expect };
