/**
 * Memory measurements (extra `memory`): the JS heap after a full collection, read through the
 * DevTools protocol, each figure in a fresh page so nothing else is on the heap.
 * - streamed / static: the 200 KB answer streamed and left on screen, against one static render of
 *   it (SPEC issue 16: within 2x); both minus the heap of the page before rendering.
 * - cleared: 2 KB answers streamed and unmounted one after another; the heap after 100 against the
 *   heap after 10 (nothing may grow with their number).
 */
import type { Page } from 'playwright-core';
import type { RendererId } from '../shared/types';

export interface MemoryRow {
  renderer: RendererId;
  /** Heap kept by the streamed 200 KB answer on screen, MB. */
  streamed: number;
  /** Heap kept by the static render of the same answer, MB. */
  static: number;
  ratio: number;
  /** Heap growth from the 10th to the 100th answer streamed and cleared, KB per answer. */
  clearedGrowthPerAnswer: number;
}

/** Used JS heap after a full garbage collection, in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}
