"use server";
// Completeness board actions: the city's reporting deadline and the review queue (approve or
// return several communes' quarters at once). The same services, permissions and transactions
// as the JSON API.
import { runAction, type ActionResult, textArg } from "./run";
import { prisma } from "../db.server";
import { setDeadlineDays, type SetDeadlineResult } from "../completeness/service";
import { transitionMany } from "../workflow/service";

export type CompletenessActionResult<T> = ActionResult<T>;

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

const boardPath = (code: string) => `/units/${encodeURIComponent(textArg(code))}/completeness`;

/** The city's deadline: `days` after the quarter's end (0–60). */
export async function setDeadlineDaysAction(tenantCode: string, days: unknown): Promise<CompletenessActionResult<SetDeadlineResult>> {
  return runAction(boardPath(tenantCode), "completeness", async (actor) => setDeadlineDays(await prisma(), actor, textArg(tenantCode), days));
}

/** Approve or return the selected communes' quarters: all of them, or none. */
export async function reviewBatchAction(parentCode: string, input: ReviewBatchInput): Promise<CompletenessActionResult<ReviewBatchResult>> {
  return runAction(boardPath(parentCode), "completeness", async (actor) =>
    transitionMany(await prisma(), actor, {
      action: input?.action,
      year: input?.year,
      quarter: input?.quarter,
      unitCodes: input?.unitCodes,
      comment: input?.comment,
    }),
  );
}
