// Outliers by the modified z-score (Iglewicz & Hoaglin, 1993), as DHIS2's outlier analysis uses it:
//
//   z = 0.6745 · (x − median) / MAD,   MAD = median of |xᵢ − median|
//
// 0.6745 makes MAD comparable with a standard deviation for normal data; |z| ≥ 3.5 is an outlier.
// When more than half the reference values are equal, MAD is 0: then the mean absolute deviation
// from the median stands in, with 0.7979 (≈ √(2/π)) in place of 0.6745, as DHIS2 does; when that is
// 0 too (every reference value equal), there is no score. Median and MAD are robust: a few wild
// values, the very ones we look for, barely move them, unlike a mean and a standard deviation.
//
// Two uses (the data-quality page, lib/quality/service.ts):
// - a value against a series, e.g. a commune's figure against its own previous quarters
//   (scoreAgainstSeries: the value is not part of the reference);
// - every member of a set against the set, e.g. the communes of a province on a coverage rate
//   (scorePeers: each value is scored against the whole set, itself included).
// Pure: no database, no React, no Next.

/** |z| at or above this is an outlier (Iglewicz–Hoaglin, DHIS2's default). */
export const OUTLIER_THRESHOLD = 3.5;
/** z = MAD_FACTOR · (x − median) / MAD. */
export const MAD_FACTOR = 0.6745;
/** z = MEAN_AD_FACTOR · (x − median) / mean absolute deviation, when MAD is 0. */
export const MEAN_AD_FACTOR = 0.7979;
/** A value against its own history needs at least this many earlier values. */
export const MIN_HISTORY = 4;
/** A set of peers is scored when it has at least this many values (one value and 4 others). */
export const MIN_PEERS = 5;

export interface Score {
  /** The modified z-score: positive above the median, negative below. */
  score: number;
  /** The reference: the median of the series or set. */
  median: number;
  /** Which spread the score divides by: the median absolute deviation, or the mean one (MAD = 0). */
  method: "mad" | "meanAd";
  /** That spread (MAD or mean absolute deviation). */
  spread: number;
  /** How many reference values. */
  n: number;
  /** |score| ≥ the threshold. */
  outlier: boolean;
}

const finite = (xs: readonly number[]): number[] => xs.filter((x) => typeof x === "number" && Number.isFinite(x));

/** median()'s sorting buffer, reused (pure: nothing is kept from one call to the next). */
let scratch = new Float64Array(64);

/** The median of finite values; null for none. */
export function median(values: readonly number[]): number | null {
  // Sorted in place in a reused buffer, by insertion while short: the data-quality page takes the
  // median of every metric's 12-quarter history for every commune, twice (~5.000 a city's page;
  // Array#sort with a comparator made them 4 ms of its server time, issue 16).
  if (scratch.length < values.length) scratch = new Float64Array(values.length * 2);
  const s = scratch;
  let n = 0;
  for (const x of values) {
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    let j = n++;
    if (n <= 32) {
      while (j > 0 && s[j - 1] > x) {
        s[j] = s[j - 1];
        j--;
      }
    }
    s[j] = x;
  }
  if (n === 0) return null;
  if (n > 32) s.subarray(0, n).sort();
  const m = n >> 1;
  return n % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The centre and spread of a reference: median, MAD, or the mean absolute deviation when MAD = 0. */
function spreadOf(ref: readonly number[]): { median: number; method: Score["method"]; spread: number } | null {
  const med = median(ref);
  if (med === null) return null;
  const deviations = ref.map((x) => Math.abs(x - med));
  const mad = median(deviations)!;
  if (mad > 0) return { median: med, method: "mad", spread: mad };
  const meanAd = deviations.reduce((a, d) => a + d, 0) / deviations.length;
  if (meanAd > 0 && Number.isFinite(meanAd)) return { median: med, method: "meanAd", spread: meanAd };
  return null;
}

function scoreWith(x: number, s: NonNullable<ReturnType<typeof spreadOf>>, n: number, threshold: number): Score | null {
  const z = ((s.method === "mad" ? MAD_FACTOR : MEAN_AD_FACTOR) * (x - s.median)) / s.spread;
  if (!Number.isFinite(z)) return null;
  const score = z === 0 ? 0 : z; // no −0
  return { score, median: s.median, method: s.method, spread: s.spread, n, outlier: Math.abs(score) >= threshold };
}

/**
 * The modified z-score of `value` against `reference` (not including it), or null when there is
 * no score: a non-finite value, no reference value, or no spread at all (every reference value
 * equal). Non-finite reference values are ignored.
 */
export function modifiedZScore(value: number, reference: readonly number[], threshold: number = OUTLIER_THRESHOLD): Score | null {
  if (!Number.isFinite(value)) return null;
  const ref = finite(reference);
  const s = spreadOf(ref);
  return s ? scoreWith(value, s, ref.length, threshold) : null;
}

export interface SeriesOptions {
  /** Fewer earlier values than this: no score (default MIN_HISTORY, 4). */
  minHistory?: number;
  threshold?: number;
}

/**
 * A value against its own history (the earlier values of the same series, in any order): null
 * when there are fewer than `minHistory` earlier values or no score can be computed.
 */
export function scoreAgainstSeries(value: number, history: readonly number[], opts: SeriesOptions = {}): Score | null {
  const ref = finite(history);
  if (ref.length < (opts.minHistory ?? MIN_HISTORY)) return null;
  return modifiedZScore(value, ref, opts.threshold ?? OUTLIER_THRESHOLD);
}

export interface PeerOptions {
  /** Fewer values in the set than this: nothing is scored (default MIN_PEERS, 5). */
  minPeers?: number;
  threshold?: number;
}

export interface PeerScore<K> extends Score {
  key: K;
  value: number;
}

/**
 * Every member of a set scored against the set (median and spread of all its values, itself
 * included), in the order given; members without a finite value are left out. Empty when the set
 * is smaller than `minPeers` or has no spread. Filter on `outlier` for the flagged ones.
 */
export function scorePeers<K>(items: readonly { key: K; value: number | null | undefined }[], opts: PeerOptions = {}): PeerScore<K>[] {
  const present = items.filter((i): i is { key: K; value: number } => typeof i.value === "number" && Number.isFinite(i.value));
  if (present.length < (opts.minPeers ?? MIN_PEERS)) return [];
  const s = spreadOf(present.map((i) => i.value));
  if (!s) return [];
  const out: PeerScore<K>[] = [];
  for (const i of present) {
    const sc = scoreWith(i.value, s, present.length, opts.threshold ?? OUTLIER_THRESHOLD);
    if (sc) out.push({ key: i.key, value: i.value, ...sc });
  }
  return out;
}

/** The members of a set that are outliers against the set, by |score|, largest first. */
export function peerOutliers<K>(items: readonly { key: K; value: number | null | undefined }[], opts: PeerOptions = {}): PeerScore<K>[] {
  return scorePeers(items, opts)
    .filter((p) => p.outlier)
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
}
