import { expect, test, watchPageErrors } from './fixtures';
import { watchLeaks } from './leaks';

test.describe('errors', () => {
  test('Retry after a provider error keeps the partial answer, then replaces it', async ({ page, openChat }) => {
    // The first request fails after 40 tokens; the retry (same run) streams normally after 1.5 s.
    const errors = await watchPageErrors(page);
    const leaks = await watchLeaks(page);
    const chat = await openChat('answer=overview&errorAfter=40&faultLimit=1&thinkingMs=1500&tps=200');
    const baseline = await leaks.baseline();
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
    // Until the new answer's first token, the failed one stays on screen as it was (its text as
    // rendered: top-level blocks are sibling elements with no text between them).
    const answers = chat.page.locator('.rivulet-markdown');
    await expect(answers).toHaveCount(1);
    await expect(answers).toHaveText(partial, { useInnerText: true });
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(chat.page.locator('[data-role="assistant"]')).toHaveCount(1);
    await expect(chat.page.locator('[data-rivulet-error]')).toHaveCount(0);
    await expect(chat.answer).toContainText('See the Streams API on MDN');
    expect(await chat.counts()).toMatchObject({ started: 2, errored: 1, completed: 1 });
    await leaks.expectBackTo(baseline);
    expect(errors).toEqual([]);
  });

  for (const [status, message, format] of [
    [401, 'Invalid API key', 'openai'],
    [429, 'Rate limit reached', 'openai'],
    [500, 'The mock server failed', 'anthropic'],
  ] as const) {
    test(`HTTP ${status} with a JSON error body shows the status and message, and Retry works`, async ({
      page,
      openChat,
    }) => {
      const errors = await watchPageErrors(page);
      const leaks = await watchLeaks(page);
      // The first request fails; the retry (same run) is answered normally.
      const query = `status=${status}&faultLimit=1&format=${format}&answer=short${status === 401 ? `&errorMessage=${encodeURIComponent(message)}` : ''}`;
      const chat = await openChat(query);
      const baseline = await leaks.baseline();
      await chat.send('Hello');
      const errorRow = chat.answer.locator('[data-rivulet-error]');
      await expect(errorRow).toContainText(String(status));
      await expect(errorRow).toContainText(message);
      await expect(chat.answer).toHaveAttribute('data-status', 'error');
      await leaks.expectBackTo(baseline);

      await chat.page.getByRole('button', { name: 'Retry' }).click();
      await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
      await expect(chat.page.locator('[data-rivulet-error]')).toHaveCount(0);
      expect(await chat.answerLength()).toBeGreaterThan(0);
      expect(await chat.counts()).toMatchObject({ started: 2, errored: 1, completed: 1 });
      await leaks.expectBackTo(baseline);
      // Chromium logs every non-2xx response; nothing else may show up.
      const pattern = new RegExp(`Failed to load resource: .*\\b${status}\\b`);
      expect(errors.filter((error) => !pattern.test(error))).toEqual([]);
    });
  }

  test('a dropped connection keeps the text received before it, and Retry works', async ({ page, openChat }) => {
    const errors = await watchPageErrors(page);
    const leaks = await watchLeaks(page);
    // A server without event ids: the chat cannot resume (resume.spec.ts covers one that can).
    const chat = await openChat('answer=overview&dropAfter=30&faultLimit=1&tps=200&format=anthropic&eventIds=0');
    const baseline = await leaks.baseline();
    await chat.send('Explain streaming');
    await expect(chat.answer).toHaveAttribute('data-status', 'error', { timeout: 10_000 });
    await expect(chat.answer.locator('.rivulet-markdown')).toContainText('Streaming responses');
    await expect.poll(() => chat.counts()).toMatchObject({ dropped: 1 });
    await leaks.expectBackTo(baseline);
    await chat.page.getByRole('button', { name: 'Retry' }).click();
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(chat.answer).toContainText('See the Streams API on MDN');
    await leaks.expectBackTo(baseline);
    // Chromium logs the broken body itself; nothing else may show up.
    expect(errors.filter((error) => !error.includes('net::ERR_INCOMPLETE_CHUNKED_ENCODING'))).toEqual([]);
  });

  test('a stall past idleTimeoutMs fails with a timeout, keeps the text, aborts the request; Retry works', async ({
    page,
    openChat,
  }) => {
    const errors = await watchPageErrors(page);
    const leaks = await watchLeaks(page);
    // Without event ids a stall is not resumed: it ends the answer.
    const chat = await openChat('answer=overview&stallAfter=30&faultLimit=1&tps=200&idle=1500&eventIds=0');
    const baseline = await leaks.baseline();
    await chat.send('Explain streaming');
    const errorRow = chat.answer.locator('[data-rivulet-error]');
    await expect(errorRow).toContainText('1500 ms', { timeout: 10_000 });
    await expect(chat.answer).toHaveAttribute('data-status', 'error');
    await expect(chat.answer.locator('.rivulet-markdown')).toContainText('Streaming responses');
    await expect.poll(() => chat.counts()).toMatchObject({ started: 1, aborted: 1 });
    await leaks.expectBackTo(baseline);
    await chat.page.getByRole('button', { name: 'Retry' }).click();
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(chat.answer).toContainText('See the Streams API on MDN');
    await leaks.expectBackTo(baseline);
    expect(errors).toEqual([]);
  });
});
