/** Small statistics over run samples. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile, `q` in [0, 1]; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export interface FlushStats {
  median: number;
  p95: number;
  max: number;
  over16: number;
  over50: number;
  count: number;
}

export function flushStats(flushes: readonly number[]): FlushStats {
  return {
    median: median(flushes),
    p95: quantile(flushes, 0.95),
    max: Math.max(...flushes),
    over16: flushes.filter((time) => time > 16).length,
    over50: flushes.filter((time) => time > 50).length,
    count: flushes.length,
  };
}

/** The median of each numeric field across rounds. */
export function medianOf<T extends object>(rounds: readonly T[]): { [K in keyof T]: number } {
  const first = rounds[0];
  const result = {} as { [K in keyof T]: number };
  if (!first) return result;
  for (const key of Object.keys(first) as (keyof T)[]) {
    result[key] = median(rounds.map((round) => Number(round[key])));
  }
  return result;
}
