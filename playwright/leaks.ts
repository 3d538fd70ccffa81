/**
 * A leak counter for the page under test. An init script wraps, before any page code runs, the
 * timer and animation-frame functions, `fetch` (requests in flight and the bodies of their
 * responses), stream readers and `WebSocket`, and keeps the live ones: a timer until it fires or
 * is cleared (an interval until cleared), a frame until it runs or is cancelled, a response body
 * until it is read to its end, fails, is cancelled or consumed (`json()`, `text()`…), a reader
 * until its stream closes, fails or the lock is released, a socket until its `close` event.
 *
 * A test takes a baseline once the page is quiet (the page's own polling timers included), causes
 * a fault, and expects the counts to come back to the baseline once the fault has settled.
 */
import { expect, type Page } from '@playwright/test';

/** What is live in the page now. Lists are sorted, so two snapshots compare with `toEqual`. */
export interface LiveWork {
  /** Pending timers, as `timeout <delay>` or `interval <delay>`. */
  timers: string[];
  /** Animation frames requested and neither run nor cancelled. */
  frames: number;
  /** `fetch` calls not settled yet, by URL path. */
  fetches: string[];
  /** Response bodies (by URL path) neither read to the end, failed, cancelled nor consumed. */
  bodies: string[];
  /** Stream readers whose stream is still open and whose lock is still held. */
  readers: number;
  /** WebSockets (by URL) that have not fired `close`. */
  sockets: string[];
}

interface LeakCounter {
  snapshot(): LiveWork;
}

declare global {
  interface Window {
    __rivuletLeaks?: LeakCounter;
  }
}

/**
 * The init script. Self-contained: Playwright sends its source to the page, so it may use nothing
 * from this module.
 */
