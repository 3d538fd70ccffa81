/**
 * Long histories in Chromium, on the demo's history page (a chat built from the parts): loading
 * older messages at the top keeps the reader's place; in a chat of 1,000 finished messages a new
 * answer streams without touching any other message's DOM, and scrolling the whole log is
 * measured (frame times reported as annotations, not asserted: the bench holds the timing
 * targets); a persisted conversation comes back after a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test, watchPageErrors } from './fixtures';

async function openHistory(page: Page, query: string) {
  await page.goto(`/history.html?${query}`);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  return page.getByRole('log');
}

const messageCount = (page: Page) => page.locator('.rivulet-message').count();

test.describe('long histories', () => {
  test('loading older messages at the top keeps the reader’s place', async ({ page }) => {
    const errors = await watchPageErrors(page);
    const log = await openHistory(page, 'count=40&older=100&batch=50');
    await expect(page.locator('.rivulet-message')).toHaveCount(40);
    // The log opens at its end.
    await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(4);

    const anchor = page.locator('.rivulet-message').first();
    const anchorId = await anchor.textContent();
    // Where the first message is once scrolled to the top, read before the scroll event asks for more.
    const before = await log.evaluate((el) => {
      el.scrollTop = 0;
      return (el.querySelector('.rivulet-message') as HTMLElement).getBoundingClientRect().top;
    });
    await expect(page.locator('.rivulet-message')).toHaveCount(90);
    // The message that was first is where it was, and the reader was not sent to the bottom.
    const same = page.locator('.rivulet-message', { hasText: anchorId ?? '' }).first();
    // Within a pixel: scroll offsets are whole pixels, the heights above are not.
    await expect
      .poll(async () => Math.abs((await same.evaluate((el) => el.getBoundingClientRect().top)) - before))
      .toBeLessThanOrEqual(1);
    expect(await log.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

    // Back to the top twice more: everything older is loaded, then nothing more is asked for.
    for (const expected of [140, 140]) {
      await log.evaluate((el) => {
        el.scrollTop = 0;
      });
      await expect(page.locator('.rivulet-message')).toHaveCount(expected);
    }
    await expect(page.locator('.rivulet-message').first()).toContainText('Question 1:');
    expect(errors).toEqual([]);
  });

  test('1,000 finished messages: a new answer touches no other message, and the log scrolls', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = await watchPageErrors(page);
    const log = await openHistory(page, 'count=1000&older=0&answer=overview&tps=120');
    await expect(page.locator('.rivulet-message')).toHaveCount(1000);

    // Every DOM change while the answer streams, outside the answer's own row.
    await page.evaluate(() => {
      const outside: string[] = [];
      (window as unknown as { __outside: string[] }).__outside = outside;
      const rows = document.querySelector('.rivulet-chat__messages') as HTMLElement;
      const frozen = new Set(rows.querySelectorAll('.rivulet-message'));
      (window as unknown as { __watch: () => string | null }).__watch = () => {
        new MutationObserver((records) => {
          for (const record of records) {
            const row =
              (record.target as Element).closest?.('.rivulet-message') ??
              record.target.parentElement?.closest('.rivulet-message');
            if (row && frozen.has(row)) outside.push(`${record.type} in ${row.getAttribute('data-role')}`);
          }
        }).observe(rows, { subtree: true, childList: true, characterData: true, attributes: true });
        return [...rows.querySelectorAll('.rivulet-message')].at(-1)?.getAttribute('data-status') ?? null;
      };
    });
    // The question and the answer's rows are new; the 1,000 before them are watched.
    await page.getByRole('textbox', { name: 'Message' }).fill('Explain streaming');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect(page.locator('.rivulet-message')).toHaveCount(1002);
    const answer = page.locator('[data-role="assistant"]').last();
    await expect(answer).toHaveAttribute('data-status', 'streaming');
    // From the first token on (sending moved Regenerate from the previous answer to this one).
    const watchedFrom = await page.evaluate(() => (window as unknown as { __watch: () => string | null }).__watch());
    expect(watchedFrom, 'the watch started while the answer streamed').toBe('streaming');
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(answer.locator('pre')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __outside: string[] }).__outside)).toEqual([]);
    expect(await messageCount(page)).toBe(1002);

    // Scroll from the end to the top in steps, one per frame. A frame's work is measured from its
    // animation-frame callback to the first task after it, which runs once style, layout and paint
    // of that frame are done; the interval between frames is reported beside it.
    const { frames, work } = await log.evaluate(
      (el) =>
        new Promise<{ frames: number[]; work: number[] }>((resolve) => {
          const frames: number[] = [];
          const work: number[] = [];
          const channel = new MessageChannel();
          let started = 0;
          channel.port1.onmessage = () => work.push(performance.now() - started);
          let last = performance.now();
          const step = Math.max(200, Math.ceil(el.scrollHeight / 300));
          const tick = (now: number) => {
            frames.push(now - last);
            last = now;
            started = performance.now();
            channel.port2.postMessage(null);
            el.scrollTop -= step;
            if (el.scrollTop > 0) requestAnimationFrame(tick);
            else setTimeout(() => resolve({ frames, work }), 50);
          };
          requestAnimationFrame(tick);
        }),
    );
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1);
      return `median ${pick(0.5)}, p95 ${pick(0.95)}, max ${pick(1)}`;
    };
    test.info().annotations.push(
      { type: 'scroll frame intervals (ms)', description: `${frames.length} frames: ${summary(frames)}` },
      {
        type: 'scroll frame work (ms)',
        description: `${summary(work)}, ${work.filter((ms) => ms > 16).length} over 16 ms`,
      },
    );
    expect(frames.length).toBeGreaterThan(10);
    await expect(page.locator('.rivulet-message').first()).toBeInViewport();
    // The code of the first answers sat in settled groups the browser skipped while the log showed
    // its end (its blocks parked, not watched by the intersection observer): scrolled back into
    // view, it is highlighted.
    const topCode = page.locator('.rivulet-code-block').first();
    await topCode.scrollIntoViewIfNeeded();
    await expect(topCode).toHaveAttribute('data-highlighted', 'true', { timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  test('a persisted conversation comes back after a reload', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('cleared')) {
        localStorage.removeItem('rivulet-history-demo');
        sessionStorage.setItem('cleared', '1');
      }
    });
    await openHistory(page, 'count=2&older=0&persist=1&tps=0');
    await page.getByRole('textbox', { name: 'Message' }).fill('Remember this question');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    // The history's own answer is done already: wait for the new one.
    await expect(page.locator('.rivulet-message')).toHaveCount(4);
    await expect(page.locator('[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
    // The text as shown (innerText): the answer may have rendered block by block before the reload and
    // renders in one pass after it, which look the same but differ in whitespace text nodes.
    const shown = () =>
      page
        .locator('[data-role="assistant"] .rivulet-markdown')
        .last()
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (see above).
        .evaluate((element) => (element as HTMLElement).innerText);
    // Read once it has stopped changing: the last render can follow the done status.
    let answer = '';
    await expect
      .poll(
        async () => {
          const now = await shown();
          const settled = now !== '' && now === answer;
          answer = now;
          return settled;
        },
        { intervals: [250] },
      )
      .toBe(true);

    await page.reload();
    await expect(page.locator('.rivulet-message')).toHaveCount(4);
    await expect(page.locator('[data-role="user"]').last()).toContainText('Remember this question');
    await expect.poll(shown).toBe(answer);
  });
});
