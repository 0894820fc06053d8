import { apiRoute } from "@/lib/api/route.server";
import { rankingsFromUrl } from "@/lib/api/rankings.server";

// GET /api/v1/rankings?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// → { items: [{ rank, unit: { code, name }, value, target, attainment, status, ... }], unranked: [...], ... }
export const GET = apiRoute<Record<string, never>>(async ({ req, actor, prisma }) => {
  const data = await rankingsFromUrl(prisma, actor, new URL(req.url));
  const { rows: _rows, parentRow: _p, parentRowLastYear: _q, ...rest } = data;
  void _rows;
  void _p;
  void _q;
  return rest;
});
