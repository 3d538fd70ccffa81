/**
 * Measures how responsive a page stays: the gaps between animation frames (a frame late by more
 * than a few hundred milliseconds is a visible freeze) and the main thread's long tasks.
 */
import type { Page } from '@playwright/test';

export interface Responsiveness {
  /** Frames seen while measuring. */
  frames: number;
  /** Longest time between two consecutive animation frames, in ms. */
  maxFrameGapMs: number;
  /** 95th percentile of the frame gaps, in ms. */
  p95FrameGapMs: number;
  /** Gaps over 100 ms. */
  slowFrames: number;
  /** Longest task the browser reported (`longtask` entries are tasks over 50 ms), in ms. */
  maxLongTaskMs: number;
  longTasks: number;
}

interface Recorder {
  gaps: number[];
  longTasks: number[];
  stop(): void;
}

/** Starts recording in the page; `stop` returns what was seen since. */
export async function measureResponsiveness(page: Page): Promise<{ stop(): Promise<Responsiveness> }> {
  await page.evaluate(() => {
    const recorder: Recorder = { gaps: [], longTasks: [], stop: () => {} };
    let running = true;
    let last = performance.now();
    const tick = (now: number) => {
      if (!running) return;
      recorder.gaps.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) recorder.longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    recorder.stop = () => {
      running = false;
      observer.disconnect();
    };
    (window as unknown as { __responsiveness: Recorder }).__responsiveness = recorder;
  });
  return {
    stop: () =>
      page.evaluate(() => {
        const recorder = (window as unknown as { __responsiveness: Recorder }).__responsiveness;
        recorder.stop();
        const sorted = [...recorder.gaps].sort((a, b) => a - b);
        const round = (value: number) => Math.round(value * 10) / 10;
        return {
          frames: sorted.length,
          maxFrameGapMs: round(sorted[sorted.length - 1] ?? 0),
          p95FrameGapMs: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
          slowFrames: sorted.filter((gap) => gap > 100).length,
          maxLongTaskMs: round(Math.max(0, ...recorder.longTasks)),
          longTasks: recorder.longTasks.length,
        };
      }),
  };
}
