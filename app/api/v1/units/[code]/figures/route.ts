import { apiRoute } from "@/lib/api/route.server";
import { yearFromQuery } from "@/lib/api/query";
import { figuresOfYear, unitForActor } from "@/lib/figures/service";

// GET /api/v1/units/{code}/figures?year=Y: each quarter of the year with its status.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await unitForActor(prisma, actor, params.code);
  return figuresOfYear(prisma, unit, yearFromQuery(new URL(req.url)));
});
