// Files: the open scenario or all of them as JSON, imported in another browser as the same
// scenarios (fresh ids, free names, nothing replaced); files that are not ours, too new,
// too large or hostile say so and change nothing; the results as CSV in the UI language's
// conventions, with exactly the numbers the page shows.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/test');
const { OUTPUTS } = require('./pages/tragt');

const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const IMPORTED = {
  en: (n) => `Imported ${n} scenario(s); your other scenarios are unchanged.`,
  da: (n) => `${n} scenarie(r) importeret; dine andre scenarier er uændrede.`,
  sv: (n) => `${n} scenario(n) importerade; dina andra scenarier är oförändrade.`,
};
const IMPORT_FAILED = {
  notJson: {
    en: (f) => `“${f}” is not a Tragt file (it is not JSON). Nothing was imported.`,
    da: (f) => `»${f}« er ikke en Tragt-fil (det er ikke JSON). Intet er importeret.`,
    sv: (f) => `”${f}” är ingen Tragt-fil (det är inte JSON). Inget importerades.`,
  },
  notOurs: {
    en: (f) => `“${f}” is JSON, but not a Tragt file. Nothing was imported.`,
    da: (f) => `»${f}« er JSON, men ikke en Tragt-fil. Intet er importeret.`,
    sv: (f) => `”${f}” är JSON, men ingen Tragt-fil. Inget importerades.`,
  },
  future: {
    en: (f) => `“${f}” was made by a newer version of Tragt. Nothing was imported.`,
    da: (f) => `»${f}« er lavet af en nyere version af Tragt. Intet er importeret.`,
    sv: (f) => `”${f}” skapades av en nyare version av Tragt. Inget importerades.`,
  },
  empty: {
    en: (f) => `“${f}” holds no usable scenario. Nothing was imported.`,
    da: (f) => `»${f}« indeholder intet brugbart scenarie. Intet er importeret.`,
    sv: (f) => `”${f}” innehåller inget användbart scenario. Inget importerades.`,
  },
  tooLarge: {
    en: (f) => `“${f}” is larger than 1 MB, too large for a Tragt file. Nothing was imported.`,
    da: (f) => `»${f}« er større end 1 MB, for stor til en Tragt-fil. Intet er importeret.`,
    sv: (f) => `”${f}” är större än 1 MB, för stor för en Tragt-fil. Inget importerades.`,
  },
};
const CSV_LABELS = {
  en: {
    header: ['Stage', 'Entrants', 'Drop-off', 'Chance to buy', 'Value per person', 'Cost per entrant'],
    totals: ['Figure', 'Value'],
    figures: ['Customers', 'Overall conversion', 'Revenue from first purchases', 'Cost per lead', 'Cost per customer (CAC)',
      'Return on ad spend (ROAS)', 'Customer lifetime value (LTV)', 'Customer value to cost (LTV : CAC)', 'Payback time per customer (months)',
      'Return on investment (ROI)'],
  },
  da: {
    header: ['Trin', 'Antal', 'Frafald', 'Chance for køb', 'Værdi pr. person', 'Omkostning pr. person'],
    totals: ['Nøgletal', 'Værdi'],
    figures: ['Kunder', 'Samlet konvertering', 'Omsætning fra første køb', 'Omkostning pr. kundeemne (lead)',
      'Omkostning pr. kunde (CAC)', 'Afkast på annoncekroner (ROAS)', 'Kundeværdi over tid (LTV)',
      'Kundeværdi mod omkostning (LTV : CAC)', 'Tilbagebetalingstid pr. kunde (måneder)', 'Afkast (ROI)'],
  },
};
/** The per-stage columns of the CSV, as the page's test ids. */
const CSV_STAGE_COLUMNS = ['stage-entrants', 'stage-drop-off', 'stage-probability', 'stage-value', 'stage-cost-per-entrant'];

async function scenarioNames(tragt) {
  return (await tragt.scenarios()).map((s) => s.name);
}

/** Opens a scenario by name. */
async function openByName(tragt, name) {
  const found = (await tragt.scenarios()).find((s) => s.name === name);
  expect(found, `a scenario named ${name}`).toBeTruthy();
  await tragt.switchScenario(found.id);
  await expect(tragt.byId('scenario-name')).toHaveValue(name);
}

