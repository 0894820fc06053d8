import { apiRoute } from "@/lib/api/route.server";
import { scopeUnit } from "@/lib/auth/scope";
import { checkEmployersImport } from "@/lib/employers/service";
import { readEmployersUpload } from "@/lib/employers/upload.server";

type Params = { code: string };

// POST /api/v1/units/{code}/employers/imports (multipart/form-data: file, year, month): checks an employers'
// file row by row and answers the preview { created, changed, unchanged, token } — or 422 { error, errors:
// [{ row, column, taxCode, name, message }] }. Nothing is stored: POST …/employers/imports/commit with the
// same file and the token saves it.
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  await scopeUnit(prisma, actor, params.code, "employers.manage");
  const upload = await readEmployersUpload(req);
  return checkEmployersImport(prisma, actor, params.code, {
    year: upload.fields.year,
    month: upload.fields.month,
    fileName: upload.fileName,
    bytes: upload.bytes,
  });
});
