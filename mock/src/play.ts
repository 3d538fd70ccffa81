/**
 * Plays a plan in real time: waits each step's delay, then hands over its chunk. Shared by the
 * in-browser stream and the Node handler. Aborting the signal ends the iteration at once and
 * clears its timer, so a stalled or abandoned stream leaves nothing running.
 */
import type { MockPlan } from './plan.js';

export type PlayEvent = { kind: 'write'; chunk: string } | { kind: 'cut'; bytes: Uint8Array } | { kind: 'drop' };

/** Yields the plan's writes at their times; a stall waits until `signal` aborts. */
export async function* playPlan(plan: MockPlan, signal?: AbortSignal): AsyncGenerator<PlayEvent> {
  for (const step of plan.steps) {
    if (step.kind === 'stall') {
      await sleep(Number.POSITIVE_INFINITY, signal);
      return;
    }
    if (step.delayMs > 0 && !(await sleep(step.delayMs, signal))) return;
    if (signal?.aborted) return;
    if (step.kind === 'drop') {
      yield { kind: 'drop' };
      return;
    }
    if (step.kind === 'cut') {
      yield { kind: 'cut', bytes: step.bytes };
      continue;
    }
    if (step.chunk !== '') yield { kind: 'write', chunk: step.chunk };
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      if (timer !== undefined) clearTimeout(timer);
      resolve(false);
    };
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve(true);
        }, ms)
      : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
