// Villages with figures of their own (issue 15, item 3): progress against a village's targets with
// the milestone rule every unit is judged by, which villages are behind, the 100% BHYT mark (seed
// 004: "tổ dân phố kiểu mẫu có 100% người dân tham gia BHYT"), the entry checks and the basis of the
// suggested split. Figures from seed 001 (Kim Thành: 13.624 compulsory, 486 voluntary in 2026).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bhytCoverageOf,
  bhytMark,
  byProgress,
  checkVillageFigures,
  hasFullBhyt,
  villageActual,
  villageBasis,
  villageFiguresSchema,
  villageProgress,
  worstStatus,
} from "@/lib/domain/villages";
import { compareVi } from "@/lib/collate";
import { villageDemoData } from "@/lib/demo/villages";

describe("the 100% BHYT mark", () => {
  it.each([
    ["everyone insured", 1200, 1200, true],
    ["more insured than residents (people insured here, living elsewhere)", 1200, 1210, true],
    ["one person short", 1200, 1199, false],
    ["no population recorded", null, 500, false],
    ["a population of 0: no coverage, not 100%", 0, 0, false],
    ["a population of 0 with insured people", 0, 12, false],
    ["no BHYT count", 1200, null, false],
    ["nothing recorded", null, null, false],
  ] as const)("%s", (_l, population, bhyt, full) => {
    expect(hasFullBhyt({ population, bhyt })).toBe(full);
  });

  it("is a model residential group for a tổ dân phố or khu phố, 100% for any other village, nothing below", () => {
    const full = { population: 881, bhyt: 881 };
    expect(bhytMark("TO_DAN_PHO", full)).toBe("modelGroup");
    expect(bhytMark("KHU_PHO", full)).toBe("modelGroup");
    expect(bhytMark("THON", full)).toBe("full");
    expect(bhytMark("BAN", full)).toBe("full");
    expect(bhytMark("TO_DAN_PHO", { population: 881, bhyt: 880 })).toBeNull();
    expect(bhytMark("TO_DAN_PHO", { population: 0, bhyt: 0 })).toBeNull();
    expect(bhytMark("TO_DAN_PHO", null)).toBeNull();
  });

  it("coverage is BHYT / population, with no value for a missing or zero population (never 0% or Infinity)", () => {
    expect(bhytCoverageOf({ population: 5015, bhyt: 4965 })).toBeCloseTo(0.99, 3);
    expect(bhytCoverageOf({ population: 0, bhyt: 10 })).toBeNull();
    expect(bhytCoverageOf({ population: null, bhyt: 10 })).toBeNull();
    expect(bhytCoverageOf(undefined)).toBeNull();
  });

  it("holds exactly when BHYT ≥ population > 0, for every pair", () => {
    fc.assert(
      fc.property(fc.option(fc.nat(100_000)), fc.option(fc.nat(100_000)), (population, bhyt) => {
        expect(hasFullBhyt({ population, bhyt })).toBe(population !== null && bhyt !== null && population > 0 && bhyt >= population);
      }),
    );
  });
});

