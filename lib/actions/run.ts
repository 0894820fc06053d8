// The frame of a server action (imported by the "use server" modules, not one itself): the session
// (a signed-out user gets the Vietnamese message), the service's own checks (ServiceError → its
// message and issues), the page revalidated after a change, and never a stack trace for the user.
import { revalidatePath } from "next/cache";
import { currentUser, type SessionUser } from "../auth/session.server";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

export type ActionResult<T = unknown> = { ok: true; data: T } | { ok: false; error: string; issues: ApiIssue[] };

export async function runAction<T>(path: string, label: string, fn: (actor: SessionUser) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await currentUser();
    if (!user) return { ok: false, error: MSG.unauthenticated, issues: [] };
    const data = await fn(user);
    revalidatePath(path);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, issues: e.issues };
    console.error(`[${label} action]`, e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", issues: [] };
  }
}
