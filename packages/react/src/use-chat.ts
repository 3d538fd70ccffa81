/**
 * `useChat`: a thin React adapter over core's chat. The chat is created once; options reach it in an
 * effect and its callbacks and transport functions read the latest render through a ref. The
 * component re-renders when messages come or go and when the status changes, and per flush only if
 * it reads `messages` (tracked on access), so a layout that only passes `chat` to `<ChatWindow>`
 * does not re-render while an answer streams. Unmounting aborts the request.
 */
import {
  type Chat,
  type ChatMessage,
  type ChatOptions,
  type ChatSend,
  createChat,
  type StreamError,
  type StreamStatus,
} from '@rivulet/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect, useLatestRef } from './use-latest-ref';

export type { ChatMessage, ChatMessageInit, ChatRole, ChatSend } from '@rivulet/core';

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
  /** Send a user message; a running answer is stopped first. Empty text is ignored. */
  send(text: string): void;
  /** Abort the running answer; it keeps its text with status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Send the last user message again; the failed answer stays visible until the new one starts. */
  retry(): void;
  setMessages(next: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])): void;
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
  const { send, headers, body, onFinish, onError, ...settings } = options;
  const next: ChatOptions = {
    ...settings,
    headers: typeof headers === 'function' ? () => (latest.current.headers as () => Record<string, string>)() : headers,
    body: typeof body === 'function' ? () => (latest.current.body as () => Record<string, unknown>)() : body,
    onFinish: (message) => latest.current.onFinish?.(message),
    onError: (error, message) => latest.current.onError?.(error, message),
  };
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
      [chatKey]: chat,
    }),
    [snapshot, chat],
  );
}
