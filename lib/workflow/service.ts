// Moving a quarter through review (submit, approve, return, reopen), one or several communes at
// once: the rules are lib/domain/workflow.ts; every transition writes its event, an audit entry
// and the notifications in the same transaction, and a batch is all-or-nothing.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { ReportStatus } from "../generated/prisma/enums";
import { checkTransition, COMMENT_MIN, TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowActionKey } from "../domain/workflow";
import { audit } from "../audit/audit";
import { notifyUsers } from "../notifications/service";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import { figuresOf, type Actor, type UnitRef } from "../figures/service";
import { scopeUnit } from "../auth/scope";
import { METRIC_KEYS, type MetricKey } from "../domain/metrics";
import { checkFigures } from "../domain/figures-validation";
import { periodSchema } from "../figures/period-schema";
import type { ScopedUnit } from "../auth/scope";

type Tx = Prisma.TransactionClient;

export const transitionBodySchema = z
  .object({
    comment: z.string().trim().max(2000, "Ý kiến quá dài (tối đa 2.000 ký tự).").optional(),
    kind: z.enum(["actual", "estimate"]).default("actual"),
    version: z.number().int().optional(),
  })
  .default({ kind: "actual" });

const STATUS_VI: Record<ReportStatus, string> = { DRAFT: "bản nháp", SUBMITTED: "đã gửi", APPROVED: "đã duyệt", RETURNED: "bị trả lại" };
const ACTION_VI: Record<WorkflowActionKey, string> = { submit: "gửi", approve: "duyệt", return: "trả lại", reopen: "mở lại" };

function refusal(action: WorkflowActionKey, reason: "role" | "scope" | "state" | "comment", status: ReportStatus, unitName: string): ServiceError {
  switch (reason) {
    case "role":
      return new ServiceError(
        403,
        action === "submit" ? "Chỉ cán bộ xã được gửi báo cáo của xã." : "Chỉ cán bộ thành phố được duyệt, trả lại hoặc mở lại báo cáo.",
      );
    case "scope":
      return new ServiceError(403, `Tài khoản của bạn không được ${ACTION_VI[action]} báo cáo của ${unitName}.`);
    case "state":
      return new ServiceError(409, `Không thể ${ACTION_VI[action]} báo cáo của ${unitName}: báo cáo đang ở trạng thái «${STATUS_VI[status]}».`, [
        { path: "status", message: `Chỉ ${ACTION_VI[action]} được khi báo cáo ${TRANSITIONS[action].from.map((s) => `«${STATUS_VI[s]}»`).join(" hoặc ")}.` },
      ]);
    case "comment":
      return new ServiceError(422, action === "return" ? "Cần ghi ý kiến khi trả lại báo cáo." : "Cần ghi lý do khi mở lại báo cáo.", [
        {
          path: "comment",
          message: `${action === "return" ? "Ghi rõ cần sửa gì" : "Ghi rõ lý do mở lại"} (ít nhất ${COMMENT_MIN} ký tự).`,
        },
      ]);
  }
}

