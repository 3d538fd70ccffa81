import { afterEach, describe, expect, it, vi } from 'vitest';
import { highlightSliceMs, queueHighlight } from '../../src/markdown/highlight-queue';

/** The clock the queue reads (`performance.now()`), moved by the jobs alone: no real time is measured. */
let clock = 0;

/** A job step that takes `ms` on the queue's clock. */
function spend(ms: number): void {
  clock += ms;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('highlight queue', () => {
  it('runs jobs in slices that yield to other tasks once the time budget is spent', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const calls: string[] = [];
    const job = (name: string, steps: number) => {
      let left = steps;
      return () => {
        calls.push(name);
        spend(highlightSliceMs / 2 + 0.5);
        left -= 1;
        return left === 0;
      };
    };
    queueHighlight(job('a', 4));
    queueHighlight(job('b', 2));
    const slices: string[][] = [];
    let seen = 0;
    for (let task = 0; task < 50 && calls.length < 6; task += 1) {
      await nextTask();
      if (calls.length > seen) slices.push(calls.slice(seen));
      seen = calls.length;
    }
    expect(calls.filter((name) => name === 'a')).toHaveLength(4);
    expect(calls.filter((name) => name === 'b')).toHaveLength(2);
    // Each step takes over half the budget: no slice runs more than two.
    expect(slices.length).toBeGreaterThanOrEqual(3);
    for (const slice of slices) expect(slice.length).toBeLessThanOrEqual(2);
    // A job that is not done goes behind the others: b runs before a's third step.
    expect(calls.indexOf('b')).toBeLessThan(calls.lastIndexOf('a'));
  });

  it('cancels a queued job', async () => {
    let runs = 0;
    const cancel = queueHighlight(() => {
      runs += 1;
      return true;
    });
    cancel();
    await nextTask();
    await nextTask();
    expect(runs).toBe(0);
  });
});
