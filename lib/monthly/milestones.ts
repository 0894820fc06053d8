// The saved monthly scenarios' quarter-end values, read for the judgement of a quarter: the dashboards,
// rankings, reports and the unit page pass them to lib/domain/milestones.ts (judgeTargets →
// milestoneFor), where the one precedence rule lives (scenario, then override, then default; Q4 is
// the year's target).
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import type { UnitLevel } from "../generated/prisma/enums";
import { scenarioQuarterValues } from "../domain/scenario";

export type ScenarioScope = { unitId: number } | { tenantId: number } | { levels: readonly UnitLevel[] };

/** Per unit id: its saved scenario's values at the quarter-end month of `quarter` (Q4: none, no query). */
export async function scenarioMilestones(
  prisma: PrismaClient,
  year: number,
  quarter: number,
  scope: ScenarioScope,
): Promise<Map<number, Record<string, number>>> {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 3) return new Map();
  // Straight through the driver (rawRead): read beside every dashboard, Prisma's own encoding of a
  // query cost more than the query (issue 16).
  const [filter, args]: [string, unknown[]] =
    "unitId" in scope
      ? ["s.unit_id = $2::int", [scope.unitId]]
      : "tenantId" in scope
        ? ["s.tenant_id = $2::int", [scope.tenantId]]
        : [`u.level::text IN (${scope.levels.map((_, i) => `$${i + 2}::text`).join(", ")})`, [...scope.levels]];
  if (args.length === 0) return new Map();
  const rows = await rawRead<{ unit_id: number; months: unknown }>(
    prisma,
    `SELECT s.unit_id, s.months FROM scenarios s JOIN units u ON u.id = s.unit_id WHERE s.year = $1::int AND ${filter}`,
    [year, ...args],
  );
  return new Map(rows.map((r) => [Number(r.unit_id), scenarioValuesOf(r.months, quarter)!]));
}

/** A saved scenario's values at the quarter-end month of `quarter` (its months as stored, json or text); none for Q4. */
export function scenarioValuesOf(months: unknown, quarter: number): Record<string, number> | undefined {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 3) return undefined;
  return scenarioQuarterValues(typeof months === "string" ? JSON.parse(months) : months, quarter);
}
