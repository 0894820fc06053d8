import { apiRoute, readJson } from "@/lib/api/route.server";
import { publishLatePayers } from "@/lib/employers/service";

type Params = { code: string };

// POST /api/v1/units/{code}/employers/publications { year, month, minMonthsLate (default 3), version (0: first) }:
// publishes the month's list of employers minMonthsLate+ months late (city staff). The public page
// /public/late-payers/{code} and its CSV then serve the latest month published.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  return publishLatePayers(prisma, actor, params.code, await readJson(req));
});