/** Everything an import must leave alone: the raw store, the list, the open scenario, its figures. */
async function state(tragt) {
  await tragt.flushSaves(); // a pending write is made now
  return {
    store: (await tragt.storage())['tragt.store'],
    scenarios: await tragt.scenarios(),
    current: await tragt.currentScenarioId(),
    figures: await tragt.snapshot(),
  };
}

/** Saves a scenario of the visitor's own, named `name`, top count `top`. */
async function ownScenario(tragt, { lang = 'en', template = 'webshop', name, top }) {
  await tragt.open({ lang, template });
  await tragt.renameScenario(name);
  await tragt.typeCount(0, String(top));
  await tragt.waitForSave((s) => s.scenarios.some((x) => x.name === name && x.top === Number(top)));
}

test.describe('JSON export and import', () => {
  test('one scenario: exported, then imported in another browser, it is the same scenario', async ({ tragt, newVisitor }) => {
    await tragt.open({ lang: 'en', template: 'b2b' });
    await tragt.byId('scenario-duplicate').click(); // a second scenario, which must not go along
    await tragt.renameScenario('Q3 plan: B2B');
    await tragt.typeCount(0, '48000');
    await tragt.typeRate(2, '12.5');
    await tragt.typeName(1, 'Demo booked');
    await tragt.setMoney({ spend: 25000.5, aov: 1800, freq: 1.5, margin: 62, method: 'simple', lifespan: 4.5 });
    await tragt.selectCurrency('EUR');
    const view = await tragt.scenarioView();

    const file = await tragt.download('export-json');
    expect(file.name).toBe('tragt-Q3-plan--B2B.json');
    const doc = JSON.parse(file.text);
    expect(doc.format).toBe('tragt');
    expect(doc.version).toBe(5);
    expect(doc.scenarios.map((s) => s.name)).toEqual(['Q3 plan: B2B']);
    expect(doc.scenarios[0].top).toBe(48000);
    expect(doc.current).toBe(await tragt.currentScenarioId());

    const visitor = await newVisitor();
    await visitor.open({ lang: 'en', template: 'aida' });
    const [theirs] = await visitor.scenarios();
    await visitor.importFile(file.name, file.text);
    await expect(visitor.notice()).toContainText(IMPORTED.en(1));
    await expect.poll(() => scenarioNames(visitor)).toEqual([theirs.name, 'Q3 plan: B2B']);
    await expect(visitor.byId('scenario-name')).toHaveValue('Q3 plan: B2B');
    expect(await visitor.currentScenarioId()).not.toBe(doc.scenarios[0].id);
    expect(await visitor.scenarioView()).toEqual(view);

    // saved like any other scenario
    await visitor.waitForSave((s) => s.scenarios.length === 2);
    await visitor.reload();
    await openByName(visitor, 'Q3 plan: B2B');
    expect(await visitor.scenarioView()).toEqual(view);
  });

  test('all scenarios: every one comes back with its names and figures, under fresh ids and free names', async ({ tragt, newVisitor }, info) => {
    test.skip(info.project.name === 'phone', 'desktop only: the phone project runs the one-scenario journey');
    await tragt.open({ lang: 'en', template: 'webshop' });
    await tragt.renameScenario('Shop A');
    await tragt.typeCount(0, '60000');
    await tragt.setMoney({ spend: 30000, method: 'retention', retention: 70, discount: 5 });
    await tragt.selectCurrency('DKK');
    await tragt.byId('scenario-new').click();
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
    await tragt.renameScenario('Shop B');
    await tragt.typeRate(1, '4');
    await tragt.setMoney({ aov: 99.5 });
    await tragt.selectTemplate('readiness'); // B is edited: the template opens as a third scenario
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(3);
    await tragt.renameScenario('Readiness C');
    await tragt.typeRate(3, '55');
    await tragt.addStage();
    await tragt.typeName(12, 'Thirteenth');

    const originals = await tragt.scenarios();
    const views = {};
    for (const s of originals) {
      await tragt.switchScenario(s.id);
      views[s.name] = await tragt.scenarioView();
    }
    expect(Object.keys(views)).toEqual(['Shop A', 'Shop B', 'Readiness C']);
    expect(views['Shop A'].figures).not.toEqual(views['Shop B'].figures);

    const file = await tragt.download('export-all');
    expect(file.name).toBe('tragt-scenarios.json');
    const doc = JSON.parse(file.text);
    expect(doc.format).toBe('tragt');
    expect(doc.version).toBe(5);
    expect(doc.scenarios.map((s) => s.name)).toEqual(['Shop A', 'Shop B', 'Readiness C']);

    // the visitor has a "Shop A" of their own
    const visitor = await newVisitor();
    await ownScenario(visitor, { name: 'Shop A', top: 5 });
    const mine = (await visitor.savedStore()).scenarios[0];

    await visitor.importFile(file.name, file.text);
    await expect(visitor.notice()).toContainText(IMPORTED.en(3));
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Shop A', 'Shop A (2)', 'Shop B', 'Readiness C']);
    await expect(visitor.byId('scenario-name')).toHaveValue('Shop A (2)'); // the first one imported is open
    for (const [name, as] of [['Shop A', 'Shop A (2)'], ['Shop B', 'Shop B'], ['Readiness C', 'Readiness C']]) {
      await openByName(visitor, as);
      expect(await visitor.scenarioView(), `${name} imported as ${as}`).toEqual({ ...views[name], name: as });
    }
    await openByName(visitor, 'Shop A');
    await visitor.expectStageValue(0, 'stage-entrants', 5);

    await visitor.waitForSave((s) => s.scenarios.length === 4);
    const store = await visitor.savedStore();
    expect(store.scenarios[0], 'the visitor\'s own scenario is untouched').toEqual(mine);
    const ids = store.scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(4);
    for (const s of doc.scenarios) expect(ids).not.toContain(s.id);

    // the same file again adds three more; nothing is replaced
    await visitor.importFile(file.name, file.text);
    await expect.poll(() => scenarioNames(visitor)).toEqual([
      'Shop A', 'Shop A (2)', 'Shop B', 'Readiness C', 'Shop A (3)', 'Shop B (2)', 'Readiness C (2)',
    ]);
    await openByName(visitor, 'Readiness C (2)');
    expect(await visitor.scenarioView()).toEqual({ ...views['Readiness C'], name: 'Readiness C (2)' });
  });
});

