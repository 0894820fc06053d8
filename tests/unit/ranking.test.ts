import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatPercent, formatDecimal } from "@/lib/format";
import {
  asPublished,
  bandOf,
  publishedDigits,
  compositeScore,
  parseWeights,
  praiseWarnCriticise,
  rank,
  trendOf,
  COMPOSITE_CAP,
  type ListStatus,
  type RankInput,
  type Ranked,
} from "@/lib/domain/ranking";

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

describe("values as published", () => {
  it("a percentage to one decimal (the late-payment rate two), a count whole", () => {
    expect(publishedDigits({ percent: true, key: "bhxhCoverage" })).toBe(3);
    expect(publishedDigits({ percent: true, key: null })).toBe(3); // composite
    expect(publishedDigits({ percent: true, key: "latePaymentRate" })).toBe(4);
    expect(publishedDigits({ percent: false, key: "bhxhCompulsory" })).toBe(0);
    expect(asPublished(1.05663, 3)).toBe(1.057);
    expect(asPublished(-0.02349, 3)).toBe(-0.023);
    expect(asPublished(null, 3)).toBeNull();
  });
  it("units shown with the same value share a rank: 105,66% and 105,74% are both 105,7%", () => {
    const shown = [u("A", 1.05663), u("B", 1.05741), u("C", 1.0572), u("D", 1.0612)].map((x) => ({ ...x, value: asPublished(x.value, 3) }));
    expect(rank(shown, "higher").items.map((i) => `${i.code}${i.rank}`)).toEqual(["D1", "A2", "B2", "C2"]);
  });
  it("for every pair of values, published they print as the formatter prints them, and their change is the difference of what is shown", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (now, before) => {
        const a = asPublished(now, 3)!;
        const b = asPublished(before, 3)!;
        expect(formatPercent(a)).toBe(formatPercent(now));
        const shownDelta = Number(formatPercent(a).replace("%", "").replace(",", ".")) - Number(formatPercent(b).replace("%", "").replace(",", "."));
        const t = trendOf(a, b, "higher");
        expect(formatDecimal((t.delta ?? 0) * 100, "vi", 1, true)).toBe(formatDecimal(shownDelta, "vi", 1, true));
      }),
    );
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

describe("praise / warn / criticise, by result", () => {
  // 20 units, best first; statuses by value: ≥ 0,95 attained, ≥ 0,88 close, else behind.
  const many = rank(
    Array.from({ length: 20 }, (_, i) => u(String(i + 1).padStart(2, "0"), 1 - i / 100)),
    "higher",
  );
  const statusByValue = (it: Ranked<unknown>): ListStatus => (it.value >= 0.95 ? "attained" : it.value >= 0.88 ? "close" : "behind");

  it("praises the best attained, criticises the worst behind, warns the next weakest", () => {
    const l = praiseWarnCriticise(many.items, statusByValue, 5);
    expect(l.praise.map((i) => i.code)).toEqual(["01", "02", "03", "04", "05"]);
    // behind: 0,87 … 0,81 (14–20): the worst 5 criticised; the two left warned first, then close ones.
    expect(l.criticise.map((i) => i.code)).toEqual(["16", "17", "18", "19", "20"]);
    expect(l.warn.map((i) => i.code)).toEqual(["11", "12", "13", "14", "15"]);
  });

  it("leaves a list short or empty rather than fill it by position", () => {
    const allAttained = praiseWarnCriticise(many.items, () => "attained", 5);
    expect(allAttained.praise).toHaveLength(5);
    expect(allAttained.warn).toEqual([]);
    expect(allAttained.criticise).toEqual([]);
    const allBehind = praiseWarnCriticise(many.items, () => "behind", 5);
    expect(allBehind.praise).toEqual([]);
    expect(allBehind.criticise.map((i) => i.code)).toEqual(["16", "17", "18", "19", "20"]);
    expect(allBehind.warn.map((i) => i.code)).toEqual(["11", "12", "13", "14", "15"]);
    const two = rank([u("A", 0.9), u("B", 0.5)], "higher");
    const l = praiseWarnCriticise(two.items, (it) => (it.value > 0.8 ? "close" : "behind"), 5);
    expect(l.praise).toEqual([]);
    expect(l.criticise.map((i) => i.code)).toEqual(["B"]);
    expect(l.warn.map((i) => i.code)).toEqual(["A"]);
    expect(praiseWarnCriticise(many.items, statusByValue, 0)).toEqual({ praise: [], warn: [], criticise: [] });
  });

  it("treats units tied at a list's edge alike: both warned, not a coin toss (86,8% and 86,8%)", () => {
    const table = rank([u("A", 0.95), u("B", 0.9), u("C", 0.868), u("D", 0.868), u("E", 0.8)], "higher");
    const l = praiseWarnCriticise(table.items, (it) => (it.value >= 0.95 ? "attained" : it.value >= 0.85 ? "close" : "behind"), 1);
    expect(l.criticise.map((i) => i.code)).toEqual(["E"]);
    expect(l.warn.map((i) => i.code)).toEqual(["C", "D"]);
    const all = praiseWarnCriticise(rank([u("A", 1), u("B", 1), u("C", 0.9)], "higher").items, () => "attained", 1);
    expect(all.praise.map((i) => i.code)).toEqual(["A", "B"]);
  });

  it("never puts a unit in a list its status contradicts (property)", () => {
    const statuses = ["attained", "close", "behind", "none"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: 0, max: 2, noNaN: true }), status: fc.constantFrom(...statuses) }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom("higher" as const, "lower" as const),
        (rows, n, direction) => {
          const table = rank(
            rows.map((r, i) => ({ code: String(i), name: `U${String(i).padStart(3, "0")}`, value: r.value, data: r.status })),
            direction,
          );
          const l = praiseWarnCriticise(table.items, (it) => it.data, n);
          expect(l.praise.every((i) => i.data === "attained")).toBe(true);
          expect(l.criticise.every((i) => i.data === "behind")).toBe(true);
          expect(l.warn.every((i) => i.data === "close" || i.data === "behind")).toBe(true);
          const codes = [...l.praise, ...l.warn, ...l.criticise].map((i) => i.code);
          expect(new Set(codes).size).toBe(codes.length);
          // A list holds N, or more only when units tie at its edge, and then every tied unit of that status.
          const tiedAtEdge = (list: typeof l.praise, pool: typeof l.praise, edge: "first" | "last") => {
            if (list.length <= n) return true;
            const r = edge === "last" ? list[list.length - 1].rank : list[0].rank;
            const inside = list.filter((i) => i.rank !== r).length;
            return inside < n && pool.filter((i) => i.rank === r).every((i) => list.includes(i));
          };
          const behind = table.items.filter((i) => i.data === "behind");
          const attained = table.items.filter((i) => i.data === "attained");
          expect(tiedAtEdge(l.praise, attained, "last")).toBe(true);
          expect(tiedAtEdge(l.criticise, behind, "first")).toBe(true);
          // The criticised are the worst of the behind: none behind ranks below a non-criticised behind one,
          // and no unit tied with a criticised one is left out.
          const cut = behind.length - l.criticise.length;
          expect(l.criticise).toEqual(behind.slice(cut));
          if (cut > 0 && l.criticise.length) expect(behind[cut - 1].rank).not.toBe(l.criticise[0].rank);
          expect(l.praise).toEqual(attained.slice(0, l.praise.length));
          if (l.praise.length < attained.length && l.praise.length) expect(attained[l.praise.length].rank).not.toBe(l.praise[l.praise.length - 1].rank);
          if (n > 0) {
            expect(l.praise.length).toBeGreaterThanOrEqual(Math.min(n, attained.length));
            expect(l.criticise.length).toBeGreaterThanOrEqual(Math.min(n, behind.length));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
