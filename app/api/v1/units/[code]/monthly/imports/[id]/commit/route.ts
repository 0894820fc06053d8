import { apiRoute } from "@/lib/api/route.server";
import { scopeUnit } from "@/lib/auth/scope";
import { readCommitBody } from "@/lib/imports/service";
import { commitMonthlyImport } from "@/lib/monthly/import";

type Params = { code: string; id: string };

// POST /api/v1/units/{code}/monthly/imports/{id}/commit {}: saves every changed month of a checked file in
// one transaction — all or none — and answers { saved, months, figures }. 409 if a month changed since the
// preview; 404 for an unknown, expired or someone else's import. Scope is checked before the body is read.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  await scopeUnit(prisma, actor, params.code, "figures.monthly");
  return commitMonthlyImport(prisma, actor, { unitCode: params.code, id: params.id, body: await readCommitBody(req) });
});
