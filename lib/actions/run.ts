// The frame of a server action (imported by the "use server" modules, not one itself): the session
// (a signed-out user gets the Vietnamese message), the service's own checks (ServiceError → its
// message and issues), the page revalidated after a change, and never a stack trace for the user.
import { revalidatePath } from "next/cache";
import { currentUser, type SessionUser } from "../auth/session.server";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";

/** A refusal carries the status the JSON API would answer (403 outside scope, 422 invalid, …). */
export type ActionResult<T = unknown> = { ok: true; data: T } | { ok: false; error: string; issues: ApiIssue[]; status?: number };

/** A text argument of a server action as sent by the client: anything else becomes "". */
export function textArg(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

export async function runAction<T>(path: string, label: string, fn: (actor: SessionUser) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await currentUser();
    if (!user) return { ok: false, error: MSG.unauthenticated, issues: [], status: 401 };
    const data = await fn(user);
    revalidatePath(path);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, issues: e.issues, status: e.status };
    console.error(`[${label} action]`, e);
    return { ok: false, error: "Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", issues: [] };
  }
}
