// A unit's quarters over several years, with every indicator and the year's targets: the data
// of the trend chart and of the rankings' small multiples. A commune reads its own counted reports; a
// city or the nation sums its communes per quarter (the provinces' period totals). A few queries
// whatever the number of units and quarters.
import type { PrismaClient } from "../generated/prisma/client";
import { computeIndicators } from "../domain/indicators";
import type { IndicatorKey } from "../domain/metrics";
import { comparePeriods, type Period } from "../domain/period";
import { aggregateSeries, figuresOf, periodTotalsOf, readTargetsOfUnitsYears, type FigureValues, type UnitRef } from "./service";
import { COUNTED_STATUSES } from "./counted";

export interface TrendPoint {
  year: number;
  quarter: number;
  figures: FigureValues | null;
  indicators: Record<IndicatorKey, number | null> | null;
  /** The targets of that year (metric or indicator key → value). */
  targets: Record<string, number>;
}

export async function trendSeries(prisma: PrismaClient, unit: UnitRef, fromYear: number, to: Period): Promise<TrendPoint[]> {
  return (await trendSeriesOf(prisma, [unit], fromYear, to))[0];
}

/**
 * The trends of several units (the rankings page's small multiples): set-based, the targets of every
 * unit and year in one query, the communes' counted reports in one more, the cities' period totals in
 * one more, whatever the number of units and quarters. The nation sums the provinces' totals.
 */
export async function trendSeriesOf(prisma: PrismaClient, units: UnitRef[], fromYear: number, to: Period): Promise<TrendPoint[][]> {
  const periods: Period[] = [];
  for (let y = fromYear; y <= to.year; y++)
    for (let q = 1; q <= 4; q++) if (comparePeriods({ year: y, quarter: q }, to) <= 0) periods.push({ year: y, quarter: q });
  const communes = units.filter((u) => u.level === "COMMUNE").map((u) => u.id);
  const cities = units.filter((u) => u.level === "PROVINCE").map((u) => u.id);
  const nation = units.some((u) => u.level === "NATION");

  /** unit id → "year-quarter" → figures. */
  const figuresBy = new Map<number, Map<string, FigureValues>>(units.map((u) => [u.id, new Map()]));
  const [targetsBy] = await Promise.all([
    readTargetsOfUnitsYears(
      prisma,
      units.map((u) => u.id),
      fromYear,
      to.year,
    ),
    communes.length > 0 &&
      // Only the reports whose figures count (lib/figures/counted.ts): a draft is not a point of the trend.
      prisma.quarterReport
        .findMany({ where: { unitId: { in: communes }, kind: "ACTUAL", status: { in: [...COUNTED_STATUSES] }, year: { gte: fromYear, lte: to.year } } })
        .then((rows) => {
          for (const r of rows) figuresBy.get(r.unitId)!.set(`${r.year}-${r.quarter}`, figuresOf(r));
        }),
    cities.length > 0 &&
      periodTotalsOf(prisma, cities, periods).then((rows) => {
        for (const [tenant, series] of rows) for (const [k, f] of series) figuresBy.get(tenant)!.set(k, f);
      }),
    nation &&
      aggregateSeries(prisma, null, periods).then((series) => {
        for (const u of units.filter((x) => x.level === "NATION")) for (const [k, a] of series) if (a.reported > 0) figuresBy.get(u.id)!.set(k, a.figures);
      }),
  ]);

  return units.map((u) =>
    periods.map((p) => {
      const figures = figuresBy.get(u.id)!.get(`${p.year}-${p.quarter}`) ?? null;
      const targets = targetsBy.get(u.id)?.get(p.year) ?? {};
      return {
        year: p.year,
        quarter: p.quarter,
        figures,
        indicators: figures ? computeIndicators(figures, { revenuePlan: targets.amountCollected ?? null }) : null,
        targets,
      };
    }),
  );
}
