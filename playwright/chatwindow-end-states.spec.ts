/**
 * An answer that ends early, in real Chromium: `<ChatWindow api>` against the mock, whose answer is
 * cut at a chosen token, inside unfinished Markdown (a bold run, a link's destination), and ended in
 * each way an answer can end early: the Stop button, a provider error, a dropped connection that
 * cannot be resumed (no event ids), and silence past `idleTimeoutMs`. Each time the answer keeps its
 * tail repaired, as it was while streaming: marked incomplete, no raw `**` or `[…](` on screen, no
 * link to a truncated URL, no typing cursor.
 */
import type { Locator, Page } from '@playwright/test';
import { answerDeltas, answerText, findAnswer } from '../mock/src/index.js';
import { type Chat, expect, test, watchPageErrors } from './fixtures';

const overview = findAnswer('overview')!;
const full = answerText(overview);
const pieces = answerDeltas(overview).map((delta) => (delta.type === 'text' ? delta.delta : ''));
/** Characters of the answer sent before token `index`. */
const sentBefore = (index: number) => pieces.slice(0, index).join('').length;

/** The first token index whose cut falls inside `[from, to)` of the answer. */
const cutInside = (from: number, to: number) =>
  pieces.findIndex((_, index) => sentBefore(index) >= from && sentBefore(index) < to);

const boldStart = full.indexOf('**first words') + 2;
const urlStart = full.indexOf('](https://developer.mozilla.org') + 2;

/** Where each test cuts the answer, and what the reader then sees at the end of it. */
const cuts = {
  // "…read the **first words" | " within a few…": a bold run still open.
  'inside a bold run': {
    token: cutInside(boldStart + 6, full.indexOf('**', boldStart) - 6),
    /** Words that show once the cut is on screen, repaired or not. */
    reached: 'first words',
    /** The words of the open bold run, shown bold. */
    strong: (sent: string) => sent.slice(boldStart).trim(),
    tail: (sent: string) => sent.slice(boldStart).trim(),
  },
  // "See the [Streams API on MDN](https://deve" | "loper…": a link whose destination is half typed.
  'inside a link destination': {
    token: cutInside(urlStart + 12, full.indexOf(')', urlStart) - 4),
    reached: 'Streams API on MDN',
    strong: undefined,
    tail: () => 'See the Streams API on MDN',
  },
};

/** How each test ends the answer early, the mock controls that cut it there, and the status it ends in. */
const endings = {
  'stopped with the Stop button': { controls: (token: number) => `stallAfter=${token}`, status: 'aborted' },
  'failed by a provider error': { controls: (token: number) => `errorAfter=${token}`, status: 'error' },
  'interrupted (connection dropped, no event ids to resume)': {
    controls: (token: number) => `dropAfter=${token}&eventIds=0`,
    status: 'error',
  },
  'timed out (silent past idleTimeoutMs)': {
    controls: (token: number) => `stallAfter=${token}&eventIds=0&idle=1500`,
    status: 'error',
  },
} as const;

/**
 * What the reader sees of an answer's Markdown: its text (without the typing cursor), the text
 * outside code (where Markdown syntax would be raw), its links and its bold runs.
 */
function readAnswer(markdown: Locator) {
  return markdown.evaluate((root: HTMLElement) => {
    const outsideCode = (node: Node): string => {
      if (node instanceof HTMLElement && node.matches('code, pre, .rivulet-code-block')) return '';
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      return [...node.childNodes].map(outsideCode).join('');
    };
    return {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
      text: root.innerText.trim(),
      prose: outsideCode(root),
      links: [...root.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? ''),
      strong: [...root.querySelectorAll('strong')].map((element) => element.textContent ?? ''),
      cursor: root.querySelector('[data-rivulet-cursor]') !== null,
      incomplete: root.getAttribute('data-incomplete'),
      streaming: root.getAttribute('data-streaming'),
    };
  });
}

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
  return async (chat: Chat) => {
    await chat.answer.getByRole('button', { name: 'Copy', exact: true }).click();
    return chat.page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1));
  };
}

