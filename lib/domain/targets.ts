// What a target can be set on: a count (people, VND) on a reported figure or on a sum of reported
// figures, or a rate on a computed indicator. The kind follows from the key, so it can't be set
// inconsistently. `actualForTarget` is the ONE place a target key is mapped to its actual value.
import { INDICATORS, type Direction } from "./indicators";
import type { Figures, IndicatorKey, MetricKey } from "./metrics";

/**
 * Count targets on a sum of reported figures, computed, never typed in as a figure:
 * BHXH participants = compulsory + voluntary, the measure of Resolution 403/NQ-CP's 2030 target
 * ("29.334.000 người tham gia BHXH, trong đó tối thiểu 2.444.500 người tham gia tự nguyện").
 */
export const DERIVED_COUNT_TARGETS = {
  bhxhParticipants: ["bhxhCompulsory", "bhxhVoluntary"],
} as const satisfies Record<string, readonly MetricKey[]>;
export type DerivedCountTargetKey = keyof typeof DERIVED_COUNT_TARGETS;

export const COUNT_TARGET_KEYS = ["bhxhParticipants", "bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "amountCollected"] as const satisfies readonly (
  MetricKey | DerivedCountTargetKey
)[];
/** The coverage rates: a share of the labour force, population or retirement-age people (size-free). */
export const COVERAGE_KEYS = [
  "bhxhCoverage",
  "compulsoryCoverage",
  "voluntaryCoverage",
  "informalVoluntaryCoverage",
  "bhtnCoverage",
  "bhytCoverage",
  "pensionCoverage",
] as const satisfies readonly IndicatorKey[];

export const RATE_TARGET_KEYS = [...COVERAGE_KEYS, "latePaymentRate", "revenueCompletion"] as const satisfies readonly IndicatorKey[];

export type CountTargetKey = (typeof COUNT_TARGET_KEYS)[number];
export type RateTargetKey = (typeof RATE_TARGET_KEYS)[number];
export type TargetKey = CountTargetKey | RateTargetKey;
/** Count targets set on one reported figure (every count target but the derived sums). */
export type FigureCountTargetKey = Exclude<CountTargetKey, DerivedCountTargetKey>;
export const FIGURE_COUNT_TARGET_KEYS = COUNT_TARGET_KEYS.filter(
  (k): k is FigureCountTargetKey => !Object.prototype.hasOwnProperty.call(DERIVED_COUNT_TARGETS, k),
);

export const TARGET_KEYS: readonly TargetKey[] = [...COUNT_TARGET_KEYS, ...RATE_TARGET_KEYS];

export const TARGET_YEARS = { min: 2025, max: 2030 } as const;

export function isTargetKey(k: string): k is TargetKey {
  return (TARGET_KEYS as readonly string[]).includes(k);
}

export function isCountTargetKey(k: string): k is CountTargetKey {
  return (COUNT_TARGET_KEYS as readonly string[]).includes(k);
}

export function isRateTargetKey(k: string): k is RateTargetKey {
  return (RATE_TARGET_KEYS as readonly string[]).includes(k);
}

export function isDerivedCountTargetKey(k: string): k is DerivedCountTargetKey {
  return Object.prototype.hasOwnProperty.call(DERIVED_COUNT_TARGETS, k);
}

export function targetKindOf(key: TargetKey): "COUNT" | "RATE" {
  return isCountTargetKey(key) ? "COUNT" : "RATE";
}

/** Which way is better: rates follow their indicator (late payments: lower); counts: higher. */
export function targetDirectionOf(key: TargetKey): Direction {
  return isRateTargetKey(key) ? INDICATORS[key].direction : "higher";
}

/** The participants of Resolution 403: compulsory + voluntary (its 2030 target is their sum). */
export const PARTICIPANT_KEYS = DERIVED_COUNT_TARGETS.bhxhParticipants;

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The actual value a target of `key` is judged against, from a unit's reported figures and the
 * indicators computed from them (lib/domain/indicators.ts computeIndicators; revenueCompletion
 * needs the year's revenue plan there):
 * - a rate key: the indicator of that key (a fraction);
 * - bhxhParticipants: bhxhCompulsory + bhxhVoluntary, null when either is missing;
 * - any other count key: the reported figure of that key.
 * Null when the value is missing or not a finite number ("no value", never 0).
 */
export function actualForTarget(
  key: TargetKey,
  figures: Figures | null | undefined,
  indicators: Partial<Record<IndicatorKey, number | null>> | null | undefined,
): number | null {
  if (isRateTargetKey(key)) {
    const v = indicators?.[key];
    return isNumber(v) ? v : null;
  }
  if (isDerivedCountTargetKey(key)) {
    let sum = 0;
    for (const part of DERIVED_COUNT_TARGETS[key]) {
      const v = figures?.[part];
      if (!isNumber(v)) return null;
      sum += v;
    }
    return sum;
  }
  const v = figures?.[key];
  return isNumber(v) ? v : null;
}
