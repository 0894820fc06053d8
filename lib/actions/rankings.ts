"use server";
import { refusalOf, textArg } from "./run";
import { revalidatePath } from "next/cache";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { scopeUnit } from "../auth/scope";
import { setRankingSettings } from "../rankings/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

export async function setRankingSettingsAction(
  tenantCode: string,
  input: { attained: number; close: number; listSize: number },
): Promise<{ ok: true } | { ok: false; error: string; issues: ApiIssue[]; status?: number }> {
  try {
    const user = await currentUser();
    if (!user) return refusalOf(new ServiceError(401, MSG.unauthenticated));
    const db = await prisma();
    const unit = await scopeUnit(db, user, textArg(tenantCode));
    await setRankingSettings(db, user, unit, input);
    revalidatePath(`/units/${encodeURIComponent(unit.code)}/rankings`);
    return { ok: true };
  } catch (e) {
    if (e instanceof ServiceError) return refusalOf(e);
    console.error("[rankings action]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được.", issues: [] };
  }
}
