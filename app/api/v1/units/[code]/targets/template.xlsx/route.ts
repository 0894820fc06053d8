import { fileRoute } from "@/lib/api/route.server";
import { targetsTemplate, targetsTemplateXlsx } from "@/lib/imports/service";

type Params = { code: string };

// GET /api/v1/units/{code}/targets/template.xlsx?year=Y: the year's targets of the unit's children (the
// communes of a city, the villages of a commune), one row each, for an import (kind=targets).
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const t = await targetsTemplate(prisma, actor, { unitCode: params.code, year: new URL(req.url).searchParams.get("year") });
  return {
    body: await targetsTemplateXlsx(t),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ascii: `chi-tieu-${params.code}-${t.year}.xlsx`,
    utf8: `Chỉ tiêu ${t.unitName} năm ${t.year}.xlsx`,
  };
});
