// Tragt performance report: transfer size, time to first figures, edit latency.
//
// Usage (from the repository root, after a release build):  node tests/bench/bench.mjs [DIST]
// `cargo xtask bench` builds and runs it. DIST defaults to "dist".
//
// It serves DIST itself (the end-to-end tests' static server, tests/e2e/support/serve.mjs,
// on 127.0.0.1 at an ephemeral port) and drives Debian's
// /usr/bin/chromium headless through playwright-core (no browser download). Reported:
//   transfer      initial files, raw, gzip and brotli (1 KB = 1024 bytes): every file index.html
//                 refers to (the manifest too) and every file the page requests on a cold
//                 load; not the service worker, which is registered after the load event and
//                 then caches the build in the background (reported apart). No budget.
// Budgets:
//   first figures median of 7 cold loads         <= 300 ms   (navigation start -> data-value);
//                 with TRAGT_BENCH_BASELINE=DIR (another build), both are loaded in turn and the
//                 median must be at most 1.10 x the baseline's
//   edit latency  p95 of 200 edits, figures+chart <= 8 ms    (input event -> both updated)
//   monte carlo   funnel draws per second        >= 1 000 000 (20 stages, 19 ranged)
//   markov solve  median, dense 20-state journey < 0.1 ms
//                 twice: the web shop template as a first visitor sees it, and a 20-stage
//                 scenario with every forecasting view busy (each stage with people now, days,
//                 a benchmark and a range, so every edit reruns the 10 000-trial Monte Carlo)
// The Monte Carlo's throughput is measured in the browser from edits of the seed at
// 100 000 trials; the Markov solve from the app's own performance measure around it.
// A missed budget is reported, not an error: the exit code is 0. It is 1 only when something
// cannot be measured (no dist, page error, element missing, timeout).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/support/serve.mjs';

const BUDGET_FIRST_FIGURES_MS = 300;
const BUDGET_FIRST_FIGURES_RATIO = 1.10;
const BUDGET_EDIT_P95_MS = 8;
const BUDGET_MARKOV_MS = 0.1;
const BUDGET_MC_DRAWS_PER_S = 1_000_000;
const COLD_LOADS = 7;
const EDITS = 200;
const EDIT_TIMEOUT_MS = 2000;
const LOAD_TIMEOUT_MS = 30000;
const FIGURES = '[data-testid="out-customers"]';
const RATE_INPUT = '[data-testid="stage-rate"]';
const CHART_MARK = 'tragt:chart-drawn';

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const VIEWPORT = { width: 1280, height: 800 };


const KB = 1024;

// ---------------------------------------------------------------------------------------------
// Static server

