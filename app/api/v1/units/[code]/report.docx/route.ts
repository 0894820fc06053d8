import { DOCX_TYPE, fileRoute } from "@/lib/api/route.server";
import { ServiceError, MSG } from "@/lib/figures/errors";
import { renderReportDocument } from "@/lib/reports/docx";
import { reportFileNames, reportOfPeriod } from "@/lib/reports/unit-report";

// GET /api/v1/units/{code}/report.docx?year=Y&quarter=Q[&version=N]: the unit's report for the
// period as a Word file (Decree 30/2020 layout): the latest saved version, or version N, or (never
// saved) the draft computed from today's figures. Any user whose scope covers the unit.
export const GET = fileRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const url = new URL(req.url);
  const v = url.searchParams.get("version");
  if (v !== null && !/^[1-9]\d{0,5}$/.test(v))
    throw new ServiceError(422, MSG.invalid, [{ path: "version", message: "version là số phiên bản đã lưu (1, 2, …)." }]);
  const view = await reportOfPeriod(prisma, actor, params.code, url.searchParams.get("year") ?? undefined, url.searchParams.get("quarter") ?? undefined, {
    version: v ? Number(v) : null,
  });
  const names = reportFileNames(view.document, view.version);
  return { body: await renderReportDocument(view.document), contentType: DOCX_TYPE, ...names };
});
