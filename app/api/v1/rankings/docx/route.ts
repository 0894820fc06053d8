import { json } from "@/lib/api/route.server";
import { rankingsFromUrl } from "@/lib/api/rankings.server";
import { currentUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { rankingsReport, reportMetaFor } from "@/lib/reports/docx";
import { contentDisposition, exportFileName, exportFileNameVi } from "@/lib/reports/sentences";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// GET /api/v1/rankings/docx?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// The rankings as a Word report in the Decree 30/2020/NĐ-CP layout: issued by the province's UBND
// ("UBND THÀNH PHỐ HẢI PHÒNG", signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") or, for VN, by BHXH Việt Nam
// (signed "GIÁM ĐỐC"). The same session, scope and validation as the JSON API.
export async function GET(req: Request): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) return json({ error: MSG.unauthenticated, issues: [] }, 401);
    const data = await rankingsFromUrl(await prisma(), user, new URL(req.url));
    const body = await rankingsReport(data, reportMetaFor(data.parent));
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": DOCX,
        "content-disposition": contentDisposition(exportFileName(data, "docx"), exportFileNameVi(data, "docx")),
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
