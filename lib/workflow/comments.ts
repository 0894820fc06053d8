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
import { isoText, rawRead } from "../db/connect";
import type { ReportStatus, WorkflowAction } from "../generated/prisma/enums";

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

type ReviewRow = {
  t: "e" | "c";
  id: number;
  action: string | null;
  from_status: string | null;
  to_status: string | null;
  body: string | null;
  at: string;
  author: string | null;
  role: string | null;
};
/**
 * A quarter's review events and replies with their authors, oldest first (events before replies at
 * equal times), in one statement: through Prisma it took six queries (the report, its events, their
 * actors, its replies, their authors), on the officer's most visited page.
 */
const REVIEW_SQL = `
SELECT x.* FROM (
  SELECT 'e' AS t, e.id, e.action::text AS action, e.from_status::text AS from_status, e.to_status::text AS to_status,
         e.comment AS body, ${isoText("e.at")} AS at, a.full_name AS author, NULL::text AS role, 0 AS side
  FROM quarter_reports r JOIN report_events e ON e.report_id = r.id LEFT JOIN users a ON a.id = e.actor_id
  WHERE r.unit_id = $1::int AND r.year = $2::int AND r.quarter = $3::int AND r.kind = 'ACTUAL'
  UNION ALL
  SELECT 'c', c.id, NULL, NULL, NULL, c.body, ${isoText("c.created_at")}, u.full_name, u.role::text, 1
  FROM quarter_reports r JOIN report_comments c ON c.report_id = r.id JOIN users u ON u.id = c.author_id
  WHERE r.unit_id = $1::int AND r.year = $2::int AND r.quarter = $3::int AND r.kind = 'ACTUAL'
) x ORDER BY x.at, x.side, x.id`;

/**
 * A commune's quarter as its page shows it under review: the review events (reportEvents) and the
 * thread, from one read of the report's events and replies.
 */
export async function reportReview(prisma: PrismaClient, unit: ScopedUnit, year: number, quarter: number) {
  const rows = await rawRead<ReviewRow>(prisma, REVIEW_SQL, [unit.id, year, quarter]);
  const events: { action: WorkflowAction; from: ReportStatus; to: ReportStatus; comment: string | null; at: string; actor: string | null }[] = [];
  const thread: ThreadItem[] = [];
  for (const r of rows) {
    if (r.t === "e") {
      const action = r.action as WorkflowAction;
      events.push({ action, from: r.from_status as ReportStatus, to: r.to_status as ReportStatus, comment: r.body, at: r.at, actor: r.author });
      thread.push({ type: "event", id: `e${r.id}`, action, comment: r.body, at: r.at, author: r.author });
    } else {
      thread.push({ type: "comment", id: `c${r.id}`, body: r.body ?? "", at: r.at, author: r.author, side: r.role === "COMMUNE_OFFICER" ? "commune" : "city" });
    }
  }
  return { events, thread };
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
