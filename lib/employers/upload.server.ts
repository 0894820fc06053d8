// The employers' file upload (multipart/form-data: file, year, month[, token]): the imports' reader
// (lib/imports/upload.server.ts), with this form's own fields named when it is not a file upload.
import "server-only";
import { ServiceError } from "../figures/errors";
import { readUploadForm, type Upload } from "../imports/upload.server";

export const NOT_EMPLOYERS_UPLOAD = "Gửi tệp bằng biểu mẫu tải lên (multipart/form-data) với trường file, year, month.";

export async function readEmployersUpload(req: Request): Promise<Upload> {
  try {
    return await readUploadForm(req);
  } catch (e) {
    if (e instanceof ServiceError && e.status === 415) throw new ServiceError(415, NOT_EMPLOYERS_UPLOAD, [{ path: "file", message: NOT_EMPLOYERS_UPLOAD }]);
    throw e;
  }
}
