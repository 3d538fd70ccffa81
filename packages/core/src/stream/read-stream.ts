/**
 * `readStream`: reads any stream source as normalised `StreamEvent`s.
 *
 * Invariants: events never depend on where chunk boundaries fall; a successful read ends with
 * exactly one `done` event; every failure is a `StreamError` thrown after all events received before
 * it were yielded; whatever way the iteration ends (done, failure, abort, timeout, the consumer
 * breaking out), the abort listener and timer are removed and the source is released or cancelled.
 * `lastEventId` only names SSE messages whose every event was delivered and whose end (the blank
 * line) arrived, so a consumer resuming after it knows exactly which events the server sends again.
 */

import { isStreamError, StreamError } from './errors';
import { assertFormat } from './formats/index';
import { ReadGuard } from './guard';
import { EventPipeline } from './pipeline';
import { assertSource, type ChunkSource, openSource } from './sources';
import type { ReadStreamOptions, StreamEvent, StreamEventIterable, StreamSource } from './types';

/** What one read shares with a read that continues it after a drop. */
interface ReadState {
  pipeline: EventPipeline | undefined;
  lastEventId: string | undefined;
  /** The source arrived and its body started to be read (a failure after this is a drop). */
  isOpen: boolean;
}

const readStates = new WeakMap<object, ReadState>();

/**
 * Reads an LLM answer stream as `StreamEvent`s.
 *
 * @param source A fetch `Response` (throws `'http'` when not ok), a `ReadableStream` of bytes or
 *   text, an `AsyncIterable` of bytes, text or `StreamEvent` objects (passed through), or a
 *   `WebSocket` (each message one chunk).
 * @param options `format` (default `'auto'`), `signal` (aborting cancels the source and throws
 *   `'aborted'`) and `idleTimeoutMs` (no data for that long throws `'timeout'`).
 * @returns An async iterable of events, ending with one `done` event; failures throw `StreamError`.
 *   Its `lastEventId` is the SSE `id:` of the last message delivered, for resuming after a drop.
 *
 * @example
 * const response = await fetch('/api/chat', { method: 'POST', body, signal });
 * for await (const event of readStream(response, { signal })) {
 *   if (event.type === 'text') output += event.delta;
 * }
 */
export function readStream(source: StreamSource, options: ReadStreamOptions = {}): StreamEventIterable {
  const format = options.format ?? 'auto';
  assertFormat(format);
  assertSource(source);
  return createIterable(source, { ...options, format }, undefined);
}

/**
 * Reads a source that may still be on its way (the promise of a `fetch`), optionally continuing
 * `previous` after a drop: the format decoder and the last event id carry over, the cut tail of the
 * old connection is gone. Waiting for the source counts against `idleTimeoutMs` like silence inside
 * it, and a source that arrives after an abort or a timeout is released unread. Private to core:
 * the stream controller's way in.
 */
export function readStreamFrom(
  source: StreamSource | PromiseLike<StreamSource>,
  options: ReadStreamOptions = {},
  previous?: StreamEventIterable,
): StreamEventIterable {
  const format = options.format ?? 'auto';
  assertFormat(format);
  if (!isPromiseLike(source)) assertSource(source);
  const state = previous ? readStates.get(previous) : undefined;
  return createIterable(source, { ...options, format }, state);
}

function createIterable(
  source: StreamSource | PromiseLike<StreamSource>,
  options: ReadStreamOptions,
  previous: ReadState | undefined,
): StreamEventIterable {
  const state: ReadState = { pipeline: previous?.pipeline, lastEventId: previous?.lastEventId, isOpen: false };
  const events = iterate(source, options, state);
  Object.defineProperty(events, 'lastEventId', { get: () => state.lastEventId, enumerable: true });
  readStates.set(events, state);
  return events as AsyncGenerator<StreamEvent, void, undefined> & StreamEventIterable;
}

