import { rankingsDownload } from "@/lib/api/rankings.server";
import { rankingsWorkbook } from "@/lib/reports/xlsx";
import { targetSources } from "@/lib/targets/sources";

// GET /api/v1/rankings/xlsx?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// The rankings as an Excel workbook (sheets "Xếp hạng", "Số liệu", "Ghi chú"). The same session,
// scope and validation as the JSON API: 401 without a session, 403/404 for a unit out of scope or
// unknown, 422 for a malformed query; errors are JSON { error, issues }.
export const GET = rankingsDownload("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", async (data, db, unit) => {
  // The documents the targets come from, each with the units it covers, for the notes sheet (the year's and 2030's, read at once).
  const [year, y2030] = await Promise.all([targetSources(db, unit, data.year), data.year === 2030 ? [] : targetSources(db, unit, 2030)]);
  return rankingsWorkbook(data, { targetSources: year, targetSources2030: y2030 });
});
