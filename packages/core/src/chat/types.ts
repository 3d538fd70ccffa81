/**
 * Public types of the chat: messages, options, snapshots and the chat object itself. A message is
 * a plain immutable object made of parts; an assistant answer is derived in one place from its
 * stream's snapshot (`answer-message.ts`).
 */
import type { ResumeOption, StreamStatus, ToolCallState } from '../controller/types';
import type { MessagePart } from '../message/parts';
import type { StreamError } from '../stream/errors';
import type { StreamFormat, StreamSource, StreamUsage } from '../stream/types';

export type ChatRole = 'user' | 'assistant' | 'system';

/** A reader's verdict on an answer, given with `setFeedback`. */
export type ChatFeedback = 'positive' | 'negative';

/** Which alternative of a turn a message heads, of how many (`index` from 0): "2/3" is `{ index: 1, count: 3 }`. */
export interface ChatBranch {
  index: number;
  count: number;
}

/** One message of the conversation. Assistant answers carry their stream's status and details. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  /** The content, in the order it arrived: text, reasoning, tool calls, sources, files. */
  parts: MessagePart[];
  /**
   * The plain text of `parts` (`getMessageText`).
   * @deprecated Read `parts`, or `getMessageText(message)` for the plain text.
   */
  content: string;
  /** Assistant answers: where the stream stands. */
  status?: StreamStatus;
  /** Set when `status` is `'error'`; the parts keep what arrived before the failure. */
  error?: StreamError;
  usage?: StreamUsage;
  /** The provider's finish reason, when the stream carried one. */
  finishReason?: string;
  /** Your own data: kept, persisted and never sent by `api`. */
  metadata?: Record<string, unknown>;
  /** On a user message that starts a turn with alternatives (after `edit` or `regenerate`). */
  branch?: ChatBranch;
  /** Set by `setFeedback`. */
  feedback?: ChatFeedback;
  /**
   * The tool-call parts, in the stream's shape.
   * @deprecated Read the `'tool-call'` parts.
   */
  toolCalls?: ToolCallState[];
  /**
   * The reasoning parts' text.
   * @deprecated Read the `'reasoning'` parts.
   */
  reasoning?: string;
  /** Present (true) while the answer's dropped connection is being resumed. */
  reconnecting?: boolean;
}

/**
 * A message as you give it to `setMessages`: `parts`, or (the old way) `content` with optional
 * `reasoning` and `toolCalls`, from which the parts are made.
 */
export type ChatMessageInput = Omit<ChatMessage, 'parts' | 'content'> & { parts?: MessagePart[]; content?: string };

/** A message as given in `initialMessages`: the id is optional too. */
export type ChatMessageInit = Omit<ChatMessageInput, 'id'> & { id?: string };

/** Per-request extras for `api`, merged over the chat's own `headers` and `body`. */
export interface ChatRequestOptions {
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

/** What `send` takes besides the text. */
export interface ChatSendOptions extends ChatRequestOptions {
  /** Files attached to the message (file parts after its text). */
  files?: { mediaType: string; url: string; filename?: string }[];
  /** Stored on the user message as its `metadata`. */
  metadata?: Record<string, unknown>;
}

/** A tool call the chat hands to `onToolCall`. */
export interface ChatToolCall {
  toolCallId: string;
  toolName: string;
  /** The complete input, parsed. */
  input: unknown;
}

/** What `onToolCall` receives. */
export interface ChatToolCallContext {
  toolCall: ChatToolCall;
  /** The answer holding the call. */
  message: ChatMessage;
  /** Aborted by `stop()` and by anything that replaces the answer. */
  signal: AbortSignal;
}

/** A tool's result for `addToolResult`: its output, or why it failed. */
export type ChatToolResult =
  | { toolCallId: string; output: unknown; errorText?: undefined }
  | { toolCallId: string; errorText: string; output?: undefined };

/**
 * Sends the conversation and returns the answer's stream; abort with `signal`. When the chat
 * resumes a dropped answer through `send` (`resume: true`), `lastEventId` says where to continue.
 */
export type ChatSend = (
  messages: ChatMessage[],
  context: { signal: AbortSignal; lastEventId?: string } & ChatRequestOptions,
) => StreamSource | Promise<StreamSource>;

export interface ChatOptions {
  /**
   * Endpoint that receives `POST { messages: [{ role, content, parts? }] }` as JSON and streams the
   * answer (`parts` only on messages with tool calls or files). A resumed answer is the same request
   * with the `Last-Event-ID` header and `lastEventId` in the body.
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
  /**
   * An answer completed normally and the chat does not continue it by itself (not called for a
   * stop or an error; with tools, called when no tool result is awaited from `onToolCall`).
   */
  onFinish?: (message: ChatMessage) => void;
  /** An answer failed; the message keeps its partial text and the error. */
  onError?: (error: StreamError, message: ChatMessage) => void;
  /**
   * Runs a client-side tool when an answer ends with a call of it: return (or resolve) the output,
   * throw (or reject) for an `'output-error'`, or return `undefined` to leave the call to
   * `addToolResult` (a tool that needs the user). Once every call has a result, the chat sends the
   * conversation again and the answer continues, up to `maxSteps`.
   */
  onToolCall?: (context: ChatToolCallContext) => unknown;
  /** Requests one answer may take (the first plus continuations after tool results). Default 5. */
  maxSteps?: number;
  /**
   * The messages changed: called when messages come or go, an answer starts or ends, a tool result
   * or feedback arrives; not on every streamed update. Persist them here.
   */
  onMessagesChange?: (messages: ChatMessage[]) => void;
  /** `setFeedback` was called. */
  onFeedback?: (feedback: { message: ChatMessage; value: ChatFeedback | undefined }) => void;
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
  /** Send a user message; a running answer is stopped first. Empty text (without files) is ignored. */
  send(text: string, options?: ChatSendOptions): void;
  /** Abort the running answer; it keeps its text with status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Send the last user message again; the failed answer stays visible until the new one starts. */
  retry(): void;
  /** Replace the conversation. Removing the answer that is streaming stops it. */
  setMessages(next: ChatMessageInput[] | ((messages: ChatMessage[]) => ChatMessageInput[])): void;
  /**
   * Ask again for the last answer. The earlier answer is kept as an alternative of the turn: the
   * user message gets `branch` and `selectBranch` switches back.
   */
  regenerate(options?: ChatRequestOptions): void;
  /**
   * Replace user message `messageId` with `text` and ask for a new answer. What followed it is kept
   * as an alternative of the turn (`branch`, `selectBranch`).
   */
  edit(messageId: string, text: string, options?: ChatRequestOptions): void;
  /** The alternatives of the turn a message belongs to (a user message or its answers); undefined without any. */
  getBranches(messageId: string): ChatBranch | undefined;
  /** Show alternative `index` of the turn of `messageId`; a running answer is stopped first. */
  selectBranch(messageId: string, index: number): void;
  /** Give a tool call its result (or error); once every call of the answer has one, the answer continues. */
  addToolResult(result: ChatToolResult): void;
  /** Record a reader's verdict on a message (`feedback` on it) and call `onFeedback`. */
  setFeedback(messageId: string, value: ChatFeedback | undefined): void;
  /** Copy a message's plain text to the clipboard; rejects where the Clipboard API is missing. */
  copy(messageId: string): Promise<void>;
}
