// The saved monthly scenarios' quarter-end values, read for the judgement of a quarter: the dashboards,
// rankings, reports and the unit page pass them to lib/domain/milestones.ts (judgeTargets →
// milestoneFor), where the one precedence rule lives (scenario, then override, then default; Q4 is
// the year's target).
import type { PrismaClient } from "../generated/prisma/client";
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
  const where =
    "unitId" in scope ? { unitId: scope.unitId } : "tenantId" in scope ? { tenantId: scope.tenantId } : { unit: { level: { in: [...scope.levels] } } };
  const rows = await prisma.scenario.findMany({ where: { year, ...where }, select: { unitId: true, months: true } });
  return new Map(rows.map((r) => [r.unitId, scenarioQuarterValues(r.months, quarter)]));
}
