import { apiRoute } from "@/lib/api/route.server";
import { commitImport, pendingImportUnit, readCommitBody } from "@/lib/imports/service";

// POST /api/v1/imports/{id}/commit { confirmWarnings?, submit? }: the same commit as
// /api/v1/units/{code}/imports/{id}/commit, for a client that kept only the import's id. The import
// must be the caller's own (404 otherwise); its unit then goes through the same scope gate.
export const POST = apiRoute<{ id: string }>(async ({ req, params, actor, prisma }) => {
  const unitCode = await pendingImportUnit(prisma, actor, params.id);
  return commitImport(prisma, actor, { unitCode, id: params.id, body: await readCommitBody(req) });
});
