import { describe, expect, it } from "vitest";
import {
  PACE_WINDOW,
  PATH_THRESHOLDS,
  TARGET_YEAR,
  computePathStatus,
  pathJudgeable,
  projectionPath,
  targetPath,
  type PathStatusCode,
  type YearValue,
} from "@/lib/domain/path2030";

/** { 2024: 11_500, 2025: 12_300 } → [{ year: 2024, value: 11_500 }, …] in the object's order. */
const h = (byYear: Record<number, number>): YearValue[] => Object.entries(byYear).map(([year, value]) => ({ year: Number(year), value }));

// ---------------------------------------------------------------------------------------------
// Seed 001: Xã Kim Thành (KH 149/KH-UBND): compulsory participants 13.624 in 2026, 20.800 in 2030.
//
// Illustrative history (the seed gives targets, not these actuals): 2024: 11.500, 2025: 12.300,
// 2026: 12.800.
// - required: (20.800 − 12.800) / (2030 − 2026) = 8.000 / 4 = 2.000 people a year;
// - pace: least squares over 2024–2026: years centred at 2025 → x = −1, 0, 1; mean value 12.200 →
//   deviations −700, +100, +600; slope = (−1·−700 + 0·100 + 1·600) / (1 + 0 + 1) = 1.300 / 2 = 650;
// - projected 2030: 12.800 + 650 × 4 = 15.400, i.e. 74% of 20.800 (below the 90% band) and a pace
//   of 650 / 2.000 = 32,5% of the required one (below the 75% band) → off_track.

const KIM_THANH = h({ 2024: 11_500, 2025: 12_300, 2026: 12_800 });

