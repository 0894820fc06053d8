import "server-only";
import { readPrisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import type { Period } from "../domain/period";
import { reportOfPeriod, reportSettingsView } from "../reports/unit-report";

export async function reportDocumentOf(user: SessionUser, unitCode: string, p: Period, version: number | null) {
  return reportOfPeriod(await readPrisma(), user, unitCode, p.year, p.quarter, { version });
}

export async function reportSettingsOf(user: SessionUser, unitCode: string) {
  return reportSettingsView(await readPrisma(), user, unitCode);
}