describe("a village's progress against its targets", () => {
  // A village of Kim Thành: 1.480 compulsory and 49 voluntary at 31/12/2025; targets 1.632 and 61.
  const targets = { bhxhCompulsory: 1632, bhxhVoluntary: 61, bhyt: 6743 };
  const baseline = { labourForce: 3907, population: 6919, bhxhCompulsory: 1480, bhxhVoluntary: 49, bhyt: 6504 };

  it.each([
    // Q3 milestones: 1.480 + 152 × 3/4 = 1.594; 49 + 12 × 3/4 = 58; 6.504 + 239 × 3/4 = 6.683,25.
    ["on the line: attained", { bhxhCompulsory: 1594, bhxhVoluntary: 58, bhyt: 6684 }, "attained", []],
    ["voluntary stuck at 50 (86%): behind", { bhxhCompulsory: 1577, bhxhVoluntary: 50, bhyt: 6665 }, "behind", ["bhxhVoluntary"]],
    ["all a little short: close", { bhxhCompulsory: 1580, bhxhVoluntary: 55, bhyt: 6600 }, "close", []],
    ["no figures: not judged", null, "none", []],
  ] as const)("%s", (_l, figures, overall, behind) => {
    const p = villageProgress({ targets, quarter: 3, figures, baseline });
    expect(p.expected.bhxhCompulsory).toBeCloseTo(1594, 9);
    expect(p.expected.bhxhVoluntary).toBeCloseTo(58, 9);
    expect(p.basis.bhxhVoluntary).toBe("linear");
    expect(p.overall).toBe(overall);
    expect(p.behindKeys).toEqual(behind);
  });

  it("without last year's figures a village is held to the year's target (as any unit)", () => {
    const p = villageProgress({ targets, quarter: 3, figures: { bhxhCompulsory: 1594, bhxhVoluntary: 58, bhyt: 6684 }, baseline: null });
    expect(p.expected.bhxhCompulsory).toBe(1632);
    expect(p.basis.bhxhCompulsory).toBe("target");
    expect(p.statuses.bhxhCompulsory).toBe("close"); // 1.594 / 1.632 = 97,7%
  });

  it("uses the milestone set for the village when there is one", () => {
    const p = villageProgress({ targets, quarter: 3, figures: { bhxhVoluntary: 50 }, baseline, overrides: { bhxhVoluntary: 50 } });
    expect(p.expected.bhxhVoluntary).toBe(50);
    expect(p.basis.bhxhVoluntary).toBe("override");
    expect(p.statuses.bhxhVoluntary).toBe("attained");
  });

  it("judges rates and sums from the village's figures; what a village does not record is not judged", () => {
    const f = { labourForce: 4000, population: 7000, bhxhCompulsory: 1600, bhxhVoluntary: 60, bhyt: 7000 };
    expect(villageActual("bhxhParticipants", f)).toBe(1660);
    expect(villageActual("bhxhCoverage", f)).toBeCloseTo(0.415, 9);
    expect(villageActual("bhytCoverage", f)).toBe(1);
    expect(villageActual("bhtn", f)).toBeNull();
    expect(villageActual("bhxhCoverage", { ...f, labourForce: 0 })).toBeNull();
    const p = villageProgress({ targets: { bhxhParticipants: 1700, bhtn: 900, bhytCoverage: 0.97 }, quarter: 4, figures: f, baseline: null });
    expect(p.statuses).toEqual({ bhxhParticipants: "close", bhtn: "none", bhytCoverage: "attained" });
    expect(p.overall).toBe("close");
  });

  it("ignores keys that are not targets", () => {
    const p = villageProgress({ targets: { population: 7000, bhxhVoluntary: 61 }, quarter: 4, figures: { bhxhVoluntary: 61 }, baseline: null });
    expect(Object.keys(p.statuses)).toEqual(["bhxhVoluntary"]);
  });

  it.each([
    [["attained", "close", "behind"], "behind"],
    [["attained", "close", "none"], "close"],
    [["attained", "none"], "attained"],
    [["none"], "none"],
    [[], "none"],
  ] as const)("the village's status of %j is %s", (statuses, worst) => expect(worstStatus([...statuses])).toBe(worst));

  it("lists the villages behind first, then close, attained, not judged, by name within each", () => {
    const list = [
      { name: "Thôn Tuấn Việt", overall: "attained" as const },
      { name: "Thôn Kim Khê", overall: "behind" as const },
      { name: "Thôn Đồng Gia", overall: "none" as const },
      { name: "Thôn Cổ Dũng", overall: "behind" as const },
      { name: "Thôn Lai Khê", overall: "close" as const },
    ].sort(byProgress(compareVi));
    expect(list.map((v) => v.name)).toEqual(["Thôn Cổ Dũng", "Thôn Kim Khê", "Thôn Lai Khê", "Thôn Tuấn Việt", "Thôn Đồng Gia"]);
  });
});

