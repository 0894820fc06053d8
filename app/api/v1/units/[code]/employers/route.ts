import { apiRoute } from "@/lib/api/route.server";
import { employerRegister } from "@/lib/employers/service";

type Params = { code: string };

// GET /api/v1/units/{code}/employers?lateMonths=3&year=&month= (a province; its staff and leaders, national
// accounts): the employers lateMonths+ months late as at that month end (default: the latest with data),
// the trend of their count and amount over the year before, the month ends with data and the publications.
export const GET = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  const q = new URL(req.url).searchParams;
  return employerRegister(prisma, actor, params.code, { lateMonths: q.get("lateMonths"), year: q.get("year"), month: q.get("month") });
});
