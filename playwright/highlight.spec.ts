import { expect, test } from './fixtures';

/** Code blocks of the `code` answer that end up highlighted, and how many there are. */
async function highlightedBlocks(page: import('@playwright/test').Page) {
  const blocks = page.locator('[data-role="assistant"] .rivulet-code-block');
  const highlighted = page.locator('[data-role="assistant"] .rivulet-code-block[data-highlighted="true"]');
  return { total: await blocks.count(), highlighted: await highlighted.count() };
}

test.describe('code highlighting', () => {
  test('tokenizes in a worker started from a blob URL, and highlights every block', async ({ openChat }) => {
    const chat = await openChat('scenario=code&tps=400');
    const errors: string[] = [];
    chat.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    chat.page.on('pageerror', (error) => errors.push(error.message));
    await chat.send('Show me code');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect.poll(() => highlightedBlocks(chat.page), { timeout: 10_000 }).toEqual({ total: 5, highlighted: 5 });
    // Colours come from the themes as CSS variables, light and dark.
    const style = await chat.answer.locator('pre code .line span[style]').first().getAttribute('style');
    expect(style).toContain('--shiki-light');
    expect(style).toContain('--shiki-dark');
    expect(chat.page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/^blob:/)]);
    expect(errors).toEqual([]);
  });

  test('falls back to the main thread when a Content Security Policy blocks the worker', async ({ openChat, page }) => {
    // The same page, served with a policy that forbids workers.
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" },
        });
      },
    );
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    const chat = await openChat('scenario=code&tps=400');
    await chat.send('Show me code');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect.poll(() => highlightedBlocks(chat.page), { timeout: 15_000 }).toEqual({ total: 5, highlighted: 5 });
    expect(chat.page.workers()).toEqual([]);
    // The only console errors are the browser's reports of the blocked worker.
    for (const text of violations) expect(text).toMatch(/Content Security Policy|worker/i);
  });
});
