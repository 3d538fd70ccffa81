import { expect, test } from './fixtures';

test.describe('errors', () => {
  test('Retry after a provider error keeps the partial answer, then replaces it', async ({ openChat }) => {
    // The first request fails after 40 tokens; the retry (same run) streams normally after 1.5 s.
    const chat = await openChat('answer=overview&errorAfter=40&faultLimit=1&thinkingMs=1500&tps=200');
    await chat.send('Explain streaming');
    const errorRow = chat.answer.locator('[data-rivulet-error]');
    await expect(errorRow).toBeVisible({ timeout: 10_000 });
    await expect(errorRow).toContainText('Overloaded');
    await expect(chat.answer).toHaveAttribute('data-status', 'error');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
    const partial = await chat.answer.locator('.rivulet-markdown').innerText();
    expect(partial.length).toBeGreaterThan(40);
    expect(partial).toContain('Streaming responses');

    await chat.page.getByRole('button', { name: 'Retry' }).click();
    // Until the new answer's first token, the failed one stays on screen.
    await expect(chat.page.locator('.rivulet-markdown', { hasText: partial })).toHaveCount(1);
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(chat.page.locator('[data-role="assistant"]')).toHaveCount(1);
    await expect(chat.page.locator('[data-rivulet-error]')).toHaveCount(0);
    await expect(chat.answer).toContainText('See the Streams API on MDN');
    expect(await chat.counts()).toMatchObject({ started: 2, errored: 1, completed: 1 });
  });

  test('an HTTP error shows its status and message, with Retry', async ({ openChat }) => {
    const chat = await openChat('scenario=rate-limit');
    await chat.send('Hello');
    const errorRow = chat.answer.locator('[data-rivulet-error]');
    await expect(errorRow).toContainText('429');
    await expect(errorRow).toContainText('Rate limit reached');
    await expect(chat.page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('a dropped connection keeps the text received before it', async ({ openChat }) => {
    const chat = await openChat('answer=overview&dropAfter=30&tps=200&format=anthropic');
    await chat.send('Explain streaming');
    await expect(chat.answer).toHaveAttribute('data-status', 'error', { timeout: 10_000 });
    await expect(chat.answer.locator('.rivulet-markdown')).toContainText('Streaming responses');
    await expect.poll(() => chat.counts()).toMatchObject({ dropped: 1 });
  });

  test('a stall past idleTimeoutMs fails with a timeout, keeps the text and aborts the request', async ({
    openChat,
  }) => {
    const chat = await openChat('answer=overview&stallAfter=30&tps=200&idle=1500');
    await chat.send('Explain streaming');
    const errorRow = chat.answer.locator('[data-rivulet-error]');
    await expect(errorRow).toContainText('1500 ms', { timeout: 10_000 });
    await expect(chat.answer).toHaveAttribute('data-status', 'error');
    await expect(chat.answer.locator('.rivulet-markdown')).toContainText('Streaming responses');
    await expect(chat.page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect.poll(() => chat.counts()).toMatchObject({ started: 1, aborted: 1 });
  });
});
