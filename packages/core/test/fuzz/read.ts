/**
 * Bounded reading for the fuzz suite: a read that takes longer than its budget is reported as hung
 * instead of hanging the suite, and the shape of what was read is checked against the contract.
 */

import { type ReadStreamOptions, readStream, type StreamEvent, type StreamSource } from '@rivulet/core';

export interface BoundedRead {
  events: StreamEvent[];
  error: unknown;
  /** The read neither ended nor failed within its budget. */
  hung: boolean;
}

/** Reads `source` to the end, giving up (and releasing the reader) after `budgetMs`. */
export async function readBounded(
  source: StreamSource,
  options: ReadStreamOptions,
  budgetMs = 2000,
): Promise<BoundedRead> {
  const events: StreamEvent[] = [];
  const iterator = readStream(source, options)[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), budgetMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), expired]);
      if (next === 'expired') {
        void iterator.return?.().catch(() => {});
        return { events, error: undefined, hung: true };
      }
      if (next.done) return { events, error: undefined, hung: false };
      events.push(next.value);
    }
  } catch (error) {
    return { events, error, hung: false };
  } finally {
    clearTimeout(timer);
  }
}

/** A stream that delivers `chunks`, then closes, errors with `failWith`, or stays silent (`hang`). */
export function sourceOf<T>(
  chunks: readonly T[],
  end: { failWith?: unknown; hang?: boolean } = {},
): { stream: ReadableStream<T>; wasCancelled: () => boolean } {
  let index = 0;
  let cancelled = false;
  const stream = new ReadableStream<T>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (end.failWith !== undefined) controller.error(end.failWith);
      else if (end.hang) return new Promise<void>(() => {});
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, wasCancelled: () => cancelled };
}

const EVENT_TYPES = new Set(['text', 'reasoning', 'tool-call', 'usage', 'done']);

/** Contract violations in a list of events (empty when it is fine). */
export function eventProblems(events: readonly StreamEvent[], ended: 'done' | 'error'): string[] {
  const problems: string[] = [];
  events.forEach((event, index) => {
    if (typeof event !== 'object' || event === null || !EVENT_TYPES.has(event.type)) {
      problems.push(`event ${index} has no known type: ${JSON.stringify(event)}`);
      return;
    }
    switch (event.type) {
      case 'text':
      case 'reasoning':
        if (typeof event.delta !== 'string') problems.push(`event ${index}: delta is not a string`);
        break;
      case 'tool-call':
        if (typeof event.id !== 'string' || typeof event.argsDelta !== 'string') {
          problems.push(`event ${index}: tool-call id/argsDelta not strings: ${JSON.stringify(event)}`);
        }
        if (event.name !== undefined && typeof event.name !== 'string')
          problems.push(`event ${index}: name not a string`);
        break;
      case 'usage':
        for (const [key, count] of Object.entries(event.usage ?? {})) {
          if (typeof count !== 'number' || !Number.isFinite(count))
            problems.push(`event ${index}: usage.${key} = ${count}`);
        }
        break;
      case 'done':
        if (index !== events.length - 1) problems.push(`done at ${index} is not the last event`);
        if (event.finishReason !== undefined && typeof event.finishReason !== 'string') {
          problems.push(`event ${index}: finishReason is not a string`);
        }
        break;
    }
  });
  const last = events[events.length - 1];
  if (ended === 'done' && last?.type !== 'done') problems.push('a successful read does not end with done');
  if (ended === 'error' && last?.type === 'done') problems.push('a failed read yielded done');
  return problems;
}

/** Events with adjacent text (and reasoning) deltas merged: what a UI shows, chunking aside. */
export function merged(events: readonly StreamEvent[]): StreamEvent[] {
  const out: StreamEvent[] = [];
  for (const event of events) {
    const last = out[out.length - 1];
    if ((event.type === 'text' || event.type === 'reasoning') && last?.type === event.type) {
      out[out.length - 1] = { type: event.type, delta: last.delta + event.delta };
    } else out.push(event);
  }
  return out;
}
