import "server-only";
import { prisma } from "../db.server";
import { reportEvents } from "../workflow/service";
import { listExplanations } from "../explanations/service";
import type { UnitRef } from "../figures/service";
import type { Period } from "../domain/period";

export async function reviewOf(unit: UnitRef, p: Period) {
  const db = await prisma();
  const [events, explanations] = await Promise.all([reportEvents(db, unit, p.year, p.quarter), listExplanations(db, [unit.id], p.year, p.quarter)]);
  return { events, explanations: explanations.get(unit.id) ?? {} };
}
