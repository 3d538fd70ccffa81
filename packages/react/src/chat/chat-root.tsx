/**
 * `<Chat.Root>`: the element around a chat layout. It holds the conversation (its own `useChat`, or
 * the object you pass as `chat`), the labels and render options, and the stick-to-bottom scroller
 * that `<Chat.Messages>` and `<Chat.JumpToLatest>` share; Escape inside it stops a running answer,
 * and a visually hidden status region announces each finished answer once.
 */
import type { Chat as ChatStore, ChatStructure } from '@rivulet/core';
import { forwardRef, type HTMLAttributes, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { getChat, type UseChatOptions, type UseChatResult, useChat } from '../use-chat';
import { useLatestRef } from '../use-latest-ref';
import { announcementText } from './announcement';
import {
  AtBottomContext,
  ChatContext,
  type ChatContextValue,
  type ChatMarkdownProps,
  type ChatToolRenderer,
  composeHandlers,
  isBusy,
  useChatStructure,
} from './context';
import { type ChatWindowLabels, classes } from './labels';
import { useLabels } from './use-labels';
import { useStickToBottom } from './use-stick-to-bottom';

export interface ChatRootOwnProps {
  /** The object `useChat` returns, to share one conversation with the rest of your app. */
  chat?: UseChatResult;
  /** Overrides for any visible or announced string. */
  labels?: Partial<ChatWindowLabels>;
  /** Render without Rivulet's class names (and so without its styles). */
  unstyled?: boolean;
  /** `'light'` or `'dark'` forces a theme; `'system'` (default) follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'system';
  /** Show token usage under each answer that reports it. */
  showUsage?: boolean;
  /**
   * Render math in answers with KaTeX (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`; loaded on first use).
   * Default `true`. Import `@rivulet/react/math.css` for KaTeX's styles and fonts.
   */
  math?: boolean;
  /** Render a tool's calls by its name: `{ getWeather: (part, { chat }) => <Weather {...part} /> }`. */
  tools?: Record<string, ChatToolRenderer>;
  /** `<Markdown>` props for every answer's text, e.g. `{ components: { a: MyLink } }`. */
  markdown?: ChatMarkdownProps;
}

type DivProps = Omit<HTMLAttributes<HTMLDivElement>, 'onError'>;

export interface ChatRootProps extends Partial<UseChatOptions>, ChatRootOwnProps, DivProps {}

/** The `useChat` options among a component's props. */
export const chatOptionKeys = [
  'api',
  'send',
  'format',
  'initialMessages',
  'maxFps',
  'smoothing',
  'idleTimeoutMs',
  'resume',
  'headers',
  'body',
  'fetch',
  'onFinish',
  'onError',
  'onToolCall',
  'maxSteps',
  'onMessagesChange',
  'onFeedback',
] as const satisfies readonly (keyof UseChatOptions)[];

/** Splits props into `useChat` options and the rest. */
export function splitChatOptions<P extends object>(props: P): [UseChatOptions, Omit<P, keyof UseChatOptions>] {
  const options: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if ((chatOptionKeys as readonly string[]).includes(key)) options[key] = value;
    else rest[key] = value;
  }
  return [options as UseChatOptions, rest as Omit<P, keyof UseChatOptions>];
}

/**
 * The text a screen reader hears once per finished answer (the log is busy while it streams, so it
 * is not read token by token), and once when a dropped answer starts reconnecting.
 */
function useAnnouncement(store: ChatStore, structure: ChatStructure, labels: ChatWindowLabels): string {
  const [announcement, setAnnouncement] = useState('');
  const previousStatus = useRef(structure.status);
  const lastId = structure.ids[structure.ids.length - 1];
  useEffect(() => {
    if (structure.reconnecting) setAnnouncement(labels.reconnecting);
  }, [structure.reconnecting, labels.reconnecting]);
  useEffect(() => {
    const wasBusy = isBusy(previousStatus.current);
    previousStatus.current = structure.status;
    if (!wasBusy || lastId === undefined) return;
    const message = store.getMessage(lastId);
    if (structure.status === 'done' && message) setAnnouncement(announcementText(message.content));
    else if (structure.status === 'error' && structure.error) {
      setAnnouncement(`${labels.errorPrefix} ${structure.error.message}`);
    }
  }, [store, structure.status, structure.error, lastId, labels.errorPrefix]);
  return announcement;
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

type RootLayoutProps = ChatRootOwnProps & DivProps & { chat: UseChatResult };

const RootLayout = forwardRef<HTMLDivElement, RootLayoutProps>(function RootLayout(
  {
    chat,
    labels: labelOverrides,
    unstyled,
    theme,
    showUsage,
    math = true,
    tools,
    markdown,
    className,
    onKeyDown,
    children,
    ...rest
  },
  ref,
) {
  const store = getChat(chat);
  const structure = useChatStructure(store);
  const labels = useLabels(labelOverrides);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom();
  const announcement = useAnnouncement(store, structure, labels);
  const chatRef = useLatestRef(chat);
  const busy = isBusy(structure.status);

  const context = useMemo<ChatContextValue>(
    () => ({
      chat: chatRef,
      store,
      labels,
      unstyled,
      showUsage,
      math,
      tools,
      markdown,
      composerRef,
      scrollRef,
      contentRef,
      scrollToBottom,
    }),
    [chatRef, store, labels, unstyled, showUsage, math, tools, markdown, scrollRef, contentRef, scrollToBottom],
  );

  return (
    <ChatContext.Provider value={context}>
      <AtBottomContext.Provider value={isAtBottom}>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape pressed anywhere inside stops the answer */}
        <div
          ref={ref}
          className={classes(unstyled, 'rivulet-root', 'rivulet-chat', className)}
          data-theme={theme}
          data-status={structure.status}
          data-state={busy ? 'busy' : 'idle'}
          onKeyDown={composeHandlers(onKeyDown, (event: KeyboardEvent<HTMLDivElement>) => {
            if (event.key !== 'Escape' || !busy) return;
            // Escape also cancels an IME composition: leave that to the IME.
            if (event.nativeEvent.isComposing || event.keyCode === 229) return;
            event.preventDefault();
            chatRef.current.stop();
            composerRef.current?.focus();
          })}
          {...rest}
        >
          {children}
          <div role="status" aria-live="polite" style={visuallyHidden} data-rivulet-announcer="">
            {announcement}
          </div>
        </div>
      </AtBottomContext.Provider>
    </ChatContext.Provider>
  );
});

const OwnedRoot = forwardRef<HTMLDivElement, ChatRootOwnProps & DivProps & { options: UseChatOptions }>(
  function OwnedRoot({ options, ...props }, ref) {
    const chat = useChat(options);
    return <RootLayout ref={ref} {...props} chat={chat} />;
  },
);

/**
 * The root of a chat layout: pass `api` (or `send`, and any `useChat` option), or `chat`, the
 * object `useChat` returns. Forwards its ref to its `<div>`; `data-status` is the chat's status.
 *
 * @example
 * <Chat.Root api="/api/chat">
 *   <Chat.Messages />
 *   <Chat.Composer />
 * </Chat.Root>
 */
export const ChatRoot = forwardRef<HTMLDivElement, ChatRootProps>(function ChatRoot(props, ref) {
  const [options, rest] = splitChatOptions(props);
  if (props.chat) return <RootLayout ref={ref} {...rest} chat={props.chat} />;
  return <OwnedRoot ref={ref} {...rest} options={options} />;
});
