// Writes through the JSON API must say which version they change (no silent lost updates): a PUT or a
// transition on something that exists, without `version`, gets 428 and changes nothing. A version
// that is not a whole number is a 422 (each body's own schema). The browser's forms always send it.
// (Transitions: lib/workflow/service.ts, after the role check.)
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { ServiceError, MSG } from "../figures/errors";
import { isTargetKey } from "../domain/targets";
import { saveBodySchema, type UnitRef } from "../figures/service";

const hasVersion = (body: unknown) => typeof body === "object" && body !== null && "version" in body && (body as { version: unknown }).version !== undefined;

function required(path: string): never {
  throw new ServiceError(428, MSG.versionRequired, [{ path, message: MSG.versionRequired }]);
}

/** A quarter's report that exists must be written with its version (a malformed body keeps its 422). */
export async function requireReportVersion(prisma: PrismaClient, unit: UnitRef, year: unknown, quarter: unknown, body: unknown) {
  if (hasVersion(body) || !saveBodySchema.safeParse(body).success) return;
  const y = Number(year);
  const q = Number(quarter);
  if (!Number.isInteger(y) || !Number.isInteger(q)) return; // the service's own 422
  const kind = typeof body === "object" && body !== null && (body as { kind?: unknown }).kind === "estimate" ? "ESTIMATE" : "ACTUAL";
  const exists = await prisma.quarterReport.findUnique({
    where: { unitId_year_quarter_kind: { unitId: unit.id, year: y, quarter: q, kind } },
    select: { id: true },
  });
  if (exists) required("version");
}

/** Targets that exist must be changed with their versions ({ versions: { key: n } }). */
export async function requireTargetVersions(
  prisma: PrismaClient,
  unit: UnitRef,
  year: number,
  body: { targets: Record<string, unknown>; versions?: Record<string, number> },
) {
  const keys = Object.keys(body.targets).filter((k) => isTargetKey(k) && body.versions?.[k] === undefined);
  if (keys.length === 0) return;
  const existing = await prisma.target.findMany({ where: { unitId: unit.id, year, key: { in: keys } }, select: { key: true } });
  if (existing.length) required(`versions.${existing[0].key}`);
}
