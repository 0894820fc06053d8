// When a signed-in session stops working (pure; used by lib/auth/session.server.ts on every request):
// - the user's session version moved on (sign-out, password reset, role or unit change,
//   deactivation or re-activation): a copied cookie is dead;
// - the absolute lifetime since sign-in has passed (SESSION_ABSOLUTE_HOURS), however active the
//   session was (the idle expiry is the cookie's own, SESSION_MAX_AGE_HOURS);
// - the account is locked.
export interface SessionClaims {
  /** The user's session version when the session was signed in. */
  sv?: number | null;
  /** When the session was signed in (ms since epoch). */
  authTime?: number | null;
}

export function sessionStillValid(claims: SessionClaims, user: { sessionVersion: number; active: boolean }, now: number, absoluteHours: number): boolean {
  if (!user.active) return false;
  if (typeof claims.sv !== "number" || claims.sv !== user.sessionVersion) return false;
  if (typeof claims.authTime !== "number" || !Number.isFinite(claims.authTime)) return false;
  return now - claims.authTime <= absoluteHours * 3600_000 && claims.authTime <= now + 60_000;
}
