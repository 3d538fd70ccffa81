/**
 * Conversation actions in Chromium, in the demo against the mock: Regenerate keeps the earlier
 * answer as a branch, Edit resends a question and the switcher goes between the turns ("2/2" ⇄
 * "1/2"), a file attached in the composer reaches the server as a file part and shows in the
 * question; the page stays free of axe violations with the switcher, the editor and attachments.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, watchPageErrors } from './fixtures';

async function expectNoViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).include('.rivulet-chat').setLegacyMode(true).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(', ')})`,
  );
  expect(summary, `axe violations with ${state}`).toEqual([]);
}

/** A locator's text once it has stopped changing (an answer's last render may follow its status). */
/**
 * The text a reader sees in `locator` (`innerText`, from the layout), once it has stopped changing.
 * Not `textContent`: an answer rendered block by block while it streamed and the same answer rendered
 * in one pass look the same but differ in the whitespace text nodes between blocks.
 */
const shownText = (locator: Locator) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (see above).
  locator.evaluate((element) => (element as HTMLElement).innerText);

async function settledText(locator: Locator): Promise<string> {
  let previous: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await shownText(locator);
        const isSettled = now !== '' && now === previous;
        previous = now;
        return isSettled;
      },
      { intervals: [250] },
    )
    .toBe(true);
  return previous ?? '';
}

/** The request bodies the page sends to the chat endpoint, as they leave the browser. */
function recordRequests(page: Page) {
  const bodies: { messages: { role: string; content: string; parts?: Record<string, unknown>[] }[] }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/chat')) {
      bodies.push(request.postDataJSON());
    }
  });
  return bodies;
}

test.describe('conversation actions', () => {
  test('Regenerate asks again and keeps the first answer as version 1/2', async ({ page, openChat }) => {
    const errors = await watchPageErrors(page);
    const requests = recordRequests(page);
    const chat = await openChat('answer=overview&tps=0');
    await chat.send('Explain streaming');
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    await chat.answer.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => requests.length).toBe(2);
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    // The same question was asked again, without the first answer in the history.
    expect(requests[1]?.messages.map((message) => message.role)).toEqual(['user']);
    await expect(page.locator('[data-role="assistant"]')).toHaveCount(1);

    const versions = page.getByRole('group', { name: 'Versions' });
    await expect(versions).toHaveAttribute('data-state', '2/2');
    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(versions).toHaveAttribute('data-state', '1/2');
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    await expect(versions.getByRole('button', { name: 'Previous version' })).toBeDisabled();
    await expectNoViolations(page, 'the branch switcher');
    expect(errors).toEqual([]);
  });

  test('Edit resends the question; the switcher goes between the two turns', async ({ page, openChat }) => {
    const errors = await watchPageErrors(page);
    const requests = recordRequests(page);
    const chat = await openChat('tps=0');
    await chat.send('Tell me about cats');
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    const firstAnswer = await settledText(chat.answer.locator('.rivulet-markdown'));

    const question = page.locator('[data-role="user"]');
    await question.getByRole('button', { name: 'Edit' }).click();
    await expect(question).toHaveAttribute('data-state', 'editing');
    const editor = question.getByRole('textbox', { name: 'Edit message' });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('Tell me about cats');
    await expectNoViolations(page, 'the editor open');
    await editor.fill('Show me a table');
    await editor.press('Enter');

    await expect.poll(() => requests.length).toBe(2);
    expect(requests[1]?.messages).toEqual([{ role: 'user', content: 'Show me a table' }]);
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    await expect(question).toContainText('Show me a table');
    const versions = page.getByRole('group', { name: 'Versions' });
    await expect(versions).toHaveAttribute('data-state', '2/2');

    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(versions).toHaveAttribute('data-state', '1/2');
    await expect(question).toContainText('Tell me about cats');
    await expect.poll(() => shownText(chat.answer.locator('.rivulet-markdown'))).toBe(firstAnswer);
    await versions.getByRole('button', { name: 'Next version' }).click();
    await expect(question).toContainText('Show me a table');
    expect(errors).toEqual([]);
  });

  test('an attached image is previewed, sent as a file part and shown in the question', async ({ page, openChat }) => {
    const errors = await watchPageErrors(page);
    const requests = recordRequests(page);
    const chat = await openChat('tps=0');
    // A 1×1 PNG.
    const pixel = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles([
      { name: 'pixel.png', mimeType: 'image/png', buffer: pixel },
      { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 97) },
    ]);
    await expect(page.getByRole('alert')).toHaveText('huge.txt is too large (the limit is 5 MB).');
    const attachment = page.locator('.rivulet-composer__attachment');
    await expect(attachment).toHaveCount(1);
    await expect(attachment).toHaveAttribute('data-state', 'ready');
    await expect(attachment.locator('img')).toHaveJSProperty('naturalWidth', 1);
    await expectNoViolations(page, 'an attachment in the composer');

    await chat.send('What is in this picture?');
    await expect.poll(() => requests.length).toBe(1);
    const [question] = requests[0]?.messages ?? [];
    expect(question?.parts?.[1]).toEqual({
      type: 'file',
      mediaType: 'image/png',
      url: `data:image/png;base64,${pixel.toString('base64')}`,
      filename: 'pixel.png',
    });
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    await expect(page.locator('[data-role="user"] img')).toHaveAttribute('alt', 'pixel.png');
    await expect(attachment).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
