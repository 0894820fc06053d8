import { fileRoute } from "@/lib/api/route.server";
import { monthlyTemplate, monthlyTemplateCsv } from "@/lib/monthly/import";

type Params = { code: string };

// GET /api/v1/units/{code}/monthly/template.csv?year=Y: the same file as CSV (UTF-8 with BOM, ";").
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const t = await monthlyTemplate(prisma, actor, params.code, new URL(req.url).searchParams.get("year") ?? undefined);
  return {
    body: Buffer.from(monthlyTemplateCsv(t), "utf8"),
    contentType: "text/csv; charset=utf-8",
    ascii: `so-lieu-thang-${t.unitCode}-${t.year}.csv`,
    utf8: `Số liệu theo tháng ${t.unitName} ${t.year}.csv`,
  };
});
