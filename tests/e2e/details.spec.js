// Trust in the details. Nothing is lost without a way back: every action that throws away
// what the visitor typed says so in the notice area with an Undo button (`notice-undo`), and
// removing the purchase stage says which stage counts the customers now. A stage can be
// inserted anywhere (`stage-insert`); one after the purchase is a retention stage; a renamed
// template stage keeps its note.
const { test, expect } = require('./support/test');

test.skip(({ isMobile }) => isMobile, 'desktop only: the notices do not depend on the viewport');

test('removing the purchase stage says where customers are counted now, and Undo puts it back', async ({ tragt }) => {
  // web shop: 40 000 → 50 % → 7 % → 50 % → 70 % = 490 customers at "Purchase"
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.expectValue('out-customers', 490);
  await tragt.removeStage(4);
  await tragt.expectValue('out-customers', 700);
  await expect(tragt.notice()).toContainText('“Purchase”, the purchase stage: customers are now counted at “Checkout started”');
  await expect(tragt.inStage(3, 'stage-purchase')).toBeChecked();
  await tragt.byId('notice-undo').click();
  await tragt.expectValue('out-customers', 490);
  await expect(tragt.stages()).toHaveCount(5);
  await expect(tragt.inStage(4, 'stage-purchase')).toBeChecked();
  await expect(tragt.byId('notice-undo')).toHaveCount(0);
});

test('a removed stage, a cleared goal and a rebuilt journey each come back with Undo', async ({ tragt }) => {
  await tragt.open({ lang: 'da', template: 'webshop' });
  // a stage: its name and rate return
  await tragt.typeName(1, 'Mine produkter');
  await tragt.typeRate(1, '40');
  await tragt.removeStage(1);
  await expect(tragt.notice()).toContainText('»Mine produkter« er fjernet.');
  await tragt.byId('notice-undo').click();
  await expect(tragt.inStage(1, 'stage-name')).toHaveValue('Mine produkter');
  await expect(tragt.inStage(1, 'stage-rate')).toHaveValue('40');

  // a goal
  await tragt.openView('goal');
  await tragt.byId('goal-customers').fill('980');
  await expect(tragt.byId('goal-clear')).toBeEnabled();
  await tragt.byId('goal-clear').click();
  await expect(tragt.byId('goal-customers')).not.toHaveValue('980');
  await expect(tragt.notice()).toContainText('Målet er fjernet.');
  await tragt.byId('notice-undo').click();
  await expect(tragt.byId('goal-customers')).toHaveValue('980');

  // the journey's own moves
  await tragt.choose(tragt.byId('mode-select'), 'journey');
  const share = tragt.page.getByTestId('transition').first();
  await share.fill('3');
  await expect(share).toHaveValue('3');
  await tragt.byId('journey-rebuild').click();
  await expect(share).not.toHaveValue('3');
  await expect(tragt.notice()).toContainText('Rejsen er bygget igen');
  await tragt.byId('notice-undo').click();
  await expect(share).toHaveValue('3');
});

test('a notice about a scenario goes when another scenario is opened', async ({ tragt }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.typeRate(1, '40');
  await tragt.byId('scenario-new').click();
  await expect.poll(async () => (await tragt.scenarios()).length).toBe(2);
  await tragt.removeStage(1);
  await expect(tragt.byId('notice-undo')).toHaveCount(1);
  const [first] = await tragt.scenarios();
  await tragt.switchScenario(first.id);
  await expect(tragt.byId('notice-undo')).toHaveCount(0);
});

test('a stage inserted in the middle changes nothing until its rate is typed', async ({ tragt }) => {
  await tragt.open({ lang: 'en', template: 'webshop' });
  await tragt.expectValue('out-customers', 490);
  await tragt.inStage(1, 'stage-insert').click();
  await expect(tragt.stages()).toHaveCount(6);
  // the new stage is third, empty, at 100 %, and its name has the focus
  await expect(tragt.inStage(2, 'stage-name')).toBeFocused();
  await expect(tragt.inStage(2, 'stage-name')).toHaveValue('');
  await expect(tragt.inStage(2, 'stage-rate')).toHaveValue('100');
  await tragt.expectValue('out-customers', 490);
  await tragt.typeRate(2, '50');
  await tragt.expectValue('out-customers', 245);
  // stage-add still adds at the bottom
  await tragt.byId('stage-add').click();
  await expect(tragt.stages()).toHaveCount(7);
});

test('a stage after the purchase is a retention stage: named, explained, no chance to buy', async ({ tragt }) => {
  await tragt.open({ lang: 'da', template: 'webshop' });
  await tragt.byId('stage-add').click();
  await expect(tragt.stages()).toHaveCount(6);
  await expect(tragt.inStage(5, 'stage-name')).toHaveValue('Genkøb');
  await expect(tragt.inStage(5, 'stage-note')).toContainText('Efter købet');
  await expect(tragt.inStage(5, 'stage-probability')).toHaveAttribute('data-value', '');
  await expect(tragt.inStage(5, 'stage-probability')).toContainText('allerede kunde');
  await expect(tragt.inStage(5, 'stage-probability')).not.toContainText('100');
  // the purchase stage itself still shows its chance: 100 %
  await tragt.expectStageValue(4, 'stage-probability', 1);
});

test('renaming a template stage keeps its guidance note', async ({ tragt }) => {
  await tragt.open({ lang: 'en', template: 'b2b' });
  const note = await tragt.inStage(2, 'stage-note').textContent();
  expect(note.length).toBeGreaterThan(10);
  await tragt.typeName(2, 'Warm leads');
  await expect(tragt.inStage(2, 'stage-note')).toHaveText(note);
  // and it is still judged against the template's benchmark
  await tragt.openView('leaks');
  await expect(tragt.inStage(2, 'stage-benchmark')).toHaveValue('20');
});
