import { expect, test } from './fixtures';

test('Enter sends and Shift+Enter inserts a new line', async ({ openChat }) => {
  const chat = await openChat('answer=short&tps=300');
  await chat.composer.click();
  await chat.page.keyboard.type('first line');
  await chat.page.keyboard.press('Shift+Enter');
  await chat.page.keyboard.type('second line');
  await expect(chat.composer).toHaveValue('first line\nsecond line');
  await expect(chat.page.locator('[data-role="user"]')).toHaveCount(0);

  await chat.page.keyboard.press('Enter');
  const sent = chat.page.locator('[data-role="user"]');
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('first line');
  await expect(sent).toContainText('second line');
  await expect(chat.composer).toHaveValue('');
  await expect(chat.answer).toContainText('last element');
});

test('an empty composer sends nothing', async ({ openChat }) => {
  const chat = await openChat('answer=short');
  await chat.composer.press('Enter');
  await chat.page.waitForTimeout(200);
  await expect(chat.page.locator('[data-role="user"]')).toHaveCount(0);
  expect(await chat.counts()).toBeUndefined();
});