function installLeakCounter() {
  if (window.__rivuletLeaks) return;
  const timers = new Map<number, string>();
  const frames = new Set<number>();
  const fetches = new Set<{ label: string }>();
  const bodies = new Map<ReadableStream, string>();
  const readers = new Set<object>();
  const released = new WeakSet<object>();
  const sockets = new Set<{ label: string }>();
  const path = (url: string) => {
    try {
      const parsed = new URL(url, location.href);
      return parsed.origin === location.origin ? parsed.pathname : parsed.href;
    } catch {
      return url;
    }
  };

  // The browser's signatures (the Node typings in scope would say timers are objects).
  type Schedule = (handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => number;
  type Clear = (id?: number) => void;
  const timing = window as unknown as {
    setTimeout: Schedule;
    clearTimeout: Clear;
    setInterval: Schedule;
    clearInterval: Clear;
  };
  const original = {
    setTimeout: timing.setTimeout,
    clearTimeout: timing.clearTimeout,
    setInterval: timing.setInterval,
    clearInterval: timing.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    fetch: window.fetch,
    getReader: ReadableStream.prototype.getReader,
    cancel: ReadableStream.prototype.cancel,
    WebSocket: window.WebSocket,
  };

  timing.setTimeout = (handler, delay, ...args) => {
    // A string handler (eval) is passed through untracked: nothing here uses one.
    if (typeof handler !== 'function') return original.setTimeout.call(window, handler, delay, ...args);
    const id = original.setTimeout.call(
      window,
      (...values: unknown[]) => {
        timers.delete(id);
        handler(...values);
      },
      delay,
      ...args,
    );
    timers.set(id, `timeout ${Number(delay) || 0}`);
    return id;
  };
  timing.clearTimeout = (id) => {
    if (id !== undefined) timers.delete(id);
    original.clearTimeout.call(window, id);
  };
  timing.setInterval = (handler, delay, ...args) => {
    const id = original.setInterval.call(window, handler, delay, ...args);
    timers.set(id, `interval ${Number(delay) || 0}`);
    return id;
  };
  timing.clearInterval = (id) => {
    if (id !== undefined) timers.delete(id);
    original.clearInterval.call(window, id);
  };

  window.requestAnimationFrame = (callback) => {
    const id = original.requestAnimationFrame.call(window, (time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    frames.delete(id);
    original.cancelAnimationFrame.call(window, id);
  };

  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const entry = { label: path(url) };
    fetches.add(entry);
    const pending = original.fetch.call(window, input, init);
    // Registered before the caller's own handlers, so the body is tracked before anyone reads it.
    pending.then(
      (response) => {
        fetches.delete(entry);
        if (response.body) bodies.set(response.body, entry.label);
      },
      () => fetches.delete(entry),
    );
    return pending;
  };

  for (const method of ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const) {
    const consume = Response.prototype[method] as ((this: Response) => Promise<unknown>) | undefined;
    if (!consume) continue;
    Object.defineProperty(Response.prototype, method, {
      configurable: true,
      writable: true,
      value(this: Response) {
        const body = this.body;
        const result = consume.call(this);
        const settle = () => body && bodies.delete(body);
        result.then(settle, settle);
        return result;
      },
    });
  }

  ReadableStream.prototype.getReader = function getReader(this: ReadableStream, options?: unknown) {
    const reader = original.getReader.call(this, options as never) as ReadableStreamDefaultReader;
    readers.add(reader);
    const releaseLock = reader.releaseLock;
    reader.releaseLock = () => {
      released.add(reader);
      releaseLock.call(reader);
    };
    // `closed` settles when the stream is read to its end, cancelled, fails, or the lock is released.
    reader.closed.then(
      () => {
        readers.delete(reader);
        bodies.delete(this);
      },
      () => {
        readers.delete(reader);
        // Releasing the lock leaves the stream itself open: its body stays counted.
        if (!released.has(reader)) bodies.delete(this);
      },
    );
    return reader;
  } as typeof ReadableStream.prototype.getReader;
  ReadableStream.prototype.cancel = function cancel(this: ReadableStream, reason?: unknown) {
    bodies.delete(this);
    return original.cancel.call(this, reason);
  };

  if (original.WebSocket) {
    window.WebSocket = class TrackedWebSocket extends original.WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        const entry = { label: String(url) };
        sockets.add(entry);
        this.addEventListener('close', () => sockets.delete(entry));
      }
    };
  }

  window.__rivuletLeaks = {
    snapshot: () => ({
      timers: [...timers.values()].sort(),
      frames: frames.size,
      fetches: [...fetches].map((entry) => entry.label).sort(),
      bodies: [...bodies.values()].sort(),
      readers: readers.size,
      sockets: [...sockets].map((entry) => entry.label).sort(),
    }),
  };
}

/** The leak counter of one page; see the module comment. */
export interface Leaks {
  /** What is live now. */
  snapshot(): Promise<LiveWork>;
  /**
   * Waits for a quiet moment (no request in flight, no body or reader open, no frame pending) and
   * returns what is live then: the page's own timers, such as a polling interval.
   */
  baseline(): Promise<LiveWork>;
  /** Waits until what is live equals `baseline` again; fails with the difference after `timeout`. */
  expectBackTo(baseline: LiveWork, options?: { timeout?: number }): Promise<void>;
}

/** Installs the counter; call it before the page navigates (before `openChat`). */
export async function watchLeaks(page: Page): Promise<Leaks> {
  await page.addInitScript(installLeakCounter);
  const snapshot = () =>
    page.evaluate(() => {
      const counter = window.__rivuletLeaks;
      if (!counter) throw new Error('The leak counter is not installed: call watchLeaks before navigating');
      return counter.snapshot();
    });
  const quiet = (live: LiveWork) =>
    live.fetches.length === 0 && live.bodies.length === 0 && live.readers === 0 && live.frames === 0;
  return {
    snapshot,
    async baseline() {
      let live = await snapshot();
      await expect
        .poll(
          async () => {
            live = await snapshot();
            return quiet(live);
          },
          { message: 'the page never went quiet for a leak baseline', timeout: 5000 },
        )
        .toBe(true);
      return live;
    },
    async expectBackTo(baseline, { timeout = 5000 } = {}) {
      await expect
        .poll(snapshot, { message: 'work left running after the fault settled (baseline vs now)', timeout })
        .toEqual(baseline);
    },
  };
}
