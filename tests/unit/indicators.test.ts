import { describe, expect, it } from "vitest";
import {
  INDICATORS,
  REVENUE_PLAN_DENOMINATOR,
  STATUS_THRESHOLDS,
  attainment,
  computeIndicators,
  indicatorAttainment,
  statusOf,
  type Direction,
  type Status,
} from "@/lib/domain/indicators";
import { INDICATOR_KEYS, METRIC_KEYS, type Figures, type IndicatorKey } from "@/lib/domain/metrics";

// ---------------------------------------------------------------------------------------------
// Every rate published in the seeds, recomputed from the counts printed beside it.
//
// `published` and `computed` are percentages. `computed` is what the formula gives from the printed
// counts (2 decimals) and is what we assert (to 0.005 pp). We then check that the published figure
// follows from the counts: within 0.1 pp, unless `note` explains otherwise.

// Seed 000 §7 (Xã, 2025): labour force "khoảng 17.934"; compulsory 8.561; voluntary 961 of which
// farmers & informal 961; BHTN 7.915. (§7a also prints an earlier 8115 / 7900 pair: see the slip test.)
const seed000: Figures = {
  labourForce: 17_934,
  bhxhCompulsory: 8_561,
  bhxhVoluntary: 961,
  bhxhVoluntaryInformal: 961,
  bhtn: 7_915,
  pensionRecipients: 892,
};

// Seed 002 §4 (a province, 2019–2021; 2021 counts are "tính đến tháng 9 năm 2021" against the full
// year's labour force). The seed prints NO separate count of farmers & informal voluntary
// participants: its "tỷ lệ nông dân và lao động khu vực phi chính thức tham gia BHXH tự nguyện" is the
// total voluntary count / labour force in all three years, so the informal count is taken = voluntary.
// The people past retirement age are the 2019 census figure, 243.757, repeated for every year.
const province = (labourForce: number, compulsory: number, voluntary: number, bhtn: number, pensions: number): Figures => ({
  labourForce,
  bhxhCompulsory: compulsory,
  bhxhVoluntary: voluntary,
  bhxhVoluntaryInformal: voluntary,
  bhtn,
  pensionRecipients: pensions,
  retirementAgePopulation: 243_757,
});
const p2019 = province(808_543, 100_519, 4_116, 90_301, 15_084);
const p2020 = province(815_003, 97_246, 9_602, 88_051, 16_078);
const p2021 = province(815_257, 68_301, 9_265, 59_309, 16_411);

interface SeedRate {
  source: string;
  indicator: IndicatorKey;
  figures: Figures;
  published: number;
  computed: number;
  /** Set when the published rate is NOT within 0.1 pp of the formula; explains why. */
  beyondTolerance?: string;
}

