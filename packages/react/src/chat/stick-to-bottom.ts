/**
 * Stick-to-bottom: keeps a scroll container pinned to its end while content grows, and lets go the
 * moment the user shows any intent to read elsewhere (wheel or touch upwards, paging keys, a scrollbar
 * drag, a text selection, any upward scroll). Scrolling back to the end, or `scrollToBottom()`, pins
 * it again. Framework-free; the only state is `isAtBottom` ("pinned").
 */

export interface StickToBottomOptions {
  /** How close to the end (px) still counts as "at the bottom". Default 8. */
  threshold?: number;
}

export interface StickToBottom {
  /** True while pinned: new content scrolls into view. */
  readonly isAtBottom: boolean;
  subscribe(listener: () => void): () => void;
  /** Start watching `scroller` (and the size of `content`); returns the detach function. */
  attach(scroller: HTMLElement, content: HTMLElement): () => void;
  /** Pin again and scroll to the end now. */
  scrollToBottom(): void;
  /** Content changed: follow it if pinned. Called by the observers; call it yourself if needed. */
  contentChanged(): void;
}

const releaseKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'INPUT';
}

/**
 * @example
 * const stick = createStickToBottom();
 * const detach = stick.attach(scrollerElement, contentElement);
 * stick.subscribe(() => (jumpButton.hidden = stick.isAtBottom));
 */
export function createStickToBottom(options: StickToBottomOptions = {}): StickToBottom {
  const threshold = options.threshold ?? 8;
  let isAtBottom = true;
  let scroller: HTMLElement | undefined;
  // The scroll position we last saw or set: a smaller one in a scroll event means "moved up".
  let lastTop = 0;
  const listeners = new Set<() => void>();

  function setAtBottom(value: boolean): void {
    if (isAtBottom === value) return;
    isAtBottom = value;
    for (const listener of [...listeners]) listener();
  }

  function scrollToEnd(): void {
    if (!scroller) return;
    const end = scroller.scrollHeight - scroller.clientHeight;
    if (scroller.scrollTop < end) scroller.scrollTop = end;
    lastTop = scroller.scrollTop;
  }

  return {
    get isAtBottom() {
      return isAtBottom;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    scrollToBottom() {
      setAtBottom(true);
      scrollToEnd();
    },
    contentChanged() {
      if (isAtBottom) scrollToEnd();
    },
    attach(element, content) {
      scroller = element;
      lastTop = element.scrollTop;
      const release = () => setAtBottom(false);
      const canScroll = () => element.scrollHeight > element.clientHeight;

      const onScroll = () => {
        const top = element.scrollTop;
        const distance = element.scrollHeight - element.clientHeight - top;
        const movedUp = top < lastTop - 1;
        lastTop = top;
        if (movedUp && distance > threshold) release();
        else if (!movedUp && distance <= threshold) setAtBottom(true);
      };
      const onWheel = (event: WheelEvent) => {
        if (event.deltaY < 0 && canScroll()) release();
      };
      let touchY: number | undefined;
      const onTouchStart = (event: TouchEvent) => {
        touchY = event.touches[0]?.clientY;
      };
      const onTouchMove = (event: TouchEvent) => {
        const y = event.touches[0]?.clientY;
        // A finger moving down drags the content down: the user is scrolling up.
        if (y !== undefined && touchY !== undefined && y > touchY + 2 && canScroll()) release();
        touchY = y;
      };
      const onKeyDown = (event: KeyboardEvent) => {
        if (isEditable(event.target)) return;
        if (releaseKeys.has(event.key) || (event.key === ' ' && event.shiftKey)) release();
      };
      const onPointerDown = (event: PointerEvent) => {
        // Only a press on the container itself beyond its content box: the scrollbar.
        if (event.target !== element) return;
        const box = element.getBoundingClientRect();
        if (event.clientX >= box.left + element.clientLeft + element.clientWidth) release();
      };
      const onSelectionChange = () => {
        const selection = element.ownerDocument.getSelection();
        if (selection && !selection.isCollapsed && selection.anchorNode && element.contains(selection.anchorNode)) {
          release();
        }
      };
      const contentChanged = () => {
        if (isAtBottom) scrollToEnd();
      };

      element.addEventListener('scroll', onScroll, { passive: true });
      element.addEventListener('wheel', onWheel, { passive: true });
      element.addEventListener('touchstart', onTouchStart, { passive: true });
      element.addEventListener('touchmove', onTouchMove, { passive: true });
      element.addEventListener('keydown', onKeyDown);
      element.addEventListener('pointerdown', onPointerDown);
      element.ownerDocument.addEventListener('selectionchange', onSelectionChange);
      // A ResizeObserver runs once per frame after layout, so following the content costs no extra
      // layout however many windows commit. Reading scrollHeight after every DOM mutation instead
      // forces a layout per React commit (a fifth of the main thread with 20 chats streaming).
      // Without ResizeObserver (old browsers, jsdom), mutations are the fallback.
      const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(contentChanged) : undefined;
      resizes?.observe(content);
      const mutations = resizes ? undefined : new MutationObserver(contentChanged);
      mutations?.observe(content, { childList: true, subtree: true, characterData: true });
      scrollToEnd();

      return () => {
        element.removeEventListener('scroll', onScroll);
        element.removeEventListener('wheel', onWheel);
        element.removeEventListener('touchstart', onTouchStart);
        element.removeEventListener('touchmove', onTouchMove);
        element.removeEventListener('keydown', onKeyDown);
        element.removeEventListener('pointerdown', onPointerDown);
        element.ownerDocument.removeEventListener('selectionchange', onSelectionChange);
        mutations?.disconnect();
        resizes?.disconnect();
        if (scroller === element) scroller = undefined;
      };
    },
  };
}
