// The shared Playwright fixture for every spec: a `page` that fails the test on any
// uncaught page error, any console error, and any request that leaves 127.0.0.1 (the app
// must work offline and never phone home), plus `tragt`, the page object around it.
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

const test = base.extend({
  // hosts a test stands in for with page.route (e.g. an agency's https logo); none by default
  allowedHosts: [[], { option: true }],
  page: async ({ page, allowedHosts }, use, testInfo) => {
    const problems = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('request', (req) => {
      if (!isLocal(req.url(), allowedHosts)) problems.push(`request to a foreign origin: ${req.method()} ${req.url()}`);
    });
    await use(page);
    if (problems.length) {
      await testInfo.attach('page-problems', { body: problems.join('\n'), contentType: 'text/plain' });
    }
    expect(problems, 'no page errors, console errors or foreign requests').toEqual([]);
  },
  tragt: async ({ page }, use) => {
    await use(new Tragt(page));
  },
});

module.exports = { test, expect };
