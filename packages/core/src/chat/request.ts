/**
 * The chat's transport: what an answer is asked for with, and how a dropped one is asked for again.
 * `api` POSTs `{ messages: [{ role, content }] }` as JSON (plus the `body` extras); a resumed answer
 * is the same request with the `Last-Event-ID` header and `lastEventId` in the body, so a server
 * can read it from either. A custom `send` gets `lastEventId` in its context.
 */
import type { ResumeSource } from '../controller/types';
import type { StreamSource } from '../stream/types';
import type { ChatMessage, ChatOptions } from './types';

export const missingTransportMessage = '[rivulet] createChat: pass `api` or `send`';

/** The conversation sent with a request: failed and empty answers are left out. */
export function history(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.filter((m) => m.role !== 'assistant' || (m.status !== 'error' && m.content !== ''));
}

/** Asks for the answer to `messages`; with `lastEventId`, for its continuation after that event. */
export function requestAnswer(
  options: ChatOptions,
  messages: ChatMessage[],
  signal: AbortSignal,
  lastEventId?: string,
): StreamSource | Promise<StreamSource> {
  if (options.send) return options.send(messages, lastEventId === undefined ? { signal } : { signal, lastEventId });
  if (!options.api) throw new Error(missingTransportMessage);
  const headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const extra = typeof options.body === 'function' ? options.body() : options.body;
  const body: Record<string, unknown> = {
    ...extra,
    messages: messages.map(({ role, content }) => ({ role, content })),
  };
  if (lastEventId !== undefined) {
    headers.set('Last-Event-ID', lastEventId);
    body.lastEventId = lastEventId;
  }
  const fetchAnswer = options.fetch ?? fetch;
  return fetchAnswer(options.api, { method: 'POST', headers, body: JSON.stringify(body), signal });
}

/**
 * How the chat continues an answer by default: `api` always offers it (used when the stream
 * carried ids); a custom `send` only when `resume` was turned on, since it may ignore `lastEventId`.
 */
export function defaultResume(getOptions: () => ChatOptions, messages: ChatMessage[]): ResumeSource | undefined {
  const options = getOptions();
  const isTurnedOn = options.resume !== undefined && options.resume !== false;
  if (options.send && !isTurnedOn) return undefined;
  return ({ lastEventId, signal }) => requestAnswer(getOptions(), messages, signal, lastEventId);
}
