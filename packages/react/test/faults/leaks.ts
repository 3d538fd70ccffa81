/**
 * Leak counter: wraps the timer and frame functions of the page and counts what is still pending,
 * and tracks the streams a test hands out, so a scenario can prove that nothing is left running
 * once it is over (every timer fired or cleared, every frame ran or was cancelled, every stream
 * cancelled by its reader or read to its end).
 */

export interface Leaks {
  /** Timers (setTimeout/setInterval) neither fired nor cleared, with the delay each was set for. */
  timers: number[];
  /** Animation frames neither run nor cancelled. */
  frames: number;
  /** Labels of the tracked streams still open (not cancelled, not read to the end, not failed). */
  streams: string[];
}

export interface TrackedStreamState {
  readonly label: string;
  /** `'open'` until the reader cancels it (`'cancelled'`), reads it to the end (`'closed'`) or it fails. */
  readonly state: 'open' | 'closed' | 'errored' | 'cancelled';
}

export interface LeakCounter {
  /** What is outstanding now. */
  outstanding(): Leaks;
  /** Register a stream's state for the check. */
  track(stream: TrackedStreamState): void;
  /** Put the original functions back. */
  restore(): void;
}

type TimerId = ReturnType<typeof setTimeout>;

/** Install the counter on `globalThis`. Call `restore()` when the scenario is over. */
export function installLeakCounter(): LeakCounter {
  const g = globalThis as typeof globalThis & {
    requestAnimationFrame?: (callback: FrameRequestCallback) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  const original = {
    setTimeout: g.setTimeout,
    clearTimeout: g.clearTimeout,
    setInterval: g.setInterval,
    clearInterval: g.clearInterval,
    requestAnimationFrame: g.requestAnimationFrame,
    cancelAnimationFrame: g.cancelAnimationFrame,
  };
  const timers = new Map<unknown, number>();
  const frames = new Set<number>();
  const streams: TrackedStreamState[] = [];
  // Node timers are objects that also convert to a number id; both forms may reach clearTimeout.
  const key = (id: unknown) => (typeof id === 'object' && id !== null ? Number(id) : id);

  g.setTimeout = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const id: TimerId = original.setTimeout(() => {
      timers.delete(key(id));
      callback(...args);
    }, delay);
    timers.set(key(id), delay ?? 0);
    return id;
  }) as typeof setTimeout;
  g.clearTimeout = ((id?: TimerId) => {
    timers.delete(key(id));
    original.clearTimeout(id);
  }) as typeof clearTimeout;
  g.setInterval = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const id = original.setInterval(callback, delay, ...args);
    timers.set(key(id), delay ?? 0);
    return id;
  }) as typeof setInterval;
  g.clearInterval = ((id?: ReturnType<typeof setInterval>) => {
    timers.delete(key(id));
    original.clearInterval(id);
  }) as typeof clearInterval;

  if (original.requestAnimationFrame && original.cancelAnimationFrame) {
    const raf = original.requestAnimationFrame;
    const caf = original.cancelAnimationFrame;
    g.requestAnimationFrame = (callback) => {
      const id = raf((time) => {
        frames.delete(id);
        callback(time);
      });
      frames.add(id);
      return id;
    };
    g.cancelAnimationFrame = (id) => {
      frames.delete(id);
      caf(id);
    };
  }

  return {
    outstanding: () => ({
      timers: [...timers.values()],
      frames: frames.size,
      streams: streams.filter((stream) => stream.state === 'open').map((stream) => stream.label),
    }),
    track(stream) {
      streams.push(stream);
    },
    restore() {
      Object.assign(g, original);
    },
  };
}
