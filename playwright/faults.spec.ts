/**
 * Faults end to end in real Chromium, with `<ChatWindow api>` (and its `useChat`) against the mock
 * server: an event that is not valid JSON, a 5 MB answer, a single 1 MB line, and unmounting the
 * chat mid-answer. Each test also asserts that the page reported no error (console errors,
 * uncaught exceptions, unhandled rejections) and that every timer, frame, request, body, reader
 * and socket started for the answer is gone once it settled.
 */

import type { Page } from '@playwright/test';
import { answerDeltas, answerText, findAnswer, GENERATED_SIZES, generateAnswer } from '../mock/src/index.js';
import { type Chat, expect, test, watchPageErrors } from './fixtures';
import { type Leaks, type LiveWork, watchLeaks } from './leaks';

/** Rendered text compared without Markdown syntax and with any run of whitespace as one space. */
const plain = (text: string) => text.replace(/[#*`]/g, '').replace(/\s+/g, ' ').trim();

interface Guarded {
  chat: Chat;
  leaks: Leaks;
  errors: string[];
  baseline: LiveWork;
}

/** Opens the chat with the page-error and leak guards in place, and takes the leak baseline. */
async function openGuarded(page: Page, openChat: (query?: string) => Promise<Chat>, query: string): Promise<Guarded> {
  const errors = await watchPageErrors(page);
  const leaks = await watchLeaks(page);
  const chat = await openChat(query);
  const baseline = await leaks.baseline();
  return { chat, leaks, errors, baseline };
}

/** Milliseconds until `answer` reports a status, from `start`. */
async function msUntilStatus(chat: Chat, status: string, start: number, timeout: number) {
  await expect(chat.answer).toHaveAttribute('data-status', status, { timeout });
  return Math.round(performance.now() - start);
}

/** Starts collecting main-thread long tasks (over 50 ms) in the page. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return async () => {
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return {
      count: tasks.length,
      total: Math.round(tasks.reduce((a, b) => a + b, 0)),
      max: Math.round(Math.max(0, ...tasks)),
    };
  };
}

/** How long the page takes to run one animation frame callback: it stays usable when this is short. */
function frameLatency(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(Math.round(performance.now() - start)));
      }),
  );
}

