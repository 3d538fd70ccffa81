/**
 * The page-wide highlighting setting (`configureHighlighting`). Kept apart from the highlighter so
 * the public types do not reach into shiki's.
 */

/** Options of `configureHighlighting`. */
export interface HighlightingOptions {
  /**
   * Tokenize code in a Web Worker (started from a blob URL), keeping the main thread free for
   * streaming and input. Default `true`; `false` tokenizes on the main thread in short slices.
   * Without `Worker`, or when the worker cannot start (e.g. a Content Security Policy without
   * `worker-src blob:`), Rivulet falls back to the main thread by itself.
   */
  worker?: boolean | undefined;
}

let worker = true;
const listeners = new Set<() => void>();

/** Whether tokenizing should run in a worker. */
export function workerEnabled(): boolean {
  return worker;
}

/** Calls `listener` when the setting changes; returns the unsubscribe function. */
export function onHighlightingChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function setWorker(value: boolean, notify = true): void {
  if (value === worker) return;
  worker = value;
  if (notify) for (const listener of [...listeners]) listener();
}

/**
 * Chooses where code is tokenized, for every `<Markdown>` on the page. Call it before the first
 * code block renders; calling it later starts highlighting over with the new setting.
 */
export function configureHighlighting(options: HighlightingOptions): void {
  setWorker(options.worker ?? true);
}

/**
 * The worker failed: from now on, tokenize on the main thread. `restart` tells the highlighter to
 * start over (a worker that failed after it started); a worker that never started needs none.
 */
export function disableWorker(restart: boolean): void {
  setWorker(false, restart);
}
