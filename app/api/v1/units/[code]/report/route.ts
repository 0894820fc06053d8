import { apiRoute, readJson } from "@/lib/api/route.server";
import { reportOfPeriod, saveReportTexts } from "@/lib/reports/unit-report";

// GET /api/v1/units/{code}/report?year=Y&quarter=Q[&version=N]: the report as a document model
// (settings, parts; the editable ones marked), its saved versions, and whether figures changed since.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const url = new URL(req.url);
  const v = url.searchParams.get("version");
  return reportOfPeriod(prisma, actor, params.code, url.searchParams.get("year") ?? undefined, url.searchParams.get("quarter") ?? undefined, {
    version: v && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : null,
  });
});

// PUT /api/v1/units/{code}/report?year=Y&quarter=Q { opening, parts: { shortcomings, tasks, proposals } }: a new version.
export const PUT = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const url = new URL(req.url);
  return saveReportTexts(
    prisma,
    actor,
    params.code,
    url.searchParams.get("year") ?? undefined,
    url.searchParams.get("quarter") ?? undefined,
    await readJson(req),
  );
});
