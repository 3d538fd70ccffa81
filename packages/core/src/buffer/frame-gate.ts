/**
 * Frame gate: the one rate rule of Rivulet's updates, shared by the delta buffer and the stream
 * controller. `request()` runs `onFrame` on a later frame, at most `maxFps` times in any one-second
 * window and at least half a frame interval after the previous run, so runs stay evenly spread;
 * requests made before the run coalesce into it. With `maxFps` 0 every request runs at once.
 */

/** Schedules one callback, returns its cancel. */
export type Schedule = (callback: () => void) => () => void;

/** The default scheduler: the next animation frame where there is one, else a 16 ms timer. */
export const defaultSchedule: Schedule = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

export interface FrameGateOptions {
  /** Runs at most this often (per second). Default 60; 0 runs on every request. */
  maxFps?: number;
  /** Default: requestAnimationFrame, else a 16 ms timer. */
  schedule?: Schedule;
  onFrame: () => void;
}

export interface FrameGate {
  /** Run `onFrame` on the next frame the cap allows (at once with `maxFps` 0). */
  request(): void;
  /** Something was delivered outside the gate (a final flush): it counts against the cap; a pending run is dropped. */
  record(): void;
  /** Drop a pending run. */
  cancel(): void;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export function createFrameGate(options: FrameGateOptions): FrameGate {
  const { onFrame, schedule = defaultSchedule } = options;
  const maxFps = Math.max(0, options.maxFps ?? 60);
  // Times of the last `maxFps` runs: a run is allowed only when the oldest of them is a second old,
  // which bounds the rate in every one-second window.
  const recentRuns: number[] = [];
  const minGap = maxFps > 0 ? 500 / maxFps : 0;
  let cancelScheduled: (() => void) | undefined;

  function mayRunAt(time: number): boolean {
    const last = recentRuns[recentRuns.length - 1];
    if (last !== undefined && time - last < minGap) return false;
    if (recentRuns.length < maxFps) return true;
    return time - (recentRuns[0] as number) >= 1000;
  }

  function count(): void {
    if (maxFps === 0) return;
    recentRuns.push(now());
    if (recentRuns.length > maxFps) recentRuns.shift();
  }

  function cancel(): void {
    cancelScheduled?.();
    cancelScheduled = undefined;
  }

  function tick(): void {
    cancelScheduled = undefined;
    if (!mayRunAt(now())) {
      cancelScheduled = schedule(tick);
      return;
    }
    count();
    onFrame();
  }

  return {
    request() {
      if (maxFps === 0) onFrame();
      else if (cancelScheduled === undefined) cancelScheduled = schedule(tick);
    },
    record() {
      cancel();
      count();
    },
    cancel,
  };
}
