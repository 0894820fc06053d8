import { apiRoute } from "@/lib/api/route.server";
import { scopeUnit } from "@/lib/auth/scope";
import { stageFiguresImport, stageTargetsImport } from "@/lib/imports/service";
import { readUploadForm } from "@/lib/imports/upload.server";

type Params = { code: string };

// POST /api/v1/units/{code}/imports (multipart/form-data: file, year, quarter, kind?): checks a figures
// file (kind actual, the default, or estimate) — or a year's targets of the unit's children (kind=targets) —
// file row by row and answers the preview { id, rows, changes, unchanged, warnings, skipped } — or
// 422 { error, errors: [{ row, column, unitCode, unitName, message }] }. Nothing is stored but the
// pending import, which POST …/imports/{id}/commit saves.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  await scopeUnit(prisma, actor, params.code, "figures.import");
  const upload = await readUploadForm(req);
  if (upload.fields.kind === "targets")
    return stageTargetsImport(prisma, actor, { unitCode: params.code, year: upload.fields.year, fileName: upload.fileName, bytes: upload.bytes });
  return stageFiguresImport(prisma, actor, {
    unitCode: params.code,
    year: upload.fields.year,
    quarter: upload.fields.quarter,
    kind: upload.fields.kind,
    fileName: upload.fileName,
    bytes: upload.bytes,
  });
});
