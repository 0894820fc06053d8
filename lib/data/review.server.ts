import "server-only";
import { readPrisma } from "../db.server";
import { reportReview } from "../workflow/comments";
import { listExplanations } from "../explanations/service";
import type { Period } from "../domain/period";
import type { ScopedUnit } from "../auth/scope";

export async function reviewOf(unit: ScopedUnit, p: Period) {
  const db = await readPrisma();
  const [{ events, thread }, explanations] = await Promise.all([reportReview(db, unit, p.year, p.quarter), listExplanations(db, [unit.id], p.year, p.quarter)]);
  return { events, explanations: explanations.get(unit.id) ?? {}, thread };
}

/**
 * The officer's quarters the city returned (newest first), with the city's last comment: what the
 * home page lists first. Only the officer's own commune (the scope gate already made `unit`).
 */
export async function returnedQuartersOf(unit: ScopedUnit) {
  const db = await readPrisma();
  const rows = await db.quarterReport.findMany({
    where: { unitId: unit.id, status: "RETURNED", kind: "ACTUAL" },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: {
      id: true,
      year: true,
      quarter: true,
      events: {
        where: { action: { in: ["RETURN", "REOPEN"] } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 1,
        select: { comment: true, at: true, action: true, actor: { select: { fullName: true } } },
      },
    },
  });
  return rows.map((r) => ({
    year: r.year,
    quarter: r.quarter,
    comment: r.events[0]?.comment ?? null,
    action: r.events[0]?.action ?? "RETURN",
    at: r.events[0]?.at.toISOString() ?? null,
    by: r.events[0]?.actor?.fullName ?? null,
  }));
}
