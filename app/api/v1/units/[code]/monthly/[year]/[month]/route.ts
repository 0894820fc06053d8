import { apiRoute, readJson } from "@/lib/api/route.server";
import { saveMonthlyFigures } from "@/lib/monthly/service";

// PUT /api/v1/units/{code}/monthly/{year}/{month} { figures: { bhxhCompulsory, bhxhVoluntary, bhtn, bhyt, amountDue, amountCollected, latePayments }, version }
// City staff only ("figures.monthly"); a month that has not ended: 422; a stale version: 409.
export const PUT = apiRoute<{ code: string; year: string; month: string }>(async ({ req, params, actor, prisma }) => {
  return saveMonthlyFigures(prisma, actor, params.code, params.year, params.month, await readJson(req));
});
