/**
 * A long session in Chromium: 100 conversations streamed and cleared in one page (the demo's chat
 * unmounted and mounted again after each answer) leave no growth: after a garbage collection the
 * DOM node and event-listener counts come back to where they were after the first ten, the JS heap
 * grows by less than the size of a few answers, and nothing keeps running (timers, frames, bodies).
 */
import type { CDPSession } from '@playwright/test';
import { expect, test } from './fixtures';
import { watchLeaks } from './leaks';

async function measure(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { nodes: counters.nodes, listeners: counters.jsEventListeners, heap: heap.usedSize };
}

test('100 conversations streamed and cleared leave no growth', async ({ page, openChat }) => {
  test.setTimeout(180_000);
  const leaks = await watchLeaks(page);
  const chat = await openChat('answer=overview&tps=0');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  async function conversation() {
    await chat.send('Explain streaming');
    await expect(chat.answer).toHaveAttribute('data-status', 'done');
    await expect(chat.answer.locator('pre code span').first()).toBeVisible();
    await page.evaluate(() => window.rivuletDemo?.setChatMounted(false));
    await expect(chat.log).toHaveCount(0);
    await page.evaluate(() => window.rivuletDemo?.setChatMounted(true));
    await expect(chat.composer).toBeVisible();
  }

  // Warm up: lazy chunks (highlighter, grammars) load once and stay.
  for (let i = 0; i < 10; i++) await conversation();
  const baseline = await measure(cdp);
  const live = await leaks.baseline();
  for (let i = 0; i < 90; i++) await conversation();
  const after = await measure(cdp);

  test.info().annotations.push({
    type: 'after 90 more conversations',
    description: `DOM nodes ${baseline.nodes} → ${after.nodes}, listeners ${baseline.listeners} → ${after.listeners}, heap ${(baseline.heap / 1e6).toFixed(2)} MB → ${(after.heap / 1e6).toFixed(2)} MB`,
  });
  // One answer's DOM is a few hundred nodes: 90 kept answers would be tens of thousands.
  expect(after.nodes - baseline.nodes).toBeLessThan(300);
  expect(after.listeners - baseline.listeners).toBeLessThan(20);
  // An answer is 2.5 KB of text; 90 kept with their trees would be several MB.
  expect(after.heap - baseline.heap).toBeLessThan(1.5e6);
  await leaks.expectBackTo(live);
});
