// League tables: ranking units by a value (a rate, a count, a target attainment or a composite
// score), ties sharing a rank, units without a value listed apart (never ranked as zero), and the
// praise / warn / criticise lists. Pure functions.
import type { Direction } from "./indicators";
import { compareVi } from "../collate";

export interface RankInput<T> {
  code: string;
  name: string;
  value: number | null;
  data: T;
}

export interface Ranked<T> extends RankInput<T> {
  value: number;
  /** Competition ranking: 1, 2, 2, 4 (equal values share a rank). */
  rank: number;
}

export interface Ranking<T> {
  items: Ranked<T>[];
  unranked: RankInput<T>[];
}

/** Values closer than this are ties (they would print the same with 2 decimals of a percent). */
export const TIE_EPSILON = 1e-9;

/**
 * A ranked value as it is published: a percentage to the decimals it is shown with (one; the late-payment
 * rate two), a count whole. Ranks and changes are worked out on these, so that two units shown at 105,7%
 * share a rank and a change reads as the difference of the two values shown ("102,3% → 103,2%": +0,9).
 */
export function publishedDigits(c: { percent: boolean; key: string | null }): number {
  if (!c.percent) return 0;
  return c.key === "latePaymentRate" ? 4 : 3;
}

/** `value` rounded to `digits` decimals as a formatter rounds it (half away from zero); null stays null. */
export function asPublished(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

export function rank<T>(inputs: readonly RankInput<T>[], direction: Direction): Ranking<T> {
  const valued = inputs.filter((i): i is Ranked<T> => typeof i.value === "number" && Number.isFinite(i.value)) as Ranked<T>[];
  const unranked = inputs.filter((i) => !(typeof i.value === "number" && Number.isFinite(i.value)));
  const sign = direction === "higher" ? -1 : 1;
  const sorted = [...valued].sort((a, b) => sign * (a.value - b.value) || compareVi(a.name, b.name));
  let prev: number | null = null;
  let prevRank = 0;
  const items = sorted.map((it, i) => {
    const r = prev !== null && Math.abs(it.value - prev) <= TIE_EPSILON ? prevRank : i + 1;
    prev = it.value;
    prevRank = r;
    return Object.assign({}, it, { rank: r });
  });
  return { items, unranked: [...unranked].sort((a, b) => compareVi(a.name, b.name)) };
}

export interface Bands {
  /** Attainment at or above: attained. */
  attained: number;
  /** Attainment at or above (and below attained): close; below: behind. */
  close: number;
}

export const DEFAULT_BANDS: Bands = { attained: 1.0, close: 0.9 };

export function bandOf(attainment: number | null | undefined, bands: Bands = DEFAULT_BANDS): "attained" | "close" | "behind" | "none" {
  if (typeof attainment !== "number" || !Number.isFinite(attainment)) return "none";
  if (attainment >= bands.attained) return "attained";
  if (attainment >= bands.close) return "close";
  return "behind";
}

export type Trend = "up" | "down" | "flat" | "none";

/** The direction of a change, judged with the indicator's own direction (a falling late-payment rate is good). */
export function trendOf(
  now: number | null,
  before: number | null,
  direction: Direction,
  epsilon = 1e-6,
): { delta: number | null; trend: Trend; good: boolean | null } {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return { delta: null, trend: "none", good: null };
  const delta = now - before;
  if (Math.abs(delta) <= epsilon) return { delta: 0, trend: "flat", good: null };
  const up = delta > 0;
  return { delta, trend: up ? "up" : "down", good: direction === "higher" ? up : !up };
}

export interface Weight {
  key: string;
  weight: number;
}

/** Attainment counted at most this much in a composite score, so one outlier can't carry it. */
export const COMPOSITE_CAP = 1.2;

export const DEFAULT_COMPOSITE: Weight[] = [
  { key: "bhxhCoverage", weight: 40 },
  { key: "bhtnCoverage", weight: 20 },
  { key: "bhytCoverage", weight: 20 },
  { key: "latePaymentRate", weight: 20 },
];

/**
 * A composite score: the weighted mean of the attainments of several indicators (each capped at
 * COMPOSITE_CAP), over the indicators that have an attainment. Null when none has; the weights used
 * are returned so the page can show them.
 */
export function compositeScore(attainments: Record<string, number | null | undefined>, weights: readonly Weight[] = DEFAULT_COMPOSITE): number | null {
  let sum = 0;
  let total = 0;
  for (const w of weights) {
    const a = attainments[w.key];
    if (typeof a !== "number" || !Number.isFinite(a) || w.weight <= 0) continue;
    sum += w.weight * Math.min(a, COMPOSITE_CAP);
    total += w.weight;
  }
  return total > 0 ? sum / total : null;
}

/** Parses "bhxhCoverage:40,bhytCoverage:30" (weights as positive numbers). */
export function parseWeights(text: string | null | undefined, allowed: readonly string[]): Weight[] | null {
  if (!text) return null;
  const out: Weight[] = [];
  for (const part of text.split(",")) {
    const [key, w] = part.split(":").map((s) => s.trim());
    const weight = Number(w);
    if (!allowed.includes(key) || !Number.isFinite(weight) || weight <= 0 || weight > 1000) return null;
    out.push({ key, weight });
  }
  return out.length ? out : null;
}

export interface Lists<T> {
  praise: Ranked<T>[];
  warn: Ranked<T>[];
  criticise: Ranked<T>[];
}

export type ListStatus = "attained" | "close" | "behind" | "none";

/**
 * The praise / warn / criticise lists, by result, never by position (issue 10):
 * - praise: up to N best among the units that attained;
 * - criticise: up to N worst among the units that are behind;
 * - warn: up to N next-weakest among the close or behind units not criticised.
 * A list may be short or empty; no unit ever sits in a list its status contradicts, and the lists
 * never overlap. Units tied at a list's edge (the same rank: the same value as published) are
 * treated alike: all of them are in it, so a list may hold more than N, never a coin toss between
 * two units showing 86,8%. `items` are in rank order (best first), as rank() returns them; each
 * list keeps that order. Units without a status ("none") are in no list.
 */
export function praiseWarnCriticise<T>(items: readonly Ranked<T>[], statusOf: (item: Ranked<T>) => ListStatus, n: number): Lists<T> {
  const size = Math.max(0, Math.floor(n));
  if (size === 0) return { praise: [], warn: [], criticise: [] };
  const praise = best(
    items.filter((it) => statusOf(it) === "attained"),
    size,
  );
  const criticise = worst(
    items.filter((it) => statusOf(it) === "behind"),
    size,
  );
  const criticised = new Set(criticise);
  const warn = worst(
    items.filter((it) => (statusOf(it) === "close" || statusOf(it) === "behind") && !criticised.has(it)),
    size,
  );
  return { praise, warn, criticise };
}

/** The first `size` of a list in rank order, and every unit tied with the last of them. */
function best<T>(list: readonly Ranked<T>[], size: number): Ranked<T>[] {
  let end = Math.min(size, list.length);
  while (end > 0 && end < list.length && list[end].rank === list[end - 1].rank) end++;
  return list.slice(0, end);
}

/** The last `size` of a list in rank order, and every unit tied with the first of them. */
function worst<T>(list: readonly Ranked<T>[], size: number): Ranked<T>[] {
  let start = Math.max(0, list.length - size);
  while (start > 0 && start < list.length && list[start - 1].rank === list[start].rank) start--;
  return list.slice(start);
}
