/**
 * Chat store: the conversation, one answer streaming at a time through a stream controller.
 * Framework-free. Invariants: only the streaming message's object is replaced while it streams
 * (finished messages keep their identity); per-message listeners hear only about their own message;
 * list listeners hear `'structure'` when messages are added/removed or the chat status changes and
 * `'content'` for text updates; a stopped or failed answer keeps every character it received.
 */
import type { StreamError, StreamFormat, StreamSource, StreamUsage } from '@rivulet/core';
import { createStreamController, type StreamState, type StreamStatus, type ToolCallState } from '../stream-controller';

export type ChatRole = 'user' | 'assistant' | 'system';

/** One message of the conversation. Assistant answers carry their stream's status and details. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  content: string;
  /** Assistant answers: where the stream stands. */
  status?: StreamStatus;
  /** Set when `status` is `'error'`; `content` keeps what arrived before the failure. */
  error?: StreamError;
  usage?: StreamUsage;
  toolCalls?: ToolCallState[];
  reasoning?: string;
}

/** A message as given in `initialMessages`: the id is optional. */
export type ChatMessageInit = Omit<ChatMessage, 'id'> & { id?: string };

/** Sends the conversation and returns the answer's stream; abort with `signal`. */
export type ChatSend = (
  messages: ChatMessage[],
  context: { signal: AbortSignal },
) => StreamSource | Promise<StreamSource>;

export interface ChatStoreOptions {
  /** Endpoint that receives `POST { messages: [{ role, content }] }` as JSON and streams the answer. */
  api?: string;
  /** Custom transport, used instead of `api`. */
  send?: ChatSend;
  /** Wire format of the answer. Default `'auto'`. */
  format?: StreamFormat;
  maxFps?: number;
  smoothing?: boolean;
  idleTimeoutMs?: number;
  /** Extra request headers for `api` (an object, or a function called per request). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Extra JSON fields sent beside `messages` to `api` (an object, or a function called per request). */
  body?: Record<string, unknown> | (() => Record<string, unknown>);
  /** An answer completed normally (not called for a stop or an error). */
  onFinish?: (message: ChatMessage) => void;
  /** An answer failed; the message keeps its partial text and the error. */
  onError?: (error: StreamError, message: ChatMessage) => void;
}

export interface ChatState {
  messages: ChatMessage[];
  /** Status of the latest answer; `'idle'` before the first. */
  status: StreamStatus;
  error: StreamError | undefined;
}

/** The parts of the state that change only when messages come or go or the status changes. */
export interface ChatStructure {
  ids: string[];
  status: StreamStatus;
  error: StreamError | undefined;
}

export type ChatChange = 'structure' | 'content';

export interface ChatStore {
  getState(): ChatState;
  getStructure(): ChatStructure;
  getMessage(id: string): ChatMessage | undefined;
  subscribe(listener: (change: ChatChange) => void): () => void;
  subscribeMessage(id: string, listener: () => void): () => void;
  send(text: string): void;
  stop(): void;
  retry(): void;
  setMessages(next: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])): void;
}

export const missingTransportMessage = '[rivulet] useChat: pass `api` or `send`';

function isBusy(status: StreamStatus): boolean {
  return status === 'connecting' || status === 'streaming';
}

/** The conversation sent with a request: failed and empty answers are left out. */
function history(messages: ChatMessage[]): ChatMessage[] {
  return messages.filter((m) => m.role !== 'assistant' || (m.status !== 'error' && m.content !== ''));
}

function request(options: ChatStoreOptions, messages: ChatMessage[], signal: AbortSignal) {
  if (options.send) return options.send(messages, { signal });
  if (!options.api) throw new Error(missingTransportMessage);
  const headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const extra = typeof options.body === 'function' ? options.body() : options.body;
  return fetch(options.api, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...extra, messages: messages.map(({ role, content }) => ({ role, content })) }),
    signal,
  });
}

