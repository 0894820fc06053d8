import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { DEMO_DATA_VERSION, loadDemoData } from "@/lib/demo/load";
import { DEMO_SETTING, getSetting, isDemoLoaded } from "@/lib/db/settings";
import { completeness, type ProvinceCompleteness } from "@/lib/completeness/service";
import { scopeUnit } from "@/lib/auth/scope";
import { SOURCE_HUE, SOURCE_ILLUSTRATIVE, SOURCE_KIM_THANH } from "@/lib/demo/generate";

describe.each(dbKinds)("loadDemoData on %s", (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    expect(await isDemoLoaded(db.prisma)).toBe(false);
    await loadDemoData(db); // timed in npm run bench
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it("covers both tenants in full", async () => {
    const province = async (code: string) => (await db.prisma.unit.findFirstOrThrow({ where: { code, level: "PROVINCE" } })).id;
    const hp = await province("31");
    const hue = await province("46");
    expect(await db.prisma.unit.count({ where: { level: "COMMUNE", tenantId: hp } })).toBe(114);
    expect(await db.prisma.unit.count({ where: { level: "COMMUNE", tenantId: hue } })).toBe(40);
    // Every commune of both tenants has reports and targets; both provinces have targets.
    const reporting = await db.sql.query<{ n: number }>(`SELECT count(DISTINCT unit_id)::int AS n FROM quarter_reports WHERE tenant_id IN ($1, $2)`, [hp, hue]);
    expect(reporting[0].n).toBe(154);
    const targeted = await db.sql.query<{ n: number }>(
      `SELECT count(DISTINCT unit_id)::int AS n FROM targets WHERE tenant_id IN ($1, $2) AND unit_id IN (SELECT id FROM units WHERE level <> 'VILLAGE')`,
      [hp, hue],
    );
    expect(targeted[0].n).toBe(156);
    // Kim Thành's ten villages have their 2026 targets and their own figures (lib/demo/villages.ts).
    expect(await db.prisma.target.count({ where: { unit: { level: "VILLAGE", parent: { code: "10804" } }, year: 2026 } })).toBe(30);
    expect(await db.prisma.villageFigure.count({ where: { unit: { parent: { code: "10804" } } } })).toBe(40);
  });

  it("creates the villages under their communes", async () => {
    const kimThanh = await db.prisma.unit.findFirstOrThrow({ where: { code: "10804", level: "COMMUNE" } });
    const villages = await db.prisma.unit.findMany({ where: { parentId: kimThanh.id }, orderBy: { code: "asc" } });
    expect(villages.length).toBeGreaterThanOrEqual(8);
    expect(villages[0]).toMatchObject({ code: "10804-01", level: "VILLAGE", type: "THON", tenantId: kimThanh.tenantId });
    expect(villages[0].validFrom.toISOString().slice(0, 10)).toBe("2025-07-01");
  });

  it("creates the seven demo accounts with the demo password", async () => {
    expect(await db.prisma.user.count()).toBe(7);
    const officer = await db.prisma.user.findUniqueOrThrow({
      where: { username: "xa.kimthanh" },
      include: { unit: true, tenant: true },
    });
    expect(officer.role).toBe("COMMUNE_OFFICER");
    expect(officer.unit?.code).toBe("10804");
    expect(officer.tenant?.code).toBe("31");
    expect(await verifyPassword(officer.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(officer.passwordHash, "sai-mat-khau")).toBe(false);
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(admin).toMatchObject({ role: "ADMIN", tenantId: null, unitId: null });
  });

  it("records that the demo data is loaded", async () => {
    expect(await getSetting(db.prisma, DEMO_SETTING)).toBe(DEMO_DATA_VERSION);
    expect(DEMO_DATA_VERSION).toBe("seed-403-v2");
  });

  it("puts every row in its unit's tenant", async () => {
    for (const table of ["quarter_reports", "targets"]) {
      const wrong = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} r JOIN units u ON u.id = r.unit_id
          WHERE r.tenant_id IS DISTINCT FROM u.tenant_id`,
      );
      expect(wrong[0].n, table).toBe(0);
    }
  });

  it("shows 2026 Q3 as the completeness board judges it: several overdue, a few late, the rest on time", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    const actor = { id: admin.id, role: admin.role, tenantId: admin.tenantId, unitId: admin.unitId };
    const expected = { "31": { total: 114, overdue: [9, 14] }, "46": { total: 40, overdue: [3, 5] } } as const;
    for (const [code, e] of Object.entries(expected)) {
      const unit = await scopeUnit(db.prisma, actor, code);
      const board = (await completeness(db.prisma, actor, unit, 2026, 3, new Date("2026-12-01T00:00:00Z"))) as ProvinceCompleteness;
      expect(board.deadline).toMatchObject({ days: 5, date: "2026-10-05", passed: true });
      expect(board.total).toBe(e.total);
      expect(board.overdueCount, code).toBeGreaterThanOrEqual(e.overdue[0]);
      expect(board.overdueCount, code).toBeLessThanOrEqual(e.overdue[1]);
      expect(board.counts.NOT_STARTED + board.counts.DRAFT, code).toBe(board.overdueCount);
      expect(board.lateCount, code).toBeGreaterThanOrEqual(3);
      expect(board.lateCount, code).toBeLessThanOrEqual(6);
      const onTime = board.communes.filter((c) => c.timeliness === "on_time").length;
      expect(onTime + board.lateCount + board.overdueCount, code).toBe(e.total);
      expect(board.communes.find((c) => c.code === "10804")?.state ?? "NOT_STARTED").toBe("NOT_STARTED");
    }
  });

  it("cites a document only for the targets it contains", async () => {
    const rows = await db.sql.query<{ source: string; n: number }>(
      `SELECT t.source, count(*)::int AS n FROM targets t JOIN units u ON u.id = t.unit_id
        WHERE u.level NOT IN ('NATION', 'VILLAGE') GROUP BY t.source ORDER BY t.source`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.source, r.n]))).toEqual({
      [SOURCE_HUE]: 4,
      [SOURCE_KIM_THANH]: 8,
      [SOURCE_ILLUSTRATIVE]: 156 * 23 + 2 - 12,
    });
  });

  it("stores the seed figures and money as exact numbers", async () => {
    const r = await db.prisma.quarterReport.findFirstOrThrow({
      where: { unit: { code: "11242" }, year: 2025, quarter: 3, kind: "ACTUAL" },
    });
    expect(r).toMatchObject({ labourForce: 17934, bhxhCompulsory: 8561, bhxhVoluntary: 961, bhtn: 7915, status: "RETURNED" }); // returned by the city: seed 000 printed two compulsory counts
    expect(typeof r.amountDue).toBe("bigint");
    expect(await db.prisma.quarterReport.count({ where: { unit: { code: "10804" }, year: 2026, quarter: 3 } })).toBe(0);
  });
});
