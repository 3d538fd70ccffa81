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
/**
 * `content-visibility: auto` containers the browser skips now, held weakly: a container removed
 * while skipped tells no one, and must not keep its subtree alive.
 */
const skipped = new Set<WeakRef<Element>>();
/** Parked element -> the skipped container it is parked in. */
const parkedIn = new Map<Element, Element>();

/** The `contentvisibilityautostatechange` event (not in every DOM typing yet). */
interface VisibilityStateEvent extends Event {
  readonly skipped: boolean;
}

/**
 * The skipped container holding `element`, if any; forgets `forget` and containers gone from the
 * page on the way.
 */
function skippedContainerOf(element: Element | undefined, forget?: Element): Element | undefined {
  for (const ref of skipped) {
    const container = ref.deref();
    if (!container?.isConnected || container === forget) skipped.delete(ref);
    else if (element && container !== element && container.contains(element)) return container;
  }
}

/** Observes `element`, or parks it when a skipped container holds it. */
function watchElement(element: Element): void {
  const container = skippedContainerOf(element);
  if (container) parkedIn.set(element, container);
  else sharedObserver().observe(element);
}

function onVisibilityState(event: Event): void {
  const container = event.target;
  if (!(container instanceof Element)) return;
  if ((event as VisibilityStateEvent).skipped) {
    skippedContainerOf(undefined, container);
    skipped.add(new WeakRef(container));
    for (const element of listeners.keys()) {
      if (parkedIn.has(element) || !container.contains(element)) continue;
      observer?.unobserve(element);
      parkedIn.set(element, container);
    }
  } else {
    skippedContainerOf(undefined, container);
    for (const [element, holder] of parkedIn) {
      if (holder !== container) continue;
      parkedIn.delete(element);
      // Still inside another skipped container (nested ones), or observed again.
      watchElement(element);
    }
  }
}

// From the start, so that containers skipped before any element is observed are known. The event
// does not bubble: it is listened to on its way down.
const pageDocument = typeof document === 'undefined' ? undefined : document;
pageDocument?.addEventListener('contentvisibilityautostatechange', onVisibilityState, { capture: true });

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
  return observer;
}

function observe(element: Element, listener: Listener): void {
  listeners.set(element, listener);
  watchElement(element);
}

function unobserve(element: Element): void {
  if (!listeners.delete(element)) return;
  if (!parkedIn.delete(element)) observer?.unobserve(element);
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
