/**
 * The mock as in-browser sources: a `ReadableStream` of bytes, a `fetch` replacement and a
 * `send` function for `useChat`. Nothing touches the network, so stories run offline.
 */
import type { MockOptions } from './options.js';
import { type MockMessage, type MockPlan, planMock } from './plan.js';
import { playPlan } from './play.js';

/**
 * A byte stream of one mock answer in the chosen wire format. A dropped connection errors the
 * stream with a `TypeError`, as `fetch` does; cancelling it stops the timers.
 *
 * @example
 * const body = createMockStream({ scenario: 'slow', format: 'anthropic' });
 */
export function createMockStream(options: MockOptions = {}, messages: readonly MockMessage[] = []) {
  return streamPlan(planMock(options, messages));
}

function streamPlan(plan: MockPlan, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const stop = new AbortController();
  const encoder = new TextEncoder();
  const abort = () => stop.abort();
  signal?.addEventListener('abort', abort, { once: true });
  const events = playPlan(plan, stop.signal);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) {
        signal?.removeEventListener('abort', abort);
        // An aborted fetch errors its body; a finished one closes it.
        if (signal?.aborted) controller.error(signal.reason ?? new DOMException('Aborted', 'AbortError'));
        else if (!stop.signal.aborted) controller.close();
        return;
      }
      const event = next.value;
      if (event.kind === 'drop') controller.error(new TypeError('network error: mock connection dropped'));
      else controller.enqueue(event.kind === 'cut' ? event.bytes : encoder.encode(event.chunk));
    },
    cancel() {
      stop.abort();
    },
  });
}

/**
 * A `fetch`-shaped function answering every request with the mock, honouring `init.signal`.
 * The request's JSON `{ messages }` body, when present, picks the answer like the server does,
 * and a `Last-Event-ID` header (or `lastEventId` in the body) resumes after that event.
 */
export function mockFetch(
  options: MockOptions = {},
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (_input, init) => {
    const { messages, lastEventId } = parseBody(init?.body);
    const header = new Headers(init?.headers).get('Last-Event-ID');
    return responseFor(planMock(options, messages, { lastEventId: header ?? lastEventId }), init?.signal ?? undefined);
  };
}

/**
 * A `send` function for `useChat({ send })`: answers with a mock `Response`, as a real endpoint would.
 *
 * @example
 * const chat = useChat({ send: mockSend({ scenario: 'error', format: 'ai-sdk' }) });
 */
export function mockSend(options: MockOptions = {}) {
  return async (
    messages: readonly MockMessage[],
    { signal, lastEventId }: { signal?: AbortSignal; lastEventId?: string } = {},
  ): Promise<Response> => responseFor(planMock(options, messages, { lastEventId }), signal);
}

function responseFor(plan: MockPlan, signal: AbortSignal | undefined): Response {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
  if (plan.outcome === 'http-error') return new Response(plan.body, { status: plan.status, headers: plan.headers });
  return new Response(streamPlan(plan, signal), { status: plan.status, headers: plan.headers });
}

function parseBody(body: BodyInit | null | undefined): { messages: MockMessage[]; lastEventId?: string } {
  if (typeof body !== 'string') return { messages: [] };
  try {
    const parsed = JSON.parse(body) as { messages?: unknown; lastEventId?: unknown };
    const messages = Array.isArray(parsed.messages) ? (parsed.messages as MockMessage[]) : [];
    return typeof parsed.lastEventId === 'string' ? { messages, lastEventId: parsed.lastEventId } : { messages };
  } catch {
    return { messages: [] };
  }
}
