import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAD_FACTOR,
  MEAN_AD_FACTOR,
  MIN_HISTORY,
  MIN_PEERS,
  OUTLIER_THRESHOLD,
  median,
  modifiedZScore,
  peerOutliers,
  scoreAgainstSeries,
  scorePeers,
} from "@/lib/domain/outliers";

describe("constants", () => {
  it("are Iglewicz–Hoaglin's and DHIS2's", () => {
    expect(OUTLIER_THRESHOLD).toBe(3.5);
    expect(MAD_FACTOR).toBe(0.6745);
    expect(MEAN_AD_FACTOR).toBe(0.7979);
    expect(MIN_HISTORY).toBe(4);
    expect(MIN_PEERS).toBe(5);
  });
});

describe("median", () => {
  // prettier-ignore
  const cases: [number[], number | null][] = [
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, 5, 5, 9], 5],
    [[1, Number.NaN, 3, Number.POSITIVE_INFINITY], 2],   // non-finite values ignored
    [[-2, -8, 4], -2],
  ];
  for (const [xs, m] of cases) it(`${JSON.stringify(xs)} → ${m}`, () => expect(median(xs)).toBe(m));

  it("is the middle of the sorted finite values, for any list, short or long (its buffer kept nothing between calls)", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (xs) => {
        const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
        const expected = s.length === 0 ? null : s.length % 2 ? s[s.length >> 1] : (s[(s.length >> 1) - 1] + s[s.length >> 1]) / 2;
        const got = median(xs);
        expect(got === null ? null : got + 0).toBe(expected === null ? null : expected + 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("modifiedZScore", () => {
  interface Case {
    what: string;
    value: number;
    reference: number[];
    score: number | null;
    median?: number;
    method?: "mad" | "meanAd";
    outlier?: boolean;
  }
  // prettier-ignore
  const cases: Case[] = [
    // median 12, |dev| = 2 1 0 1 2 → MAD 1: z = 0.6745 · (20 − 12) / 1
    { what: "above the median, MAD", value: 20, reference: [10, 11, 12, 13, 14], score: 0.6745 * 8, median: 12, method: "mad", outlier: true },
    { what: "below the median, MAD", value: 4, reference: [10, 11, 12, 13, 14], score: -0.6745 * 8, median: 12, method: "mad", outlier: true },
    { what: "at the median is 0", value: 12, reference: [10, 11, 12, 13, 14], score: 0, median: 12, method: "mad", outlier: false },
    // 0.6745 · d / 1 ≥ 3.5 ⇔ d ≥ 5.189…: 17 (d = 5) is not, 18 (d = 6) is
    { what: "just under the threshold", value: 17, reference: [10, 11, 12, 13, 14], score: 0.6745 * 5, outlier: false },
    { what: "just over the threshold", value: 18, reference: [10, 11, 12, 13, 14], score: 0.6745 * 6, outlier: true },
    // even count: median 2.5, |dev| 1.5 0.5 0.5 1.5 → MAD 1
    { what: "even number of values", value: 6, reference: [1, 2, 3, 4], score: 0.6745 * 3.5, median: 2.5, method: "mad", outlier: false },
    // MAD 0 (three of four equal): mean |dev| = (0 + 0 + 0 + 4) / 4 = 1 → 0.7979 · (15 − 10) / 1
    { what: "MAD 0: mean absolute deviation, 0.7979", value: 15, reference: [10, 10, 10, 14], score: 0.7979 * 5, median: 10, method: "meanAd", outlier: true },
    { what: "MAD 0, below", value: 8, reference: [10, 10, 10, 14], score: 0.7979 * -2, median: 10, method: "meanAd", outlier: false },
    { what: "every reference value equal: no score", value: 11, reference: [10, 10, 10, 10], score: null },
    { what: "no reference: no score", value: 11, reference: [], score: null },
    { what: "value not finite: no score", value: Number.NaN, reference: [1, 2, 3, 4], score: null },
    { what: "non-finite reference values ignored", value: 20, reference: [10, 11, Number.NaN, 12, 13, 14], score: 0.6745 * 8, median: 12 },
    // rates (fractions) work the same: median 0.5, MAD 0.01
    { what: "coverage rates", value: 0.6, reference: [0.48, 0.49, 0.5, 0.51, 0.52], score: (0.6745 * 0.1) / 0.01, median: 0.5, outlier: true },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const r = modifiedZScore(c.value, c.reference);
      if (c.score === null) {
        expect(r).toBeNull();
        return;
      }
      expect(r).not.toBeNull();
      expect(r!.score).toBeCloseTo(c.score, 9);
      if (c.median !== undefined) expect(r!.median).toBeCloseTo(c.median, 12);
      if (c.method) expect(r!.method).toBe(c.method);
      if (c.outlier !== undefined) expect(r!.outlier).toBe(c.outlier);
      expect(r!.n).toBe(c.reference.filter(Number.isFinite).length);
    });
  }
  it("a score of exactly the threshold is an outlier", () => {
    // MAD 1 (reference 0, ±1 …), d = 3.5 / 0.6745 → z = 3.5 up to rounding: use a custom threshold instead
    expect(modifiedZScore(2, [-2, -1, 0, 1, 2], 0.6745 * 2)!.outlier).toBe(true);
    expect(modifiedZScore(2, [-2, -1, 0, 1, 2], 0.6745 * 2 + 1e-9)!.outlier).toBe(false);
  });
});

describe("scoreAgainstSeries (own history)", () => {
  // prettier-ignore
  const cases: [string, number, number[], boolean | null][] = [
    ["three earlier values are not enough",   1000, [100, 101, 102],          null],
    ["four are",                              1000, [100, 101, 102, 103],     true],
    ["nulls left out before counting",        1000, [100, 101, 102, Number.NaN], null],
    ["a steady rise is not an outlier",       112,  [100, 102, 104, 106, 108, 110], false],
    ["a tenfold jump is",                     1100, [100, 102, 104, 106, 108, 110], true],
    ["a collapse is",                         11,   [100, 102, 104, 106, 108, 110], true],
    ["a flat history, then a change: no score", 120, [100, 100, 100, 100],     null],
  ];
  for (const [what, value, history, outlier] of cases) {
    it(what, () => {
      const r = scoreAgainstSeries(value, history);
      if (outlier === null) expect(r).toBeNull();
      else expect(r?.outlier).toBe(outlier);
    });
  }
  it("minHistory and threshold are options", () => {
    expect(scoreAgainstSeries(1000, [100, 101], { minHistory: 2 })?.outlier).toBe(true);
    expect(scoreAgainstSeries(112, [100, 102, 104, 106, 108, 110], { threshold: 1 })?.outlier).toBe(true);
  });
});

describe("scorePeers / peerOutliers", () => {
  const set = (values: (number | null)[]) => values.map((value, i) => ({ key: `x${i}`, value }));

  it("flags the one far from its peers, scored against the whole set", () => {
    const items = set([0.5, 0.52, 0.48, 0.51, 0.49, 0.95]);
    // median 0.505, |dev| 0.005 0.015 0.025 0.005 0.015 0.445 → MAD 0.015
    const out = peerOutliers(items);
    expect(out.map((o) => o.key)).toEqual(["x5"]);
    expect(out[0].median).toBeCloseTo(0.505, 12);
    expect(out[0].score).toBeCloseTo((0.6745 * 0.445) / 0.015, 9);
    expect(out[0].n).toBe(6);
    expect(scorePeers(items)).toHaveLength(6);
  });
  it("sorts by |score|, both sides", () => {
    const out = peerOutliers(set([10, 11, 12, 13, 14, 12, 11, 13, 40, -30]));
    expect(out.map((o) => o.key)).toEqual(["x9", "x8"]);
    expect(out[0].score).toBeLessThan(0);
    expect(out[1].score).toBeGreaterThan(0);
  });
  // prettier-ignore
  const none: [string, (number | null)[]][] = [
    ["fewer than 5 values",        [1, 2, 3, 100]],
    ["5 values once nulls are out", [1, 2, null, 3, 100]],
    ["all equal",                  [7, 7, 7, 7, 7, 7]],
    ["no outlier",                 [10, 11, 12, 13, 14]],
  ];
  for (const [what, values] of none) it(`nothing flagged: ${what}`, () => expect(peerOutliers(set(values))).toEqual([]));
  it("MAD 0 within a set: the mean absolute deviation", () => {
    const out = peerOutliers(set([5, 5, 5, 5, 5, 9]));
    // median 5, |dev| mean = 4 / 6
    expect(out.map((o) => o.key)).toEqual(["x5"]);
    expect(out[0].method).toBe("meanAd");
    expect(out[0].score).toBeCloseTo((0.7979 * 4) / (4 / 6), 9);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const int = fc.integer({ min: -1_000_000, max: 1_000_000 });
const series = fc.array(int, { minLength: 1, maxLength: 40 });

describe("properties", () => {
  it("|score| ≥ threshold ⇔ outlier; the sign says which side of the median", () => {
    fc.assert(
      fc.property(int, series, (x, ref) => {
        const r = modifiedZScore(x, ref);
        if (!r) return;
        expect(r.outlier).toBe(Math.abs(r.score) >= OUTLIER_THRESHOLD);
        expect(Math.sign(r.score)).toBe(Math.sign(x - r.median));
        expect(r.spread).toBeGreaterThan(0);
      }),
    );
  });

  it("no score exactly when every reference value is equal", () => {
    fc.assert(
      fc.property(int, series, (x, ref) => {
        expect(modifiedZScore(x, ref) === null).toBe(new Set(ref).size === 1);
      }),
    );
  });

  it("does not change when values and reference are shifted and scaled (units do not matter)", () => {
    fc.assert(
      fc.property(int, series, int, fc.integer({ min: 1, max: 1000 }), (x, ref, shift, scale) => {
        const a = modifiedZScore(x, ref);
        const b = modifiedZScore(
          x * scale + shift,
          ref.map((v) => v * scale + shift),
        );
        if (!a) {
          expect(b).toBeNull();
          return;
        }
        expect(b!.score).toBeCloseTo(a.score, 6);
        expect(b!.outlier === a.outlier || Math.abs(Math.abs(a.score) - OUTLIER_THRESHOLD) < 1e-6).toBe(true);
      }),
    );
  });

  it("mirroring the data mirrors the score", () => {
    fc.assert(
      fc.property(int, series, (x, ref) => {
        const a = modifiedZScore(x, ref);
        const b = modifiedZScore(
          -x,
          ref.map((v) => -v),
        );
        if (!a) {
          expect(b).toBeNull();
          return;
        }
        expect(b!.score).toBeCloseTo(-a.score, 9);
      }),
    );
  });

  it("moving a value away from the median never lowers |score|", () => {
    fc.assert(
      fc.property(int, series, fc.integer({ min: 0, max: 1_000_000 }), (x, ref, d) => {
        const a = modifiedZScore(x, ref);
        if (!a) return;
        const further = x >= a.median ? x + d : x - d;
        expect(Math.abs(modifiedZScore(further, ref)!.score)).toBeGreaterThanOrEqual(Math.abs(a.score) - 1e-9);
      }),
    );
  });

  it("the order of the reference does not matter", () => {
    fc.assert(
      fc.property(int, series, (x, ref) => {
        const a = modifiedZScore(x, ref);
        const b = modifiedZScore(x, [...ref].reverse());
        expect(b?.score).toBe(a?.score);
      }),
    );
  });

  it("at most half of a set is ever flagged against it (robustness)", () => {
    fc.assert(
      fc.property(fc.array(int, { minLength: MIN_PEERS, maxLength: 60 }), (values) => {
        const flagged = peerOutliers(values.map((value, key) => ({ key, value })));
        expect(flagged.length).toBeLessThanOrEqual(values.length / 2);
      }),
    );
  });

  it("one value planted far away in a set with spread is always flagged", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1000, max: 2000 }), { minLength: MIN_PEERS, maxLength: 60 }), (values) => {
        fc.pre(new Set(values).size > 1);
        const planted = [...values, 1_000_000];
        const flagged = peerOutliers(planted.map((value, key) => ({ key, value })));
        expect(flagged.map((f) => f.key)).toContain(values.length);
        expect(flagged[0].key).toBe(values.length);
      }),
    );
  });

  it("peers scored against the set are the series score of each value against the set", () => {
    fc.assert(
      fc.property(fc.array(int, { minLength: MIN_PEERS, maxLength: 30 }), (values) => {
        const scored = scorePeers(values.map((value, key) => ({ key, value })));
        for (const s of scored) expect(s.score).toBe(modifiedZScore(s.value, values)!.score);
      }),
    );
  });
});
