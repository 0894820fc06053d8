// Milestones (mốc kế hoạch theo quý): what a unit is expected to have reached at the end of each
// quarter of a year, and the judgement of a figure against it. Pure: no database, no React.
//
// A yearly target is met only at year end; judging 30/9 figures against it calls every unit
// behind. So each target gets an expected value at each quarter end:
// - a stock (participants, coverage rates) moves in a straight line from the unit's figure at the
//   previous year end to the year's target: baseline + (target − baseline) × q/4;
// - a flow (money collected year to date, revenue completion) accumulates as a share of the year:
//   target × q/4;
// - a ceiling (late-payment rate) holds at every period: the target itself.
// City staff may override a unit's milestone for a quarter (stored, versioned, audited); an
// override wins over the default.
//
// Monthly scenario (lib/domain/scenario.ts, issue 15): a unit's saved scenario for a year gives the
// planned value of each target at each month end; its quarter-end months (3, 6, 9) ARE the quarter
// milestones. The one rule of which value applies to a quarter (milestoneFor, used by every caller:
// the unit page, the dashboards and rankings, the reports, the milestones page):
//   Q1–Q3: 1. the saved scenario's value at the quarter-end month, when the scenario has the key;
//          2. else city staff's override of that quarter;
//          3. else the default above;
//   Q4:    always the year's target (a scenario's December equals it; a Q4 override does not exist).
// While a scenario holds a key, its quarter milestones are edited in the scenario (the milestones
// page shows them read-only, and a quarter override of them is refused): one value per quarter.
//
// The status of a figure compares it with its milestone; the year's attainment ("đạt X% kế hoạch
// năm") compares it with the year's target and is shown beside it, never in its place. A ceiling is
// attained when the rate is at or under it; it shows its margin in percentage points, never an
// attainment percentage.

import { attainment, type Direction, type Status } from "./indicators";
import { DEFAULT_BANDS, type Bands } from "./ranking";

export type TargetNature = "stock" | "flow" | "ceiling";

/** Target keys whose figures accumulate over the year (money collected year to date). */
const FLOW_KEYS: readonly string[] = ["amountCollected", "revenueCompletion"];
/** Target keys that are upper limits. */
const CEILING_KEYS: readonly string[] = ["latePaymentRate"];

export function natureOf(key: string): TargetNature {
  if (CEILING_KEYS.includes(key)) return "ceiling";
  if (FLOW_KEYS.includes(key)) return "flow";
  return "stock";
}

/** How a milestone was obtained, for the page's explanation. */
export type MilestoneBasis =
  /** stock: straight line from the previous year end */
  | "linear"
  /** stock without a figure at the previous year end: the year's target itself */
  | "target"
  /** flow: q/4 of the year's target */
  | "share"
  /** ceiling: the target at every period */
  | "ceiling"
  /** set by city staff for this quarter */
  | "override"
  /** the saved monthly scenario's value at the quarter-end month (3, 6, 9) */
  | "scenario";

