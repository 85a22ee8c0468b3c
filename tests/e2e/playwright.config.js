// Playwright configuration for Tragt's end-to-end tests.
//
// Run from the repository root after a release build into dist/:
//   cargo xtask build && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c tests/e2e/playwright.config.js
// (`cargo xtask test` does both.) Browsers are never downloaded: Debian's /usr/bin/chromium is used.
// TRAGT_E2E_DIST names another build directory (e.g. dist-b after `cargo xtask build --dist dist-b`).
const path = require('node:path');
const { defineConfig } = require('@playwright/test');

const { appPort, appOrigin } = require('./support/origins');

const repoRoot = path.resolve(__dirname, '..', '..');
const dist = path.resolve(repoRoot, process.env.TRAGT_E2E_DIST ?? 'dist');
const baseURL = `${appOrigin}/`;

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.js',
  outputDir: path.join(repoRoot, 'test-results'),
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // dist/ at / and at /tools/tragt/ on appPort, tests/e2e/host/ on the next port (support/serve.mjs).
  webServer: {
    command: `node ${JSON.stringify(path.join(__dirname, 'support', 'serve.mjs'))} ${JSON.stringify(dist)} ${appPort}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects: [
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});
