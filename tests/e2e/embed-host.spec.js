// embed.js on a host page: it sizes each <iframe data-tragt> from the height messages of
// the calculator inside it, and from nothing else. The host page is on its own origin
// (127.0.0.1:4174), embed.js comes from the build on the app's origin (127.0.0.1:4173),
// and the calculator is a stand-in page on the app's origin that posts what a test says.
const { test, expect } = require('./support/test');
const { OTHER, STAND_IN, routeHostPages, hostUrl, frameIn, embedJsReady } = require('./support/host');

test.skip(({ isMobile }) => isMobile, 'desktop only: message handling does not depend on the viewport');

test.beforeEach(async ({ page }) => {
  await routeHostPages(page);
});

/** Opens a host page whose iframes all show the stand-in; returns their frames by id. */
async function openWithStandIns(page, file, ids, query = '') {
  const frames = Object.fromEntries(ids.map((id) => [id, `${STAND_IN}?${query}`]));
  await page.goto(hostUrl(file, frames));
  await embedJsReady(page);
  const out = {};
  for (const id of ids) out[id] = await frameIn(page, `host-frame-${id}`, '__stand-in');
  return out;
}

/** Posts `data` from a frame to its parent (or to `target`, a window expression). */
async function post(frame, data, target = 'parent') {
  await frame.evaluate(([d, t]) => (t === 'top' ? window.top : window.parent).postMessage(d, '*'), [data, target]);
}

/**
 * Makes sure every message a window posted before has been handled: posts a marker after
 * them from the same window (messages from one window arrive in order) and waits until the
 * host page has seen it. embed.js's listener was added first, so it has run by then.
 */
async function settled(page, frame, target = 'parent') {
  const marker = `marker-${Math.random()}`;
  await page.evaluate(() => {
    if (window.__markers) return;
    window.__markers = [];
    window.addEventListener('message', (e) => e.data && e.data.marker && window.__markers.push(e.data.marker));
  });
  await post(frame, { marker }, target);
  await expect.poll(() => page.evaluate((m) => window.__markers.includes(m), marker)).toBe(true);
}

/** The iframe's rendered height in CSS px. */
async function heightOf(page, testid) {
  return page.getByTestId(testid).evaluate((el) => el.getBoundingClientRect().height);
}

async function expectHeight(page, testid, px) {
  await expect.poll(() => heightOf(page, testid), { message: `${testid} is ${px}px high` }).toBe(px);
}

test('an iframe gets defaults: full width, no border, a starting height, a title in its language', async ({ page }) => {
  await openWithStandIns(page, 'two-embeds.html', ['a', 'b'], 'embed=1&lang=da');
  const a = page.getByTestId('host-frame-a');
  const b = page.getByTestId('host-frame-b');
  const column = await page.locator('main').evaluate((m) => {
    const s = getComputedStyle(m);
    return m.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  });
  for (const frame of [a, b]) {
    const box = await frame.evaluate((el) => {
      const s = getComputedStyle(el);
      return { width: el.getBoundingClientRect().width, border: s.borderTopWidth, height: el.getBoundingClientRect().height };
    });
    expect(box.width).toBeCloseTo(column, 0);
    expect(box.border).toBe('0px');
    expect(box.height).toBe(640);
    expect(await frame.getAttribute('loading')).toBeNull();
  }
  await expect(a).toHaveAttribute('title', 'Tragt – tragtberegner');
  await expect(b).toHaveAttribute('title', 'B2B funnel calculator'); // the page's own title stays
  expect(await page.evaluate(() => window.Tragt.embed.version)).toBe(1);
});

test('without constructable stylesheets, the same defaults are set on the iframe itself', async ({ page }) => {
  await page.addInitScript(() => {
    delete Document.prototype.adoptedStyleSheets;
  });
  await openWithStandIns(page, 'two-embeds.html', ['a', 'b']);
  const styles = await page.locator('iframe[data-tragt]').evaluateAll((frames) => frames.map((f) => f.style.cssText));
  expect(styles).toEqual(Array(2).fill('display: block; max-width: 100%; width: 100%; height: 640px; border: 0px;'));
  await expect(page.getByTestId('host-frame-a')).toHaveCSS('border-top-width', '0px');
});

