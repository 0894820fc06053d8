// The audit trail and notifications against the demo data, on PGlite and, when TEST_DATABASE_URL
// is set, on PostgreSQL: what saving figures (twice), setting targets, renaming a village and the
// review workflow (submit, return) write to audit_entries; a figure's own history with the review
// events interleaved; a unit's history with its filters, pages and scope; the administrator's
// search; the append-only guarantee (the database refuses UPDATE, DELETE and TRUNCATE, and no
// route or action writes audit rows); the history API route; notifications of submit/return and
// marking them read (only one's own, also through the server actions).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { NLB_RETURN_COMMENT } from "@/lib/demo/load";
import { readReport, saveQuarter, type Actor, type FigureValues, type UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { ServiceError } from "@/lib/figures/errors";
import { saveTargets } from "@/lib/targets/service";
import { renameVillage } from "@/lib/units/villages";
import { transition } from "@/lib/workflow/service";
import { listNotifications, markRead, unreadCount } from "@/lib/notifications/service";
import { audit } from "@/lib/audit/audit";
import { figureHistory, formatAuditTime, formatAuditValue, searchAudit, unitHistory, type AuditPage } from "@/lib/audit/queries";
import { searchKey, searchKeySql } from "@/lib/collate";
import { METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";
import { formatNumber } from "@/lib/format";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The API route and the server actions read the session and the app's database: point both at
// the test's user and database.
const state = vi.hoisted(() => ({ user: null as null | (Actor & { username: string }), prisma: null as unknown }));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => state.user, requireUser: async () => state.user }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => state.prisma,
  readPrisma: async () => state.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const ROOT = path.resolve(import.meta.dirname, "../..");

const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "admin", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];

// The story, in Vietnam office hours of October 2026 (UTC times).
const T1 = new Date("2026-10-06T02:00:00Z"); // Kim Thành saves its Q3 draft
const T2 = new Date("2026-10-08T03:30:00Z"); // … corrects one figure
const T3 = new Date("2026-10-10T04:00:00Z"); // … submits
const T4 = new Date("2026-10-12T08:00:00Z"); // the city returns it
const T5 = new Date("2026-10-13T02:00:00Z"); // Kim Thành corrects the figure again
const T6 = new Date("2026-10-14T09:00:00Z"); // the city sets 2027 targets

const RETURN_COMMENT = "Đề nghị xã rà soát lại số người tham gia BHXH bắt buộc tại 30/9/2026.";
const NEW_VILLAGE_NAME = "Thôn Kiểm Tra Nhật Ký";
const SOURCE = "KH 149/KH-UBND";

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused with a ServiceError");
}

function complete(f: FigureValues | undefined | null): Record<MetricKey, number> {
  if (!f) throw new Error("no report");
  for (const k of METRIC_KEYS) if (f[k] === null) throw new Error(`missing ${k} in the demo report`);
  return f as Record<MetricKey, number>;
}

