// Keyboard only: a visitor without a mouse picks a template, edits, adds, reorders and
// removes stages, names and saves the scenario, opens another and comes back, and reads the
// results. Every focus stop shows a visible focus ring, focus is never lost to the page
// when the control under it goes away or moves, and Tab leads through the whole page and
// out again (no trap). A guard fails the test on any pointer event.
const { test, expect } = require('./support/test');

test.skip(({ isMobile }) => isMobile, 'desktop only: a keyboard journey');

/** Describes the focused element: its test id, or tag and text. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: 'body' };
    const s = getComputedStyle(el);
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const stage = el.closest('[data-testid="stage"]');
    return {
      id: el.dataset.testid || `${el.tagName.toLowerCase()}:${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}`,
      stage: stage ? [...document.querySelectorAll('[data-testid="stage"]')].indexOf(stage) : -1,
      visible: el.matches(':focus-visible') && ring,
      tag: el.tagName.toLowerCase(),
    };
  });
}

class Keys {
  constructor(page) {
    this.page = page;
    this.invisible = [];
  }
  /** Presses Tab (or Shift+Tab) until the focused element has `testid` (in stage `stage`). */
  async tabTo(testid, { stage = -1, back = false, max = 300 } = {}) {
    for (let i = 0; i < max; i += 1) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const f = await focused(this.page);
      if (f.id !== 'body' && !f.visible) this.invisible.push(f.id);
      if (f.id === testid && (stage < 0 || f.stage === stage)) return f;
    }
    throw new Error(`${testid}${stage >= 0 ? ` in stage ${stage}` : ''} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
  }
  /** Replaces the focused field's text by typing. */
  async retype(text) {
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
  }
  /** Moves a focused select with the arrow keys until it has `value`. */
  async arrowTo(value, max = 30) {
    for (let i = 0; i < max; i += 1) {
      if ((await this.page.evaluate(() => document.activeElement.value)) === value) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`option ${value} not reached with ArrowDown`);
  }
}

test('pick a template, edit, add, reorder, remove, save and switch scenarios: no mouse', async ({ tragt, page }) => {
  await tragt.open({ lang: 'en' });
  await page.evaluate(() => {
    window.__pointer = [];
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'wheel']) {
      window.addEventListener(type, (e) => window.__pointer.push(`${type} on ${e.target.tagName}`), true);
    }
  });
  const keys = new Keys(page);

  // a template, chosen with the arrow keys
  await keys.tabTo('template-select');
  await keys.arrowTo('b2b');
  await expect(tragt.stages()).toHaveCount(6);

  // edit the top stage; the figures follow
  const before = await tragt.value('out-customers');
  await keys.tabTo('stage-count', { stage: 0 });
  await keys.retype('4000');
  await expect.poll(() => tragt.value('out-customers'), 'customers follow the typed count').not.toBe(before);
  expect(await tragt.stageValue(0, 'stage-entrants')).toBe(4000);

  // add a stage: focus goes to the new stage's name, ready to type
  await keys.tabTo('stage-add');
  await page.keyboard.press('Enter');
  await expect(tragt.stages()).toHaveCount(7);
  await expect.poll(() => focused(page), { message: 'the new stage name has focus' }).toMatchObject({ id: 'stage-name', stage: 6 });
  await keys.retype('Upsell');

  // move it up twice with its own button: focus stays on the button as the stage moves
  await keys.tabTo('stage-up', { stage: 6 });
  await page.keyboard.press('Enter');
  await expect.poll(() => tragt.stageNames()).toEqual(expect.arrayContaining(['Upsell']));
  expect((await tragt.stageNames()).indexOf('Upsell')).toBe(5);
  await expect.poll(() => focused(page), { message: 'focus moved with the stage' }).toMatchObject({ id: 'stage-up', stage: 5 });
  await page.keyboard.press('Space');
  expect((await tragt.stageNames()).indexOf('Upsell')).toBe(4);
  await expect.poll(() => focused(page)).toMatchObject({ id: 'stage-up', stage: 4 });

  // remove it: focus lands on the stage that took its place, never on the page itself
  await keys.tabTo('stage-remove', { stage: 4 });
  await page.keyboard.press('Enter');
  await expect(tragt.stages()).toHaveCount(6);
  expect(await tragt.stageNames()).not.toContain('Upsell');
  // focus lands on the stage that took its place (in the next frame), not on the page
  await expect.poll(() => focused(page), { message: 'focus stays in the list of stages' }).toMatchObject({ stage: 4 });
  expect((await focused(page)).id, 'focus is not lost after a removal').not.toBe('body');

  // name it (saved automatically), then a new scenario, then back by the scenario list
  await keys.tabTo('scenario-name', { back: true });
  await keys.retype('Keyboard plan');
  await keys.tabTo('scenario-new');
  await page.keyboard.press('Enter');
  await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(2);
  await expect(tragt.byId('scenario-name')).not.toHaveValue('Keyboard plan');
  await keys.tabTo('scenario-select', { back: true });
  const ids = await tragt.scenarios();
  const plan = ids.find((s) => s.name === 'Keyboard plan');
  for (let i = 0; i < ids.length && (await tragt.currentScenarioId()) !== plan.id; i += 1) await page.keyboard.press('ArrowUp');
  await expect(tragt.byId('scenario-name')).toHaveValue('Keyboard plan');
  await expect(tragt.stages()).toHaveCount(6);
  expect(await tragt.stageValue(0, 'stage-entrants')).toBe(4000);

  // saved: a reload brings both scenarios back
  await tragt.waitForSave((store) => JSON.stringify(store).includes('Keyboard plan'));
  await tragt.reload();
  expect((await tragt.scenarios()).map((s) => s.name)).toContain('Keyboard plan');

  expect(keys.invisible, 'every focus stop shows a focus ring').toEqual([]);
  expect(await page.evaluate(() => window.__pointer || []), 'no pointer was used').toEqual([]);
});

test('Tab goes through every control of the page and out again, in a funnel (with and without a view open) and in a journey', async ({ tragt, page }) => {
  for (const [template, view] of [['webshop', null], ['webshop', 'uncertainty'], ['hexagon', 'journey']]) {
    await tragt.open({ lang: 'da', template, ...(view ? { view } : {}) });
    // the views' tabs, and the view asked for (a journey's own opens by itself) with its fields
    await expect(page.getByRole('tablist')).toBeVisible();
    if (view) await expect(tragt.byId(`view-${view}`)).toBeVisible();
    if (view === 'uncertainty') await expect(tragt.inStage(1, 'stage-rate-low')).toBeVisible();
    const stops = [];
    let wrapped = false;
    for (let i = 0; i < 1500; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.id !== 'body' && !f.visible) throw new Error(`${template}: no visible focus on ${f.id}`);
      if (stops.length && (f.id === 'body' || f.id === stops[0])) {
        wrapped = true;
        break;
      }
      stops.push(f.id);
    }
    expect(wrapped, `${template}: Tab leaves the page after ${stops.length} stops`).toBe(true);
    // every visible control; a group of radio buttons is one stop
    const focusable = await page.evaluate(() => {
      const groups = new Set();
      return [...document.querySelectorAll('a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea, [tabindex]:not([tabindex="-1"])')]
        .filter((el) => el.tabIndex >= 0 && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => {
          if (el.type !== 'radio' || !el.name) return true;
          if (groups.has(el.name)) return false;
          groups.add(el.name);
          return true;
        }).length;
    });
    expect(stops.length, `${template}: every visible control is a stop`).toBe(focusable);
    expect(stops.at(-1), `${template}: the last stop is the footer's link`).toMatch(/^a:/);
  }
});
