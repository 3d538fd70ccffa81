/**
 * `useChat`: a thin React adapter over the chat store. The store is created once; the component
 * re-renders when messages come or go and when the status changes, and per flush only if it reads
 * `messages` (tracked on access), so a layout that only passes `chat` to `<ChatWindow>` does not
 * re-render while an answer streams. Unmounting aborts the request.
 */
import type { StreamError } from '@rivulet/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  type ChatMessage,
  type ChatMessageInit,
  type ChatStore,
  type ChatStoreOptions,
  createChatStore,
  missingTransportMessage,
} from './chat/chat-store';
import type { StreamStatus } from './stream-controller';
import { useLatestRef } from './use-stream';

export type { ChatMessage, ChatMessageInit, ChatRole, ChatSend } from './chat/chat-store';

export interface UseChatOptions extends ChatStoreOptions {
  /** Messages to start with (read once, on mount). Ids are generated where missing. */
  initialMessages?: ChatMessageInit[];
}

/** Where `<ChatWindow chat={…}>` finds the store behind a `useChat` result (kept by object spread). */
export const chatStoreKey: unique symbol = Symbol.for('rivulet.chatStore');

export interface UseChatResult {
  /** The conversation. Reading it subscribes this component to every streamed update. */
  readonly messages: ChatMessage[];
  /** Status of the latest answer: `'idle'` before the first. */
  status: StreamStatus;
  /** The latest answer's error, when `status` is `'error'`. */
  error: StreamError | undefined;
  /** Send a user message; a running answer is stopped first. Empty text is ignored. */
  send(text: string): void;
  /** Abort the running answer; it keeps its text with status `'aborted'`. Safe to call at any time. */
  stop(): void;
  /** Send the last user message again; the failed answer stays visible until the new one starts. */
  retry(): void;
  setMessages(next: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])): void;
  /** @internal */
  readonly [chatStoreKey]: ChatStore;
}

/** The store behind a `useChat` result. */
export function getChatStore(chat: UseChatResult): ChatStore {
  const store = chat[chatStoreKey];
  if (!store) throw new Error('[rivulet] ChatWindow: `chat` must be the object returned by useChat()');
  return store;
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
  const optionsRef = useLatestRef<ChatStoreOptions>(options);
  const [store] = useState(() => createChatStore(() => optionsRef.current, options.initialMessages));

  const readsMessages = useRef(false);
  const subscribe = useCallback(
    (onChange: () => void) =>
      store.subscribe((change) => {
        if (change === 'structure' || readsMessages.current) onChange();
      }),
    [store],
  );
  const state = useSyncExternalStore(subscribe, store.getState, store.getState);

  useEffect(() => () => store.stop(), [store]);

  return useMemo<UseChatResult>(
    () => ({
      get messages() {
        readsMessages.current = true;
        return state.messages;
      },
      status: state.status,
      error: state.error,
      send: store.send,
      stop: store.stop,
      retry: store.retry,
      setMessages: store.setMessages,
      [chatStoreKey]: store,
    }),
    [state, store],
  );
}