/** The message an answer's stream state describes. Fields without a value are left out. */
function answerMessage(id: string, stream: StreamState): ChatMessage {
  const message: ChatMessage = { id, role: 'assistant', content: stream.text, status: stream.status };
  if (stream.error) message.error = stream.error;
  if (stream.usage) message.usage = stream.usage;
  if (stream.toolCalls.length > 0) message.toolCalls = stream.toolCalls;
  if (stream.reasoning !== '') message.reasoning = stream.reasoning;
  return message;
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ChatMessage>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Create a chat store. `getOptions` is read at each use, so callbacks can change freely.
 *
 * @example
 * const store = createChatStore(() => ({ api: '/api/chat' }));
 * store.subscribe(() => render(store.getState()));
 * store.send('Hello');
 */
export function createChatStore(
  getOptions: () => ChatStoreOptions,
  initialMessages: ChatMessageInit[] = [],
): ChatStore {
  const idPrefix = Math.random().toString(36).slice(2, 8);
  let idCounter = 0;
  const newId = () => `${idPrefix}-${++idCounter}`;

  let messages: ChatMessage[] = initialMessages.map((m, i) => ({ ...m, id: m.id ?? `initial-${i}` }));
  let status: StreamStatus = 'idle';
  let error: StreamError | undefined;
  let state: ChatState = { messages, status, error };
  let structure: ChatStructure = { ids: messages.map((m) => m.id), status, error };

  /** The answer the stream controller is writing into. `replacing`: a retry still showing the old text. */
  let answer: { id: string; replacing: boolean } | undefined;

  const listeners = new Set<(change: ChatChange) => void>();
  const messageListeners = new Map<string, Set<() => void>>();

  function commit(nextMessages: ChatMessage[], changedIds: Iterable<string>, isStructural: boolean): void {
    messages = nextMessages;
    state = { messages, status, error };
    if (isStructural) structure = { ids: messages.map((m) => m.id), status, error };
    for (const id of changedIds) for (const listener of [...(messageListeners.get(id) ?? [])]) listener();
    for (const listener of [...listeners]) listener(isStructural ? 'structure' : 'content');
  }

  const controller = createStreamController(() => {
    const options = getOptions();
    return {
      format: options.format ?? 'auto',
      maxFps: options.maxFps,
      smoothing: options.smoothing,
      idleTimeoutMs: options.idleTimeoutMs,
      onDone() {
        const message = answer && store.getMessage(answer.id);
        if (message) getOptions().onFinish?.(message);
      },
      onError(streamError) {
        const message = answer && store.getMessage(answer.id);
        if (message) getOptions().onError?.(streamError, message);
      },
    };
  });

  controller.subscribe(() => {
    const current = answer;
    if (current === undefined) return;
    const index = messages.findIndex((m) => m.id === current.id);
    const previous = messages[index];
    if (previous === undefined) return;
    const stream = controller.getState();
    const received = stream.text !== '' || stream.reasoning !== '' || stream.toolCalls.length > 0;
    let next: ChatMessage;
    if (current.replacing && !received && stream.status !== 'done') {
      next = { ...previous, status: stream.status };
      if (stream.error) next.error = stream.error;
      else delete next.error;
    } else {
      current.replacing = false;
      next = answerMessage(current.id, stream);
    }
    if (sameMessage(previous, next)) return;
    const isStructural = stream.status !== status || stream.error !== error;
    status = stream.status;
    error = stream.error;
    const nextMessages = messages.slice();
    nextMessages[index] = next;
    commit(nextMessages, [current.id], isStructural);
  });

  /** Append `placeholder` after `kept` and stream the answer to `kept` into it. */
  function startAnswer(kept: ChatMessage[], placeholder: ChatMessage, replacing: boolean): void {
    const options = getOptions();
    if (!options.send && !options.api) throw new Error(missingTransportMessage);
    controller.stop();
    answer = { id: placeholder.id, replacing };
    status = 'connecting';
    error = undefined;
    commit([...kept, placeholder], [placeholder.id], true);
    const conversation = history(kept);
    controller.start((signal) => request(getOptions(), conversation, signal));
  }

  const store: ChatStore = {
    getState: () => state,
    getStructure: () => structure,
    getMessage: (id) => messages.find((m) => m.id === id),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    subscribeMessage(id, listener) {
      let set = messageListeners.get(id);
      if (set === undefined) {
        set = new Set();
        messageListeners.set(id, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) messageListeners.delete(id);
      };
    },
    send(text) {
      if (text.trim() === '') return;
      // Stop first, so the running answer is marked aborted before the new turn is added.
      controller.stop();
      const user: ChatMessage = { id: newId(), role: 'user', content: text };
      startAnswer([...messages, user], { id: newId(), role: 'assistant', content: '', status: 'connecting' }, false);
    },
    stop() {
      controller.stop();
    },
    retry() {
      controller.stop();
      let lastUser = -1;
      for (let i = messages.length - 1; i >= 0 && lastUser < 0; i--) if (messages[i]?.role === 'user') lastUser = i;
      if (lastUser < 0) return;
      // The failed answer stays visible in the new answer's place until the first new content arrives.
      const failed = messages.slice(lastUser + 1).find((m) => m.role === 'assistant');
      const placeholder: ChatMessage = { id: newId(), role: 'assistant', content: failed?.content ?? '' };
      if (failed?.reasoning) placeholder.reasoning = failed.reasoning;
      if (failed?.toolCalls) placeholder.toolCalls = failed.toolCalls;
      placeholder.status = 'connecting';
      startAnswer(messages.slice(0, lastUser + 1), placeholder, failed !== undefined);
    },
    setMessages(next) {
      const value = typeof next === 'function' ? next(messages) : next;
      if (answer && isBusy(status) && !value.some((m) => m.id === answer?.id)) {
        answer = undefined;
        controller.stop();
        status = 'aborted';
      }
      const before = new Map(messages.map((m) => [m.id, m]));
      const changed = value.filter((m) => before.get(m.id) !== m).map((m) => m.id);
      commit([...value], changed, true);
    },
  };
  return store;
}
