// Milestone arithmetic (issue 10): stock, flow, ceiling, a unit with no previous year end, overrides;
// and the judgement against the milestone with the year's attainment beside it.
import { describe, expect, it } from "vitest";
import { defaultMilestone, judge, milestoneFor, natureOf } from "@/lib/domain/milestones";

describe("natureOf", () => {
  it.each([
    ["bhxhCompulsory", "stock"],
    ["bhxhParticipants", "stock"],
    ["bhxhCoverage", "stock"],
    ["bhytCoverage", "stock"],
    ["amountCollected", "flow"],
    ["revenueCompletion", "flow"],
    ["latePaymentRate", "ceiling"],
  ])("%s is a %s", (key, nature) => expect(natureOf(key)).toBe(nature));
});

describe("defaultMilestone", () => {
  // Kim Thành (seed 001): 13.624 compulsory participants in 2026; say 12.000 at 31/12/2025.
  it.each([
    ["stock, Q1", "bhxhCompulsory", 13624, 1, 12000, 12406, "linear"],
    ["stock, Q2", "bhxhCompulsory", 13624, 2, 12000, 12812, "linear"],
    ["stock, Q3", "bhxhCompulsory", 13624, 3, 12000, 13218, "linear"],
    ["stock, Q4 = the target", "bhxhCompulsory", 13624, 4, 12000, 13624, "linear"],
    ["stock falling to its target", "bhxhCompulsory", 900, 2, 1000, 950, "linear"],
    ["rate stock (coverage 43% from 39%)", "bhxhCoverage", 0.43, 3, 0.39, 0.42, "linear"],
    ["stock without a previous year end: the target", "bhxhCompulsory", 13624, 3, null, 13624, "target"],
    ["stock without a previous year end, undefined", "bhxhVoluntary", 486, 1, undefined, 486, "target"],
    ["flow, Q1 = a quarter of the plan", "amountCollected", 400_000_000, 1, null, 100_000_000, "share"],
    ["flow, Q3 = three quarters (30/9: 68,8% of the year is 91,7% of the milestone)", "amountCollected", 1_000_000, 3, 5, 750_000, "share"],
    ["flow rate: revenue completion 100% → 75% at Q3", "revenueCompletion", 1, 3, null, 0.75, "share"],
    ["ceiling at Q1", "latePaymentRate", 0.0255, 1, 0.03, 0.0255, "ceiling"],
    ["ceiling at Q3", "latePaymentRate", 0.0255, 3, null, 0.0255, "ceiling"],
  ] as const)("%s", (_label, key, target, q, baseline, value, basis) => {
    const m = defaultMilestone(key, target, q, baseline);
    expect(m).not.toBeNull();
    expect(m!.value).toBeCloseTo(value, 9);
    expect(m!.basis).toBe(basis);
  });

  it("has no milestone without a target", () => {
    expect(defaultMilestone("bhxhCompulsory", null, 3, 100)).toBeNull();
    expect(defaultMilestone("bhxhCompulsory", Number.NaN, 3, 100)).toBeNull();
  });

  it("an override wins over the default", () => {
    expect(milestoneFor("bhxhCompulsory", 13624, 3, 12000, 13000)).toEqual({ value: 13000, basis: "override" });
    expect(milestoneFor("bhxhCompulsory", 13624, 3, 12000, null)).toEqual({ value: 13218, basis: "linear" });
  });
});

describe("judge", () => {
  it("judges a stock against its milestone and gives the year's attainment beside it", () => {
    const m = defaultMilestone("bhxhCompulsory", 13624, 3, 12000)!; // 13.218
    const j = judge("bhxhCompulsory", 13218, 13624, m, "higher");
    expect(j.status).toBe("attained");
    expect(j.attainment).toBeCloseTo(1, 9);
    expect(j.yearAttainment).toBeCloseTo(13218 / 13624, 9);
    expect(j.margin).toBeNull();
  });

  it("revenue at 68,8% of the year's plan on 30/9 is close to its 75% milestone, not 'behind'", () => {
    const m = defaultMilestone("amountCollected", 1000, 3)!;
    const j = judge("amountCollected", 688, 1000, m, "higher");
    expect(j.attainment).toBeCloseTo(688 / 750, 9);
    expect(j.status).toBe("close");
    expect(j.yearAttainment).toBeCloseTo(0.688, 9);
  });

  it("a ceiling is attained at or under it and shows a margin, never an attainment", () => {
    const m = defaultMilestone("latePaymentRate", 0.025, 3)!;
    const under = judge("latePaymentRate", 0.008, 0.025, m, "lower");
    expect(under).toMatchObject({ status: "attained", attainment: null, yearAttainment: null });
    expect(under.margin).toBeCloseTo(0.017, 9);
    expect(judge("latePaymentRate", 0.025, 0.025, m, "lower").status).toBe("attained");
    expect(judge("latePaymentRate", 0.027, 0.025, m, "lower").status).toBe("close"); // 0,025/0,027 = 0,93
    const over = judge("latePaymentRate", 0.04, 0.025, m, "lower");
    expect(over.status).toBe("behind");
    expect(over.margin).toBeCloseTo(-0.015, 9);
  });

  it("follows the tenant's bands", () => {
    const m = defaultMilestone("bhxhCoverage", 0.5, 4)!;
    expect(judge("bhxhCoverage", 0.47, 0.5, m, "higher").status).toBe("close"); // 94%
    expect(judge("bhxhCoverage", 0.47, 0.5, m, "higher", { attained: 1, close: 0.95 }).status).toBe("behind");
  });

  it("has no status without a figure or without a target", () => {
    const m = defaultMilestone("bhxhCompulsory", 100, 2, 80)!;
    expect(judge("bhxhCompulsory", null, 100, m, "higher")).toMatchObject({ status: "none", expected: 90 });
    expect(judge("bhxhCompulsory", 90, null, null, "higher").status).toBe("none");
  });
});
