// What every /units/{code}/… page starts with: the signed-in user (or a redirect to sign in that
// comes back), the unit of the URL (404 for a malformed or unknown code, 403 outside the user's
// scope), and the period of ?year=&quarter= (the last ended quarter by default).
import "server-only";
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { requireUser, type SessionUser } from "../auth/session.server";
import { can, type Permission } from "../auth/permissions";
import { scopeUnit, type ScopedUnit } from "../auth/scope";
import { ServiceError } from "../figures/errors";
import { prisma } from "../db.server";
import type { UnitLevel } from "../generated/prisma/enums";
import { currentPeriod, isPeriodEnded, lastEndedPeriod, MIN_YEAR, type Period } from "../domain/period";

export type SearchParams = Record<string, string | string[] | undefined>;

export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The code of a URL segment, or "" when it cannot be decoded. */
function segmentCode(rawCode: string): string {
  try {
    return decodeURIComponent(rawCode).trim();
  } catch {
    return "";
  }
}

/**
 * The unit of a URL segment through the scope gate, for this user and permission, or null when the
 * code is malformed or unknown or the user may not see it (nothing about it is told then).
 */
export async function unitForPage(user: SessionUser | null, rawCode: string, permission: Permission = "unit.view"): Promise<ScopedUnit | null> {
  if (!user) return null;
  if (permission === "unit.view") {
    // The page's own gate, asked once per request (a page's title and its body both need it).
    const gate = await gateOnce(user, rawCode);
    return typeof gate === "number" ? null : gate;
  }
  try {
    return await scopeUnit(await prisma(), user, segmentCode(rawCode), permission);
  } catch (e) {
    if (e instanceof ServiceError) return null;
    throw e;
  }
}

/** The gate's answer for this request (a page and its layout both ask; React's cache asks the database once). */
const gateOnce = cache(async (user: SessionUser, rawCode: string): Promise<ScopedUnit | 403 | 404> => {
  try {
    return await scopeUnit(await prisma(), user, segmentCode(rawCode));
  } catch (e) {
    if (e instanceof ServiceError && (e.status === 404 || e.status === 403)) return e.status;
    throw e;
  }
});

/**
 * What every /units/{code}/… page starts with: the user (or sign-in), then the scope gate — 404 for
 * a malformed or unknown code, 403 outside the user's scope or without the page's permission, 404 for
 * a level the page does not exist for.
 */
export async function unitPage(
  rawCode: string,
  subPath = "",
  opts: { levels?: readonly UnitLevel[]; permission?: Permission } = {},
): Promise<{ user: SessionUser; unit: ScopedUnit; ref: ScopedUnit }> {
  const user = await requireUser(`/units/${rawCode}${subPath}`);
  const gate = await gateOnce(user, rawCode);
  if (gate === 404) notFound();
  if (gate === 403) forbidden();
  const unit = gate;
  if (opts.permission && !can(user, opts.permission)) forbidden(); // the role never may
  if (opts.levels && !opts.levels.includes(unit.level)) notFound();
  if (opts.permission && !can(user, opts.permission, unit)) forbidden();
  return { user, unit, ref: unit };
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
