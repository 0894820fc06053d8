import { apiRoute } from "@/lib/api/route.server";
import { yearFromQuery } from "@/lib/api/query";
import { figuresOfYear } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";

// GET /api/v1/units/{code}/figures?year=Y: each quarter of the year with its status.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  return figuresOfYear(prisma, unit, yearFromQuery(new URL(req.url)));
});
