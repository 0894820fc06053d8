// What a target can be set on: a count (people, VND) on a reported figure, or a rate on a
// computed indicator. The kind follows from the key, so it can't be set inconsistently.
import type { IndicatorKey, MetricKey } from "./metrics";

export const COUNT_TARGET_KEYS = ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "amountCollected"] as const satisfies readonly MetricKey[];
export const RATE_TARGET_KEYS = [
  "bhxhCoverage",
  "compulsoryCoverage",
  "voluntaryCoverage",
  "informalVoluntaryCoverage",
  "bhtnCoverage",
  "bhytCoverage",
  "pensionCoverage",
  "latePaymentRate",
] as const satisfies readonly IndicatorKey[];

export type CountTargetKey = (typeof COUNT_TARGET_KEYS)[number];
export type RateTargetKey = (typeof RATE_TARGET_KEYS)[number];
export type TargetKey = CountTargetKey | RateTargetKey;

export const TARGET_KEYS: readonly TargetKey[] = [...COUNT_TARGET_KEYS, ...RATE_TARGET_KEYS];

export const TARGET_YEARS = { min: 2025, max: 2030 } as const;

export function isTargetKey(k: string): k is TargetKey {
  return (TARGET_KEYS as readonly string[]).includes(k);
}

export function targetKindOf(key: TargetKey): "COUNT" | "RATE" {
  return (COUNT_TARGET_KEYS as readonly string[]).includes(key) ? "COUNT" : "RATE";
}

/** The participants of Resolution 403: compulsory + voluntary (its 2030 target is their sum). */
export const PARTICIPANT_KEYS = ["bhxhCompulsory", "bhxhVoluntary"] as const;
