/**
 * Page-wide instrumentation, imported before anything else: marks when code runs inside an animation
 * frame callback (so a commit made there is known to paint at the end of that same frame), and small
 * helpers to yield to the browser and collect garbage between runs.
 */

declare global {
  interface Window {
    gc?: () => void;
  }
}

let frameOpen = false;
let frameCount = 0;
const nativeRequestAnimationFrame = window.requestAnimationFrame.bind(window);
const frameEnd = new MessageChannel();
frameEnd.port1.onmessage = () => {
  frameOpen = false;
};

// From the first frame callback until the next task, the browser is inside one frame's rendering
// steps: microtasks queued by a callback (where React commits sync updates) still paint this frame.
window.requestAnimationFrame = (callback: FrameRequestCallback): number =>
  nativeRequestAnimationFrame((time) => {
    if (!frameOpen) {
      frameOpen = true;
      frameEnd.port2.postMessage(null);
    }
    callback(time);
  });

/** True between a frame's callbacks and its paint: a commit now is painted at the end of this frame. */
export function isInAnimationFrame(): boolean {
  return frameOpen;
}

/** Counts frames for as long as `stop` is not called. */
export function countFrames(): { readonly count: number; stop(): void } {
  let running = true;
  const tick = () => {
    if (!running) return;
    frameCount += 1;
    nativeRequestAnimationFrame(tick);
  };
  nativeRequestAnimationFrame(tick);
  return {
    get count() {
      return frameCount;
    },
    stop() {
      running = false;
    },
  };
}

const channel = new MessageChannel();
const pending: (() => void)[] = [];
channel.port1.onmessage = () => pending.shift()?.();

/** Resolves in a new task: microtasks, timers and React's scheduled work queued before it run first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    pending.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Resolves in the task after the next frame's rendering, i.e. once that frame has painted. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => nativeRequestAnimationFrame(() => nextTask().then(() => resolve(performance.now()))));
}

/** Garbage-collects when the browser exposes `gc` (launched with --js-flags=--expose-gc). */
export async function settle(): Promise<void> {
  await afterNextPaint();
  window.gc?.();
  await nextTask();
}

/** Polls `condition` every 10 ms; resolves true once it holds, false after `timeoutMs`. */
export function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    const poll = () => {
      if (condition()) resolve(true);
      else if (performance.now() > deadline) resolve(false);
      else setTimeout(poll, 10);
    };
    poll();
  });
}
