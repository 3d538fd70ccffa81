/**
 * `readStream`: reads any stream source as normalised `StreamEvent`s.
 *
 * Invariants: events never depend on where chunk boundaries fall; a successful read ends with
 * exactly one `done` event; every failure is a `StreamError` thrown after all events received before
 * it were yielded; whatever way the iteration ends (done, failure, abort, timeout, the consumer
 * breaking out), the abort listener and timer are removed and the source is released or cancelled.
 */

import { isStreamError, StreamError } from './errors';
import { assertFormat } from './formats/index';
import { ReadGuard } from './guard';
import { EventPipeline } from './pipeline';
import { assertSource, openSource } from './sources';
import type { ReadStreamOptions, StreamEvent, StreamSource } from './types';

/**
 * Reads an LLM answer stream as `StreamEvent`s.
 *
 * @param source A fetch `Response` (throws `'http'` when not ok), a `ReadableStream` of bytes or
 *   text, an `AsyncIterable` of bytes, text or `StreamEvent` objects (passed through), or a
 *   `WebSocket` (each message one chunk).
 * @param options `format` (default `'auto'`), `signal` (aborting cancels the source and throws
 *   `'aborted'`) and `idleTimeoutMs` (no data for that long throws `'timeout'`).
 * @returns An async iterable of events, ending with one `done` event; failures throw `StreamError`.
 *
 * @example
 * const response = await fetch('/api/chat', { method: 'POST', body, signal });
 * for await (const event of readStream(response, { signal })) {
 *   if (event.type === 'text') output += event.delta;
 * }
 */
export function readStream(source: StreamSource, options: ReadStreamOptions = {}): AsyncIterable<StreamEvent> {
  const format = options.format ?? 'auto';
  assertFormat(format);
  assertSource(source);
  return iterate(source, { ...options, format });
}

async function* iterate(
  source: StreamSource,
  options: ReadStreamOptions,
): AsyncGenerator<StreamEvent, void, undefined> {
  const chunks = openSource(source);
  const guard = new ReadGuard(options.signal, options.idleTimeoutMs ?? 0, () => chunks.release('cancel'));
  let isComplete = false;
  try {
    guard.throwIfFailed();
    const pipeline = new EventPipeline(options.format ?? 'auto', {
      contentType: chunks.contentType,
      formatHint: chunks.formatHint,
    });
    for (;;) {
      let result: IteratorResult<unknown, undefined>;
      try {
        result = await guard.race(chunks.next());
      } catch (error) {
        const failure = toStreamError(error, options.signal);
        yield* deliver(pipeline, guard, () => {
          if (failure.code !== 'interrupted' && failure.code !== 'timeout') return;
          // Data that arrived before a lost connection or a stall is still shown; the failure
          // reported stays the one that ended the read, whatever the cut tail looks like.
          try {
            pipeline.flushTail();
          } catch {}
        });
        if (pipeline.done) {
          isComplete = true;
          return;
        }
        throw failure;
      }
      if (result.done) break;
      yield* deliver(pipeline, guard, () => {
        pipeline.push(result.value);
        if (chunks.isMessageFramed) pipeline.endMessage();
      });
      if (pipeline.done) {
        isComplete = true;
        return;
      }
    }
    yield* deliver(pipeline, guard, () => pipeline.end());
    isComplete = true;
  } finally {
    guard.dispose();
    chunks.release(isComplete ? 'done' : 'cancel');
  }
}

/** Runs one pipeline step, yields every event it produced, then rethrows its failure, if any. */
function* deliver(pipeline: EventPipeline, guard: ReadGuard, step: () => void): Generator<StreamEvent> {
  let failure: unknown;
  let failed = false;
  try {
    step();
  } catch (error) {
    failure = error;
    failed = true;
  }
  for (const event of pipeline.take()) {
    // After an abort the consumer asked to stop: nothing more is delivered.
    guard.throwIfAborted();
    yield event;
  }
  if (failed) throw failure;
}

function toStreamError(error: unknown, signal: AbortSignal | undefined): StreamError {
  if (isStreamError(error)) return error;
  if (signal?.aborted) return new StreamError('aborted', 'Stream aborted', { cause: signal.reason });
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return new StreamError('aborted', 'Stream aborted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new StreamError('interrupted', `Connection lost: ${message}`, { cause: error });
}
