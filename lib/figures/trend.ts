// A unit's quarters over several years, with every indicator and the year's targets: the data
// of the trend chart. A commune reads its own counted reports; a city or the nation sums its
// communes per quarter (the provinces' period totals). Two queries whatever the number of quarters.
import type { PrismaClient } from "../generated/prisma/client";
import { computeIndicators } from "../domain/indicators";
import type { IndicatorKey } from "../domain/metrics";
import { comparePeriods, type Period } from "../domain/period";
import { aggregateSeries, figuresOf, readTargetsOfYears, type FigureValues, type UnitRef } from "./service";
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
  const periods: Period[] = [];
  for (let y = fromYear; y <= to.year; y++)
    for (let q = 1; q <= 4; q++) if (comparePeriods({ year: y, quarter: q }, to) <= 0) periods.push({ year: y, quarter: q });

  // Set-based: the targets of every year in one query, the figures of every quarter in one more.
  const figuresBy = new Map<string, FigureValues>();
  const [targetsByYear] = await Promise.all([
    readTargetsOfYears(prisma, unit.id, fromYear, to.year),
    (async () => {
      if (unit.level === "COMMUNE") {
        // Only the reports whose figures count (lib/figures/counted.ts): a draft is not a point of the trend.
        const rows = await prisma.quarterReport.findMany({
          where: { unitId: unit.id, kind: "ACTUAL", status: { in: [...COUNTED_STATUSES] }, year: { gte: fromYear, lte: to.year } },
        });
        for (const r of rows) figuresBy.set(`${r.year}-${r.quarter}`, figuresOf(r));
      } else if (unit.level === "PROVINCE" || unit.level === "NATION") {
        const series = await aggregateSeries(prisma, unit.level === "NATION" ? null : unit.id, periods);
        for (const [k, a] of series) if (a.reported > 0) figuresBy.set(k, a.figures);
      }
    })(),
  ]);

  return periods.map((p) => {
    const figures = figuresBy.get(`${p.year}-${p.quarter}`) ?? null;
    const targets = targetsByYear.get(p.year) ?? {};
    return {
      ...p,
      figures,
      indicators: figures ? computeIndicators(figures, { revenuePlan: targets.amountCollected ?? null }) : null,
      targets,
    };
  });
}
