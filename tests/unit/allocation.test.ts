import { describe, expect, it } from "vitest";
import { allocate, weightsFor, type AllocationWeight } from "@/lib/domain/allocation";

// ---------------------------------------------------------------------------------------------
// Helpers

/** mulberry32: a small seeded PRNG, so the "random" cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const intBetween = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const w = (...weights: (number | null)[]): AllocationWeight[] => weights.map((weight, i) => ({ key: String.fromCharCode(97 + i), weight })); // keys a, b, c, …
const values = (total: number, weights: AllocationWeight[], minimum?: number) =>
  allocate(total, weights, minimum === undefined ? undefined : { minimum }).map((a) => a.value);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const isPositive = (x: number | null) => typeof x === "number" && Number.isFinite(x) && x > 0;

/** Exact floor of total·w/W for integer weights (BigInt), to check "within 1 of the quota". */
function floorQuota(total: number, weight: number, sumWeights: number): number {
  return Number((BigInt(total) * BigInt(weight)) / BigInt(sumWeights));
}

// ---------------------------------------------------------------------------------------------
// Hand-checked cases

describe("allocate: hand-checked cases", () => {
  // prettier-ignore
  const cases: [string, number, AllocationWeight[], number[], number?][] = [
    // what                                                          total  weights                         expected
    ["10 over 3 equal weights → 4, 3, 3 (extra unit to the first)",   10,    w(1, 1, 1),                     [4, 3, 3]],
    ["11 over 3 equal weights → 4, 4, 3",                              11,    w(5, 5, 5),                     [4, 4, 3]],
    ["exact proportions need no rounding: 6 over 1:2:3",               6,     w(1, 2, 3),                     [1, 2, 3]],
    // 7 × (1, 2, 3) / 6 = 1,17 · 2,33 · 3,5 → floors 1, 2, 3 (6); the 7th unit to the largest fraction (0,5)
    ["7 over 1:2:3: the extra unit to the largest fraction",           7,     w(1, 2, 3),                     [1, 2, 4]],
    // 2 × (1, 3) / 4 = 0,5 · 1,5: equal fractions → the larger weight first
    ["tie on the fraction: larger weight first",                        2,     w(1, 3),                        [0, 2]],
    ["tie on fraction and weight: the child listed first",              1,     w(7, 7),                        [1, 0]],
    // 100 × (3, 1) / 4 = 75 · 25; the rest get nothing
    ["null, zero and negative weights get 0",                           100,   w(0, null, 3, -5, 1),           [0, 0, 75, 0, 25]],
    ["NaN counts as no weight",                                         9,     w(Number.NaN, 1, 2),            [0, 3, 6]],
    ["every weight 0/null/negative → equal split, still exact",         10,    w(0, null, -1),                 [4, 3, 3]],
    ["single child gets everything",                                    20_800, w(17_934),                     [20_800]],
    ["single child with no weight still gets everything",               20_800, w(null),                       [20_800]],
    ["total 0 → every child 0",                                         0,     w(3, 1, 0),                     [0, 0, 0]],
    // 1 × (0,5, 1,5) / 2 = 0,25 · 0,75 → the unit to the larger fraction
    ["fractional weights are allowed",                                  1,     w(0.5, 1.5),                    [0, 1]],
    ["fractional weights, exact sum: 10 over 0,1 · 0,2 · 0,3",          10,    w(0.1, 0.2, 0.3),               [2, 3, 5]],
    // minimum 2 each, the other 6 over 1:100 → 0,06 · 5,94 → 0, 6 → 2, 8; the zero-weight child stays 0
    ["minimum: floors first, then the rest by weight",                  10,    w(1, 100, 0),                   [2, 8, 0], 2],
    ["minimum exactly covering the total",                              6,     w(1, 100, 5),                   [2, 2, 2], 2],
    ["minimum in an equal split",                                       7,     w(null, null),                  [4, 3], 3],
  ];
  for (const [what, total, weights, expected, minimum] of cases) {
    it(what, () => {
      const got = allocate(total, weights, minimum === undefined ? undefined : { minimum });
      expect(got.map((a) => a.key)).toEqual(weights.map((x) => x.key)); // order as given
      expect(got.map((a) => a.value)).toEqual(expected);
      expect(sum(expected)).toBe(total);
    });
  }

  it("ties follow the order given, not the keys' alphabetical order", () => {
    const got = allocate(10, [
      { key: "Thôn Cờ Đỏ", weight: 1 },
      { key: "Thôn An Lạc", weight: 1 },
      { key: "Thôn Bình Minh", weight: 1 },
    ]);
    expect(got).toEqual([
      { key: "Thôn Cờ Đỏ", value: 4 },
      { key: "Thôn An Lạc", value: 3 },
      { key: "Thôn Bình Minh", value: 3 },
    ]);
  });

  it("no children and a zero total → nothing to return", () => {
    expect(allocate(0, [])).toEqual([]);
  });

  it("is deterministic: same input, same output", () => {
    const weights = w(3, 3, 3, 1, 1, 7);
    expect(allocate(17, weights)).toEqual(allocate(17, weights));
  });
});

