import { fileRoute } from "@/lib/api/route.server";
import { monthlyTemplate, monthlyTemplateXlsx } from "@/lib/monthly/import";

type Params = { code: string };

// GET /api/v1/units/{code}/monthly/template.xlsx?year=Y: the unit's monthly figures of the year, one month a
// row (Tháng, Kỳ, then the monthly form's seven fields), the stored values filled in — for an import.
// City staff only ("figures.monthly").
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const t = await monthlyTemplate(prisma, actor, params.code, new URL(req.url).searchParams.get("year") ?? undefined);
  return {
    body: await monthlyTemplateXlsx(t),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ascii: `so-lieu-thang-${t.unitCode}-${t.year}.xlsx`,
    utf8: `Số liệu theo tháng ${t.unitName} ${t.year}.xlsx`,
  };
});
