/** Turns the raw many-chats runs into the `concurrency` section of `latest.json`. */
import type { ConcurrencyRunResult } from '../shared/types';
import type { ConcurrencyFigures, ConcurrencyResult } from './results';
import { median, medianOf, quantile } from './stats';
import type { RawResults } from './suite';

function figures(run: ConcurrencyRunResult): ConcurrencyFigures {
  return {
    frames: run.frameIntervals.length,
    framesOver20: run.frameIntervals.filter((interval) => interval > 20).length,
    p95FrameGap: quantile(run.frameIntervals, 0.95),
    maxFrameGap: Math.max(...run.frameIntervals),
    longTasks: run.longTasks.length,
    maxLongTask: Math.max(0, ...run.longTasks),
    medianWindowMaxRender: median(run.windowMaxRender),
    maxWindowRender: Math.max(...run.windowMaxRender),
    maxCommitRender: run.maxCommitRender,
    duration: run.duration,
  };
}

export function concurrencySummary(
  runs: RawResults['concurrency'],
  tokensPerSecond: number,
): ConcurrencyResult | undefined {
  const first = runs[0];
  if (!first) return undefined;
  const lone = runs.flatMap((run) => (run.lone ? [figures(run.lone)] : []));
  return {
    windows: first.full.windows,
    rounds: runs.length,
    tokensPerSecond,
    completed: Math.min(...runs.map((run) => run.full.completed)),
    ...medianOf(runs.map((run) => figures(run.full))),
    ...(lone.length > 0 ? { lone: medianOf(lone) } : {}),
  };
}
