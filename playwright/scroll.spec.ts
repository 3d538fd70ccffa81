import { expect, test } from './fixtures';

const distanceFromBottom = (element: Element) => element.scrollHeight - element.scrollTop - element.clientHeight;

test('auto-scroll follows the answer, lets go on wheel, and Jump to latest returns', async ({ openChat }) => {
  const chat = await openChat('answer=long&tps=120');
  await chat.send('Write the long guide');
  const jump = chat.page.getByRole('button', { name: 'Jump to latest' });

  // Following: once the answer overflows, the log stays at the bottom as it grows.
  await expect.poll(() => chat.log.evaluate((log) => log.scrollHeight - log.clientHeight)).toBeGreaterThan(400);
  for (let sample = 0; sample < 5; sample++) {
    expect(await chat.log.evaluate(distanceFromBottom)).toBeLessThan(80);
    await chat.page.waitForTimeout(150);
  }
  await expect(jump).toHaveCount(0);

  // The user scrolls up with the mouse wheel: the log lets go and stays where the user put it.
  const box = (await chat.log.boundingBox())!;
  await chat.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await chat.page.mouse.wheel(0, -500);
  await expect(jump).toBeVisible();
  await expect(chat.answer).toHaveAttribute('data-status', 'streaming');
  const heldAt = await chat.log.evaluate((log) => log.scrollTop);
  const heightBefore = await chat.log.evaluate((log) => log.scrollHeight);
  await chat.page.waitForTimeout(700);
  expect(await chat.log.evaluate((log) => log.scrollHeight)).toBeGreaterThan(heightBefore);
  expect(await chat.log.evaluate((log) => log.scrollTop)).toBe(heldAt);
  expect(await chat.log.evaluate(distanceFromBottom)).toBeGreaterThan(300);

  // Jump to latest goes back to the bottom and follows again.
  await jump.click();
  await expect.poll(() => chat.log.evaluate(distanceFromBottom)).toBeLessThan(80);
  await expect(jump).toHaveCount(0);
  await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(await chat.log.evaluate(distanceFromBottom)).toBeLessThan(4);
});
