import { apiRoute, readJson } from "@/lib/api/route.server";
import { transition } from "@/lib/workflow/service";

type Params = { code: string; year: string; quarter: string; action: string };

// POST /api/v1/units/{code}/figures/{year}/{quarter}/submit|approve|return|reopen
// Body: { comment?, kind?: "actual" | "estimate", version } (428 without version). A return needs a comment,
// a reopen a reason; each transition only from its states and by its role (409/403 otherwise).
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0" || req.headers.get("transfer-encoding") !== null;
  const body = hasBody ? await readJson(req) : undefined;
  // Scope and role first (403/404), then the version the transition acts on (428 without it).
  return transition(prisma, actor, { unitCode: params.code, year: params.year, quarter: params.quarter, action: params.action, body, requireVersion: true });
});