/** Source files below `dir` (recursively). */
function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = path.join(abs, name);
    if (statSync(p).isDirectory()) return sourceFiles(path.join(dir, name));
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe.each(dbKinds)("audit trail and notifications on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor & { username: string }>;
  let kt: UnitRef;
  let village: { id: number; code: string; name: string };
  let reportId: number;
  /** bhxhCompulsory after each of the three saves. */
  const values: number[] = [];
  let q3: Record<MetricKey, number>;
  let oldTarget: number | null;
  let oldCoverage: number | null;
  let unread0: Record<"kt" | "hp", number>;

  beforeAll(async () => {
    const t0 = Date.now();
    db = await migratedDatabase(kind, { demo: true });
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...USERNAMES] } },
      select: { id: true, username: true, role: true, tenantId: true, unitId: true },
    });
    for (const u of users) actors[u.username as Username] = { id: u.id, username: u.username, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    kt = await scopeUnit(db.prisma, actors.admin, "10804");
    village = await db.prisma.unit.findFirstOrThrow({ where: { code: "10804-01", validTo: null }, select: { id: true, code: true, name: true } });
    console.info(`audit on ${kind}: database ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const auditRows = (where: Parameters<PrismaClient["auditEntry"]["findMany"]>[0] = {}) =>
    db.prisma.auditEntry.findMany({ ...where, orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { username: true } } } });

  // -------------------------------------------------------------------------------------------
  // 1. The story, and the entries each step writes.

  it("writes one entry per changed figure, with the actor, on each save", async () => {
    expect(await readReport(db.prisma, kt.id, { year: 2026, quarter: 3 })).toBeNull();
    unread0 = { kt: await unreadCount(db.prisma, actors["xa.kimthanh"].id), hp: await unreadCount(db.prisma, actors["bhxh.haiphong"].id) };
    const q2 = complete((await readReport(db.prisma, kt.id, { year: 2026, quarter: 2 }))?.figures);
    q3 = Object.fromEntries(METRIC_KEYS.map((k) => [k, Math.round(q2[k] * 1.01)])) as Record<MetricKey, number>;

    const first = await saveQuarter(db.prisma, actors["xa.kimthanh"], { unitCode: "10804", year: 2026, quarter: 3, body: { figures: q3 } }, T1);
    expect(first.report).toMatchObject({ status: "DRAFT", version: 1 });
    values.push(q3.bhxhCompulsory);
    reportId = (await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: kt.id, year: 2026, quarter: 3, kind: "ACTUAL" } })).id;

    let rows = await auditRows({ where: { entity: "figure", entityId: String(reportId) } });
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.field).sort()).toEqual([...METRIC_KEYS].sort());
    for (const r of rows) {
      expect(r).toMatchObject({
        unitId: kt.id,
        tenantId: kt.tenantId,
        actorId: actors["xa.kimthanh"].id,
        oldValue: null,
        newValue: String(q3[r.field as MetricKey]),
        reason: null,
      });
      expect(r.at.toISOString()).toBe(T1.toISOString());
    }

    // The same figures but one: one entry, from the old value to the new.
    values.push(q3.bhxhCompulsory + 25);
    await saveQuarter(
      db.prisma,
      actors["xa.kimthanh"],
      { unitCode: "10804", year: 2026, quarter: 3, body: { figures: { ...q3, bhxhCompulsory: values[1] }, version: 1 } },
      T2,
    );
    rows = await auditRows({ where: { entity: "figure", entityId: String(reportId), at: T2 } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      field: "bhxhCompulsory",
      oldValue: String(values[0]),
      newValue: String(values[1]),
      actorId: actors["xa.kimthanh"].id,
      reason: null,
    });
  });

  it("records the review (submit, return) with its comment, and notifies the other side", async () => {
    const hp = actors["bhxh.haiphong"];
    const officer = actors["xa.kimthanh"];
    const submitted = await transition(db.prisma, officer, { unitCode: "10804", year: 2026, quarter: 3, action: "submit", body: {} }, T3);
    expect(submitted).toMatchObject({ from: "DRAFT", status: "SUBMITTED" });

    // The city's staff are told; the commune is not.
    expect(await unreadCount(db.prisma, hp.id)).toBe(unread0.hp + 1);
    expect(await unreadCount(db.prisma, officer.id)).toBe(unread0.kt);
    const toCity = await db.prisma.notification.findMany({ where: { userId: hp.id, kind: "submitted", link: "/units/10804?year=2026&quarter=3" } });
    expect(toCity).toHaveLength(1);
    expect(toCity[0]).toMatchObject({ readAt: null, tenantId: kt.tenantId });
    expect(toCity[0].title).toContain(kt.name);
    expect(toCity[0].title).toContain("quý 3/2026");
    expect((await listNotifications(db.prisma, hp.id))[0].id).toBe(toCity[0].id);

    const returned = await transition(db.prisma, hp, { unitCode: "10804", year: 2026, quarter: 3, action: "return", body: { comment: RETURN_COMMENT } }, T4);
    expect(returned).toMatchObject({ from: "SUBMITTED", status: "RETURNED" });
    expect(await unreadCount(db.prisma, officer.id)).toBe(unread0.kt + 1);
    expect(await unreadCount(db.prisma, hp.id)).toBe(unread0.hp + 1);
    const toCommune = await db.prisma.notification.findMany({ where: { userId: officer.id, kind: "returned" } });
    expect(toCommune).toHaveLength(1);
    expect(toCommune[0]).toMatchObject({ body: RETURN_COMMENT, readAt: null, link: "/units/10804?year=2026&quarter=3" });
    expect(toCommune[0].title).toContain("bị trả lại");

    const status = await auditRows({ where: { entity: "status", entityId: String(reportId) } });
    expect(
      status.map((r) => ({ field: r.field, oldValue: r.oldValue, newValue: r.newValue, actor: r.actor?.username, reason: r.reason, at: r.at.toISOString() })),
    ).toEqual([
      { field: "status", oldValue: "DRAFT", newValue: "SUBMITTED", actor: "xa.kimthanh", reason: null, at: T3.toISOString() },
      { field: "status", oldValue: "SUBMITTED", newValue: "RETURNED", actor: "bhxh.haiphong", reason: RETURN_COMMENT, at: T4.toISOString() },
    ]);
    expect(status.every((r) => r.unitId === kt.id && r.tenantId === kt.tenantId)).toBe(true);

    // Returned: the commune corrects the figure again.
    values.push(values[1] - 40);
    const again = await saveQuarter(
      db.prisma,
      officer,
      { unitCode: "10804", year: 2026, quarter: 3, body: { figures: { ...q3, bhxhCompulsory: values[2] } } },
      T5,
    );
    expect(again.report.status).toBe("RETURNED");
  });

  it("records target changes (with the source as reason) and a village's new name", async () => {
    const hp = actors["bhxh.haiphong"];
    const before = await db.prisma.target.findMany({ where: { unitId: kt.id, year: 2027, key: { in: ["bhxhCompulsory", "bhxhCoverage"] } } });
    oldTarget = before.find((t) => t.key === "bhxhCompulsory")?.value ?? null;
    oldCoverage = before.find((t) => t.key === "bhxhCoverage")?.value ?? null;
    const res = await saveTargets(
      db.prisma,
      hp,
      {
        year: 2027,
        source: SOURCE,
        entries: [
          { unitCode: "10804", key: "bhxhCompulsory", value: 14_500 },
          { unitCode: "10804", key: "bhxhCoverage", value: 0.45 },
        ],
      },
      T6,
    );
    expect(res.changed).toBe(2);
    const targets = await auditRows({ where: { entity: "target", unitId: kt.id } });
    expect(
      targets.map((r) => ({ entityId: r.entityId, field: r.field, oldValue: r.oldValue, newValue: r.newValue, actor: r.actor?.username, reason: r.reason })),
    ).toEqual([
      {
        entityId: "10804/2027/bhxhCompulsory",
        field: "bhxhCompulsory",
        oldValue: oldTarget === null ? null : String(oldTarget),
        newValue: "14500",
        actor: "bhxh.haiphong",
        reason: SOURCE,
      },
      {
        entityId: "10804/2027/bhxhCoverage",
        field: "bhxhCoverage",
        oldValue: oldCoverage === null ? null : String(oldCoverage),
        newValue: "0.45",
        actor: "bhxh.haiphong",
        reason: SOURCE,
      },
    ]);

    await renameVillage(db.prisma, actors["xa.kimthanh"], village.code, NEW_VILLAGE_NAME);
    const renamed = await auditRows({ where: { entity: "unit", entityId: village.code } });
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatchObject({
      unitId: village.id,
      tenantId: kt.tenantId,
      field: "name",
      oldValue: village.name,
      newValue: NEW_VILLAGE_NAME,
      actorId: actors["xa.kimthanh"].id,
    });
  });

  // -------------------------------------------------------------------------------------------
  // 2. "How did this number change?"

  it("lists a figure's changes oldest first, with the review events between them", async () => {
    const h = await figureHistory(db.prisma, actors["xa.kimthanh"], "10804", 2026, 3, "bhxhCompulsory", "actual");
    expect(h).toMatchObject({ year: 2026, quarter: 3, kind: "actual", metric: "bhxhCompulsory", label: "Số người tham gia BHXH bắt buộc" });
    expect(h.unit.code).toBe("10804");
    expect(h.report).toMatchObject({ status: "RETURNED", value: values[2], valueText: formatNumber(values[2]) });
    expect(h.items.map((i) => [i.type, i.action, i.oldValue, i.newValue, i.actor?.username, i.at])).toEqual([
      ["change", null, null, String(values[0]), "xa.kimthanh", T1.toISOString()],
      ["change", null, String(values[0]), String(values[1]), "xa.kimthanh", T2.toISOString()],
      ["status", "SUBMIT", "DRAFT", "SUBMITTED", "xa.kimthanh", T3.toISOString()],
      ["status", "RETURN", "SUBMITTED", "RETURNED", "bhxh.haiphong", T4.toISOString()],
      ["change", null, String(values[1]), String(values[2]), "xa.kimthanh", T5.toISOString()],
    ]);
    // Shown in Vietnamese: numbers 13.624, statuses by name, times dd/mm/yyyy HH:mm in Vietnam time.
    expect(h.items[0]).toMatchObject({ oldText: "—", newText: formatNumber(values[0]), time: "09:00 6/10/2026" });
    expect(h.items[1].newText).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(h.items[2]).toMatchObject({ oldText: "Bản nháp", newText: "Đã gửi", reason: null });
    expect(h.items[3]).toMatchObject({ oldText: "Đã gửi", newText: "Bị trả lại", reason: RETURN_COMMENT, time: "15:00 12/10/2026" });

    // Another figure of the same quarter changed once; the review events are the same.
    const labour = await figureHistory(db.prisma, actors["lanhdao.haiphong"], "10804", "2026", "3", "labourForce");
    expect(labour.items.map((i) => i.type)).toEqual(["change", "status", "status"]);
    expect(labour.items[0]).toMatchObject({ oldValue: null, newValue: String(q3.labourForce) });

    // The demo's returned quarter: its review history, no figure changes recorded.
    const nlb = await figureHistory(db.prisma, actors["xa.nguyenluongbang"], "11242", 2025, 3, "bhxhCompulsory");
    expect(nlb.report?.status).toBe("RETURNED");
    expect(nlb.items.map((i) => [i.type, i.action, i.newText])).toEqual([
      ["status", "SUBMIT", "Đã gửi"],
      ["status", "RETURN", "Bị trả lại"],
    ]);
    expect(nlb.items[1].reason).toBe(NLB_RETURN_COMMENT);

    // No report for the quarter: an empty history.
    const none = await figureHistory(db.prisma, actors["xa.kimthanh"], "10804", 2026, 4, "bhyt");
    expect(none).toMatchObject({ report: null, items: [] });
  });

  it("refuses a figure history outside the user's scope (403), of an unknown unit (404) or malformed (422)", async () => {
    for (const who of ["xa.nguyenluongbang", "bhxh.hue"] as const) {
      expect((await failure(figureHistory(db.prisma, actors[who], "10804", 2026, 3, "bhxhCompulsory"))).status).toBe(403);
    }
    expect((await failure(figureHistory(db.prisma, actors.admin, "99999", 2026, 3, "bhxhCompulsory"))).status).toBe(404);
    let err = await failure(figureHistory(db.prisma, actors.admin, "10804", 2026, 3, "soNguoi"));
    expect(err.status).toBe(422);
    expect(err.issues).toEqual([{ path: "metric", message: "Không có số liệu «soNguoi»." }]);
    err = await failure(figureHistory(db.prisma, actors.admin, "10804", 2026, 5, "bhyt"));
    expect(err.issues).toEqual([{ path: "quarter", message: "Quý phải là một số từ 1 đến 4." }]);
    err = await failure(figureHistory(db.prisma, actors.admin, "10804", 2026, 3, "bhyt", "forecast"));
    expect(err.issues[0]).toMatchObject({ path: "kind", message: "kind phải là actual hoặc estimate." });
  });

  // -------------------------------------------------------------------------------------------
  // 3. A unit's history: filters, pages, scope.

  const history = (who: Username, code: string, filters: Record<string, unknown> = {}) => unitHistory(db.prisma, actors[who], code, filters);
  const summary = (p: AuditPage) => p.items.map((i) => `${i.entity}:${i.field}:${i.oldValue}→${i.newValue}`);

  it("lists a commune's changes and its villages', newest first, filtered by entity, field, period and dates", async () => {
    const all = await history("xa.kimthanh", "10804");
    // 14 figure changes, 2 status changes, 2 targets, 1 village renamed.
    expect(all.total).toBe(19);
    expect(all).toMatchObject({ page: 1, size: 50, pages: 1, unit: { code: "10804", name: kt.name, level: "COMMUNE" } });
    const times = all.items.map((i) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.items[0]).toMatchObject({ entity: "unit", unit: { code: village.code }, newValue: NEW_VILLAGE_NAME, actor: { username: "xa.kimthanh" } });
    expect(all.items[0].actor?.fullName).toBeTruthy();

    const figures = await history("xa.kimthanh", "10804", { entity: "figure" });
    expect(figures.total).toBe(14);
    expect(figures.items.every((i) => i.entity === "figure" && i.period?.year === 2026 && i.period.quarter === 3 && i.period.kind === "actual")).toBe(true);

    const one = await history("lanhdao.haiphong", "10804", { entity: "figure", field: "bhxhCompulsory" });
    expect(one.items.map((i) => i.newValue)).toEqual([String(values[2]), String(values[1]), String(values[0])]);
    expect(one.items[0]).toMatchObject({ oldText: formatNumber(values[1]), newText: formatNumber(values[2]), time: "09:00 13/10/2026" });

    const quarter = await history("bhxh.haiphong", "10804", { year: 2026, quarter: 3 });
    expect(quarter.total).toBe(16);
    expect(new Set(quarter.items.map((i) => i.entity))).toEqual(new Set(["figure", "status"]));
    const status = await history("bhxh.haiphong", "10804", { entity: "status", year: "2026", quarter: "3" });
    expect(status.items.map((i) => [i.oldText, i.newText, i.reason])).toEqual([
      ["Đã gửi", "Bị trả lại", RETURN_COMMENT],
      ["Bản nháp", "Đã gửi", null],
    ]);
    expect((await history("bhxh.haiphong", "10804", { year: 2026, quarter: 2 })).total).toBe(0);

    // A yearly filter also finds that year's targets (rates shown as percentages).
    const y2027 = await history("admin", "10804", { year: 2027 });
    expect(y2027.items.map((i) => i.entityId).sort()).toEqual(["10804/2027/bhxhCompulsory", "10804/2027/bhxhCoverage"]);
    const coverage = y2027.items.find((i) => i.field === "bhxhCoverage")!;
    expect(coverage.newText).toBe("45,0%");
    expect(y2027.items.find((i) => i.field === "bhxhCompulsory")!.newText).toBe("14.500");

    const units = await history("lanhdao.quocgia", "10804", { entity: "unit" });
    expect(summary(units)).toEqual([`unit:name:${village.name}→${NEW_VILLAGE_NAME}`]);
    expect(units.items[0].unit).toMatchObject({ code: village.code, name: NEW_VILLAGE_NAME, level: "VILLAGE" });

    // Dates are Vietnam days, both ends included; the form's "" means "no filter".
    const day = await history("xa.kimthanh", "10804", { from: "2026-10-08", to: "08/10/2026", entity: "", field: "", page: "" });
    expect(summary(day)).toEqual([`figure:bhxhCompulsory:${values[0]}→${values[1]}`]);
    expect((await history("xa.kimthanh", "10804", { from: "2026-10-12", to: "2026-10-13" })).total).toBe(2);
    expect((await history("xa.kimthanh", "10804", { from: "2026-10-15" })).total).toBe(1); // the rename (today)
    expect((await history("xa.kimthanh", "10804", { to: "2026-10-05" })).total).toBe(0);

    // The village's own history; other communes' entries never leak in.
    expect(summary(await history("xa.kimthanh", village.code))).toEqual([`unit:name:${village.name}→${NEW_VILLAGE_NAME}`]);
    const nlb = await history("xa.nguyenluongbang", "11242");
    expect(nlb.items.every((i) => i.unit?.code.startsWith("11242"))).toBe(true);
    expect(nlb.items.find((i) => i.entity === "status")).toMatchObject({
      oldText: "Đã gửi",
      newText: "Bị trả lại",
      reason: NLB_RETURN_COMMENT,
      period: { year: 2025, quarter: 3 },
    });
  });

  it("pages the history (at most 100 a page)", async () => {
    const p1 = await history("xa.kimthanh", "10804", { size: "5" });
    const p2 = await history("xa.kimthanh", "10804", { size: 5, page: 2 });
    const p4 = await history("xa.kimthanh", "10804", { size: 5, page: 4 });
    expect(p1).toMatchObject({ page: 1, size: 5, total: 19, pages: 4 });
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(5);
    expect(p4.items).toHaveLength(4);
    const ids = [...p1.items, ...p2.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(10);
    expect(p2.items[0].at <= p1.items[4].at).toBe(true);
    expect((await history("xa.kimthanh", "10804", { size: 5, page: 9 })).items).toEqual([]);
    expect((await history("xa.kimthanh", "10804", { size: 100 })).items).toHaveLength(19);
  });

  it("refuses malformed filters with Vietnamese messages (422) and other units (403/404)", async () => {
    const bad = async (filters: Record<string, unknown>) => {
      const err = await failure(history("xa.kimthanh", "10804", filters));
      expect(err.status).toBe(422);
      return err.issues;
    };
    expect(await bad({ size: 101 })).toEqual([{ path: "size", message: "Số dòng mỗi trang phải từ 1 đến 100." }]);
    expect(await bad({ page: 0 })).toEqual([{ path: "page", message: "Trang phải từ 1 trở lên." }]);
    expect(await bad({ page: "abc" })).toEqual([{ path: "page", message: "Trang phải là một số." }]);
    expect((await bad({ entity: "figures" }))[0]).toMatchObject({ path: "entity" });
    expect((await bad({ entity: "figures" }))[0].message).toContain("Loại thay đổi phải là một trong: figure, report, status");
    expect(await bad({ field: "bhxh'; --" })).toEqual([
      { path: "field", message: "Tên trường chỉ gồm chữ cái không dấu, số, dấu chấm, gạch dưới, gạch ngang." },
    ]);
    expect(await bad({ quarter: 3 })).toEqual([{ path: "year", message: "Cần chọn năm khi lọc theo quý." }]);
    expect(await bad({ year: 1999 })).toEqual([{ path: "year", message: "Năm phải từ 2015 đến 2035." }]);
    expect(await bad({ from: "2026-02-30" })).toEqual([{ path: "from", message: "Ngày «2026-02-30» không có thật." }]);
    expect(await bad({ to: "hôm qua" })).toEqual([{ path: "to", message: "Ngày phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd." }]);
    expect(await bad({ from: "2026-10-09", to: "2026-10-01" })).toEqual([{ path: "to", message: "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." }]);

    expect((await failure(history("xa.nguyenluongbang", "10804"))).status).toBe(403);
    expect((await failure(history("xa.nguyenluongbang", village.code))).status).toBe(403);
    expect((await failure(history("bhxh.hue", "10804"))).status).toBe(403);
    expect((await failure(history("xa.kimthanh", "31"))).status).toBe(403);
    const unknown = await failure(history("admin", "99999"));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toBe("Không có đơn vị nào mang mã «99999».");
    expect((await failure(history("admin", "../etc"))).status).toBe(404);
  });

  // -------------------------------------------------------------------------------------------
  // 4. The administrator's search.

  it("lets the administrator search the whole trail, and nobody else (403)", async () => {
    const search = (q: Record<string, unknown>) => searchAudit(db.prisma, actors.admin, q);
    const byUser = await search({ user: "xa.kimthanh" });
    // 14 figure changes, the submission, the rename.
    expect(byUser.total).toBe(16);
    expect(byUser.items.every((i) => i.actor?.username === "xa.kimthanh")).toBe(true);
    expect(byUser.query).toMatchObject({ user: "xa.kimthanh", q: null, unit: null });

    const text = await search({ q: "KIMTHANH" });
    expect(text.total).toBeGreaterThanOrEqual(16);
    expect(text.items.some((i) => i.entity === "unit" && i.newValue === NEW_VILLAGE_NAME)).toBe(true);
    expect(summary(await search({ q: NEW_VILLAGE_NAME }))).toEqual([`unit:name:${village.name}→${NEW_VILLAGE_NAME}`]);
    const comment = await search({ q: "rà soát lại số người" });
    expect(comment.items.map((i) => [i.entity, i.reason, i.actor?.username])).toEqual([["status", RETURN_COMMENT, "bhxh.haiphong"]]);
    // Without diacritics or case, as every other search of the app: the same entry.
    expect((await search({ q: "RA SOAT lai so nguoi" })).items.map((i) => i.id)).toEqual(comment.items.map((i) => i.id));
    expect(
      (
        await search({
          q: NEW_VILLAGE_NAME.normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .replace(/[đĐ]/g, "d")
            .toUpperCase(),
        })
      ).total,
    ).toBe(1);
    // The database folds exactly as searchKey does, every Vietnamese letter in both cases.
    const letters =
      "Àà Áá Ảả Ãã Ạạ Ăă Ằằ Ắắ Ẳẳ Ẵẵ Ặặ Ââ Ầầ Ấấ Ẩẩ Ẫẫ Ậậ Èè Éé Ẻẻ Ẽẽ Ẹẹ Êê Ềề Ếế Ểể Ễễ Ệệ Ìì Íí Ỉỉ Ĩĩ Ịị Òò Óó Ỏỏ Õõ Ọọ Ôô Ồồ Ốố Ổổ Ỗỗ Ộộ Ơơ Ờờ Ớớ Ởở Ỡỡ Ợợ Ùù Úú Ủủ Ũũ Ụụ Ưư Ừừ Ứứ Ửử Ữữ Ựự Ỳỳ Ýý Ỷỷ Ỹỹ Ỵỵ Đđ";
    const [{ k }] = await db.sql.query<{ k: string }>(`SELECT ${searchKeySql("$1::text")} AS k`, [letters]);
    expect(k).toBe(searchKey(letters));
    expect((await search({ q: "10804/2027/" })).total).toBe(2);
    expect((await search({ q: "rà soát", user: "bhxh.hue" })).total).toBe(0);

    const targets = await search({ unit: "10804", entity: "target" });
    expect(targets.items.map((i) => i.entityId).sort()).toEqual(["10804/2027/bhxhCompulsory", "10804/2027/bhxhCoverage"]);
    expect((await search({ unit: "10804", from: "2026-10-10", to: "2026-10-12" })).total).toBe(2);
    expect((await search({ unit: village.code })).total).toBe(1);
    const nlb = await search({ unit: "11242", entity: "status" });
    expect(nlb.items.map((i) => i.reason)).toEqual([NLB_RETURN_COMMENT]);
    expect((await search({ size: 3, page: 2 })).items).toHaveLength(3);

    let err = await failure(search({ unit: "99999" }));
    expect(err.status).toBe(422);
    expect(err.issues).toEqual([{ path: "unit", message: "Không có đơn vị nào mang mã «99999»." }]);
    err = await failure(search({ q: "x".repeat(201) }));
    expect(err.issues).toEqual([{ path: "q", message: "Nội dung tìm quá dài (tối đa 200 ký tự)." }]);

    for (const who of ["bhxh.haiphong", "lanhdao.quocgia", "lanhdao.haiphong", "xa.kimthanh"] as const) {
      const e = await failure(searchAudit(db.prisma, actors[who], { user: "xa.kimthanh" }));
      expect(e.status).toBe(403);
      expect(e.message).toBe("Chỉ quản trị hệ thống được tra cứu nhật ký hệ thống.");
      expect((await failure(searchAudit(db.prisma, actors[who], { size: 1000 }))).status).toBe(403);
    }
  });

  // -------------------------------------------------------------------------------------------
  // 5. Append-only.

  it("refuses UPDATE, DELETE and TRUNCATE of audit entries, leaving every row as it was", async () => {
    const snapshot = async () =>
      (
        await db.sql.query<{ n: number; digest: string }>(
          `SELECT count(*)::int AS n, md5(string_agg(a::text, '|' ORDER BY a.id)) AS digest FROM audit_entries a`,
        )
      )[0];
    const before = await snapshot();
    expect(before.n).toBeGreaterThanOrEqual(20);
    const { id } = (await auditRows({ where: { entity: "status", entityId: String(reportId) } }))[1];
    const statements = [
      `UPDATE audit_entries SET reason = 'sửa lén' WHERE id = ${id}`,
      `UPDATE audit_entries SET new_value = '0', actor_id = NULL`,
      `DELETE FROM audit_entries WHERE id = ${id}`,
      `DELETE FROM audit_entries`,
      `TRUNCATE audit_entries`,
      `TRUNCATE TABLE audit_entries RESTART IDENTITY CASCADE`,
    ];
    for (const sql of statements) await expect(db.sql.exec(sql), sql).rejects.toThrow(/append-only/);
    // Through Prisma too, and inside a transaction that would otherwise commit.
    await expect(db.prisma.auditEntry.update({ where: { id }, data: { reason: "x" } })).rejects.toThrow();
    await expect(db.prisma.auditEntry.deleteMany({ where: { unitId: kt.id } })).rejects.toThrow();
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.exec(`DELETE FROM audit_entries WHERE id = ${id}`);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
    // Appending still works.
    await db.sql.exec(`INSERT INTO audit_entries (entity, entity_id, field, new_value) VALUES ('setting', 'test', 'x', '1')`);
    expect((await snapshot()).n).toBe(before.n + 1);
  });

  it("offers no route or action that changes audit entries", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("lib/actions")];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/auditEntry\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/);
      expect(text, f).not.toMatch(/(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+"?audit_entries/i);
    }
    const route = readFileSync(path.join(ROOT, "app/api/v1/units/[code]/history/route.ts"), "utf8");
    expect(route).toMatch(/export const GET\b/);
    expect(route).not.toMatch(/export (const|async function|function) (POST|PUT|PATCH|DELETE)\b/);
  });

  // -------------------------------------------------------------------------------------------
  // 6. The API route and the server actions (the session and database pointed at this test's).

  it("serves GET /api/v1/units/{code}/history with the same filters, scope and errors", async () => {
    const route = await import("@/app/api/v1/units/[code]/history/route");
    expect(Object.keys(route).sort()).toEqual(["GET"]);
    state.prisma = db.prisma;
    const get = async (who: Username | null, code: string, qs = "") => {
      state.user = who ? actors[who] : null;
      const res = await route.GET(new Request(`http://localhost/api/v1/units/${code}/history${qs}`), { params: Promise.resolve({ code }) });
      return { status: res.status, body: await res.json(), cache: res.headers.get("cache-control") };
    };
    let r = await get("xa.kimthanh", "10804", "?entity=figure&field=bhxhCompulsory&year=2026&quarter=3&from=&to=&page=1");
    expect(r.status).toBe(200);
    expect(r.cache).toBe("no-store");
    expect(r.body).toMatchObject({ total: 3, page: 1, unit: { code: "10804" } });
    expect(r.body.items.map((i: { newValue: string }) => i.newValue)).toEqual(values.map(String).reverse());
    r = await get("bhxh.haiphong", "10804", "?size=5&page=2");
    expect(r.body).toMatchObject({ page: 2, size: 5, total: 19, pages: 4 });
    r = await get("bhxh.haiphong", "10804", "?size=500&quarter=2");
    expect(r.status).toBe(422);
    expect(r.body.issues).toEqual(
      expect.arrayContaining([
        { path: "size", message: "Số dòng mỗi trang phải từ 1 đến 100." },
        { path: "year", message: "Cần chọn năm khi lọc theo quý." },
      ]),
    );
    expect((await get("xa.nguyenluongbang", "10804")).status).toBe(403);
    expect((await get("admin", "99999")).status).toBe(404);
    expect((await get(null, "10804")).status).toBe(401);
  });

  it("marks read only the caller's own notifications (service and server actions)", async () => {
    const hp = actors["bhxh.haiphong"];
    const officer = actors["xa.kimthanh"];
    const nlbOfficer = actors["xa.nguyenluongbang"];
    const [toCity] = await db.prisma.notification.findMany({ where: { userId: hp.id, kind: "submitted", link: "/units/10804?year=2026&quarter=3" } });
    const [toCommune] = await db.prisma.notification.findMany({ where: { userId: officer.id, kind: "returned" } });
    const nlbUnread = await unreadCount(db.prisma, nlbOfficer.id);
    expect(nlbUnread).toBe(1); // the demo's "… bị trả lại"

    // Someone else's id changes nothing.
    expect(await markRead(db.prisma, officer.id, [toCity.id])).toBe(0);
    expect(await markRead(db.prisma, nlbOfficer.id, "all")).toBe(1);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: toCity.id } })).readAt).toBeNull();
    expect(await unreadCount(db.prisma, hp.id)).toBe(unread0.hp + 1);
    expect(await unreadCount(db.prisma, officer.id)).toBe(unread0.kt + 1);
    expect(await unreadCount(db.prisma, nlbOfficer.id)).toBe(0);

    // One's own: read once.
    expect(await markRead(db.prisma, hp.id, [toCity.id])).toBe(1);
    expect(await markRead(db.prisma, hp.id, [toCity.id])).toBe(0);
    expect(await unreadCount(db.prisma, hp.id)).toBe(unread0.hp);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: toCity.id } })).readAt).toBeInstanceOf(Date);

    // The page's actions take the user from the session, never from the form.
    const actions = await import("@/lib/actions/notifications");
    state.prisma = db.prisma;
    const form = (id: unknown) => {
      const f = new FormData();
      f.set("id", String(id));
      return f;
    };
    await db.prisma.notification.update({ where: { id: toCity.id }, data: { readAt: null } });
    state.user = officer;
    await actions.markNotificationReadAction(form(toCity.id));
    await actions.markNotificationReadAction(form("not-a-number"));
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: toCity.id } })).readAt).toBeNull();
    expect(await unreadCount(db.prisma, officer.id)).toBe(unread0.kt + 1);
    await actions.markNotificationReadAction(form(toCommune.id));
    expect(await unreadCount(db.prisma, officer.id)).toBe(unread0.kt);
    state.user = null;
    await actions.markAllNotificationsReadAction();
    expect(await unreadCount(db.prisma, hp.id)).toBe(unread0.hp + 1);
    state.user = hp;
    await actions.markAllNotificationsReadAction();
    expect(await unreadCount(db.prisma, hp.id)).toBe(0);
    expect((await listNotifications(db.prisma, hp.id, { unreadOnly: true })).length).toBe(0);
    state.user = null;
  });
  it("says a report submitted as it was first saved had no status before ('Chưa nhập → Đã gửi', not 'Bản nháp')", async () => {
    // Kim Thành's 2026 Q4, saved and submitted at once after the quarter's end.
    const at = new Date("2027-01-10T02:00:00Z");
    expect(await readReport(db.prisma, kt.id, { year: 2026, quarter: 4 })).toBeNull();
    const res = await saveQuarter(
      db.prisma,
      actors["xa.kimthanh"],
      { unitCode: "10804", year: 2026, quarter: 4, body: { figures: q3, submit: true, confirmWarnings: true } },
      at,
    );
    expect(res.report.status).toBe("SUBMITTED");
    const status = await auditRows({ where: { entity: "status", unitId: kt.id, at } });
    expect(status.map((r) => [r.oldValue, r.newValue])).toEqual([[null, "SUBMITTED"]]);
    const shown = (await unitHistory(db.prisma, actors["bhxh.haiphong"], "10804", { entity: "status" })).items.filter((i) => i.newText === "Đã gửi");
    expect(shown.map((i) => i.oldText)).toContain("Chưa nhập");
  });
  it("keeps sign-ins out of a unit's history unless they are asked for", async () => {
    await audit(db.prisma, [
      {
        tenantId: kt.tenantId,
        unitId: kt.id,
        actorId: actors["xa.kimthanh"].id,
        entity: "session",
        entityId: "xa.kimthanh",
        field: "sign_in",
        newValue: "127.0.0.1",
      },
    ]);
    const staff = actors["bhxh.haiphong"];
    expect((await unitHistory(db.prisma, staff, "10804", { size: 100 })).items.some((i) => i.entity === "session")).toBe(false);
    expect((await unitHistory(db.prisma, staff, "10804", { entity: "session" })).items.map((i) => i.field)).toContain("sign_in");
  });
});

