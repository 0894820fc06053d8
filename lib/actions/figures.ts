"use server";
import { refusalOf, textArg } from "./run";
// Saving a quarter from the form: the same service, checks and transaction as the JSON API.
import { revalidatePath } from "next/cache";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { saveQuarter, type SaveResult } from "../figures/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

export type SaveActionResult = ({ ok: true } & SaveResult) | { ok: false; error: string; issues: ApiIssue[]; needsConfirmation?: boolean; status?: number };

export async function saveQuarterAction(input: { unitCode: string; year: number; quarter: number; body: unknown }): Promise<SaveActionResult> {
  try {
    const user = await currentUser();
    if (!user) return refusalOf(new ServiceError(401, MSG.unauthenticated));
    const result = await saveQuarter(await prisma(), user, {
      unitCode: textArg(input?.unitCode),
      year: input?.year,
      quarter: input?.quarter,
      body: input?.body,
    });
    revalidatePath(`/units/${encodeURIComponent(textArg(input?.unitCode))}`);
    return { ok: true, ...result };
  } catch (e) {
    if (e instanceof ServiceError) {
      return { ...(await refusalOf(e)), needsConfirmation: e.extra.needsConfirmation === true };
    }
    console.error("[saveQuarterAction]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", issues: [] };
  }
}
