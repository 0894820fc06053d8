import { apiRoute } from "@/lib/api/route.server";
import { scopeUnit } from "@/lib/auth/scope";
import { commitEmployersImport } from "@/lib/employers/service";
import { readEmployersUpload } from "@/lib/employers/upload.server";

type Params = { code: string };

// POST /api/v1/units/{code}/employers/imports/commit (multipart/form-data: file, year, month, token): saves
// a checked file — all rows in one transaction, or none (409 when the register changed since the check).
export const POST = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  await scopeUnit(prisma, actor, params.code, "employers.manage");
  const upload = await readEmployersUpload(req);
  return commitEmployersImport(prisma, actor, params.code, {
    year: upload.fields.year,
    month: upload.fields.month,
    fileName: upload.fileName,
    bytes: upload.bytes,
    token: upload.fields.token,
  });
});
