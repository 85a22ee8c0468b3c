// Host pages for the embed specs: an agency's website on a second origin that embeds the
// calculator (the pages in tests/e2e/host/), and a stand-in "calculator" on the app's
// origin that posts whatever a test makes it post.
const fs = require('node:fs');
const path = require('node:path');
const { expect } = require('@playwright/test');

/** The app, as the Playwright web server serves dist/. */
const { appOrigin, hostOrigin, appPort } = require('./origins');
const APP = `${appOrigin}/`;
/** The host pages' origin. */
const HOST = `${hostOrigin}/`;
/** A third origin, for messages that must not count. */
const OTHER = `http://127.0.0.1:${appPort + 2}/`;
/** A stand-in page on the app's origin: what embed.js sees of the calculator is its messages. */
const STAND_IN = `${APP}__stand-in/app.html`;

const HOST_DIR = path.join(__dirname, '..', 'host');
const DIST = path.resolve(__dirname, '..', '..', '..', process.env.TRAGT_E2E_DIST ?? 'dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * Serves tests/e2e/host/ on HOST and a blank stand-in page under APP/__stand-in/ and OTHER,
 * from inside the browser (page.route), so these specs need no server but the app's.
 */
async function routeHostPages(page) {
  await page.route(`${HOST}**`, async (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    const file = path.join(HOST_DIR, name);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: TYPES[path.extname(name)] || 'application/octet-stream', body: fs.readFileSync(file) });
  });
  // embed.js from the build, fulfilled here too: Chromium lets a page that did not come
  // from the network (this one) load nothing from the loopback address space.
  await page.route(`${APP}embed.js`, (route) =>
    route.fulfill({ contentType: TYPES['.js'], body: fs.readFileSync(path.join(DIST, 'embed.js')) }));
  const standIn = (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>stand-in</title><p>stand-in calculator</p>' });
  await page.route(`${APP}__stand-in/**`, standIn);
  await page.route(`${OTHER}**`, standIn);
}

/** A host page's URL with the app's URL and per-iframe sources (`{a: 'relative url'}`). */
function hostUrl(file, frames = {}, app = APP) {
  const qs = new URLSearchParams({ app, ...frames });
  return `${HOST}${file}?${qs}`;
}

/** The Playwright frame inside the iframe with this test id, once it shows a URL containing `part`. */
async function frameIn(page, testid, part) {
  const handle = await page.getByTestId(testid).elementHandle();
  let frame = null;
  await expect
    .poll(async () => {
      frame = await handle.contentFrame();
      return frame ? frame.url() : '';
    }, { message: `${testid} loads ${part}` })
    .toContain(part);
  await frame.waitForLoadState('load');
  return frame;
}

/** Waits until embed.js runs on the page. */
async function embedJsReady(page) {
  await page.waitForFunction(() => !!(window.Tragt && window.Tragt.embed));
}

module.exports = { APP, HOST, OTHER, STAND_IN, routeHostPages, hostUrl, frameIn, embedJsReady };