describe("seed 001, Xã Kim Thành, compulsory participants", () => {
  it("against the 2030 target 20.800: required 2.000/yr, pace 650/yr, projected 15.400 → off_track", () => {
    const s = computePathStatus(KIM_THANH, 20_800, 2026);
    expect(s).toEqual({
      target2030: 20_800,
      latest: { year: 2026, value: 12_800 },
      requiredPerYear: 2_000,
      pacePerYear: 650,
      projected2030: 15_400,
      status: "off_track",
      method: "Dự báo theo tốc độ tăng bình quân 3 năm gần nhất (2024–2026, phương pháp bình phương tối thiểu): +650 người/năm.",
      methodInfo: { code: "pace", years: 3, span: "2024–2026", pace: 650, unit: "people" },
    });
    expect(s.projected2030! / 20_800).toBeCloseTo(0.74, 2);
  });

  it("against the 2026 target 13.624 (target year = latest year): no year left, 12.800 < 13.624 → off_track", () => {
    const s = computePathStatus(KIM_THANH, 13_624, 2026, { targetYear: 2026 });
    expect(s.status).toBe("off_track");
    expect(s.requiredPerYear).toBeNull();
    expect(s.projected2030).toBe(12_800); // latest + pace × 0
    expect(s.method).toBe("Đã đến năm 2026: đánh giá theo số liệu năm 2026 so với chỉ tiêu, không dự báo.");
  });

  it("the same history given out of order gives the same result", () => {
    const shuffled = [KIM_THANH[1], KIM_THANH[2], KIM_THANH[0]];
    const reversed = [...KIM_THANH].reverse();
    expect(computePathStatus(reversed, 20_800, 2026)).toEqual(computePathStatus(KIM_THANH, 20_800, 2026));
    expect(computePathStatus(shuffled, 20_800, 2026)).toEqual(computePathStatus(KIM_THANH, 20_800, 2026));
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made histories. Current year 2026, target year 2030 (4 years left) unless stated.

interface Expected {
  status: PathStatusCode;
  required: number | null;
  pace: number | null;
  projected: number | null;
}

// prettier-ignore
const CASES: [string, YearValue[], number | null, number, Expected][] = [
  // what                                                                   history                                     target  current  expected
  // pace 2.000 ≥ required (20.000 − 14.000)/4 = 1.500; projected 14.000 + 8.000 = 22.000
  ["rising fast → on_track",                                                h({ 2024: 10_000, 2025: 12_000, 2026: 14_000 }), 20_000, 2026, { status: "on_track",  required: 1_500, pace: 2_000, projected: 22_000 }],

  // on_track boundary: required (10.000 − 8.000)/4 = 500
  ["pace = required exactly (projected = target) → on_track",               h({ 2025: 7_500, 2026: 8_000 }),               10_000, 2026, { status: "on_track",  required: 500,   pace: 500,   projected: 10_000 }],
  ["pace 1 below required (projected 9.996 = 99,96%) → at_risk",            h({ 2025: 7_501, 2026: 8_000 }),               10_000, 2026, { status: "at_risk",   required: 500,   pace: 499,   projected: 9_996 }],

  // the 90% band alone: pace 250 = 50% of required 500, projected 8.000 + 1.000 = 9.000 = 90,00%
  ["projected exactly 90% of target (pace only 50% of required) → at_risk", h({ 2025: 7_750, 2026: 8_000 }),               10_000, 2026, { status: "at_risk",   required: 500,   pace: 250,   projected: 9_000 }],
  ["projected 89,96% (pace 49,8%) → off_track",                             h({ 2025: 7_751, 2026: 8_000 }),               10_000, 2026, { status: "off_track", required: 500,   pace: 249,   projected: 8_996 }],

  // the 75% band alone: required (40.000 − 10.000)/4 = 7.500; 75% = 5.625; projected 10.000 + 22.500 = 32.500 = 81,25%
  ["pace exactly 75% of required (projected 81,25%) → at_risk",             h({ 2025: 4_375, 2026: 10_000 }),              40_000, 2026, { status: "at_risk",   required: 7_500, pace: 5_625, projected: 32_500 }],
  ["pace 5.624 = 74,99% of required (projected 81,24%) → off_track",        h({ 2025: 4_376, 2026: 10_000 }),              40_000, 2026, { status: "off_track", required: 7_500, pace: 5_624, projected: 32_496 }],

  // flat: projected 9.500 = 95% of the target would be "at risk" by the 90% band, but a flat pace never gets there
  ["flat at 95% of target → off_track (flat pace while short)",             h({ 2024: 9_500, 2025: 9_500, 2026: 9_500 }),  10_000, 2026, { status: "off_track", required: 125,   pace: 0,     projected: 9_500 }],
  ["falling → off_track",                                                   h({ 2024: 9_800, 2025: 9_700, 2026: 9_600 }),  10_000, 2026, { status: "off_track", required: 100,   pace: -100,  projected: 9_200 }],
  ["falling steeply: the projection stops at 0",                            h({ 2025: 1_000, 2026: 500 }),                 10_000, 2026, { status: "off_track", required: 2_375, pace: -500,  projected: 0 }],

  ["already above target → reached, required 0",                            h({ 2025: 9_000, 2026: 10_500 }),              10_000, 2026, { status: "reached",   required: 0,     pace: 1_500, projected: 16_500 }],
  ["exactly at target from a single year → reached",                        h({ 2026: 10_000 }),                           10_000, 2026, { status: "reached",   required: 0,     pace: null,  projected: null }],
  ["a single year short of target → unknown (too short to project)",        h({ 2026: 8_000 }),                            10_000, 2026, { status: "unknown",   required: 500,   pace: null,  projected: null }],
  ["no history → unknown",                                                  [],                                            10_000, 2026, { status: "unknown",   required: null,  pace: null,  projected: null }],
  ["no target → unknown, pace still computed",                              h({ 2025: 7_500, 2026: 8_000 }),               null,   2026, { status: "unknown",   required: null,  pace: 500,   projected: 10_000 }],
  ["a zero target counts as no target",                                     h({ 2025: 7_500, 2026: 8_000 }),               0,      2026, { status: "unknown",   required: null,  pace: 500,   projected: 10_000 }],
  ["a negative target counts as no target",                                 h({ 2025: 7_500, 2026: 8_000 }),               -1,     2026, { status: "unknown",   required: null,  pace: 500,   projected: 10_000 }],

  // only the last 3 years count: the zeros of 2020–2023 do not drag the pace (seed history → 650)
  ["older years outside the 3-year window are ignored",                     h({ 2020: 0, 2021: 0, 2022: 0, 2023: 0, 2024: 11_500, 2025: 12_300, 2026: 12_800 }), 20_800, 2026, { status: "off_track", required: 2_000, pace: 650, projected: 15_400 }],
  // years 2020, 2023, 2026: slope = 3.000 per 3 years = 1.000/yr; projected 11.000 + 4.000 = 15.000
  ["gaps between years: slope per calendar year",                           h({ 2020: 5_000, 2023: 8_000, 2026: 11_000 }), 15_000, 2026, { status: "on_track",  required: 1_000, pace: 1_000, projected: 15_000 }],
  // 3 points not on a line: x = −1, 0, 1; y = 100, 400, 400 (mean 300) → slope (−1·−200 + 1·100)/2 = 150;
  // required (1.200 − 400)/4 = 200 → pace is exactly 75% of it; projected 400 + 600 = 1.000 = 83% → at_risk
  ["least squares over 3 uneven points: slope 150",                         h({ 2024: 100, 2025: 400, 2026: 400 }),        1_200,  2026, { status: "at_risk",   required: 200,   pace: 150,   projected: 1_000 }],
  // the latest figure is from 2024 (nothing since): required over the 6 years 2024→2030: 11.000/6
  ["stale history: required counted from the latest year with a figure",    h({ 2023: 8_000, 2024: 9_000 }),               20_000, 2026, { status: "off_track", required: 11_000 / 6, pace: 1_000, projected: 15_000 }],
  ["years after the current year are ignored",                              h({ 2025: 7_500, 2026: 8_000, 2027: 99_999 }), 10_000, 2026, { status: "on_track",  required: 500,   pace: 500,   projected: 10_000 }],

  // target year = latest year: nothing left to project, judged on the latest value only
  ["2030 reached in 2030 → reached",                                        h({ 2028: 18_000, 2029: 19_000, 2030: 21_000 }), 20_800, 2030, { status: "reached", required: 0,   pace: 1_500, projected: 21_000 }],
  ["2030 short in 2030 → off_track, no required pace",                      h({ 2028: 18_000, 2029: 19_000, 2030: 20_000 }), 20_800, 2030, { status: "off_track", required: null, pace: 1_000, projected: 20_000 }],
  ["a single year, 2030, short → off_track (no projection needed)",         h({ 2030: 20_000 }),                           20_800, 2030, { status: "off_track", required: null, pace: null, projected: null }],
];

describe("computePathStatus", () => {
  for (const [what, history, target, currentYear, e] of CASES) {
    it(what, () => {
      const s = computePathStatus(history, target, currentYear);
      expect(s.status).toBe(e.status);
      for (const [field, want] of [
        ["requiredPerYear", e.required],
        ["pacePerYear", e.pace],
        ["projected2030", e.projected],
      ] as const) {
        if (want === null) expect(s[field], field).toBeNull();
        else expect(s[field], field).toBeCloseTo(want, 9);
      }
      expect(s.method.length).toBeGreaterThan(0);
    });
  }

  it("the path bands are defined in one place", () => {
    expect(PATH_THRESHOLDS).toEqual({ atRiskProjectedShare: 0.9, atRiskPaceShare: 0.75 });
    expect(PACE_WINDOW).toBe(3);
    expect(TARGET_YEAR).toBe(2030);
  });

  it("latest is the last year with a figure; target2030 is null when unusable", () => {
    const s = computePathStatus(h({ 2024: 1, 2025: 2, 2027: 3 }), Number.NaN, 2026);
    expect(s.latest).toEqual({ year: 2025, value: 2 });
    expect(s.target2030).toBeNull();
    expect(computePathStatus([], 10, 2026).latest).toBeNull();
  });

  it("does not change the history it is given", () => {
    const history = h({ 2026: 3, 2024: 1, 2025: 2 });
    const copy = structuredClone(history);
    computePathStatus(history, 10, 2026);
    expect(history).toEqual(copy);
  });
});

describe("computePathStatus: the method sentence", () => {
  // prettier-ignore
  const cases: [string, YearValue[], number, Parameters<typeof computePathStatus>[3], string][] = [
    ["3 consecutive years", KIM_THANH, 2026, {},
      "Dự báo theo tốc độ tăng bình quân 3 năm gần nhất (2024–2026, phương pháp bình phương tối thiểu): +650 người/năm."],
    ["2 years, thousands grouped with a dot", h({ 2025: 10_000, 2026: 11_234 }), 2026, {},
      "Dự báo theo tốc độ tăng bình quân 2 năm gần nhất (2025–2026, phương pháp bình phương tối thiểu): +1.234 người/năm."],
    ["years with gaps are listed", h({ 2020: 5_000, 2023: 8_000, 2026: 11_000 }), 2026, {},
      "Dự báo theo tốc độ tăng bình quân 3 năm gần nhất (2020, 2023, 2026, phương pháp bình phương tối thiểu): +1.000 người/năm."],
    ["a falling pace carries its sign", h({ 2025: 1_000, 2026: 500 }), 2026, {},
      "Dự báo theo tốc độ tăng bình quân 2 năm gần nhất (2025–2026, phương pháp bình phương tối thiểu): -500 người/năm."],
    ["a flat pace", h({ 2025: 500, 2026: 500 }), 2026, {},
      "Dự báo theo tốc độ tăng bình quân 2 năm gần nhất (2025–2026, phương pháp bình phương tối thiểu): 0 người/năm."],
    ["money metrics in đồng", h({ 2025: 1_000_000, 2026: 3_500_000 }), 2026, { unit: "vnd" },
      "Dự báo theo tốc độ tăng bình quân 2 năm gần nhất (2025–2026, phương pháp bình phương tối thiểu): +2.500.000 đồng/năm."],
    ["a single year", h({ 2026: 8_000 }), 2026, {},
      "Mới có số liệu năm 2026: cần ít nhất 2 năm để tính tốc độ tăng và dự báo."],
    ["no history", [], 2026, {},
      "Chưa có số liệu thực hiện: chưa thể dự báo."],
    ["no year left", h({ 2029: 1, 2030: 2 }), 2030, {},
      "Đã đến năm 2030: đánh giá theo số liệu năm 2030 so với chỉ tiêu, không dự báo."],
  ];
  for (const [what, history, currentYear, opts, expected] of cases) {
    it(what, () => expect(computePathStatus(history, 20_800, currentYear, opts).method).toBe(expected));
  }
});

describe("computePathStatus: bad inputs throw a RangeError", () => {
  // Duplicate years are REJECTED, not "last wins": one year has one value (domain.md), and keeping
  // one of two silently would hide the slip seed 000 shows (8.115 and 8.561 for the same date).
  // prettier-ignore
  const cases: [string, () => unknown, RegExp][] = [
    ["a year given twice",     () => computePathStatus([{ year: 2025, value: 8_115 }, { year: 2025, value: 8_561 }], 20_800, 2026), /Năm 2025 có hai giá trị/],
    ["a fractional year",      () => computePathStatus([{ year: 2025.5, value: 1 }], 10, 2026),                                   /Năm không hợp lệ/],
    ["a NaN value",            () => computePathStatus([{ year: 2025, value: Number.NaN }], 10, 2026),                            /không hợp lệ/],
    ["an infinite value",      () => computePathStatus([{ year: 2025, value: Number.POSITIVE_INFINITY }], 10, 2026),              /không hợp lệ/],
    ["a bad current year",     () => computePathStatus([], 10, Number.NaN),                                                       /Năm hiện tại/],
    ["a bad target year",      () => computePathStatus([], 10, 2026, { targetYear: 2030.5 }),                                     /Năm mục tiêu/],
  ];
  for (const [what, run, message] of cases) {
    it(what, () => {
      expect(run).toThrow(RangeError);
      expect(run).toThrow(message);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Chart paths

describe("targetPath", () => {
  // prettier-ignore
  const cases: [string, YearValue | null, number | null, number | undefined, YearValue[]][] = [
    ["Kim Thành: 12.800 in 2026 to 20.800 in 2030, +2.000 a year", { year: 2026, value: 12_800 }, 20_800, undefined,
      h({ 2026: 12_800, 2027: 14_800, 2028: 16_800, 2029: 18_800, 2030: 20_800 })],
    ["values are not rounded", { year: 2027, value: 100 }, 200, undefined,
      h({ 2027: 100, 2028: 100 + 100 / 3, 2029: 100 + 200 / 3, 2030: 200 })],
    ["another target year", { year: 2025, value: 8_561 }, 13_624, 2026,
      h({ 2025: 8_561, 2026: 13_624 })],
    ["no year left → empty", { year: 2030, value: 20_000 }, 20_800, undefined, []],
    ["no latest → empty", null, 20_800, undefined, []],
    ["no target → empty", { year: 2026, value: 12_800 }, null, undefined, []],
    ["zero target → empty", { year: 2026, value: 12_800 }, 0, undefined, []],
  ];
  for (const [what, latest, target, targetYear, expected] of cases) {
    it(what, () => {
      const got = targetPath(latest, target, targetYear);
      expect(got.map((p) => p.year)).toEqual(expected.map((p) => p.year));
      got.forEach((p, i) => expect(p.value).toBeCloseTo(expected[i].value, 9));
    });
  }
  it("ends exactly on the target", () => {
    const got = targetPath({ year: 2026, value: 1 }, 0.3 * 3, 2030);
    expect(got[got.length - 1].value).toBe(0.3 * 3);
  });
});

describe("projectionPath", () => {
  // prettier-ignore
  const cases: [string, YearValue | null, number | null, YearValue[]][] = [
    ["Kim Thành at 650 a year ends at the projected 15.400", { year: 2026, value: 12_800 }, 650,
      h({ 2026: 12_800, 2027: 13_450, 2028: 14_100, 2029: 14_750, 2030: 15_400 })],
    ["falling: stops at 0", { year: 2026, value: 500 }, -500,
      h({ 2026: 500, 2027: 0, 2028: 0, 2029: 0, 2030: 0 })],
    ["flat", { year: 2028, value: 9_500 }, 0, h({ 2028: 9_500, 2029: 9_500, 2030: 9_500 })],
    ["no pace → empty", { year: 2026, value: 12_800 }, null, []],
    ["no latest → empty", null, 650, []],
    ["no year left → empty", { year: 2030, value: 1 }, 650, []],
  ];
  for (const [what, latest, pace, expected] of cases) {
    it(what, () => expect(projectionPath(latest, pace)).toEqual(expected));
  }
  it("its last value is computePathStatus's projected2030", () => {
    const s = computePathStatus(KIM_THANH, 20_800, 2026);
    const path = projectionPath(s.latest, s.pacePerYear);
    expect(path[path.length - 1].value).toBe(s.projected2030);
  });
});

describe("pathJudgeable: a path is judged only on the period's own figures, whole", () => {
  it.each([
    ["a commune with its counted report", { hasReport: true, reported: null, total: null }, true],
    ["a commune without one (a draft, or none)", { hasReport: false, reported: null, total: null }, false],
    ["a city where every commune reported", { hasReport: true, reported: 114, total: 114 }, true],
    ["a city where 103 of 114 reported", { hasReport: true, reported: 103, total: 114 }, false],
    ["a city where none reported", { hasReport: false, reported: 0, total: 114 }, false],
    ["the nation, 139 of 3,321 communes", { hasReport: true, reported: 139, total: 3321 }, false],
  ])("%s", (_, c, expected) => {
    expect(pathJudgeable(c)).toBe(expected);
  });
});
