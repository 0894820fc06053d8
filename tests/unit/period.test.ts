import { describe, expect, it } from "vitest";
import { currentPeriod, estimateOpen, isFuturePeriod, lastEndedPeriod, previousPeriod, quarterEnd } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";

describe("periods", () => {
  it.each([
    [2026, 1, "31/3/2026"],
    [2026, 2, "30/6/2026"],
    [2026, 3, "30/9/2026"],
    [2026, 4, "31/12/2026"],
    [2024, 1, "31/3/2024"],
  ])("%i Q%i ends on %s", (y, q, d) => expect(formatDate(quarterEnd(y, q))).toBe(d));

  it("steps back across years", () => {
    expect(previousPeriod({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousPeriod({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
  });

  const today = new Date("2026-11-21T10:00:00Z");
  it("knows today's quarter and the last ended one", () => {
    expect(currentPeriod(today)).toEqual({ year: 2026, quarter: 4 });
    expect(lastEndedPeriod(today)).toEqual({ year: 2026, quarter: 3 });
  });
  it.each([
    [{ year: 2026, quarter: 4 }, false],
    [{ year: 2027, quarter: 1 }, true],
    [{ year: 2026, quarter: 3 }, false],
  ])("future %o → %s", (p, f) => expect(isFuturePeriod(p, today)).toBe(f));
  it("opens the year-end estimate from Q3 on", () => {
    expect(estimateOpen(2026, new Date("2026-06-30T12:00:00Z"))).toBe(false);
    expect(estimateOpen(2026, new Date("2026-07-01T00:00:00Z"))).toBe(true);
    expect(estimateOpen(2027, today)).toBe(false);
  });
});
