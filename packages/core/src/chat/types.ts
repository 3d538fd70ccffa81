/**
 * Public types of the chat: messages, options, snapshots and the chat object itself. A message is
 * a plain immutable object; an assistant answer is derived in one place from its stream's snapshot
 * (`answer-message.ts`), so richer content (parts) is one more field derived there.
 */
import type { ResumeOption, StreamStatus, ToolCallState } from '../controller/types';
import type { StreamError } from '../stream/errors';
import type { StreamFormat, StreamSource, StreamUsage } from '../stream/types';

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
  /** Present (true) while the answer's dropped connection is being resumed. */
  reconnecting?: boolean;
}

/** A message as given in `initialMessages`: the id is optional. */
export type ChatMessageInit = Omit<ChatMessage, 'id'> & { id?: string };

/**
 * Sends the conversation and returns the answer's stream; abort with `signal`. When the chat
 * resumes a dropped answer through `send` (`resume: true`), `lastEventId` says where to continue.
 */
export type ChatSend = (
  messages: ChatMessage[],
  context: { signal: AbortSignal; lastEventId?: string },
) => StreamSource | Promise<StreamSource>;

export interface ChatOptions {
  /**
   * Endpoint that receives `POST { messages: [{ role, content }] }` as JSON and streams the answer.
   * A resumed answer is the same request with the `Last-Event-ID` header and `lastEventId` in the body.
   */
  api?: string;
  /** Custom transport, used instead of `api`. */
  send?: ChatSend;
  /** Wire format of the answer. Default `'auto'`. */
  format?: StreamFormat;
  /** Messages to start with (read once, when the chat is created). Ids are generated where missing. */
  initialMessages?: ChatMessageInit[];
  /** Update the streaming message at most this many times a second. Default 60; 0 on every event. */
  maxFps?: number;
  smoothing?: boolean;
  /** Silence longer than this (also before the response) fails the answer with `StreamError('timeout')`. */
  idleTimeoutMs?: number;
  /**
   * Resume an answer whose connection dropped. Default: on when the stream carries SSE ids and the
   * chat uses `api`; with `send`, pass `true` (send then gets `lastEventId`) or a resume function.
   */
  resume?: ResumeOption;
  /** Extra request headers for `api` (an object, or a function called per request). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Extra JSON fields sent beside `messages` to `api` (an object, or a function called per request). */
  body?: Record<string, unknown> | (() => Record<string, unknown>);
  /** The `fetch` used for `api`. Default: the global `fetch`, looked up per request. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** An answer completed normally (not called for a stop or an error). */
  onFinish?: (message: ChatMessage) => void;
  /** An answer failed; the message keeps its partial text and the error. */
  onError?: (error: StreamError, message: ChatMessage) => void;
}

/** The whole chat: an immutable snapshot, replaced when something changes. */
export interface ChatSnapshot {
  messages: ChatMessage[];
  /** Status of the latest answer; `'idle'` before the first. */
  status: StreamStatus;
  error: StreamError | undefined;
  /** The latest answer's connection dropped and is being resumed. */
  reconnecting: boolean;
}

/** What changes only when messages come or go, or the status changes: enough to lay out a list. */
export interface ChatStructure {
  ids: string[];
  status: StreamStatus;
  error: StreamError | undefined;
  reconnecting: boolean;
}

/** `'structure'`: messages came or went, or the status changed; `'content'`: a message's content changed. */
export type ChatChange = 'structure' | 'content';

/** A conversation with a streaming endpoint, one answer streaming at a time. */
export interface Chat {
  /** The current snapshot: the same object until something changes. */
  getSnapshot(): ChatSnapshot;
  /** The current structure: the same object until messages come or go or the status changes. */
  getStructure(): ChatStructure;
  getMessage(id: string): ChatMessage | undefined;
  /** Called after every change, told which kind; returns the unsubscribe. */
  subscribe(listener: (change: ChatChange) => void): () => void;
  /** Called when the message `id` changes (and only then); returns the unsubscribe. */
  subscribeMessage(id: string, listener: () => void): () => void;
  /** New options: callbacks and transport apply at once, stream settings from the next answer. */
  setOptions(options: ChatOptions): void;
  /** Send a user message; a running answer is stopped first. Empty text is ignored. */
  send(text: string): void;
  /** Abort the running answer; it keeps its text with status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Send the last user message again; the failed answer stays visible until the new one starts. */
  retry(): void;
  /** Replace the conversation. Removing the answer that is streaming stops it. */
  setMessages(next: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])): void;
}