test.describe('files that are not imported', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: file checks do not depend on the viewport');

  // a good file: two scenarios, "Webshop juni" and "SaaS Q3"
  const good = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'store-v1.json'), 'utf8');
  const KINDS = [
    ['not JSON', 'notes.json', 'hello, world', 'notJson'],
    ['cut short', 'cut.json', good.slice(0, good.length / 2), 'notJson'],
    ['JSON, but not ours', 'other.json', '{"a":1}', 'notOurs'],
    ['a JSON array', 'list.json', '[1,2,3]', 'notOurs'],
    ['another format name', 'other-format.json', '{"format":"trakt","version":1,"scenarios":[]}', 'notOurs'],
    ['from a future version', 'future.json', '{"format":"tragt","version":99}', 'future'],
    ['ours, without scenarios', 'empty.json', '{"format":"tragt","version":1,"current":"","scenarios":[]}', 'empty'],
    ['ours, without a usable scenario', 'no-stages.json',
      '{"format":"tragt","version":1,"current":"a","scenarios":[{"id":"a","name":"No stages","stages":[]}]}', 'empty'],
    ['over 1 MB (a good file, padded)', 'big.json', good + ' '.repeat(1024 * 1024), 'tooLarge'],
    ['with markup in its file name', `${HOSTILE}.json`, 'nope', 'notJson'],
  ];

  for (const [title, name, content, kind] of KINDS) {
    test(`${title}: a message, nothing changes`, async ({ tragt, page }) => {
      await ownScenario(tragt, { name: 'Mine', top: 1234 });
      await tragt.byId('scenario-duplicate').click();
      await tragt.renameScenario('Mine too');
      await tragt.waitForSave((s) => s.scenarios.length === 2);
      const before = await state(tragt);

      await tragt.importFile(name, content);
      await expect(tragt.notice()).toContainText(IMPORT_FAILED[kind].en(name));
      expect(await state(tragt), 'store, list, open scenario and figures unchanged').toEqual(before);
      expect(await page.evaluate(() => [window.__pwned, document.querySelectorAll('img').length])).toEqual([undefined, 0]);

      // the file input still works: a good file is imported after the bad one
      await tragt.importFile('good.json', good);
      await expect(tragt.notice()).toContainText(IMPORTED.en(2));
      await expect.poll(() => scenarioNames(tragt)).toEqual(['Mine', 'Mine too', 'Webshop juni', 'SaaS Q3']);
    });
  }

  test('the messages are in the UI language', async ({ tragt }) => {
    for (const [lang, name, content, kind] of [
      ['da', 'noter.json', 'hej', 'notJson'],
      ['sv', 'annat.json', '{"b":2}', 'notOurs'],
      ['da', 'fremtid.json', '{"format":"tragt","version":99}', 'future'],
      ['sv', 'stor.json', ' '.repeat(1024 * 1024 + 1), 'tooLarge'],
    ]) {
      await tragt.open({ lang, template: 'aida' });
      const before = await state(tragt);
      await tragt.importFile(name, content);
      await expect(tragt.notice()).toContainText(IMPORT_FAILED[kind][lang](name));
      expect(await state(tragt)).toEqual(before);
    }
  });

  test('names with markup are imported as text, and nothing runs', async ({ tragt, page }) => {
    await tragt.open({ lang: 'en', template: 'webshop' });
    const doc = JSON.parse((await tragt.download('export-json')).text);
    doc.scenarios[0].name = HOSTILE;
    doc.scenarios[0].stages[0] = { ...doc.scenarios[0].stages[0], template_stage: undefined, name: '<script>window.__pwned=2</script>' };
    doc.scenarios[0].stages[1] = { ...doc.scenarios[0].stages[1], template_stage: undefined, name: '"><svg onload=window.__pwned=3>' };
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));

    await tragt.importFile('names.json', JSON.stringify(doc));
    await expect(tragt.notice()).toContainText(IMPORTED.en(1));
    await expect(tragt.byId('scenario-name')).toHaveValue(HOSTILE);
    expect(await tragt.selectedOptionText()).toBe(HOSTILE);
    expect((await tragt.stageNames()).slice(0, 2)).toEqual(['<script>window.__pwned=2</script>', '"><svg onload=window.__pwned=3>']);
    expect(await page.evaluate(() => ({
      pwned: window.__pwned,
      imgs: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      inlineScripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
    }))).toEqual({ pwned: undefined, imgs: 0, svgs: 0, inlineScripts: 0 });
    expect(requests).not.toContain('/x');

    // its file names are made of safe characters only
    expect((await tragt.download('export-json')).name).toBe('tragt-img-src-x-onerror-window-__pwned-1.json');
    expect((await tragt.download('export-csv')).name).toBe('tragt-img-src-x-onerror-window-__pwned-1.csv');
  });
});

