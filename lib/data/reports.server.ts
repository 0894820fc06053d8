import "server-only";
import { prisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import type { Period } from "../domain/period";
import { reportOfPeriod, reportSettingsView } from "../reports/unit-report";

export async function reportDocumentOf(user: SessionUser, unitCode: string, p: Period, version: number | null) {
  return reportOfPeriod(await prisma(), user, unitCode, p.year, p.quarter, { version });
}

export async function reportSettingsOf(user: SessionUser, unitCode: string) {
  return reportSettingsView(await prisma(), user, unitCode);
}
