// The data-quality view (lib/quality/service.ts), its JSON API (GET /api/v1/units/{code}/quality),
// the city's threshold of the previous-quarter check (tenant setting plausibility_change_pct, with
// its action and audit entry) and that threshold applied when figures are saved, against the demo
// data on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL. Outliers are planted straight
// into quarter_reports: a submitted one is listed, against the commune's history and its peers; the
// same figure in a draft is not.
// The action and the API read the session and the database through lib/auth/session.server and
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
import { readReport, saveQuarter, type Actor, type ScopedUnit as UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";
import { VALIDATION_MESSAGES_VI } from "@/lib/domain/figures-validation";
import { OUTLIER_THRESHOLD } from "@/lib/domain/outliers";
import { HISTORY_QUARTERS, quality, setChangePct, type QualityItem, type QualityView } from "@/lib/quality/service";
import { DEFAULT_CHANGE_PCT, PLAUSIBILITY_SETTING } from "@/lib/quality/settings";
import { setChangePctAction } from "@/lib/actions/quality";
import { GET } from "@/app/api/v1/units/[code]/quality/route";

const NOW = new Date("2026-11-21T10:00:00Z");
const YEAR = 2026;
const QUARTER = 3;

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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe.each(dbKinds)("data quality on %s", (kind) => {
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
    console.info(`quality on ${kind}: database ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    ctx.prisma = null;
    ctx.user = null;
    await db?.destroy();
  });

  beforeEach(() => {
    vi.mocked(revalidatePath).mockClear();
  });

  const view = (actor: Actor = actors["bhxh.haiphong"], code: UnitCode = "31") => quality(db.prisma, actor, units[code], YEAR, QUARTER);
  const find = (v: QualityView, code: string, key: string, basis: QualityItem["basis"]) =>
    v.items.find((i) => i.unit.code === code && i.key === key && i.basis === basis);

  /** Hải Phòng communes (Nguyễn Lương Bằng and Kim Thành left out) whose 2026 Q3 report is in a state. */
  async function communesIn(status: "SUBMITTED" | "DRAFT" | "APPROVED"): Promise<string[]> {
    const rows = await db.sql.query<{ code: string }>(
      `SELECT u.code FROM quarter_reports r JOIN units u ON u.id = r.unit_id
       WHERE r.tenant_id = $1 AND r.kind = 'ACTUAL' AND r.year = $2 AND r.quarter = $3 AND r.status = $4
         AND u.code NOT IN ('10804', '11242')
       ORDER BY u.code`,
      [units["31"].id, YEAR, QUARTER, status],
    );
    return rows.map((r) => r.code);
  }

  /** One figure of one commune's ACTUAL report. */
  async function figure(code: string, key: MetricKey, year = YEAR, quarter = QUARTER): Promise<number> {
    const [r] = await db.sql.query<{ v: number }>(
      `SELECT r.${snake(key)}::float8 AS v FROM quarter_reports r JOIN units u ON u.id = r.unit_id
       WHERE u.code = $1 AND r.kind = 'ACTUAL' AND r.year = $2 AND r.quarter = $3`,
      [code, year, quarter],
    );
    return Number(r.v);
  }

  async function plant(code: string, key: MetricKey, value: number, quarter = QUARTER) {
    await db.sql.query(
      `UPDATE quarter_reports SET ${snake(key)} = $1 WHERE kind = 'ACTUAL' AND year = $2 AND quarter = $3 AND unit_id = (SELECT id FROM units WHERE code = $4 AND valid_to IS NULL)`,
      [value, YEAR, quarter, code],
    );
  }

  async function setStatus(code: string, status: string) {
    await db.sql.query(
      `UPDATE quarter_reports SET status = $1::"ReportStatus" WHERE kind = 'ACTUAL' AND year = $2 AND quarter = $3 AND unit_id = (SELECT id FROM units WHERE code = $4 AND valid_to IS NULL)`,
      [status, YEAR, QUARTER, code],
    );
  }

  /** A commune's earlier values of a figure, from submitted or approved reports of the history window. */
  async function history(code: string, key: MetricKey): Promise<number[]> {
    const rows = await db.sql.query<{ v: number }>(
      `SELECT r.${snake(key)}::float8 AS v FROM quarter_reports r JOIN units u ON u.id = r.unit_id
       WHERE u.code = $1 AND r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED')
         AND r.year * 4 + r.quarter - 1 BETWEEN $2 AND $3`,
      [code, YEAR * 4 + QUARTER - 1 - HISTORY_QUARTERS, YEAR * 4 + QUARTER - 2],
    );
    return rows.map((r) => Number(r.v));
  }

  // -------------------------------------------------------------------------------------------

  it("lists for the city staff only counted reports' outliers, largest |score| first", async () => {
    const v = await view();
    expect(v.parent).toEqual({ code: "31", name: units["31"].name, level: "PROVINCE" });
    expect([v.year, v.quarter, v.threshold, v.minHistory, v.historyQuarters]).toEqual([YEAR, QUARTER, OUTLIER_THRESHOLD, 4, HISTORY_QUARTERS]);
    expect(v.communes).toBe(114);
    const counted = (await communesIn("SUBMITTED")).length + (await communesIn("APPROVED")).length + 1; // + Nguyễn Lương Bằng (submitted)
    expect(v.reported).toBe(counted);
    expect(v.changePct).toBe(DEFAULT_CHANGE_PCT);
    const drafts = new Set(await communesIn("DRAFT"));
    for (const i of v.items) {
      expect(["SUBMITTED", "APPROVED"]).toContain(i.status);
      expect(Math.abs(i.score)).toBeGreaterThanOrEqual(OUTLIER_THRESHOLD);
      expect(drafts.has(i.unit.code)).toBe(false);
      expect(i.unit.code).not.toBe("10804"); // not started
    }
    const scores = v.items.map((i) => Math.abs(i.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    console.info(`quality on ${kind}: ${v.items.length} outliers in the demo's ${YEAR} Q${QUARTER} of Hải Phòng before planting`);
  });

  it("lists a planted outlier against the commune's history and against its peers", async () => {
    const [code] = await communesIn("SUBMITTED");
    const before = await figure(code, "bhxhVoluntary");
    const planted = before * 6;
    await plant(code, "bhxhVoluntary", planted);

    const v = await view();
    const own = find(v, code, "bhxhVoluntary", "history");
    const earlier = await history(code, "bhxhVoluntary");
    expect(earlier.length).toBeGreaterThanOrEqual(4);
    expect(own).toMatchObject({ kind: "metric", quarterOnly: false, value: planted, n: earlier.length, status: "SUBMITTED" });
    expect(own!.median).toBe(median(earlier));
    expect(own!.score).toBeGreaterThanOrEqual(OUTLIER_THRESHOLD);
    expect(own!.unit.name).toMatch(/\S/);

    // Voluntary coverage: against its own history and against the 100-odd other communes.
    const labourForce = await figure(code, "labourForce");
    const peers = find(v, code, "voluntaryCoverage", "peers");
    expect(peers).toMatchObject({ kind: "rate", status: "SUBMITTED", n: v.reported });
    expect(peers!.value).toBeCloseTo(planted / labourForce, 12);
    expect(peers!.score).toBeGreaterThanOrEqual(OUTLIER_THRESHOLD);
    expect(peers!.median).toBeLessThan(peers!.value);
    expect(find(v, code, "voluntaryCoverage", "history")?.score).toBeGreaterThanOrEqual(OUTLIER_THRESHOLD);

    // The API gives the same list.
    ctx.user = actors["lanhdao.haiphong"];
    const res = await GET(new Request(`http://localhost/api/v1/units/31/quality?year=${YEAR}&quarter=${QUARTER}`), { params: Promise.resolve({ code: "31" }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as QualityView;
    expect(body.items).toEqual(v.items);
    expect(body.reported).toBe(v.reported);

    await plant(code, "bhxhVoluntary", before);
    expect(find(await view(), code, "bhxhVoluntary", "history")).toBeUndefined();
  });

  it("does not list a draft with an outlier, nor compare with it; submitted, it is listed", async () => {
    const [code] = await communesIn("DRAFT");
    const before = await figure(code, "bhxhVoluntary");
    await plant(code, "bhxhVoluntary", before * 6);
    const reference = await view();
    expect(reference.items.filter((i) => i.unit.code === code)).toEqual([]);

    // The same figures once submitted: listed (so the draft was left out for its status only).
    await setStatus(code, "SUBMITTED");
    const submitted = await view();
    expect(submitted.reported).toBe(reference.reported + 1);
    expect(find(submitted, code, "bhxhVoluntary", "history")).toMatchObject({ value: before * 6, status: "SUBMITTED" });
    expect(find(submitted, code, "voluntaryCoverage", "peers")).toBeDefined();

    // Returned is not counted either.
    await setStatus(code, "RETURNED");
    expect((await view()).items.filter((i) => i.unit.code === code)).toEqual([]);

    await setStatus(code, "DRAFT");
    await plant(code, "bhxhVoluntary", before);
  });

  it("leaves returned quarters out of a commune's history", async () => {
    // Nguyễn Lương Bằng's 2025 Q3 was returned by the city (demo): one quarter fewer in its history.
    const code = "11242";
    const all = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM quarter_reports r WHERE r.unit_id = $1 AND r.kind = 'ACTUAL' AND r.year * 4 + r.quarter - 1 BETWEEN $2 AND $3`,
      [units[code].id, YEAR * 4 + QUARTER - 1 - HISTORY_QUARTERS, YEAR * 4 + QUARTER - 2],
    );
    const earlier = await history(code, "bhyt");
    expect(earlier.length).toBe(Number(all[0].n) - 1);
    const before = await figure(code, "bhyt");
    await plant(code, "bhyt", before * 3);
    const item = find(await view(), code, "bhyt", "history");
    expect(item).toMatchObject({ n: earlier.length, median: median(earlier), value: before * 3 });
    await plant(code, "bhyt", before);
  });

  it("compares year-to-date money as the quarter's own amount", async () => {
    const [code] = await communesIn("APPROVED");
    const q2 = await figure(code, "amountCollected", YEAR, 2);
    const q3 = await figure(code, "amountCollected");
    const own = q3 - q2;
    const planted = q2 + own * 8; // the quarter's own amount eight times as large
    await plant(code, "amountCollected", planted);
    const item = find(await view(), code, "amountCollected", "history");
    expect(item).toMatchObject({ quarterOnly: true, value: planted - q2, status: "APPROVED" });
    expect(item!.median).toBeLessThan(own * 2);
    expect(item!.score).toBeGreaterThanOrEqual(OUTLIER_THRESHOLD);
    await plant(code, "amountCollected", q3);
  });

  it("refuses commune officers, other cities and the national leader (403), and the nation (422)", async () => {
    for (const who of ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.hue", "lanhdao.quocgia"] as const) {
      const e = await failure(view(actors[who]));
      expect(e.status, `${who}: ${e.message}`).toBe(403);
    }
    expect((await view(actors.admin)).items).toBeDefined();
    expect((await view(actors["bhxh.hue"], "46")).parent.code).toBe("46");
    expect((await failure(view(actors.admin, "VN"))).status).toBe(422);
    expect((await failure(view(actors.admin, "10804"))).status).toBe(422);
    expect((await failure(quality(db.prisma, actors.admin, units["31"], 2026, 5))).status).toBe(422);

    const get = (code: string, query = `?year=${YEAR}&quarter=${QUARTER}`) =>
      GET(new Request(`http://localhost/api/v1/units/${code}/quality${query}`), { params: Promise.resolve({ code }) });
    ctx.user = null;
    expect((await get("31")).status).toBe(401);
    for (const [who, code, status] of [
      ["xa.kimthanh", "31", 403],
      ["xa.kimthanh", "10804", 403],
      ["bhxh.hue", "31", 403],
      ["lanhdao.quocgia", "31", 403],
      ["bhxh.haiphong", "46", 403],
      ["admin", "VN", 422],
      ["bhxh.haiphong", "99999", 404],
      ["bhxh.haiphong", "31", 200],
      ["admin", "46", 200],
    ] as const) {
      ctx.user = actors[who];
      const res = await get(code);
      expect(res.status, `${who} ${code}`).toBe(status);
      if (status !== 200) expect(await res.json()).toMatchObject({ error: expect.any(String), issues: expect.any(Array) });
    }
    ctx.user = actors["bhxh.haiphong"];
    const bad = await get("31", "?year=2026&quarter=9");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toBe(MSG.invalid);
  });

  // -------------------------------------------------------------------------------------------
  // The city's threshold of the previous-quarter check

  it("sets the city's threshold (audited) and applies it when a commune saves", async () => {
    const kt = actors["xa.kimthanh"];
    const q2 = await readReport(db.prisma, units["10804"].id, { year: YEAR, quarter: 2 });
    const figures = Object.fromEntries(METRIC_KEYS.map((k) => [k, q2!.figures[k]])) as Record<MetricKey, number>;
    const rise = { ...figures, bhxhVoluntary: Math.round(figures.bhxhVoluntary * 1.25) };
    const input = { unitCode: "10804", year: YEAR, quarter: QUARTER, body: { figures: rise } };

    // The default ±20%: a 25% rise of voluntary participants must be confirmed.
    const e = await failure(saveQuarter(db.prisma, kt, input, NOW));
    expect(e.status).toBe(422);
    expect(e.extra).toEqual({ needsConfirmation: true });
    expect(e.issues[0].message).toMatch(/^Tăng \d+,\d% so với quý trước \([\d.]+ → [\d.]+\): vui lòng kiểm tra lại\.$/);
    expect(e.issues).toEqual([
      {
        path: "figures.bhxhVoluntary",
        code: "rise_from_previous",
        severity: "warning",
        message: VALIDATION_MESSAGES_VI.rise(figures.bhxhVoluntary, rise.bhxhVoluntary, (rise.bhxhVoluntary - figures.bhxhVoluntary) / figures.bhxhVoluntary),
      },
    ]);

    // The city raises it to 30%: the same figures save without a warning.
    ctx.user = actors["bhxh.haiphong"];
    const r = await setChangePctAction("31", "30");
    expect(r).toEqual({ ok: true, data: { tenant: { code: "31", name: units["31"].name }, pct: 30, previous: null, changed: true } });
    expect(revalidatePath).toHaveBeenCalledWith("/units/31/quality");
    const entry = await db.prisma.auditEntry.findFirst({ where: { entity: "setting", field: PLAUSIBILITY_SETTING }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({
      tenantId: units["31"].id,
      unitId: units["31"].id,
      actorId: actors["bhxh.haiphong"].id,
      oldValue: null,
      newValue: "30",
      entityId: `31:${PLAUSIBILITY_SETTING}`,
    });
    expect((await view()).changePct).toBe(30);
    expect((await view(actors["bhxh.hue"], "46")).changePct).toBe(DEFAULT_CHANGE_PCT);

    const ok = await saveQuarter(db.prisma, kt, input, NOW);
    expect(ok.warnings).toEqual([]);
    expect(ok.report.status).toBe("DRAFT");
    // Beyond 30% still warns.
    const more = { ...input, body: { figures: { ...figures, bhxhVoluntary: Math.round(figures.bhxhVoluntary * 1.35) }, version: ok.report.version } };
    expect((await failure(saveQuarter(db.prisma, kt, more, NOW))).issues.map((i) => i.code)).toEqual(["rise_from_previous"]);

    // The same value again changes nothing; the administrator may set it too; back to the default.
    const audits = await db.prisma.auditEntry.count();
    expect(await setChangePct(db.prisma, actors["bhxh.haiphong"], "31", 30)).toMatchObject({ changed: false, pct: 30, previous: 30 });
    expect(await db.prisma.auditEntry.count()).toBe(audits);
    expect(await setChangePct(db.prisma, actors.admin, "31", "20%")).toMatchObject({ changed: true, pct: 20, previous: 30 });
    expect(await db.prisma.auditEntry.count()).toBe(audits + 1);
    // The draft saved meanwhile is no outlier in the list (not counted).
    expect((await view()).items.filter((i) => i.unit.code === "10804")).toEqual([]);
  });

  it("refuses the threshold to leaders, officers and other cities (403) and bad values (422), changing nothing", async () => {
    const snapshot = async () =>
      (
        await db.sql.query<{ s: string | null; audit: number }>(
          `SELECT (SELECT string_agg(tenant_id || '=' || value, ',' ORDER BY tenant_id) FROM tenant_settings WHERE key = $1) AS s,
                  (SELECT count(*)::int FROM audit_entries) AS audit`,
          [PLAUSIBILITY_SETTING],
        )
      )[0];
    const before = await snapshot();
    for (const who of ["lanhdao.haiphong", "lanhdao.quocgia", "xa.kimthanh", "bhxh.hue"] as const) {
      const e = await failure(setChangePct(db.prisma, actors[who], "31", 30));
      expect(e.status, `${who}: ${e.message}`).toBe(403);
    }
    ctx.user = actors["lanhdao.haiphong"];
    expect(await setChangePctAction("31", 30)).toMatchObject({ ok: false, error: deniedMessage("city.settings") });
    const staff = actors["bhxh.haiphong"];
    for (const bad of [4, 101, 0, -20, 2.5, "abc", "", null, "30 phần trăm"]) {
      const e = await failure(setChangePct(db.prisma, staff, "31", bad));
      expect(e.status, `${JSON.stringify(bad)}: ${e.message}`).toBe(422);
      expect(e.issues[0].path).toBe("pct");
    }
    expect((await failure(setChangePct(db.prisma, staff, "31", 101))).issues[0].message).toBe("Ngưỡng phải là một số nguyên từ 5 đến 100 (%).");
    expect((await failure(setChangePct(db.prisma, staff, "31", ""))).issues[0].message).toBe("Chưa nhập ngưỡng (%).");
    expect((await failure(setChangePct(db.prisma, actors.admin, "10804", 30))).status).toBe(422);
    expect(await snapshot()).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
