import "server-only";
import { readPrisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import { targetGrid } from "../targets/service";
import { milestoneGrid } from "../targets/milestones";
import type { ScopedUnit } from "../auth/scope";

export async function targetGridOf(user: SessionUser, unit: ScopedUnit, year: number) {
  return targetGrid(await readPrisma(), user, unit, year);
}

export async function milestonesOf(user: SessionUser, unit: ScopedUnit, year: number) {
  return milestoneGrid(await readPrisma(), user, unit.code, year);
}
