/**
 * Whether an element has come near the viewport: within one viewport height of it, above or
 * below, and within as much of the scroll containers it sits in where the browser supports
 * `scrollMargin`. Once near, it stays near, so work started for it is never thrown away.
 *
 * One `IntersectionObserver` serves every element on the page, and each element is dropped
 * from it as soon as it is near. Without `IntersectionObserver` (old browsers, jsdom) every
 * element counts as near once mounted; on the server none does.
 */

import { type RefObject, useEffect, useState } from 'react';

/** How far outside the viewport an element still counts as near: one viewport height. */
const rootMargin = '100% 0px';

type Listener = () => void;

let observer: IntersectionObserver | undefined;
const listeners = new Map<Element, Listener>();

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
  sharedObserver().observe(element);
}

function unobserve(element: Element): void {
  if (!listeners.delete(element)) return;
  observer?.unobserve(element);
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