test('a height message from its own calculator resizes the iframe, rounded and clamped', async ({ page }) => {
  const { a } = await openWithStandIns(page, 'one-embed.html', ['a']);
  const after = page.getByTestId('host-after');
  const before = (await after.boundingBox()).y;

  await post(a, { type: 'tragt:height', height: 900 });
  await expectHeight(page, 'host-frame-a', 900);
  expect((await after.boundingBox()).y).toBeCloseTo(before + 900 - 640, 0);
  await expect(page.getByTestId('host-frame-a')).toHaveCSS('height', '900px');

  await post(a, { type: 'tragt:height', height: 1234.6 });
  await expectHeight(page, 'host-frame-a', 1235);
  await post(a, { type: 'tragt:height', height: 12 });
  await expectHeight(page, 'host-frame-a', 200);
  await post(a, { type: 'tragt:height', height: 1e9 });
  await expectHeight(page, 'host-frame-a', 20000);
  await post(a, { type: 'tragt:height', height: -50, extra: 'ignored field' });
  await expectHeight(page, 'host-frame-a', 200);
});

test('each calculator resizes only its own iframe', async ({ page }) => {
  const { a, b } = await openWithStandIns(page, 'two-embeds.html', ['a', 'b']);
  await post(b, { type: 'tragt:height', height: 700 });
  await expectHeight(page, 'host-frame-b', 700);
  await settled(page, b);
  expect(await heightOf(page, 'host-frame-a')).toBe(640);
  await post(a, { type: 'tragt:height', height: 1100 });
  await expectHeight(page, 'host-frame-a', 1100);
  expect(await heightOf(page, 'host-frame-b')).toBe(700);
});

test('messages from another origin inside the iframe are ignored', async ({ page }) => {
  const { a } = await openWithStandIns(page, 'one-embed.html', ['a']);
  // The iframe navigates itself away: its window is still the iframe's, but the origin is not its src's.
  await a.goto(`${OTHER}elsewhere.html`);
  expect(new URL(a.url()).origin).toBe(OTHER.replace(/\/$/, ''));
  await post(a, { type: 'tragt:height', height: 900 });
  await settled(page, a);
  expect(await heightOf(page, 'host-frame-a')).toBe(640);
});

test('messages from other windows are ignored: a plain iframe, a nested frame, the page itself', async ({ page }) => {
  const { a } = await openWithStandIns(page, 'one-embed.html', ['a']);

  // An iframe without data-tragt, on the app's origin.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.dataset.testid = 'plain';
    document.querySelector('main').append(f);
  }, `${STAND_IN}?plain`);
  const plain = await frameIn(page, 'plain', '?plain');
  await post(plain, { type: 'tragt:height', height: 900 });
  await settled(page, plain);
  expect(await heightOf(page, 'host-frame-a')).toBe(640);
  expect(await page.getByTestId('plain').evaluate((el) => el.style.height)).toBe(''); // untouched

  // A frame inside the calculator, same origin, writing to the top page.
  await a.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
    return new Promise((resolve) => f.addEventListener('load', resolve));
  }, `${STAND_IN}?nested`);
  const nested = a.childFrames()[0];
  expect(nested.url()).toContain('?nested');
  await post(nested, { type: 'tragt:height', height: 900 }, 'top');
  await settled(page, nested, 'top');
  expect(await heightOf(page, 'host-frame-a')).toBe(640);

  // The host page posting to itself.
  await page.evaluate(() => window.postMessage({ type: 'tragt:height', height: 900 }, '*'));
  await page.evaluate(() => window.postMessage({ marker: 'self' }, '*'));
  await expect.poll(() => page.evaluate(() => (window.__markers || []).includes('self'))).toBe(true);
  expect(await heightOf(page, 'host-frame-a')).toBe(640);

  // The right window still counts.
  await post(a, { type: 'tragt:height', height: 880 });
  await expectHeight(page, 'host-frame-a', 880);
});

