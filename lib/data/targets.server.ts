import "server-only";
import { prisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import { targetGrid } from "../targets/service";
import { milestoneGrid } from "../targets/milestones";
import type { UnitRow } from "./units.server";

export async function targetGridOf(user: SessionUser, unit: UnitRow, year: number) {
  return targetGrid(await prisma(), user, { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId, tenantId: unit.tenantId }, year);
}

export async function milestonesOf(user: SessionUser, unit: UnitRow, year: number) {
  return milestoneGrid(await prisma(), user, unit.code, year);
}
