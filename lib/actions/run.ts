// The frame of a server action (imported by the "use server" modules, not one itself): the session
// (a signed-out user gets the Vietnamese message), the service's own checks (ServiceError → its
// message and issues), the page revalidated after a change, and never a stack trace for the user.
import { revalidatePath } from "next/cache";
import { currentUser, type SessionUser } from "../auth/session.server";
import { writeFence, writeFenceCookie } from "../db.server";
import { ServiceError, MSG, busyError, type ApiIssue } from "../figures/errors";
import { cookies } from "next/headers";
import { localizeMessage } from "../i18n/server-messages";
import { LOCALE_COOKIE, toLocale, type Locale } from "../i18n/config";

/** The interface language of the request behind a server action (Vietnamese outside a request). */
export async function actionLocale(): Promise<Locale> {
  try {
    return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return "vi";
  }
}

/** A refusal in the user's language, with its code: what every action frame returns on an error. */
export async function refusalOf(e: ServiceError): Promise<{ ok: false; error: string; code: string; issues: ApiIssue[]; status: number }> {
  const locale = await actionLocale();
  const { code, message } = localizeMessage(e.message, locale);
  return { ok: false, error: message, code, issues: e.issues.map((i) => ({ ...i, message: localizeMessage(i.message, locale).message })), status: e.status };
}

/** A refusal carries the status the JSON API would answer (403 outside scope, 422 invalid, …). */
export type ActionResult<T = unknown> = { ok: true; data: T } | { ok: false; error: string; issues: ApiIssue[]; status?: number; code?: string };

/** A text argument of a server action as sent by the client: anything else becomes "". */
export function textArg(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

export async function runAction<T>(path: string, label: string, fn: (actor: SessionUser) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await currentUser();
    if (!user) return refusalOf(new ServiceError(401, MSG.unauthenticated));
    const data = await fn(user);
    revalidatePath(path);
    const fence = await writeFence();
    if (fence) (await cookies()).set(writeFenceCookie(fence));
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ServiceError) return refusalOf(e);
    const busy = busyError(e);
    if (busy) return refusalOf(busy);
    console.error(`[${label} action]`, e);
    return {
      ok: false,
      error: localizeMessage("Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", await actionLocale()).message,
      code: "system.notSaved",
      issues: [],
    };
  }
}
