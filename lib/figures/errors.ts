// Errors of the figures/targets services, shaped as the JSON API returns them:
// { error, issues: [{ path, message }] } with an HTTP status. The UI shows the same messages.

import { deniedMessage } from "../auth/permissions";

export interface ApiIssue {
  path: string;
  message: string;
  severity?: "error" | "warning";
  code?: string;
}

export class ServiceError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 503,
    message: string,
    public readonly issues: ApiIssue[] = [],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON() {
    return { error: this.message, issues: this.issues, ...this.extra };
  }
}

export const MSG = {
  unauthenticated: "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.",
  unitNotFound: (code: string) => `Không có đơn vị nào mang mã «${code}».`,
  forbiddenView: deniedMessage("unit.view"),
  forbiddenWrite: deniedMessage("figures.enter"),
  invalid: "Dữ liệu gửi lên không hợp lệ.",
  invalidJson: "Nội dung gửi lên không phải JSON hợp lệ.",
  versionRequired:
    "Cần gửi version của bản đang sửa (đọc bằng GET trước): không có version, một thay đổi của người khác có thể bị ghi đè. Không có gì được lưu.",
  futurePeriod: (y: number, q: number) => `Quý ${q}/${y} chưa bắt đầu: chưa thể nhập số liệu.`,
  periodNotEnded: (y: number, q: number) =>
    `Quý ${q}/${y} chưa kết thúc (số liệu tính đến ngày ${["31/3", "30/6", "30/9", "31/12"][q - 1]}/${y}): chưa thể nhập số liệu thực hiện hay đánh giá, xếp hạng kỳ này.`,
  estimateQuarter: "Ước thực hiện là số liệu đến 31/12: dùng quý 4.",
  estimateClosed: (y: number) => `Ước thực hiện năm ${y} chỉ nhập được từ quý 3/${y}.`,
  checksFailed: "Số liệu chưa hợp lệ: vui lòng sửa các lỗi được đánh dấu.",
  needsConfirmation: "Có số liệu bất thường cần xác nhận trước khi lưu.",
  missingForSubmit: "Cần nhập đủ tất cả chỉ tiêu trước khi gửi báo cáo.",
  required: "Chưa nhập số liệu này.",
  noVillageFigures: "Thôn, tổ dân phố không có báo cáo số liệu hằng quý.",
  /** A 409's figure saved by someone else meanwhile: what is stored now against what this save sent. */
  storedMeanwhile: (label: string, stored: string, sent: string) => `${label}: hiện đã lưu ${stored} (bạn nhập ${sent}).`,
} as const;

/**
 * Overload, not a bug: every database connection stayed busy longer than a transaction may wait
 * (Prisma P2028 "Unable to start a transaction", P2024 pool timeout), or PostgreSQL rolled the
 * transaction back to break a deadlock between two saves (P2034: 40P01, 40001; two saves of targets
 * across several provinces in opposite orders wait on each other's province lock, migration
 * 20261204120000). The caller answers 503 with this message — nothing was written — instead of a 500.
 */
export function busyError(e: unknown): ServiceError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "P2028" || code === "P2024" || code === "P2034") return new ServiceError(503, "Hệ thống đang bận, chưa lưu được. Vui lòng thử lại sau ít phút.");
  return null;
}