// prettier-ignore
const SEED_RATES: SeedRate[] = [
  // source               indicator                     figures  published computed
  { source: "000 §7b",    indicator: "bhxhCoverage",              figures: seed000, published: 53.1,  computed: 53.09 }, // (8.561+961)/17.934
  { source: "000 §7b",    indicator: "informalVoluntaryCoverage", figures: seed000, published: 5.4,   computed: 5.36 },  // 961/17.934
  { source: "000 §7b",    indicator: "bhtnCoverage",              figures: seed000, published: 44,    computed: 44.13,   // 7.915/17.934
    beyondTolerance: "published as a whole percent (44%): 44,13% is 0,13 pp off, more than 0,1 pp, but rounds to 44%; the counts are consistent with the published figure at its own precision" },
  { source: "002 §4 2019", indicator: "bhxhCoverage",              figures: p2019, published: 12.94, computed: 12.94 },  // (100.519+4.116)/808.543
  { source: "002 §4 2019", indicator: "informalVoluntaryCoverage", figures: p2019, published: 0.51,  computed: 0.51 },   // 4.116/808.543 = 0,509
  { source: "002 §4 2019", indicator: "bhtnCoverage",              figures: p2019, published: 11.17, computed: 11.17 },  // 90.301/808.543 = 11,168
  { source: "002 §4 2019", indicator: "pensionCoverage",           figures: p2019, published: 6.19,  computed: 6.19 },   // 15.084/243.757 = 6,188
  { source: "002 §4 2020", indicator: "bhxhCoverage",              figures: p2020, published: 13.11, computed: 13.11 },  // (97.246+9.602)/815.003
  { source: "002 §4 2020", indicator: "informalVoluntaryCoverage", figures: p2020, published: 1.18,  computed: 1.18 },   // 9.602/815.003 = 1,178
  { source: "002 §4 2020", indicator: "bhtnCoverage",              figures: p2020, published: 10.80, computed: 10.80 },  // 88.051/815.003 = 10,804
  { source: "002 §4 2020", indicator: "pensionCoverage",           figures: p2020, published: 6.60,  computed: 6.60 },   // 16.078/243.757 = 6,596
  { source: "002 §4 2021", indicator: "bhxhCoverage",              figures: p2021, published: 9.51,  computed: 9.51 },   // (68.301+9.265)/815.257 = 9,514
  // 9.265/815.257 = 1,1365%: the seed prints 1,13 (truncated; rounding gives 1,14). Within 0,1 pp.
  { source: "002 §4 2021", indicator: "informalVoluntaryCoverage", figures: p2021, published: 1.13,  computed: 1.14 },
  { source: "002 §4 2021", indicator: "bhtnCoverage",              figures: p2021, published: 7.27,  computed: 7.27 },   // 59.309/815.257 = 7,275
  { source: "002 §4 2021", indicator: "pensionCoverage",           figures: p2021, published: 6.73,  computed: 6.73 },   // 16.411/243.757 = 6,733
];

describe("computeIndicators reproduces every rate published in the seeds", () => {
  for (const row of SEED_RATES) {
    const label = `seed ${row.source} ${row.indicator}: published ${row.published}%, formula ${row.computed}%`;
    it(label, () => {
      const value = computeIndicators(row.figures)[row.indicator];
      expect(value).not.toBeNull();
      const pct = value! * 100;
      // The formula's value, to 0.005 pp.
      expect(Math.abs(pct - row.computed)).toBeLessThanOrEqual(0.005 + 1e-9);
      if (row.beyondTolerance) {
        expect(Math.abs(pct - row.published)).toBeGreaterThan(0.1);
        // …but it is the published figure's own rounding (whole percent).
        expect(Math.round(pct)).toBe(row.published);
      } else {
        expect(Math.abs(pct - row.published)).toBeLessThanOrEqual(0.1);
      }
    });
  }

  it("seed 000's 53,1% comes from the later compulsory count 8.561, not the slip 8.115 (which gives 50,6%)", () => {
    const slip = computeIndicators({ ...seed000, bhxhCompulsory: 8_115 }).bhxhCoverage!;
    expect(slip * 100).toBeCloseTo(50.61, 2);
    expect(Math.abs(slip * 100 - 53.1)).toBeGreaterThan(0.1);
  });

  it("seed 000 prints 892 pension recipients but no people past retirement age: no pension coverage", () => {
    expect(computeIndicators(seed000).pensionCoverage).toBeNull();
  });

  it("other indicators of seed 000 follow from the counts", () => {
    const r = computeIndicators(seed000);
    expect(r.compulsoryCoverage! * 100).toBeCloseTo(47.74, 2);
    expect(r.voluntaryCoverage! * 100).toBeCloseTo(5.36, 2);
  });
});

// ---------------------------------------------------------------------------------------------
// Definitions

