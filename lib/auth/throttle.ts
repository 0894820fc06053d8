// Slows down password guessing: after a few failures for a username, further attempts are refused
// for a delay that doubles with each failure (capped). Pure policy + tiny DB helpers.
import type { PrismaClient } from "../generated/prisma/client";

export const FREE_FAILURES = 3;
export const BASE_DELAY_S = 2;
export const MAX_DELAY_S = 300;
/** Failures older than this are forgotten. */
export const WINDOW_MS = 15 * 60 * 1000;

/** Seconds to wait after `failures` consecutive failures (0 while under the free allowance). */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - FREE_FAILURES));
}

/** Seconds the username must still wait, or 0. */
export async function secondsLocked(prisma: PrismaClient, username: string, now = new Date()): Promise<number> {
  const row = await prisma.loginThrottle.findUnique({ where: { username } });
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
}

export async function recordFailure(prisma: PrismaClient, username: string, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { username } });
    const recent = row?.lastFailureAt && now.getTime() - row.lastFailureAt.getTime() < WINDOW_MS;
    const failures = (recent ? row!.failures : 0) + 1;
    const delay = delayAfter(failures);
    const lockedUntil = delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
    await tx.loginThrottle.upsert({
      where: { username },
      create: { username, failures, lastFailureAt: now, lockedUntil },
      update: { failures, lastFailureAt: now, lockedUntil },
    });
    return delay;
  });
}

export async function recordSuccess(prisma: PrismaClient, username: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { username } });
}
