// Reading a file upload (multipart/form-data: file, year, quarter, kind) for the imports route, with
// a clear Vietnamese refusal for anything else — never a 500.
import "server-only";
import { ServiceError } from "../figures/errors";
import { MAX_FILE_BYTES, MSG_IMPORT } from "./sheet";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

const NOT_MULTIPART = "Gửi tệp bằng biểu mẫu tải lên (multipart/form-data) với trường file, year, quarter.";

export async function readUploadForm(req: Request): Promise<Upload> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "multipart/form-data") throw new ServiceError(415, NOT_MULTIPART, [{ path: "file", message: NOT_MULTIPART }]);
  const length = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > MAX_FILE_BYTES + 256 * 1024)
    throw new ServiceError(413, MSG_IMPORT.tooLarge, [{ path: "file", message: MSG_IMPORT.tooLarge }]);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new ServiceError(422, "Không đọc được tệp gửi lên (biểu mẫu hỏng hoặc tệp quá lớn, tối đa 10 MB).", [{ path: "file", message: NOT_MULTIPART }]);
  }
  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new ServiceError(422, "Chưa chọn tệp: gửi tệp trong trường «file».", [{ path: "file", message: "Chưa chọn tệp." }]);
  if (file.size > MAX_FILE_BYTES) throw new ServiceError(413, MSG_IMPORT.tooLarge, [{ path: "file", message: MSG_IMPORT.tooLarge }]);
  if (file.size === 0) throw new ServiceError(422, "Tệp rỗng.", [{ path: "file", message: "Tệp rỗng." }]);
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), fields };
}
