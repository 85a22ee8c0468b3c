// The README's screenshots, made from the real app: `cargo xtask screenshots` builds the app
// into dist/ and runs this script, which serves it and photographs three pages in headless
// Chromium into docs/screenshots/ (kept in the repository, so the README shows them):
//   desktop.png         1280 × 900, the B2B model in English with the Leaks view open
//   phone.png           390 × 844, the web shop in Danish, the headline bar at the foot
//   embed-compact.png   720 px wide, a compact embed in Swedish with an agency's colour
// Each waits for the figures and the funnel chart, never for a fixed time.
//
//   node build/screenshots.mjs [DIST [OUT]]
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../tests/e2e/support/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const out = path.resolve(process.argv[3] || path.join(root, 'docs', 'screenshots'));

const SHOTS = [
  { file: 'desktop.png', viewport: { width: 1280, height: 900 }, query: 'lang=en&template=b2b&view=leaks', fullPage: false },
  { file: 'phone.png', viewport: { width: 390, height: 844 }, query: 'lang=da&template=webshop', fullPage: false, mobile: true },
  {
    file: 'embed-compact.png', viewport: { width: 720, height: 900 }, fullPage: true,
    query: 'embed=1&layout=compact&lang=sv&template=webshop&accent=%23b4316a&cta_text=Boka%20ett%20m%C3%B6te&cta_url=https%3A%2F%2Fagency.example%2F&storage=off',
  },
];

const server = await startServer({ port: 0, mounts: [{ prefix: '/', root: dist }] });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  await mkdir(out, { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: shot.viewport, deviceScaleFactor: 1, isMobile: !!shot.mobile, hasTouch: !!shot.mobile, colorScheme: 'light',
    });
    await page.goto(`${base}?${shot.query}`);
    await page.locator('[data-testid="out-customers"][data-value]').waitFor();
    // the chart has drawn once its canvas has a bitmap, and the views have caught up
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid="chart-funnel"]');
      return canvas && canvas.width > 0 && !document.querySelector('[aria-busy="true"]');
    });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(out, shot.file), fullPage: shot.fullPage });
    console.log(`screenshots: ${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
