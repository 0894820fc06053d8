import { fileRoute } from "@/lib/api/route.server";
import { figuresTemplate } from "@/lib/imports/service";
import { figuresTemplateXlsx } from "@/lib/imports/workbook";

type Params = { code: string };

// GET /api/v1/units/{code}/figures/template.xlsx?year=Y&quarter=Q[&kind=estimate]: one row per commune
// of the unit (a city's communes, or the commune itself) with the stored figures, for an import.
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const q = new URL(req.url).searchParams;
  const t = await figuresTemplate(prisma, actor, { unitCode: params.code, year: q.get("year"), quarter: q.get("quarter"), kind: q.get("kind") });
  const base = `so-lieu-${params.code}-q${t.quarter}-${t.year}${t.kind === "estimate" ? "-uoc" : ""}`;
  return {
    body: await figuresTemplateXlsx(t),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ascii: `${base}.xlsx`,
    utf8: `Số liệu ${t.unitName} quý ${t.quarter}-${t.year}.xlsx`,
  };
});
