// In-app notifications: created in the same transaction as what they announce.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

type Tx = Prisma.TransactionClient | PrismaClient;

export interface NotifyInput {
  tenantId: number | null;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/** Notifies the active users with one of `roles` attached to `unitId` (or, for city roles, the tenant). */
export async function notifyUsers(tx: Tx, target: { unitId?: number; tenantId?: number; roles: Role[] }, n: NotifyInput): Promise<number> {
  const users = await tx.user.findMany({
    where: {
      active: true,
      role: { in: target.roles },
      ...(target.unitId !== undefined ? { unitId: target.unitId } : {}),
      ...(target.tenantId !== undefined ? { tenantId: target.tenantId } : {}),
    },
    select: { id: true },
  });
  if (users.length === 0) return 0;
  await tx.notification.createMany({
    data: users.map((u) => ({ userId: u.id, tenantId: n.tenantId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null })),
  });
  return users.length;
}

export async function unreadCount(prisma: PrismaClient, userId: number): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(prisma: PrismaClient, userId: number, opts: { take?: number; unreadOnly?: boolean } = {}) {
  return prisma.notification.findMany({
    where: { userId, ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(200, opts.take ?? 50),
  });
}

/** Marks the user's own notifications as read (ids, or all when ids is "all"). */
export async function markRead(prisma: PrismaClient, userId: number, ids: number[] | "all"): Promise<number> {
  const r = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return r.count;
}
