// Judgements a leader can stand behind (issue 10), on the demo data, on PGlite and (with
// TEST_DATABASE_URL) on PostgreSQL: statuses against the quarter's milestones, current data only
// (stale and draft figures never ranked, coloured, listed or summed), lists by result, totals that
// say what they cover, unfinished quarters refused, and milestone overrides set by city staff
// (versioned, audited, in scope).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { saveQuarter, type Actor, type ScopedUnit as UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { dashboard } from "@/lib/dashboard/service";
import { rankings } from "@/lib/rankings/service";
import { provinceBoard } from "@/lib/completeness/service";
import { milestoneGrid, saveMilestones } from "@/lib/targets/milestones";
import { ServiceError } from "@/lib/figures/errors";
import { METRIC_KEYS } from "@/lib/domain/metrics";
import { GET as getRankings } from "@/app/api/v1/rankings/route";
import { GET as getIndicators } from "@/app/api/v1/units/[code]/indicators/route";
import { GET as getDashboard } from "@/app/api/v1/units/[code]/dashboard/route";

/** "Today" for these tests: 1/12/2026 — 2026 Q3 has ended, Q4 has not. */
const NOW = new Date("2026-12-01T03:00:00Z");
const Q3 = { year: 2026, quarter: 3 };

const USERNAMES = ["xa.kimthanh", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "bhxh.hue", "admin"] as const;
type Username = (typeof USERNAMES)[number];

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (e) {
    if (e instanceof ServiceError) return e.status;
    throw e;
  }
}

