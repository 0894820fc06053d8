import { apiRoute } from "@/lib/api/route.server";
import { periodFromQuery } from "@/lib/api/query";
import { scopeUnit } from "@/lib/auth/scope";
import { dashboard } from "@/lib/dashboard/service";

// GET /api/v1/units/{code}/dashboard?year=Y&quarter=Q: one row per commune of a city (or per
// province of the nation), with the parent's totals.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  const p = periodFromQuery(new URL(req.url));
  return dashboard(prisma, unit, p.year, p.quarter);
});
