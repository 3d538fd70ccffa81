/** React binding of the stick-to-bottom controller: refs for the scroller and its content, and state. */
import { useRef, useState, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect } from '../use-latest-ref';
import { createStickToBottom, type StickToBottomOptions } from './stick-to-bottom';

export function useStickToBottom(options?: StickToBottomOptions) {
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
