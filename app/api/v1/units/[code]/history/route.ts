import { apiRoute } from "@/lib/api/route.server";
import { queryObject, unitHistory } from "@/lib/audit/queries";

// GET /api/v1/units/{code}/history?entity=&field=&year=&quarter=&from=&to=&page=&size=
// The unit's audit trail (a commune's with its villages'), newest first, `size` ≤ 100 per page.
// Read-only on purpose: the audit trail is append-only (the database refuses UPDATE, DELETE and
// TRUNCATE), so this route has no PUT, PATCH, POST or DELETE.
export const GET = apiRoute<{ code: string }>(async ({ req, params, actor, prisma }) =>
  unitHistory(prisma, actor, params.code, queryObject(new URL(req.url).searchParams)),
);
