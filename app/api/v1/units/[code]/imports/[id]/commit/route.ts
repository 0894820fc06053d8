import { apiRoute } from "@/lib/api/route.server";
import { commitImport, readCommitBody } from "@/lib/imports/service";

type Params = { code: string; id: string };

// POST /api/v1/units/{code}/imports/{id}/commit { confirmWarnings? }: stores every row of a checked
// import in one transaction — all or none — and answers { saved }. 409 if a figure changed since the
// preview; 422 when its warnings are not confirmed (or the body is not a JSON object); 404 for an
// unknown or expired import. Scope is checked before the body is read.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) =>
  commitImport(prisma, actor, { unitCode: params.code, id: params.id, body: await readCommitBody(req) }),
);
