// The yearly history of a unit's count figures (each year's latest submitted or approved quarter,
// summed over the communes for a city or the nation) and its 2030 targets: the data of the path-to-
// 2030 chart. One query for the history, one for the targets.
import type { PrismaClient } from "../generated/prisma/client";
import { countedReport } from "./counted";
import { METRIC_KEYS } from "../domain/metrics";
import type { Period } from "../domain/period";
import { figuresOf, type FigureValues, type UnitRef } from "./service";

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface YearlyFigures {
  year: number;
  figures: FigureValues;
}

export async function yearlyHistory(prisma: PrismaClient, unit: UnitRef, to: Period): Promise<YearlyFigures[]> {
  if (unit.level === "VILLAGE") return [];
  const scope = unit.level === "COMMUNE" ? "unit_id = $3::int" : unit.level === "PROVINCE" ? "tenant_id = $3::int" : "$3::int IS NOT NULL";
  const rows = await prisma.$queryRawUnsafe<Array<Record<string, number | null>>>(
    `WITH yearly AS (
       SELECT DISTINCT ON (unit_id, year) unit_id, year, ${METRIC_KEYS.map((k) => snake(k)).join(", ")}
       FROM quarter_reports
       WHERE ${scope} AND ${countedReport()}
         AND (year < $1::int OR (year = $1::int AND quarter <= $2::int))
       ORDER BY unit_id, year, quarter DESC
     )
     SELECT year, ${METRIC_KEYS.map((k) => `sum(${snake(k)})::float8 AS "${k}"`).join(", ")}
     FROM yearly GROUP BY year ORDER BY year`,
    to.year,
    to.quarter,
    unit.id,
  );
  return rows.map((r) => ({ year: Number(r.year), figures: figuresOf(r) }));
}

export async function targets2030(prisma: PrismaClient, unitId: number): Promise<Record<string, number>> {
  const rows = await prisma.target.findMany({ where: { unitId, year: 2030 }, select: { key: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
