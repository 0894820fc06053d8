import { apiRoute, readJson } from "@/lib/api/route.server";
import { readScenario, saveScenario } from "@/lib/monthly/service";

// GET /api/v1/units/{code}/scenario?year=Y: the unit's monthly scenario for the year
// { months: { "1": { key: value }, …, "12": { … } }, version, saved, targets, defaults, editable } (the defaults when none is saved).
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  return readScenario(prisma, actor, params.code, new URL(req.url).searchParams.get("year") ?? undefined);
});

// PUT /api/v1/units/{code}/scenario?year=Y { months, version }: saves the whole scenario (December = the year's target; stale version: 409).
export const PUT = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  return saveScenario(prisma, actor, params.code, new URL(req.url).searchParams.get("year") ?? undefined, await readJson(req));
});
