import "server-only";
import { prisma } from "../db.server";
import { dashboard } from "../dashboard/service";
import type { UnitRow } from "./units.server";

export async function dashboardOfUnit(unit: UnitRow, year: number, quarter: number) {
  return dashboard(await prisma(), { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId, tenantId: unit.tenantId }, year, quarter);
}
