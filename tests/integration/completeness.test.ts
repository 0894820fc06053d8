// The completeness board (lib/completeness/service.ts), its server actions (lib/actions/completeness.ts)
// and its JSON API (GET /api/v1/units/{code}/completeness) against the demo data, on PGlite and,
// when TEST_DATABASE_URL is set, on PostgreSQL: counts per state equal the quarter_reports table,
// timeliness against the deadline to the last second (Vietnam time), the deadline setting with its
// audit entry and its refusals, who may see which board, the national board over 34 provinces, and
// the review queue's batch approve/return through the action (all or nothing).
// The actions and the API read the session and the database through lib/auth/session.server and
// lib/db.server: both are replaced here by the test's user and database.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import { revalidatePath } from "next/cache";
import { deniedMessage } from "@/lib/auth/permissions";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { type Actor, type ScopedUnit as UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { formatPercent } from "@/lib/format";
import {
  COMPLETENESS_STATES,
  completeness,
  deadlineOf,
  setDeadlineDays,
  unitDeadline,
  type CompletenessState,
  type NationCompleteness,
  type ProvinceCompleteness,
  type StateCounts,
} from "@/lib/completeness/service";
import { reviewBatchAction, setDeadlineDaysAction } from "@/lib/actions/completeness";
import { GET } from "@/app/api/v1/units/[code]/completeness/route";

/** After the 2026 Q3 deadline (5/10/2026 with the demo's 5 days). */
const NOW = new Date("2026-11-21T10:00:00Z");
/** Before it. */
const EARLY = new Date("2026-10-03T03:00:00Z");
/** The last millisecond of 5/10/2026 in Vietnam time (UTC+7). */
const DEADLINE_5 = "2026-10-05T16:59:59.999Z";

const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "admin", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];
const UNIT_CODES = ["VN", "31", "46", "10804", "11242"] as const;
type UnitCode = (typeof UNIT_CODES)[number];

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused with a ServiceError");
}

