import { apiRoute } from "@/lib/api/route.server";
import { readMonthlyFigures } from "@/lib/monthly/service";

// GET /api/v1/units/{code}/monthly?year=Y: the unit's figures of each month of the year (with version, and whether the month has ended).
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  return readMonthlyFigures(prisma, actor, params.code, new URL(req.url).searchParams.get("year") ?? undefined);
});
