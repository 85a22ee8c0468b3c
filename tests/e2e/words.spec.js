// Every word idiomatic: in Danish, Swedish and Norwegian no view shows an English word a
// visitor would stumble on (seed, rate, loop, posterior, lead, …) — neither in the page's
// text nor in what is read aloud or shown on hover and in empty fields (aria-label, title,
// placeholder), nor in the selects' options and the stage names in the fields. The page seen
// as tests/words.rs sees the language files: words whole and in any case, so a native
// compound such as "konverteringsrate" passes, and "lead" may stand in parentheses as the
// hint after the plain word ("Omkostning pr. kundeemne (lead)").
const { test, expect } = require('./support/test');

/** The English words (see tests/words.rs), with their Scandinavian endings. */
const ENGLISH = new Set(`seed seeds rate rates raten rater raterne ratene raterna loop loops loopet loopen posterior
  lead leads leadet leadsene leadsen funnel funnels benchmark benchmarks benchmarket benchmarken churn
  pipeline pipelinen retargeting remarketing cases push pull`.split(/\s+/));
/** Expert terms that may stand in parentheses as a hint after the plain word. */
const HINTS = new Set(['lead', 'leads']);

/** A straight funnel's views, in tab order. */
const FUNNEL_VIEWS = ['leaks', 'goal', 'traffic', 'time', 'uncertainty', 'pipeline', 'referrals', 'compare'];

/** What to do in a view so that it shows all it can say, and what to wait for then. */
const IN_VIEW = {
  leaks: async (tragt) => {
    await expect(tragt.byId('bottleneck-row').first()).toBeVisible();
  },
  goal: async (tragt) => {
    // a goal out of reach: the needs per stage and what is missing
    await tragt.byId('goal-customers').fill('100000');
    await expect(tragt.byId('goal-required').first()).toBeVisible();
    await expect(tragt.byId('goal-status')).not.toBeEmpty();
  },
  time: async (tragt) => {
    await expect(tragt.byId('out-breakeven-month')).toBeVisible();
  },
  uncertainty: async (tragt) => {
    // a rate drawn from the counts brings the band under the headline figures
    await tragt.inStage(1, 'stage-counts').check();
    await expect(tragt.byId('results-band')).toBeVisible();
    await expect(tragt.byId('out-mc-p50')).toHaveAttribute('data-value', /^\d/);
  },
  pipeline: async (tragt) => {
    await expect(tragt.byId('out-pipeline-customers')).toBeVisible();
  },
  referrals: async (tragt, template) => {
    // as many referrals as a customer may bring: the web shop's loop sustains itself
    await tragt.byId('input-referrals').fill('1000');
    if (template === 'webshop') await expect(tragt.byId('referral-self-sustaining')).toBeVisible();
    else await expect(tragt.byId('out-referral-top')).toHaveAttribute('data-value', /^\d/);
  },
  compare: async (tragt) => {
    await expect(tragt.byId('compare-pick').first()).toBeVisible();
  },
  traffic: async (tragt) => {
    // a source of each kind, so that every field and figure of a source is on the page
    for (const kind of ['cpc', 'cpm', 'free']) {
      await tragt.byId('source-add').click();
      await tragt.choose(tragt.byId('source-kind').last(), kind);
    }
    await expect(tragt.byId('source')).toHaveCount(3);
    await expect(tragt.byId('stage-derived').first()).toBeVisible();
  },
};

/**
 * Everything a visitor reads or hears on the page: the body's text, the options of every
 * select, what is in the text fields, and every aria-label, title and placeholder.
 */
function readable(page) {
  return page.evaluate(() => {
    const texts = [document.body.innerText];
    for (const option of document.querySelectorAll('option')) texts.push(option.textContent);
    for (const input of document.querySelectorAll('input[type="text"], input:not([type]), textarea')) texts.push(input.value);
    for (const attribute of ['aria-label', 'title', 'placeholder']) {
      for (const el of document.querySelectorAll(`[${attribute}]`)) texts.push(el.getAttribute(attribute));
    }
    return texts;
  });
}

/** The English words in `texts`, each with the words around it, outside hints in parentheses. */
function englishIn(texts) {
  const found = [];
  for (const text of texts) {
    // a word: letters and digits, an apostrophe or colon inside it kept ("MQL'er", "MQL:er")
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’:][\p{L}\p{N}]+)*/gu)) {
      const word = m[0].toLowerCase();
      if (!ENGLISH.has(word)) continue;
      const before = text.slice(0, m.index);
      const inParentheses = (before.match(/\(/g) || []).length > (before.match(/\)/g) || []).length;
      if (inParentheses && HINTS.has(word)) continue;
      found.push(`${word} in "${text.slice(Math.max(0, m.index - 40), m.index + word.length + 40).replace(/\s+/g, ' ')}"`);
    }
  }
  return found;
}

/** Waits until the forecasting views have caught up, then checks the page for English words. */
async function expectNoEnglish(tragt, where) {
  await tragt.settled();
  await expect.poll(async () => englishIn(await readable(tragt.page)), { message: `English words in ${where}` }).toEqual([]);
}

test('the check finds English words, and passes compounds and hints', () => {
  expect(englishIn(['Samme seed giver samme resultat.', 'Rate lav', 'Selvforstærkende loop', '(en Beta-posterior)']).map((f) => f.split(' ')[0]))
    .toEqual(['seed', 'rate', 'loop', 'posterior']);
  expect(englishIn(['Pris pr. lead', 'Omkostning (pr. lead) for rate']).map((f) => f.split(' ')[0])).toEqual(['lead', 'rate']);
  expect(englishIn(['Skriv trinnets konverteringsrate', 'Omkostning pr. kundeemne (lead)', 'Ring upp MQL:er'])).toEqual([]);
});

for (const lang of ['da', 'sv', 'nb']) {
  for (const template of ['webshop', 'b2b']) {
    test(`${lang}, ${template}: no view of a straight funnel shows an English word`, async ({ tragt }) => {
      await tragt.open({ lang, template });
      await tragt.openMoneyMore();
      await expectNoEnglish(tragt, `${lang} ${template}, no view open`);
      for (const view of FUNNEL_VIEWS) {
        await tragt.openView(view);
        await IN_VIEW[view](tragt, template);
        await expectNoEnglish(tragt, `${lang} ${template}, the ${view} view`);
      }
    });
  }

  test(`${lang}: neither view of a journey shows an English word`, async ({ tragt }) => {
    await tragt.open({ lang, template: 'hexagon' });
    await tragt.openView('journey');
    await expect(tragt.byId('out-journey-buy')).toHaveAttribute('data-value', /^\d/);
    await expect(tragt.byId('journey-compare')).not.toBeEmpty();
    await expectNoEnglish(tragt, `${lang} hexagon, the journey view`);
    await tragt.openView('compare');
    await IN_VIEW.compare(tragt);
    await expectNoEnglish(tragt, `${lang} hexagon, the compare view`);
  });
}
