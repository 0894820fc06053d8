import "server-only";
import { prisma } from "../db.server";
import { reportEvents } from "../workflow/service";
import { listExplanations } from "../explanations/service";
import type { UnitRef } from "../figures/service";
import type { Period } from "../domain/period";
import type { ScopedUnit } from "../auth/scope";

export async function reviewOf(unit: ScopedUnit, p: Period) {
  const db = await prisma();
  const [events, explanations] = await Promise.all([reportEvents(db, unit, p.year, p.quarter), listExplanations(db, [unit.id], p.year, p.quarter)]);
  return { events, explanations: explanations.get(unit.id) ?? {} };
}
