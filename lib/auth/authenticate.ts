// Checks a username and password against the database, with the guessing slow-down.
// Used by next-auth's credentials provider; kept free of next-auth so it can be tested directly.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { verifyPassword, hashPassword } from "./password";
import { recordFailure, recordSuccess, secondsLocked } from "./throttle";

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
  | { ok: false; reason: "throttled"; retryAfter: number };

let dummyHash: Promise<string> | undefined;

export async function authenticate(prisma: PrismaClient, input: unknown): Promise<AuthResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;

  const wait = await secondsLocked(prisma, username);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfter: wait };

  const user = await prisma.user.findUnique({ where: { username } });
  // Verify against a dummy hash for unknown users so timing does not reveal who exists.
  dummyHash ??= hashPassword("không-có-người-dùng-này");
  const good = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !good || !user.active) {
    const delay = await recordFailure(prisma, username);
    return delay > 0 ? { ok: false, reason: "throttled", retryAfter: delay } : { ok: false, reason: "invalid" };
  }
  await recordSuccess(prisma, username);
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
