/**
 * Whether an element has come near the viewport: within one viewport height of it, above or
 * below, and within as much of the scroll containers it sits in where the browser supports
 * `scrollMargin`. Once near, it stays near, so work started for it is never thrown away.
 *
 * One `IntersectionObserver` serves every element on the page, and each element is dropped
 * from it as soon as it is near. Without `IntersectionObserver` (old browsers, jsdom) every
 * element counts as near once mounted; on the server none does.
 *
 * The observer computes every target's intersection on every frame that scrolls: with the code
 * blocks of a thousand finished messages that took milliseconds per frame. So elements inside a
 * `content-visibility: auto` container the browser skips (a settled group of messages or blocks,
 * far from the viewport) are parked, not observed, until it renders them again
 * (`contentvisibilityautostatechange`); being skipped, they are not near the viewport anyway.
 */

import { type RefObject, useEffect, useState } from 'react';

/** How far outside the viewport an element still counts as near: one viewport height. */
const rootMargin = '100% 0px';

type Listener = () => void;

let observer: IntersectionObserver | undefined;
const listeners = new Map<Element, Listener>();
/** Skipped `content-visibility: auto` container -> the elements parked while it is skipped. */
const parked = new Map<Element, Set<Element>>();
/** Parked element -> the container it is parked in. */
const parkedIn = new Map<Element, Element>();

/** The `contentvisibilityautostatechange` event (not in every DOM typing yet). */
interface VisibilityStateEvent extends Event {
  readonly skipped: boolean;
}

function park(container: Element): void {
  let set = parked.get(container);
  for (const element of listeners.keys()) {
    if (parkedIn.has(element) || !container.contains(element)) continue;
    observer?.unobserve(element);
    set ??= new Set();
    set.add(element);
    parkedIn.set(element, container);
  }
  if (set) parked.set(container, set);
}

function unpark(container: Element): void {
  const set = parked.get(container);
  if (!set) return;
  parked.delete(container);
  for (const element of set) {
    parkedIn.delete(element);
    observer?.observe(element);
  }
}

function onVisibilityState(event: Event): void {
  const container = event.target;
  if (!(container instanceof Element) || listeners.size === 0) return;
  if ((event as VisibilityStateEvent).skipped) park(container);
  else unpark(container);
}

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const listener = listeners.get(entry.target);
        unobserve(entry.target);
        listener?.();
      }
    },
    // `scrollMargin` (newer browsers) widens the scroll containers an element sits in too, such as
    // a chat's message list; browsers without it ignore the key. In pixels: Chromium resolves a
    // percentage there against more than the scroll container's visible height.
    { rootMargin, scrollMargin: `${window.innerHeight}px 0px` } as IntersectionObserverInit,
  );
  // The event does not bubble: listened to on its way down.
  document.addEventListener('contentvisibilityautostatechange', onVisibilityState, { capture: true });
  return observer;
}

function observe(element: Element, listener: Listener): void {
  listeners.set(element, listener);
  sharedObserver().observe(element);
}

function unobserve(element: Element): void {
  if (!listeners.delete(element)) return;
  const container = parkedIn.get(element);
  if (container) {
    parkedIn.delete(element);
    const set = parked.get(container);
    set?.delete(element);
    if (set?.size === 0) parked.delete(container);
  } else observer?.unobserve(element);
}

/**
 * True once the element in `ref` has been near the viewport. With `watch` false it is not
 * observed and the hook returns true at once: nothing waits for visibility. Before the first
 * effect (and on the server) an observed element is not near yet.
 */
export function useNearViewport(ref: RefObject<Element | null>, watch: boolean): boolean {
  const [near, setNear] = useState(false);
  const waiting = watch && !near;

  useEffect(() => {
    const element = ref.current;
    if (!waiting || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    observe(element, () => setNear(true));
    return () => unobserve(element);
  }, [waiting, ref]);

  return near || !watch;
}