describe.each(dbKinds)("completeness board on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor>;
  const units = {} as Record<UnitCode, UnitRef>;

  beforeAll(async () => {
    const t0 = Date.now();
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...USERNAMES] } },
      select: { id: true, username: true, role: true, tenantId: true, unitId: true },
    });
    for (const u of users) actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    for (const code of UNIT_CODES) units[code] = await scopeUnit(db.prisma, actors.admin, code);
    console.info(`completeness on ${kind}: database ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    ctx.prisma = null;
    ctx.user = null;
    await db?.destroy();
  });

  beforeEach(() => {
    vi.mocked(revalidatePath).mockClear();
  });

  const cityBoard = async (now: Date = NOW, actor: Actor = actors["bhxh.haiphong"], code: UnitCode = "31") =>
    (await completeness(db.prisma, actor, units[code], 2026, 3, now)) as ProvinceCompleteness;
  const nationBoard = async (now: Date = NOW) => (await completeness(db.prisma, actors["lanhdao.quocgia"], units.VN, 2026, 3, now)) as NationCompleteness;

  /** Counts per state of a city's 2026 Q3 ACTUAL reports, straight from the table. */
  async function tableCounts(tenantCode: UnitCode): Promise<StateCounts> {
    const tenantId = units[tenantCode].id;
    const rows = await db.sql.query<{ status: CompletenessState; n: number }>(
      `SELECT r.status::text AS status, count(*)::int AS n
       FROM quarter_reports r JOIN units u ON u.id = r.unit_id
       WHERE r.tenant_id = $1 AND r.kind = 'ACTUAL' AND r.year = 2026 AND r.quarter = 3 AND u.level = 'COMMUNE' AND u.valid_to IS NULL
       GROUP BY 1`,
      [tenantId],
    );
    const [{ n: total }] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM units WHERE tenant_id = $1 AND level = 'COMMUNE' AND valid_to IS NULL`,
      [tenantId],
    );
    const counts: StateCounts = { NOT_STARTED: 0, DRAFT: 0, SUBMITTED: 0, APPROVED: 0, RETURNED: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    counts.NOT_STARTED = Number(total) - rows.reduce((a, r) => a + Number(r.n), 0);
    return counts;
  }

  /** Every 2026 Q3 report's status and version, and the number of events and audit entries. */
  async function reviewSnapshot() {
    const [r] = await db.sql.query<{ digest: string; events: number; audit: number }>(
      `SELECT (SELECT md5(string_agg(id || ':' || status || ':' || version, '|' ORDER BY id)) FROM quarter_reports WHERE year = 2026 AND quarter = 3) AS digest,
              (SELECT count(*)::int FROM report_events) AS events,
              (SELECT count(*)::int FROM audit_entries) AS audit`,
    );
    return r;
  }

  async function settingSnapshot() {
    const [r] = await db.sql.query<{ settings: string; audit: number }>(
      `SELECT (SELECT string_agg(tenant_id || '=' || value, ',' ORDER BY tenant_id) FROM tenant_settings WHERE key = 'report_deadline_days') AS settings,
              (SELECT count(*)::int FROM audit_entries) AS audit`,
    );
    return r;
  }

  /** Some 2026 Q3 communes of Hải Phòng in a state, by code (Nguyễn Lương Bằng left out). */
  async function communesIn(state: "SUBMITTED" | "DRAFT", n: number, skip: string[] = []): Promise<string[]> {
    const board = await cityBoard();
    const codes = board.communes
      .filter((c) => c.state === state && c.code !== "11242" && !skip.includes(c.code))
      .map((c) => c.code)
      .sort();
    expect(codes.length).toBeGreaterThanOrEqual(n);
    return codes.slice(0, n);
  }

  // -------------------------------------------------------------------------------------------

  it("counts Hải Phòng's communes per state exactly as the quarter_reports table does", async () => {
    const board = await cityBoard();
    const expected = await tableCounts("31");
    expect(board.level).toBe("PROVINCE");
    expect(board.total).toBe(114);
    expect(board.communes).toHaveLength(114);
    expect(board.counts).toEqual(expected);
    expect(COMPLETENESS_STATES.reduce((a, s) => a + board.counts[s], 0)).toBe(114);
    // The demo's quotas: ≈ 5% not started, 4.5% draft, 45% approved, the rest submitted.
    expect(board.counts).toMatchObject({ NOT_STARTED: 6, APPROVED: 51, DRAFT: 5, SUBMITTED: 52, RETURNED: 0 });
    for (const s of COMPLETENESS_STATES) expect(board.communes.filter((c) => c.state === s)).toHaveLength(expected[s]);
    expect(board.reported).toBe(expected.SUBMITTED + expected.APPROVED);
    expect(board.reportedShare).toBeCloseTo(103 / 114, 10);
    expect(`${board.reported}/${board.total} (${formatPercent(board.reportedShare)})`).toBe("103/114 (90,4%)");
    expect(board.deadline).toEqual({ days: 5, date: "2026-10-05", at: DEADLINE_5, passed: true });
    // Every submitted or approved commune has its first submission date; the others none.
    for (const c of board.communes) expect(c.submittedAt === null).toBe(c.state === "NOT_STARTED" || c.state === "DRAFT");

    // Huế has its own board, counted the same way.
    const hue = await cityBoard(NOW, actors["bhxh.hue"], "46");
    expect(hue.total).toBe(40);
    expect(hue.counts).toEqual(await tableCounts("46"));
  });

  it("lists Kim Thành as not started, to chase, with its officer; overdue communes first", async () => {
    const board = await cityBoard();
    const kt = board.communes.find((c) => c.code === "10804")!;
    expect(kt).toMatchObject({ state: "NOT_STARTED", timeliness: "overdue", submittedAt: null });
    expect(kt.officers).toEqual([{ name: "Cán bộ VH-XH xã Kim Thành", username: "xa.kimthanh" }]);
    const chase = board.toChase.find((c) => c.code === "10804")!;
    expect(chase.officers.map((o) => o.username)).toEqual(["xa.kimthanh"]);

    // To chase: not started, draft, returned, and nothing else; overdue ones first.
    expect(board.toChase).toHaveLength(board.counts.NOT_STARTED + board.counts.DRAFT + board.counts.RETURNED);
    expect(board.toChase.every((c) => ["NOT_STARTED", "DRAFT", "RETURNED"].includes(c.state))).toBe(true);
    const firstNotOverdue = board.toChase.findIndex((c) => c.timeliness !== "overdue");
    if (firstNotOverdue >= 0) expect(board.toChase.slice(firstNotOverdue).every((c) => c.timeliness !== "overdue")).toBe(true);
    // Most communes have no officer account yet: an empty list (the page says "chưa có tài khoản cán bộ").
    expect(board.communes.filter((c) => c.officers.length === 0).length).toBeGreaterThan(100);
    expect(board.communes.find((c) => c.code === "11242")!.officers.map((o) => o.username)).toEqual(["xa.nguyenluongbang"]);
  });

  it("judges timeliness against the deadline: pending before it, overdue after it, late counted from the first submission", async () => {
    const early = await cityBoard(EARLY);
    expect(early.deadline.passed).toBe(false);
    expect(early.communes.find((c) => c.code === "10804")!.timeliness).toBe("pending");
    expect(early.overdueCount).toBe(0);
    expect(early.communes.filter((c) => c.timeliness === "pending")).toHaveLength(early.counts.NOT_STARTED + early.counts.DRAFT);

    const late = await cityBoard(NOW);
    expect(late.communes.find((c) => c.code === "10804")!.timeliness).toBe("overdue");
    expect(late.overdueCount).toBe(late.counts.NOT_STARTED + late.counts.DRAFT);
    expect(late.communes.filter((c) => c.timeliness === "pending")).toHaveLength(0);

    // Late submissions: the first submission after the deadline (same count before and after it).
    const [{ n }] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM quarter_reports WHERE tenant_id = $1 AND kind = 'ACTUAL' AND year = 2026 AND quarter = 3 AND first_submitted_at > $2::timestamptz`,
      [units["31"].id, DEADLINE_5],
    );
    expect(Number(n)).toBeGreaterThan(0); // the demo submits a few reports 6–10 days after the quarter's end
    expect(late.lateCount).toBe(Number(n));
    expect(early.lateCount).toBe(Number(n));
    expect(late.communes.filter((c) => c.timeliness === "late")).toHaveLength(Number(n));
  });

  it("counts a submission at the deadline's last second as on time, one second later as late", async () => {
    const [code] = await communesIn("SUBMITTED", 1);
    const unitId = (await scopeUnit(db.prisma, actors.admin, code)).id;
    const at = async (iso: string) => {
      await db.prisma.quarterReport.update({
        where: { unitId_year_quarter_kind: { unitId, year: 2026, quarter: 3, kind: "ACTUAL" } },
        data: { submittedAt: new Date(iso), firstSubmittedAt: new Date(iso) },
      });
      const board = await cityBoard();
      return board.communes.find((c) => c.code === code)!;
    };
    // 23:59:59 on 5/10/2026 in Vietnam.
    expect(await at("2026-10-05T16:59:59Z")).toMatchObject({ timeliness: "on_time", submittedAt: "2026-10-05T16:59:59.000Z" });
    expect(await at(DEADLINE_5)).toMatchObject({ timeliness: "on_time" });
    // 00:00:00 on 6/10/2026 in Vietnam.
    expect(await at("2026-10-05T17:00:00Z")).toMatchObject({ timeliness: "late" });
    // The national board judges it the same way.
    const nation = await nationBoard();
    const city = await cityBoard();
    expect(nation.provinces.find((p) => p.code === "31")!.lateCount).toBe(city.lateCount);
    // A resubmission after a return is not judged: the first submission is.
    await db.prisma.quarterReport.update({
      where: { unitId_year_quarter_kind: { unitId, year: 2026, quarter: 3, kind: "ACTUAL" } },
      data: { submittedAt: new Date("2026-11-01T02:00:00Z"), firstSubmittedAt: new Date("2026-10-04T02:00:00Z") },
    });
    expect((await cityBoard()).communes.find((c) => c.code === code)).toMatchObject({
      timeliness: "on_time",
      submittedAt: "2026-10-04T02:00:00.000Z",
      lastSubmittedAt: "2026-11-01T02:00:00.000Z",
    });
    await at("2026-10-05T17:00:00Z");

    // The pure rule, around the end of a year (Q4 + 5 days = 5/1 of the next year).
    expect(deadlineOf(2026, 4, 5, NOW)).toEqual({ days: 5, date: "2027-01-05", at: "2027-01-05T16:59:59.999Z", passed: false });
    expect(deadlineOf(2026, 1, 0, NOW).at).toBe("2026-03-31T16:59:59.999Z");
  });

  it("changes the deadline to 10 days through the action: timeliness follows, an audit entry is written", async () => {
    const [code] = await communesIn("SUBMITTED", 1);
    expect((await cityBoard()).communes.find((c) => c.code === code)!.timeliness).toBe("late"); // 6/10/2026 00:00 in Vietnam
    const before = await cityBoard();

    ctx.user = actors["bhxh.haiphong"];
    const r = await setDeadlineDaysAction("31", "10");
    expect(r).toEqual({ ok: true, data: { tenant: { code: "31", name: units["31"].name }, days: 10, previous: 5, changed: true } });
    expect(revalidatePath).toHaveBeenCalledWith("/units/31/completeness");

    const after = await cityBoard();
    expect(after.deadline).toEqual({ days: 10, date: "2026-10-10", at: "2026-10-10T16:59:59.999Z", passed: true });
    expect(after.communes.find((c) => c.code === code)!.timeliness).toBe("on_time");
    expect(after.lateCount).toBe(0); // the demo submits at most 10 days after the quarter's end
    expect(after.lateCount).toBeLessThan(before.lateCount);
    // Before the new deadline, the communes that have not submitted are pending again.
    expect((await cityBoard(new Date("2026-10-08T03:00:00Z"))).overdueCount).toBe(0);

    const entry = await db.prisma.auditEntry.findFirst({ where: { entity: "setting", field: "report_deadline_days" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ tenantId: units["31"].id, unitId: units["31"].id, actorId: actors["bhxh.haiphong"].id, oldValue: "5", newValue: "10" });

    // A commune's officer is told its city's deadline (the home page's "Đã quá hạn gửi").
    const kimThanh = await scopeUnit(db.prisma, actors.admin, "10804");
    expect(await unitDeadline(db.prisma, kimThanh, 2026, 3, NOW)).toEqual(deadlineOf(2026, 3, 10, NOW));
    expect((await unitDeadline(db.prisma, kimThanh, 2026, 3, NOW))!.date).toBe("2026-10-10");
    const hueCommune = (await db.prisma.unit.findFirst({ where: { parent: { code: "46" }, level: "COMMUNE" }, select: { code: true } }))!.code;
    expect((await unitDeadline(db.prisma, await scopeUnit(db.prisma, actors.admin, hueCommune), 2026, 3, NOW))!.days).toBe(5);
    // Huế keeps its own deadline.
    const nation = await nationBoard();
    expect(nation.provinces.find((p) => p.code === "46")!.deadline.days).toBe(5);
    expect(nation.provinces.find((p) => p.code === "31")!.deadline.days).toBe(10);

    // Saving the same value changes nothing and writes nothing.
    const snap = await settingSnapshot();
    expect(await setDeadlineDays(db.prisma, actors["bhxh.haiphong"], "31", 10)).toMatchObject({ changed: false, days: 10 });
    expect(await settingSnapshot()).toEqual(snap);

    // The administrator may set any province's; back to 5 for the other tests.
    expect(await setDeadlineDays(db.prisma, actors.admin, "46", 7)).toMatchObject({ changed: true, previous: 5, days: 7 });
    expect(await setDeadlineDays(db.prisma, actors.admin, "46", "5")).toMatchObject({ changed: true, previous: 7, days: 5 });
    expect(await setDeadlineDays(db.prisma, actors["bhxh.haiphong"], "31", 5)).toMatchObject({ changed: true, previous: 10, days: 5 });
    expect((await cityBoard()).lateCount).toBe(before.lateCount);
  });

  it("refuses the deadline to leaders, officers and other cities (403) and bad values (422), changing nothing", async () => {
    const snap = await settingSnapshot();
    for (const who of ["lanhdao.haiphong", "lanhdao.quocgia", "xa.kimthanh", "bhxh.hue"] as const) {
      const e = await failure(setDeadlineDays(db.prisma, actors[who], "31", 10));
      expect(e.status, `${who}: ${e.message}`).toBe(403);
    }
    ctx.user = actors["lanhdao.haiphong"];
    const r = await setDeadlineDaysAction("31", 10);
    expect(r).toMatchObject({ ok: false, error: deniedMessage("city.settings") });

    const staff = actors["bhxh.haiphong"];
    for (const bad of [-1, 61, "abc", 2.5, "", null, "5 ngày"]) {
      const e = await failure(setDeadlineDays(db.prisma, staff, "31", bad));
      expect(e.status, `${JSON.stringify(bad)}: ${e.message}`).toBe(422);
      expect(e.message).toBe(MSG.invalid);
      expect(e.issues[0].path).toBe("days");
      expect(e.issues[0].message).toMatch(/Số ngày|Chưa nhập số ngày/);
    }
    expect((await failure(setDeadlineDays(db.prisma, staff, "31", 61))).issues[0].message).toBe("Số ngày phải từ 0 đến 60.");
    expect((await failure(setDeadlineDays(db.prisma, staff, "31", "abc"))).issues[0].message).toBe("Số ngày phải là một số nguyên từ 0 đến 60.");
    ctx.user = staff;
    expect(await setDeadlineDaysAction("31", "61")).toMatchObject({
      ok: false,
      error: MSG.invalid,
      issues: [{ path: "days", message: "Số ngày phải từ 0 đến 60." }],
    });
    // A commune is not a city: no deadline of its own.
    expect((await failure(setDeadlineDays(db.prisma, actors.admin, "10804", 10))).status).toBe(422);
    expect(await settingSnapshot()).toEqual(snap);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("shows each board only to its people: commune officers 403, city roles their own city, national roles all", async () => {
    const officer = actors["xa.kimthanh"];
    for (const code of ["10804", "31", "VN"] as const) expect((await failure(completeness(db.prisma, officer, units[code], 2026, 3, NOW))).status).toBe(403);
    for (const who of ["bhxh.haiphong", "lanhdao.haiphong"] as const) {
      expect((await completeness(db.prisma, actors[who], units["31"], 2026, 3, NOW)).level).toBe("PROVINCE");
      expect((await failure(completeness(db.prisma, actors[who], units["46"], 2026, 3, NOW))).status).toBe(403);
      expect((await failure(completeness(db.prisma, actors[who], units.VN, 2026, 3, NOW))).status).toBe(403);
    }
    expect((await failure(completeness(db.prisma, actors["bhxh.hue"], units["31"], 2026, 3, NOW))).status).toBe(403);
    for (const who of ["lanhdao.quocgia", "admin"] as const) {
      expect((await completeness(db.prisma, actors[who], units.VN, 2026, 3, NOW)).level).toBe("NATION");
      expect((await completeness(db.prisma, actors[who], units["46"], 2026, 3, NOW)).level).toBe("PROVINCE");
    }
    // A leader's board equals the staff's (read-only is the page's business).
    expect(await cityBoard(NOW, actors["lanhdao.haiphong"])).toEqual(await cityBoard(NOW, actors["bhxh.haiphong"]));
    // A commune has no board; a malformed period is refused.
    expect((await failure(completeness(db.prisma, actors.admin, units["10804"], 2026, 3, NOW))).status).toBe(422);
    expect((await failure(completeness(db.prisma, actors.admin, units["31"], 2026, 5, NOW))).status).toBe(422);
    expect((await failure(completeness(db.prisma, actors.admin, units["31"], "x", 3, NOW))).status).toBe(422);
  });

  it("counts the nation's 34 provinces, 3.321 communes, Hải Phòng as on its own board", async () => {
    const nation = await nationBoard();
    const city = await cityBoard();
    expect(nation.level).toBe("NATION");
    expect(nation.provinces).toHaveLength(34);
    expect(nation.total).toBe(3321);
    expect(nation.provinces.reduce((a, p) => a + p.total, 0)).toBe(3321);
    for (const p of nation.provinces)
      expect(
        COMPLETENESS_STATES.reduce((a, s) => a + p.counts[s], 0),
        p.code,
      ).toBe(p.total);

    const hp = nation.provinces.find((p) => p.code === "31")!;
    expect(hp).toMatchObject({
      total: city.total,
      counts: city.counts,
      reported: city.reported,
      reportedShare: city.reportedShare,
      lateCount: city.lateCount,
      overdueCount: city.overdueCount,
      deadline: city.deadline,
    });
    const hue = nation.provinces.find((p) => p.code === "46")!;
    expect(hue.total).toBe(40);
    expect(hue.counts).toEqual(await tableCounts("46"));

    // Provinces without demo data: nobody has reported; all overdue after the deadline, pending before.
    const other = nation.provinces.find((p) => p.code !== "31" && p.code !== "46")!;
    expect(other.counts.NOT_STARTED).toBe(other.total);
    expect(other.reportedShare).toBe(0);
    expect(other.overdueCount).toBe(other.total);
    expect(other.deadline.days).toBe(5); // no setting: the default
    expect((await nationBoard(EARLY)).overdueCount).toBe(0);

    // Totals are the sums of the provinces.
    for (const s of COMPLETENESS_STATES) expect(nation.counts[s]).toBe(nation.provinces.reduce((a, p) => a + p.counts[s], 0));
    expect(nation.reported).toBe(nation.counts.SUBMITTED + nation.counts.APPROVED);
    expect(nation.reportedShare).toBeCloseTo(nation.reported / 3321, 10);
  });

  it("approves several submitted communes at once through the action, all or nothing", async () => {
    const staff = actors["bhxh.haiphong"];
    ctx.user = staff;
    const before = await cityBoard();
    const codes = await communesIn("SUBMITTED", 3);

    // One commune without a report in the batch: nothing changes.
    let snap = await reviewSnapshot();
    let r = await reviewBatchAction("31", { action: "approve", year: 2026, quarter: 3, unitCodes: [...codes.slice(0, 2), "10804"] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("Xã Kim Thành chưa có báo cáo quý 3/2026");
    expect(await reviewSnapshot()).toEqual(snap);

    // One draft in the batch: refused for its state, nothing changes.
    const [draft] = await communesIn("DRAFT", 1);
    r = await reviewBatchAction("31", { action: "approve", year: 2026, quarter: 3, unitCodes: [...codes, draft] });
    expect(r).toMatchObject({ ok: false, issues: [{ path: "status" }] });
    if (!r.ok) expect(r.error).toContain("bản nháp");
    expect(await reviewSnapshot()).toEqual(snap);

    // A leader may not; nor may the other city's staff; nor anyone signed out.
    ctx.user = actors["lanhdao.haiphong"];
    expect((await reviewBatchAction("31", { action: "approve", year: 2026, quarter: 3, unitCodes: codes })).ok).toBe(false);
    ctx.user = actors["bhxh.hue"];
    expect((await reviewBatchAction("31", { action: "approve", year: 2026, quarter: 3, unitCodes: codes })).ok).toBe(false);
    ctx.user = null;
    expect(await reviewBatchAction("31", { action: "approve", year: 2026, quarter: 3, unitCodes: codes })).toMatchObject({
      ok: false,
      error: MSG.unauthenticated,
      issues: [],
      status: 401,
    });
    expect(await reviewSnapshot()).toEqual(snap);
    expect(revalidatePath).not.toHaveBeenCalled();

    // The three together.
    ctx.user = staff;
    r = await reviewBatchAction("31", { action: "approve", year: 2026, quarter: 3, unitCodes: codes });
    expect(r).toEqual({ ok: true, data: { action: "approve", year: 2026, quarter: 3, count: 3, unitCodes: codes } });
    expect(revalidatePath).toHaveBeenCalledWith("/units/31/completeness");
    const after = await cityBoard();
    for (const c of codes) expect(after.communes.find((x) => x.code === c)!.state).toBe("APPROVED");
    expect(after.counts.SUBMITTED).toBe(before.counts.SUBMITTED - 3);
    expect(after.counts.APPROVED).toBe(before.counts.APPROVED + 3);
    expect(after.counts).toEqual(await tableCounts("31"));
    expect(after.reported).toBe(before.reported);
    const after2 = await reviewSnapshot();
    expect(after2.events - snap.events).toBe(3);
    expect(after2.audit - snap.audit).toBe(3);

    // Returning needs a comment; with one, the communes go back to the list to chase (first submission kept).
    snap = after2;
    const back = await communesIn("SUBMITTED", 2);
    r = await reviewBatchAction("31", { action: "return", year: 2026, quarter: 3, unitCodes: back, comment: "  " });
    expect(r).toMatchObject({ ok: false, error: "Cần ghi ý kiến khi trả lại báo cáo." });
    expect(await reviewSnapshot()).toEqual(snap);
    r = await reviewBatchAction("31", {
      action: "return",
      year: 2026,
      quarter: 3,
      unitCodes: back,
      comment: "Đề nghị kiểm tra lại số người tham gia BHXH bắt buộc.",
    });
    expect(r).toMatchObject({ ok: true, data: { action: "return", count: 2 } });
    const returned = await cityBoard();
    expect(returned.counts.RETURNED).toBe(2);
    expect(returned.reported).toBe(before.reported - 2);
    for (const c of back) {
      const row = returned.toChase.find((x) => x.code === c)!;
      expect(row.state).toBe("RETURNED");
      expect(["on_time", "late"]).toContain(row.timeliness);
      expect(row.submittedAt).not.toBeNull();
    }
  });

  it("serves the board at GET /api/v1/units/{code}/completeness", async () => {
    const get = (code: string, query = "?year=2026&quarter=3") =>
      GET(new Request(`http://localhost/api/v1/units/${code}/completeness${query}`), { params: Promise.resolve({ code }) });

    ctx.user = actors["lanhdao.haiphong"];
    let res = await get("31");
    expect(res.status).toBe(200);
    const body = (await res.json()) as ProvinceCompleteness;
    expect(body.level).toBe("PROVINCE");
    expect(body.total).toBe(114);
    expect(body.counts).toEqual(await tableCounts("31"));
    expect(body.toChase.find((c) => c.code === "10804")!.officers[0].username).toBe("xa.kimthanh");

    expect((await get("31", "?year=2026&quarter=5")).status).toBe(422);
    expect((await get("46")).status).toBe(403);
    expect((await get("99999")).status).toBe(404);

    ctx.user = actors["xa.kimthanh"];
    expect((await get("10804")).status).toBe(403);
    expect((await get("31")).status).toBe(403);

    ctx.user = actors["lanhdao.quocgia"];
    res = await get("VN");
    expect(res.status).toBe(200);
    const nation = (await res.json()) as NationCompleteness;
    expect(nation.provinces).toHaveLength(34);
    expect(nation.total).toBe(3321);

    ctx.user = null;
    expect((await get("31")).status).toBe(401);
  });
});