/** Waits until the answer shows everything the mock sent before the cut, as the stream shows it. */
async function waitForTail(chat: Chat, tail: string) {
  const markdown = chat.answer.locator('.rivulet-markdown');
  await expect
    .poll(async () => (await markdown.count()) > 0 && (await readAnswer(markdown)).text.endsWith(tail), {
      timeout: 15_000,
    })
    .toBe(true);
}

test.describe('ChatWindow: an answer that ends early keeps its tail repaired', () => {
  for (const [where, cut] of Object.entries(cuts)) {
    for (const [how, ending] of Object.entries(endings)) {
      test(`${how}, ${where}`, async ({ page, openChat }) => {
        expect(cut.token, 'a cut point in the answer').toBeGreaterThan(0);
        const sent = full.slice(0, sentBefore(cut.token));
        const tail = cut.tail(sent);
        const errors = await watchPageErrors(page);
        const copy = await captureClipboard(page);
        const chat = await openChat(`answer=overview&tps=300&${ending.controls(cut.token)}`);
        await chat.send('Explain streaming');
        const markdown = chat.answer.locator('.rivulet-markdown');

        // A stalled answer is seen at the cut while it still streams: that is what Stop and the timeout keep.
        let whileStreaming: Awaited<ReturnType<typeof readAnswer>> | undefined;
        if (ending.controls(cut.token).startsWith('stall')) {
          await waitForTail(chat, tail);
          // The last tokens before the cut may leave the visible text as it is (the rest of a hidden
          // URL); they arrive a few milliseconds apart and the stall lasts forever: let them land.
          await page.waitForTimeout(300);
          whileStreaming = await readAnswer(markdown);
          expect(whileStreaming.streaming).toBe('true');
          expect(whileStreaming.cursor).toBe(true);
        }
        if (how.startsWith('stopped')) await page.getByRole('button', { name: 'Stop generating' }).click();

        await expect(chat.answer).toHaveAttribute('data-status', ending.status, { timeout: 15_000 });
        if (ending.status === 'error') await expect(chat.answer.locator('[data-rivulet-error]')).toBeVisible();
        await expect.poll(async () => (await readAnswer(markdown)).text).toContain(cut.reached);
        const shown = await readAnswer(markdown);

        expect(shown.streaming).toBe('false');
        expect(shown.cursor, 'no typing cursor once the answer ended').toBe(false);
        // Every character the mock sent before the cut reached the page, and nothing after it.
        expect(shown.text.endsWith(tail), `the answer ends with ${JSON.stringify(tail)}`).toBe(true);
        expect(sent.length).toBeLessThan(full.length);
        // No raw Markdown syntax on screen: outside code, no `*` (bold, emphasis) and no `[` or `](`.
        expect(shown.prose).not.toMatch(/\*|\[|\]\(/);
        // A link only where its destination was received whole (the half-typed one is its text alone).
        for (const href of shown.links) expect(sent, `link to ${href}`).toContain(`](${href})`);
        expect(shown.links.some((href) => href.startsWith('https://deve'))).toBe(false);
        if (cut.strong) expect(shown.strong).toContain(cut.strong(sent));
        // As it was while streaming, less the cursor.
        if (whileStreaming) {
          expect(shown.text).toBe(whileStreaming.text);
          expect(shown.prose).toBe(whileStreaming.prose);
          expect(shown.strong).toEqual(whileStreaming.strong);
          expect(shown.links).toEqual(whileStreaming.links);
        }
        expect(shown.incomplete, 'the answer is marked incomplete').toBe('true');
        // The message holds exactly what was sent before the cut (the copy button gives its source).
        expect(await copy(chat)).toBe(sent);
        await chat.screenshot(`end-state-${ending.status}-${how.split(' ')[0]}-${where.split(' ').at(-1)}`);
        // Chromium logs the broken body of a dropped connection itself; nothing else may show up.
        expect(errors.filter((error) => !error.includes('net::ERR_INCOMPLETE_CHUNKED_ENCODING'))).toEqual([]);
      });
    }
  }
});
