/**
 * `useChat`: a thin React adapter over core's chat. The chat is created once; options reach it in an
 * effect and its callbacks and transport functions read the latest render through a ref. The
 * component re-renders when messages come or go and when the status changes, and per flush only if
 * it reads `messages` (tracked on access), so a layout that only passes `chat` to `<ChatWindow>`
 * does not re-render while an answer streams. Unmounting aborts the request.
 */
import {
  type Chat,
  type ChatBranch,
  type ChatFeedback,
  type ChatMessage,
  type ChatMessageInput,
  type ChatOptions,
  type ChatRequestOptions,
  type ChatSend,
  type ChatSendOptions,
  type ChatToolResult,
  createChat,
  type StreamError,
  type StreamStatus,
} from '@rivulet/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect, useLatestRef } from './use-latest-ref';

export type {
  ChatBranch,
  ChatFeedback,
  ChatMessage,
  ChatMessageInit,
  ChatMessageInput,
  ChatRequestOptions,
  ChatRole,
  ChatSend,
  ChatSendOptions,
  ChatToolCall,
  ChatToolCallContext,
  ChatToolResult,
  FilePart,
  FromUIMessageOptions,
  MessagePart,
  ReasoningPart,
  SourcePart,
  TextPart,
  ToolCallPart,
  ToolCallPartState,
  UIMessageLike,
  UIMessagePartLike,
} from '@rivulet/core';
export { fromUIMessage, getMessageText, growingTextOf } from '@rivulet/core';

/** Every option of core's `createChat`; `initialMessages` is read once, on mount. */
export type UseChatOptions = ChatOptions;

/** Where `<ChatWindow chat={…}>` finds the chat behind a `useChat` result (kept by object spread). */
export const chatKey: unique symbol = Symbol.for('rivulet.chat');

export interface UseChatResult {
  /** The conversation. Reading it subscribes this component to every streamed update. */
  readonly messages: ChatMessage[];
  /** Status of the latest answer: `'idle'` before the first. */
  status: StreamStatus;
  /** The latest answer's error, when `status` is `'error'`. */
  error: StreamError | undefined;
  /** The latest answer's connection dropped and is being resumed. */
  reconnecting: boolean;
  /** Send a user message (with per-request `headers`/`body`, `files`); a running answer is stopped first. Empty text is ignored. */
  send(text: string, options?: ChatSendOptions): void;
  /** Abort the running answer (and tools `onToolCall` runs); it keeps its text with status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Send the last user message again; the failed answer stays visible until the new one starts. */
  retry(): void;
  /** Replace the conversation (messages with `parts`, or the old way with `content`). */
  setMessages(next: ChatMessageInput[] | ((messages: ChatMessage[]) => ChatMessageInput[])): void;
  /** Ask again for the last answer; the earlier one stays as an alternative of the turn. */
  regenerate(options?: ChatRequestOptions): void;
  /** Replace a user message's text and ask again; what followed stays as an alternative of the turn. */
  edit(messageId: string, text: string, options?: ChatRequestOptions): void;
  /** `{ index, count }` of the turn holding a message, when it has alternatives. */
  getBranches(messageId: string): ChatBranch | undefined;
  /** Show alternative `index` of the turn holding a message. */
  selectBranch(messageId: string, index: number): void;
  /** Give a tool call its result; once every call has one, the answer continues (up to `maxSteps`). */
  addToolResult(result: ChatToolResult): void;
  /** Record feedback on a message (`message.feedback`) and call `onFeedback`. */
  setFeedback(messageId: string, value: ChatFeedback | undefined): void;
  /** Copy a message's plain text to the clipboard. */
  copy(messageId: string): Promise<void>;
  /** @internal */
  readonly [chatKey]: Chat;
}

export const missingTransportMessage = '[rivulet] useChat: pass `api` or `send`';

/** The chat behind a `useChat` result. */
export function getChat(chat: UseChatResult): Chat {
  const core = chat[chatKey];
  if (!core) throw new Error('[rivulet] ChatWindow: `chat` must be the object returned by useChat()');
  return core;
}

/** The chat's options: settings as given, functions read from the latest render. */
function chatOptions(options: UseChatOptions, latest: { readonly current: UseChatOptions }): ChatOptions {
  const { send, headers, body, onFinish, onError, onToolCall, onMessagesChange, onFeedback, ...settings } = options;
  const next: ChatOptions = {
    ...settings,
    headers: typeof headers === 'function' ? () => (latest.current.headers as () => Record<string, string>)() : headers,
    body: typeof body === 'function' ? () => (latest.current.body as () => Record<string, unknown>)() : body,
    onFinish: (message) => latest.current.onFinish?.(message),
    onError: (error, message) => latest.current.onError?.(error, message),
    onMessagesChange: (messages) => latest.current.onMessagesChange?.(messages),
    onFeedback: (feedback) => latest.current.onFeedback?.(feedback),
  };
  // Only when given: an answer's tool calls are run (and the answer continued) only with a handler.
  if (onToolCall) next.onToolCall = (context) => (latest.current.onToolCall ?? onToolCall)(context);
  if (send) next.send = (messages, context) => ((latest.current.send ?? send) as ChatSend)(messages, context);
  return next;
}

/**
 * Chat state and actions for a conversation with a streaming endpoint.
 *
 * @example
 * const chat = useChat({ api: '/api/chat' });
 * <button onClick={() => chat.send('Hello')}>Say hello</button>
 * <ChatWindow chat={chat} />
 */
export function useChat(options: UseChatOptions): UseChatResult {
  if (!options.api && !options.send) throw new Error(missingTransportMessage);
  const latest = useLatestRef(options);
  const [chat] = useState(() => createChat(chatOptions(options, latest)));
  // Cheap, and always current: the chat reads its options only when it sends.
  useIsomorphicLayoutEffect(() => chat.setOptions(chatOptions(options, latest)));

  const readsMessages = useRef(false);
  const subscribe = useCallback(
    (onChange: () => void) =>
      chat.subscribe((change) => {
        if (change === 'structure' || readsMessages.current) onChange();
      }),
    [chat],
  );
  const snapshot = useSyncExternalStore(subscribe, chat.getSnapshot, chat.getSnapshot);

  useEffect(() => () => chat.stop(), [chat]);

  return useMemo<UseChatResult>(
    () => ({
      get messages() {
        readsMessages.current = true;
        return snapshot.messages;
      },
      status: snapshot.status,
      error: snapshot.error,
      reconnecting: snapshot.reconnecting,
      send: chat.send,
      stop: chat.stop,
      retry: chat.retry,
      setMessages: chat.setMessages,
      regenerate: chat.regenerate,
      edit: chat.edit,
      getBranches: chat.getBranches,
      selectBranch: chat.selectBranch,
      addToolResult: chat.addToolResult,
      setFeedback: chat.setFeedback,
      copy: chat.copy,
      [chatKey]: chat,
    }),
    [snapshot, chat],
  );
}
