/**
 * What the chat parts share. `ChatContext` holds what never changes while an answer streams (the
 * chat, labels, render options, the scroller's refs), so message rows that read it stay untouched
 * by streamed updates; the scroller's `isAtBottom` lives in its own context for the same reason.
 */
import type { Chat as ChatStore, ChatStructure, StreamStatus } from '@rivulet/core';
import { createContext, type ReactNode, type RefObject, useContext, useMemo, useSyncExternalStore } from 'react';
import type { MarkdownProps } from '../markdown/markdown';
import type { ChatMessage, ToolCallPart, UseChatResult } from '../use-chat';
import type { ChatWindowLabels } from './labels';

/** Renders one tool's calls (`tools={{ getWeather: (part) => … }}`). */
export type ChatToolRenderer = (
  part: ToolCallPart,
  context: { message: ChatMessage; chat: UseChatResult },
) => ReactNode;

/** `<Markdown>` props given to every text part of an answer (e.g. `components` to override elements). */
export type ChatMarkdownProps = Omit<MarkdownProps, 'children' | 'streaming' | 'incomplete' | 'cursor'>;

export interface ChatContextValue {
  /** The latest `useChat` result: actions go through it, so a layout may wrap them. */
  chat: { readonly current: UseChatResult };
  store: ChatStore;
  labels: ChatWindowLabels;
  unstyled: boolean | undefined;
  showUsage: boolean | undefined;
  math: boolean;
  tools: Record<string, ChatToolRenderer> | undefined;
  markdown: ChatMarkdownProps | undefined;
  composerRef: RefObject<HTMLTextAreaElement | null>;
  scrollRef: RefObject<HTMLDivElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  scrollToBottom: () => void;
}

export const ChatContext = createContext<ChatContextValue | null>(null);
export const AtBottomContext = createContext(true);

/** The chat parts' shared state; throws outside `<Chat.Root>`. */
export function useChatContext(part: string): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error(`[rivulet] Chat.${part}: render it inside <Chat.Root>`);
  return value;
}

export function isBusy(status: StreamStatus | undefined): boolean {
  return status === 'connecting' || status === 'streaming';
}

/** The chat's structure (ids and status); re-renders only when messages come or go or the status changes. */
export function useChatStructure(store: ChatStore): ChatStructure {
  const subscribe = useMemo(
    () => (onChange: () => void) =>
      store.subscribe((change) => {
        if (change === 'structure') onChange();
      }),
    [store],
  );
  return useSyncExternalStore(subscribe, store.getStructure, store.getStructure);
}

export interface MessageContextValue {
  message: ChatMessage;
  /** The last message of the log: only it offers Retry and Regenerate. */
  isLast: boolean;
  /** The user message is being edited in place. */
  editing: boolean;
  setEditing: (editing: boolean) => void;
}

export const MessageContext = createContext<MessageContextValue | null>(null);

/** The message around a part; throws outside `<Chat.Message>`. */
export function useMessageContext(part: string): MessageContextValue {
  const value = useContext(MessageContext);
  if (!value) throw new Error(`[rivulet] Chat.${part}: render it inside <Chat.Message>`);
  return value;
}

/** The message a part is rendered in (inside `<Chat.Message>`), for your own parts. */
export function useChatMessage(): ChatMessage {
  return useMessageContext('useChatMessage').message;
}

/** Radix's order: the user's handler first; if it called `preventDefault`, ours is skipped. */
export function composeHandlers<E extends { defaultPrevented: boolean }>(
  user: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    user?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
