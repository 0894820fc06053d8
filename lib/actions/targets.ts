"use server";
// Target grid and village actions: the same services, permissions and transactions as the API.
import { revalidatePath } from "next/cache";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { saveTargets, type SaveTargetsInput } from "../targets/service";
import { createVillage, renameVillage, retireVillage } from "../units/villages";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

export type ActionResult<T = unknown> = { ok: true; data: T } | { ok: false; error: string; issues: ApiIssue[] };

async function run<T>(path: string, fn: (actor: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await currentUser();
    if (!user) return { ok: false, error: MSG.unauthenticated, issues: [] };
    const data = await fn(user);
    revalidatePath(path);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, issues: e.issues };
    console.error("[targets action]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", issues: [] };
  }
}

export async function saveTargetsAction(unitCode: string, input: SaveTargetsInput) {
  return run(`/units/${encodeURIComponent(unitCode)}/targets`, async (actor) => saveTargets(await prisma(), actor, input));
}

export async function createVillageAction(communeCode: string, input: { name: string; type: string }) {
  return run(`/units/${encodeURIComponent(communeCode)}/targets`, async (actor) => createVillage(await prisma(), actor, communeCode, input));
}

export async function renameVillageAction(communeCode: string, villageCode: string, name: string) {
  return run(`/units/${encodeURIComponent(communeCode)}/targets`, async (actor) => renameVillage(await prisma(), actor, villageCode, name));
}

export async function retireVillageAction(communeCode: string, villageCode: string) {
  return run(`/units/${encodeURIComponent(communeCode)}/targets`, async (actor) => retireVillage(await prisma(), actor, villageCode));
}
