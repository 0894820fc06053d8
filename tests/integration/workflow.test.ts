// The review workflow (lib/workflow/service.ts, rules in lib/domain/workflow.ts) against the demo
// data, on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL: every transition (submit,
// approve, return, reopen) from every status by every demo role, allowed or refused; the issue's
// story (Kim Thành submits 2026 Q3, the city returns it with a comment, the commune fixes and
// resubmits, the city approves, the quarter is locked, the city reopens it); approving and returning
// several communes at once (all or nothing); the demo's returned report; malformed input. Every
// refused transition is checked to have written nothing: no report_events, audit_entries or
// notifications, and the report's status and version unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { NLB_RETURN_COMMENT } from "@/lib/demo/load";
import { readReport, saveQuarter, type Actor, type ScopedUnit as UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { reportEvents, transition, transitionMany } from "@/lib/workflow/service";
import { listNotifications, unreadCount } from "@/lib/notifications/service";
import { METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";
import type { ReportStatus } from "@/lib/generated/prisma/enums";

const NOW = new Date("2026-11-21T10:00:00Z");

const USERNAMES = ["admin", "lanhdao.quocgia", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh", "xa.nguyenluongbang", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];

const UNIT_CODES = ["10804", "11242", "31", "46", "VN"] as const;
type UnitCode = (typeof UNIT_CODES)[number];

const ACTIONS = ["submit", "approve", "return", "reopen"] as const;
type Action = (typeof ACTIONS)[number];
const STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const satisfies readonly ReportStatus[];

/** The rules, written out here rather than read from lib/domain/workflow.ts. */
const FROM: Record<Action, readonly ReportStatus[]> = {
  submit: ["DRAFT", "RETURNED"],
  approve: ["SUBMITTED"],
  return: ["SUBMITTED"],
  reopen: ["APPROVED"],
};
const TO: Record<Action, ReportStatus> = { submit: "SUBMITTED", approve: "APPROVED", return: "RETURNED", reopen: "RETURNED" };
const NEEDS_COMMENT: Record<Action, boolean> = { submit: false, approve: false, return: true, reopen: true };
const NOTICE_KIND: Record<Action, string> = { submit: "submitted", approve: "approved", return: "returned", reopen: "reopened" };

const ROLE_MESSAGE = {
  commune: "Chỉ cán bộ xã được gửi báo cáo của xã.",
  city: "Chỉ cán bộ thành phố được duyệt, trả lại hoặc mở lại báo cáo.",
};

/**
 * Who acts on which commune, and what they may do there. `refusal` is why everything else is 403:
 * the unit is outside their scope (they may not even see it), or their role may not do it.
 */
const ACTOR_CASES: Array<{ user: Username; unit: "10804" | "11242"; may: readonly Action[]; refusal: "view" | "role" }> = [
  { user: "admin", unit: "10804", may: [], refusal: "role" },
  { user: "lanhdao.quocgia", unit: "10804", may: [], refusal: "role" },
  { user: "bhxh.haiphong", unit: "10804", may: ["approve", "return", "reopen"], refusal: "role" },
  { user: "lanhdao.haiphong", unit: "10804", may: [], refusal: "role" },
  { user: "xa.kimthanh", unit: "10804", may: ["submit"], refusal: "role" },
  { user: "xa.kimthanh", unit: "11242", may: [], refusal: "view" },
  { user: "xa.nguyenluongbang", unit: "11242", may: ["submit"], refusal: "role" },
  { user: "bhxh.hue", unit: "10804", may: [], refusal: "view" },
];

type TransitionInput = { unitCode: string; year: unknown; quarter: unknown; action: string; body: unknown };

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused with a ServiceError");
}

const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

describe.each(dbKinds)("the review workflow on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor & { fullName: string }>;
  const units = {} as Record<UnitCode, UnitRef>;
  /** Hải Phòng communes (not 10804/11242) whose 2026 Q3 is submitted, drafted, or absent in the demo. */
  let hpSubmitted: UnitRef[] = [];
  let hpDraft: UnitRef;
  let hpNone: UnitRef;
  /** A Huế commune with a submitted 2026 Q3. */
  let hueSubmitted: UnitRef;
  /** Users notified of a submission in Hải Phòng: its active city staff. */
  let hpStaffIds: number[] = [];

  beforeAll(async () => {
    const t0 = Date.now();
    db = await migratedDatabase(kind, { demo: true });
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...USERNAMES] } },
      select: { id: true, username: true, role: true, tenantId: true, unitId: true, fullName: true },
    });
    for (const u of users) actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId, fullName: u.fullName };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    for (const code of UNIT_CODES) units[code] = await scopeUnit(db.prisma, actors.admin, code);

    const q3 = await db.prisma.quarterReport.findMany({
      where: { year: 2026, quarter: 3, kind: "ACTUAL", unit: { level: "COMMUNE", code: { notIn: ["10804", "11242"] } } },
      select: { status: true, tenantId: true, unit: { select: { code: true } } },
      orderBy: { unit: { code: "asc" } },
    });
    const codesOf = (tenant: UnitCode, status: ReportStatus) =>
      q3.filter((r) => r.tenantId === units[tenant].id && r.status === status).map((r) => r.unit.code);
    const ref = (code: string) => scopeUnit(db.prisma, actors.admin, code);
    hpSubmitted = await Promise.all(codesOf("31", "SUBMITTED").slice(0, 12).map(ref));
    expect(hpSubmitted).toHaveLength(12);
    hpDraft = await ref(codesOf("31", "DRAFT")[0]);
    hueSubmitted = await ref(codesOf("46", "SUBMITTED")[0]);
    const withQ3 = new Set(q3.map((r) => r.unit.code));
    const none = await db.prisma.unit.findFirstOrThrow({
      where: { level: "COMMUNE", tenantId: units["31"].id, validTo: null, code: { notIn: [...withQ3, "10804", "11242"] } },
      select: { code: true },
    });
    hpNone = await ref(none.code);
    hpStaffIds = (await db.prisma.user.findMany({ where: { role: "CITY_STAFF", tenantId: units["31"].id, active: true }, select: { id: true } })).map(
      (u) => u.id,
    );
    expect(hpStaffIds).toContain(actors["bhxh.haiphong"].id);
    console.info(`workflow on ${kind}: database ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const move = (user: Username, input: TransitionInput, now: Date = NOW) => transition(db.prisma, actors[user], input, now);

  /** Rows written by transitions anywhere, and every report's status and version. */
  async function snapshot() {
    const [row] = await db.sql.query<{ events: number; audit: number; notices: number; reports: string }>(
      `SELECT (SELECT count(*)::int FROM report_events) AS events,
              (SELECT count(*)::int FROM audit_entries) AS audit,
              (SELECT count(*)::int FROM notifications) AS notices,
              (SELECT md5(string_agg(id || ':' || status || ':' || version || ':' || updated_at, ',' ORDER BY id)) FROM quarter_reports) AS reports`,
    );
    return row;
  }

  /** Runs something that must be refused with `status`; checks it wrote nothing and returns the error. */
  async function refused(p: () => Promise<unknown>, status: number): Promise<ServiceError> {
    const before = await snapshot();
    const err = await failure(p());
    expect(err.status, `${err.message} ${JSON.stringify(err.issues)}`).toBe(status);
    expect(await snapshot()).toEqual(before);
    return err;
  }

  const reportOf = (unit: UnitRef, year: number, quarter: number, kindOf: "ACTUAL" | "ESTIMATE" = "ACTUAL") =>
    db.prisma.quarterReport.findUniqueOrThrow({ where: { unitId_year_quarter_kind: { unitId: unit.id, year, quarter, kind: kindOf } } });

  const figuresOf = async (unit: UnitRef, year: number, quarter: number) => {
    const r = await readReport(db.prisma, unit.id, { year, quarter });
    if (!r) throw new Error(`no report ${unit.code} ${year} Q${quarter}`);
    return r.figures as Record<MetricKey, number>;
  };

  // -------------------------------------------------------------------------------------------
  // 1. The demo's returned report (first: later tests add notifications of their own).

  it("has Nguyễn Lương Bằng's 2025 Q3 returned with the city's comment and an unread notice", async () => {
    const nlb = units["11242"];
    const report = await reportOf(nlb, 2025, 3);
    expect(report.status).toBe("RETURNED");
    expect(report.firstSubmittedAt?.toISOString()).toBe(report.submittedAt?.toISOString());
    const events = await reportEvents(db.prisma, nlb, 2025, 3);
    expect(events.map((e) => [e.action, e.from, e.to, e.actor])).toEqual([
      ["SUBMIT", "DRAFT", "SUBMITTED", actors["xa.nguyenluongbang"].fullName],
      ["RETURN", "SUBMITTED", "RETURNED", actors["bhxh.haiphong"].fullName],
    ]);
    expect(events.at(-1)!.comment).toBe(NLB_RETURN_COMMENT);
    expect(events[0].at < events[1].at).toBe(true);
    const audit = await db.prisma.auditEntry.findMany({ where: { entity: "status", entityId: String(report.id) } });
    expect(audit.map((a) => [a.oldValue, a.newValue, a.reason, a.actorId])).toEqual([
      ["SUBMITTED", "RETURNED", NLB_RETURN_COMMENT, actors["bhxh.haiphong"].id],
    ]);

    const officer = actors["xa.nguyenluongbang"];
    expect(await unreadCount(db.prisma, officer.id)).toBeGreaterThanOrEqual(1);
    const unread = await listNotifications(db.prisma, officer.id, { unreadOnly: true });
    const notice = unread.find((n) => n.link === "/units/11242?year=2025&quarter=3");
    expect(notice).toMatchObject({ kind: "returned", body: NLB_RETURN_COMMENT, readAt: null, tenantId: units["31"].id });
    expect(notice!.title).toContain("bị trả lại");
    // The other demo officer has no notice about it.
    expect((await listNotifications(db.prisma, actors["xa.kimthanh"].id)).some((n) => n.body === NLB_RETURN_COMMENT)).toBe(false);
    // Its 2026 Q3 submissions and approvals are in the history too.
    expect((await reportEvents(db.prisma, nlb, 2026, 3)).map((e) => e.action)).toEqual(["SUBMIT"]);
  });

  // -------------------------------------------------------------------------------------------
  // 2. Every transition, from every status, by every role.

  it("allows exactly the transitions of the rules, for every role and status, and writes nothing otherwise", async () => {
    // A dedicated quarter of each demo commune: 2026 Q4, created complete as a draft.
    const dedicated = {} as Record<"10804" | "11242", number>;
    for (const code of ["10804", "11242"] as const) {
      const figures = await figuresOf(units[code], 2026, 2);
      const r = await db.prisma.quarterReport.create({
        data: {
          ...figures,
          amountDue: BigInt(figures.amountDue),
          amountCollected: BigInt(figures.amountCollected),
          latePayments: BigInt(figures.latePayments),
          tenantId: units["31"].id,
          unitId: units[code].id,
          year: 2026,
          quarter: 4,
          kind: "ACTUAL",
          status: "DRAFT",
        },
      });
      dedicated[code] = r.id;
    }
    const officerOf = { "10804": actors["xa.kimthanh"].id, "11242": actors["xa.nguyenluongbang"].id };

    let n = 0;
    let allowed = 0;
    const seen = new Set<string>();
    for (const a of ACTOR_CASES) {
      for (const action of ACTIONS) {
        for (const status of STATUSES) {
          const comments: Array<string | undefined> = NEEDS_COMMENT[action]
            ? ["  Ý kiến kiểm tra số liệu.  ", undefined, "   "]
            : [undefined, "Ghi chú kèm theo."];
          for (const comment of comments) {
            const name = `${a.user} ${action} ${a.unit} from ${status} with comment ${JSON.stringify(comment)}`;
            const now = at(NOW, ++n);
            const id = dedicated[a.unit];
            await db.prisma.quarterReport.update({ where: { id }, data: { status } });
            const before = await db.prisma.quarterReport.findUniqueOrThrow({ where: { id } });
            const input: TransitionInput = { unitCode: a.unit, year: 2026, quarter: 4, action, body: comment === undefined ? undefined : { comment } };
            const trimmed = comment?.trim() || null;

            const expected: 403 | 409 | 422 | "ok" = !a.may.includes(action)
              ? 403
              : !FROM[action].includes(status)
                ? 409
                : NEEDS_COMMENT[action] && !trimmed
                  ? 422
                  : "ok";
            seen.add(String(expected));

            if (expected !== "ok") {
              const err = await refused(() => move(a.user, input, now), expected);
              if (expected === 403)
                expect(err.message, name).toBe(a.refusal === "view" ? MSG.forbiddenView : action === "submit" ? ROLE_MESSAGE.commune : ROLE_MESSAGE.city);
              if (expected === 409) {
                expect(err.message, name).toContain("đang ở trạng thái");
                expect(
                  err.issues.map((i) => i.path),
                  name,
                ).toEqual(["status"]);
              }
              if (expected === 422) {
                expect(err.message, name).toBe(action === "return" ? "Cần ghi ý kiến khi trả lại báo cáo." : "Cần ghi lý do khi mở lại báo cáo.");
                expect(
                  err.issues.map((i) => i.path),
                  name,
                ).toEqual(["comment"]);
              }
              const after = await db.prisma.quarterReport.findUniqueOrThrow({ where: { id } });
              expect(after, name).toEqual(before);
              continue;
            }

            allowed++;
            const eventsBefore = await db.prisma.reportEvent.count();
            const auditBefore = await db.prisma.auditEntry.count();
            const noticesBefore = await db.prisma.notification.findMany({ select: { id: true } });
            const res = await move(a.user, input, now);
            expect(res, name).toEqual({
              unit: { code: a.unit, name: units[a.unit].name },
              year: 2026,
              quarter: 4,
              from: status,
              status: TO[action],
              version: before.version + 1,
            });
            const after = await db.prisma.quarterReport.findUniqueOrThrow({ where: { id } });
            expect(after.status, name).toBe(TO[action]);
            expect(after.version, name).toBe(before.version + 1);
            if (action === "submit") {
              expect(after.submittedAt?.toISOString(), name).toBe(now.toISOString());
              expect(after.firstSubmittedAt?.toISOString(), name).toBe((before.firstSubmittedAt ?? now).toISOString());
            } else {
              expect(after.submittedAt, name).toEqual(before.submittedAt);
              expect(after.firstSubmittedAt, name).toEqual(before.firstSubmittedAt);
            }
            // One event, one audit entry, the notices.
            expect(await db.prisma.reportEvent.count(), name).toBe(eventsBefore + 1);
            const event = await db.prisma.reportEvent.findFirstOrThrow({ where: { reportId: id }, orderBy: { id: "desc" } });
            expect(event, name).toMatchObject({
              action: action.toUpperCase(),
              fromStatus: status,
              toStatus: TO[action],
              comment: trimmed,
              actorId: actors[a.user].id,
              unitId: units[a.unit].id,
              tenantId: units["31"].id,
              at: now,
            });
            expect(await db.prisma.auditEntry.count(), name).toBe(auditBefore + 1);
            const entry = await db.prisma.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
            expect(entry, name).toMatchObject({
              entity: "status",
              entityId: String(id),
              field: "status",
              oldValue: status,
              newValue: TO[action],
              reason: trimmed,
              actorId: actors[a.user].id,
              unitId: units[a.unit].id,
              at: now,
            });
            const notices = await db.prisma.notification.findMany({ where: { id: { notIn: noticesBefore.map((x) => x.id) } }, orderBy: { userId: "asc" } });
            const recipients = action === "submit" ? hpStaffIds : [officerOf[a.unit]];
            expect(
              notices.map((x) => x.userId).sort((p, q) => p - q),
              name,
            ).toEqual([...recipients].sort((p, q) => p - q));
            for (const x of notices) {
              expect(x, name).toMatchObject({
                kind: NOTICE_KIND[action],
                tenantId: units["31"].id,
                link: `/units/${a.unit}?year=2026&quarter=4`,
                readAt: null,
              });
              expect(x.title, name).toContain("quý 4/2026");
              expect(x.title, name).toContain(units[a.unit].name);
              if (action !== "submit") expect(x.body, name).toBe(trimmed);
            }
          }
        }
      }
    }
    // Every outcome occurred; each allowed (action, from) pair was taken by each actor allowed it.
    expect([...seen].sort()).toEqual(["403", "409", "422", "ok"]);
    expect(allowed).toBe(
      2 * 2 * 2 /* two officers: submit from DRAFT, RETURNED, two comment cases */ + 2 /* approve */ + 1 + 1 /* return, reopen with a comment */,
    );
  });

  // -------------------------------------------------------------------------------------------
  // 3. The issue's story, on Kim Thành's 2026 Q3.

  it("takes Kim Thành's 2026 Q3 through submit, return, fix, resubmit, approve, lock and reopen", async () => {
    const kt = units["10804"];
    const officer = actors["xa.kimthanh"];
    const staff = actors["bhxh.haiphong"];
    const t = (h: number) => new Date(Date.UTC(2026, 9, 2, 2 + h)); // 2 October 2026 on, one hour apart
    const RETURN_COMMENT = "Đề nghị xã kiểm tra lại số người tham gia BHXH bắt buộc và BHTN quý 3/2026.";
    const REOPEN_REASON = "Mở lại theo đề nghị của xã: bổ sung số người tham gia BHYT.";
    const where = { unitCode: "10804", year: 2026, quarter: 3 };
    expect(await readReport(db.prisma, kt.id, { year: 2026, quarter: 3 })).toBeNull();
    const save = (body: Record<string, unknown>, now: Date) => saveQuarter(db.prisma, officer, { ...where, body }, now);
    const noticesOf = (user: Username) => db.prisma.notification.findMany({ where: { userId: actors[user].id }, orderBy: { id: "asc" } });
    const staffUnreadBefore = await unreadCount(db.prisma, staff.id);
    const officerNoticesBefore = (await noticesOf("xa.kimthanh")).length;

    // The commune enters the quarter (a draft) and submits it.
    const q2 = await figuresOf(kt, 2026, 2);
    const q3 = Object.fromEntries(METRIC_KEYS.map((k) => [k, Math.round(q2[k] * 1.01)])) as Record<MetricKey, number>;
    const draft = await save({ figures: q3, version: 0 }, t(0));
    expect(draft.report).toMatchObject({ status: "DRAFT", version: 1 });
    const submitted = await move("xa.kimthanh", { ...where, action: "submit", body: { version: 1 } }, t(1));
    expect(submitted).toMatchObject({ from: "DRAFT", status: "SUBMITTED", version: 2 });
    expect(await unreadCount(db.prisma, staff.id)).toBe(staffUnreadBefore + 1);
    const [toStaff] = await listNotifications(db.prisma, staff.id, { take: 1 });
    expect(toStaff).toMatchObject({
      kind: "submitted",
      title: "Xã Kim Thành đã gửi báo cáo quý 3/2026",
      link: "/units/10804?year=2026&quarter=3",
      readAt: null,
    });
    // The city's leader and Huế's staff are not told.
    expect((await noticesOf("lanhdao.haiphong")).length).toBe(0);
    expect((await noticesOf("bhxh.hue")).some((x) => x.link?.startsWith("/units/10804"))).toBe(false);

    // The city returns it with a comment: the commune is told, with the comment.
    const returned = await move("bhxh.haiphong", { ...where, action: "return", body: { comment: RETURN_COMMENT, version: 2 } }, t(2));
    expect(returned).toMatchObject({ from: "SUBMITTED", status: "RETURNED", version: 3 });
    let notices = await noticesOf("xa.kimthanh");
    expect(notices).toHaveLength(officerNoticesBefore + 1);
    expect(notices.at(-1)).toMatchObject({ kind: "returned", body: RETURN_COMMENT, link: "/units/10804?year=2026&quarter=3", readAt: null });
    expect(notices.at(-1)!.title).toBe("Báo cáo quý 3/2026 của Xã Kim Thành bị trả lại");
    expect((await reportOf(kt, 2026, 3)).status).toBe("RETURNED");

    // The commune fixes two figures: the quarter stays returned.
    const fixed = { ...q3, bhxhCompulsory: q3.bhxhCompulsory + 12, bhtn: q3.bhtn + 5 };
    const fix = await save({ figures: fixed, version: 3 }, t(3));
    expect(fix.report).toMatchObject({ status: "RETURNED", version: 4, figures: fixed });
    // …and resubmits (the save and the submit: two versions).
    const resubmitted = await save({ figures: fixed, submit: true, version: 4 }, t(4));
    expect(resubmitted.report).toMatchObject({ status: "SUBMITTED", version: 6, submittedAt: t(4).toISOString() });
    const row = await reportOf(kt, 2026, 3);
    expect(row.firstSubmittedAt?.toISOString()).toBe(t(1).toISOString());
    expect(await unreadCount(db.prisma, staff.id)).toBe(staffUnreadBefore + 2);

    // The city approves it.
    const approved = await move("bhxh.haiphong", { ...where, action: "approve", body: undefined }, t(5));
    expect(approved).toMatchObject({ from: "SUBMITTED", status: "APPROVED", version: 7 });
    notices = await noticesOf("xa.kimthanh");
    expect(notices.at(-1)).toMatchObject({ kind: "approved", body: null, title: "Báo cáo quý 3/2026 của Xã Kim Thành đã được duyệt" });

    // Approved: the commune can neither save nor resubmit.
    const locked = await refused(() => save({ figures: { ...fixed, bhyt: fixed.bhyt + 1 } }, t(6)), 409);
    expect(locked.extra).toMatchObject({ locked: true, status: "APPROVED" });
    await refused(() => move("xa.kimthanh", { ...where, action: "submit", body: undefined }, t(6)), 409);

    // The city reopens it, giving a reason: returned, and the commune can save again.
    const reopened = await move("bhxh.haiphong", { ...where, action: "reopen", body: { comment: REOPEN_REASON } }, t(7));
    expect(reopened).toMatchObject({ from: "APPROVED", status: "RETURNED", version: 8 });
    notices = await noticesOf("xa.kimthanh");
    expect(notices.at(-1)).toMatchObject({ kind: "reopened", body: REOPEN_REASON, title: "Báo cáo quý 3/2026 của Xã Kim Thành được mở lại để sửa" });
    const again = await save({ figures: { ...fixed, bhyt: fixed.bhyt + 1 }, version: 8 }, t(8));
    expect(again.report).toMatchObject({ status: "RETURNED", version: 9 });

    // The history.
    const events = await reportEvents(db.prisma, kt, 2026, 3);
    expect(events).toEqual([
      { action: "SUBMIT", from: "DRAFT", to: "SUBMITTED", comment: null, at: t(1).toISOString(), actor: officer.fullName },
      { action: "RETURN", from: "SUBMITTED", to: "RETURNED", comment: RETURN_COMMENT, at: t(2).toISOString(), actor: staff.fullName },
      { action: "SUBMIT", from: "RETURNED", to: "SUBMITTED", comment: null, at: t(4).toISOString(), actor: officer.fullName },
      { action: "APPROVE", from: "SUBMITTED", to: "APPROVED", comment: null, at: t(5).toISOString(), actor: staff.fullName },
      { action: "REOPEN", from: "APPROVED", to: "RETURNED", comment: REOPEN_REASON, at: t(7).toISOString(), actor: staff.fullName },
    ]);
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());

    // The audit: each status change with its reason, each figure entered or changed.
    const audit = await db.prisma.auditEntry.findMany({ where: { entityId: String(row.id), entity: { in: ["status", "figure"] } }, orderBy: { id: "asc" } });
    expect(audit.filter((a) => a.entity === "status").map((a) => [a.oldValue, a.newValue, a.reason, a.actorId, a.at.toISOString()])).toEqual([
      ["DRAFT", "SUBMITTED", null, officer.id, t(1).toISOString()],
      ["SUBMITTED", "RETURNED", RETURN_COMMENT, staff.id, t(2).toISOString()],
      ["RETURNED", "SUBMITTED", null, officer.id, t(4).toISOString()],
      ["SUBMITTED", "APPROVED", null, staff.id, t(5).toISOString()],
      ["APPROVED", "RETURNED", REOPEN_REASON, staff.id, t(7).toISOString()],
    ]);
    const figureAudit = audit.filter((a) => a.entity === "figure");
    expect(figureAudit.filter((a) => a.at.getTime() === t(0).getTime())).toHaveLength(12);
    expect(figureAudit.filter((a) => a.at.getTime() === t(3).getTime()).map((a) => [a.field, a.oldValue, a.newValue, a.actorId])).toEqual([
      ["bhxhCompulsory", String(q3.bhxhCompulsory), String(fixed.bhxhCompulsory), officer.id],
      ["bhtn", String(q3.bhtn), String(fixed.bhtn), officer.id],
    ]);
    // The resubmission changed no figure; the save after the reopen changed one.
    expect(figureAudit.filter((a) => a.at.getTime() === t(4).getTime())).toEqual([]);
    expect(figureAudit.filter((a) => a.at.getTime() === t(8).getTime()).map((a) => a.field)).toEqual(["bhyt"]);
  });

  it("does not let a quarter with a figure missing be submitted, by the save or by the transition", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    // The demo's returned quarter: editable, and submittable once complete.
    const where = { unitCode: "11242", year: 2025, quarter: 3 };
    const base = await figuresOf(units["11242"], 2025, 3);
    const incomplete = { ...base } as Partial<Record<MetricKey, number>>;
    delete incomplete.latePayments;
    const draft = await saveQuarter(db.prisma, nlb, { ...where, body: { figures: incomplete } }, NOW);
    expect(draft.report).toMatchObject({ status: "RETURNED" });
    expect(draft.report.figures.latePayments).toBeNull();
    const viaSave = await refused(() => saveQuarter(db.prisma, nlb, { ...where, body: { figures: incomplete, submit: true } }, NOW), 422);
    expect(viaSave.message).toBe(MSG.missingForSubmit);
    const viaTransition = await refused(() => move("xa.nguyenluongbang", { ...where, action: "submit", body: undefined }), 422);
    expect(viaTransition.message).toBe(MSG.missingForSubmit);
    expect(viaTransition.issues).toEqual([expect.objectContaining({ path: "figures.latePayments", message: MSG.required })]);
    // Complete again, as the demo had it: still returned, not submitted.
    expect((await saveQuarter(db.prisma, nlb, { ...where, body: { figures: base } }, NOW)).report.status).toBe("RETURNED");
  });

  // -------------------------------------------------------------------------------------------
  // 4. Several communes at once.

  it("approves or returns several communes at once, all or nothing", async () => {
    const staff = actors["bhxh.haiphong"];
    const batch = (user: Username, input: unknown, now: Date = NOW) => transitionMany(db.prisma, actors[user], input, now);
    const statusOf = async (list: UnitRef[]) =>
      Promise.all(
        list.map(async (u) => {
          const r = await reportOf(u, 2026, 3);
          return [u.code, r.status, r.version] as const;
        }),
      );

    // Approve five submitted communes (one of them twice in the list).
    const five = hpSubmitted.slice(0, 5);
    const before = await statusOf(five);
    expect(before.every(([, s]) => s === "SUBMITTED")).toBe(true);
    const eventsBefore = await db.prisma.reportEvent.count();
    const res = await batch("bhxh.haiphong", { action: "approve", year: 2026, quarter: 3, unitCodes: [...five.map((u) => u.code), five[0].code] });
    expect(res).toEqual({ action: "approve", year: 2026, quarter: 3, count: 5, unitCodes: five.map((u) => u.code) });
    expect(await statusOf(five)).toEqual(before.map(([c, , v]) => [c, "APPROVED", v + 1]));
    expect(await db.prisma.reportEvent.count()).toBe(eventsBefore + 5);
    for (const u of five) {
      const events = await reportEvents(db.prisma, u, 2026, 3);
      expect(events.at(-1)).toMatchObject({ action: "APPROVE", from: "SUBMITTED", to: "APPROVED", actor: staff.fullName, at: NOW.toISOString() });
      expect(events.filter((e) => e.action === "APPROVE")).toHaveLength(1);
    }

    // One draft among them: 409, none approved.
    const three = hpSubmitted.slice(5, 8);
    const mixed = [...three, hpDraft];
    const mixedBefore = await statusOf(mixed);
    const draftErr = await refused(() => batch("bhxh.haiphong", { action: "approve", year: 2026, quarter: 3, unitCodes: mixed.map((u) => u.code) }), 409);
    expect(draftErr.message).toContain(hpDraft.name);
    expect(draftErr.message).toContain("bản nháp");
    expect(await statusOf(mixed)).toEqual(mixedBefore);
    // Already approved (from the first batch): 409 too.
    await refused(() => batch("bhxh.haiphong", { action: "approve", year: 2026, quarter: 3, unitCodes: [three[0].code, five[1].code] }), 409);

    // A commune of Huế in Hải Phòng's batch: 403, none approved.
    const foreign = await refused(
      () => batch("bhxh.haiphong", { action: "approve", year: 2026, quarter: 3, unitCodes: [three[0].code, hueSubmitted.code] }),
      403,
    );
    expect(foreign.message).toBe(MSG.forbiddenView);
    expect((await reportOf(hueSubmitted, 2026, 3)).status).toBe("SUBMITTED");
    // Nor may Huế's staff approve a Hải Phòng commune, nor the city's leader any.
    await refused(() => batch("bhxh.hue", { action: "approve", year: 2026, quarter: 3, unitCodes: [three[0].code] }), 403);
    const leader = await refused(() => batch("lanhdao.haiphong", { action: "approve", year: 2026, quarter: 3, unitCodes: three.map((u) => u.code) }), 403);
    expect(leader.message).toBe(ROLE_MESSAGE.city);
    // A commune with no report for the quarter: 404, none approved.
    const missing = await refused(() => batch("bhxh.haiphong", { action: "approve", year: 2026, quarter: 3, unitCodes: [three[0].code, hpNone.code] }), 404);
    expect(missing.message).toContain(hpNone.name);

    // Returning needs a comment.
    for (const comment of [undefined, "", "   "]) {
      const err = await refused(() => batch("bhxh.haiphong", { action: "return", year: 2026, quarter: 3, unitCodes: three.map((u) => u.code), comment }), 422);
      expect(err.issues.map((i) => i.path)).toEqual(["comment"]);
    }
    // Malformed batches.
    const bad: Array<[unknown, string]> = [
      [{ action: "submit", year: 2026, quarter: 3, unitCodes: [three[0].code] }, "action"],
      [{ action: "reopen", year: 2026, quarter: 3, unitCodes: [three[0].code], comment: "x" }, "action"],
      [{ action: "approve", year: 2026, quarter: 3, unitCodes: [] }, "unitCodes"],
      [{ action: "approve", year: "abc", quarter: 3, unitCodes: [three[0].code] }, "year"],
      [{ action: "approve", year: 2026, quarter: 5, unitCodes: [three[0].code] }, "quarter"],
      [{ action: "return", year: 2026, quarter: 3, unitCodes: [three[0].code], comment: "x".repeat(2001) }, "comment"],
      [null, ""],
    ];
    for (const [input, path] of bad) {
      const err = await refused(() => batch("bhxh.haiphong", input), 422);
      expect(
        err.issues.map((i) => i.path),
        JSON.stringify(input)?.slice(0, 80),
      ).toContain(path);
    }

    // With a comment, the batch returns them all, and each commune's officer hears of it.
    const comment = "Đề nghị các xã bổ sung số liệu BHYT quý 3/2026.";
    const toReturn = [...three, units["11242"]];
    const nlbNotices = await db.prisma.notification.count({ where: { userId: actors["xa.nguyenluongbang"].id } });
    const back = await batch("bhxh.haiphong", { action: "return", year: 2026, quarter: 3, unitCodes: toReturn.map((u) => u.code), comment: `  ${comment} ` });
    expect(back.count).toBe(4);
    for (const u of toReturn) {
      expect((await reportOf(u, 2026, 3)).status).toBe("RETURNED");
      expect((await reportEvents(db.prisma, u, 2026, 3)).at(-1)).toMatchObject({ action: "RETURN", comment, actor: staff.fullName });
    }
    const notices = await db.prisma.notification.findMany({ where: { userId: actors["xa.nguyenluongbang"].id }, orderBy: { id: "asc" } });
    expect(notices).toHaveLength(nlbNotices + 1);
    expect(notices.at(-1)).toMatchObject({ kind: "returned", body: comment, link: "/units/11242?year=2026&quarter=3" });
  });

  it("lets only one of two concurrent transitions of the same quarter through", async () => {
    const u = hpSubmitted[10];
    const where = { unitCode: u.code, year: 2026, quarter: 3 };
    const before = await reportOf(u, 2026, 3);
    expect(before.status).toBe("SUBMITTED");
    const eventsBefore = await db.prisma.reportEvent.count({ where: { reportId: before.id } });
    const statusAudit = () => db.prisma.auditEntry.count({ where: { entity: "status", entityId: String(before.id) } });
    const auditBefore = await statusAudit();
    const results = await Promise.allSettled([
      move("bhxh.haiphong", { ...where, action: "approve", body: undefined }),
      move("bhxh.haiphong", { ...where, action: "return", body: { comment: "Trả lại cùng lúc." } }),
    ]);
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won, JSON.stringify(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok")))).toHaveLength(1);
    const lost = results[1 - won[0]] as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ServiceError);
    expect((lost.reason as ServiceError).status).toBe(409);
    const after = await reportOf(u, 2026, 3);
    expect(after.status).toBe(won[0] === 0 ? "APPROVED" : "RETURNED");
    expect(after.version).toBe(before.version + 1);
    expect(await db.prisma.reportEvent.count({ where: { reportId: before.id } })).toBe(eventsBefore + 1);
    expect(await statusAudit()).toBe(auditBefore + 1);
  });

  // -------------------------------------------------------------------------------------------
  // 5. Malformed input to a single transition.

  it("refuses malformed transitions: unknown action or unit, bad period, long comment, no report, stale version", async () => {
    const [u1, u2] = hpSubmitted.slice(8, 10);
    const where = { unitCode: u1.code, year: 2026, quarter: 3 };
    expect((await reportOf(u1, 2026, 3)).status).toBe("SUBMITTED");

    for (const action of ["delete", "SUBMIT", "", "approve/../return"]) {
      const err = await refused(() => move("bhxh.haiphong", { ...where, action, body: undefined }), 404);
      expect(err.message).toBe(`Không có thao tác «${action}».`);
    }
    for (const [year, quarter, path] of [
      ["abc", 3, "year"],
      [2026, 5, "quarter"],
      [2026, 0, "quarter"],
      [2014, 3, "year"],
      [2026, "abc", "quarter"],
    ] as const) {
      const err = await refused(() => move("bhxh.haiphong", { unitCode: u1.code, year, quarter, action: "approve", body: undefined }), 422);
      expect(err.message).toBe(MSG.invalid);
      expect(err.issues.map((i) => i.path)).toEqual([path]);
    }
    const long = await refused(() => move("bhxh.haiphong", { ...where, action: "return", body: { comment: "ý".repeat(2001) } }), 422);
    expect(long.issues).toEqual([{ path: "comment", message: "Ý kiến quá dài (tối đa 2.000 ký tự)." }]);
    // "ok" is not a reason to send a quarter back: at least COMMENT_MIN characters, and nothing changes.
    for (const comment of ["ok", "  ok  ", "abcd"]) {
      const short = await refused(() => move("bhxh.haiphong", { ...where, action: "return", body: { comment } }), 422);
      expect(short.message).toBe("Cần ghi ý kiến khi trả lại báo cáo.");
      expect(short.issues).toEqual([{ path: "comment", message: "Ghi rõ cần sửa gì (ít nhất 5 ký tự)." }]);
    }
    for (const body of ["approve", [1], { kind: "forecast" }, { version: "1" }, { comment: 5 }]) {
      const err = await refused(() => move("bhxh.haiphong", { ...where, action: "approve", body }), 422);
      expect(err.message, JSON.stringify(body)).toBe(MSG.invalid);
    }
    for (const code of ["99999", "abc$", ""]) {
      const err = await refused(() => move("bhxh.haiphong", { ...where, unitCode: code, action: "approve", body: undefined }), 404);
      expect(err.message).toBe(MSG.unitNotFound(code));
    }
    // No report for the quarter (none entered; the year before the demo; no estimate for 2026).
    const none = await refused(() => move("bhxh.haiphong", { ...where, unitCode: hpNone.code, action: "approve", body: undefined }), 404);
    expect(none.message).toBe(`${hpNone.name} chưa có báo cáo quý 3/2026.`);
    await refused(() => move("bhxh.haiphong", { ...where, year: 2023, quarter: 4, action: "approve", body: undefined }), 404);
    await refused(() => move("bhxh.haiphong", { ...where, quarter: 4, action: "approve", body: { kind: "estimate" } }), 404);

    // A stale version: 409, nothing changed; the current one goes through.
    const { version } = await reportOf(u1, 2026, 3);
    for (const stale of [version - 1, version + 1]) {
      const err = await refused(() => move("bhxh.haiphong", { ...where, action: "approve", body: { version: stale } }), 409);
      expect(err.message).toContain(`phiên bản ${version}`);
    }
    // A comment of exactly 2,000 characters is fine; the body may also name the period as strings.
    const ok = await move("bhxh.haiphong", { ...where, year: "2026", quarter: "3", action: "return", body: { comment: "ý".repeat(2000), version } });
    expect(ok).toMatchObject({ from: "SUBMITTED", status: "RETURNED", version: version + 1 });
    expect((await reportEvents(db.prisma, u1, 2026, 3)).at(-1)!.comment).toHaveLength(2000);
    // The estimate goes through review too: reopen the approved 2025 estimate.
    const est = await move("bhxh.haiphong", {
      unitCode: u2.code,
      year: 2025,
      quarter: 4,
      action: "reopen",
      body: { kind: "estimate", comment: "Cập nhật ước thực hiện." },
    });
    expect(est).toMatchObject({ from: "APPROVED", status: "RETURNED" });
    expect((await reportOf(u2, 2025, 4, "ESTIMATE")).status).toBe("RETURNED");
    expect((await reportOf(u2, 2025, 4)).status).toBe("APPROVED");
    expect((await reportEvents(db.prisma, u2, 2025, 4, "estimate")).map((e) => e.action)).toEqual(["REOPEN"]);
  });
});
