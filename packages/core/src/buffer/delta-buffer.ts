/**
 * Delta buffer: collects text deltas as fast as the network delivers them and hands them to the UI
 * at most `maxFps` times a second. Invariants: nothing pushed is ever dropped or reordered; `end()`
 * delivers everything at once; in any window of one second `onFlush` runs at most `maxFps` times.
 */

export type Schedule = (callback: () => void) => () => void;

export interface DeltaBufferOptions {
  /** Called with the full text flushed so far and the part this flush added. */
  onFlush: (text: string, appended: string) => void;
  /** Flush at most this often (per second). Default 60; 0 flushes on every push. */
  maxFps?: number;
  /** Pace a burst over the next frames instead of showing it in one jump. Default false. */
  smoothing?: boolean;
  /** Schedules one callback, returns its cancel. Default: requestAnimationFrame, else setTimeout. */
  schedule?: Schedule;
}

export interface DeltaBuffer {
  /** Queue a delta; it reaches `onFlush` on a later frame (or at once with `maxFps: 0`). */
  push(delta: string): void;
  /** Deliver everything pending now (ignores the frame cap and smoothing). */
  flush(): void;
  /** The stream ended: flush what is left at once and stop scheduling. */
  end(): void;
  /** Stop scheduling without flushing (e.g. on unmount). Pending text stays in `text`. */
  cancel(): void;
  /** Everything pushed so far, flushed or not. */
  readonly text: string;
}

/** Frames a burst is spread over when `smoothing` is on. */
const SMOOTHING_FRAMES = 5;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** The default scheduler: the next animation frame where there is one, else a 16 ms timer. */
export const defaultSchedule: Schedule = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

/** Index at which to cut `text` near `count` characters without splitting a surrogate pair. */
function safeCut(text: string, count: number): number {
  if (count >= text.length) return text.length;
  const code = text.charCodeAt(count - 1);
  return code >= 0xd800 && code <= 0xdbff ? count + 1 : count;
}

/**
 * Create a buffer that coalesces deltas into at most `maxFps` flushes a second.
 *
 * @example
 * const buffer = createDeltaBuffer({ onFlush: (text) => setText(text) });
 * for await (const event of readStream(response)) if (event.type === 'text') buffer.push(event.delta);
 * buffer.end();
 */
export function createDeltaBuffer(options: DeltaBufferOptions): DeltaBuffer {
  const { onFlush, smoothing = false, schedule = defaultSchedule } = options;
  const maxFps = Math.max(0, options.maxFps ?? 60);
  // Flush times of the last `maxFps` flushes: a new flush is allowed only when the oldest of them
  // is a second old, which bounds the rate in every one-second window, and at least half a frame
  // interval after the previous one, which keeps flushes evenly spread.
  const recentFlushes: number[] = [];
  const minGap = maxFps > 0 ? 500 / maxFps : 0;

  let flushed = '';
  let pending = '';
  let cancelFrame: (() => void) | undefined;
  let smoothingRate = 0;

  function emit(part: string): void {
    if (part === '') return;
    flushed += part;
    if (maxFps > 0) {
      recentFlushes.push(now());
      if (recentFlushes.length > maxFps) recentFlushes.shift();
    }
    onFlush(flushed, part);
  }

  function mayFlushAt(time: number): boolean {
    const last = recentFlushes[recentFlushes.length - 1];
    if (last !== undefined && time - last < minGap) return false;
    if (recentFlushes.length < maxFps) return true;
    const oldest = recentFlushes[0] as number;
    return time - oldest >= 1000;
  }

  function requestFrame(): void {
    if (cancelFrame === undefined && pending !== '') cancelFrame = schedule(onFrame);
  }

  function onFrame(): void {
    cancelFrame = undefined;
    if (pending === '') return;
    if (!mayFlushAt(now())) {
      requestFrame();
      return;
    }
    if (smoothing) {
      const cut = safeCut(pending, Math.max(1, smoothingRate));
      const part = pending.slice(0, cut);
      pending = pending.slice(cut);
      if (pending === '') smoothingRate = 0;
      emit(part);
    } else {
      const part = pending;
      pending = '';
      emit(part);
    }
    requestFrame();
  }

  return {
    push(delta) {
      if (delta === '') return;
      pending += delta;
      if (maxFps === 0) {
        const part = pending;
        pending = '';
        emit(part);
        return;
      }
      if (smoothing) smoothingRate = Math.max(smoothingRate, Math.ceil(pending.length / SMOOTHING_FRAMES));
      requestFrame();
    },
    flush() {
      cancelFrame?.();
      cancelFrame = undefined;
      const part = pending;
      pending = '';
      smoothingRate = 0;
      emit(part);
    },
    end() {
      this.flush();
    },
    cancel() {
      cancelFrame?.();
      cancelFrame = undefined;
    },
    get text() {
      return flushed + pending;
    },
  };
}
