/**
 * Highlighting is idle-priority work: a pass (and the load of a grammar) starts only once the main
 * thread has an idle period. While an answer streams at a normal rate the page is idle most of
 * every frame, so this costs a frame at most; when the page is saturated (a huge backlog, a slow
 * device) the text keeps the CPU and colours come once it is free. Tokenizing runs in a worker,
 * but on a machine with two cores a worker compiling a grammar (hundreds of milliseconds for
 * TypeScript's) still takes CPU time from the page.
 *
 * Without `requestIdleCallback` (Safari, jsdom) the work starts on the next task.
 */

/** Runs `callback` in the main thread's next idle period; returns the cancel function. */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback);
    return () => globalThis.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
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