/** Applies one transition inside `tx` (the caller's transaction). */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  unit: UnitRef,
  report: { id: number; year: number; quarter: number; kind: string; status: ReportStatus; version: number; firstSubmittedAt: Date | null },
  action: WorkflowActionKey,
  comment: string | null,
  now: Date,
  /** The report was created in this same transaction: the audit says it had no status before ("Chưa nhập → Đã gửi"). */
  { createdNow = false }: { createdNow?: boolean } = {},
) {
  const check = checkTransition(actor, unit, action, report.status, comment);
  if (!check.ok) throw refusal(action, check.reason, report.status, unit.name);
  if (action === "submit") {
    // A report is submitted complete and consistent: every figure entered, no domain error.
    const figures = figuresOf(report as unknown as Record<MetricKey, number | bigint | null>);
    const missing = METRIC_KEYS.filter((k) => figures[k] === null);
    const errors = checkFigures(figures).errors;
    if (missing.length || errors.length) {
      throw new ServiceError(422, missing.length ? MSG.missingForSubmit : MSG.checksFailed, [
        ...missing.map((k) => ({ path: `figures.${k}`, message: MSG.required })),
        ...errors.map((e) => ({ path: `figures.${e.path}`, message: e.message })),
      ]);
    }
  }
  const to = TRANSITIONS[action].to;
  await tx.reportEvent.create({
    data: {
      tenantId: unit.tenantId!,
      reportId: report.id,
      unitId: unit.id,
      action: action.toUpperCase() as "SUBMIT",
      fromStatus: report.status,
      toStatus: to,
      comment,
      actorId: actor.id,
      at: now,
    },
  });
  await audit(tx, [
    {
      tenantId: unit.tenantId,
      unitId: unit.id,
      actorId: actor.id,
      entity: "status",
      entityId: report.id,
      field: "status",
      oldValue: createdNow ? null : report.status,
      newValue: to,
      reason: comment,
      at: now,
    },
  ]);
  const period = report.kind === "ESTIMATE" ? `ước thực hiện năm ${report.year}` : `quý ${report.quarter}/${report.year}`;
  const link = `/units/${encodeURIComponent(unit.code)}?year=${report.year}&quarter=${report.quarter}`;
  if (action === "submit") {
    await notifyUsers(
      tx,
      { tenantId: unit.tenantId!, roles: ["CITY_STAFF"] },
      { tenantId: unit.tenantId, kind: "submitted", title: `${unit.name} đã gửi báo cáo ${period}`, link },
    );
  } else {
    const title =
      action === "approve"
        ? `Báo cáo ${period} của ${unit.name} đã được duyệt`
        : action === "return"
          ? `Báo cáo ${period} của ${unit.name} bị trả lại`
          : `Báo cáo ${period} của ${unit.name} được mở lại để sửa`;
    await notifyUsers(
      tx,
      { unitId: unit.id, roles: ["COMMUNE_OFFICER"] },
      { tenantId: unit.tenantId, kind: action === "approve" ? "approved" : action === "return" ? "returned" : "reopened", title, body: comment, link },
    );
  }
  // The report's write last: its trigger locks the province's summaries until the commit, so the event,
  // audit and notifications above are not written while others wait (under load, transitions in one
  // province queued). Conditional on the version and state read: a refused write rolls them all back.
  const updated = await tx.quarterReport.updateMany({
    where: { id: report.id, version: report.version, status: report.status },
    data: {
      status: to,
      version: { increment: 1 },
      ...(action === "submit" ? { submittedAt: now, firstSubmittedAt: report.firstSubmittedAt ?? now } : {}),
    },
  });
  if (updated.count !== 1) throw new ServiceError(409, `Báo cáo của ${unit.name} vừa được người khác thay đổi: hãy tải lại trang.`);
  return to;
}

/** One unit's quarter: POST /units/{code}/figures/{year}/{quarter}/{action}. */
export async function transition(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: string; year: unknown; quarter: unknown; action: string; body: unknown; requireVersion?: boolean },
  now: Date = new Date(),
) {
  if (!(WORKFLOW_ACTIONS as readonly string[]).includes(input.action)) throw new ServiceError(404, `Không có thao tác «${input.action}».`);
  const action = input.action as WorkflowActionKey;
  const unit = await scopeUnit(prisma, actor, input.unitCode);
  const p = periodSchema.safeParse({ year: input.year, quarter: input.quarter });
  const b = transitionBodySchema.safeParse(input.body ?? undefined);
  const issues: ApiIssue[] = [
    ...(p.success ? [] : p.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))),
    ...(b.success ? [] : b.error.issues.map((i) => ({ path: i.path.join(".") || "body", message: i.message }))),
  ];
  if (!p.success || !b.success) throw new ServiceError(422, MSG.invalid, issues);
  const kind = b.data.kind === "estimate" ? "ESTIMATE" : "ACTUAL";
  return prisma.$transaction(async (tx) => {
    const report = await tx.quarterReport.findUnique({
      where: { unitId_year_quarter_kind: { unitId: unit.id, year: p.data.year, quarter: p.data.quarter, kind } },
    });
    if (!report) throw new ServiceError(404, `${unit.name} chưa có báo cáo quý ${p.data.quarter}/${p.data.year}.`);
    // Who may do it is said before whether the page was stale.
    const allowed = checkTransition(actor, unit, action, report.status, "x");
    if (!allowed.ok && (allowed.reason === "role" || allowed.reason === "scope")) throw refusal(action, allowed.reason, report.status, unit.name);
    // The JSON API must say which version it acts on (428): no silent transition of a changed report.
    if (input.requireVersion && b.data.version === undefined)
      throw new ServiceError(428, MSG.versionRequired, [{ path: "version", message: MSG.versionRequired }]);
    if (b.data.version !== undefined && b.data.version !== report.version) {
      throw new ServiceError(
        409,
        `Báo cáo của ${unit.name} đã thay đổi sau khi bạn mở trang (phiên bản ${report.version}, trạng thái «${STATUS_VI[report.status]}»): hãy tải lại.`,
      );
    }
    const to = await applyTransition(tx, actor, unit, report, action, b.data.comment || null, now);
    return {
      unit: { code: unit.code, name: unit.name },
      year: report.year,
      quarter: report.quarter,
      from: report.status,
      status: to,
      version: report.version + 1,
    };
  });
}

