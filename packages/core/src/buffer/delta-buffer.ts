/**
 * Delta buffer: collects text deltas as fast as the network delivers them and hands them to the UI
 * at most `maxFps` times a second. Invariants: nothing pushed is ever dropped or reordered; `end()`
 * delivers everything at once; in any window of one second `onFlush` runs at most `maxFps` times.
 */

import { createFrameGate, defaultSchedule, type Schedule } from './frame-gate';
import { createTextPacer } from './text-pacer';

export type { Schedule };
export { defaultSchedule };

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

/**
 * Create a buffer that coalesces deltas into at most `maxFps` flushes a second.
 *
 * @example
 * const buffer = createDeltaBuffer({ onFlush: (text) => setText(text) });
 * for await (const event of readStream(response)) if (event.type === 'text') buffer.push(event.delta);
 * buffer.end();
 */
export function createDeltaBuffer(options: DeltaBufferOptions): DeltaBuffer {
  const { onFlush, maxFps = 60 } = options;
  const pacer = createTextPacer({ smoothing: options.smoothing });
  const gate = createFrameGate({
    maxFps,
    schedule: options.schedule,
    onFrame() {
      emit(maxFps <= 0 ? pacer.takeAll() : pacer.take());
      if (pacer.hasWaiting) gate.request();
    },
  });

  function emit(part: string): void {
    if (part !== '') onFlush(pacer.shown, part);
  }

  function flush(): void {
    if (!pacer.hasWaiting) {
      gate.cancel();
      return;
    }
    gate.record();
    emit(pacer.takeAll());
  }

  return {
    push(delta) {
      if (delta === '') return;
      pacer.push(delta);
      gate.request();
    },
    flush,
    end: flush,
    cancel: gate.cancel,
    get text() {
      return pacer.text;
    },
  };
}
