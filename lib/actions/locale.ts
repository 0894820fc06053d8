"use server";
// Switches the interface language. Not tied to a session: the sign-in page has the switch too.
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE } from "../i18n/config";

const schema = z.enum(LOCALES);

export async function setLocale(value: string): Promise<{ ok: boolean }> {
  const r = schema.safeParse(value);
  if (!r.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, r.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return { ok: true };
}
