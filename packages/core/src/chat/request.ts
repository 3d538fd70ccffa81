/**
 * The chat's transport: what an answer is asked for with, and how a dropped one is asked for again.
 * `api` POSTs `{ messages: [{ role, content, parts? }] }` as JSON (plus the `body` extras, the
 * chat's then the request's); `parts` goes only with messages that hold a tool call or a file, so
 * a server can pass tool results and attachments on. A resumed answer is the same request with the
 * `Last-Event-ID` header and `lastEventId` in the body, so a server can read it from either. A
 * custom `send` gets the messages themselves and `lastEventId`, `headers`, `body` in its context.
 */
import type { ResumeSource } from '../controller/types';
import type { MessagePart } from '../message/parts';
import type { StreamSource } from '../stream/types';
import type { ChatMessage, ChatOptions, ChatRequestOptions } from './types';

export const missingTransportMessage = '[rivulet] createChat: pass `api` or `send`';

/** The conversation sent with a request: failed and empty answers are left out. */
export function history(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.filter(
    (m) => m.role !== 'assistant' || (m.status !== 'error' && m.parts.some((p) => p.type !== 'reasoning')),
  );
}

/** A message as `api` sends it. */
export interface WireMessage {
  role: ChatMessage['role'];
  content: string;
  parts?: WirePart[];
}

/** A part as `api` sends it: tool calls without their raw input text. */
export type WirePart = Exclude<MessagePart, { type: 'tool-call' }> | WireToolCall;

export interface WireToolCall {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  input: unknown;
  state: 'input-streaming' | 'input-available' | 'output-available' | 'output-error';
  output?: unknown;
  errorText?: string;
}

export function wireMessage(message: ChatMessage): WireMessage {
  const { role, content, parts } = message;
  if (!parts.some((p) => p.type === 'tool-call' || p.type === 'file')) return { role, content };
  return {
    role,
    content,
    parts: parts.map((part) => {
      if (part.type !== 'tool-call') return part;
      const { inputText, ...call } = part;
      return call;
    }),
  };
}

/** Asks for the answer to `messages`; with `lastEventId`, for its continuation after that event. */
export function requestAnswer(
  options: ChatOptions,
  messages: ChatMessage[],
  signal: AbortSignal,
  extras: ChatRequestOptions,
  lastEventId?: string,
): StreamSource | Promise<StreamSource> {
  if (options.send) {
    const context: Parameters<NonNullable<ChatOptions['send']>>[1] = { signal };
    if (lastEventId !== undefined) context.lastEventId = lastEventId;
    if (extras.headers) context.headers = extras.headers;
    if (extras.body) context.body = extras.body;
    return options.send(messages, context);
  }
  if (!options.api) throw new Error(missingTransportMessage);
  const headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
  for (const [name, value] of Object.entries(extras.headers ?? {})) headers.set(name, value);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const extra = typeof options.body === 'function' ? options.body() : options.body;
  const body: Record<string, unknown> = { ...extra, ...extras.body, messages: messages.map(wireMessage) };
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
export function defaultResume(
  getOptions: () => ChatOptions,
  messages: ChatMessage[],
  extras: ChatRequestOptions,
): ResumeSource | undefined {
  const options = getOptions();
  const isTurnedOn = options.resume !== undefined && options.resume !== false;
  if (options.send && !isTurnedOn) return undefined;
  return ({ lastEventId, signal }) => requestAnswer(getOptions(), messages, signal, extras, lastEventId);
}
