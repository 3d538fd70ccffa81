/**
 * Highlighting is idle-priority work: a pass (and the load of a grammar) starts only once the main
 * thread has an idle period. While an answer streams at a normal rate the page is idle most of
 * every frame, so this costs a frame at most; when the page is saturated (a huge backlog, a slow
 * device) the text keeps the CPU and colours come once it is free. Tokenizing runs in a worker,
 * but on a machine with two cores a worker compiling a grammar (hundreds of milliseconds for
 * TypeScript's) still takes CPU time from the page.
 *
 * A page scrolled fast is not idle either, whatever `requestIdleCallback` says: flinging through a
 * long chat brings dozens of code blocks near the viewport, and their grammars and passes would run
 * in the worker while the browser draws every new message (on two cores, the main thread then
 * waits for the CPU: frames took twice their CPU time). So work waits until the scroll settles
 * (`flingSettleMs` after the page or any scroll container last moved fast), and the blocks the
 * reader stopped at get it then. Slow scrolling, such as a chat following a streaming answer, does
 * not count.
 *
 * Without `requestIdleCallback` (Safari, jsdom) the work starts on the next task.
 */

/** A scroll counts as fast when it moves more than this share of the viewport's height... */
export const flingViewportShare = 0.5;
/** ...within this time; work waits until this long after the last fast scroll. */
export const flingSettleMs = 200;

/** Distances scrolled recently, by any element or the page: [time, pixels], oldest first. */
const recentScrolls: [number, number][] = [];
/** The last scroll position of each scrolled element (the page is `document.scrollingElement`). */
const lastTop = new WeakMap<Element, number>();
let listening = false;
/** Until when (`performance.now()`) work waits for a fast scroll to settle. */
let flingUntil = Number.NEGATIVE_INFINITY;

function onScroll(event: Event): void {
  const target = event.target instanceof Element ? event.target : document.scrollingElement;
  if (!target) return;
  const top = target.scrollTop;
  const last = lastTop.get(target);
  lastTop.set(target, top);
  if (last === undefined || last === top) return;
  const now = performance.now();
  recentScrolls.push([now, Math.abs(top - last)]);
  let moved = 0;
  for (let index = recentScrolls.length - 1; index >= 0; index -= 1) {
    const [time, distance] = recentScrolls[index] as [number, number];
    if (now - time > flingSettleMs) {
      recentScrolls.splice(0, index + 1);
      break;
    }
    moved += distance;
  }
  if (moved > window.innerHeight * flingViewportShare) flingUntil = now + flingSettleMs;
}

/** Starts following scrolls (once per page; scroll events do not bubble, so it captures them). */
function followScrolls(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
}

/** How long until a fast scroll has settled: 0 when nothing scrolls fast. */
export function flingSettlesIn(): number {
  return Math.max(0, flingUntil - performance.now());
}

/** Runs `callback` in the next idle period (`requestIdleCallback`, else the next task). */
function nextIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback);
    return () => globalThis.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}

/**
 * Runs `callback` in the main thread's next idle period once no fast scroll is settling; returns
 * the cancel function.
 */
export function whenIdle(callback: () => void): () => void {
  followScrolls();
  let cancel = () => {};
  const tryNow = (): void => {
    const wait = flingSettlesIn();
    if (wait === 0) {
      callback();
      return;
    }
    const timer = setTimeout(() => {
      cancel = nextIdle(tryNow);
    }, wait);
    cancel = () => clearTimeout(timer);
  };
  cancel = nextIdle(tryNow);
  return () => cancel();
}

/** Runs `callback` in the first idle period at least `delayMs` from now; returns the cancel function. */
export function idleAfter(delayMs: number, callback: () => void): () => void {
  let cancel = () => {};
  const timer = setTimeout(() => {
    cancel = whenIdle(callback);
  }, delayMs);
  return () => {
    clearTimeout(timer);
    cancel();
  };
}
