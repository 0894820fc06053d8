// When a session stops working (lib/auth/session-rules.ts).
import { describe, expect, it } from "vitest";
import { sessionStillValid } from "@/lib/auth/session-rules";

const NOW = Date.parse("2026-12-01T10:00:00Z");
const H = 3600_000;
const user = { sessionVersion: 3, active: true };

describe("sessionStillValid", () => {
  it.each([
    ["a fresh session of the current version", { sv: 3, authTime: NOW - H }, user, true],
    ["after sign-out, a password reset or a role change (older version)", { sv: 2, authTime: NOW - H }, user, false],
    ["a token made before versions existed", { authTime: NOW - H }, user, false],
    ["past the absolute lifetime, however active", { sv: 3, authTime: NOW - 8 * H - 1 }, user, false],
    ["exactly at the absolute lifetime", { sv: 3, authTime: NOW - 8 * H }, user, true],
    ["a locked account", { sv: 3, authTime: NOW }, { sessionVersion: 3, active: false }, false],
    ["a sign-in time in the future", { sv: 3, authTime: NOW + 2 * H }, user, false],
    ["no sign-in time", { sv: 3 }, user, false],
  ] as const)("%s → %s", (_n, claims, u, ok) => {
    expect(sessionStillValid(claims, u, NOW, 8)).toBe(ok);
  });
});
