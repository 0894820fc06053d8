// What a new password must be (issue 12, item 8): at least 12 characters, at least 5 different
// characters besides spaces (twelve spaces or "aaaaaaaaaaaa" are not passwords), not containing the
// username, and not one of the ~49.000 most common passwords (the list of @zxcvbn-ts/language-common,
// shipped with the app: no network needed). One rule, used by the shell's user:create, the
// administrator's account pages and password resets.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
/** Different characters, spaces not counted, a new password must have. */
export const MIN_DISTINCT_CHARACTERS = 5;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export const PASSWORD_MSG = {
  short: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
  username: "Mật khẩu không được chứa tên đăng nhập.",
  simple: `Mật khẩu quá đơn giản: cần ít nhất ${MIN_DISTINCT_CHARACTERS} ký tự khác nhau (không tính khoảng trắng).`,
  common: "Mật khẩu này quá phổ biến (có trong danh sách mật khẩu hay bị dò): hãy chọn mật khẩu khác.",
};

/** The first problem of a new password, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string | null): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return PASSWORD_MSG.short;
  if (new Set([...password.toLowerCase()].filter((c) => !/\s/u.test(c))).size < MIN_DISTINCT_CHARACTERS) return PASSWORD_MSG.simple;
  const lower = password.toLowerCase();
  const name = (username ?? "").trim().toLowerCase();
  if (name.length >= 3 && (lower.includes(name) || name.split(/[._-]/).some((part) => part.length >= 4 && lower.includes(part)))) return PASSWORD_MSG.username;
  if (commonPasswords().has(lower) || commonPasswords().has(lower.replace(/[\d!@#$%^&*._-]+$/, ""))) return PASSWORD_MSG.common;
  return null;
}
