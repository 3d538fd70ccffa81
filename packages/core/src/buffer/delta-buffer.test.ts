import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeltaBuffer, type Schedule } from './delta-buffer';

/** A 60 Hz frame scheduler driven by fake timers, like requestAnimationFrame. */
const frameSchedule: Schedule = (callback) => {
  const id = setTimeout(callback, 1000 / 60);
  return () => clearTimeout(id);
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Push `perSecond` one-character deltas a second for `seconds`, in 1 ms steps. */
function pushAtRate(buffer: { push(delta: string): void }, perSecond: number, seconds: number): string {
  let sent = '';
  const perMs = perSecond / 1000;
  let owed = 0;
  for (let ms = 0; ms < seconds * 1000; ms++) {
    owed += perMs;
    while (owed >= 1) {
      const delta = String.fromCharCode(97 + (sent.length % 26));
      buffer.push(delta);
      sent += delta;
      owed -= 1;
    }
    vi.advanceTimersByTime(1);
  }
  return sent;
}

describe('createDeltaBuffer frame cap', () => {
  it('flushes at most maxFps times in every second at 10,000 deltas/s', () => {
    const flushTimes: number[] = [];
    const buffer = createDeltaBuffer({ onFlush: () => flushTimes.push(Date.now()), schedule: frameSchedule });
    const start = Date.now();
    pushAtRate(buffer, 10_000, 3);
    // Sliding one-second windows over the run.
    for (let windowStart = start; windowStart <= start + 2000; windowStart += 50) {
      const inWindow = flushTimes.filter((t) => t >= windowStart && t < windowStart + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(60);
    }
    // And it still flushes close to every frame, not far below the cap.
    expect(flushTimes.length).toBeGreaterThanOrEqual(150);
  });

  it('honours a lower maxFps', () => {
    let flushes = 0;
    const buffer = createDeltaBuffer({ onFlush: () => flushes++, maxFps: 10, schedule: frameSchedule });
    pushAtRate(buffer, 10_000, 2);
    expect(flushes).toBeLessThanOrEqual(20);
    expect(flushes).toBeGreaterThanOrEqual(18);
  });

  it('never drops or reorders text', () => {
    let shown = '';
    let appendedTotal = '';
    const buffer = createDeltaBuffer({
      onFlush: (text, appended) => {
        shown = text;
        appendedTotal += appended;
      },
      schedule: frameSchedule,
    });
    const sent = pushAtRate(buffer, 7_000, 1);
    buffer.end();
    expect(shown).toBe(sent);
    expect(appendedTotal).toBe(sent);
    expect(buffer.text).toBe(sent);
  });

  it('flushes on every push with maxFps 0', () => {
    const calls: string[] = [];
    const buffer = createDeltaBuffer({ onFlush: (_text, appended) => calls.push(appended), maxFps: 0 });
    buffer.push('a');
    buffer.push('b');
    expect(calls).toEqual(['a', 'b']);
  });

  it('end() flushes what is left at once and schedules nothing more', () => {
    const calls: string[] = [];
    const buffer = createDeltaBuffer({ onFlush: (text) => calls.push(text), schedule: frameSchedule });
    buffer.push('Hello');
    buffer.push(' world');
    expect(calls).toEqual([]);
    buffer.end();
    expect(calls).toEqual(['Hello world']);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual(['Hello world']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancel() stops scheduling and keeps pending text readable', () => {
    const onFlush = vi.fn();
    const buffer = createDeltaBuffer({ onFlush, schedule: frameSchedule });
    buffer.push('partial');
    buffer.cancel();
    vi.advanceTimersByTime(100);
    expect(onFlush).not.toHaveBeenCalled();
    expect(buffer.text).toBe('partial');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('falls back to a timer when there is no requestAnimationFrame', () => {
    const onFlush = vi.fn();
    const buffer = createDeltaBuffer({ onFlush });
    buffer.push('x');
    vi.advanceTimersByTime(20);
    expect(onFlush).toHaveBeenCalledWith('x', 'x');
  });
});

describe('createDeltaBuffer smoothing', () => {
  it('paces a burst over several frames instead of one jump', () => {
    const appended: string[] = [];
    const buffer = createDeltaBuffer({
      onFlush: (_text, part) => appended.push(part),
      smoothing: true,
      schedule: frameSchedule,
    });
    const burst = 'x'.repeat(500);
    buffer.push(burst);
    vi.advanceTimersByTime(1000);
    expect(appended.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...appended.map((part) => part.length))).toBeLessThan(500);
    expect(appended.join('')).toBe(burst);
  });

  it('does not split a surrogate pair', () => {
    const appended: string[] = [];
    const buffer = createDeltaBuffer({
      onFlush: (_text, part) => appended.push(part),
      smoothing: true,
      schedule: frameSchedule,
    });
    const burst = '😀'.repeat(40);
    buffer.push(burst);
    vi.advanceTimersByTime(1000);
    for (const part of appended) expect(part).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    expect(appended.join('')).toBe(burst);
  });

  it('end() shows the rest of a smoothed burst at once', () => {
    let shown = '';
    const buffer = createDeltaBuffer({ onFlush: (text) => (shown = text), smoothing: true, schedule: frameSchedule });
    buffer.push('y'.repeat(300));
    vi.advanceTimersByTime(17);
    expect(shown.length).toBeLessThan(300);
    buffer.end();
    expect(shown).toBe('y'.repeat(300));
  });
});
