// A unit's quarters over several years, with every indicator and the year's targets: the data
// of the trend chart. A commune reads its own reports (one query); a city or the nation sums its
// communes per quarter.
import type { PrismaClient } from "../generated/prisma/client";
import { computeIndicators } from "../domain/indicators";
import type { IndicatorKey } from "../domain/metrics";
import { comparePeriods, type Period } from "../domain/period";
import { aggregateFigures, figuresOf, readTargets, type FigureValues, type UnitRef } from "./service";

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

  const targetsByYear = new Map<number, Record<string, number>>();
  for (let y = fromYear; y <= to.year; y++) {
    const t = await readTargets(prisma, unit.id, y);
    targetsByYear.set(y, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.value])));
  }

  let figuresAt: (p: Period) => Promise<FigureValues | null>;
  if (unit.level === "COMMUNE") {
    const rows = await prisma.quarterReport.findMany({
      where: { unitId: unit.id, kind: "ACTUAL", year: { gte: fromYear, lte: to.year } },
    });
    figuresAt = async (p) => {
      const r = rows.find((x) => x.year === p.year && x.quarter === p.quarter);
      return r ? figuresOf(r) : null;
    };
  } else if (unit.level === "PROVINCE" || unit.level === "NATION") {
    const tenantId = unit.level === "NATION" ? null : unit.id;
    figuresAt = async (p) => {
      const a = await aggregateFigures(prisma, tenantId, p);
      return a.reported > 0 ? a.figures : null;
    };
  } else {
    figuresAt = async () => null;
  }

  const out: TrendPoint[] = [];
  for (const p of periods) {
    const figures = await figuresAt(p);
    const targets = targetsByYear.get(p.year) ?? {};
    out.push({
      ...p,
      figures,
      indicators: figures ? computeIndicators(figures, { revenuePlan: targets.amountCollected ?? null }) : null,
      targets,
    });
  }
  return out;
}
