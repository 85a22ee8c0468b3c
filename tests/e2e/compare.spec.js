// The comparison's baseline, column order and units: the visitor chooses the scenario the
// others are compared against (`compare-baseline`; it falls back to the first ticked one
// when it is un-ticked), its column head says so (`data-baseline`, a localized word) and its
// cells show no change; columns follow the order the scenarios were ticked in and move with
// `compare-move-left`/`-right`; a change of a percentage (overall conversion, ROI) is in
// percentage points (`data-unit="pp"`, the difference of the two cells' data-values), every
// other one relative (`data-unit="relative"`, (value − baseline) / |baseline|). In every
// language.
const { test, expect } = require('./support/test');

/** Each language's words: the baseline's mark, the points' unit, "compare against", "difference vs." and "move … left". */
const WORDS = {
  da: { baseline: 'udgangspunkt', points: / pct\.\u2011point$/, against: 'Sammenlign med', note: 'Forskel fra', left: 'Flyt {name} til venstre' },
  sv: { baseline: 'utgångspunkt', points: /\u00a0p\.e\.$/, against: 'Jämför med', note: 'Skillnad mot', left: 'Flytta {name} åt vänster' },
  nb: { baseline: 'utgangspunkt', points: /\u00a0pp$/, against: 'Sammenlign med', note: 'Forskjell fra', left: 'Flytt {name} til venstre' },
  en: { baseline: 'baseline', points: /\u00a0pp$/, against: 'Compare against', note: 'Difference vs.', left: 'Move {name} left' },
};

/** The figures whose change is in percentage points, and some whose change is relative. */
const POINTS = ['overall-rate', 'roi'];
const RELATIVE = ['customers', 'revenue'];

/** The column heads' scenario ids, in order. */
function columnIds(table) {
  return table.locator('thead th[data-id]').evaluateAll((ths) => ths.map((th) => th.dataset.id));
}

/**
 * What the table shows, read from its hooks: the column ids, the baseline's id (from
 * `data-baseline`) and, per figure row, each column's value and change
 * ({value, diff: {value, unit, text} | null}).
 */
function readTable(table) {
  return table.evaluate((t) => {
    const ids = [...t.querySelectorAll('thead th[data-id]')].map((th) => th.dataset.id);
    const marked = [...t.querySelectorAll('thead th[data-baseline="true"]')].map((th) => th.dataset.id);
    const rows = {};
    for (const tr of t.querySelectorAll('tbody tr[data-figure]')) {
      rows[tr.dataset.figure] = [...tr.querySelectorAll('td')].map((td) => {
        const d = td.querySelector('.diff');
        return {
          value: td.dataset.value,
          diff: d && { value: d.dataset.value, unit: d.dataset.unit, text: d.textContent.trim() },
        };
      });
    }
    return { ids, marked, rows };
  });
}

/**
 * What is wrong with the table's changes against `baseline` (a scenario id), as a list of
 * messages (empty when all is right): the baseline's column is the only one marked and has
 * no change; every other column's change of a percentage is the exact difference in points,
 * of the rest the relative change, each with its unit.
 */
function problems(read, baseline, words) {
  const out = [];
  const b = read.ids.indexOf(baseline);
  if (b < 0) return [`the baseline ${baseline} is not a column: ${read.ids}`];
  if (JSON.stringify(read.marked) !== JSON.stringify([baseline])) out.push(`marked as baseline: ${read.marked}`);
  for (const [figure, cells] of Object.entries(read.rows)) {
    cells.forEach((cell, i) => {
      if (i === b) {
        if (cell.diff) out.push(`${figure}: the baseline's cell shows a change ${JSON.stringify(cell.diff)}`);
        return;
      }
      if (!cell.diff) {
        out.push(`${figure} column ${i}: no change shown`);
        return;
      }
      const points = POINTS.includes(figure);
      const want = points ? 'pp' : 'relative';
      if (cell.diff.unit !== want) out.push(`${figure} column ${i}: data-unit ${cell.diff.unit}, not ${want}`);
      if (cell.value === '' || cells[b].value === '') return;
      const v = Number(cell.value);
      const base = Number(cells[b].value);
      const got = Number(cell.diff.value);
      if (points) {
        if (got !== v - base) out.push(`${figure} column ${i}: ${got} is not ${v} − ${base} = ${v - base}`);
        if (!words.points.test(cell.diff.text)) out.push(`${figure} column ${i}: "${cell.diff.text}" is not in points`);
      } else if (base !== 0) {
        const rel = (v - base) / Math.abs(base);
        if (Math.abs(got - rel) > 1e-12 * Math.max(1, Math.abs(rel))) out.push(`${figure} column ${i}: ${got} is not (${v} − ${base}) / |${base}| = ${rel}`);
        if (!/%$/.test(cell.diff.text)) out.push(`${figure} column ${i}: "${cell.diff.text}" is not a percentage`);
      }
    });
  }
  return out;
}

