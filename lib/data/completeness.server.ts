import "server-only";
import { readPrisma } from "../db.server";
import { completeness, unitDeadline } from "../completeness/service";
import type { SessionUser } from "../auth/session.server";
import type { ScopedUnit } from "../auth/scope";

export async function completenessOf(user: SessionUser, unit: ScopedUnit, year: number, quarter: number, now: Date) {
  return completeness(await readPrisma(), user, unit, year, quarter, now);
}

/** The deadline of the unit's city for a quarter (the unit is already scoped to the user). */
export async function deadlineOfUnit(unit: ScopedUnit, year: number, quarter: number, now: Date) {
  return unitDeadline(await readPrisma(), unit, year, quarter, now);
}
