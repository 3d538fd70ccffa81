/**
 * A fake chat endpoint for tests in Node: a `fetch` that answers with an OpenAI-style SSE stream,
 * one event per delta, each with an `id:` (its position, 1-based) unless `ids` is off. It honours
 * `Last-Event-ID` by replaying after that event, and each request can be scripted to fail: an HTTP
 * status, a drop after N events (optionally cutting the next event part way, inside a multi-byte
 * character when it has one), or a hold that only an abort ends. Every request is recorded.
 */

export interface Reply {
  /** Answer with this HTTP status and a JSON error body instead of a stream. */
  status?: number;
  /** Send this many events, then the connection drops (the body errors). */
  dropAfter?: number;
  /** With `dropAfter`: first send the start of the next event, cut inside its first multi-byte character. */
  cutInside?: boolean;
  /** Send this many events, then go silent until the request is aborted. */
  holdAfter?: number;
}

export interface FakeRequest {
  url: string;
  headers: Headers;
  body: { messages: { role: string; content: string }[]; lastEventId?: string; [key: string]: unknown };
  signal: AbortSignal;
  /** True once the client cancelled the body or aborted the request. */
  readonly closed: boolean;
}

export interface FakeServerOptions {
  /** Text deltas of the answer, in order. */
  deltas: string[];
  /** How each request behaves, in order; requests past the list answer normally. */
  replies?: Reply[];
  /** Number the events with `id:` fields. Default true. */
  ids?: boolean;
}

const encoder = new TextEncoder();

/** One OpenAI chunk as an SSE message, numbered when `id` is given. */
export function openaiEvent(delta: string, id?: number): string {
  const data = JSON.stringify({ choices: [{ index: 0, delta: { content: delta }, finish_reason: null }] });
  return `${id === undefined ? '' : `id: ${id}\n`}data: ${data}\n\n`;
}

/** The whole stream of an answer: one event per delta, the finish chunk, `[DONE]`. */
export function answerEvents(deltas: string[], ids = true): string[] {
  const finish = `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`;
  const events = [...deltas.map((delta) => openaiEvent(delta)), finish, 'data: [DONE]\n\n'];
  return ids ? events.map((event, index) => `id: ${index + 1}\n${event}`) : events;
}

/** The bytes of `event` up to the middle of its first multi-byte character (or its middle). */
function cutEvent(event: string): Uint8Array {
  const bytes = encoder.encode(event);
  const multiByte = bytes.findIndex((byte) => byte >= 0xc0);
  return bytes.slice(0, multiByte >= 0 ? multiByte + 1 : Math.floor(bytes.length / 2));
}

export function createFakeServer(options: FakeServerOptions) {
  const events = answerEvents(options.deltas, options.ids ?? true);
  const requests: FakeRequest[] = [];

  async function fetch(url: string, init: RequestInit): Promise<Response> {
    const signal = init.signal ?? new AbortController().signal;
    let closed = false;
    const request: FakeRequest = {
      url,
      headers: new Headers(init.headers),
      body: JSON.parse(String(init.body)),
      signal,
      get closed() {
        return closed || signal.aborted;
      },
    };
    requests.push(request);
    const reply = options.replies?.[requests.length - 1] ?? {};
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    if (reply.status !== undefined) {
      return new Response(JSON.stringify({ error: { message: `Unavailable (${reply.status})` } }), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const lastEventId = request.headers.get('Last-Event-ID');
    let next = lastEventId === null ? 0 : Number(lastEventId);
    let sent = 0;
    let wake: (() => void) | undefined;
    signal.addEventListener('abort', () => wake?.(), { once: true });
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (reply.holdAfter !== undefined && sent >= reply.holdAfter) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          controller.error(new DOMException('Aborted', 'AbortError'));
          return;
        }
        if (reply.dropAfter !== undefined && sent >= reply.dropAfter) {
          const cut = events[next];
          if (reply.cutInside && cut !== undefined) controller.enqueue(cutEvent(cut));
          // Let the reader take the cut bytes before the connection breaks.
          await new Promise((resolve) => setTimeout(resolve, 1));
          controller.error(new TypeError('network error'));
          return;
        }
        const event = events[next];
        if (event === undefined) {
          controller.close();
          return;
        }
        next += 1;
        sent += 1;
        controller.enqueue(encoder.encode(event));
      },
      cancel() {
        closed = true;
        wake?.();
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }

  return { fetch, requests, text: options.deltas.join('') };
}