/** Waits until the table's changes are against `baseline` and right. */
async function expectBaseline(tragt, baseline, words, message) {
  const table = tragt.byId('compare-table');
  await expect.poll(async () => problems(await readTable(table), baseline, words), { message }).toEqual([]);
}

/**
 * Three scenarios that differ in their conversion (and so in customers, revenue, ROI):
 * Alpha (the template's), Beta and Gamma, with Alpha open. Returns their ids by name.
 */
async function threeScenarios(tragt) {
  await tragt.renameScenario('Alpha');
  await tragt.byId('scenario-duplicate').click();
  await tragt.renameScenario('Beta');
  await tragt.typeRate(2, '30');
  await tragt.byId('scenario-duplicate').click();
  await tragt.renameScenario('Gamma');
  await tragt.typeRate(2, '12');
  await expect.poll(async () => (await tragt.scenarios()).map((s) => s.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
  const ids = Object.fromEntries((await tragt.scenarios()).map((s) => [s.name, s.id]));
  await tragt.switchScenario(ids.Alpha);
  return ids;
}

for (const [lang, words] of Object.entries(WORDS)) {
  test(`${lang}: the visitor chooses the baseline, orders the columns, and percentages change in points`, async ({ tragt, page }) => {
    await tragt.open({ template: 'webshop', lang });
    const ids = await threeScenarios(tragt);
    await tragt.openView('compare');
    const table = tragt.byId('compare-table');
    const select = tragt.byId('compare-baseline');
    const pick = (name) => tragt.byId('compare-pick').and(page.locator(`[value="${ids[name]}"]`));

    // at first: the open scenario and the next one, the first of them the baseline
    await expect.poll(() => columnIds(table)).toEqual([ids.Alpha, ids.Beta]);
    await expect(page.getByLabel(words.against)).toHaveValue(ids.Alpha);
    await expect(select.locator('option')).toHaveText(['Alpha', 'Beta']);
    await expectBaseline(tragt, ids.Alpha, words, 'changes against Alpha');
    const alphaHead = table.locator(`thead th[data-id="${ids.Alpha}"]`);
    await expect(alphaHead).toContainText(words.baseline);
    await expect(table.locator(`thead th[data-id="${ids.Beta}"]`)).not.toContainText(words.baseline);
    await expect(tragt.page.locator('.compare .hint').last()).toHaveText(`${words.note} Alpha`);

    // ticked third, Gamma is the third column
    await pick('Gamma').check();
    await expect.poll(() => columnIds(table)).toEqual([ids.Alpha, ids.Beta, ids.Gamma]);
    await expect(select.locator('option')).toHaveText(['Alpha', 'Beta', 'Gamma']);

    // Beta as the baseline: its column shows no change, the others are against it
    const before = await readTable(table);
    await tragt.choose(select, ids.Beta);
    await expectBaseline(tragt, ids.Beta, words, 'changes against Beta');
    await expect(table.locator(`thead th[data-id="${ids.Beta}"]`)).toContainText(words.baseline);
    await expect(alphaHead).not.toContainText(words.baseline);
    await expect(tragt.page.locator('.compare .hint').last()).toHaveText(`${words.note} Beta`);
    const after = await readTable(table);
    // Gamma's changes are other numbers now (against Beta, not Alpha)
    expect(after.rows['overall-rate'][2].diff.value).not.toBe(before.rows['overall-rate'][2].diff.value);
    expect(after.rows.customers[2].diff.value).not.toBe(before.rows.customers[2].diff.value);

    // un-ticking the baseline falls back to the first ticked; ticking it again puts it last
    await pick('Beta').uncheck();
    await expect.poll(() => columnIds(table)).toEqual([ids.Alpha, ids.Gamma]);
    await expect(select).toHaveValue(ids.Alpha);
    await expectBaseline(tragt, ids.Alpha, words, 'back to Alpha once Beta is un-ticked');
    await pick('Beta').check();
    await expect.poll(() => columnIds(table)).toEqual([ids.Alpha, ids.Gamma, ids.Beta]);
    await expectBaseline(tragt, ids.Alpha, words, 'still Alpha with Beta ticked again');

    // the move buttons: disabled at the ends, named after their column, and they reorder
    const heads = table.locator('thead th[data-id]');
    await expect(heads.first().getByTestId('compare-move-left')).toBeDisabled();
    await expect(heads.last().getByTestId('compare-move-right')).toBeDisabled();
    await expect(heads.nth(1).getByTestId('compare-move-left')).toBeEnabled();
    await expect(alphaHead.getByTestId('compare-move-left')).toHaveAccessibleName(words.left.replace('{name}', 'Alpha'));
    await alphaHead.getByTestId('compare-move-right').click();
    await expect.poll(() => columnIds(table)).toEqual([ids.Gamma, ids.Alpha, ids.Beta]);
    await expect(alphaHead.getByTestId('compare-move-right'), 'the focus stays on the button').toBeFocused();
    await tragt.page.keyboard.press('Enter');
    await expect.poll(() => columnIds(table)).toEqual([ids.Gamma, ids.Beta, ids.Alpha]);
    // at the right end now: the focus moves to the button beside it
    await expect(alphaHead.getByTestId('compare-move-left')).toBeFocused();
    await table.locator(`thead th[data-id="${ids.Gamma}"]`).getByTestId('compare-move-right').click();
    await expect.poll(() => columnIds(table)).toEqual([ids.Beta, ids.Gamma, ids.Alpha]);
    // the order changed, the baseline did not: Alpha, now last, is still what the others are against
    await expect(select.locator('option')).toHaveText(['Beta', 'Gamma', 'Alpha']);
    await expect(select).toHaveValue(ids.Alpha);
    await expectBaseline(tragt, ids.Alpha, words, 'Alpha stays the baseline after the moves');
    await tragt.choose(select, ids.Gamma);
    await expectBaseline(tragt, ids.Gamma, words, 'changes against Gamma in the middle');
    // a chosen baseline moves with its column, and the choice still names it
    await table.locator(`thead th[data-id="${ids.Gamma}"]`).getByTestId('compare-move-left').click();
    await expect.poll(() => columnIds(table)).toEqual([ids.Gamma, ids.Beta, ids.Alpha]);
    await expect(select).toHaveValue(ids.Gamma);
    await expect(select.locator('option:checked')).toHaveText('Gamma');
    await expectBaseline(tragt, ids.Gamma, words, 'Gamma, moved first, is still the baseline');

    // an edit follows: the changes are still exact against Gamma
    await tragt.switchScenario(ids.Beta);
    await tragt.typeRate(2, '45');
    await expectBaseline(tragt, ids.Gamma, words, 'changes after an edit');
  });
}

test('a change of a percentage is the difference in points, of an amount relative to it', async ({ tragt }) => {
  await tragt.open({ template: 'webshop', lang: 'en' });
  await tragt.byId('scenario-duplicate').click();
  // a higher rate of the second stage: more customers, a higher overall rate and ROI
  await tragt.typeRate(2, '30');
  await tragt.openView('compare');
  const table = tragt.byId('compare-table');
  await expect(table).toBeVisible();
  for (const figure of [...POINTS, ...RELATIVE]) {
    const row = table.locator(`tr[data-figure="${figure}"]`);
    const diff = row.locator('td').nth(1).locator('.diff');
    await expect(diff).toHaveAttribute('data-unit', POINTS.includes(figure) ? 'pp' : 'relative');
    const [v, b, d] = [
      Number(await row.locator('td').nth(1).getAttribute('data-value')),
      Number(await row.locator('td').nth(0).getAttribute('data-value')),
      Number(await diff.getAttribute('data-value')),
    ];
    if (POINTS.includes(figure)) {
      expect(d, figure).toBe(v - b);
      // "+12.34 pp" (a no-break space before the unit): the difference × 100, at most two decimals
      const text = (await diff.textContent()).trim();
      expect(text, figure).toMatch(/^[+−-]?[\d,.]+\u00a0pp$/);
      const n = text.replace(/\u00a0pp$/, '');
      expect(Number(n.replace(/,/g, '').replace('−', '-')), figure).toBeCloseTo(d * 100, 2);
      await expect(diff).toHaveAttribute('title', `${n} percentage points`);
    } else {
      expect(Math.abs(d - (v - b) / Math.abs(b)), figure).toBeLessThan(1e-12);
      await expect(diff).toHaveText(/%$/);
    }
  }
});
