import { apiRoute, readJson } from "@/lib/api/route.server";
import { milestoneGrid, saveMilestones } from "@/lib/targets/milestones";

// GET /api/v1/units/{code}/milestones?year=Y: each target's milestone per quarter (default, override, version).
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  return milestoneGrid(prisma, actor, params.code, new URL(req.url).searchParams.get("year") ?? undefined);
});

// PUT /api/v1/units/{code}/milestones { year, entries: [{ key, quarter (1–3), value | null, version }] }
export const PUT = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  return saveMilestones(prisma, actor, params.code, await readJson(req));
});
