/**
 * The server side of a fault scenario: byte streams the test feeds step by step (and that record
 * whether their reader cancelled them or read them to the end), a `fetch` replacement answering
 * each request with the next scripted reply, and the smallest realistic wire transcripts of
 * OpenAI Chat Completions and Anthropic Messages streams.
 */
import type { TrackedStreamState } from './leaks';

const encoder = new TextEncoder();

type Step = { kind: 'chunk'; bytes: Uint8Array } | { kind: 'close' } | { kind: 'error'; error: unknown };

export interface Wire extends TrackedStreamState {
  readonly stream: ReadableStream<Uint8Array>;
  /** Send text (UTF-8) as one chunk. */
  send(text: string): void;
  /** Send bytes as one chunk. */
  sendBytes(bytes: Uint8Array): void;
  /** End the body normally. */
  close(): void;
  /** The connection breaks: the body errors. */
  drop(error?: unknown): void;
  /** Resolves once the reader has taken every chunk sent so far. */
  drained(): Promise<void>;
}

/**
 * A byte stream fed by the test. Chunks are handed over only when the reader asks for them
 * (high-water mark 0), so `'closed'` means the reader really read to the end. Aborting a fetch
 * does not touch it: only the reader cancelling it counts as cleanup.
 */
export function createWire(label: string): Wire {
  const steps: Step[] = [];
  let wake: (() => void) | undefined;
  let drainedWaiters: Array<() => void> = [];
  let state: Wire['state'] = 'open';

  const notifyDrained = () => {
    if (steps.length > 0) return;
    const waiters = drainedWaiters;
    drainedWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (steps.length === 0 && state === 'open') {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        if (state !== 'open') return;
        const step = steps.shift() as Step;
        if (step.kind === 'chunk') controller.enqueue(step.bytes);
        else if (step.kind === 'close') {
          state = 'closed';
          controller.close();
        } else {
          state = 'errored';
          controller.error(step.error);
        }
        notifyDrained();
      },
      cancel() {
        state = 'cancelled';
        wake?.();
        notifyDrained();
      },
    },
    { highWaterMark: 0 },
  );

  function push(step: Step): void {
    steps.push(step);
    const resume = wake;
    wake = undefined;
    resume?.();
  }

  return {
    label,
    get state() {
      return state;
    },
    stream,
    send: (text) => push({ kind: 'chunk', bytes: encoder.encode(text) }),
    sendBytes: (bytes) => push({ kind: 'chunk', bytes }),
    close: () => push({ kind: 'close' }),
    drop: (error = new TypeError('network error')) => push({ kind: 'error', error }),
    drained: () =>
      new Promise<void>((resolve) => {
        if (steps.length === 0 || state !== 'open') resolve();
        else drainedWaiters.push(resolve);
      }),
  };
}

export interface Reply {
  /** The request fails before any response, as `fetch` does when the network is down. */
  networkError?: Error;
  status?: number;
  statusText?: string;
  contentType?: string;
  /** A streamed body, or a whole body given at once (error responses). */
  body?: Wire | string;
}

export interface FetchRequest {
  url: string;
  signal: AbortSignal;
  json: unknown;
}

/**
 * A `fetch` answering request n with `replies[n]`. Requests are recorded with their abort signal.
 * Like a real fetch it rejects when the signal is already aborted.
 */
export function scriptedFetch(replies: Reply[]) {
  const requests: FetchRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const signal = init.signal ?? new AbortController().signal;
    requests.push({ url: String(input), signal, json: JSON.parse(String(init.body)) });
    if (signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const reply = replies[requests.length - 1];
    if (reply === undefined) throw new Error(`No reply scripted for request ${requests.length}`);
    if (reply.networkError) throw reply.networkError;
    const headers = { 'content-type': reply.contentType ?? 'text/event-stream; charset=utf-8' };
    const body = typeof reply.body === 'string' || reply.body === undefined ? (reply.body ?? null) : reply.body.stream;
    return new Response(body, { status: reply.status ?? 200, statusText: reply.statusText, headers });
  };
  return { fetch, requests };
}

/** OpenAI Chat Completions stream events, as the API sends them. */
export const openai = {
  first: () =>
    `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}\n\n`,
  delta: (content: string) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
    })}\n\n`,
  finish: () =>
    `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`,
  /** An in-band error, as OpenAI-compatible servers send it mid-stream. */
  error: (message: string) =>
    `data: {"error":{"message":${JSON.stringify(message)},"type":"server_error","param":null,"code":null}}\n\n`,
  /** A whole answer. */
  answer: (deltas: string[]) => openai.first() + deltas.map(openai.delta).join('') + openai.finish(),
};

/** Anthropic Messages stream events, as the API sends them. */
export const anthropic = {
  first: () =>
    'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}\n\n' +
    'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
  delta: (text: string) =>
    `event: content_block_delta\ndata: ${JSON.stringify({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text },
    })}\n\n`,
  finish: () =>
    'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n' +
    'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":9}}\n\n' +
    'event: message_stop\ndata: {"type":"message_stop"}\n\n',
  error: (type: string, message: string) =>
    `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message } })}\n\n`,
  answer: (deltas: string[]) => anthropic.first() + deltas.map(anthropic.delta).join('') + anthropic.finish(),
};