describe("audit values and times as shown", () => {
  it("formats numbers, rates, statuses, dates and Vietnam times", () => {
    expect(formatAuditValue("figure", "bhxhCompulsory", "13624")).toBe("13.624");
    expect(formatAuditValue("figure", "amountDue", "1250000000")).toBe("1.250.000.000");
    expect(formatAuditValue("figure", "bhxhCompulsory", "13624", "en")).toBe("13,624");
    expect(formatAuditValue("figure", "bhxhCompulsory", null)).toBe("—");
    expect(formatAuditValue("target", "bhxhCoverage", "0.531")).toBe("53,1%");
    expect(formatAuditValue("target", "bhxhCompulsory", "14500")).toBe("14.500");
    expect(formatAuditValue("status", "status", "DRAFT")).toBe("Bản nháp");
    // A report submitted as it was first saved had no status before.
    expect(formatAuditValue("status", "status", null)).toBe("Chưa nhập");
    expect(formatAuditValue("status", "status", null, "en")).toBe("Not started");
    expect(formatAuditValue("status", "status", "APPROVED")).toBe("Đã duyệt");
    expect(formatAuditValue("status", "status", "RETURNED", "en")).toBe("Returned");
    expect(formatAuditValue("unit", "validTo", "2026-11-21")).toBe("21/11/2026");
    expect(formatAuditValue("unit", "name", "Thôn 1")).toBe("Thôn 1");
    // Codes as stored: a unit is not the number 10.804; a tax code keeps its leading zero.
    expect(formatAuditValue("user", "unit", "10804")).toBe("10804");
    expect(formatAuditValue("employer", "taxCode", "0101234567")).toBe("0101234567");
    expect(formatAuditValue("user", "role", "COMMUNE_OFFICER")).toBe("Cán bộ xã/phường");
    expect(formatAuditValue("user", "role", "CITY_STAFF", "en")).toBe("City/province staff");
    expect(formatAuditTime(new Date("2026-10-08T03:30:00Z"))).toBe("10:30 8/10/2026");
    expect(formatAuditTime("2026-12-31T17:05:00Z")).toBe("00:05 1/1/2027");
    // English spells the month: "08/10/2026" is 10 August to an American reader.
    expect(formatAuditValue("unit", "validTo", "2026-11-21", "en")).toBe("21 Nov 2026");
    expect(formatAuditTime(new Date("2026-10-08T03:30:00Z"), "en")).toBe("8 Oct 2026, 10:30");
  });
});
