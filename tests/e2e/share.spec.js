// Share links: the whole scenario travels in the URL fragment (`#s=1.<base64url zlib>`).
// Opened in somebody else's browser it is the same scenario — every figure, name and
// money field — shown as "not saved" until they save it (under a new id, never over a
// scenario of theirs) or close it. Damaged, altered, too long or foreign links say so
// and leave the app and its saved scenarios exactly as they were. Names are text.
const { test, expect } = require('./support/test');
const { decodeShareLink, encodeSharePayload, sharePayload } = require('./pages/tragt');

const NOT_SAVED = { en: '(not saved)', da: '(ikke gemt)', sv: '(inte sparat)' };
const SAVED = {
  en: (name) => `“${name}” is saved in your scenarios.`,
  da: (name) => `»${name}« er gemt blandt dine scenarier.`,
  sv: (name) => `”${name}” är sparat bland dina scenarier.`,
};
const FAILED = {
  tooLong: {
    en: 'This share link is longer than 8 KB, so it was not opened. The calculator started as usual.',
    da: 'Dette delingslink er længere end 8 KB og blev derfor ikke åbnet. Beregneren er startet som normalt.',
    sv: 'Den här delningslänken är längre än 8 KB och öppnades därför inte. Kalkylatorn startade som vanligt.',
  },
  damaged: {
    en: 'This share link is incomplete or has been changed, so it could not be opened. Ask for the link again; the calculator started as usual.',
    da: 'Dette delingslink er ufuldstændigt eller ændret og kunne ikke åbnes. Bed om linket igen; beregneren er startet som normalt.',
    sv: 'Den här delningslänken är ofullständig eller ändrad och kunde inte öppnas. Be om länken igen; kalkylatorn startade som vanligt.',
  },
  future: {
    en: 'This share link was made by a newer version of Tragt and cannot be opened here.',
    da: 'Dette delingslink er lavet af en nyere version af Tragt og kan ikke åbnes her.',
    sv: 'Den här delningslänken skapades av en nyare version av Tragt och kan inte öppnas här.',
  },
  unreadable: {
    en: 'This share link does not contain a readable scenario, so it was not opened.',
    da: 'Dette delingslink indeholder ikke et læsbart scenarie og blev ikke åbnet.',
    sv: 'Den här delningslänken innehåller inget läsbart scenario och öppnades inte.',
  },
};
const HOSTILE = '<img src=x onerror=window.__pwned=1>';

/** A scenario edited in every kind of field, so that defaults cannot pass for it. */
const EDITS = {
  en: async (tragt, name) => {
    await tragt.renameScenario(name);
    await tragt.typeName(1, 'Demo booked');
    await tragt.typeCount(0, '48000');
    await tragt.typeRate(2, '12.5');
    await tragt.markLead(2);
    await tragt.setMoney({ spend: 25000.5, aov: 1800, freq: 1.5, margin: 62, method: 'retention', retention: 80, discount: 8 });
    await tragt.selectCurrency('EUR');
  },
  da: async (tragt, name) => {
    await tragt.renameScenario(name);
    await tragt.typeName(0, 'Besøgende på sitet');
    await tragt.addStage();
    await tragt.typeName(await tragt.stageCount() - 1, 'Ambassadører');
    await tragt.typeCount(0, '12500');
    await tragt.typeRate(1, '37,5');
    await tragt.markPurchase(3);
    await tragt.setMoney({ spend: '9999,5', aov: '349,95', freq: '2,5', margin: '40', method: 'simple', lifespan: '3,5' });
    await tragt.selectCurrency('SEK');
    await tragt.choose(tragt.byId('period-select'), 'quarter');
  },
};

/** Opens the app as the sender, edits a scenario and returns {view, link}. */
async function shareEdited(tragt, { lang, template, name }) {
  await tragt.open({ lang, template });
  const defaults = await tragt.snapshot();
  await EDITS[lang](tragt, name);
  const view = await tragt.scenarioView();
  expect(view.figures, 'the edits changed the figures').not.toEqual(defaults);
  const link = await tragt.shareLink();
  return { view, link };
}

