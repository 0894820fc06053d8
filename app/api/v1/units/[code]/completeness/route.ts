import { apiRoute } from "@/lib/api/route.server";
import { periodFromQuery } from "@/lib/api/query";
import { scopeUnit } from "@/lib/auth/scope";
import { completeness } from "@/lib/completeness/service";

// GET /api/v1/units/{code}/completeness?year=Y&quarter=Q: who has reported the quarter and who
// has not. A city: every commune with its report's state, timeliness against the city's deadline,
// officers, and the communes to chase; the nation ("VN"): the same counted per province.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  const now = new Date();
  const p = periodFromQuery(new URL(req.url), now);
  return completeness(prisma, actor, unit, p.year, p.quarter, now);
});
