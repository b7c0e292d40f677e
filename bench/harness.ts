/**
 * The benchmark harness behind `npm run bench`. Each `*.bench.ts` file exports a `suite` with a
 * name and a `run()` that returns figures; run.ts prints them with their goals. Figures are
 * measured, never asserted: speed is watched here, not in unit tests.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal this figure is held to, e.g. { max: 100 } for "under 100 ms" or { min: 10 } for "at least 10 MB/s". */
  goal?: { max?: number; min?: number };
  /**
   * The same work done by a naive or peer method in the same run: printed as the ratio of this
   * figure to it, which stays meaningful on a busy machine where absolute times do not.
   */
  vs?: { method: string; value: number };
}

export interface BenchSuite {
  name: string;
  run(): Promise<Figure[]>;
}

/** Time `fn` over `runs` runs after `warmup` warm-up runs; returns the sorted durations in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (sorted: readonly number[]) => percentile(sorted, 50);
