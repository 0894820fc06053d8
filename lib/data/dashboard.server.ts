import "server-only";
import { readPrisma } from "../db.server";
import { dashboard } from "../dashboard/service";
import type { ScopedUnit } from "../auth/scope";

export async function dashboardOfUnit(unit: ScopedUnit, year: number, quarter: number) {
  return dashboard(await readPrisma(), unit, year, quarter);
}
