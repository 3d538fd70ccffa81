/**
 * `<ChatWindow>`: a drop-in chat UI. It composes `useChat`, the message rows, the composer and the
 * stick-to-bottom scroller. The window itself re-renders only when messages come or go or the status
 * changes; streamed text reaches the streaming row alone.
 */

import type { Chat, ChatStructure, StreamStatus } from '@rivulet/core';
import {
  forwardRef,
  type HTMLAttributes,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { getChat, type UseChatOptions, type UseChatResult, useChat } from '../use-chat';
import { useLatestRef } from '../use-latest-ref';
import { announcementText } from './announcement';
import { ChatMessageRow } from './ChatMessageRow';
import { Composer } from './Composer';
import { type ChatWindowLabels, classes } from './labels';
import { useLabels } from './use-labels';
import { useStickToBottom } from './use-stick-to-bottom';

export interface ChatWindowOwnProps {
  /** The object `useChat` returns, to share one conversation with a custom layout. */
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
   * Default `true`; `false` shows dollars and backslashes as written. Import
   * `@rivulet/react/math.css` for KaTeX's styles and fonts.
   */
  math?: boolean;
  /** Composer text, controlled. */
  input?: string;
  /** Composer text to start with, uncontrolled. */
  defaultInput?: string;
  onInputChange?: (value: string) => void;
  /** Focus the composer on mount. */
  autoFocus?: boolean;
}

export interface ChatWindowProps
  extends Partial<UseChatOptions>,
    ChatWindowOwnProps,
    Omit<HTMLAttributes<HTMLDivElement>, 'onError' | 'children'> {}

const chatOptionKeys = [
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

function isBusy(status: StreamStatus): boolean {
  return status === 'connecting' || status === 'streaming';
}

function subscribeStructure(store: Chat) {
  return (onChange: () => void) =>
    store.subscribe((change) => {
      if (change === 'structure') onChange();
    });
}

/**
 * The text a screen reader hears once per finished answer, its start without Markdown
 * punctuation (see `announcement.ts`; the log itself is marked busy while the answer streams, so
 * it is not read token by token), and once when a dropped answer starts reconnecting.
 */
function useAnnouncement(store: Chat, structure: ChatStructure, labels: ChatWindowLabels): string {
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

type ChatLayoutProps = ChatWindowOwnProps &
  Omit<HTMLAttributes<HTMLDivElement>, 'onError' | 'children'> & { chat: UseChatResult };

const ChatLayout = forwardRef<HTMLDivElement, ChatLayoutProps>(function ChatLayout(
  {
    chat,
    labels: labelOverrides,
    unstyled,
    theme,
    showUsage,
    math = true,
    input,
    defaultInput,
    onInputChange,
    autoFocus,
    className,
    onKeyDown,
    ...rest
  },
  ref,
) {
  const store = getChat(chat);
  const subscribe = useMemo(() => subscribeStructure(store), [store]);
  const structure = useSyncExternalStore(subscribe, store.getStructure, store.getStructure);
  const labels = useLabels(labelOverrides);
  const busy = isBusy(structure.status);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom();
  const announcement = useAnnouncement(store, structure, labels);

  // Actions go through the latest `chat`, so a layout may wrap send/stop/retry.
  const chatRef = useLatestRef(chat);
  const send = useCallback(
    (text: string) => {
      chatRef.current.send(text);
      scrollToBottom();
      composerRef.current?.focus();
    },
    [chatRef, scrollToBottom],
  );
  const stop = useCallback(() => {
    chatRef.current.stop();
    composerRef.current?.focus();
  }, [chatRef]);
  const retry = useCallback(() => {
    chatRef.current.retry();
    scrollToBottom();
    composerRef.current?.focus();
  }, [chatRef, scrollToBottom]);

  const lastId = structure.ids[structure.ids.length - 1];

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape pressed anywhere inside stops the answer
    <div
      ref={ref}
      className={classes(unstyled, 'rivulet-root', 'rivulet-chat', className)}
      data-theme={theme}
      data-status={structure.status}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented || event.key !== 'Escape' || !busy) return;
        // Escape also cancels an IME composition: leave that to the IME.
        if (event.nativeEvent.isComposing || event.keyCode === 229) return;
        event.preventDefault();
        stop();
      }}
      {...rest}
    >
      <div
        ref={scrollRef}
        className={classes(unstyled, 'rivulet-chat__log')}
        role="log"
        aria-live="polite"
        aria-label={labels.log}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, keyboard users must reach it
        tabIndex={0}
      >
        <div ref={contentRef} className={classes(unstyled, 'rivulet-chat__messages')}>
          {structure.ids.map((id) => (
            <ChatMessageRow
              key={id}
              store={store}
              id={id}
              labels={labels}
              unstyled={unstyled}
              showUsage={showUsage}
              math={math}
              isLast={id === lastId}
              onRetry={retry}
            />
          ))}
        </div>
      </div>
      {isAtBottom ? null : (
        <button type="button" className={classes(unstyled, 'rivulet-chat__jump')} onClick={() => scrollToBottom()}>
          {labels.jumpToLatest}
        </button>
      )}
      <div role="status" aria-live="polite" style={visuallyHidden} data-rivulet-announcer="">
        {announcement}
      </div>
      <Composer
        labels={labels}
        unstyled={unstyled}
        busy={busy}
        onSend={send}
        onStop={stop}
        value={input}
        defaultValue={defaultInput}
        onValueChange={onInputChange}
        textareaRef={composerRef}
        autoFocus={autoFocus}
      />
    </div>
  );
});

const OwnedChatWindow = forwardRef<HTMLDivElement, ChatWindowProps & { options: UseChatOptions }>(
  function OwnedChatWindow({ options, ...props }, ref) {
    const chat = useChat(options);
    return <ChatLayout ref={ref} {...props} chat={chat} />;
  },
);

/**
 * A complete chat UI for a streaming endpoint.
 *
 * @example
 * <ChatWindow api="/api/chat" />
 * // or share state with your own layout:
 * const chat = useChat({ api: '/api/chat' });
 * <ChatWindow chat={chat} labels={{ placeholder: 'Ask anything' }} />
 */
export const ChatWindow = forwardRef<HTMLDivElement, ChatWindowProps>(function ChatWindow(props, ref) {
  const options: UseChatOptions = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if ((chatOptionKeys as readonly string[]).includes(key)) (options as Record<string, unknown>)[key] = value;
    else rest[key] = value;
  }
  const layoutProps = rest as ChatWindowOwnProps & Omit<HTMLAttributes<HTMLDivElement>, 'onError' | 'children'>;
  if (props.chat) return <ChatLayout ref={ref} {...layoutProps} chat={props.chat} />;
  return <OwnedChatWindow ref={ref} {...layoutProps} options={options} />;
});
