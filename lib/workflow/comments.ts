// The thread of a quarter between the commune and the city (issue 13): the city's return and reopen
// comments (report events) and the replies of both sides (report_comments), one list in time order.
// Who may post: the commune's own officer ("figures.enter") and city staff of its province
// ("report.review"); who may read: everyone who may see the unit. Every reply is audited and the
// other side is notified, in the same transaction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { scopeUnit, type ScopedUnit } from "../auth/scope";
import { audit } from "../audit/audit";
import { notifyUsers } from "../notifications/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import { periodSchema } from "../figures/period-schema";
import type { Actor } from "../figures/service";
import { eventView, readReportEvents } from "./service";

import { COMMENT_MAX, COMMENT_MIN, mayPostComment } from "../domain/workflow";

export const COMMENT_MESSAGES = {
  missing: "Chưa nhập nội dung trao đổi.",
  tooShort: `Nội dung trao đổi cần ít nhất ${COMMENT_MIN} ký tự.`,
  tooLong: `Nội dung trao đổi tối đa ${COMMENT_MAX.toLocaleString("vi-VN")} ký tự.`,
  invalid: `Nội dung trao đổi chưa hợp lệ: cần từ ${COMMENT_MIN} đến ${COMMENT_MAX.toLocaleString("vi-VN")} ký tự.`,
  denied: "Chỉ cán bộ của xã và cán bộ BHXH thành phố, tỉnh quản lý xã được trao đổi về báo cáo này.",
} as const;

export const commentSchema = z.object({
  body: z.string({ error: COMMENT_MESSAGES.missing }).trim().min(COMMENT_MIN, COMMENT_MESSAGES.tooShort).max(COMMENT_MAX, COMMENT_MESSAGES.tooLong),
});

/** One entry of a quarter's thread: a review event (with its comment, if any) or a reply. */
export type ThreadItem =
  | { type: "event"; id: string; action: "SUBMIT" | "APPROVE" | "RETURN" | "REOPEN"; comment: string | null; at: string; author: string | null }
  | { type: "comment"; id: string; body: string; at: string; author: string | null; side: "commune" | "city" };

/** The thread of a commune's quarter (events and replies, oldest first); [] when not reported. */
export async function reportThread(prisma: PrismaClient, unit: ScopedUnit, year: number, quarter: number): Promise<ThreadItem[]> {
  return (await reportReview(prisma, unit, year, quarter)).thread;
}

/**
 * A commune's quarter as its page shows it under review: the review events (reportEvents) and the
 * thread, from one read of the report, its events and its replies.
 */
export async function reportReview(prisma: PrismaClient, unit: ScopedUnit, year: number, quarter: number) {
  const report = await prisma.quarterReport.findUnique({
    where: { unitId_year_quarter_kind: { unitId: unit.id, year, quarter, kind: "ACTUAL" } },
    select: { id: true },
  });
  if (!report) return { events: [], thread: [] as ThreadItem[] };
  const [events, comments] = await Promise.all([
    readReportEvents(prisma, report.id),
    prisma.reportComment.findMany({
      where: { reportId: report.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { fullName: true, role: true } } },
    }),
  ]);
  const items: ThreadItem[] = [
    ...events.map((e) => ({
      type: "event" as const,
      id: `e${e.id}`,
      action: e.action,
      comment: e.comment,
      at: e.at.toISOString(),
      author: e.actor?.fullName ?? null,
    })),
    ...comments.map((c) => ({
      type: "comment" as const,
      id: `c${c.id}`,
      body: c.body,
      at: c.createdAt.toISOString(),
      author: c.author.fullName,
      side: c.author.role === "COMMUNE_OFFICER" ? ("commune" as const) : ("city" as const),
    })),
  ];
  // Stable: at equal times an event comes before a reply to it.
  const thread = items.sort((a, b) => a.at.localeCompare(b.at) || (a.type === b.type ? 0 : a.type === "event" ? -1 : 1));
  return { events: events.map(eventView), thread };
}

/**
 * Posts a reply in a commune's quarter thread. 404 unknown unit or no report of that quarter,
 * 403 outside scope or neither the commune's officer nor the city's staff, 422 a body too short or
 * too long (nothing stored then).
 */
export async function postComment(prisma: PrismaClient, actor: Actor, raw: unknown, now: Date = new Date()) {
  const input = (raw !== null && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const unit = await scopeUnit(prisma, actor, input.unitCode);
  if (!mayPostComment(actor, unit)) throw new ServiceError(403, COMMENT_MESSAGES.denied);
  const p = periodSchema.safeParse({ year: input.year, quarter: input.quarter });
  const b = commentSchema.safeParse({ body: input.body });
  if (!p.success || !b.success) {
    const issues: ApiIssue[] = [
      ...(p.success ? [] : p.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))),
      ...(b.success ? [] : b.error.issues.map((i) => ({ path: "body", message: i.message }))),
    ];
    // The first problem in the message itself: "cần ít nhất 5 ký tự", not just "không hợp lệ".
    throw new ServiceError(422, b.success ? MSG.invalid : (issues.find((i) => i.path === "body")?.message ?? COMMENT_MESSAGES.invalid), issues);
  }
  const { year, quarter } = p.data;
  const body = b.data.body;
  return prisma.$transaction(async (tx) => {
    const report = await tx.quarterReport.findUnique({
      where: { unitId_year_quarter_kind: { unitId: unit.id, year, quarter, kind: "ACTUAL" } },
      select: { id: true },
    });
    if (!report) throw new ServiceError(404, `${unit.name} chưa có báo cáo quý ${quarter}/${year}: chưa có gì để trao đổi.`);
    const saved = await tx.reportComment.create({ data: { reportId: report.id, authorId: actor.id, body, createdAt: now } });
    await audit(tx, [
      {
        tenantId: unit.tenantId,
        unitId: unit.id,
        actorId: actor.id,
        entity: "report",
        entityId: report.id,
        field: "comment",
        newValue: body,
        reason: `Trao đổi về báo cáo quý ${quarter}/${year}`,
        at: now,
      },
    ]);
    const link = `/units/${encodeURIComponent(unit.code)}?year=${year}&quarter=${quarter}`;
    const fromCommune = can(actor, "figures.enter", unit);
    await notifyUsers(tx, fromCommune ? { tenantId: unit.tenantId!, roles: ["CITY_STAFF"] } : { unitId: unit.id, roles: ["COMMUNE_OFFICER"] }, {
      tenantId: unit.tenantId,
      kind: "comment",
      title: fromCommune ? `${unit.name} trả lời về báo cáo quý ${quarter}/${year}` : `Thành phố trao đổi về báo cáo quý ${quarter}/${year} của ${unit.name}`,
      body,
      link,
    });
    return { id: saved.id, at: saved.createdAt.toISOString() };
  });
}
