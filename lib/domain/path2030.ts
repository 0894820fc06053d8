// Is a unit on its way to its 2030 target (Resolution 403/NQ-CP, domain.md "Targets")? From the
// yearly actual values of one count metric, the recent pace is projected to 2030 and compared with
// the target. Pure: no database, no React, no Next.
//
// The projection uses exactly the values it is given: the caller decides what a year's value is
// (normally the year-end figure, and for the current year the latest quarter's figure or the
// year-end estimate). A current year given as a mid-year figure therefore understates the pace.

import { formatNumber } from "../format";
import type { MetricUnit } from "./metrics";

/** The year Resolution 403/NQ-CP's targets are due. */
export const TARGET_YEAR = 2030;

/** The pace is the least-squares slope over at most this many of the latest years with figures. */
export const PACE_WINDOW = 3;

/**
 * The ONE place the path bands are defined (bounds inclusive):
 * - on track: projected value in the target year ≥ the target (equivalently pace ≥ required);
 * - at risk: projected ≥ 90% of the target, or pace ≥ 75% of the yearly increase still required;
 * - off track: otherwise, and always when the pace is flat or falling while short of the target.
 */
export const PATH_THRESHOLDS = {
  atRiskProjectedShare: 0.9,
  atRiskPaceShare: 0.75,
} as const;

export type PathStatusCode = "on_track" | "at_risk" | "off_track" | "reached" | "unknown";

export interface YearValue {
  year: number;
  value: number;
}

export interface PathStatus {
  /** The target used, or null when there is none (missing, non-finite, zero or negative). */
  target2030: number | null;
  /** The latest year with a value (not after the current year). */
  latest: YearValue | null;
  /** Yearly increase still needed: (target − latest) / years left; 0 once reached; null when not computable. */
  requiredPerYear: number | null;
  /** Least-squares slope over the last up-to-3 years with values; null with fewer than 2. */
  pacePerYear: number | null;
  /** latest + pace × years left (never below 0); null when the pace is null. */
  projected2030: number | null;
  status: PathStatusCode;
  /** How the projection was computed, in Vietnamese (reports). */
  method: string;
  /** The same, as a code and its values, for an interface in any language. */
  methodInfo: PathMethod;
}

export type PathMethod =
  | { code: "noData" }
  | { code: "targetYear"; targetYear: number; latestYear: number }
  | { code: "oneYear"; latestYear: number }
  | { code: "pace"; years: number; span: string; pace: number; unit: MetricUnit };

export interface PathOptions {
  /** Unit of the metric, for the method sentence ("người/năm" or "đồng/năm"). Default "people". */
  unit?: MetricUnit;
  /** Year the target is due. Default TARGET_YEAR (2030). */
  targetYear?: number;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * A unit's target of BHXH participants (compulsory + voluntary, Resolution 403's measure) from its
 * targets of one year (key → value): its `bhxhParticipants` target when set, otherwise the sum of its
 * compulsory and voluntary targets when BOTH are set (one alone is not a target on participants);
 * null otherwise.
 */
/** The targets the 2030 participants target is read from (participantsTarget): a dashboard reads only these of 2030. */
export const PARTICIPANTS_TARGET_KEYS = ["bhxhParticipants", "bhxhCompulsory", "bhxhVoluntary"] as const;

export function participantsTarget(targets: Readonly<Partial<Record<string, number | null>>>): number | null {
  const total = targets.bhxhParticipants;
  if (isNumber(total)) return total;
  const c = targets.bhxhCompulsory;
  const v = targets.bhxhVoluntary;
  return isNumber(c) && isNumber(v) ? c + v : null;
}

/**
 * THE rule of when a unit's path to 2030 is judged for a period (dashboards, rankings, the unit page):
 * only on its own figures of that period, whole: a commune's counted report of the period; a city's or
 * the nation's total only when every unit below reported it. A sum over part of the units is not the
 * whole's path, and a unit that has not reported is not judged on an older quarter's figures.
 */
export function pathJudgeable(c: { hasReport: boolean; reported: number | null; total: number | null }): boolean {
  return c.hasReport && !isPartialTotal(c);
}

