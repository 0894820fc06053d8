// What every /units/{code}/… page starts with: the signed-in user (or a redirect to sign in that
// comes back), the unit of the URL (404 for a malformed or unknown code, 403 outside the user's
// scope), and the period of ?year=&quarter= (the last ended quarter by default).
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requireUser, type SessionUser } from "../auth/session.server";
import { canViewUnit } from "../auth/roles";
import { currentPeriod, isPeriodEnded, lastEndedPeriod, MIN_YEAR, type Period } from "../domain/period";
import type { UnitRef } from "../figures/service";
import { findUnitByCode, unitCodeSchema, type UnitRow } from "./units.server";

export type SearchParams = Record<string, string | string[] | undefined>;

export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The unit named by a URL segment, or null when the code is malformed or unknown. */
export async function unitFromSegment(rawCode: string): Promise<UnitRow | null> {
  let code = "";
  try {
    code = decodeURIComponent(rawCode).trim();
  } catch {
    return null;
  }
  return unitCodeSchema.safeParse(code).success ? findUnitByCode(code) : null;
}

export function toUnitRef(u: UnitRow): UnitRef {
  return { id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId, tenantId: u.tenantId };
}

export async function unitPage(
  rawCode: string,
  subPath = "",
  opts: { levels?: readonly UnitRow["level"][]; allow?: (user: SessionUser, unit: UnitRow) => boolean } = {},
): Promise<{ user: SessionUser; unit: UnitRow; ref: UnitRef }> {
  const user = await requireUser(`/units/${rawCode}${subPath}`);
  const unit = await unitFromSegment(rawCode);
  if (!unit) notFound();
  if (!canViewUnit(user, unit) || (opts.allow && !opts.allow(user, unit))) forbidden();
  if (opts.levels && !opts.levels.includes(unit.level)) notFound();
  return { user, unit, ref: toUnitRef(unit) };
}

/**
 * ?year=&quarter= within 2015..this year; the last ended quarter by default (Q4 for a past year).
 * A quarter that has not ended is never shown, judged or ranked: it falls back to the last ended one.
 */
export function periodFromSearch(sp: SearchParams, now: Date = new Date()): Period {
  const def = lastEndedPeriod(now);
  const y = Number(firstParam(sp.year));
  const q = Number(firstParam(sp.quarter));
  const year = Number.isInteger(y) && y >= MIN_YEAR && y <= currentPeriod(now).year ? y : def.year;
  const quarter = Number.isInteger(q) && q >= 1 && q <= 4 ? q : year === def.year ? def.quarter : 4;
  return isPeriodEnded({ year, quarter }, now) ? { year, quarter } : def;
}

/** The period the URL asked for, when periodFromSearch had to show another one (not ended, out of range). */
export function periodReplaced(sp: SearchParams, shown: Period): Period | null {
  const y = Number(firstParam(sp.year));
  const q = Number(firstParam(sp.quarter));
  if (!Number.isInteger(y) || !Number.isInteger(q)) return null;
  return y === shown.year && q === shown.quarter ? null : { year: y, quarter: q };
}

/** The years offered by period pickers: 2024 (the demo's first) to this year. */
export function pickerYears(now: Date = new Date()): number[] {
  return Array.from({ length: currentPeriod(now).year - 2024 + 1 }, (_, i) => 2024 + i);
}
