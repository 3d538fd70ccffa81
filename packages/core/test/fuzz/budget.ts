/**
 * Run budget of the fuzz suite. By default every property runs a few hundred cases so the suite
 * stays fast in CI; `FUZZ_RUNS=<n>` (what `pnpm fuzz` sets) runs `n` cases per property instead.
 * Each property counts the cases it really ran, and the suite prints the counts at the end.
 */

const requested = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10);

/** Cases per property requested through `FUZZ_RUNS`, or undefined for the default budget. */
export const fuzzRuns: number | undefined = Number.isFinite(requested) && requested > 0 ? requested : undefined;

/** Cases to run for a property whose default budget is `base`. */
export function runs(base: number): number {
  return fuzzRuns ?? base;
}

/** A vitest timeout for a property: generous per case, so a big `FUZZ_RUNS` never times out. */
export function timeoutFor(base: number, msPerCase = 20): number {
  return Math.max(30_000, runs(base) * msPerCase);
}

/** Counts the cases each property ran, for the report printed after the suite. */
export function createCaseCounter(suite: string) {
  const counts = new Map<string, number>();
  return {
    /** Records one case of `property`. */
    hit(property: string): void {
      counts.set(property, (counts.get(property) ?? 0) + 1);
    },
    count(property: string): number {
      return counts.get(property) ?? 0;
    },
    /** One line per property, plus the total. */
    report(): string {
      const lines = [...counts].map(([property, count]) => `  ${String(count).padStart(8)}  ${property}`);
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      return [`${suite}: ${total} cases${fuzzRuns ? ` (FUZZ_RUNS=${fuzzRuns})` : ''}`, ...lines].join('\n');
    },
  };
}
