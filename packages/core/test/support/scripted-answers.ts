/**
 * Scripted answers for chat tests in Node: each request gets the next list of `StreamEvent`s, as a
 * custom `send` (the events themselves) or as an `api` `fetch` (NDJSON lines of the same events).
 * Every request is recorded; a reply can hold until the request is aborted.
 */
import type { ChatMessage, StreamEvent } from '@rivulet/core';

export interface ScriptedReply {
  events: StreamEvent[];
  /** After the events, wait until the request is aborted. */
  hold?: boolean;
  /** After the events, fail with this. */
  error?: unknown;
}

export interface SentRequest {
  messages: ChatMessage[];
  signal: AbortSignal;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface FetchedRequest {
  headers: Headers;
  body: { messages: Record<string, unknown>[]; [key: string]: unknown };
}

type Replies = ScriptedReply[] | ((request: number) => ScriptedReply);

function replyOf(replies: Replies, index: number): ScriptedReply {
  const reply = typeof replies === 'function' ? replies(index) : replies[index];
  if (reply === undefined) throw new Error(`no scripted reply for request ${index + 1}`);
  return reply;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** A `send` transport answering with the scripted events. */
export function scriptedSend(replies: Replies) {
  const requests: SentRequest[] = [];
  const send = (
    messages: ChatMessage[],
    context: { signal: AbortSignal; headers?: Record<string, string>; body?: Record<string, unknown> },
  ) => {
    requests.push({ messages, ...context });
    const reply = replyOf(replies, requests.length - 1);
    async function* events(): AsyncIterable<StreamEvent> {
      for (const event of reply.events) yield event;
      if (reply.error !== undefined) throw reply.error;
      if (reply.hold) {
        await untilAborted(context.signal);
        throw new DOMException('Aborted', 'AbortError');
      }
    }
    return events();
  };
  return { send, requests };
}

/** A `fetch` for `api` answering with the scripted events as NDJSON. */
export function scriptedFetch(replies: Replies) {
  const requests: FetchedRequest[] = [];
  async function fetch(_url: string, init: RequestInit): Promise<Response> {
    requests.push({ headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
    const reply = replyOf(replies, requests.length - 1);
    const lines = reply.events.map((event) => `${JSON.stringify(event)}\n`).join('');
    return new Response(lines, { headers: { 'Content-Type': 'application/x-ndjson' } });
  }
  return { fetch, requests };
}

export const text = (delta: string): StreamEvent => ({ type: 'text', delta });
export const toolCall = (id: string, name: string, input: unknown): StreamEvent => ({
  type: 'tool-call',
  id,
  name,
  argsDelta: JSON.stringify(input),
});
export const done = (finishReason?: string): StreamEvent =>
  finishReason === undefined ? { type: 'done' } : { type: 'done', finishReason };
