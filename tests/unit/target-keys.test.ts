// Target keys (lib/domain/targets.ts): what each key's actual value is, its kind and direction, its
// label; the participants target of the path to 2030 (lib/domain/path2030.ts).
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/domain/indicators";
import { INDICATOR_KEYS, type Figures } from "@/lib/domain/metrics";
import { participantsTarget } from "@/lib/domain/path2030";
import {
  COUNT_TARGET_KEYS,
  FIGURE_COUNT_TARGET_KEYS,
  RATE_TARGET_KEYS,
  TARGET_KEYS,
  actualForTarget,
  isTargetKey,
  targetDirectionOf,
  targetKindOf,
} from "@/lib/domain/targets";
import { keyLabel, targetLabel } from "@/lib/i18n/labels";
import { checkTargetValue } from "@/lib/targets/service";

// Seed 000 §7, Xã Nguyễn Lương Bằng at 30/9/2025.
const NLB: Figures = {
  labourForce: 17_934,
  bhxhCompulsory: 8_561,
  bhxhVoluntary: 961,
  bhtn: 7_915,
  amountDue: 100_000_000,
  amountCollected: 60_000_000,
  latePayments: 2_000_000,
};
const indicators = computeIndicators(NLB, { revenuePlan: 80_000_000 });

describe("target keys", () => {
  it("has BHXH participants as a count target and revenue completion as a rate target", () => {
    expect(COUNT_TARGET_KEYS).toContain("bhxhParticipants");
    expect(RATE_TARGET_KEYS).toContain("revenueCompletion");
    expect(isTargetKey("bhxhParticipants")).toBe(true);
    expect(isTargetKey("revenueCompletion")).toBe(true);
    expect(isTargetKey("participants")).toBe(false);
    expect(targetKindOf("bhxhParticipants")).toBe("COUNT");
    expect(targetKindOf("revenueCompletion")).toBe("RATE");
    // Every rate target is an indicator; the counts set on one figure are every count but the sum.
    for (const k of RATE_TARGET_KEYS) expect(INDICATOR_KEYS).toContain(k);
    expect(FIGURE_COUNT_TARGET_KEYS).toEqual(COUNT_TARGET_KEYS.filter((k) => k !== "bhxhParticipants"));
    expect(new Set(TARGET_KEYS).size).toBe(TARGET_KEYS.length);
  });

  it("gives each key's actual value: the indicator, the sum, or the figure", () => {
    expect(actualForTarget("bhxhParticipants", NLB, indicators)).toBe(8_561 + 961);
    expect(actualForTarget("bhxhCompulsory", NLB, indicators)).toBe(8_561);
    expect(actualForTarget("amountCollected", NLB, indicators)).toBe(60_000_000);
    expect(actualForTarget("bhxhCoverage", NLB, indicators)).toBeCloseTo(0.531, 3);
    expect(actualForTarget("latePaymentRate", NLB, indicators)).toBeCloseTo(0.02, 12);
    expect(actualForTarget("revenueCompletion", NLB, indicators)).toBeCloseTo(0.75, 12);
    for (const k of RATE_TARGET_KEYS) expect(actualForTarget(k, NLB, indicators), k).toBe(indicators[k]);
    for (const k of FIGURE_COUNT_TARGET_KEYS) expect(actualForTarget(k, NLB, indicators), k).toBe(NLB[k] ?? null);
  });

  it("has no value where a part is missing: never 0", () => {
    expect(actualForTarget("bhxhParticipants", { bhxhCompulsory: 8_561 }, null)).toBeNull();
    expect(actualForTarget("bhxhParticipants", { bhxhCompulsory: 8_561, bhxhVoluntary: null }, null)).toBeNull();
    expect(actualForTarget("bhxhParticipants", { bhxhCompulsory: 0, bhxhVoluntary: 0 }, null)).toBe(0);
    expect(actualForTarget("bhxhParticipants", null, null)).toBeNull();
    expect(actualForTarget("bhyt", NLB, indicators)).toBeNull();
    expect(actualForTarget("bhyt", { bhyt: Number.NaN }, null)).toBeNull();
    expect(actualForTarget("revenueCompletion", NLB, computeIndicators(NLB))).toBeNull(); // no revenue plan
    expect(actualForTarget("bhxhCoverage", NLB, undefined)).toBeNull();
  });

  it("knows which way is better", () => {
    expect(targetDirectionOf("latePaymentRate")).toBe("lower");
    for (const k of TARGET_KEYS.filter((k) => k !== "latePaymentRate")) expect(targetDirectionOf(k), k).toBe("higher");
  });

  it("has a label in both languages", () => {
    expect(targetLabel("bhxhParticipants", "vi")).toBe("Số người tham gia BHXH (bắt buộc + tự nguyện)");
    expect(targetLabel("bhxhParticipants", "en")).toBe("Social insurance participants (compulsory + voluntary)");
    expect(keyLabel("revenueCompletion", "vi")).toBe("Tỷ lệ hoàn thành kế hoạch thu");
    for (const k of TARGET_KEYS) for (const l of ["vi", "en"] as const) expect(keyLabel(k, l), `${k} ${l}`).not.toBe(k);
  });

  it("checks a target's value by its key", () => {
    expect(checkTargetValue("bhxhParticipants", 29_334_000)).toBeNull();
    expect(checkTargetValue("bhxhParticipants", 1.5)).toMatch(/số nguyên/);
    expect(checkTargetValue("revenueCompletion", 1)).toBeNull();
    expect(checkTargetValue("revenueCompletion", 1.05)).toBeNull(); // "vượt 100%"
    expect(checkTargetValue("revenueCompletion", 2.5)).toMatch(/từ 0 đến 2/);
    expect(checkTargetValue("bhxhCoverage", 1.05)).toMatch(/từ 0 đến 1/);
  });
});

describe("participantsTarget (path to 2030)", () => {
  it("prefers a target on participants over compulsory + voluntary", () => {
    expect(participantsTarget({ bhxhParticipants: 29_334_000, bhxhCompulsory: 20_000_000, bhxhVoluntary: 2_444_500 })).toBe(29_334_000);
    expect(participantsTarget({ bhxhParticipants: 29_334_000 })).toBe(29_334_000);
  });

  it("otherwise adds compulsory and voluntary, both needed", () => {
    expect(participantsTarget({ bhxhCompulsory: 20_800, bhxhVoluntary: 4_756 })).toBe(25_556); // seed 001, 2030
    expect(participantsTarget({ bhxhVoluntary: 2_444_500 })).toBeNull(); // Resolution 403's floor alone is not the total
    expect(participantsTarget({ bhxhCompulsory: 20_800, bhxhVoluntary: null })).toBeNull();
    expect(participantsTarget({})).toBeNull();
  });
});
