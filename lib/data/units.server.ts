// Data functions for units (Next.js dashboard style: pages call these, never Prisma directly).
import "server-only";
import { z } from "zod";
import { readPrisma } from "../db.server";
import { inForceThenByName } from "../collate";
import type { UnitLevel, UnitType } from "../generated/prisma/enums";

/** Official codes: digits (provinces "31", communes "10804"), "VN", villages "10804-01". */
export const unitCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  type: UnitType;
  parentId: number | null;
  tenantId: number | null;
  validFrom: Date;
  validTo: Date | null;
}

const unitSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  type: true,
  parentId: true,
  tenantId: true,
  validFrom: true,
  validTo: true,
} as const;

/** The unit with this code: the one in force, else the most recent one (a retired unit keeps its page). */
export async function findUnitByCode(code: string): Promise<UnitRow | null> {
  const db = await readPrisma();
  return db.unit.findFirst({
    where: { code },
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { validFrom: "desc" }],
    select: unitSelect,
  });
}

export async function findUnitById(id: number): Promise<UnitRow | null> {
  const db = await readPrisma();
  return db.unit.findUnique({ where: { id }, select: unitSelect });
}

/** Units directly below, in force ones first, by name in Vietnamese order (the database sorts by code points). */
export async function listChildren(parentId: number): Promise<UnitRow[]> {
  const db = await readPrisma();
  const rows = await db.unit.findMany({ where: { parentId }, select: unitSelect });
  return rows.sort(inForceThenByName);
}

export async function countUnits(where: { tenantId?: number; level?: UnitLevel; parentId?: number }): Promise<number> {
  const db = await readPrisma();
  return db.unit.count({ where: { ...where, validTo: null } });
}

export async function countUsers(): Promise<number> {
  const db = await readPrisma();
  return db.user.count({ where: { active: true } });
}
