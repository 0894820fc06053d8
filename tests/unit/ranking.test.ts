import { describe, expect, it } from "vitest";
import { bandOf, compositeScore, parseWeights, praiseWarnCriticise, rank, trendOf, COMPOSITE_CAP, type RankInput } from "@/lib/domain/ranking";

const u = (code: string, value: number | null): RankInput<null> => ({ code, name: `Xã ${code}`, value, data: null });

describe("rank", () => {
  it("orders higher-is-better descending, ties share a rank (1, 2, 2, 4), missing values listed apart", () => {
    const r = rank([u("A", 0.5), u("B", 0.7), u("C", null), u("D", 0.7), u("E", 0.2), u("F", Number.NaN)], "higher");
    expect(r.items.map((i) => [i.code, i.rank])).toEqual([
      ["B", 1],
      ["D", 1],
      ["A", 3],
      ["E", 4],
    ]);
    expect(r.unranked.map((i) => i.code)).toEqual(["C", "F"]);
  });
  it("orders lower-is-better ascending (late payments)", () => {
    const r = rank([u("A", 0.03), u("B", 0.01), u("C", 0.02)], "lower");
    expect(r.items.map((i) => i.code)).toEqual(["B", "C", "A"]);
  });
  it("never ranks a missing value as zero", () => {
    const r = rank([u("A", 0), u("B", null)], "lower");
    expect(r.items.map((i) => i.code)).toEqual(["A"]);
    expect(r.unranked.map((i) => i.code)).toEqual(["B"]);
  });
  it("breaks equal values by name for a stable order, three-way ties", () => {
    const r = rank([u("C", 1), u("A", 1), u("B", 1), u("D", 0.9)], "higher");
    expect(r.items.map((i) => `${i.code}${i.rank}`)).toEqual(["A1", "B1", "C1", "D4"]);
  });
});

describe("bands at their edges", () => {
  it.each([
    [1.0, "attained"],
    [0.99999, "close"],
    [0.9, "close"],
    [0.89999, "behind"],
    [null, "none"],
    [Number.POSITIVE_INFINITY, "none"],
  ] as const)("%s → %s", (a, b) => expect(bandOf(a)).toBe(b));
  it("uses a city's own bands", () => {
    expect(bandOf(0.96, { attained: 0.95, close: 0.8 })).toBe("attained");
    expect(bandOf(0.8, { attained: 0.95, close: 0.8 })).toBe("close");
  });
});

describe("trends", () => {
  it.each([
    [0.5, 0.4, "higher", "up", true],
    [0.4, 0.5, "higher", "down", false],
    [0.02, 0.03, "lower", "down", true],
    [0.5, 0.5, "higher", "flat", null],
    [0.5, null, "higher", "none", null],
  ] as const)("%s vs %s (%s) → %s", (now, before, dir, trend, good) => {
    const t = trendOf(now, before, dir);
    expect(t.trend).toBe(trend);
    expect(t.good).toBe(good);
  });
});

describe("composite score", () => {
  it("is the weighted mean of the available attainments, each capped", () => {
    const s = compositeScore({ a: 1.0, b: 0.5, c: null }, [
      { key: "a", weight: 3 },
      { key: "b", weight: 1 },
      { key: "c", weight: 10 },
    ]);
    expect(s).toBeCloseTo((3 * 1 + 1 * 0.5) / 4, 12);
    expect(compositeScore({ a: 5 }, [{ key: "a", weight: 1 }])).toBe(COMPOSITE_CAP);
    expect(compositeScore({}, [{ key: "a", weight: 1 }])).toBeNull();
  });
  it("parses weights, refusing unknown keys and bad numbers", () => {
    expect(parseWeights("bhxhCoverage:40, bhytCoverage:60", ["bhxhCoverage", "bhytCoverage"])).toEqual([
      { key: "bhxhCoverage", weight: 40 },
      { key: "bhytCoverage", weight: 60 },
    ]);
    expect(parseWeights("nope:1", ["bhxhCoverage"])).toBeNull();
    expect(parseWeights("bhxhCoverage:-1", ["bhxhCoverage"])).toBeNull();
    expect(parseWeights("", ["bhxhCoverage"])).toBeNull();
  });
});

describe("praise / warn / criticise", () => {
  const many = rank(
    Array.from({ length: 20 }, (_, i) => u(String(i + 1).padStart(2, "0"), 1 - i / 100)),
    "higher",
  );
  it("takes the top N, the N above the bottom N, and the bottom N", () => {
    const l = praiseWarnCriticise(many, 5);
    expect(l.praise.map((i) => i.code)).toEqual(["01", "02", "03", "04", "05"]);
    expect(l.warn.map((i) => i.code)).toEqual(["11", "12", "13", "14", "15"]);
    expect(l.criticise.map((i) => i.code)).toEqual(["16", "17", "18", "19", "20"]);
  });
  it("shares a short table fairly: at most a third each, never overlapping", () => {
    const two = rank([u("A", 0.9), u("B", 0.5)], "higher");
    const l = praiseWarnCriticise(two, 5);
    expect(l.praise.map((i) => i.code)).toEqual(["A"]);
    expect(l.warn).toEqual([]);
    expect(l.criticise.map((i) => i.code)).toEqual(["B"]);
    const seven = praiseWarnCriticise(rank(Array.from({ length: 7 }, (_, i) => u(`X${i}`, 7 - i)), "higher"), 5);
    expect([seven.praise.length, seven.warn.length, seven.criticise.length]).toEqual([2, 2, 2]);
    expect(praiseWarnCriticise(rank([u("A", 1)], "higher"), 5)).toEqual({ praise: [], warn: [], criticise: [] });
  });
});
