import { rankingsDownload } from "@/lib/api/rankings.server";
import { rankingsWorkbook } from "@/lib/reports/xlsx";

// GET /api/v1/rankings/xlsx?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// The rankings as an Excel workbook (sheets "Xếp hạng", "Số liệu", "Ghi chú"). The same session,
// scope and validation as the JSON API: 401 without a session, 403/404 for a unit out of scope or
// unknown, 422 for a malformed query; errors are JSON { error, issues }.
export const GET = rankingsDownload("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", async (data, db) => {
  // The documents the targets come from, for the notes sheet.
  const sources = await db.target.findMany({
    where: {
      year: data.year,
      source: { not: null },
      unit: { validTo: null, OR: [{ code: data.parent.code }, { parent: { code: data.parent.code, validTo: null } }] },
    },
    distinct: ["source"],
    select: { source: true },
    orderBy: { source: "asc" },
    take: 20,
  });
  return rankingsWorkbook(data, { targetSources: sources.map((s) => s.source!).filter(Boolean) });
});