/** Saves a scenario of the visitor's own (named `name`, top count `top`); returns the raw store. */
async function ownScenario(visitor, { lang = 'en', template = 'webshop', name, top }) {
  await visitor.open({ lang, template });
  await visitor.renameScenario(name);
  await visitor.typeCount(0, String(top));
  await visitor.waitForSave((s) => s.scenarios.some((x) => x.name === name) && JSON.stringify(s).includes(String(top)));
  return (await visitor.storage())['tragt.store'];
}

async function scenarioNames(tragt) {
  return (await tragt.scenarios()).map((s) => s.name);
}

test.describe('round trip', () => {
  for (const { lang, template, name } of [
    { lang: 'en', template: 'b2b', name: 'Q3 plan' },
    { lang: 'da', template: 'kobstragt', name: 'Kampagne efterår' },
  ]) {
    test(`${lang}, ${template}: a share link opens the same scenario, unsaved, in another browser`, async ({ tragt, page, newVisitor }, info) => {
      test.skip(info.project.name === 'phone' && lang !== 'en', 'one round trip on the phone');
      const { view, link } = await shareEdited(tragt, { lang, template, name });

      // the link is this page's address with the scenario in the fragment, nothing else
      const here = new URL(page.url());
      const url = new URL(link);
      expect(url.origin + url.pathname + url.search).toBe(here.origin + here.pathname + here.search);
      expect(sharePayload(link)).toMatch(/^1\.[A-Za-z0-9_-]+$/);
      const carried = decodeShareLink(link);
      expect(carried.format).toBe('tragt');
      expect(carried.version).toBe(5);
      expect(carried.scenarios.map((s) => s.name)).toEqual([name]);

      // "Copy link" puts exactly that link on the clipboard
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await tragt.byId('share-copy').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);

      const visitor = await newVisitor();
      await visitor.page.goto(link);
      await visitor.ready();
      await expect.poll(() => visitor.selectedOptionText()).toBe(`${name} ${NOT_SAVED[lang]}`);
      expect(await visitor.scenarioView()).toEqual(view);
      await expect(visitor.byId('share-save')).toBeVisible();
      await expect(visitor.byId('share-discard')).toBeVisible();

      // not saved yet: the visitor's storage does not have it
      await visitor.flushSaves();
      expect(JSON.stringify(await visitor.savedStore())).not.toContain(name);
    });
  }

  test('the link follows edits while the panel is open', async ({ tragt, newVisitor }, info) => {
    test.skip(info.project.name === 'phone', 'desktop only: link making does not depend on the viewport');
    await tragt.open({ lang: 'en', template: 'aida' });
    await tragt.renameScenario('Moving target');
    const first = await tragt.shareLink();
    await tragt.typeCount(0, '31337');
    await tragt.expectStageValue(0, 'stage-entrants', 31337);
    const second = await tragt.shareLink(first);
    const visitor = await newVisitor();
    await visitor.page.goto(second);
    await visitor.ready();
    await expect.poll(() => visitor.selectedOptionText()).toBe('Moving target (not saved)');
    await visitor.expectStageValue(0, 'stage-entrants', 31337);
    expect((await visitor.scenarioView()).figures).toEqual(await tragt.snapshot());
  });
});

