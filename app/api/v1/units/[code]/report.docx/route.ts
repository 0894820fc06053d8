import { currentUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { json } from "@/lib/api/route.server";
import { ServiceError, MSG } from "@/lib/figures/errors";
import { contentDisposition } from "@/lib/reports/sentences";
import { renderReportDocument } from "@/lib/reports/docx";
import { reportFileNames, reportOfPeriod } from "@/lib/reports/unit-report";

// GET /api/v1/units/{code}/report.docx?year=Y&quarter=Q[&version=N]: the unit's report for the
// period as a Word file (Decree 30/2020 layout): the latest saved version, or version N, or (never
// saved) the draft computed from today's figures. Any user whose scope covers the unit.
export async function GET(req: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) return json({ error: MSG.unauthenticated, issues: [] }, 401);
    const { code } = await context.params;
    const url = new URL(req.url);
    const v = url.searchParams.get("version");
    if (v !== null && !/^[1-9]\d{0,5}$/.test(v)) throw new ServiceError(422, MSG.invalid, [{ path: "version", message: "version là số phiên bản đã lưu (1, 2, …)." }]);
    const view = await reportOfPeriod(await prisma(), user, code, url.searchParams.get("year") ?? undefined, url.searchParams.get("quarter") ?? undefined, { version: v ? Number(v) : null });
    const body = await renderReportDocument(view.document);
    const names = reportFileNames(view.document, view.version);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": contentDisposition(names.ascii, names.utf8),
        "content-length": String(body.length),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof ServiceError) return json(e.toJSON(), e.status);
    console.error("[api]", req.method, new URL(req.url).pathname, e);
    return json({ error: "Lỗi hệ thống, vui lòng thử lại sau.", issues: [] }, 500);
  }
}
