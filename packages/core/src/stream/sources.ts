/**
 * Source adaptation: every `StreamSource` becomes a `ChunkSource`, one pull-based reader of raw
 * chunks that can be released (the answer is complete) or cancelled (abort, timeout, failure, or
 * the consumer stopped iterating). Sources are told apart by shape, not `instanceof`, so polyfills,
 * other realms and the `ws` package's client work.
 */

import { httpError } from './http-error';
import type { BuiltInFormat, StreamSource } from './types';
import { openWebSocket } from './websocket-source';

export interface ChunkSource {
  /** Content-Type of the response, when the source has one. */
  readonly contentType: string | undefined;
  /** A format the source announces outright (the AI SDK's response header). */
  readonly formatHint: BuiltInFormat | undefined;
  /** Each chunk is a whole message (WebSocket). */
  readonly isMessageFramed: boolean;
  /** The next raw chunk: bytes, text or an event object. */
  next(): Promise<IteratorResult<unknown, undefined>>;
  /**
   * Stops reading. `'done'`: the answer is complete, remaining input is discarded (a socket stays
   * open). `'cancel'`: the reader is cancelled, the iterator returned, the socket closed.
   */
  release(mode: 'done' | 'cancel'): void;
}

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isResponseLike(value: unknown): value is Response {
  return (
    isObject(value) &&
    typeof value.ok === 'boolean' &&
    typeof value.status === 'number' &&
    'body' in value &&
    isObject(value.headers) &&
    typeof (value.headers as { get?: unknown }).get === 'function'
  );
}

export function isReadableStreamLike(value: unknown): value is ReadableStream<unknown> {
  return isObject(value) && typeof value.getReader === 'function';
}

export function isWebSocketLike(value: unknown): value is WebSocket {
  return (
    isObject(value) &&
    typeof value.send === 'function' &&
    typeof value.close === 'function' &&
    typeof value.addEventListener === 'function' &&
    typeof value.readyState === 'number'
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return isObject(value) && typeof value[Symbol.asyncIterator] === 'function';
}

/**
 * Throws a `TypeError` at call time for what cannot be read; opening (which locks a stream) waits
 * until iteration starts.
 */
export function assertSource(source: unknown): asserts source is StreamSource {
  if (isResponseLike(source)) {
    if (source.bodyUsed || (source.body as ReadableStream | null)?.locked) {
      throw new TypeError('[rivulet] readStream: the Response body was already read');
    }
    return;
  }
  if (isReadableStreamLike(source) || isWebSocketLike(source) || isAsyncIterable(source)) return;
  throw new TypeError(
    '[rivulet] readStream: expected a Response, a ReadableStream, an AsyncIterable or a WebSocket as source',
  );
}

/** Adapts a `StreamSource` checked by `assertSource`. */
export function openSource(source: StreamSource): ChunkSource {
  if (isResponseLike(source)) return openResponse(source);
  if (isReadableStreamLike(source)) return openReader(source.getReader(), undefined, undefined);
  if (isWebSocketLike(source)) return openWebSocket(source);
  return openIterable(source);
}

function openResponse(response: Response): ChunkSource {
  const contentType = response.headers.get('content-type') ?? undefined;
  const formatHint = response.headers.get('x-vercel-ai-ui-message-stream') ? 'ai-sdk' : undefined;
  const body = response.body as ReadableStream<unknown> | null;
  if (!body) return openEmpty(contentType, formatHint, response);
  const source = openReader(body.getReader(), contentType, formatHint);
  if (response.ok) return source;
  return {
    ...source,
    async next() {
      throw httpError(response, await readAllText(source));
    },
  };
}

function openEmpty(contentType: string | undefined, formatHint: BuiltInFormat | undefined, response: Response) {
  return {
    contentType,
    formatHint,
    isMessageFramed: false,
    async next(): Promise<IteratorResult<unknown, undefined>> {
      if (!response.ok) throw httpError(response, '');
      return { done: true, value: undefined };
    },
    release() {},
  } satisfies ChunkSource;
}

/** An error body is read up to this many characters: enough for any message, bounded for any server. */
const MAX_ERROR_BODY = 64 * 1024;

/** Reads an error body (the read stays cancellable by abort and idle timeout). */
async function readAllText(source: ChunkSource): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < MAX_ERROR_BODY) {
    const { done, value } = await source.next();
    if (done) return text + decoder.decode();
    text += typeof value === 'string' ? value : decoder.decode(value as Uint8Array, { stream: true });
  }
  source.release('cancel');
  return text;
}

function openReader(
  reader: ReadableStreamDefaultReader<unknown>,
  contentType: string | undefined,
  formatHint: BuiltInFormat | undefined,
): ChunkSource {
  let isFinished = false;
  return {
    contentType,
    formatHint,
    isMessageFramed: false,
    async next() {
      const result = await reader.read();
      if (result.done) {
        isFinished = true;
        return { done: true, value: undefined };
      }
      return { done: false, value: result.value };
    },
    release() {
      if (isFinished) return;
      isFinished = true;
      // Not awaited: cancelling resolves a pending read at once; the stream's own cleanup may take longer.
      reader.cancel().catch(() => {});
    },
  };
}

function openIterable(iterable: AsyncIterable<unknown>): ChunkSource {
  const iterator = iterable[Symbol.asyncIterator]();
  let isFinished = false;
  return {
    contentType: undefined,
    formatHint: undefined,
    isMessageFramed: false,
    async next() {
      const result = await iterator.next();
      if (result.done) {
        isFinished = true;
        return { done: true, value: undefined };
      }
      return { done: false, value: result.value };
    },
    release() {
      if (isFinished) return;
      isFinished = true;
      // Not awaited: an async generator busy in an await only returns once that await settles.
      try {
        iterator.return?.()?.catch(() => {});
      } catch {
        // The iterator failed to clean up; reading has stopped either way.
      }
    },
  };
}
