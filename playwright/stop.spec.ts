import { type Chat, expect, test } from './fixtures';

/** Waits until the answer shows more than `minimum` characters. */
async function waitForText(chat: Chat, minimum: number) {
  await expect.poll(() => chat.answerLength(), { timeout: 10_000 }).toBeGreaterThan(minimum);
}

async function lengthAfterTwoFrames(chat: Chat): Promise<number> {
  return chat.page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const answers = document.querySelectorAll<HTMLElement>('[data-role="assistant"]');
            const markdown = answers[answers.length - 1]?.querySelector<HTMLElement>('.rivulet-markdown');
            // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
            resolve(markdown?.innerText.length ?? 0);
          }),
        ),
      ),
  );
}

async function expectHalted(chat: Chat) {
  const settled = await lengthAfterTwoFrames(chat);
  // At 12 tokens/s several tokens would arrive in 600 ms if the stream were still running.
  await chat.page.waitForTimeout(600);
  expect(await chat.answerLength()).toBe(settled);
  await expect(chat.answer).toHaveAttribute('data-status', 'aborted');
  await expect(chat.answer.locator('[data-rivulet-cursor]')).toHaveCount(0);
  await expect.poll(() => chat.counts()).toMatchObject({ started: 1, aborted: 1, completed: 0 });
}

test.describe('stopping', () => {
  test('the Stop button halts the text and the server sees the request aborted', async ({ openChat }) => {
    const chat = await openChat('scenario=slow&tps=12');
    await chat.send('Explain streaming');
    await waitForText(chat, 20);
    await chat.page.getByRole('button', { name: 'Stop generating' }).click();
    await expectHalted(chat);
    // The partial answer is kept and the composer is ready again.
    expect(await chat.answerLength()).toBeGreaterThan(20);
    await expect(chat.page.getByRole('button', { name: 'Stop generating' })).toHaveCount(0);
  });

  test('Esc stops the answer', async ({ openChat }) => {
    const chat = await openChat('scenario=slow&tps=12');
    await chat.send('Explain streaming');
    await waitForText(chat, 20);
    await chat.composer.press('Escape');
    await expectHalted(chat);
  });

  test('Stop ends a stalled stream too', async ({ openChat }) => {
    const chat = await openChat('scenario=stall&tps=100');
    await chat.send('Explain streaming');
    await waitForText(chat, 20);
    await chat.page.getByRole('button', { name: 'Stop generating' }).click();
    await expect(chat.answer).toHaveAttribute('data-status', 'aborted');
    await expect.poll(() => chat.counts()).toMatchObject({ aborted: 1 });
  });
});
