"use server";
// The quarter's thread (replies between the commune and the city) and the figures shown in the
// confirmation of a batch review: the same services and scope gate as everywhere else.
import { refusalOf, runAction, textArg, type ActionResult } from "./run";
import { prisma } from "../db.server";
import { currentUser } from "../auth/session.server";
import { ServiceError, MSG } from "../figures/errors";
import { postComment } from "../workflow/comments";
import { figuresForReview } from "../workflow/service";

export async function postCommentAction(input: {
  unitCode: string;
  year: number;
  quarter: number;
  body: string;
}): Promise<ActionResult<{ id: number; at: string }>> {
  const unitCode = textArg(input?.unitCode);
  return runAction(`/units/${encodeURIComponent(unitCode)}`, "comment", async (actor) =>
    postComment(await prisma(), actor, { unitCode, year: input?.year, quarter: input?.quarter, body: input?.body }),
  );
}

export async function reviewFiguresAction(input: {
  year: number;
  quarter: number;
  unitCodes: string[];
}): Promise<ActionResult<Awaited<ReturnType<typeof figuresForReview>>>> {
  // A read: nothing to revalidate.
  try {
    const user = await currentUser();
    if (!user) return refusalOf(new ServiceError(401, MSG.unauthenticated));
    const unitCodes = Array.isArray(input?.unitCodes) ? input.unitCodes.map(textArg) : input?.unitCodes;
    return { ok: true, data: await figuresForReview(await prisma(), user, { year: input?.year, quarter: input?.quarter, unitCodes }) };
  } catch (e) {
    if (e instanceof ServiceError) return refusalOf(e);
    console.error("[review figures action]", e);
    return { ok: false, error: "Lỗi hệ thống, chưa đọc được số liệu. Vui lòng thử lại.", issues: [] };
  }
}
