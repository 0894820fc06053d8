import { apiRoute } from "@/lib/api/route.server";
import { scopeUnit } from "@/lib/auth/scope";
import { stageFiguresImport, stageTargetsImport } from "@/lib/imports/service";
import { readUploadForm } from "@/lib/imports/upload.server";
import { localizePreview, requestLocale } from "@/lib/i18n/server-messages";

type Params = { code: string };

// POST /api/v1/units/{code}/imports (multipart/form-data: file, year, quarter, kind?): checks a figures
// file (kind actual, the default, or estimate) — or a year's targets of the unit's children (kind=targets) —
// file row by row and answers the preview { id, rows, changes, unchanged, warnings, skipped } — or
// 422 { error, errors: [{ row, column, unitCode, unitName, message }] }. Nothing is stored but the
// pending import, which POST …/imports/{id}/commit saves.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  await scopeUnit(prisma, actor, params.code, "figures.import");
  const upload = await readUploadForm(req);
  // The preview's labels, warnings and reasons in the reader's language.
  const locale = requestLocale(req.headers);
  if (upload.fields.kind === "targets")
    return localizePreview(
      await stageTargetsImport(prisma, actor, { unitCode: params.code, year: upload.fields.year, fileName: upload.fileName, bytes: upload.bytes }),
      locale,
    );
  const preview = await stageFiguresImport(prisma, actor, {
    unitCode: params.code,
    year: upload.fields.year,
    quarter: upload.fields.quarter,
    kind: upload.fields.kind,
    fileName: upload.fileName,
    bytes: upload.bytes,
  });
  return localizePreview(preview, locale);
});
