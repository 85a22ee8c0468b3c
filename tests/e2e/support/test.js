// The shared Playwright fixture for every spec. Every page of the test's browser context
// (tabs it opens included) fails the test on any uncaught page error, any console error,
// any Content-Security-Policy violation, and any request that leaves 127.0.0.1 (the app
// must work offline and never phone home). `tragt` is the page object around `page`;
// `newVisitor()` opens the app for somebody else: a page in a fresh browser context (its
// own storage, nothing shared with `page`), watched the same way and closed after the test.
// A test that provokes CSP violations on purpose describes their reports in
// `expectedCspViolations` (a RegExp): those are collected in `cspReports` for the test to
// check, and every other violation still fails it.
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

/**
 * Collects a page's errors, console errors and foreign requests into `problems`. In a test
 * that provokes CSP violations (`csp.expected`), Chromium's console line for a violation
 * is left to the violation's own report, which is checked against those patterns.
 */
function watch(page, problems, allowedHosts, label = '', csp = { expected: null }) {
  page.on('pageerror', (err) => problems.push(`${label}pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (csp.expected && /Content Security Policy/.test(msg.text())) return;
    problems.push(`${label}console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    if (!isLocal(req.url(), allowedHosts)) problems.push(`${label}request to a foreign origin: ${req.method()} ${req.url()}`);
  });
}

/**
 * Watches every page of `context`, now and later, CSP violations included: a violation
 * whose report matches `csp.expected` goes to `csp.reports`, any other is a problem.
 */
async function instrument(context, problems, allowedHosts, label = '', csp = { expected: null, reports: [] }) {
  await context.exposeBinding('__tragtCspViolation', (_source, report) => {
    if (csp.expected && csp.expected.test(report)) csp.reports.push(`${label}${report}`);
    else problems.push(`${label}CSP violation: ${report}`);
  });
  await context.addInitScript(reportCspViolations);
  for (const page of context.pages()) watch(page, problems, allowedHosts, label, csp);
  context.on('page', (page) => watch(page, problems, allowedHosts, label, csp));
}

const test = base.extend({
  // hosts a test stands in for with page.route (e.g. an agency's https logo); none by default
  allowedHosts: [[], { option: true }],
  // a RegExp for the reports of CSP violations a test provokes on purpose; none by default
  expectedCspViolations: [null, { option: true }],
  /** The expected CSP violations so far, as reports ("script-src-elem blocked inline at …"). */
  cspReports: async ({}, use) => {
    await use([]);
  },
  /** What went wrong on any page of the test; the test fails unless it stays empty. */
  pageProblems: async ({}, use, testInfo) => {
    const problems = [];
    await use(problems);
    if (problems.length) {
      await testInfo.attach('page-problems', { body: problems.join('\n'), contentType: 'text/plain' });
    }
    expect(problems, 'no page errors, console errors, CSP violations or foreign requests').toEqual([]);
  },
  context: async ({ context, pageProblems, allowedHosts, expectedCspViolations, cspReports }, use) => {
    await instrument(context, pageProblems, allowedHosts, '', { expected: expectedCspViolations, reports: cspReports });
    await use(context);
  },
  tragt: async ({ page }, use) => {
    await use(new Tragt(page));
  },
  newVisitor: async ({ browser, baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, locale, pageProblems, allowedHosts, expectedCspViolations, cspReports }, use) => {
    const contexts = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, locale });
      contexts.push(context);
      await instrument(context, pageProblems, allowedHosts, `visitor ${contexts.length}: `, { expected: expectedCspViolations, reports: cspReports });
      return new Tragt(await context.newPage());
    });
    for (const context of contexts) await context.close();
  },
});

module.exports = { test, expect };
