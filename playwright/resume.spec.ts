/**
 * Resume end to end in Chromium: `<ChatWindow api>` against the mock, whose first response drops
 * (in the middle of a word, inside a code block, inside a multi-byte character of an event cut
 * part way). The chat shows that it reconnects, asks again with `Last-Event-ID`, and the answer ends
 * character for character equal to the undropped one: its copied text equals the mock's answer, and
 * its rendering equals that of the same answer streamed without a drop. Stop while reconnecting
 * aborts everything.
 */
import type { Page } from '@playwright/test';
import { answerDeltas, answerText, findAnswer } from '../mock/src/index.js';
import { type Chat, expect, test, watchPageErrors } from './fixtures';
import { watchLeaks } from './leaks';

const overview = findAnswer('overview')!;
const full = answerText(overview);
const pieces = answerDeltas(overview).map((delta) => (delta.type === 'text' ? delta.delta : ''));
/** Characters of the answer sent before token `index`. */
const sentBefore = (index: number) => pieces.slice(0, index).join('').length;

/** The token count to drop after, so the cut falls where each test wants it. */
const dropPoints = {
  // Between two pieces of one word ("Streaming" | "...").
  'the middle of a word': pieces.findIndex(
    (piece, i) => i > 10 && /\p{L}$/u.test(pieces[i - 1] ?? '') && /^\p{L}/u.test(piece),
  ),
  // Between two tokens inside the ```ts fence.
  'a code block': pieces.findIndex((_, i) => sentBefore(i) > full.indexOf('const reader')),
  // The next event is cut inside the bytes of its em dash.
  'a multi-byte character': pieces.findIndex((piece) => piece.includes('—')),
};

/** Records what `navigator.clipboard.writeText` is given: the copy button hands over the raw answer. */
async function captureClipboard(page: Page) {
  await page.addInitScript(() => {
    const copied: string[] = [];
    (window as unknown as { __copied: string[] }).__copied = copied;
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void copied.push(text) },
      configurable: true,
    });
  });
  return async (chat: Chat, index: number) => {
    await chat.page
      .locator('[data-role="assistant"]')
      .nth(index)
      .getByRole('button', { name: 'Copy', exact: true })
      .click();
    return chat.page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1));
  };
}

/**
 * Records, from now on, every state a reconnecting answer row is seen in (its status, its
 * reconnecting line) and every text of the announcer, whatever the timing: a MutationObserver
 * watches the page, so a reconnection shorter than a test's polling is still seen.
 */
async function watchReconnecting(page: Page) {
  await page.evaluate(() => {
    const seen = { rows: [] as { status: string | null; line: string | null }[], announced: [] as string[] };
    (window as unknown as { __reconnecting: typeof seen }).__reconnecting = seen;
    const observer = new MutationObserver(() => {
      for (const row of document.querySelectorAll('[data-state="reconnecting"]')) {
        const line = row.querySelector('[data-rivulet-reconnecting]')?.textContent ?? null;
        seen.rows.push({ status: row.getAttribute('data-status'), line });
      }
      const announced = document.querySelector('[data-rivulet-announcer]')?.textContent ?? '';
      if (announced !== '' && seen.announced.at(-1) !== announced) seen.announced.push(announced);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __reconnecting: { rows: { status: string | null; line: string | null }[]; announced: string[] };
          }
        ).__reconnecting,
    );
}

/** The rendered text of answer `index`. */
const rendered = (chat: Chat, index: number) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
  chat.page.locator('[data-role="assistant"] .rivulet-markdown').nth(index).innerText();

test.describe('resuming a dropped answer', () => {
  for (const [where, dropAfter] of Object.entries(dropPoints)) {
    test(`a drop in ${where}: reconnects, and the answer equals the undropped one`, async ({ page, openChat }) => {
      // Two whole answers and a reconnection: slow on a busy machine.
      test.setTimeout(90_000);
      expect(dropAfter, 'a drop point in the answer').toBeGreaterThan(0);
      const errors = await watchPageErrors(page);
      const leaks = await watchLeaks(page);
      const copy = await captureClipboard(page);
      const midEvent = where === 'a multi-byte character' ? '&dropMidEvent=1' : '';
      const chat = await openChat(`answer=overview&tps=300&dropAfter=${dropAfter}&faultLimit=1${midEvent}`);
      const baseline = await leaks.baseline();
      const reconnecting = await watchReconnecting(page);

      await chat.send('Explain streaming');
      await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 40_000 });
      await expect(chat.answer).not.toHaveAttribute('data-state', /.*/);
      await expect(chat.answer.locator('[data-rivulet-error]')).toHaveCount(0);
      expect(await chat.counts()).toMatchObject({ started: 2, dropped: 1, completed: 1 });
      // While it reconnected, the row said so (still streaming), and the announcer said it once.
      const seen = await reconnecting();
      expect(seen.rows.length, 'the row was seen reconnecting').toBeGreaterThan(0);
      expect(
        seen.rows.every((row) => row.status === 'streaming' && row.line === 'Connection lost. Reconnecting…'),
      ).toBe(true);
      expect(seen.announced.filter((text) => text === 'Connection lost. Reconnecting…')).toHaveLength(1);
      // The reconnection left nothing running (checked before the copy button starts its own timer).
      await leaks.expectBackTo(baseline);

      const resumedText = await copy(chat, 0);
      expect(resumedText === full, 'the resumed answer is the mock answer, character for character').toBe(true);
      expect(resumedText).not.toContain('\uFFFD');

      // The same question again: the run's fault limit is spent, so this answer streams undropped.
      await chat.send('Explain streaming');
      const undropped = page.locator('[data-role="assistant"]').nth(1);
      await expect(undropped).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
      expect(await copy(chat, 1)).toBe(full);
      expect(await rendered(chat, 0)).toBe(await rendered(chat, 1));
      // Chromium logs the broken body itself; nothing else may show up.
      expect(errors.filter((error) => !error.includes('net::ERR_INCOMPLETE_CHUNKED_ENCODING'))).toEqual([]);
    });
  }

  test('Stop while reconnecting aborts everything: no request starts afterwards, the answer stopped', async ({
    page,
    openChat,
  }) => {
    test.setTimeout(60_000);
    const leaks = await watchLeaks(page);
    // Every response drops after 30 tokens, so the chat keeps reconnecting until stopped.
    const chat = await openChat('answer=overview&tps=150&dropAfter=30');
    const baseline = await leaks.baseline();
    await chat.send('Explain streaming');
    await expect(chat.answer).toHaveAttribute('data-state', 'reconnecting', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect(chat.answer).toHaveAttribute('data-status', 'aborted');
    await expect(chat.answer).not.toHaveAttribute('data-state', /.*/);
    const atStop = await chat.counts();
    // Longer than any wait before a reconnection.
    await page.waitForTimeout(1500);
    const later = await chat.counts();
    expect(later?.started).toBe(atStop?.started);
    expect(later).toMatchObject({ completed: 0 });
    expect(later?.dropped).toBeGreaterThanOrEqual(1);
    await leaks.expectBackTo(baseline);
  });
});
