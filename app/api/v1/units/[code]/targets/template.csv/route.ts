import { fileRoute } from "@/lib/api/route.server";
import { targetsTemplate, targetsTemplateCsv } from "@/lib/imports/service";

type Params = { code: string };

// GET /api/v1/units/{code}/targets/template.csv?year=Y: the targets template as CSV (UTF-8 with BOM, ";").
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const t = await targetsTemplate(prisma, actor, { unitCode: params.code, year: new URL(req.url).searchParams.get("year") });
  return {
    body: Buffer.from(targetsTemplateCsv(t), "utf8"),
    contentType: "text/csv; charset=utf-8",
    ascii: `chi-tieu-${params.code}-${t.year}.csv`,
    utf8: `Chỉ tiêu ${t.unitName} năm ${t.year}.csv`,
  };
});
