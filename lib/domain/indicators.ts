// Indicators computed from a unit's reported figures (domain.md, "Indicators"), target attainment
// and the attained / close / behind status. Pure: no database, no React, no Next.
//
// Rates are fractions (0.531, not 53.1). "No value" is `null`, never 0, NaN or Infinity.

import { INDICATOR_KEYS, type Figures, type IndicatorKey, type MetricKey } from "./metrics";

export type Direction = "higher" | "lower";

/** The revenue plan is not a reported figure: it is the unit's yearly target of `amountCollected`. */
export const REVENUE_PLAN_DENOMINATOR = "target:amountCollected" as const;

export interface IndicatorDef {
  key: IndicatorKey;
  /** Metrics summed to form the numerator; every one must be present. */
  numerator: readonly MetricKey[];
  /** Metric divided by, or the revenue plan (the year's target of `amountCollected`). */
  denominator: MetricKey | typeof REVENUE_PLAN_DENOMINATOR;
  /** Whether a higher value is better (coverage, revenue) or a lower one (late payments). */
  direction: Direction;
}

export const INDICATORS: Record<IndicatorKey, IndicatorDef> = {
  bhxhCoverage: {
    key: "bhxhCoverage",
    numerator: ["bhxhCompulsory", "bhxhVoluntary"],
    denominator: "labourForce",
    direction: "higher",
  },
  compulsoryCoverage: {
    key: "compulsoryCoverage",
    numerator: ["bhxhCompulsory"],
    denominator: "labourForce",
    direction: "higher",
  },
  voluntaryCoverage: {
    key: "voluntaryCoverage",
    numerator: ["bhxhVoluntary"],
    denominator: "labourForce",
    direction: "higher",
  },
  informalVoluntaryCoverage: {
    key: "informalVoluntaryCoverage",
    numerator: ["bhxhVoluntaryInformal"],
    denominator: "labourForce",
    direction: "higher",
  },
  bhtnCoverage: {
    key: "bhtnCoverage",
    numerator: ["bhtn"],
    denominator: "labourForce",
    direction: "higher",
  },
  bhytCoverage: {
    key: "bhytCoverage",
    numerator: ["bhyt"],
    denominator: "population",
    direction: "higher",
  },
  pensionCoverage: {
    key: "pensionCoverage",
    numerator: ["pensionRecipients"],
    denominator: "retirementAgePopulation",
    direction: "higher",
  },
  latePaymentRate: {
    key: "latePaymentRate",
    numerator: ["latePayments"],
    denominator: "amountDue",
    direction: "lower",
  },
  revenueCompletion: {
    key: "revenueCompletion",
    numerator: ["amountCollected"],
    denominator: REVENUE_PLAN_DENOMINATOR,
    direction: "higher",
  },
};

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * numerator / denominator, or null when the denominator is missing or zero (a unit with no labour
 * force recorded has no coverage, not 0% coverage) or any numerator part is missing (a coverage from
 * half the participants would understate). Negative values cannot pass validation; if one gets here
 * anyway a non-positive denominator still gives null rather than a negative rate.
 */
function ratio(figures: Figures, parts: readonly MetricKey[], denominator: number | null | undefined): number | null {
  if (!isNumber(denominator) || denominator <= 0) return null;
  let sum = 0;
  // The parts read in place, not copied to an array first: called for every indicator of every row
  // of every dashboard, ranking and data-quality check (issue 16).
  for (const p of parts) {
    const v = figures[p];
    if (!isNumber(v)) return null;
    sum += v;
  }
  const r = sum / denominator;
  return Number.isFinite(r) ? r : null;
}

/** Every indicator of `figures`, as fractions. `revenuePlan` is the year's `amountCollected` target. */
export function computeIndicators(figures: Figures, opts: { revenuePlan?: number | null } = {}): Record<IndicatorKey, number | null> {
  const out = {} as Record<IndicatorKey, number | null>;
  for (const key of INDICATOR_KEYS) {
    const def = INDICATORS[key];
    const denominator = def.denominator === REVENUE_PLAN_DENOMINATOR ? opts.revenuePlan : figures[def.denominator];
    out[key] = ratio(figures, def.numerator, denominator);
  }
  return out;
}

/**
 * Target attainment (tỷ lệ hoàn thành chỉ tiêu) as a fraction: 1 = target exactly met.
 * Works the same for count targets (8.561 people vs 13.624) and rate targets (coverage 0,531 vs 0,43
 * → 1,235: the attainment of a rate is actual rate / target rate, not a difference in points).
 *
 * - "higher" (coverage, participants, revenue): actual / target. A target of 0 (or below) gives
 *   null: nothing meaningful to divide by, and "any actual attains a zero target" would rank such
 *   units first.
 * - "lower" (late-payment rate, late-payment amount): target / actual, so being under the ceiling
 *   gives > 1 and being over it < 1 (3,0% late vs a 2,55% ceiling → 0,85).
 *   An actual of 0 with a target ≥ 0 gives exactly 1: a zero late-payment rate fully attains any
 *   ceiling (it cannot be divided by, and any bonus above 1 would be arbitrary). An actual > 0 against
 *   a ceiling of 0 gives 0 (zero tolerance, missed). A negative target gives null.
 * - Either side missing (null/undefined/non-finite) gives null. Negative actuals give null.
 * - The result is not capped: over-attainment (1,235) is shown as such, in both directions.
 */
export function attainment(actual: number | null | undefined, target: number | null | undefined, direction: Direction): number | null {
  if (!isNumber(actual) || !isNumber(target) || actual < 0 || target < 0) return null;
  if (direction === "higher") {
    if (target === 0) return null;
    return actual / target;
  }
  if (actual === 0) return 1;
  return target / actual;
}

/** Attainment of an indicator against its target, using the indicator's own direction. */
export function indicatorAttainment(key: IndicatorKey, actual: number | null | undefined, target: number | null | undefined): number | null {
  return attainment(actual, target, INDICATORS[key].direction);
}

export type Status = "attained" | "close" | "behind" | "none";

/**
 * The ONE place the status bands are defined: attained at ≥ 100% of the target, close at ≥ 90%,
 * behind below that. Bounds are inclusive (0,9 exactly is "close", 1,0 exactly is "attained").
 */
export const STATUS_THRESHOLDS = {
  attained: 1.0,
  close: 0.9,
} as const;

/** Status of an attainment; "none" when there is no attainment (no target or no figure). */
export function statusOf(value: number | null | undefined): Status {
  if (!isNumber(value)) return "none";
  if (value >= STATUS_THRESHOLDS.attained) return "attained";
  if (value >= STATUS_THRESHOLDS.close) return "close";
  return "behind";
}