test.describe('save and discard', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: saving does not depend on the viewport');

  test('save adds it under a new id and a free name, never over the visitor\'s own scenario', async ({ tragt, newVisitor }) => {
    const visitor = await newVisitor();
    const before = await ownScenario(visitor, { name: 'Q3 plan', top: 777 });
    const mine = JSON.parse(before).scenarios[0];

    const { view, link } = await shareEdited(tragt, { lang: 'en', template: 'b2b', name: 'Q3 plan' });
    const senderId = decodeShareLink(link).scenarios[0].id;

    await visitor.page.goto(link);
    await visitor.ready();
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Q3 plan', 'Q3 plan (2) (not saved)']);
    expect(await visitor.scenarioView()).toEqual({ ...view, name: 'Q3 plan (2)' });
    await visitor.flushSaves();
    expect((await visitor.storage())['tragt.store'], 'opening a link writes nothing').toBe(before);

    await visitor.byId('share-save').click();
    await expect(visitor.byId('share-save')).toHaveCount(0);
    await expect(visitor.notice()).toContainText(SAVED.en('Q3 plan (2)'));
    expect(new URL(visitor.page.url()).hash, 'the fragment is gone').toBe('');
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Q3 plan', 'Q3 plan (2)']);
    const savedId = await visitor.currentScenarioId();
    expect([mine.id, senderId]).not.toContain(savedId);

    await visitor.waitForSave((s) => s.scenarios.length === 2);
    const store = await visitor.savedStore();
    expect(store.scenarios[0], 'the visitor\'s own scenario is untouched').toEqual(mine);
    expect(store.scenarios[1].id).toBe(savedId);
    expect(store.scenarios[1].name).toBe('Q3 plan (2)');
    expect(store.current).toBe(savedId);

    // after a reload it is one of the visitor's scenarios, with every figure
    await visitor.reload();
    await expect(visitor.byId('share-save')).toHaveCount(0);
    expect(await scenarioNames(visitor)).toEqual(['Q3 plan', 'Q3 plan (2)']);
    await expect(visitor.byId('scenario-select')).toHaveValue(savedId);
    expect(await visitor.scenarioView()).toEqual({ ...view, name: 'Q3 plan (2)' });
    await visitor.switchScenario(mine.id);
    await visitor.expectStageValue(0, 'stage-entrants', 777);

    // the same link again is a third scenario, not a replacement of the saved copy
    await visitor.page.goto(link);
    await visitor.ready();
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Q3 plan', 'Q3 plan (2)', 'Q3 plan (3) (not saved)']);
  });

  test('discard closes it, the fragment goes, and nothing saved changes', async ({ tragt, newVisitor }) => {
    const visitor = await newVisitor();
    const before = await ownScenario(visitor, { lang: 'da', template: 'aida', name: 'Mit eget', top: 4321 });
    const { view, link } = await shareEdited(tragt, { lang: 'da', template: 'kobstragt', name: 'Delt plan' });

    await visitor.page.goto(link);
    await visitor.ready();
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Mit eget', 'Delt plan (ikke gemt)']);

    // a reload keeps showing it (the fragment is still there), still unsaved
    await visitor.reload();
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Mit eget', 'Delt plan (ikke gemt)']);
    expect(await visitor.scenarioView()).toEqual(view);
    await visitor.flushSaves();
    expect((await visitor.storage())['tragt.store']).toBe(before);

    await visitor.byId('share-discard').click();
    await expect(visitor.byId('share-save')).toHaveCount(0);
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Mit eget']);
    await expect(visitor.byId('scenario-name')).toHaveValue('Mit eget');
    await visitor.expectStageValue(0, 'stage-entrants', 4321);
    expect(new URL(visitor.page.url()).hash, 'the fragment is gone').toBe('');
    await visitor.flushSaves();
    expect((await visitor.storage())['tragt.store'], 'saved scenarios byte-identical').toBe(before);

    await visitor.reload();
    expect(await scenarioNames(visitor)).toEqual(['Mit eget']);
    await expect(visitor.byId('share-save')).toHaveCount(0);
  });

  test('a link opened in a browser with nothing saved: discard leaves a working first scenario', async ({ tragt, newVisitor }) => {
    const { link } = await shareEdited(tragt, { lang: 'en', template: 'b2b', name: 'Only this' });
    const visitor = await newVisitor();
    await visitor.page.goto(link);
    await visitor.ready();
    await expect.poll(() => visitor.selectedOptionText()).toBe('Only this (not saved)');
    await visitor.byId('share-discard').click();
    await expect(visitor.byId('scenario-select').locator('option')).toHaveCount(1);
    expect(await scenarioNames(visitor)).not.toContain('Only this');
    await visitor.typeCount(0, '2500');
    await visitor.expectStageValue(0, 'stage-entrants', 2500);
    await visitor.waitForSave((s) => s.scenarios.length === 1 && !JSON.stringify(s).includes('Only this'));
  });

  test('a link pasted into an open app (a hash change) opens too', async ({ tragt, newVisitor }) => {
    const { view, link } = await shareEdited(tragt, { lang: 'en', template: 'b2b', name: 'Pasted' });
    const visitor = await newVisitor();
    await ownScenario(visitor, { lang: 'en', template: 'b2b', name: 'Here already', top: 999 });
    await visitor.page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
    await expect.poll(() => visitor.selectedOptionText()).toBe('Pasted (not saved)');
    expect(await visitor.scenarioView()).toEqual(view);
  });
});

