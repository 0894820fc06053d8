// A unit's quarters over several years, with every indicator and the year's targets: the data
// of the trend chart and of the rankings' small multiples. A commune reads its own counted reports; a
// city or the nation sums its communes per quarter (the provinces' period totals). A few queries
// whatever the number of units and quarters.
import type { PrismaClient } from "../generated/prisma/client";
import { computeIndicators } from "../domain/indicators";
import type { IndicatorKey, MetricKey } from "../domain/metrics";
import { figureColumns } from "../db/columns";
import { rawRead } from "../db/connect";
import { comparePeriods, type Period } from "../domain/period";
import { aggregateSeries, figuresOf, periodTotalsOf, readTargetsOfUnitsYears, type FigureValues, type UnitRef } from "./service";
import { countedStatus } from "./counted";

const FIGURE_COLS = figureColumns("r");

/** Units in force by their codes, in the order given (codes not found left out). */
export async function unitRefsByCode(prisma: PrismaClient, codes: string[]): Promise<UnitRef[]> {
  if (codes.length === 0) return [];
  const rows = await rawRead<UnitRef>(
    prisma,
    `SELECT id, code, name, level::text AS level, parent_id AS "parentId", tenant_id AS "tenantId"
     FROM units WHERE code = ANY($1::text[]) AND valid_to IS NULL`,
    [codes],
  );
  return codes.map((c) => rows.find((r) => r.code === c)).filter((r): r is UnitRef => !!r);
}

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
      // Through the driver, their figure columns only (Prisma read every column of every report, issue 16).
      rawRead<Record<string, number | null> & { unit_id: number; year: number; quarter: number }>(
        prisma,
        `SELECT r.unit_id, r.year::int AS year, r.quarter::int AS quarter, ${FIGURE_COLS}
         FROM quarter_reports r
         WHERE r.unit_id = ANY($1::int[]) AND r.kind = 'ACTUAL' AND ${countedStatus("r")} AND r.year BETWEEN $2::int AND $3::int`,
        [communes, fromYear, to.year],
      ).then((rows) => {
        for (const r of rows)
          figuresBy.get(Number(r.unit_id))!.set(`${Number(r.year)}-${Number(r.quarter)}`, figuresOf(r as Partial<Record<MetricKey, number | null>>));
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
