// The employers pages (issue 15): the register of a province for a signed-in user (through the
// service's scope gate), and the public page's latest published list.
import "server-only";
import { readPrisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import type { ScopedUnit } from "../auth/scope";
import { ServiceError } from "../figures/errors";
import { employerRegister, registerCommunes, type EmployerRegister } from "../employers/service";
import { publishedLatePayers } from "../employers/public";

/**
 * The register as the URL asks (?month=YYYY-MM&lateMonths=N); a month or threshold the service
 * refuses (malformed, not ended) falls back to the defaults, with `replaced` saying so.
 */
export async function employerRegisterOf(
  user: SessionUser,
  unit: ScopedUnit,
  query: { month?: string; lateMonths?: string },
): Promise<{ register: EmployerRegister; replaced: boolean }> {
  const db = await readPrisma();
  const m = /^(\d{4})-(\d{1,2})$/.exec(query.month ?? "");
  const asked = { lateMonths: query.lateMonths, year: m ? m[1] : query.month ? "x" : undefined, month: m ? m[2] : query.month ? "x" : undefined };
  try {
    return { register: await employerRegister(db, user, unit.code, asked), replaced: false };
  } catch (e) {
    if (!(e instanceof ServiceError && e.status === 422)) throw e;
    return { register: await employerRegister(db, user, unit.code, {}), replaced: true };
  }
}

/** The communes of a province in force, for the entry form's choice (city staff). */
export async function provinceCommunes(user: SessionUser, unit: ScopedUnit): Promise<{ code: string; name: string }[]> {
  return registerCommunes(await readPrisma(), user, unit.code);
}

export async function latePayersOf(provinceCode: string) {
  return publishedLatePayers(await readPrisma(), provinceCode);
}