test.describe('an unsaved shared scenario next to the visitor\'s own', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: saving does not depend on the viewport');

  test('a second link replaces the first one that was not saved', async ({ newVisitor }) => {
    const { link: first } = await shareEdited(await newVisitor(), { lang: 'en', template: 'b2b', name: 'First' });
    const { view, link: second } = await shareEdited(await newVisitor(), { lang: 'en', template: 'aida', name: 'Second' });
    const visitor = await newVisitor();
    await ownScenario(visitor, { name: 'Own', top: 321 });
    await visitor.page.goto(first);
    await visitor.ready();
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Own', 'First (not saved)']);
    await visitor.page.evaluate((hash) => { location.hash = hash; }, new URL(second).hash);
    await expect.poll(() => scenarioNames(visitor)).toEqual(['Own', 'Second (not saved)']);
    expect(await visitor.scenarioView()).toEqual(view);
  });

  test('deleting the last own scenario while a shared one is open is saved too', async ({ tragt, newVisitor }) => {
    const { link } = await shareEdited(await newVisitor(), { lang: 'en', template: 'b2b', name: 'Shared one' });
    await ownScenario(tragt, { lang: 'en', template: 'aida', name: 'Own', top: 321 });
    await tragt.page.goto(link);
    await tragt.ready();
    await expect.poll(() => scenarioNames(tragt)).toEqual(['Own', 'Shared one (not saved)']);
    const [own] = await tragt.scenarios();
    await tragt.switchScenario(own.id);
    await tragt.byId('scenario-delete').click();
    await expect.poll(() => scenarioNames(tragt)).toEqual(['Shared one (not saved)']);
    // nothing of the visitor's own is left to keep
    await expect.poll(() => tragt.savedStore(), { message: 'the deletion is saved' }).toBeNull();

    // a later visit without the link does not bring "Own" back
    await tragt.open({ lang: 'en' });
    expect(await scenarioNames(tragt)).not.toContain('Own');
    await expect(tragt.byId('scenario-select').locator('option')).toHaveCount(1);
  });
});

