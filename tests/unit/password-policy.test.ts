// What a new password must be (lib/auth/password-policy.ts).
import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MSG } from "@/lib/auth/password-policy";

describe("passwordProblem", () => {
  it.each([
    ["ngan-qua", "xa.kimthanh", PASSWORD_MSG.short],
    ["12345678901", null, PASSWORD_MSG.short],
    ["xa.kimthanh-2026!", "xa.kimthanh", PASSWORD_MSG.username],
    ["Kimthanh@2026xyz", "xa.kimthanh", PASSWORD_MSG.username],
    ["passwordpassword", "bhxh.hue", PASSWORD_MSG.common],
    ["123456789012", "bhxh.hue", PASSWORD_MSG.common],
    ["qwerty123456", null, PASSWORD_MSG.common],
    ["1qaz2wsx3edc", "admin", PASSWORD_MSG.common],
    ["            ", "xa.test2", PASSWORD_MSG.simple],
    ["aaaaaaaaaaaa", "xa.test2", PASSWORD_MSG.simple],
    ["abab abab abab", null, PASSWORD_MSG.simple],
    ["AaAaBbBbCcCc", null, PASSWORD_MSG.simple],
    ["Sông Hồng chảy qua Hà Nội", "bhxh.hue", null],
    ["mat-khau-moi-cua-hue-2026", "bhxh.hue", null],
  ])("%s (user %s) → %s", (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });
});