describe("entry", () => {
  it("takes whole non-negative numbers or null for the five village figures, nothing else", () => {
    expect(villageFiguresSchema.safeParse({ labourForce: 3907, population: null, bhyt: 6504 }).success).toBe(true);
    const bad = (v: unknown) => {
      const r = villageFiguresSchema.safeParse(v);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(bad({ labourForce: -1 })).toMatch(/không được âm/);
    expect(bad({ bhyt: 12.5 })).toMatch(/số nguyên/);
    expect(bad({ population: "6.919" })).toMatch(/phải là số, không phải chuỗi/);
    expect(bad({ bhtn: 10 })).toMatch(/Trường không hợp lệ: bhtn/);
    expect(bad([])).toMatch(/phải là một đối tượng/);
  });

  it("warns (never refuses) when participants exceed the labour force or BHYT the population", () => {
    const { errors, warnings } = checkVillageFigures({ labourForce: 100, population: 200, bhxhCompulsory: 90, bhxhVoluntary: 20, bhyt: 201 });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.path, w.code])).toEqual([
      ["labourForce", "participants_gt_labour_force"],
      ["bhyt", "bhyt_gt_population"],
    ]);
    expect(checkVillageFigures({ labourForce: 100, population: 200, bhxhCompulsory: 90, bhxhVoluntary: 10, bhyt: 200 }).warnings).toEqual([]);
  });
});

describe("the basis of the suggested split", () => {
  it.each([
    [
      { labourForce: 3907, bhxhCompulsory: 1480, bhxhVoluntary: 49 },
      { labourForce: 3907, participants: 1529 },
    ],
    [
      { labourForce: null, bhxhCompulsory: 1480, bhxhVoluntary: null },
      { labourForce: null, participants: 1480 },
    ],
    [{ labourForce: 10 }, { labourForce: 10, participants: null }],
    [null, { labourForce: null, participants: null }],
  ] as const)("%j → %j", (f, basis) => expect(villageBasis(f)).toEqual(basis));
});

describe("the demo villages", () => {
  it("split Kim Thành's 2026 targets exactly, with villages on track, close and behind, and 100% BHYT marks", () => {
    const { figures, targets } = villageDemoData();
    const sum = (key: string) => targets.filter((t) => t.unitCode.startsWith("10804-") && t.key === key).reduce((s, t) => s + t.value, 0);
    expect([sum("bhxhCompulsory"), sum("bhxhVoluntary")]).toEqual([13624, 486]);
    const q3 = (code: string) => figures.find((f) => f.unitCode === code && f.year === 2026 && f.quarter === 3)!;
    const q4 = (code: string) => figures.find((f) => f.unitCode === code && f.year === 2025 && f.quarter === 4)!;
    const overall = Array.from({ length: 10 }, (_, i) => `10804-${String(i + 1).padStart(2, "0")}`).map(
      (code) =>
        villageProgress({
          targets: Object.fromEntries(targets.filter((t) => t.unitCode === code).map((t) => [t.key, t.value])),
          quarter: 3,
          figures: q3(code),
          baseline: q4(code),
        }).overall,
    );
    expect(overall.filter((s) => s === "behind").length).toBe(3);
    expect(overall.filter((s) => s === "attained").length).toBeGreaterThanOrEqual(3);
    expect(bhytMark("THON", q3("10804-08"))).toBe("full");
    expect(bhytMark("TO_DAN_PHO", q3("19753-03"))).toBe("modelGroup");
    expect(figures.filter((f) => bhytMark("THON", f) !== null).map((f) => `${f.unitCode} ${f.quarter}/${f.year}`)).toEqual([
      "10804-08 2/2026",
      "10804-08 3/2026",
      "19753-03 3/2026",
    ]);
    expect(villageDemoData()).toEqual({ figures, targets });
  });
});
