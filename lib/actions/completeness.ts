"use server";
// Completeness board actions: the city's reporting deadline and the review queue (approve or
// return several communes' quarters at once). The same services, permissions and transactions
// as the JSON API.
import { revalidatePath } from "next/cache";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { setDeadlineDays, type SetDeadlineResult } from "../completeness/service";
import { transitionMany } from "../workflow/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

export type CompletenessActionResult<T> = { ok: true; data: T } | { ok: false; error: string; issues: ApiIssue[] };

export interface ReviewBatchInput {
  action: "approve" | "return";
  year: number;
  quarter: number;
  unitCodes: string[];
  comment?: string;
}

export interface ReviewBatchResult {
  action: "approve" | "return";
  year: number;
  quarter: number;
  count: number;
  unitCodes: string[];
}

async function run<T>(path: string, fn: (actor: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<T>): Promise<CompletenessActionResult<T>> {
  try {
    const user = await currentUser();
    if (!user) return { ok: false, error: MSG.unauthenticated, issues: [] };
    const data = await fn(user);
    revalidatePath(path);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, issues: e.issues };
    console.error("[completeness action]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", issues: [] };
  }
}

const boardPath = (code: string) => `/units/${encodeURIComponent(String(code))}/completeness`;

/** The city's deadline: `days` after the quarter's end (0–60). */
export async function setDeadlineDaysAction(tenantCode: string, days: unknown): Promise<CompletenessActionResult<SetDeadlineResult>> {
  return run(boardPath(tenantCode), async (actor) => setDeadlineDays(await prisma(), actor, String(tenantCode ?? ""), days));
}

/** Approve or return the selected communes' quarters: all of them, or none. */
export async function reviewBatchAction(parentCode: string, input: ReviewBatchInput): Promise<CompletenessActionResult<ReviewBatchResult>> {
  return run(boardPath(parentCode), async (actor) =>
    transitionMany(await prisma(), actor, {
      action: input?.action,
      year: input?.year,
      quarter: input?.quarter,
      unitCodes: input?.unitCodes,
      comment: input?.comment,
    }),
  );
}
