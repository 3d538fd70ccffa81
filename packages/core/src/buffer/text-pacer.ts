/**
 * Text pacer: the text of one stream, held once, as the part already shown plus the part waiting
 * for a frame. Deltas are appended, never recomputed; `take()` moves what one frame shows from
 * waiting to shown: all of it, or with smoothing a slice sized so a burst spreads over a few frames.
 * Invariants: `shown + waiting` is everything pushed, in order; a surrogate pair is never split;
 * `growing` holds `shown` as the chain of what each take moved.
 */
import { GrowingText } from './growing-text';

/** Frames a burst is spread over when smoothing is on. */
const SMOOTHING_FRAMES = 5;

export interface TextPacer {
  push(delta: string): void;
  /** Moves what this frame shows to `shown` and returns it ('' when nothing waits). */
  take(): string;
  /** Moves everything waiting to `shown` and returns it. */
  takeAll(): string;
  /** Forgets everything after the first `length` characters, shown or waiting. */
  truncate(length: number): void;
  /** The text shown so far. */
  readonly shown: string;
  /** `shown` as a `GrowingText`: each take appends to it; a truncation of shown text starts a new one. */
  readonly growing: GrowingText;
  /** Everything pushed: shown and waiting. */
  readonly text: string;
  /** Length of `text`, without building it. */
  readonly length: number;
  readonly hasWaiting: boolean;
}

/** Index at which to cut `text` near `count` characters without splitting a surrogate pair. */
function safeCut(text: string, count: number): number {
  if (count >= text.length) return text.length;
  const code = text.charCodeAt(count - 1);
  return code >= 0xd800 && code <= 0xdbff ? count + 1 : count;
}

export function createTextPacer(options: { smoothing?: boolean } = {}): TextPacer {
  const smoothing = options.smoothing ?? false;
  let shown = '';
  let growing = GrowingText.from('');
  let waiting = '';
  let smoothingRate = 0;

  function takeAll(): string {
    const part = waiting;
    waiting = '';
    smoothingRate = 0;
    shown += part;
    growing = growing.append(part);
    return part;
  }

  return {
    push(delta) {
      waiting += delta;
      if (smoothing) smoothingRate = Math.max(smoothingRate, Math.ceil(waiting.length / SMOOTHING_FRAMES));
    },
    take() {
      if (!smoothing) return takeAll();
      const cut = safeCut(waiting, Math.max(1, smoothingRate));
      const part = waiting.slice(0, cut);
      waiting = waiting.slice(cut);
      if (waiting === '') smoothingRate = 0;
      shown += part;
      growing = growing.append(part);
      return part;
    },
    takeAll,
    truncate(length) {
      if (length >= shown.length + waiting.length) return;
      if (length >= shown.length) waiting = waiting.slice(0, length - shown.length);
      else {
        shown = shown.slice(0, length);
        growing = GrowingText.from(shown);
        waiting = '';
      }
    },
    get shown() {
      return shown;
    },
    get growing() {
      return growing;
    },
    get text() {
      return shown + waiting;
    },
    get length() {
      return shown.length + waiting.length;
    },
    get hasWaiting() {
      return waiting !== '';
    },
  };
}
