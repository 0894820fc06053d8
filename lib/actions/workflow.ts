"use server";
import { refusalOf, textArg } from "./run";
// Review actions from the unit page: the same service, rules and transaction as the API.
import { revalidatePath } from "next/cache";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { transition } from "../workflow/service";
import { saveExplanation } from "../explanations/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

type Result = { ok: true } | { ok: false; error: string; issues: ApiIssue[]; status?: number; code?: string };

async function run(path: string, fn: () => Promise<unknown>): Promise<Result> {
  try {
    await fn();
    revalidatePath(path);
    return { ok: true };
  } catch (e) {
    if (e instanceof ServiceError) return refusalOf(e);
    console.error("[workflow action]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa thực hiện được. Vui lòng thử lại.", issues: [] };
  }
}

export async function transitionAction(input: {
  unitCode: string;
  year: number;
  quarter: number;
  action: string;
  comment?: string;
  kind?: string;
  version?: number;
}): Promise<Result> {
  const user = await currentUser();
  if (!user) return refusalOf(new ServiceError(401, MSG.unauthenticated));
  return run(`/units/${encodeURIComponent(textArg(input?.unitCode))}`, async () =>
    transition(await prisma(), user, {
      unitCode: textArg(input?.unitCode),
      year: input?.year,
      quarter: input?.quarter,
      action: textArg(input?.action),
      body: {
        comment: input?.comment,
        kind: input?.kind === "estimate" ? "estimate" : "actual",
        ...(typeof input?.version === "number" ? { version: input?.version } : {}),
      },
    }),
  );
}

export async function explanationAction(input: {
  unitCode: string;
  year: number;
  quarter: number;
  key: string;
  reason: string;
  actions: string;
  version?: number;
}): Promise<Result> {
  const user = await currentUser();
  if (!user) return refusalOf(new ServiceError(401, MSG.unauthenticated));
  return run(`/units/${encodeURIComponent(textArg(input?.unitCode))}`, async () => saveExplanation(await prisma(), user, input));
}
