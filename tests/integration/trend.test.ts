// The trend chart's data and the rankings' small multiples (lib/figures/trend.ts), on the demo data:
// a commune's points are its counted reports only (a draft is no point), a city's and the nation's are
// the sums the dashboards show (aggregateSeries), each year's targets come along, and several units
// read at once (a few queries for all) give each unit exactly its own trend.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { trendSeries, trendSeriesOf } from "@/lib/figures/trend";
import { aggregateSeries, figuresOf, readTargetsOfYears, type UnitRef } from "@/lib/figures/service";
import { COUNTED_STATUSES } from "@/lib/figures/counted";

const TO = { year: 2026, quarter: 3 };

describe.each(dbKinds)("trends on %s", (kind) => {
  let db: TestDatabase;
  const units: Record<string, UnitRef> = {};
  let draftOnly: UnitRef;

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    const select = { id: true, code: true, name: true, level: true, parentId: true, tenantId: true } as const;
    for (const u of await db.prisma.unit.findMany({ where: { code: { in: ["VN", "31", "46", "10804", "11242"] } }, select })) units[u.code] = u;
    // A commune of Hải Phòng whose 2026 Q3 is a draft only (the demo leaves five so).
    const draft = await db.prisma.quarterReport.findFirst({
      where: { year: 2026, quarter: 3, kind: "ACTUAL", status: "DRAFT", unit: { tenant: { code: "31" } } },
      select: { unit: { select } },
      orderBy: { unitId: "asc" },
    });
    draftOnly = draft!.unit;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("a commune's points are its submitted or approved reports, a draft is no point", async () => {
    for (const u of [units["10804"], units["11242"], draftOnly]) {
      const points = await trendSeries(db.prisma, u, 2024, TO);
      expect(points.map((p) => `${p.year}-${p.quarter}`)).toEqual([2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-${q}`)).slice(0, 11));
      const counted = await db.prisma.quarterReport.findMany({
        where: { unitId: u.id, kind: "ACTUAL", status: { in: [...COUNTED_STATUSES] }, year: { gte: 2024 } },
      });
      for (const p of points) {
        const r = counted.find((c) => c.year === p.year && c.quarter === p.quarter);
        expect(p.figures, `${u.code} ${p.year} Q${p.quarter}`).toEqual(r ? figuresOf(r) : null);
        expect(p.indicators === null).toBe(p.figures === null);
      }
    }
    const q3 = (await trendSeries(db.prisma, draftOnly, 2026, TO)).at(-1)!;
    expect(q3).toMatchObject({ year: 2026, quarter: 3, figures: null, indicators: null });
  });

  it("a city's and the nation's points are the sums the dashboards show, with each year's targets", async () => {
    for (const [u, tenant] of [
      [units["31"], units["31"].id],
      [units["46"], units["46"].id],
      [units.VN, null],
    ] as const) {
      const points = await trendSeries(db.prisma, u, 2024, TO);
      const sums = await aggregateSeries(db.prisma, tenant, points);
      const targets = await readTargetsOfYears(db.prisma, u.id, 2024, 2026);
      expect(points.some((p) => p.figures !== null)).toBe(true);
      for (const p of points) {
        const a = sums.get(`${p.year}-${p.quarter}`)!;
        expect(p.figures, `${u.code} ${p.year} Q${p.quarter}`).toEqual(a.reported > 0 ? a.figures : null);
        expect(p.targets).toEqual(targets.get(p.year));
      }
    }
  });

  it("several units at once give each its own trend (the rankings' small multiples)", async () => {
    const list = [units["10804"], draftOnly, units["31"], units["11242"], units.VN, units["46"]];
    const together = await trendSeriesOf(db.prisma, list, 2025, TO);
    expect(together).toHaveLength(list.length);
    for (const [i, u] of list.entries()) expect(together[i], u.code).toEqual(await trendSeries(db.prisma, u, 2025, TO));
    expect(await trendSeriesOf(db.prisma, [], 2025, TO)).toEqual([]);
  });
});