describe("INDICATORS", () => {
  // prettier-ignore
  const expected: [IndicatorKey, string[], string, Direction][] = [
    ["bhxhCoverage",              ["bhxhCompulsory", "bhxhVoluntary"], "labourForce",             "higher"],
    ["compulsoryCoverage",        ["bhxhCompulsory"],                  "labourForce",             "higher"],
    ["voluntaryCoverage",         ["bhxhVoluntary"],                   "labourForce",             "higher"],
    ["informalVoluntaryCoverage", ["bhxhVoluntaryInformal"],           "labourForce",             "higher"],
    ["bhtnCoverage",              ["bhtn"],                            "labourForce",             "higher"],
    ["bhytCoverage",              ["bhyt"],                            "population",              "higher"],
    ["pensionCoverage",           ["pensionRecipients"],               "retirementAgePopulation", "higher"],
    ["latePaymentRate",           ["latePayments"],                    "amountDue",               "lower"],
    ["revenueCompletion",         ["amountCollected"],                 "target:amountCollected",  "higher"],
  ];
  it("defines every indicator key exactly once", () => {
    expect(Object.keys(INDICATORS).sort()).toEqual([...INDICATOR_KEYS].sort());
  });
  for (const [key, numerator, denominator, direction] of expected) {
    it(`${key} = ${numerator.join(" + ")} / ${denominator} (${direction} is better)`, () => {
      expect(INDICATORS[key]).toEqual({ key, numerator, denominator, direction });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Zero and missing denominators / numerators

const FULL: Figures = {
  labourForce: 17_934,
  population: 30_000,
  retirementAgePopulation: 4_000,
  bhxhCompulsory: 8_561,
  bhxhVoluntary: 961,
  bhxhVoluntaryInformal: 961,
  bhtn: 7_915,
  bhyt: 28_500,
  pensionRecipients: 892,
  amountDue: 50_000_000_000,
  amountCollected: 48_000_000_000,
  latePayments: 1_000_000_000,
};
const PLAN = 60_000_000_000;

describe("computeIndicators: zero or missing values give null, never 0, NaN or Infinity", () => {
  it("a full set of figures gives a finite value for every indicator", () => {
    const r = computeIndicators(FULL, { revenuePlan: PLAN });
    for (const key of INDICATOR_KEYS) expect(Number.isFinite(r[key]), key).toBe(true);
    expect(r.bhytCoverage).toBeCloseTo(0.95, 10);
    expect(r.pensionCoverage).toBeCloseTo(0.223, 10);
    expect(r.latePaymentRate).toBeCloseTo(0.02, 10);
    expect(r.revenueCompletion).toBeCloseTo(0.8, 10);
  });

  const denominatorCases: [string, number | null | undefined][] = [
    ["zero", 0],
    ["null", null],
    ["undefined", undefined],
  ];
  for (const key of INDICATOR_KEYS) {
    const def = INDICATORS[key];
    for (const [what, value] of denominatorCases) {
      it(`${key}: ${what} denominator → null`, () => {
        const r =
          def.denominator === REVENUE_PLAN_DENOMINATOR
            ? computeIndicators(FULL, { revenuePlan: value })
            : computeIndicators({ ...FULL, [def.denominator]: value }, { revenuePlan: PLAN });
        expect(r[key]).toBeNull();
      });
    }
    for (const part of def.numerator) {
      for (const [what, value] of [
        ["null", null],
        ["undefined", undefined],
      ] as const) {
        it(`${key}: ${what} numerator part ${part} → null`, () => {
          expect(computeIndicators({ ...FULL, [part]: value }, { revenuePlan: PLAN })[key]).toBeNull();
        });
      }
    }
  }

  it("no figures at all → every indicator null", () => {
    const r = computeIndicators({});
    for (const key of INDICATOR_KEYS) expect(r[key], key).toBeNull();
  });

  it("a zero numerator over a real denominator is a real 0%", () => {
    expect(computeIndicators({ ...FULL, latePayments: 0 }).latePaymentRate).toBe(0);
  });

  it("every metric key is used by some indicator", () => {
    const used = new Set<string>();
    for (const key of INDICATOR_KEYS) {
      INDICATORS[key].numerator.forEach((m) => used.add(m));
      used.add(INDICATORS[key].denominator);
    }
    for (const m of METRIC_KEYS) expect(used.has(m), m).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Attainment and status

describe("attainment", () => {
  // prettier-ignore
  const cases: [string, number | null, number | null, Direction, number | null][] = [
    // what                                             actual   target   direction  expected
    ["count target, behind (8.561 of 13.624)",           8_561,   13_624,  "higher",  8_561 / 13_624],
    ["count target, exactly met",                        13_624,  13_624,  "higher",  1],
    ["count target, exceeded",                           15_000,  12_000,  "higher",  1.25],
    ["rate target: coverage 53,1% vs 43% → 123,5%",      0.531,   0.43,    "higher",  0.531 / 0.43],
    ["rate target: BHTN 44,1% vs 35,2%",                 0.441,   0.352,   "higher",  0.441 / 0.352],
    ["revenue completion 80% vs plan 100%",              0.8,     1,       "higher",  0.8],
    ["higher: actual 0 → 0",                             0,       100,     "higher",  0],
    ["higher: target 0 → null",                          5,       0,       "higher",  null],
    ["higher: actual missing → null",                    null,    0.43,    "higher",  null],
    ["higher: target missing → null",                    0.531,   null,    "higher",  null],
    ["lower: late 2,0% under ceiling 2,55%",             0.02,    0.0255,  "lower",   0.0255 / 0.02],
    ["lower: late 3,0% over ceiling 2,55% → 0,85",       0.03,    0.0255,  "lower",   0.85],
    ["lower: exactly at the ceiling",                    0.0255,  0.0255,  "lower",   1],
    ["lower: zero late payments → 1",                    0,       0.0255,  "lower",   1],
    ["lower: zero late payments, zero ceiling → 1",      0,       0,       "lower",   1],
    ["lower: any late payment vs zero ceiling → 0",      0.01,    0,       "lower",   0],
    ["lower: actual missing → null",                     null,    0.0255,  "lower",   null],
    ["lower: target missing → null",                     0.02,    null,    "lower",   null],
    ["negative target → null",                           0.02,    -1,      "lower",   null],
  ];
  for (const [what, actual, target, direction, expected] of cases) {
    it(what, () => {
      const a = attainment(actual, target, direction);
      if (expected === null) expect(a).toBeNull();
      else expect(a).toBeCloseTo(expected, 12);
    });
  }

  it("coverage 53,1% vs target 43% is 123,5%", () => {
    expect(Math.round(attainment(0.531, 0.43, "higher")! * 1000) / 10).toBe(123.5);
  });

  it("indicatorAttainment uses the indicator's direction", () => {
    expect(indicatorAttainment("latePaymentRate", 0.03, 0.0255)).toBeCloseTo(0.85, 12);
    expect(indicatorAttainment("bhxhCoverage", 0.531, 0.43)).toBeCloseTo(0.531 / 0.43, 12);
  });
});

describe("statusOf", () => {
  it("thresholds are defined in one place", () => {
    expect(STATUS_THRESHOLDS).toEqual({ attained: 1.0, close: 0.9 });
  });
  // prettier-ignore
  const cases: [number | null, Status][] = [
    [null, "none"],
    [0, "behind"],
    [0.8999, "behind"],
    [0.9, "close"],
    [0.9999, "close"],
    [1.0, "attained"],
    [1.235, "attained"],
    [Number.NaN, "none"],
  ];
  for (const [value, expected] of cases) {
    it(`${value} → ${expected}`, () => expect(statusOf(value)).toBe(expected));
  }
  it("an attainment computed as 9/10 is close, 8.561/13.624 is behind", () => {
    expect(statusOf(attainment(9, 10, "higher"))).toBe("close");
    expect(statusOf(attainment(8_561, 13_624, "higher"))).toBe("behind");
    expect(statusOf(attainment(0, 0.0255, "lower"))).toBe("attained");
    expect(statusOf(attainment(0.531, null, "higher"))).toBe("none");
  });
});
