import "server-only";
import { readPrisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import type { ScopedUnit } from "../auth/scope";
import { monthlyView } from "../monthly/service";

/** The monthly page: the unit's scenario, its monthly figures and each month against the scenario. */
export async function monthlyViewOf(user: SessionUser, unit: ScopedUnit, year: number) {
  return monthlyView(await readPrisma(), user, unit.code, year);
}
