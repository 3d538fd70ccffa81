/** React binding of the stick-to-bottom controller: refs for the scroller and its content, and state. */
import { type RefObject, useRef, useState, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect } from '../use-latest-ref';
import { createStickToBottom, type StickToBottomOptions } from './stick-to-bottom';

export interface UseStickToBottomResult {
  /** Put on the element that scrolls. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Put on the element inside it that grows. */
  contentRef: RefObject<HTMLDivElement | null>;
  /** Whether the reader is at the bottom (followed as content grows). */
  isAtBottom: boolean;
  /** Scroll to the end and follow again. */
  scrollToBottom: () => void;
}

/**
 * Keeps a scroller at its bottom while its content grows, as long as the reader is there; a reader
 * who scrolls up is left in place until they come back (or `scrollToBottom` is called). Both refs
 * must be on mounted elements by the time the component's layout effects run.
 *
 * @example
 * const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom();
 * <div ref={scrollRef} style={{ overflowY: 'auto' }}><div ref={contentRef}>{items}</div></div>
 */
export function useStickToBottom(options?: StickToBottomOptions): UseStickToBottomResult {
  const [stick] = useState(() => createStickToBottom(options));
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  useIsomorphicLayoutEffect(() => {
    if (scrollRef.current && contentRef.current) return stick.attach(scrollRef.current, contentRef.current);
  }, [stick]);
  const isAtBottom = useSyncExternalStore(
    stick.subscribe,
    () => stick.isAtBottom,
    () => true,
  );
  return { scrollRef, contentRef, isAtBottom, scrollToBottom: stick.scrollToBottom };
}