test.describe('links that cannot be opened', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop only: link checks do not depend on the viewport');

  /** Every kind of bad link, made from a good one: [title, make(link) → url, message key]. */
  const KINDS = [
    ['cut short', (link) => link.slice(0, -7), 'damaged'],
    ['one character changed', (link) => {
      const at = link.indexOf('#s=1.') + 5 + Math.floor(sharePayload(link).length / 2);
      return link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    }, 'damaged'],
    ['made by a newer version (2.)', (link) => link.replace('#s=1.', '#s=2.'), 'future'],
    ['longer than 8 KB', (link) => `${link}${'A'.repeat(8 * 1024)}`, 'tooLong'],
    ['garbage', (link) => link.replace(/#s=.*$/, '#s=%3Cscript%3Ewindow.__pwned=1%3C/script%3E!!'), 'damaged'],
    ['no version', (link) => link.replace('#s=1.', '#s='), 'damaged'],
    ['well formed, but not a scenario', (link) => link.replace(/#s=.*$/, `#s=${encodeSharePayload('[1,2,3]')}`), 'unreadable'],
    ['well formed, a file from a newer Tragt', (link) =>
      link.replace(/#s=.*$/, `#s=${encodeSharePayload('{"format":"tragt","version":99}')}`), 'future'],
  ];

  for (const [title, make, kind] of KINDS) {
    test(`${title}: a message, the app starts as usual, saved scenarios byte-identical`, async ({ tragt, page, newVisitor }) => {
      const { link } = await shareEdited(await newVisitor(), { lang: 'en', template: 'b2b', name: 'Sent' });
      const before = await ownScenario(tragt, { lang: 'en', template: 'webshop', name: 'Mine', top: 1234 });
      const saved = await tragt.scenarios();

      const bad = make(link);
      expect(bad).not.toBe(link);
      await page.goto('about:blank');
      await page.goto(bad);
      await tragt.ready();
      await expect(tragt.notice()).toContainText(FAILED[kind].en);
      expect(new URL(page.url()).hash, 'the bad fragment is gone').toBe('');
      await expect(tragt.byId('share-save')).toHaveCount(0);
      expect(await tragt.scenarios()).toEqual(saved);
      await expect(tragt.byId('scenario-name')).toHaveValue('Mine');
      await tragt.expectStageValue(0, 'stage-entrants', 1234);
      await tragt.flushSaves();
      expect((await tragt.storage())['tragt.store'], 'saved scenarios byte-identical').toBe(before);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

      // and it works: an edit moves the figures and is saved
      await tragt.typeRate(1, '33');
      await tragt.expectStageValue(1, 'stage-entrants', 1234 * 0.33);
      await tragt.waitForSave((s) => JSON.stringify(s).includes('0.33'));
    });
  }

  test('the messages are in the UI language, also when the link is pasted into an open app', async ({ tragt, page }) => {
    for (const [lang, kind, make] of [
      ['da', 'future', (p) => p.replace(/^1\./, '2.')],
      ['sv', 'damaged', (p) => p.slice(0, -5)],
      ['da', 'tooLong', (p) => p + 'A'.repeat(8 * 1024)],
      ['sv', 'unreadable', () => encodeSharePayload('{"a":1}')],
    ]) {
      await page.goto('about:blank');
      await tragt.open({ lang, template: 'aida' });
      await tragt.renameScenario('Egen');
      await tragt.waitForSave((s) => s.scenarios.some((x) => x.name === 'Egen'));
      const before = (await tragt.storage())['tragt.store'];
      const good = sharePayload(await tragt.shareLink());
      await page.evaluate((hash) => { location.hash = hash; }, `#s=${make(good)}`);
      await expect(tragt.notice()).toContainText(FAILED[kind][lang]);
      await expect.poll(() => new URL(page.url()).hash).toBe('');
      expect(await scenarioNames(tragt)).toEqual(['Egen']);
      await tragt.flushSaves();
      expect((await tragt.storage())['tragt.store']).toBe(before);
    }
  });
});

test('a scenario named like markup travels as text, and nothing runs', async ({ tragt, page, newVisitor }, info) => {
  test.skip(info.project.name === 'phone', 'desktop only: escaping does not depend on the viewport');
  const requests = [];
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.renameScenario(HOSTILE);
  await tragt.typeName(0, '<script>window.__pwned=2</script>');
  await tragt.typeName(1, '"><svg onload=window.__pwned=3>');
  const view = await tragt.scenarioView();
  const link = await tragt.shareLink();
  expect(decodeShareLink(link).scenarios[0].name).toBe(HOSTILE);

  const visitor = await newVisitor();
  visitor.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await visitor.page.goto(link);
  await visitor.ready();
  await expect.poll(() => visitor.selectedOptionText()).toBe(`${HOSTILE} (not saved)`);
  expect(await visitor.scenarioView()).toEqual(view);
  await expect(visitor.page.getByText(`“${HOSTILE}”`)).toBeVisible(); // the banner names it, as text

  const injected = () => visitor.page.evaluate(() => ({
    pwned: window.__pwned,
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    inlineScripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
  }));
  expect(await injected()).toEqual({ pwned: undefined, imgs: 0, svgs: 0, inlineScripts: 0 });

  await visitor.byId('share-save').click();
  await expect(visitor.notice()).toContainText(SAVED.en(HOSTILE));
  await visitor.waitForSave((s) => s.scenarios.some((x) => x.name === HOSTILE));
  await visitor.reload();
  await expect(visitor.byId('scenario-name')).toHaveValue(HOSTILE);
  expect(await visitor.stageNames()).toEqual(view.stageNames);
  expect(await injected()).toEqual({ pwned: undefined, imgs: 0, svgs: 0, inlineScripts: 0 });
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(requests, 'no image was requested').not.toContain('/x');
});
