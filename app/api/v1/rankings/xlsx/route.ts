import { json } from "@/lib/api/route.server";
import { rankingsFromUrl } from "@/lib/api/rankings.server";
import { currentUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { rankingsWorkbook } from "@/lib/reports/xlsx";
import { contentDisposition, exportFileName, exportFileNameVi } from "@/lib/reports/sentences";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// GET /api/v1/rankings/xlsx?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// The rankings as an Excel workbook (sheets "Xếp hạng", "Số liệu", "Ghi chú"). The same session,
// scope and validation as the JSON API: 401 without a session, 403/404 for a unit out of scope or
// unknown, 422 for a malformed query; errors are JSON { error, issues }.
export async function GET(req: Request): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) return json({ error: MSG.unauthenticated, issues: [] }, 401);
    const db = await prisma();
    const data = await rankingsFromUrl(db, user, new URL(req.url));
    const sources = await db.target.findMany({
      where: {
        year: data.year,
        source: { not: null },
        unit: { validTo: null, OR: [{ code: data.parent.code }, { parent: { code: data.parent.code, validTo: null } }] },
      },
      distinct: ["source"],
      select: { source: true },
      orderBy: { source: "asc" },
      take: 20,
    });
    const body = await rankingsWorkbook(data, { targetSources: sources.map((s) => s.source!).filter(Boolean) });
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": XLSX,
        "content-disposition": contentDisposition(exportFileName(data, "xlsx"), exportFileNameVi(data, "xlsx")),
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
