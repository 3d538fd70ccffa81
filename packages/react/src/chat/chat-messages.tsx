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
  useMemo,
  useRef,
} from 'react';
import { useIsomorphicLayoutEffect, useLatestRef } from '../use-latest-ref';
import { ChatMessageRow } from './chat-message';
import { AtBottomContext, composeHandlers, isBusy, useChatContext, useChatStructure } from './context';
import { classes } from './labels';
import { groupMessageIds } from './message-groups';

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
  /**
   * Rows are wrapped in groups of about this many messages (`div[data-message-group]`); the groups
   * far from the viewport are skipped by the browser (`content-visibility: auto`), so a long chat
   * scrolls and streams as fast as a short one. `0` renders the rows directly in the list. Default 20.
   */
  groupSize?: number;
}

/** How close to the top (px) the reader gets before older messages are asked for. */
const loadOlderThreshold = 120;

/** The `index`th message row: rows sit inside groups when they are grouped. */
function rowAt(content: HTMLElement | null, index: number): Element | undefined {
  if (!content || index < 0) return undefined;
  let seen = 0;
  for (const child of content.children) {
    if (!child.hasAttribute('data-message-group')) {
      if (seen++ === index) return child;
      continue;
    }
    if (index < seen + child.children.length) return child.children[index - seen];
    seen += child.children.length;
  }
  return undefined;
}

/** The height of `box`'s content: the kept size of a skipped box is its content's (padding and border are added). */
function contentHeight(box: Element): number {
  const style = getComputedStyle(box);
  const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
  return edges.reduce(
    (height, edge) => height - (Number.parseFloat(style[edge]) || 0),
    box.getBoundingClientRect().height,
  );
}

/**
 * Marks every group but the last `data-settled` (the stylesheet gives it `content-visibility: auto`),
 * first keeping its height as the size the browser gives it while it is skipped, so skipping it
 * never moves what is on screen, even if it was never scrolled to. All heights are read before any
 * is written: one layout for the whole log.
 */
function settleGroups(content: HTMLElement | null): void {
  if (!content) return;
  const pending = [...content.children]
    .slice(0, -1)
    .filter((group) => group.hasAttribute('data-message-group') && !group.hasAttribute('data-settled'));
  const heights = pending.map(contentHeight);
  pending.forEach((group, index) => {
    const height = heights[index] as number;
    if (height > 0) (group as HTMLElement).style.setProperty('contain-intrinsic-block-size', `auto ${height}px`);
    group.setAttribute('data-settled', '');
  });
}

/** A run of rows (see `message-groups.ts`). */
function MessageGroupBox({ unstyled, children }: { unstyled: boolean | undefined; children: ReactNode }) {
  return (
    <div className={classes(unstyled, 'rivulet-chat__group')} data-message-group="">
      {children}
    </div>
  );
}

/** The message log (`role="log"`), stuck to the bottom while the reader is there. Ref: the scroller. */
export const ChatMessages = forwardRef<HTMLDivElement, ChatMessagesProps>(function ChatMessages(
  { children, onLoadOlder, hasOlder = true, groupSize = 20, className, onScroll, ...rest },
  ref,
) {
  const { store, labels, unstyled, scrollRef, contentRef } = useChatContext('Messages');
  const structure = useChatStructure(store);
  const lastId = structure.ids[structure.ids.length - 1];
  const loading = useRef(false);
  // The first message and where its row was: found again by its id, since its row may be a new
  // element once older messages arrive (see `message-groups.ts`).
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const ids = useLatestRef(structure.ids);

  function measureAnchor() {
    const id = ids.current[0];
    const element = rowAt(contentRef.current, 0);
    anchor.current = id !== undefined && element ? { id, top: element.getBoundingClientRect().top } : null;
  }

  const groups = useMemo(
    () => (groupSize > 0 ? groupMessageIds(structure.ids, groupSize) : []),
    [structure.ids, groupSize],
  );
  const row = (id: string) =>
    children ? (
      <Fragment key={id}>{children(id, id === lastId)}</Fragment>
    ) : (
      <ChatMessageRow key={id} id={id} isLast={id === lastId} />
    );

  useIsomorphicLayoutEffect(() => settleGroups(contentRef.current), [groups]);

  // After older messages arrive above, scroll by as much as the old first message moved.
  const firstId = structure.ids[0];
  useIsomorphicLayoutEffect(() => {
    const saved = anchor.current;
    const scroller = scrollRef.current;
    const element = saved && rowAt(contentRef.current, ids.current.indexOf(saved.id));
    if (!saved || !scroller || !element) return;
    const moved = element.getBoundingClientRect().top - saved.top;
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
        {groupSize > 0
          ? groups.map((group) => (
              <MessageGroupBox key={group.key} unstyled={unstyled}>
                {group.ids.map(row)}
              </MessageGroupBox>
            ))
          : structure.ids.map(row)}
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
