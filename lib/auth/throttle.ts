// Slows down password guessing without letting anyone lock people out (issue 12, item 5):
// - per (username, client address): after 3 failures, a delay that doubles with each failure (capped);
//   the real user at another address is not affected;
// - per client address, over all usernames: after 10 failures, the same doubling delay (slows a
//   password sprayed across many accounts);
// - per username, over all addresses: a lock only after many failures (20) from several addresses
//   (3+) within the window; then every administrator is told, and the lock is audited.
// The client address is the socket's (Next.js passes it in X-Forwarded-For), or the proxy's report of
// it when TRUST_PROXY=true. Pure policy + small database helpers.
import type { PrismaClient, Prisma } from "../generated/prisma/client";

export const FREE_FAILURES = 3;
export const FREE_FAILURES_ADDRESS = 10;
export const BASE_DELAY_S = 2;
export const MAX_DELAY_S = 300;
/** Failures older than this are forgotten. */
export const WINDOW_MS = 15 * 60 * 1000;
/** The username-wide lock: this many failures from at least this many addresses. */
export const USERNAME_LOCK_FAILURES = 20;
export const USERNAME_LOCK_ADDRESSES = 3;
export const USERNAME_LOCK_S = 15 * 60;

/** Seconds to wait after `failures` consecutive failures of a (username, address) pair (0 while under the free allowance). */
export function delayAfter(failures: number): number {
  return delayWith(failures, FREE_FAILURES);
}

/** The same doubling delay with another free allowance (an address over all usernames). */
export function delayWith(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - free));
}

export const pairKey = (username: string, address: string) => `u:${username}|a:${address}`;
export const addressKey = (address: string) => `a:${address}`;
export const usernameKey = (username: string) => `u:${username}`;

/** The client's address from the request headers (see the header of this file). */
export function clientAddress(
  headers: { get(name: string): string | null } | Record<string, unknown> | undefined,
  trustProxy = process.env.TRUST_PROXY === "true",
): string {
  const raw =
    headers && typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(n: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, unknown> | undefined)?.["x-forwarded-for"];
  const list = String(raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = trustProxy ? list[0] : list[list.length - 1];
  return (address ?? "unknown").slice(0, 64);
}

const remaining = (row: { lockedUntil: Date | null } | null, now: Date) =>
  row?.lockedUntil ? Math.max(0, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000)) : 0;

/** Seconds this username at this address must still wait, or 0. */
export async function secondsLocked(prisma: PrismaClient, username: string, address: string, now = new Date()): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: [pairKey(username, address), addressKey(address), usernameKey(username)] } } });
  return Math.max(0, ...rows.map((r) => remaining(r, now)));
}

export interface FailureResult {
  /** Seconds to wait now (0: none). */
  delay: number;
  /** The username-wide lock started with this failure. */
  usernameLocked: boolean;
}

async function bump(tx: Prisma.TransactionClient, key: string, now: Date, free: number) {
  const row = await tx.loginThrottle.findUnique({ where: { key } });
  const recent = row?.lastFailureAt && now.getTime() - row.lastFailureAt.getTime() < WINDOW_MS;
  const failures = (recent ? row!.failures : 0) + 1;
  const delay = delayWith(failures, free);
  const lockedUntil = delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
  await tx.loginThrottle.upsert({
    where: { key },
    create: { key, failures, lastFailureAt: now, lockedUntil },
    update: { failures, lastFailureAt: now, lockedUntil },
  });
  return delay;
}

export async function recordFailure(prisma: PrismaClient, username: string, address: string, now = new Date()): Promise<FailureResult> {
  return prisma.$transaction(async (tx) => {
    const pair = await bump(tx, pairKey(username, address), now, FREE_FAILURES);
    const byAddress = await bump(tx, addressKey(address), now, FREE_FAILURES_ADDRESS);
    // The username over all addresses: counted, and locked only when spread over several addresses.
    const key = usernameKey(username);
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    const recent = row?.lastFailureAt && now.getTime() - row.lastFailureAt.getTime() < WINDOW_MS;
    const failures = (recent ? row!.failures : 0) + 1;
    const seen = new Set((recent ? (row!.seenFrom ?? "") : "").split(",").filter(Boolean));
    if (seen.size < 20) seen.add(address);
    const alreadyLocked = remaining(row, now) > 0;
    const lock = !alreadyLocked && failures >= USERNAME_LOCK_FAILURES && seen.size >= USERNAME_LOCK_ADDRESSES;
    const lockedUntil = lock ? new Date(now.getTime() + USERNAME_LOCK_S * 1000) : alreadyLocked ? row!.lockedUntil : null;
    const seenFrom = [...seen].join(",").slice(0, 1000);
    await tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures, lastFailureAt: now, lockedUntil, seenFrom },
      update: { failures, lastFailureAt: now, lockedUntil, seenFrom },
    });
    return { delay: Math.max(pair, byAddress, lock ? USERNAME_LOCK_S : 0), usernameLocked: lock };
  });
}

/** A good password at this address: that pair and the username-wide count start again. */
export async function recordSuccess(prisma: PrismaClient, username: string, address: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: { in: [pairKey(username, address), usernameKey(username)] } } });
}

/** Every throttle row of a username (an administrator's password reset lifts them). */
export async function clearUsername(tx: Prisma.TransactionClient | PrismaClient, username: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { OR: [{ key: usernameKey(username) }, { key: { startsWith: `${usernameKey(username)}|` } }] } });
}
