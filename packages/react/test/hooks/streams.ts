/**
 * Test sources built on the platform's own `ReadableStream` and `Response`: a stream the test
 * pushes into chunk by chunk, and a `fetch` mock whose responses abort like real ones.
 */
import { vi } from 'vitest';

export interface PushStream {
  stream: ReadableStream<Uint8Array>;
  push(text: string): void;
  close(): void;
  fail(error: unknown): void;
  /** True once the consumer cancelled the stream (e.g. on abort). */
  readonly cancelled: boolean;
}

/** A byte stream the test feeds by hand. */
export function pushStream(): PushStream {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    stream,
    push(text) {
      if (!closed && !cancelled) controller.enqueue(encoder.encode(text));
    },
    close() {
      if (closed || cancelled) return;
      closed = true;
      controller.close();
    },
    fail(error) {
      if (closed || cancelled) return;
      closed = true;
      controller.error(error);
    },
    get cancelled() {
      return cancelled;
    },
  };
}

export interface FetchCall {
  url: string;
  init: RequestInit;
  signal: AbortSignal;
  body: PushStream;
  /** The JSON the request carried. */
  json(): unknown;
}

/**
 * A `fetch` replacement: each call gets a fresh `PushStream` as its text/plain body. Aborting the
 * request's signal errors the body with an `AbortError`, as browsers do.
 */
export function mockFetch(options: { status?: number } = {}) {
  const calls: FetchCall[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const body = pushStream();
    const signal = init.signal ?? new AbortController().signal;
    const call: FetchCall = {
      url: String(input),
      init,
      signal,
      body,
      json: () => JSON.parse(String(init.body)),
    };
    calls.push(call);
    if (signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    signal.addEventListener('abort', () => body.fail(new DOMException('The operation was aborted.', 'AbortError')));
    return new Response(body.stream, {
      status: options.status ?? 200,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  });
  return { fetch, calls };
}

/** Let pending promise callbacks (stream reads) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => queueMicrotask(resolve));
}
