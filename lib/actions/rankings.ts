"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { unitForActor } from "../figures/service";
import { setRankingSettings } from "../rankings/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

export async function setRankingSettingsAction(tenantCode: string, input: { attained: number; close: number; listSize: number }): Promise<{ ok: true } | { ok: false; error: string; issues: ApiIssue[] }> {
  try {
    const user = await currentUser();
    if (!user) return { ok: false, error: MSG.unauthenticated, issues: [] };
    const db = await prisma();
    const unit = await unitForActor(db, user, String(tenantCode));
    await setRankingSettings(db, user, unit, input);
    revalidatePath(`/units/${encodeURIComponent(unit.code)}/rankings`);
    return { ok: true };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, issues: e.issues };
    console.error("[rankings action]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được.", issues: [] };
  }
}