/** Serves `root` at its own address. */
async function serve(root) {
  const server = await startServer({ port: 0, mounts: [{ prefix: '/', root }] });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// ---------------------------------------------------------------------------------------------
// Sizes

/** Local files that index.html references: src/href attributes and quoted paths in inline scripts. */
function referencedFiles(html, dist) {
  const found = new Set(['/index.html']);
  const candidates = [];
  for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)) candidates.push(m[1]);
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const s of m[1].matchAll(/["'`]([^"'`\s]+\.(?:js|mjs|wasm|css|json))["'`]/g)) candidates.push(s[1]);
  }
  for (const ref of candidates) {
    if (/^(?:[a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:') || ref.startsWith('#')) continue;
    const clean = '/' + ref.split(/[?#]/)[0].replace(/^\.?\//, '');
    if (existsSync(path.join(dist, clean)) && !clean.endsWith('/')) found.add(clean);
  }
  return found;
}

async function sizeOf(dist, file) {
  const body = await readFile(path.join(dist, file));
  return {
    file,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
}

/**
 * The size floor built by `cargo xtask bench` (TRAGT_FLOOR_DIR: wasm-bindgen's output for
 * tests/bench/floor), optimized with Tragt's own release steps; null when not given.
 */
async function floorSize() {
  const dir = process.env.TRAGT_FLOOR_DIR;
  if (!dir) return null;
  const { optimizeWasm } = await import('../../build/optimize-wasm.mjs');
  const { minifyGlue } = await import('../../build/minify-glue.mjs');
  await optimizeWasm(dir);
  await minifyGlue(dir);
  return { wasm: (await sizeOf(dir, 'floor_bg.wasm')).brotli, glue: (await sizeOf(dir, 'floor.js')).brotli };
}

// ---------------------------------------------------------------------------------------------
// Browser measurements

/** Installed before any page script: records performance.now() when the figures first appear. */
function firstFiguresProbe(selector) {
  const check = () => {
    const el = document.querySelector(selector);
    if (el && el.hasAttribute('data-value')) {
      window.__tragtFirstFigures = performance.now();
      observer.disconnect();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { attributes: true, childList: true, subtree: true });
  check();
}

/**
 * One cold load in a fresh context; returns ms from navigation start to the first figures.
 * Adds the path of every file the page requests to `requested` (when given); the service
 * worker's own requests (its script, its precache) are not the page's and are left out.
 */
async function coldLoad(browser, url, errors, requested = null) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    watchErrors(page, errors);
    page.on('request', (request) => {
      const u = new URL(request.url());
      if (requested && u.origin === new URL(url).origin) requested.add(u.pathname.endsWith('/') ? `${u.pathname}index.html` : u.pathname);
    });
    await page.addInitScript(firstFiguresProbe, FIGURES);
    await page.goto(url);
    await page.waitForFunction(() => window.__tragtFirstFigures !== undefined, null,
      { timeout: LOAD_TIMEOUT_MS, polling: 50 }).catch(() => {
      throw new Error(`${FIGURES} never got a data-value attribute within ${LOAD_TIMEOUT_MS} ms`);
    });
    const ms = await page.evaluate(() => window.__tragtFirstFigures);
    await page.waitForLoadState('networkidle').catch(() => {});
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page: `edits` edits of the first enabled stage-rate input, one after another.
 * Returns per edit { figures, chart } in ms after the input event was dispatched (chart: null
 * when no tragt:chart-drawn mark followed within the timeout).
 */
async function editLoop({ edits, figuresSel, rateSel, mark, timeoutMs }) {
  const input = [...document.querySelectorAll(rateSel)].find((el) => !el.disabled);
  if (!input) throw new Error(`no enabled ${rateSel} input`);
  const figuresValue = () => document.querySelector(figuresSel)?.getAttribute('data-value');
  // every chart leaves a mark when drawn; the last one after the edit is when all are done
  const lastMarkAfter = (t0) => {
    let last = null;
    for (const e of performance.getEntriesByName(mark, 'mark')) {
      if (e.startTime >= t0 && (last === null || e.startTime > last)) last = e.startTime;
    }
    return last;
  };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const results = [];
  let value = Number(input.value);
  let chartMisses = 0;
  for (let i = 0; i < edits; i++) {
    let next = 10 + (i % 51);
    if (next === value) next = next === 60 ? 10 : next + 1;
    value = next;
    const before = figuresValue();
    let figuresAt = null;
    const observer = new MutationObserver(() => {
      if (figuresAt === null && figuresValue() !== before) figuresAt = performance.now();
    });
    observer.observe(document, { attributes: true, childList: true, subtree: true });
    const t0 = performance.now();
    input.value = String(next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const deadline = t0 + timeoutMs;
    let chartAt = lastMarkAfter(t0);
    // After 3 edits in a row without a chart mark, stop waiting for it (it is reported).
    const waitForChart = chartMisses < 3;
    // Microtasks first (MutationObserver), then tasks/frames until both have happened.
    await Promise.resolve();
    while ((figuresAt === null || (waitForChart && chartAt === null)) && performance.now() < deadline) {
      await sleep(1);
      chartAt = lastMarkAfter(t0);
    }
    observer.disconnect();
    if (figuresAt === null) {
      throw new Error(`edit ${i + 1}: ${figuresSel} data-value did not change within ${timeoutMs} ms `
        + `after setting the rate to ${next} (still ${JSON.stringify(figuresValue())})`);
    }
    chartMisses = chartAt === null ? chartMisses + 1 : 0;
    results.push({ figures: figuresAt - t0, chart: chartAt === null ? null : chartAt - t0 });
    await sleep(0);
  }
  return results;
}

/**
 * A saved workspace (file format 3) with one 20-stage scenario in which every forecasting view
 * has work: each stage has people in it now, days, a benchmark and a ±2-point range on its rate.
 */
function busyStore() {
  const stages = Array.from({ length: 20 }, (_, i) => {
    const rate = i === 0 ? 1 : 0.7 + (i % 5) * 0.05;
    return {
      id: i + 1, name: `Stage ${i + 1}`, rate,
      now: 1000 - i * 40, days: 1 + (i % 4), benchmark: Math.min(1, rate + 0.03),
      ...(i === 0 ? {} : { low: rate - 0.02, high: Math.min(1, rate + 0.02) }),
    };
  });
  return JSON.stringify({
    format: 'tragt', version: 3, current: 'busy',
    scenarios: [{
      id: 'busy', name: 'All views busy', template: 'blank', stages, top: 1000000, lead: 2, purchase: 20,
      spend: 50000, aov: 400, frequency: 2, margin: 0.4, ltv_method: 'simple', lifespan: 3, retention: 0.6,
      discount: 0.1, currency: 'EUR', period: 'month', referrals: 0.5, trials: 10000, seed: 1,
    }],
  });
}

/**
 * Runs in the page: sets the trials to `trials`, then edits the seed `edits` times; returns the
 * ms each simulation took (the app's `tragt:mc` measure: the trials, the percentiles and the
 * histogram's bins, not the debounce before it nor the drawing after).
 */
async function seedLoop({ edits, trials, mark, timeoutMs }) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const set = (testid, value) => {
    const input = document.querySelector(`[data-testid="${testid}"]`);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const p50 = () => document.querySelector('[data-testid="out-mc-p50"]')?.getAttribute('data-value');
  set('mc-trials', trials);
  await sleep(50);
  const results = [];
  for (let i = 0; i < edits; i++) {
    const before = p50();
    const t0 = performance.now();
    set('mc-seed', 1000 + i);
    const deadline = t0 + timeoutMs;
    while (p50() === before && performance.now() < deadline) await sleep(1);
    if (p50() === before) throw new Error(`seed edit ${i + 1}: out-mc-p50 did not change`);
    // the simulation's own time: the app measures it as `tragt:mc`
    const runs = performance.getEntriesByName('tragt:mc', 'measure').filter((e) => e.startTime >= t0);
    if (!runs.length) throw new Error(`seed edit ${i + 1}: no tragt:mc measure`);
    results.push(runs[runs.length - 1].duration);
    await sleep(0);
  }
  return results;
}

/**
 * A saved workspace (file format 4) with one dense 20-state journey: every state moves to every
 * other state, buys and is lost, so the solve has no zeros to skip; newcomers enter everywhere.
 */
function journeyStore() {
  const n = 20;
  const stages = Array.from({ length: n }, (_, i) => {
    // weights 1..7 to the other states, then buy and lost, normalised to sum 1
    const weights = Array.from({ length: n }, (_, j) => (j === i ? 0 : 1 + ((i * 7 + j * 3) % 7)));
    const buy = 2 + (i % 3);
    const lost = 30 + (i % 5) * 4;
    const total = weights.reduce((a, b) => a + b, 0) + buy + lost;
    const to = weights.map((w, j) => [j + 1, w / total]).filter(([, p]) => p > 0);
    const rest = 1 - to.reduce((a, [, p]) => a + p, 0) - buy / total;
    return {
      id: i + 1, name: `State ${i + 1}`, rate: i === 0 ? 1 : 0.5, days: 1 + (i % 4),
      moves: { to, buy: buy / total, lost: rest, entry: 1 / n },
    };
  });
  return JSON.stringify({
    format: 'tragt', version: 4, current: 'journey',
    scenarios: [{
      id: 'journey', name: 'Dense journey', template: 'blank', stages, top: 100000, lead: 2, purchase: 20,
      spend: 50000, aov: 400, frequency: 2, margin: 0.4, ltv_method: 'simple', lifespan: 3, retention: 0.6,
      discount: 0.1, currency: 'EUR', period: 'month', mode: 'journey', recovery: 0, recover_to: 1,
    }],
  });
}

/**
 * Runs in the page: edits the first state's days `edits` times (one solve each: the chain's
 * days change, nothing else); returns the ms of each solve, the app's `tragt:journey` measure
 * (building the chain from the scenario, the LU solve of N = (I − Q)⁻¹, B, t, reach).
 */
async function solveLoop({ edits, warmup, timeoutMs }) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const input = document.querySelector('[data-testid="stage-days"]');
  const days = () => document.querySelector('[data-testid="out-journey-days"]')?.getAttribute('data-value');
  const results = [];
  for (let i = 0; i < warmup + edits; i++) {
    const before = days();
    const t0 = performance.now();
    input.value = String(2 + (i % 50));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const deadline = t0 + timeoutMs;
    while (days() === before && performance.now() < deadline) await sleep(1);
    if (days() === before) throw new Error(`days edit ${i + 1}: out-journey-days did not change`);
    const runs = performance.getEntriesByName('tragt:journey', 'measure').filter((e) => e.startTime >= t0);
    if (!runs.length) throw new Error(`days edit ${i + 1}: no tragt:journey measure`);
    if (i >= warmup) results.push(runs[runs.length - 1].duration);
    await sleep(0);
  }
  return results;
}

async function markovSolve(browser, url, errors) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript((store) => {
      if (!localStorage.getItem('tragt.store')) localStorage.setItem('tragt.store', store);
    }, journeyStore());
    // cross-origin isolated, performance.now() has 5 µs steps instead of 100 µs
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      };
      await route.fulfill({ response, headers });
    });
    const page = await context.newPage();
    watchErrors(page, errors);
    await page.goto(url);
    await page.waitForSelector('[data-testid="stage-days"]', { timeout: LOAD_TIMEOUT_MS });
    const isolated = await page.evaluate(() => window.crossOriginIsolated);
    // the first edits run while the engine still compiles the solve in its baseline tier
    return { isolated, solves: await page.evaluate(solveLoop, { edits: 100, warmup: 50, timeoutMs: 2000 }) };
  } finally {
    await context.close();
  }
}

async function monteCarlo(browser, url, errors) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript((store) => {
      if (!localStorage.getItem('tragt.store')) localStorage.setItem('tragt.store', store);
    }, busyStore());
    const page = await context.newPage();
    watchErrors(page, errors);
    // the Monte Carlo's figures are in the Uncertainty view
    await page.goto(`${url}?view=uncertainty`);
    await page.waitForSelector('[data-testid="out-mc-p50"][data-value]', { timeout: LOAD_TIMEOUT_MS });
    return await page.evaluate(seedLoop, { edits: 20, trials: 100000, mark: CHART_MARK, timeoutMs: 10000 });
  } finally {
    await context.close();
  }
}

async function editLatency(browser, url, errors, store = null, inputSel = RATE_INPUT, query = '') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    if (store) {
      await context.addInitScript((s) => {
        if (!localStorage.getItem('tragt.store')) localStorage.setItem('tragt.store', s);
      }, store);
    }
    const page = await context.newPage();
    watchErrors(page, errors);
    await page.goto(`${url}${query}`);
    await page.waitForSelector(`${FIGURES}[data-value]`, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForLoadState('networkidle').catch(() => {});
    return await page.evaluate(editLoop, {
      edits: EDITS, figuresSel: FIGURES, rateSel: inputSel, mark: CHART_MARK, timeoutMs: EDIT_TIMEOUT_MS,
    });
  } finally {
    await context.close();
  }
}

function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico by itself; a 404 there is not the app's error.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`console error: ${m.text()}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Nearest-rank percentile. */
function percentile(xs, p) {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}
const kb = (bytes) => (bytes / KB).toFixed(1);
const ms = (x) => x.toFixed(x < 10 ? 2 : 0);
const verdict = (ok) => (ok ? 'ok' : 'OVER');

function table(rows, header) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  console.log('  ' + line(header));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log('  ' + line(r));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const indexPath = path.join(dist, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} not found: build first (cargo xtask build)`);
  const html = await readFile(indexPath, 'utf8');

  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ headless: true, ...CHROMIUM });
  const errors = [];
  const budgets = [];
  let failed = false;
  try {
    console.log(`Tragt bench: ${dist} served at ${url}, chromium ${browser.version()}\n`);

    // Cold loads; the first one also tells which files the page really loads initially.
    // If it fails, the sizes of the files index.html references are still reported.
    const loads = [];
    let loadError = null;
    const requested = new Set();
    try {
      loads.push(await coldLoad(browser, url, errors, requested));
    } catch (e) {
      loadError = e;
    }
    const observed = new Set([...requested].filter((f) => existsSync(path.join(dist, f))));

    // Sizes of everything index.html loads initially.
    const files = new Set([...referencedFiles(html, dist), ...observed]);
    const sizes = [];
    for (const f of [...files].sort()) sizes.push(await sizeOf(dist, f));
    const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }),
      { raw: 0, gzip: 0, brotli: 0 });
    console.log('Initial transfer (KB = 1024 bytes)');
    table([
      ...sizes.map((s) => [s.file.slice(1), kb(s.raw), kb(s.gzip), kb(s.brotli)]),
      ['total', kb(total.raw), kb(total.gzip), kb(total.brotli)],
    ], ['file', 'raw KB', 'gzip KB', 'brotli KB']);
    console.log(`  total brotli ${kb(total.brotli)} KB`);
    const unseen = [...referencedFiles(html, dist)].filter((f) => !observed.has(f));
    if (unseen.length) console.log(`  (referenced but not requested on the first load: ${unseen.join(', ')})`);
    if (existsSync(path.join(dist, 'sw.js'))) {
      const sw = await sizeOf(dist, '/sw.js');
      const precached = (await readFile(path.join(dist, 'sw.js'), 'utf8')).match(/^const FILES = \[([^\]]*)\]/m);
      const count = precached ? precached[1].split(',').filter((f) => f.trim()).length : '?';
      console.log(`  after the load event, not counted: sw.js ${kb(sw.raw)} KB raw, ${kb(sw.brotli)} KB brotli; `
        + `then it caches the build's ${count} files (revalidated against the HTTP cache)`);
    }
    budgets.push(`report transfer: ${kb(total.brotli)} KB brotli (raw ${kb(total.raw)} KB; reported, not budgeted)`);
    const floor = await floorSize();
    if (floor) {
      const app = sizes.filter((s) => /\.(?:wasm|js)$/.test(s.file) && /_bg\.wasm$|^\/tragt-[0-9a-f]+\.js$/.test(s.file))
        .reduce((t, s) => t + s.brotli, 0);
      console.log(`  size floor (tests/bench/floor: the least Leptos app, two inputs and a figure, built the same way): `
        + `wasm ${kb(floor.wasm)} KB + glue ${kb(floor.glue)} KB brotli; Tragt's wasm + glue ${kb(app)} KB is `
        + `${kb(app - floor.wasm - floor.glue)} KB above it`);
      budgets.push(`reference size floor: ${kb(floor.wasm + floor.glue)} KB brotli (the least Leptos app, wasm + glue)`);
    }
    if (loadError) throw loadError;
    // Time to first figures; with a baseline build, its cold loads alternate with these, so
    // that a busy machine slows both alike.
    const baselineDir = process.env.TRAGT_BENCH_BASELINE ? path.resolve(process.env.TRAGT_BENCH_BASELINE) : null;
    const baseline = baselineDir ? await serve(baselineDir) : null;
    const baseLoads = [];
    try {
      while (loads.length < COLD_LOADS) {
        if (baseline) baseLoads.push(await coldLoad(browser, baseline.url, errors));
        loads.push(await coldLoad(browser, url, errors));
      }
      while (baseline && baseLoads.length < COLD_LOADS) baseLoads.push(await coldLoad(browser, baseline.url, errors));
    } finally {
      if (baseline) {
        baseline.server.close();
        baseline.server.closeAllConnections?.();
      }
    }
    const loadMedian = median(loads);
    const loadOk = loadMedian <= BUDGET_FIRST_FIGURES_MS;
    console.log(`\nTime to first figures (${COLD_LOADS} cold loads, ms from navigation start)`);
    console.log(`  median ${ms(loadMedian)} ms, budget ${BUDGET_FIRST_FIGURES_MS} ms: ${loadOk ? 'PASS' : 'OVER'}`);
    console.log(`  all: ${loads.map(ms).join(', ')}`);
    budgets.push(`budget first figures: ${ms(loadMedian)} ms median (≤ ${BUDGET_FIRST_FIGURES_MS}) ${verdict(loadOk)}`);
    if (baseline) {
      const baseMedian = median(baseLoads);
      const ratio = loadMedian / baseMedian;
      const ratioOk = ratio <= BUDGET_FIRST_FIGURES_RATIO;
      console.log(`  baseline ${baselineDir}: median ${ms(baseMedian)} ms (all: ${baseLoads.map(ms).join(', ')}); `
        + `ratio ${ratio.toFixed(2)}`);
      budgets.push(`budget first figures against the baseline: ${ratio.toFixed(2)} × ${ms(baseMedian)} ms `
        + `(≤ ${BUDGET_FIRST_FIGURES_RATIO.toFixed(2)}) ${verdict(ratioOk)}`);
    }

    // Edit latency: the first visit's web shop, a 20-stage scenario with the Uncertainty view open, and a
    // dense 20-state journey (edits of the share of lost people brought back: the whole chain
    // changes, two solves, the journey chart redraws).
    // (the busy scenario with its heaviest view open, the Monte Carlo's)
    const latencyRuns = [
      ['web shop template', null, RATE_INPUT, "the second stage's rate", ''],
      ['20 stages, busy, Uncertainty open', busyStore(), RATE_INPUT, "the second stage's rate", '?view=uncertainty'],
      ['20-state journey', journeyStore(), '[data-testid="journey-recovery"]', 'the recovery share', ''],
    ];
    for (const [name, store, inputSel, what, query] of latencyRuns) {
      const edits = await editLatency(browser, url, errors, store, inputSel, query);
      const figures = edits.map((e) => e.figures);
      const missingChart = edits.filter((e) => e.chart === null).length;
      console.log(`\nEdit latency, ${name} (${EDITS} edits of ${what}, ms after the input event)`);
      const rows = [['figures only', ms(median(figures)), ms(percentile(figures, 95)), ms(Math.max(...figures))]];
      if (missingChart === 0) {
        const both = edits.map((e) => Math.max(e.figures, e.chart));
        const p95 = percentile(both, 95);
        const editOk = p95 <= BUDGET_EDIT_P95_MS;
        rows.push(['figures + charts', ms(median(both)), ms(p95), ms(Math.max(...both))]);
        table(rows, ['', 'median', 'p95', 'max']);
        console.log(`  p95 figures + charts ${ms(p95)} ms, budget ${BUDGET_EDIT_P95_MS} ms: ${editOk ? 'PASS' : 'OVER'}`);
        budgets.push(`budget edit latency (${name}): ${ms(p95)} ms p95 figures+charts (≤ ${BUDGET_EDIT_P95_MS}) ${verdict(editOk)}`);
      } else {
        table(rows, ['', 'median', 'p95', 'max']);
        console.log(`  ${missingChart} of ${EDITS} edits had no performance.mark('${CHART_MARK}') afterwards`);
        budgets.push(`budget edit latency (${name}): not measured (no ${CHART_MARK} mark after ${missingChart} edits) ERROR`);
        failed = true;
      }
    }

    // Monte Carlo throughput: seed edits at 100 000 trials of the busy scenario.
    const seeds = await monteCarlo(browser, url, errors);
    const mcMedian = median(seeds);
    console.log('\nMonte Carlo (20 stages, 19 ranged; 20 seed edits at 100 000 trials, ms per simulation)');
    console.log(`  median ${ms(mcMedian)} ms, min ${ms(Math.min(...seeds))} ms: `
      + `${Math.round(100000 / (mcMedian / 1000)).toLocaleString('en')} funnel draws per second `
      + `(${ms(mcMedian / 10)} ms per 10 000 trials, percentiles and histogram included)`);
    const draws = Math.round(100000 / (mcMedian / 1000));
    budgets.push(`budget monte carlo: ${draws.toLocaleString('en')} funnel draws/s of 20 stages (≥ ${BUDGET_MC_DRAWS_PER_S.toLocaleString('en')}) ${verdict(draws >= BUDGET_MC_DRAWS_PER_S)}`);

    // Markov solve: a dense 20-state journey, one solve per edit of a state's days.
    const { isolated, solves } = await markovSolve(browser, url, errors);
    const solveMedian = median(solves);
    const solveP95 = percentile(solves, 95);
    const solveOk = solveMedian < BUDGET_MARKOV_MS;
    console.log('\nMarkov solve (dense 20-state journey; 100 edits of a state\'s days after 50 unmeasured, ms per solve)');
    console.log(`  median ${solveMedian.toFixed(3)} ms, p95 ${solveP95.toFixed(3)} ms, budget ${BUDGET_MARKOV_MS} ms: `
      + `${solveOk ? 'PASS' : 'OVER'} (clock steps: ${isolated ? '5 µs, cross-origin isolated' : '100 µs, not isolated'})`);
    budgets.push(`budget markov solve (20 states): ${solveMedian.toFixed(3)} ms median (< ${BUDGET_MARKOV_MS}) ${verdict(solveOk)}`);
  } finally {
    await browser.close().catch(() => {});
    server.close();
    server.closeAllConnections?.();
    if (errors.length) {
      console.log(`\nBrowser errors (${errors.length}):`);
      for (const e of [...new Set(errors)].slice(0, 20)) console.log(`  ${e}`);
    }
  }
  console.log('');
  for (const line of budgets) console.log(line);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench: error: ${e?.message ?? e}`);
    process.exit(1);
  },
);