export const batchSchema = z.object({
  action: z.enum(["approve", "return"], { error: "Chỉ duyệt hoặc trả lại được nhiều báo cáo một lúc." }),
  year: periodSchema.shape.year,
  quarter: periodSchema.shape.quarter,
  unitCodes: z.array(z.string().trim().min(1)).min(1, "Chọn ít nhất một đơn vị.").max(500),
  comment: z.string().trim().max(2000).optional(),
});

/** Approve or return several communes' quarters at once: all of them, or none. */
export async function transitionMany(prisma: PrismaClient, actor: Actor, input: unknown, now: Date = new Date()) {
  const r = batchSchema.safeParse(input);
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const { action, year, quarter, unitCodes, comment } = r.data;
  const units = await Promise.all([...new Set(unitCodes)].map((c) => scopeUnit(prisma, actor, c)));
  return prisma.$transaction(
    async (tx) => {
      const done: string[] = [];
      for (const unit of units) {
        const report = await tx.quarterReport.findUnique({ where: { unitId_year_quarter_kind: { unitId: unit.id, year, quarter, kind: "ACTUAL" } } });
        if (!report) throw new ServiceError(404, `${unit.name} chưa có báo cáo quý ${quarter}/${year}: chưa duyệt, trả lại báo cáo nào.`);
        await applyTransition(tx, actor, unit, report, action, comment || null, now);
        done.push(unit.code);
      }
      return { action, year, quarter, count: done.length, unitCodes: done };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/** The review history of a quarter (who moved it, when, the comments), newest last. */
export async function reportEvents(prisma: PrismaClient, unit: ScopedUnit, year: number, quarter: number, kind: "actual" | "estimate" = "actual") {
  const report = await prisma.quarterReport.findUnique({
    where: { unitId_year_quarter_kind: { unitId: unit.id, year, quarter, kind: kind === "estimate" ? "ESTIMATE" : "ACTUAL" } },
    select: { id: true },
  });
  if (!report) return [];
  return (await readReportEvents(prisma, report.id)).map(eventView);
}

/** A report's review events, oldest first, with who acted (one query for the events and their actors). */
export function readReportEvents(prisma: PrismaClient, reportId: number) {
  return prisma.reportEvent.findMany({
    where: { reportId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: { actor: { select: { fullName: true, username: true } } },
  });
}

/** A review event as pages and the API show it. */
export function eventView(e: Awaited<ReturnType<typeof readReportEvents>>[number]) {
  return {
    action: e.action,
    from: e.fromStatus,
    to: e.toStatus,
    comment: e.comment,
    at: e.at.toISOString(),
    actor: e.actor?.fullName ?? null,
  };
}

export const reviewFiguresSchema = z.object({
  year: periodSchema.shape.year,
  quarter: periodSchema.shape.quarter,
  unitCodes: z.array(z.string().trim().min(1)).min(1, "Chọn ít nhất một đơn vị.").max(500),
});

/**
 * The figures city staff are about to approve or return, for the confirmation of a batch: each
 * commune's quarter (status and figures), every unit through the scope gate with "report.review".
 */
export async function figuresForReview(prisma: PrismaClient, actor: Actor, input: unknown) {
  const r = reviewFiguresSchema.safeParse(input);
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const { year, quarter, unitCodes } = r.data;
  const units = await Promise.all([...new Set(unitCodes)].map((c) => scopeUnit(prisma, actor, c, "report.review")));
  const reports = await prisma.quarterReport.findMany({ where: { unitId: { in: units.map((u) => u.id) }, year, quarter, kind: "ACTUAL" } });
  const byUnit = new Map(reports.map((x) => [x.unitId, x]));
  return units.map((u) => {
    const x = byUnit.get(u.id);
    return { code: u.code, name: u.name, status: x?.status ?? null, figures: x ? figuresOf(x as unknown as Record<MetricKey, number | bigint | null>) : null };
  });
}
