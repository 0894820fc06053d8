// Checks a username and password against the database, with the guessing slow-down.
// Used by next-auth's credentials provider; kept free of next-auth so it can be tested directly.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { verifyPassword, hashPassword } from "./password";
import { recordFailure, recordSuccess, secondsLocked } from "./throttle";
import { audit } from "../audit/audit";

export const credentialsSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

export interface AuthenticatedUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  tenantId: number | null;
  unitId: number | null;
  sessionVersion: number;
}

export type AuthResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "throttled"; retryAfter: number };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a sign-in from a client address ("unknown" when not known). Sign-ins, failures and locks
 * go into the audit trail (entity "session"); a username-wide lock tells every administrator.
 */
export async function authenticate(prisma: PrismaClient, input: unknown, opts: { address?: string; now?: Date } = {}): Promise<AuthResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;
  const address = opts.address ?? "unknown";
  const now = opts.now ?? new Date();

  const wait = await secondsLocked(prisma, username, address, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfter: wait };

  const user = await prisma.user.findUnique({ where: { username } });
  // Verify against a dummy hash for unknown users so timing does not reveal who exists.
  dummyHash ??= hashPassword("không-có-người-dùng-này");
  const good = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !good || !user.active) {
    const r = await recordFailure(prisma, username, address, now);
    await audit(prisma, [
      {
        tenantId: user?.tenantId ?? null,
        unitId: user?.unitId ?? null,
        actorId: null,
        entity: "session",
        entityId: username,
        field: "sign_in_failed",
        newValue: address,
        // For the administrators reading the audit log (the person signing in is told neither).
        reason: !user ? "Không có tài khoản này" : !user.active ? "Tài khoản đã bị khóa" : "Sai mật khẩu",
      },
    ]);
    if (r.usernameLocked) await lockedNotice(prisma, username, user?.tenantId ?? null, user?.unitId ?? null);
    if (r.delay > 0) return { ok: false, reason: "throttled", retryAfter: r.delay };
    // Only someone who knows the password learns that the account is locked.
    return user && good && !user.active ? { ok: false, reason: "locked" } : { ok: false, reason: "invalid" };
  }
  await recordSuccess(prisma, username, address);
  await audit(prisma, [
    { tenantId: user.tenantId, unitId: user.unitId, actorId: user.id, entity: "session", entityId: username, field: "sign_in", newValue: address },
  ]);
  return {
    ok: true,
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      tenantId: user.tenantId,
      unitId: user.unitId,
      sessionVersion: user.sessionVersion,
    },
  };
}

/** A username locked after failures from several addresses: audited, and every administrator told. */
async function lockedNotice(prisma: PrismaClient, username: string, tenantId: number | null, unitId: number | null) {
  const reason = `Tên đăng nhập «${username}» tạm khóa 15 phút: nhiều lần đăng nhập sai từ nhiều địa chỉ khác nhau.`;
  await audit(prisma, [{ tenantId, unitId, actorId: null, entity: "session", entityId: username, field: "locked", newValue: "15 phút", reason }]);
  const admins = await prisma.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  if (admins.length) {
    await prisma.notification.createMany({
      data: admins.map((a) => ({
        userId: a.id,
        tenantId: null,
        kind: "security",
        title: `Tạm khóa đăng nhập: ${username}`,
        body: reason,
        link: "/admin/audit",
      })),
    });
  }
}