async function* iterate(
  source: StreamSource | PromiseLike<StreamSource>,
  options: ReadStreamOptions,
  state: ReadState,
): AsyncGenerator<StreamEvent, void, undefined> {
  let chunks: ChunkSource | undefined = isPromiseLike(source) ? undefined : openSource(source);
  const guard = new ReadGuard(options.signal, options.idleTimeoutMs ?? 0, () => chunks?.release('cancel'));
  let isComplete = false;
  try {
    guard.throwIfFailed();
    chunks ??= openSource(await connect(source as PromiseLike<StreamSource>, guard, options));
    state.isOpen = true;
    let pipeline = state.pipeline;
    if (pipeline) pipeline.reconnect();
    else {
      pipeline = new EventPipeline(options.format ?? 'auto', {
        contentType: chunks.contentType,
        formatHint: chunks.formatHint,
      });
      state.pipeline = pipeline;
    }
    for (;;) {
      let result: IteratorResult<unknown, undefined>;
      try {
        result = await guard.race(chunks.next());
      } catch (error) {
        const failure = toStreamError(error, options, 'read');
        const cut = pipeline;
        yield* deliver(cut, guard, state, () => {
          if (failure.code !== 'interrupted' && failure.code !== 'timeout') return;
          // Data that arrived before a lost connection or a stall is still shown; the failure
          // reported stays the one that ended the read, whatever the cut tail looks like. (A cut
          // event never moves `lastEventId`: a resumed stream sends it again in full.)
          try {
            cut.flushTail();
          } catch {}
        });
        if (pipeline.done) {
          isComplete = true;
          return;
        }
        throw failure;
      }
      if (result.done) break;
      const { isMessageFramed } = chunks;
      const current = pipeline;
      yield* deliver(current, guard, state, () => {
        current.push(result.value);
        if (isMessageFramed) current.endMessage();
      });
      if (pipeline.done) {
        isComplete = true;
        return;
      }
    }
    const last = pipeline;
    yield* deliver(last, guard, state, () => last.end());
    isComplete = true;
  } finally {
    guard.dispose();
    chunks?.release(isComplete ? 'done' : 'cancel');
  }
}

/** Whether the read of `events` got as far as its source's body (a failure since was a drop). Private to core. */
export function isOpened(events: StreamEventIterable): boolean {
  return readStates.get(events)?.isOpen ?? false;
}

/**
 * Waits for a source still on its way, bounded by the abort signal and the idle timeout. One that
 * arrives too late is released unread (its body cancelled, its socket closed).
 */
async function connect(
  pending: PromiseLike<StreamSource>,
  guard: ReadGuard,
  options: ReadStreamOptions,
): Promise<StreamSource> {
  const arriving = Promise.resolve(pending);
  let source: StreamSource;
  try {
    source = await guard.race(arriving);
  } catch (error) {
    arriving.then(release, () => {});
    throw toStreamError(error, options, 'connect');
  }
  try {
    assertSource(source);
  } catch (error) {
    throw toStreamError(error, options, 'connect');
  }
  return source;
}

function release(source: StreamSource): void {
  try {
    assertSource(source);
    openSource(source).release('cancel');
  } catch {
    // Nothing readable to release.
  }
}

/**
 * Runs one pipeline step, yields every event it produced, then rethrows its failure, if any. The
 * last event id moves as the events of its message are handed over.
 */
function* deliver(
  pipeline: EventPipeline,
  guard: ReadGuard,
  state: ReadState,
  step: () => void,
): Generator<StreamEvent> {
  let failure: unknown;
  let failed = false;
  try {
    step();
  } catch (error) {
    failure = error;
    failed = true;
  }
  const events = pipeline.take();
  const ids = pipeline.takeEventIds();
  let mark = 0;
  for (let index = 0; index < events.length; index++) {
    // After an abort the consumer asked to stop: nothing more is delivered.
    guard.throwIfAborted();
    // While the consumer holds the last event of a message, that message's id is the last one.
    for (; mark < ids.length && (ids[mark] as { before: number }).before <= index + 1; mark++) {
      state.lastEventId = (ids[mark] as { id: string }).id || undefined;
    }
    yield events[index] as StreamEvent;
  }
  for (; mark < ids.length; mark++) state.lastEventId = (ids[mark] as { id: string }).id || undefined;
  if (failed) throw failure;
}

/**
 * The one place where whatever a source, a transport or a starter throws becomes a `StreamError`.
 * `'connect'`: while waiting for the source (`The request failed: …`, a timeout is `No response
 * received`); `'read'`: while reading it (`Connection lost: …`).
 */
export function toStreamError(error: unknown, options: ReadStreamOptions, phase: 'connect' | 'read'): StreamError {
  if (isStreamError(error)) {
    if (phase === 'connect' && error.code === 'timeout') {
      return new StreamError('timeout', `No response received for ${options.idleTimeoutMs} ms (idleTimeoutMs)`, {
        cause: error,
      });
    }
    return error;
  }
  const { signal } = options;
  if (signal?.aborted) return new StreamError('aborted', 'Stream aborted', { cause: signal.reason });
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return new StreamError('aborted', 'Stream aborted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  const prefix = phase === 'connect' ? 'The request failed' : 'Connection lost';
  return new StreamError('interrupted', `${prefix}: ${message}`, { cause: error });
}

function isPromiseLike(value: unknown): value is PromiseLike<StreamSource> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
