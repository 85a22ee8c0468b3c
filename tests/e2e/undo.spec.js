// Nothing is lost without a way back: every action that throws away what the visitor typed
// says so in the notice area with an Undo button (`notice-undo`), and removing the purchase
// stage says which stage counts the customers now.
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
