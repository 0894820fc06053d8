import { apiRoute, readJson } from "@/lib/api/route.server";
import { reportSettingsView, saveReportSettings } from "@/lib/reports/unit-report";

// GET /api/v1/units/{code}/report-settings: how the unit's reports are issued (Decree 30 defaults until saved).
export const GET = apiRoute<{ code: string }>(async ({ params, actor, prisma }) => reportSettingsView(prisma, actor, params.code));

// PUT /api/v1/units/{code}/report-settings { settings, version }: the unit's own staff only; audited.
export const PUT = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => saveReportSettings(prisma, actor, params.code, await readJson(req)));
