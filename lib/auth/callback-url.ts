/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\") || v.startsWith("/login")) return "/";
  return v;
}
