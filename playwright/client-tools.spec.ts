import { expect, test } from './fixtures';

/**
 * A client tool loop in Chromium, through the demo's drop-in `<ChatWindow onToolCall>`: asked for
 * the time, the mock calls `get_local_time`; the page runs it, sends its result back in the tool
 * call's part, and the answer continues in the same message with text that uses it.
 */
test('a client tool runs in the page and the answer continues with its result', async ({ openChat }) => {
  const chat = await openChat('tps=200');
  await chat.send('What time is it?');
  await expect(chat.answer).toHaveAttribute('data-status', 'done');
  await expect(chat.answer.locator('.rivulet-markdown')).toContainText(/Your clock says "\d\d:\d\d"/);
  await expect(chat.answer.locator('[data-tool="get_local_time"]')).toHaveCount(1);
  await expect(chat.page.locator('[data-role="assistant"]')).toHaveCount(1);
  // Two requests: the call, then the continuation after its result.
  await expect.poll(() => chat.counts()).toMatchObject({ started: 2, completed: 2 });
});