/** A total over part of the units below (reported < total): not the whole's figure. Communes: never (null counts). */
export function isPartialTotal(c: { reported: number | null; total: number | null }): boolean {
  return c.reported !== null && c.total !== null && c.reported < c.total;
}

const unitLabel = (unit: MetricUnit) => (unit === "vnd" ? "đồng" : "người");

/** "+1.234", "-120", "0" (Vietnamese grouping, whole units). */
const signed = (v: number) => (Math.round(v) > 0 ? "+" : "") + formatNumber(v, "vi");

/** Least-squares slope of value over year (years need not be consecutive). At least 2 distinct years. */
function slope(points: readonly YearValue[]): number {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  return sxy / sxx;
}

/**
 * The history sorted by year, checked. Years after `currentYear` are dropped (a year that has not
 * started has no actual figure). Throws a RangeError on a year that is not an integer, a value that
 * is not a finite number, or a year given twice: one year has one value (domain.md, "one period has
 * one value per metric"); silently keeping one of two would hide the slip the product should catch.
 */
function cleanHistory(history: readonly YearValue[], currentYear: number): YearValue[] {
  const seen = new Set<number>();
  for (const p of history) {
    if (!Number.isSafeInteger(p.year)) throw new RangeError(`Năm không hợp lệ trong chuỗi số liệu: ${String(p.year)}.`);
    if (!isNumber(p.value)) throw new RangeError(`Số liệu năm ${p.year} không hợp lệ: ${String(p.value)}.`);
    if (seen.has(p.year)) {
      throw new RangeError(`Năm ${p.year} có hai giá trị trong chuỗi số liệu: mỗi năm chỉ một giá trị.`);
    }
    seen.add(p.year);
  }
  return history
    .filter((p) => p.year <= currentYear)
    .map((p) => ({ year: p.year, value: p.value }))
    .sort((a, b) => a.year - b.year);
}

/** "2024–2026" for consecutive years, "2020, 2023, 2026" otherwise. */
function yearsLabel(points: readonly YearValue[]): string {
  const first = points[0].year;
  const last = points[points.length - 1].year;
  return last - first === points.length - 1 ? `${first}–${last}` : points.map((p) => p.year).join(", ");
}

/**
 * Where a unit stands on the way to its target for one count metric.
 *
 * - `history`: yearly values, in any order (sorted here). Years after `currentYear` are ignored; a
 *   year given twice, a non-integer year or a non-finite value throws a RangeError.
 * - `target2030`: the target in the target year (default 2030); null/undefined, non-finite, zero or
 *   negative counts as no target (as `attainment` does for a zero target).
 * - Pace: least-squares slope (people per year) over the last up-to-3 years that have values (with
 *   2 years it is their difference per year; gaps between years are allowed and accounted for).
 * - Required per year: (target − latest) / (target year − latest year); 0 once reached; null when
 *   there is no target or no year left while still short.
 * - Projection: latest + pace × years left, floored at 0 (a count cannot go negative).
 *
 * Status, in order:
 * 1. unknown: no target or no history;
 * 2. reached: latest ≥ target (even from a single year);
 * 3. off_track: no year left (latest year ≥ target year) and still short: judged on the latest
 *    value alone, nothing left to project;
 * 4. unknown: fewer than 2 years of history (too short to project);
 * 5. on_track: projected ≥ target;
 * 6. off_track: pace ≤ 0 (flat or falling while short);
 * 7. at_risk: projected ≥ 90% of target, or pace ≥ 75% of required (PATH_THRESHOLDS);
 * 8. off_track otherwise.
 */