test('malformed messages are ignored', async ({ page }) => {
  const { a } = await openWithStandIns(page, 'one-embed.html', ['a']);
  const bad = [
    'tragt:height',
    '{"type":"tragt:height","height":900}',
    900,
    null,
    ['tragt:height', 900],
    { height: 900 },
    { type: 'tragt:heights', height: 900 },
    { type: 'TRAGT:HEIGHT', height: 900 },
    { type: 'tragt:height' },
    { type: 'tragt:height', height: '900' },
    { type: 'tragt:height', height: null },
    { type: 'tragt:height', height: true },
    { type: 'tragt:height', height: [900] },
    { type: 'tragt:height', height: { value: 900 } },
    { type: 'tragt:height', height: NaN },
    { type: 'tragt:height', height: Infinity },
    { type: 'tragt:height', height: -Infinity },
  ];
  for (const data of bad) await post(a, data);
  await a.evaluate(() => parent.postMessage({ type: 'tragt:height', height: 10n }, '*')); // a BigInt
  await settled(page, a);
  expect(await heightOf(page, 'host-frame-a')).toBe(640);
  await expect(page.getByTestId('host-frame-a')).not.toHaveAttribute('style', /height/);
});

test('iframes added later are picked up; their own width, height and title stay', async ({ page }) => {
  await openWithStandIns(page, 'one-embed.html', ['a']);
  await page.evaluate((src) => {
    const main = document.querySelector('main');
    const late = document.createElement('iframe');
    late.setAttribute('data-tragt', '');
    late.dataset.testid = 'late';
    late.src = `${src}?embed=1&lang=sv`;
    const sized = document.createElement('iframe');
    sized.setAttribute('data-tragt', '');
    sized.dataset.testid = 'sized';
    sized.width = '300';
    sized.height = '500';
    sized.title = 'Our calculator';
    sized.src = `${src}?sized`;
    const wrapper = document.createElement('div');
    wrapper.append(sized); // added inside another element
    main.append(late, wrapper);
  }, STAND_IN);

  const late = await frameIn(page, 'late', 'lang=sv');
  await expect(page.getByTestId('late')).toHaveAttribute('title', 'Tragt – trattkalkylator');
  expect(await heightOf(page, 'late')).toBe(640);
  await post(late, { type: 'tragt:height', height: 777 });
  await expectHeight(page, 'late', 777);

  const sized = await frameIn(page, 'sized', '?sized');
  await expect(page.getByTestId('sized')).toHaveAttribute('title', 'Our calculator');
  const box = await page.getByTestId('sized').boundingBox();
  expect([box.width, box.height]).toEqual([300, 500]);
  await post(sized, { type: 'tragt:height', height: 610 });
  await expectHeight(page, 'sized', 610);
  expect((await page.getByTestId('sized').boundingBox()).width).toBe(300);

  // An iframe that becomes data-tragt later gets its title too.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.dataset.testid = 'marked-later';
    document.querySelector('main').append(f);
    setTimeout(() => f.setAttribute('data-tragt', ''), 50);
  });
  await expect(page.getByTestId('marked-later')).toHaveAttribute('title', 'Tragt – funnel calculator');
});

test('embed.js included twice still works, and an iframe without src is never resized', async ({ page }) => {
  const { a } = await openWithStandIns(page, 'one-embed.html', ['a']);
  await page.evaluate(
    (src) =>
      new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = src;
        s.onload = resolve;
        s.onerror = reject;
        document.body.append(s);
      }),
    new URL('/embed.js', STAND_IN).href,
  );
  await post(a, { type: 'tragt:height', height: 950 });
  await expectHeight(page, 'host-frame-a', 950);

  // An iframe without src shows about:blank, whose origin is the host page's own: it
  // must not count even though its messages carry that origin.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.setAttribute('data-tragt', '');
    f.dataset.testid = 'blank';
    document.querySelector('main').append(f);
  });
  const blank = await frameIn(page, 'blank', 'about:blank');
  await post(blank, { type: 'tragt:height', height: 900 });
  await settled(page, blank);
  expect(await heightOf(page, 'blank')).toBe(640);
});
