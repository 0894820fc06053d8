import "server-only";
import { readPrisma } from "../db.server";
import { isoText, rawRead } from "../db/connect";
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
  // One statement (through Prisma: the reports, their last events, the events' actors).
  const rows = await rawRead<{ year: number; quarter: number; comment: string | null; action: string | null; at: string | null; by: string | null }>(
    db,
    `SELECT r.year, r.quarter, e.comment, e.action::text AS action,
            ${isoText("e.at")} AS at, a.full_name AS by
     FROM quarter_reports r
     LEFT JOIN LATERAL (
       SELECT e.comment, e.action, e.at, e.actor_id FROM report_events e
       WHERE e.report_id = r.id AND e.action IN ('RETURN', 'REOPEN') ORDER BY e.at DESC, e.id DESC LIMIT 1
     ) e ON true
     LEFT JOIN users a ON a.id = e.actor_id
     WHERE r.unit_id = $1::int AND r.status = 'RETURNED' AND r.kind = 'ACTUAL'
     ORDER BY r.year DESC, r.quarter DESC`,
    [unit.id],
  );
  return rows.map((r) => ({
    year: Number(r.year),
    quarter: Number(r.quarter),
    comment: r.comment,
    action: (r.action ?? "RETURN") as "RETURN" | "REOPEN",
    at: r.at,
    by: r.by,
  }));
}