test.describe('faults end to end', () => {
  test('an event that is not valid JSON: the parse error shown, the text before it kept, Retry works', async ({
    page,
    openChat,
  }) => {
    // The first request breaks at token 40 and would carry on; the retry (same run) is clean.
    const { chat, leaks, errors, baseline } = await openGuarded(
      page,
      openChat,
      'answer=overview&invalidJsonAfter=40&faultLimit=1&tps=400',
    );
    await chat.send('Explain streaming');
    const errorRow = chat.answer.locator('[data-rivulet-error]');
    await expect(errorRow).toContainText('Invalid JSON', { timeout: 10_000 });
    // The offending event is quoted: the cut-off OpenAI chunk.
    await expect(errorRow).toContainText('{"id":"chatcmpl-mock');
    await expect(chat.answer).toHaveAttribute('data-status', 'error');
    const before = answerDeltas(findAnswer('overview')!)
      .slice(0, 40)
      .map((delta) => (delta.type === 'text' ? delta.delta : ''))
      .join('');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
    expect(plain(await chat.answer.locator('.rivulet-markdown').innerText())).toBe(plain(before));
    // The client stopped reading at the bad event while the server still had the rest to send.
    await expect.poll(() => chat.counts()).toMatchObject({ started: 1, aborted: 1 });
    await leaks.expectBackTo(baseline);

    await chat.page.getByRole('button', { name: 'Retry' }).click();
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(chat.page.locator('[data-role="assistant"]')).toHaveCount(1);
    await expect(chat.page.locator('[data-rivulet-error]')).toHaveCount(0);
    await expect(chat.answer).toContainText('See the Streams API on MDN');
    expect(await chat.counts()).toMatchObject({ started: 2, aborted: 1, completed: 1 });
    await leaks.expectBackTo(baseline);
    expect(errors).toEqual([]);
  });

  test('a 5 MB answer sent all at once: every paragraph arrives and renders, the page stays usable', async ({
    page,
    openChat,
  }, testInfo) => {
    test.setTimeout(60_000);
    const { chat, leaks, errors, baseline } = await openGuarded(page, openChat, 'scenario=huge');
    const expected = answerText(generateAnswer('huge')!)
      .split('\n\n')
      .map((paragraph) => paragraph.replace(/\*\*/g, ''));
    const longTasks = await watchLongTasks(page);
    const start = performance.now();
    await chat.send('Write a lot');
    const doneMs = await msUntilStatus(chat, 'done', start, 45_000);

    // A backlog this large is rendered in slices of about 64 KB, a task each: wait for the last.
    const renderedParagraphs = () =>
      chat.answer.evaluate((answer) =>
        [...answer.querySelectorAll('.rivulet-markdown p')].map((paragraph) => paragraph.textContent ?? ''),
      );
    await expect.poll(async () => (await renderedParagraphs()).length, { timeout: 30_000 }).toBe(expected.length);
    const renderedMs = Math.round(performance.now() - start);
    const rendered = await renderedParagraphs();
    expect(rendered.at(-1)).toBe(`The end: ${expected.length - 1} paragraphs.`);
    const total = rendered.reduce((sum, paragraph) => sum + paragraph.length, 0);
    expect(total).toBe(expected.reduce((sum, paragraph) => sum + paragraph.length, 0));
    // Paragraph by paragraph, so a mismatch prints an index rather than five megabytes.
    const firstDifference = rendered.findIndex((paragraph, index) => paragraph !== expected[index]);
    expect(firstDifference, 'the first paragraph that differs').toBe(-1);

    const latency = await frameLatency(page);
    await chat.composer.fill('Still typing');
    await expect(chat.composer).toHaveValue('Still typing');
    const tasks = await longTasks();
    testInfo.annotations.push({
      type: 'figure',
      description: `${total} characters (${GENERATED_SIZES.huge} requested) done ${doneMs} ms after Enter, all rendered after ${renderedMs} ms; long tasks: ${tasks.count}, ${tasks.total} ms in all, longest ${tasks.max} ms; a frame afterwards ${latency} ms`,
    });
    expect(latency).toBeLessThan(1000);
    await expect.poll(() => chat.counts()).toMatchObject({ started: 1, completed: 1 });
    await leaks.expectBackTo(baseline);
    expect(errors).toEqual([]);
  });

  test('a single 1 MB line: it arrives whole, wraps inside the chat, and the page stays usable', async ({
    page,
    openChat,
  }, testInfo) => {
    const { chat, leaks, errors, baseline } = await openGuarded(page, openChat, 'scenario=long-line');
    const expected = answerText(generateAnswer('long-line')!);
    const start = performance.now();
    await chat.send('One long line');
    const doneMs = await msUntilStatus(chat, 'done', start, 20_000);

    const line = await chat.answer.locator('.rivulet-markdown p').evaluate((paragraph) => paragraph.textContent ?? '');
    expect(line.length).toBe(expected.length);
    expect(line === expected, 'the rendered line equals the line sent').toBe(true);
    // No horizontal overflow: the line wraps instead of widening the chat.
    const overflow = await chat.log.evaluate((log) => log.scrollWidth - log.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const latency = await frameLatency(page);
    await chat.composer.fill('Still typing');
    await expect(chat.composer).toHaveValue('Still typing');
    testInfo.annotations.push({
      type: 'figure',
      description: `${expected.length} characters on one line, done ${doneMs} ms after Enter; a frame afterwards ${latency} ms`,
    });
    expect(latency).toBeLessThan(1000);
    await leaks.expectBackTo(baseline);
    expect(errors).toEqual([]);
  });

  test('unmounting the chat mid-answer aborts the request and leaves nothing running', async ({ page, openChat }) => {
    const { chat, leaks, errors, baseline } = await openGuarded(page, openChat, 'scenario=slow&tps=12');
    await chat.send('Explain streaming');
    await expect.poll(() => chat.answerLength(), { timeout: 10_000 }).toBeGreaterThan(20);
    await expect(chat.answer).toHaveAttribute('data-status', 'streaming');

    await page.evaluate(() => window.rivuletDemo?.setChatMounted(false));
    await expect(chat.log).toHaveCount(0);
    await expect.poll(() => chat.counts()).toMatchObject({ started: 1, aborted: 1, completed: 0 });
    await leaks.expectBackTo(baseline);

    // A fresh chat mounted afterwards works: the unmounted one left no state behind.
    await page.evaluate(() => window.rivuletDemo?.setChatMounted(true));
    await expect(chat.log).toBeVisible();
    await expect(page.locator('[data-role="assistant"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the guards see a pending timer, frame, open body, socket, console error and unhandled rejection', async ({
    page,
    openChat,
  }) => {
    const { chat, leaks, errors, baseline } = await openGuarded(page, openChat, '');
    const leaked = await page.evaluate(async (run) => {
      const state = window as unknown as { __leftOver: { timer: number; frame: number; body: ReadableStream } };
      const response = await fetch(`/api/chat?scenario=stall&tps=0&run=${run}`, { method: 'POST', body: '{}' });
      const body = response.body!;
      const reader = body.getReader();
      await reader.read();
      // Releasing the lock is not closing the stream: the body stays open.
      reader.releaseLock();
      await new Promise((resolve) => setTimeout(resolve, 0));
      state.__leftOver = { timer: window.setTimeout(() => {}, 60_000), frame: requestAnimationFrame(() => {}), body };
      new WebSocket(`ws://${location.host}/no-socket-here`);
      const live = window.__rivuletLeaks!.snapshot();
      console.error('a console error');
      void Promise.reject(new Error('an unhandled rejection'));
      return live;
    }, chat.run);
    expect(leaked.timers).toContain('timeout 60000');
    expect(leaked.frames).toBeGreaterThanOrEqual(1);
    expect(leaked.bodies).toEqual(['/api/chat']);
    expect(leaked.readers).toBe(0);
    expect(leaked.sockets).toEqual([expect.stringContaining('/no-socket-here')]);
    await expect.poll(() => errors.join('\n')).toContain('a console error');
    await expect.poll(() => errors.join('\n')).toContain('an unhandled rejection');

    // Undo it all: the counts come back to the baseline, and the server sees the request leave.
    await page.evaluate(async () => {
      const { timer, frame, body } = (
        window as unknown as { __leftOver: { timer: number; frame: number; body: ReadableStream } }
      ).__leftOver;
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      await body.cancel();
    });
    await leaks.expectBackTo(baseline);
    await expect.poll(() => chat.counts()).toMatchObject({ started: 1, aborted: 1 });
  });
});
