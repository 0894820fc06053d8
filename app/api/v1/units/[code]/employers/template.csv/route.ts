import { fileRoute } from "@/lib/api/route.server";
import { employersTemplate, employersTemplateCsvOf } from "@/lib/employers/service";

type Params = { code: string };

// GET /api/v1/units/{code}/employers/template.csv?year=&month=: the same file as CSV (UTF-8 with BOM, ";").
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const q = new URL(req.url).searchParams;
  const t = await employersTemplate(prisma, actor, params.code, { year: q.get("year"), month: q.get("month") });
  const mm = String(t.month.month).padStart(2, "0");
  return {
    body: Buffer.from(employersTemplateCsvOf(t), "utf8"),
    contentType: "text/csv; charset=utf-8",
    ascii: `don-vi-cham-dong-${params.code}-${t.month.year}-${mm}.csv`,
    utf8: `Đơn vị chậm đóng ${t.provinceName} ${mm}-${t.month.year}.csv`,
  };
});
