import { apiRoute } from "@/lib/api/route.server";
import { kindFromQuery, periodFromQuery } from "@/lib/api/query";
import { indicatorsView } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";

// GET /api/v1/units/{code}/indicators?year=Y&quarter=Q[&kind=estimate]
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  const url = new URL(req.url);
  return indicatorsView(prisma, unit, periodFromQuery(url), kindFromQuery(url));
});
