import { apiRoute, readJson } from "@/lib/api/route.server";
import { ServiceError, MSG } from "@/lib/figures/errors";
import { assertCan, scopeUnit } from "@/lib/auth/scope";
import { entriesForUnit, putTargetsBodySchema, saveTargets, targetGrid, yearSchema } from "@/lib/targets/service";
import { requireTargetVersions } from "@/lib/api/versions.server";

function yearOf(req: Request): number {
  const url = new URL(req.url);
  const r = yearSchema.safeParse(url.searchParams.get("year") ?? undefined);
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: "year", message: i.message })),
    );
  return r.data;
}

// GET /api/v1/units/{code}/targets?year=Y: the unit's targets, its children's, their sums and gaps.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  return targetGrid(prisma, actor, unit, yearOf(req));
});

// PUT /api/v1/units/{code}/targets?year=Y { targets: { key: value | null }, source?, versions? }
export const PUT = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  const year = yearOf(req);
  assertCan(actor, "targets.set", unit, { year });
  const body = putTargetsBodySchema.safeParse(await readJson(req));
  if (!body.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  await requireTargetVersions(prisma, unit, year, body.data);
  const entries = entriesForUnit(unit.code, body.data);
  let result;
  try {
    result = await saveTargets(prisma, actor, { year, source: body.data.source, entries });
  } catch (e) {
    // The service numbers entries; this API's body is keyed by target: say which key.
    if (e instanceof ServiceError) {
      const issues = e.issues.map((i) => ({ ...i, path: i.path.replace(/^entries\.(\d+)(\.value)?/, (_m, n) => `targets.${entries[Number(n)]?.key ?? n}`) }));
      throw new ServiceError(e.status, e.message, issues, e.extra);
    }
    throw e;
  }
  return { ...result, ...(await targetGrid(prisma, actor, unit, year)) };
});