describe.each(dbKinds)("judgements on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor>;
  let hp: UnitRef;
  let vn: UnitRef;

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    const users = await db.prisma.user.findMany({ where: { username: { in: [...USERNAMES] } } });
    for (const u of users) actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    hp = await scopeUnit(db.prisma, actors.admin, "31");
    vn = await scopeUnit(db.prisma, actors.admin, "VN");
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it("ranks only communes with a submitted or approved report of exactly this quarter; the others are listed apart as not reported", async () => {
    const data = await rankings(db.prisma, hp, Q3, "attainment:bhxhCoverage", null, NOW);
    const counted = await db.sql.query<{ code: string; status: string }>(
      `SELECT u.code, r.status::text AS status FROM units u JOIN quarter_reports r ON r.unit_id = u.id
       WHERE u.tenant_id = $1 AND u.level = 'COMMUNE' AND r.kind = 'ACTUAL' AND r.year = 2026 AND r.quarter = 3 AND r.status IN ('SUBMITTED', 'APPROVED')`,
      [hp.id],
    );
    const countedCodes = new Set(counted.map((r) => r.code));
    expect(countedCodes.size).toBeLessThan(114); // the demo has communes that did not report
    for (const it of data.items) {
      expect(countedCodes.has(it.unit.code), it.unit.code).toBe(true);
      expect(it.figuresYear).toBe(2026);
      expect(it.figuresQuarter).toBe(3);
      expect(["SUBMITTED", "APPROVED"]).toContain(it.reportStatus);
    }
    const notReported = data.unranked.filter((u) => u.reason === "not_reported").map((u) => u.unit.code);
    expect(notReported.length).toBe(114 - countedCodes.size);
    for (const code of notReported) expect(countedCodes.has(code)).toBe(false);
    // Totals cover the communes that reported, and say so.
    expect(data.totals.reported).toBe(countedCodes.size);
    expect(data.totals.units).toBe(114);
    expect(data.totals.partial).toBe(true);
  });

  it("judges another period without its path to 2030 exactly as with it (the rankings' change columns)", async () => {
    for (const unit of [hp, vn]) {
      for (const [y, q] of [
        [2026, 2],
        [2025, 3],
      ]) {
        const full = await dashboard(db.prisma, unit, y, q, NOW);
        const light = await dashboard(db.prisma, unit, y, q, NOW, { path: false });
        const withoutPath = (d: typeof full) => [d.totals, ...d.rows].map(({ path: _path, ...rest }) => rest);
        expect(withoutPath(light), `${unit.code} ${y} Q${q}`).toEqual(withoutPath(full));
        expect(full.rows.some((r) => r.path.status !== "unknown")).toBe(true);
        // Judging only the keys a ranking reads gives those keys exactly as judging every target.
        const keys = ["bhxhCoverage", "latePaymentRate", "amountCollected"];
        const only = await dashboard(db.prisma, unit, y, q, NOW, { path: false, judge: keys });
        const pick = (r: (typeof full.rows)[number]) =>
          Object.fromEntries(
            (["expected", "attainment", "yearAttainment", "margins", "statuses"] as const).map((f) => [
              f,
              Object.fromEntries(keys.filter((k) => k in r[f]).map((k) => [k, r[f][k]])),
            ]),
          );
        const judged = [only.totals, ...only.rows];
        [full.totals, ...full.rows].forEach((r, i) => {
          expect(pick(judged[i]), `${unit.code} ${y} Q${q} ${r.unit.code}`).toEqual(pick(r));
          expect(Object.keys(judged[i].statuses).every((k) => keys.includes(k))).toBe(true);
        });
        expect(full.rows.some((r) => Object.keys(pick(r).attainment).length > 0)).toBe(true);
      }
    }
  });

  it("never puts a unit in a list its status contradicts; the not-reported are in no list", async () => {
    for (const indicator of ["attainment:bhxhCoverage", "attainment:latePaymentRate", "attainment:amountCollected", "composite"]) {
      const data = await rankings(db.prisma, hp, Q3, indicator, null, NOW);
      const statusOf = new Map(data.items.map((i) => [i.unit.code, i.status]));
      for (const c of data.lists.praise) expect(statusOf.get(c), `${indicator} praise ${c}`).toBe("attained");
      for (const c of data.lists.criticise) expect(statusOf.get(c), `${indicator} criticise ${c}`).toBe("behind");
      for (const c of data.lists.warn) expect(["close", "behind"]).toContain(statusOf.get(c));
      const notReported = new Set(data.unranked.map((u) => u.unit.code));
      for (const c of [...data.lists.praise, ...data.lists.warn, ...data.lists.criticise]) expect(notReported.has(c)).toBe(false);
    }
  });

  it("judges a ceiling by its margin: the late-payment rate is never an attainment %", async () => {
    const data = await rankings(db.prisma, hp, Q3, "attainment:latePaymentRate", null, NOW);
    expect(data.items.length).toBeGreaterThan(0);
    for (const it of data.items) {
      expect(it.attainment).toBeNull();
      expect(it.yearAttainment).toBeNull();
      expect(it.margin).not.toBeNull();
      expect(it.status).toBe(it.actual! <= it.target! ? "attained" : it.target! / it.actual! >= data.bands.close ? "close" : "behind");
    }
    // Ranked on the rate itself, lowest first.
    for (let i = 1; i < data.items.length; i++) expect(data.items[i].value).toBeGreaterThanOrEqual(data.items[i - 1].value);
  });

  it("judges year-to-date revenue against three quarters of the plan at 30/9, and gives the year's attainment beside it", async () => {
    const d = await dashboard(db.prisma, hp, 2026, 3, NOW);
    const row = d.rows.find((r) => r.figures && r.targets.amountCollected !== undefined)!;
    expect(row.expected.amountCollected).toBeCloseTo(row.targets.amountCollected * 0.75, 6);
    expect(row.attainment.amountCollected).toBeCloseTo(row.figures!.amountCollected! / (row.targets.amountCollected * 0.75), 9);
    expect(row.yearAttainment.amountCollected).toBeCloseTo(row.figures!.amountCollected! / row.targets.amountCollected, 9);
    // The colours differ between communes.
    const statuses = new Set(d.rows.filter((r) => r.figures).map((r) => r.statuses.bhxhCoverage));
    expect(statuses.size).toBeGreaterThan(1);
  });

  it("never counts a draft: a commune whose report goes back to draft drops out of the ranking and the totals", async () => {
    const before = await rankings(db.prisma, hp, Q3, "attainment:bhxhCoverage", null, NOW);
    const victim = before.items[0];
    const report = await db.prisma.quarterReport.findFirstOrThrow({ where: { unit: { code: victim.unit.code }, year: 2026, quarter: 3, kind: "ACTUAL" } });
    await db.prisma.quarterReport.update({ where: { id: report.id }, data: { status: "DRAFT" } });
    try {
      const after = await rankings(db.prisma, hp, Q3, "attainment:bhxhCoverage", null, NOW);
      expect(after.items.some((i) => i.unit.code === victim.unit.code)).toBe(false);
      const u = after.unranked.find((x) => x.unit.code === victim.unit.code)!;
      expect(u.reason).toBe("not_reported");
      expect(u.reportStatus).toBe("DRAFT");
      expect(after.totals.reported).toBe(before.totals.reported - 1);
      const d = await dashboard(db.prisma, hp, 2026, 3, NOW);
      const compulsory = d.rows.filter((r) => r.figures).reduce((a, r) => a + r.figures!.bhxhCompulsory!, 0);
      expect(d.totals.figures!.bhxhCompulsory).toBe(compulsory);
      expect(d.rows.find((r) => r.unit.code === victim.unit.code)!.figures).toBeNull();
    } finally {
      await db.prisma.quarterReport.update({ where: { id: report.id }, data: { status: report.status } });
    }
  });

  it("refuses an unfinished quarter: actual figures (422 on quarter), rankings and dashboards (422)", async () => {
    const figures = Object.fromEntries(METRIC_KEYS.map((k) => [k, 1]));
    const err = await saveQuarter(db.prisma, actors["xa.kimthanh"], { unitCode: "10804", year: 2026, quarter: 4, body: { figures } }, NOW).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(err.status).toBe(422);
    expect(err.issues[0].path).toBe("quarter");
    expect(err.message).toMatch(/chưa kết thúc/);
    expect(await status(rankings(db.prisma, hp, { year: 2026, quarter: 4 }, null, null, NOW))).toBe(422);
    expect(await status(dashboard(db.prisma, hp, 2026, 4, NOW))).toBe(422);
    // The year-end estimate stays possible from Q3 on.
    const est = await saveQuarter(
      db.prisma,
      actors["xa.kimthanh"],
      {
        unitCode: "10804",
        year: 2026,
        quarter: 4,
        body: {
          figures: {
            ...figures,
            labourForce: 20000,
            population: 40000,
            retirementAgePopulation: 5000,
            bhxhCompulsory: 10,
            bhxhVoluntary: 5,
            bhxhVoluntaryInformal: 1,
            bhtn: 5,
            bhyt: 100,
            pensionRecipients: 10,
            amountDue: 1000,
            amountCollected: 900,
            latePayments: 10,
          },
          kind: "estimate",
          confirmWarnings: true,
        },
      },
      NOW,
    );
    expect(est.report.kind).toBe("estimate");
  });

  it("serves the API: rankings with figuresYear/Quarter, reasons, lists with lateReporters, totals with reported/units; 422 for an unfinished quarter", async () => {
    ctx.user = { ...actors["lanhdao.haiphong"], username: "lanhdao.haiphong" };
    const res = await getRankings(new Request("http://x/api/v1/rankings?parent=31&year=2026&quarter=3&indicator=attainment:bhxhCoverage"), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items[0]).toMatchObject({ figuresYear: 2026, figuresQuarter: 3 });
    expect(body.unranked.every((u: { reason: string }) => ["not_reported", "no_target", "no_value"].includes(u.reason))).toBe(true);
    expect(Array.isArray(body.lists.lateReporters)).toBe(true);
    expect(body.lists.lateReporters.length).toBeGreaterThan(0);
    expect(body.totals).toMatchObject({ units: 114 });
    expect(body.totals.reported).toBeLessThan(114);
    const q4 = await getRankings(new Request("http://x/api/v1/rankings?parent=31&year=2026&quarter=4"), { params: Promise.resolve({}) });
    expect(q4.status).toBe(422);
    const dq4 = await getDashboard(new Request("http://x/api/v1/units/31/dashboard?year=2026&quarter=4"), { params: Promise.resolve({ code: "31" }) });
    expect(dq4.status).toBe(422);

    const ind = await getIndicators(new Request("http://x/api/v1/units/31/indicators?year=2026&quarter=3"), { params: Promise.resolve({ code: "31" }) });
    const view = await ind.json();
    expect(view.aggregate.included).toBe(view.aggregate.reported);
    expect(view.expected).toBeTypeOf("object");
    expect(view.yearAttainment).toBeTypeOf("object");
  });

  it("sets no partial sum against the whole city's revenue plan, and counts late reporters as the completeness board does", async () => {
    // 2026 Q3: 103 of Hải Phòng's 114 communes reported. Their revenue is not a share of the city's plan.
    const q3 = await dashboard(db.prisma, hp, 2026, 3, NOW);
    expect(q3.totals.partial).toBe(true);
    expect(q3.totals.indicators.revenueCompletion).toBeNull();
    expect(q3.totals.statuses.revenueCompletion ?? "none").toBe("none");
    expect(q3.totals.path.status).toBe("unknown");
    const reporting = q3.rows.filter((r) => r.hasReport && r.targets.amountCollected !== undefined);
    expect(reporting.length).toBeGreaterThan(0);
    for (const r of reporting) expect(r.indicators.revenueCompletion).toBeCloseTo(r.figures!.amountCollected! / r.targets.amountCollected, 12);
    // 2026 Q2: every commune reported: the whole city's rate.
    const q2 = await dashboard(db.prisma, hp, 2026, 2, NOW);
    expect(q2.totals.partial).toBe(false);
    expect(q2.totals.indicators.revenueCompletion).toBeCloseTo(q2.totals.figures!.amountCollected! / q2.totals.targets.amountCollected, 12);

    // Late is late whether the report came after the deadline or has not come: the same count everywhere.
    const board = await provinceBoard(db.prisma, hp, 2026, 3, NOW);
    const city = await rankings(db.prisma, hp, Q3, "attainment:bhxhCoverage", null, NOW);
    expect(board.overdueCount).toBeGreaterThan(0);
    expect(city.lateReporters).toHaveLength(board.lateCount + board.overdueCount);
    expect(city.lateReporters.filter((l) => l.timeliness === "overdue")).toHaveLength(board.overdueCount);
    const nation = await rankings(db.prisma, vn, Q3, "attainment:bhxhCoverage", null, NOW);
    const hpLate = nation.lateReporters.find((l) => l.unit.code === "31")!;
    expect((hpLate.lateCount ?? 0) + (hpLate.overdueCount ?? 0)).toBe(city.lateReporters.length);
  });

  it("says how many provinces reported, never calls two provinces the nation, and shows Resolution 403's 2030 target", async () => {
    const data = await rankings(db.prisma, vn, Q3, "attainment:bhxhCoverage", null, NOW);
    expect(data.totals.provinces).toBe(34);
    expect(data.totals.provincesReported).toBe(2);
    expect(data.totals.partial).toBe(true);
    expect(data.unranked.filter((u) => u.reason === "not_reported")).toHaveLength(32);
    const d2030 = await dashboard(db.prisma, vn, 2025, 4, NOW);
    expect(d2030.totals.path.target2030).toBe(29_334_000);
  });

  it("lets city staff override a commune's quarter milestone: versioned, audited, used by the judgement", async () => {
    const staff = actors["bhxh.haiphong"];
    const grid = await milestoneGrid(db.prisma, staff, "11242", 2026);
    expect(grid.editable).toBe(true);
    const row = grid.rows.find((r) => r.key === "bhxhCompulsory")!;
    expect(row.quarters[3].defaultValue).toBe(row.target); // Q4 = the year's target
    const q3 = row.quarters[2];
    const res = await saveMilestones(db.prisma, staff, "11242", {
      year: 2026,
      entries: [{ key: "bhxhCompulsory", quarter: 3, value: 1, version: q3.version }],
    });
    expect(res.changed).toBe(1);
    const d = await dashboard(db.prisma, hp, 2026, 3, NOW);
    const nlb = d.rows.find((r) => r.unit.code === "11242")!;
    expect(nlb.expected.bhxhCompulsory).toBe(1);
    expect(nlb.expectedBasis.bhxhCompulsory).toBe("override");
    const entry = await db.prisma.auditEntry.findFirst({ where: { entity: "milestone", entityId: "11242:2026:Q3", field: "bhxhCompulsory" } });
    expect(entry).toMatchObject({ oldValue: null, newValue: "1", actorId: staff.id });
    // A stale version is refused, nothing written.
    expect(
      await status(saveMilestones(db.prisma, staff, "11242", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 3, value: 2, version: q3.version }] })),
    ).toBe(409);
    // Others may not; bad input says why.
    expect(
      await status(
        saveMilestones(db.prisma, actors["xa.kimthanh"], "11242", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 3, value: 2, version: 1 }] }),
      ),
    ).toBe(403);
    expect(
      await status(
        saveMilestones(db.prisma, actors["bhxh.hue"], "11242", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 3, value: 2, version: 1 }] }),
      ),
    ).toBe(403);
    expect(
      await status(
        saveMilestones(db.prisma, actors["lanhdao.haiphong"], "11242", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 3, value: 2, version: 1 }] }),
      ),
    ).toBe(403);
    expect(
      await status(saveMilestones(db.prisma, staff, "11242", { year: 2026, entries: [{ key: "bhxhCoverage", quarter: 4, value: 0.5, version: 0 }] })),
    ).toBe(422);
    expect(
      await status(saveMilestones(db.prisma, staff, "11242", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 2, value: "nhiều", version: 0 }] })),
    ).toBe(422);
    // Cleared: back to the default.
    await saveMilestones(db.prisma, staff, "11242", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 3, value: null, version: q3.version + 1 }] });
    const again = await dashboard(db.prisma, hp, 2026, 3, NOW);
    expect(again.rows.find((r) => r.unit.code === "11242")!.expectedBasis.bhxhCompulsory).not.toBe("override");
  });
});
