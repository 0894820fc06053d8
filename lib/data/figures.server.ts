// Page-side data functions for figures (the JSON API calls the same service functions).
import "server-only";
import { prisma, readPrisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import { figuresOfYear, indicatorsView, readReport, readTargets, type ScopedUnit } from "../figures/service";
import { scopeUnit } from "../auth/scope";
import { trendSeries } from "../figures/trend";
import { targets2030, yearlyHistory } from "../figures/path";
import type { Period } from "../domain/period";

export async function unitFor(user: SessionUser, code: string): Promise<ScopedUnit> {
  return scopeUnit(await prisma(), user, code);
}

export async function dashboardOf(unit: ScopedUnit, p: Period, kind: "actual" | "estimate" = "actual") {
  return indicatorsView(await readPrisma(), unit, p, kind);
}

export async function trendOf(unit: ScopedUnit, fromYear: number, to: Period) {
  return trendSeries(await readPrisma(), unit, fromYear, to);
}

export async function yearReportsOf(unit: ScopedUnit, year: number) {
  return figuresOfYear(await readPrisma(), unit, year);
}

export async function reportOf(unit: ScopedUnit, p: Period, kind: "actual" | "estimate") {
  return readReport(await readPrisma(), unit.id, p, kind);
}

export async function targetsOf(unit: ScopedUnit, year: number) {
  return readTargets(await readPrisma(), unit.id, year);
}

export async function pathDataOf(unit: ScopedUnit, to: Period) {
  const db = await readPrisma();
  const [history, targets] = await Promise.all([yearlyHistory(db, unit, to), targets2030(db, unit.id)]);
  return { history, targets };
}
