import { apiRoute } from "@/lib/api/route.server";
import { periodFromQuery } from "@/lib/api/query";
import { scopeUnit } from "@/lib/auth/scope";
import { quality } from "@/lib/quality/service";

// GET /api/v1/units/{code}/quality?year=Y&quarter=Q: a city's figures of the quarter that are far
// from the commune's own previous quarters or from the other communes of the province (modified
// z-score, |z| ≥ 3.5), largest first; only submitted or approved reports. City staff and city
// leaders of the province, and the administrator.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  const p = periodFromQuery(new URL(req.url));
  return quality(prisma, actor, unit, p.year, p.quarter);
});