/** Splits CSV text (RFC 4180: quoted fields may hold separators, quotes and line breaks) into rows. */
function parseCsv(text, sep) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** The page's data-value attributes as written: {out: {id: text}, stages: [{id: text}]}. */
async function rawValues(page) {
  return page.evaluate(({ outputs, columns }) => {
    const read = (el) => el.getAttribute('data-value');
    const out = {};
    for (const id of outputs) out[id] = read(document.querySelector(`[data-testid="${id}"]`));
    const stages = [...document.querySelectorAll('[data-testid="stage"]')].map((row) =>
      Object.fromEntries(columns.map((id) => [id, read(row.querySelector(`[data-testid="${id}"]`))])));
    return { out, stages };
  }, { outputs: OUTPUTS, columns: CSV_STAGE_COLUMNS });
}

/**
 * Downloads the CSV and checks it against the page: BOM, CRLF, the language's separator
 * and decimal mark, labels, stage names (formula-looking ones defused), and every number
 * equal to the page's data-value. Returns the parsed rows.
 */
async function checkCsv(tragt, lang, expectedName) {
  const sep = lang === 'en' ? ',' : ';';
  const decimal = lang === 'en' ? '.' : ',';
  const file = await tragt.download('export-csv');
  expect(file.name).toBe(expectedName);
  expect([...file.bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  const body = file.text.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  expect(body.replace(/\r\n/g, ''), 'every line ends in CRLF').not.toMatch(/[\r\n]/);
  const rows = parseCsv(body, sep);

  const names = await tragt.stageNames();
  const raw = await rawValues(tragt.page);
  const labels = CSV_LABELS[lang];
  const n = names.length;
  expect(rows.length).toBe(1 + n + 1 + 1 + 10);
  expect(rows[0]).toEqual(labels.header);
  /** A number as the CSV must write it: the data-value with the language's decimal mark. */
  const cell = (dataValue) => dataValue.replace('.', decimal);
  for (let i = 0; i < n; i += 1) {
    const name = /^[=+\-@]/.test(names[i]) ? `'${names[i]}` : names[i];
    expect(rows[1 + i], `stage ${i + 1}`).toEqual([name, ...CSV_STAGE_COLUMNS.map((id) => cell(raw.stages[i][id]))]);
  }
  expect(rows[1 + n]).toEqual(['']);
  expect(rows[2 + n]).toEqual(labels.totals);
  const totals = rows.slice(3 + n);
  expect(totals.map((r) => r[0])).toEqual(labels.figures);
  expect(totals.map((r) => r[1]), 'the ten figures equal the page').toEqual(OUTPUTS.map((id) => cell(raw.out[id])));
  for (const r of [...rows.slice(1, 1 + n), ...totals]) {
    for (const c of r.slice(1)) {
      if (c !== '') expect(Number(c.replace(decimal, '.')), `${c} is a number`).not.toBeNaN();
    }
  }
  return rows;
}

test.describe('results as CSV', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: the file does not depend on the viewport');

  test('en: comma-separated, decimal point, the page\'s numbers, formula-looking names defused', async ({ tragt }) => {
    await tragt.open({ lang: 'en', template: 'b2b' });
    await tragt.renameScenario('Q3 plan');
    await tragt.typeName(0, '=HYPERLINK("http://evil.example","x")');
    await tragt.typeName(1, '+1 leads');
    await tragt.typeName(2, '-2 MQL');
    await tragt.typeName(3, '@SQL, qualified');
    await tragt.typeCount(0, '48000');
    await tragt.typeRate(2, '12.5');
    await tragt.setMoney({ spend: 25000.5, aov: 1800.25, margin: 62 });
    const rows = await checkCsv(tragt, 'en', 'tragt-Q3-plan.csv');
    expect(rows[1][0]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[4][0]).toBe('\'@SQL, qualified');
    expect(rows.slice(1).some((r) => r.slice(1).some((c) => c.includes('.'))), 'some decimals').toBe(true);

    // undefined figures are empty cells
    await tragt.typeCount(0, '0');
    await tragt.expectValue('out-cac', null);
    const empty = await checkCsv(tragt, 'en', 'tragt-Q3-plan.csv');
    expect(empty[empty.length - 6], 'CAC').toEqual(['Cost per customer (CAC)', '']);
  });

  test('da: semicolon-separated, decimal comma, the page\'s numbers', async ({ tragt }) => {
    await tragt.open({ lang: 'da', template: 'kobstragt' });
    await tragt.renameScenario('Kampagne efterår');
    await tragt.typeName(0, 'Besøgende; alle kanaler');
    await tragt.typeName(1, '=1+1');
    await tragt.typeCount(0, '12500');
    await tragt.typeRate(1, '37,5');
    await tragt.setMoney({ spend: '9999,5', aov: '349,95', freq: '2,5', margin: '40', method: 'simple', lifespan: '3,5' });
    const rows = await checkCsv(tragt, 'da', 'tragt-Kampagne-efterår.csv');
    expect(rows[1][0]).toBe('Besøgende; alle kanaler');
    expect(rows[2][0]).toBe('\'=1+1');
    const numbers = rows.slice(1).flatMap((r) => r.slice(1)).filter((c) => /\d/.test(c));
    expect(numbers.some((c) => c.includes(',')), 'decimal commas').toBe(true);
    expect(numbers.filter((c) => c.includes('.')), 'no decimal points').toEqual([]);
  });
});
