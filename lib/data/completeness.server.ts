import "server-only";
import { readPrisma } from "../db.server";
import { completeness } from "../completeness/service";
import type { SessionUser } from "../auth/session.server";
import type { ScopedUnit } from "../auth/scope";

export async function completenessOf(user: SessionUser, unit: ScopedUnit, year: number, quarter: number, now: Date) {
  return completeness(await readPrisma(), user, unit, year, quarter, now);
}