export interface Milestone {
  value: number;
  basis: MilestoneBasis;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The expected value of a target at the end of `quarter` (1–4). `baseline` is the unit's figure at
 * the end of the previous year (for a stock); without one a stock's milestone is the year's target
 * (the strictest honest reading: there is nothing to draw a line from). Q4 always equals the target.
 * Null when the target is missing or not finite.
 */
export function defaultMilestone(key: string, target: number | null | undefined, quarter: number, baseline?: number | null): Milestone | null {
  if (!isNumber(target)) return null;
  const q = Math.min(4, Math.max(1, Math.trunc(quarter)));
  switch (natureOf(key)) {
    case "ceiling":
      return { value: target, basis: "ceiling" };
    case "flow":
      return { value: (target * q) / 4, basis: "share" };
    case "stock":
      if (!isNumber(baseline) || q === 4) return { value: target, basis: q === 4 && isNumber(baseline) ? "linear" : "target" };
      return { value: baseline + ((target - baseline) * q) / 4, basis: "linear" };
  }
}

/**
 * The milestone that applies (the precedence in this file's header): for Q1–Q3 the saved scenario's
 * quarter-end value, else city staff's override, else the default; Q4 is always the default (the
 * year's target). Null when there is no target.
 */
export function milestoneFor(
  key: string,
  target: number | null | undefined,
  quarter: number,
  baseline?: number | null,
  override?: number | null,
  scenario?: number | null,
): Milestone | null {
  if (!isNumber(target)) return null;
  const q = Math.trunc(quarter);
  if (q >= 1 && q <= 3) {
    if (isNumber(scenario)) return { value: scenario, basis: "scenario" };
    if (isNumber(override)) return { value: override, basis: "override" };
  }
  return defaultMilestone(key, target, quarter, baseline);
}

export interface Judgement {
  /** The period's expected value (null: no target). */
  expected: number | null;
  basis: MilestoneBasis | null;
  /** actual / milestone (stocks and flows); null for a ceiling. */
  attainment: number | null;
  /** actual / the year's target ("đạt X% kế hoạch năm"); null for a ceiling. */
  yearAttainment: number | null;
  /** Ceiling only: target − actual, in rate units (0,008 = 0,8 điểm phần trăm under the ceiling). */
  margin: number | null;
  status: Status;
}

const NONE: Judgement = { expected: null, basis: null, attainment: null, yearAttainment: null, margin: null, status: "none" };

/**
 * Judges an actual figure of a period against its milestone. Bands (per tenant) apply to the
 * attainment of the milestone: attained at ≥ bands.attained, close at ≥ bands.close, else behind.
 * A ceiling is attained at or under the ceiling; close when over it by at most the band's share
 * (ceiling ÷ actual ≥ bands.close); behind beyond that.
 */
export function judge(
  key: string,
  actual: number | null | undefined,
  target: number | null | undefined,
  milestone: Milestone | null,
  direction: Direction,
  bands: Bands = DEFAULT_BANDS,
): Judgement {
  if (!milestone || !isNumber(target)) return NONE;
  // Object literals written out in full: a spread followed by more fields took V8 ~3 µs a call, most
  // of a city dashboard's judging (measured with the profiler, issue 16).
  const expected = milestone.value;
  const basis = milestone.basis;
  if (!isNumber(actual) || actual < 0) return { expected, basis, attainment: null, yearAttainment: null, margin: null, status: "none" };
  if (natureOf(key) === "ceiling") {
    const margin = target - actual;
    const ceilingAtt = attainment(actual, expected, "lower");
    const status: Status = actual <= expected ? "attained" : ceilingAtt !== null && ceilingAtt >= bands.close ? "close" : "behind";
    return { expected, basis, attainment: null, yearAttainment: null, margin, status };
  }
  const att = attainment(actual, expected, direction);
  const status: Status = att === null ? "none" : att >= bands.attained ? "attained" : att >= bands.close ? "close" : "behind";
  return { expected, basis, attainment: att, yearAttainment: attainment(actual, target, direction), margin: null, status };
}

export interface TargetsJudgement {
  /** Per target key: the milestone of the period (null: none). */
  expected: Record<string, number | null>;
  basis: Record<string, MilestoneBasis | null>;
  /** Per target key: actual / milestone (null for a ceiling or without figures). */
  attainment: Record<string, number | null>;
  /** Per target key: actual / the year's target ("đạt X% kế hoạch năm"); null for a ceiling. */
  yearAttainment: Record<string, number | null>;
  /** Ceilings: target − actual (rate units); null otherwise. */
  margins: Record<string, number | null>;
  statuses: Record<string, Status>;
}

export interface JudgeTargetsInput {
  /** The year's targets by key. */
  targets: Record<string, number>;
  quarter: number;
  /** The actual value of a target key for the period (null: no figure). */
  actualOf: (key: string) => number | null;
  /** The actual value of a target key at the previous year end (null: none). */
  baselineOf: (key: string) => number | null;
  /** City staff's overrides of the period's milestones, by key. */
  overrides?: Record<string, number>;
  /** The saved monthly scenario's values at the period's quarter-end month, by key (they win over overrides). */
  scenario?: Record<string, number>;
  directionOf: (key: string) => Direction;
  bands?: Bands;
  /**
   * Keys not to judge (status "none", milestone still given): e.g. the counts of a total over part
   * of the children, which would be compared with a milestone meant for all of them.
   */
  skip?: (key: string) => boolean;
  /** Only the targets this accepts are judged; the others are left out (another period's row, read for one key). */
  only?: (key: string) => boolean;
}

/** Every target of a unit judged for a period: milestones, attainments, margins, statuses. */
export function judgeTargets(input: JudgeTargetsInput): TargetsJudgement {
  const out: TargetsJudgement = { expected: {}, basis: {}, attainment: {}, yearAttainment: {}, margins: {}, statuses: {} };
  for (const [key, target] of Object.entries(input.targets)) {
    if (input.only && !input.only(key)) continue;
    const m = milestoneFor(key, target, input.quarter, input.baselineOf(key), input.overrides?.[key], input.scenario?.[key]);
    const j: Judgement = input.skip?.(key)
      ? { expected: m?.value ?? null, basis: m?.basis ?? null, attainment: null, yearAttainment: null, margin: null, status: "none" }
      : judge(key, input.actualOf(key), target, m, input.directionOf(key), input.bands);
    out.expected[key] = j.expected;
    out.basis[key] = j.basis;
    out.attainment[key] = j.attainment;
    out.yearAttainment[key] = j.yearAttainment;
    out.margins[key] = j.margin;
    out.statuses[key] = j.status;
  }
  return out;
}
