import { apiRoute } from "@/lib/api/route.server";
import { scopeUnit } from "@/lib/auth/scope";
import { stageMonthlyImport } from "@/lib/monthly/import";
import { readUploadForm } from "@/lib/imports/upload.server";
import { localizePreview, requestLocale } from "@/lib/i18n/server-messages";

type Params = { code: string };

// POST /api/v1/units/{code}/monthly/imports (multipart/form-data: file, year): checks a file of the year's
// monthly figures row by row with the monthly form's rules and answers the preview { id, rows, changes:
// [{ row, month, changes: [{ key, label, old, new }] }], unchanged } — or 422 { error, errors: [{ row,
// column, message }] }. Nothing is stored but the pending import, which POST …/monthly/imports/{id}/commit
// saves. City staff only ("figures.monthly"), checked before the upload is read.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  await scopeUnit(prisma, actor, params.code, "figures.monthly");
  const upload = await readUploadForm(req);
  const preview = await stageMonthlyImport(prisma, actor, { unitCode: params.code, year: upload.fields.year, fileName: upload.fileName, bytes: upload.bytes });
  return localizePreview(preview, requestLocale(req.headers));
});
