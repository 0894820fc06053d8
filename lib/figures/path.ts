// The yearly history of a unit's count figures (each year's latest submitted or approved quarter,
// summed over the communes for a city or the nation) and its 2030 targets: the data of the path-to-
// 2030 chart. One query for the history, one for the targets.
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import { METRIC_KEYS } from "../domain/metrics";
import type { Period } from "../domain/period";
import { figuresOf, type FigureValues, type UnitRef } from "./service";

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface YearlyFigures {
  year: number;
  figures: FigureValues;
}

/**
 * Each year's latest counted figures up to `to` (for `to`'s year: its latest quarter up to `to`), per
 * commune, summed for a city or the nation. Read from the summaries the database keeps current in the
 * same transaction as every change of the reports (year_progress, tenant_year_progress: migrations
 * 20261202230000_summaries and 20261203000000_year_progress_metrics), which apply THE rule of which
 * figures count (lib/figures/counted.ts): a few rows per year instead of the reports' history.
 */
export async function yearlyHistory(prisma: PrismaClient, unit: UnitRef, to: Period): Promise<YearlyFigures[]> {
  if (unit.level === "VILLAGE") return [];
  const [table, scope] =
    unit.level === "COMMUNE"
      ? ["year_progress", "unit_id = $3::int"]
      : unit.level === "PROVINCE"
        ? ["tenant_year_progress", "tenant_id = $3::int"]
        : ["tenant_year_progress", "$3::int IS NOT NULL"];
  const rows = await rawRead<Record<string, number | null>>(
    prisma,
    `SELECT year, ${METRIC_KEYS.map((k) => `sum(${snake(k)})::float8 AS "${k}"`).join(", ")}
     FROM ${table}
     WHERE ${scope} AND ((year < $1::int AND quarter = 4) OR (year = $1::int AND quarter = $2::int))
     GROUP BY year ORDER BY year`,
    [to.year, to.quarter, unit.id],
  );
  return rows.map((r) => ({ year: Number(r.year), figures: figuresOf(r) }));
}

export async function targets2030(prisma: PrismaClient, unitId: number): Promise<Record<string, number>> {
  const rows = await prisma.target.findMany({ where: { unitId, year: 2030 }, select: { key: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
