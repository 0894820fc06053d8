import { fileRoute } from "@/lib/api/route.server";
import { figuresTemplate } from "@/lib/imports/service";
import { figuresTemplateCsv } from "@/lib/imports/workbook";

type Params = { code: string };

// GET /api/v1/units/{code}/figures/template.csv?year=Y&quarter=Q: the template as CSV (UTF-8 with BOM, ";").
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const q = new URL(req.url).searchParams;
  const t = await figuresTemplate(prisma, actor, { unitCode: params.code, year: q.get("year"), quarter: q.get("quarter"), kind: q.get("kind") });
  const base = `so-lieu-${params.code}-q${t.quarter}-${t.year}${t.kind === "estimate" ? "-uoc" : ""}`;
  return {
    body: Buffer.from(figuresTemplateCsv(t), "utf8"),
    contentType: "text/csv; charset=utf-8",
    ascii: `${base}.csv`,
    utf8: `Số liệu ${t.unitName} quý ${t.quarter}-${t.year}.csv`,
  };
});