// ---------------------------------------------------------------------------------------------
// Bad inputs

describe("allocate: bad inputs throw a RangeError with a Vietnamese message", () => {
  // prettier-ignore
  const cases: [string, () => unknown, RegExp][] = [
    ["negative total",                    () => allocate(-1, w(1)),                             /số nguyên không âm/],
    ["fractional total",                  () => allocate(1.5, w(1)),                            /số nguyên không âm/],
    ["NaN total",                         () => allocate(Number.NaN, w(1)),                     /số nguyên không âm/],
    ["infinite total",                    () => allocate(Number.POSITIVE_INFINITY, w(1)),       /số nguyên không âm/],
    ["total beyond the safe integers",    () => allocate(2 ** 53, w(1)),                        /số nguyên không âm/],
    ["total given as a string",           () => allocate("10" as unknown as number, w(1)),      /số nguyên không âm/],
    ["a positive total and no children",  () => allocate(5, []),                                /Không có đơn vị nào/],
    ["a key given twice",                 () => allocate(5, [{ key: "x", weight: 1 }, { key: "x", weight: 2 }]), /nhiều lần/],
    ["an infinite weight",                () => allocate(5, w(1, Number.POSITIVE_INFINITY)),    /vô hạn/],
    ["a negative minimum",                () => allocate(5, w(1), { minimum: -1 }),             /tối thiểu/],
    ["a fractional minimum",              () => allocate(5, w(1), { minimum: 0.5 }),            /tối thiểu/],
    ["a minimum the total cannot cover",  () => allocate(5, w(1, 1, 1), { minimum: 2 }),        /không đủ/],
  ];
  for (const [what, run, message] of cases) {
    it(what, () => {
      expect(run).toThrow(RangeError);
      expect(run).toThrow(message);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Real sizes

describe("allocate: real sizes", () => {
  // Hải Phòng has 114 communes. Weights: a labour force of 3.000–40.000 each (seeded).
  const rand = prng(31);
  const communes: AllocationWeight[] = Array.from({ length: 114 }, (_, i) => ({
    key: `xa-${String(i + 1).padStart(3, "0")}`,
    weight: intBetween(rand, 3_000, 40_000),
  }));
  const W = sum(communes.map((c) => c.weight!));

  for (const total of [20_800 * 114, 1_234_567, 113, 0, Number.MAX_SAFE_INTEGER]) {
    it(`Hải Phòng-size: ${total} over 114 communes sums exactly, each within 1 of its quota`, () => {
      const got = values(total, communes);
      expect(got).toHaveLength(114);
      expect(got.reduce((s, v) => s + BigInt(v), 0n)).toBe(BigInt(total)); // exact even beyond 2^53 partial sums
      got.forEach((v, i) => {
        expect(Number.isSafeInteger(v)).toBe(true);
        const d = v - floorQuota(total, communes[i].weight!, W);
        expect(d === 0 || d === 1, communes[i].key).toBe(true);
      });
    });
  }

  it("20.800 × 114 over equal weights gives 20.800 each", () => {
    const equal = communes.map((c) => ({ key: c.key, weight: 17_934 }));
    expect(new Set(values(20_800 * 114, equal))).toEqual(new Set([20_800]));
  });

  it("the nation's 29.334.000 over 34 provinces sums exactly", () => {
    const provinces = Array.from({ length: 34 }, (_, i) => ({ key: `p${i}`, weight: intBetween(rand, 300_000, 5_000_000) }));
    expect(sum(values(29_334_000, provinces))).toBe(29_334_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over 1.000 seeded random cases

describe("allocate: properties over 1.000 seeded random cases", () => {
  const rand = prng(403);
  const cases = Array.from({ length: 1_000 }, (_, c) => {
    const n = intBetween(rand, 1, 40);
    const fractional = c % 4 === 0;
    const weights: AllocationWeight[] = Array.from({ length: n }, (_, i) => {
      const r = rand();
      let weight: number | null;
      if (r < 0.08) weight = null;
      else if (r < 0.14) weight = 0;
      else if (r < 0.17) weight = -intBetween(rand, 1, 100);
      else weight = fractional ? rand() * 1_000 : intBetween(rand, 1, c % 7 === 0 ? 3 : 50_000);
      return { key: `k${i}`, weight };
    });
    const scale = [10, 1_000, 100_000, 10_000_000, 1e12][c % 5];
    return { total: Math.floor(rand() * scale), weights, fractional };
  });

  it("every case: whole numbers ≥ 0, exact sum, zero weights get 0, floor/ceil of the quota, order by weight", () => {
    for (const { total, weights, fractional } of cases) {
      const got = values(total, weights);
      const ctx = JSON.stringify({ total, weights: weights.map((x) => x.weight) });
      expect(sum(got), ctx).toBe(total);
      for (const v of got) expect(Number.isSafeInteger(v) && v >= 0, ctx).toBe(true);

      const anyPositive = weights.some((x) => isPositive(x.weight));
      const effective = weights.map((x) => (anyPositive ? (isPositive(x.weight) ? x.weight! : 0) : 1));
      const W = sum(effective);
      effective.forEach((ew, i) => {
        if (ew === 0) {
          expect(got[i], ctx).toBe(0);
          return;
        }
        if (fractional && anyPositive) {
          expect(Math.abs(got[i] - (total * ew) / W), ctx).toBeLessThan(1 + 1e-6);
        } else {
          const d = got[i] - floorQuota(total, ew, W);
          expect(d === 0 || d === 1, ctx).toBe(true);
        }
      });
      // A larger weight never gets less.
      let monotone = true;
      for (let i = 0; i < got.length; i++) for (let j = 0; j < got.length; j++) if (effective[i] > effective[j] && got[i] < got[j]) monotone = false;
      expect(monotone, ctx).toBe(true);
    }
  });

  it("every case with a minimum: each weighted child gets at least the minimum, sum still exact", () => {
    for (const { total, weights } of cases.slice(0, 300)) {
      const anyPositive = weights.some((x) => isPositive(x.weight));
      const members = anyPositive ? weights.filter((x) => isPositive(x.weight)).length : weights.length;
      const minimum = Math.floor(total / members / 2);
      const got = values(total, weights, minimum);
      expect(sum(got)).toBe(total);
      weights.forEach((x, i) => {
        if (!anyPositive || isPositive(x.weight)) expect(got[i]).toBeGreaterThanOrEqual(minimum);
        else expect(got[i]).toBe(0);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// weightsFor

describe("weightsFor", () => {
  const rows = [
    { key: "thon-1", labourForce: 1_200, participants: 480 },
    { key: "thon-2", labourForce: null, participants: 300 },
    { key: "thon-3", labourForce: 800, participants: null },
  ];
  it("labour force basis", () => {
    expect(weightsFor("labourForce", rows)).toEqual([
      { key: "thon-1", weight: 1_200 },
      { key: "thon-2", weight: null },
      { key: "thon-3", weight: 800 },
    ]);
  });
  it("participants basis", () => {
    expect(weightsFor("participants", rows)).toEqual([
      { key: "thon-1", weight: 480 },
      { key: "thon-2", weight: 300 },
      { key: "thon-3", weight: null },
    ]);
  });
  it("feeds allocate: 2.000 by labour force → 1.200 : 800, the village with no figure gets 0", () => {
    expect(allocate(2_000, weightsFor("labourForce", rows))).toEqual([
      { key: "thon-1", value: 1_200 },
      { key: "thon-2", value: 0 },
      { key: "thon-3", value: 800 },
    ]);
  });
});
