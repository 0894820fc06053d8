// Timing helpers for the benchmark: repeated runs after a warm-up, median and 95th percentile.

export interface Timing {
  runs: number;
  samples: number[];
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

/** The q-quantile by the nearest-rank method (p95 of 30 samples = the 29th smallest). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export function median(sorted: number[]): number {
  if (sorted.length === 0) return NaN;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    samples,
    medianMs: median(sorted),
    p95Ms: quantile(sorted, 0.95),
    meanMs: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    minMs: sorted[0] ?? NaN,
    maxMs: sorted[sorted.length - 1] ?? NaN,
  };
}

/**
 * Runs fn `warmup` times untimed, then `runs` times timed (wall clock, performance.now()).
 * fn gets the run index (warm-ups are negative) so it can vary its input.
 */
export async function measure(fn: (i: number) => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = -warmup; i < 0; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : "—");

/**
 * Like measure, for several functions at once, run in turn within each round (a, b, c, a, b, c…):
 * a slow spell of the machine then hits all of them alike, so their differences stay meaningful.
 */
export async function measureInterleaved(fns: (() => Promise<unknown>)[], runs: number, warmup: number): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      samples[k].push(performance.now() - t);
    }
  return samples.map(summarize);
}