export function computePathStatus(
  history: readonly YearValue[],
  target2030: number | null | undefined,
  currentYear: number,
  opts: PathOptions = {},
): PathStatus {
  const targetYear = opts.targetYear ?? TARGET_YEAR;
  const unit = unitLabel(opts.unit ?? "people");
  if (!Number.isSafeInteger(currentYear)) throw new RangeError(`Năm hiện tại không hợp lệ: ${String(currentYear)}.`);
  if (!Number.isSafeInteger(targetYear)) throw new RangeError(`Năm mục tiêu không hợp lệ: ${String(targetYear)}.`);

  const target = isNumber(target2030) && target2030 > 0 ? target2030 : null;
  const points = cleanHistory(history, currentYear);
  const latest = points.length > 0 ? points[points.length - 1] : null;

  if (!latest) {
    return {
      target2030: target,
      latest: null,
      requiredPerYear: null,
      pacePerYear: null,
      projected2030: null,
      status: "unknown",
      method: "Chưa có số liệu thực hiện: chưa thể dự báo.",
      methodInfo: { code: "noData" },
    };
  }

  const yearsLeft = Math.max(0, targetYear - latest.year);
  const window = points.slice(-PACE_WINDOW);
  const pace = window.length >= 2 ? slope(window) : null;
  const projected = pace === null ? null : Math.max(0, latest.value + pace * yearsLeft);

  let required: number | null = null;
  if (target !== null) {
    if (latest.value >= target) required = 0;
    else if (yearsLeft > 0) required = (target - latest.value) / yearsLeft;
  }

  let method: string;
  let methodInfo: PathMethod;
  if (yearsLeft === 0) {
    method = `Đã đến năm ${targetYear}: đánh giá theo số liệu năm ${latest.year} so với chỉ tiêu, không dự báo.`;
    methodInfo = { code: "targetYear", targetYear, latestYear: latest.year };
  } else if (pace === null) {
    method = `Mới có số liệu năm ${latest.year}: cần ít nhất 2 năm để tính tốc độ tăng và dự báo.`;
    methodInfo = { code: "oneYear", latestYear: latest.year };
  } else {
    methodInfo = { code: "pace", years: window.length, span: yearsLabel(window), pace, unit: opts.unit ?? "people" };
    method =
      `Dự báo theo tốc độ tăng bình quân ${window.length} năm gần nhất (${yearsLabel(window)}, ` +
      `phương pháp bình phương tối thiểu): ${signed(pace)} ${unit}/năm.`;
  }

  let status: PathStatusCode;
  if (target === null) status = "unknown";
  else if (latest.value >= target) status = "reached";
  else if (yearsLeft === 0) status = "off_track";
  else if (pace === null || projected === null || required === null) status = "unknown";
  else if (projected >= target) status = "on_track";
  else if (pace <= 0) status = "off_track";
  else if (projected / target >= PATH_THRESHOLDS.atRiskProjectedShare || pace / required >= PATH_THRESHOLDS.atRiskPaceShare) status = "at_risk";
  else status = "off_track";

  return {
    target2030: target,
    latest: { year: latest.year, value: latest.value },
    requiredPerYear: required,
    pacePerYear: pace,
    projected2030: projected,
    status,
    method,
    methodInfo,
  };
}

/**
 * The straight line from the latest value to the target, one value per year from `latest.year` to
 * the target year inclusive (the "target path" drawn on a chart). Values are not rounded. Empty when
 * there is no latest value or no target (non-finite, zero or negative), or no year is left.
 */
export function targetPath(latest: YearValue | null, target2030: number | null | undefined, targetYear: number = TARGET_YEAR): YearValue[] {
  if (!latest || !isNumber(target2030) || target2030 <= 0) return [];
  const span = targetYear - latest.year;
  if (span <= 0) return [];
  const out: YearValue[] = [];
  for (let y = latest.year; y <= targetYear; y++) {
    out.push({ year: y, value: latest.value + ((target2030 - latest.value) * (y - latest.year)) / span });
  }
  out[out.length - 1].value = target2030; // exactly the target, whatever the rounding
  return out;
}

/**
 * The projection at the current pace, one value per year from `latest.year` to the target year
 * inclusive: latest + pace × (year − latest.year), floored at 0. Values are not rounded. Empty when
 * there is no latest value or no pace (fewer than 2 years of history), or no year is left.
 */
export function projectionPath(latest: YearValue | null, pacePerYear: number | null | undefined, targetYear: number = TARGET_YEAR): YearValue[] {
  if (!latest || !isNumber(pacePerYear) || targetYear <= latest.year) return [];
  const out: YearValue[] = [];
  for (let y = latest.year; y <= targetYear; y++) {
    out.push({ year: y, value: Math.max(0, latest.value + pacePerYear * (y - latest.year)) });
  }
  return out;
}
