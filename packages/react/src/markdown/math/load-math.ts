/**
 * Loading the math chunk (`math-chunk.ts`: remark-math and KaTeX) on first use, and telling the
 * components waiting for it. Nothing is imported until a block holding math asks for it.
 */

import type * as MathChunk from './math-chunk';

export type MathModule = typeof MathChunk;

let loaded: MathModule | undefined;
let loading: Promise<MathModule | undefined> | undefined;
/** The last load failed (a flaky network): math shows as plain text until a load succeeds. */
let failed = false;
const listeners = new Set<() => void>();

/** The math chunk, once loaded. */
export function loadedMath(): MathModule | undefined {
  return loaded;
}

/** Whether the math chunk is loaded (a `useSyncExternalStore` snapshot). */
export function isMathLoaded(): boolean {
  return loaded !== undefined;
}

/** `'ready'` once the chunk is loaded, `'failed'` after a load failed, else `'pending'`. */
export function mathStatus(): 'ready' | 'pending' | 'failed' {
  return loaded ? 'ready' : failed ? 'failed' : 'pending';
}

/** Calls `listener` once the chunk has loaded (or failed to); returns the unsubscribe function. */
export function subscribeMath(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Loads the math chunk (once; a failed load may be tried again later). Call it ahead of time
 * to have math drawn in an answer's first frame. Never rejects.
 */
export function loadMath(): Promise<MathModule | undefined> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('./math-chunk').then(
    (module) => {
      loaded = module;
      for (const listener of [...listeners]) listener();
      return module;
    },
    () => {
      loading = undefined;
      failed = true;
      for (const listener of [...listeners]) listener();
      return undefined;
    },
  );
  return loading;
}
