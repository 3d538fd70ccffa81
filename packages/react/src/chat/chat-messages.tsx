/**
 * `<Chat.Messages>`, the log: a scroller that sticks to the bottom while the reader is there, with
 * one row per message; and `<Chat.JumpToLatest>`, shown while the reader is scrolled up. Loading
 * older messages at the top (`onLoadOlder`) keeps the reader's place: the first message stays
 * where it was on screen.
 */
import {
  type ButtonHTMLAttributes,
  Fragment,
  forwardRef,
  type HTMLAttributes,
  type ReactNode,
  type UIEvent,
  useContext,
  useRef,
} from 'react';
import { useIsomorphicLayoutEffect } from '../use-latest-ref';
import { ChatMessageRow } from './chat-message';
import { AtBottomContext, composeHandlers, isBusy, useChatContext, useChatStructure } from './context';
import { classes } from './labels';

export interface ChatMessagesProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Your row for each message (default: `<Chat.Message id={id} isLast={isLast} />`). */
  children?: (id: string, isLast: boolean) => ReactNode;
  /**
   * Called when the reader scrolls near the top: prepend older messages (`setMessages`) and resolve.
   * Not called again until it settles; the reader's place is kept when they arrive.
   */
  onLoadOlder?: () => void | Promise<void>;
  /** `false` once there is nothing older to load. Default `true` when `onLoadOlder` is given. */
  hasOlder?: boolean;
}

/** How close to the top (px) the reader gets before older messages are asked for. */
const loadOlderThreshold = 120;

/** The message log (`role="log"`), stuck to the bottom while the reader is there. Ref: the scroller. */
export const ChatMessages = forwardRef<HTMLDivElement, ChatMessagesProps>(function ChatMessages(
  { children, onLoadOlder, hasOlder = true, className, onScroll, ...rest },
  ref,
) {
  const { store, labels, unstyled, scrollRef, contentRef } = useChatContext('Messages');
  const structure = useChatStructure(store);
  const lastId = structure.ids[structure.ids.length - 1];
  const loading = useRef(false);
  const anchor = useRef<{ element: Element; top: number } | null>(null);

  function measureAnchor() {
    const element = contentRef.current?.firstElementChild;
    anchor.current = element ? { element, top: element.getBoundingClientRect().top } : null;
  }

  // After older messages arrive above, scroll by as much as the old first message moved.
  const firstId = structure.ids[0];
  useIsomorphicLayoutEffect(() => {
    const saved = anchor.current;
    const scroller = scrollRef.current;
    if (!saved || !scroller || !saved.element.isConnected) return;
    const moved = saved.element.getBoundingClientRect().top - saved.top;
    if (moved !== 0) scroller.scrollTop += moved;
    measureAnchor();
  }, [firstId]);

  return (
    <div
      ref={(node) => {
        scrollRef.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      className={classes(unstyled, 'rivulet-chat__log', className)}
      role="log"
      aria-live="polite"
      aria-label={labels.log}
      data-state={isBusy(structure.status) ? 'busy' : 'idle'}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, keyboard users must reach it
      tabIndex={0}
      onScroll={composeHandlers(onScroll, (event: UIEvent<HTMLDivElement>) => {
        if (!onLoadOlder) return;
        if (loading.current) return measureAnchor();
        if (!hasOlder || event.currentTarget.scrollTop > loadOlderThreshold) return;
        loading.current = true;
        measureAnchor();
        Promise.resolve()
          .then(onLoadOlder)
          .finally(() => {
            loading.current = false;
          });
      })}
      {...rest}
    >
      <div ref={contentRef} className={classes(unstyled, 'rivulet-chat__messages')}>
        {structure.ids.map((id) =>
          children ? (
            <Fragment key={id}>{children(id, id === lastId)}</Fragment>
          ) : (
            <ChatMessageRow key={id} id={id} isLast={id === lastId} />
          ),
        )}
      </div>
    </div>
  );
});

export interface ChatJumpToLatestProps extends ButtonHTMLAttributes<HTMLButtonElement> {}

/** Scrolls the log to its end; rendered only while the reader is scrolled up. */
export const ChatJumpToLatest = forwardRef<HTMLButtonElement, ChatJumpToLatestProps>(function ChatJumpToLatest(
  { className, onClick, children, ...rest },
  ref,
) {
  const { labels, unstyled, scrollToBottom } = useChatContext('JumpToLatest');
  const isAtBottom = useContext(AtBottomContext);
  if (isAtBottom) return null;
  return (
    <button
      ref={ref}
      type="button"
      className={classes(unstyled, 'rivulet-chat__jump', className)}
      data-state="visible"
      onClick={composeHandlers(onClick, () => scrollToBottom())}
      {...rest}
    >
      {children ?? labels.jumpToLatest}
    </button>
  );
});
