// Saving a quarter's figures (lib/figures/service.ts) against the demo data, on PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL: the happy path (draft, submit), the seed figures of
// seed 000 and their indicators, the domain errors and the warnings that need confirming, malformed
// input, scope (who may write what), the locks of the review workflow (a submitted or approved
// quarter is not editable), stale versions and concurrent saves, the city/nation aggregates, and
// the time one save takes. Every case saves where saving is allowed: a quarter without a report
// (Kim Thành's 2026 Q3, 2026 Q4), the demo's returned 2025 Q3 of Nguyễn Lương Bằng, or an approved
// quarter that city staff first reopen (lib/workflow/service.ts). Every refused save is checked to
// have left quarter_reports, report_events, audit_entries and notifications exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { figuresOfYear, indicatorsView, readReport, saveQuarter, type Actor, type FigureValues, type ScopedUnit } from "@/lib/figures/service";
import { can } from "@/lib/auth/permissions";
import { scopeUnit } from "@/lib/auth/scope";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { transition } from "@/lib/workflow/service";
import { METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";
import { statusOf } from "@/lib/domain/indicators";
import { VALIDATION_MESSAGES_VI } from "@/lib/domain/figures-validation";
import { YEAR_TO_DATE_METRICS } from "@/lib/domain/period";

const NOW = new Date("2026-11-21T10:00:00Z");
/** After 2026 Q4 has ended: its actual figures can be written (a quarter still without a report). */
const AFTER_Q4 = new Date("2027-01-10T03:00:00Z");

const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "admin", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];

const UNIT_CODES = ["10804", "11242", "31", "46", "VN"] as const;
type UnitCode = (typeof UNIT_CODES)[number];

type Body = Partial<Record<MetricKey, number | null>>;
type SaveInput = { unitCode: string; year: unknown; quarter: unknown; body: unknown };

/** Seed 000 §7, Xã Nguyễn Lương Bằng at 30/9/2025. */
const SEED_000 = {
  labourForce: 17934,
  bhxhCompulsory: 8561,
  bhxhVoluntary: 961,
  bhxhVoluntaryInformal: 961,
  bhtn: 7915,
  pensionRecipients: 892,
} as const;

const MONEY = ["amountDue", "amountCollected", "latePayments"] as const satisfies readonly MetricKey[];

function complete(f: FigureValues | undefined | null): Record<MetricKey, number> {
  if (!f) throw new Error("no report");
  for (const k of METRIC_KEYS) if (f[k] === null) throw new Error(`missing ${k} in the demo report`);
  return f as Record<MetricKey, number>;
}

const mapFigures = (f: Record<MetricKey, number>, fn: (v: number, k: MetricKey) => number): Record<MetricKey, number> =>
  Object.fromEntries(METRIC_KEYS.map((k) => [k, fn(f[k], k)])) as Record<MetricKey, number>;

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

describe.each(dbKinds)("saving quarterly figures on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor>;
  const units = {} as Record<UnitCode, ScopedUnit>;

  beforeAll(async () => {
    const t0 = Date.now();
    db = await migratedDatabase(kind, { demo: true });
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...USERNAMES] } },
      select: { id: true, username: true, role: true, tenantId: true, unitId: true },
    });
    for (const u of users) actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    for (const code of UNIT_CODES) units[code] = await scopeUnit(db.prisma, actors.admin, code);
    console.info(`figures-save on ${kind}: database ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const save = (actor: Actor, input: SaveInput, now: Date = NOW) => saveQuarter(db.prisma, actor, input, now);

  /**
   * Everything in quarter_reports (row count, and every row's text), the number of review events,
   * audit entries and notifications, plus the one row the save targets.
   */
  async function snapshot(input: SaveInput, kindOf: "ACTUAL" | "ESTIMATE") {
    const [table] = await db.sql.query<{ n: number; digest: string | null; events: number; audit: number; notices: number }>(
      `SELECT count(*)::int AS n, md5(string_agg(r::text, '|' ORDER BY r.id)) AS digest,
              (SELECT count(*)::int FROM report_events) AS events,
              (SELECT count(*)::int FROM audit_entries) AS audit,
              (SELECT count(*)::int FROM notifications) AS notices
       FROM quarter_reports r`,
    );
    const { year, quarter } = input;
    const row =
      typeof year === "number" && typeof quarter === "number" && Number.isInteger(quarter) && quarter >= 1 && quarter <= 4
        ? await db.prisma.quarterReport.findFirst({
            where: { unit: { code: input.unitCode }, year, quarter, kind: kindOf },
            select: { version: true, updatedAt: true, status: true },
          })
        : null;
    return { ...table, row };
  }

  /** Runs a save that must be refused; checks nothing was written and returns the error. */
  async function refused(actor: Actor, input: SaveInput, status: number, now: Date = NOW): Promise<ServiceError> {
    const body = input.body as { kind?: unknown } | null;
    const kindOf = body && typeof body === "object" && body.kind === "estimate" ? "ESTIMATE" : "ACTUAL";
    const before = await snapshot(input, kindOf);
    const err = await failure(save(actor, input, now));
    expect(err.status, `${err.message} ${JSON.stringify(err.issues)}`).toBe(status);
    const after = await snapshot(input, kindOf);
    expect(after).toEqual(before);
    return err;
  }

  const figuresAt = async (code: UnitCode, year: number, quarter: number) =>
    complete((await readReport(db.prisma, units[code].id, { year, quarter }))?.figures);

  /** City staff move a quarter through review (reopen / return need a reason). */
  const review = (code: UnitCode, year: number, quarter: number, action: "approve" | "return" | "reopen", comment?: string, now: Date = NOW) =>
    transition(db.prisma, actors["bhxh.haiphong"], { unitCode: code, year, quarter, action, body: comment ? { comment } : undefined }, now);

  const statusOfReport = async (code: UnitCode, year: number, quarter: number, kindOf: "ACTUAL" | "ESTIMATE" = "ACTUAL") =>
    await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: units[code].id, year, quarter, kind: kindOf }, select: { status: true, version: true } });

  const figureAudit = (reportId: number) => db.prisma.auditEntry.findMany({ where: { entity: "figure", entityId: String(reportId) }, orderBy: { id: "asc" } });

  // -------------------------------------------------------------------------------------------
  // 1. Kim Thành enters 2026 Q3 (no report yet), as a draft, then submits it.

  it("saves Kim Thành's 2026 Q3 as a draft, then submits it", async () => {
    const kt = units["10804"];
    expect(await readReport(db.prisma, kt.id, { year: 2026, quarter: 3 })).toBeNull();
    const q2 = await figuresAt("10804", 2026, 2);
    const q3 = mapFigures(q2, (v) => Math.round(v * 1.01));
    const rowsBefore = await db.prisma.quarterReport.count();

    // The draft: people only, the money not entered yet.
    const draftFigures: Body = { ...q3 };
    for (const k of MONEY) delete draftFigures[k];
    // version 0: "there was no report when I opened the page".
    const draft = await save(actors["xa.kimthanh"], { unitCode: "10804", year: 2026, quarter: 3, body: { figures: draftFigures, version: 0 } });
    expect(draft.warnings).toEqual([]);
    expect(draft.report).toMatchObject({ year: 2026, quarter: 3, kind: "actual", status: "DRAFT", version: 1, submittedAt: null });
    expect(draft.report.figures).toEqual({ ...q3, amountDue: null, amountCollected: null, latePayments: null });
    expect(draft.indicators.bhxhCoverage).toBeCloseTo((q3.bhxhCompulsory + q3.bhxhVoluntary) / q3.labourForce, 12);
    expect(draft.indicators.compulsoryCoverage).toBeCloseTo(q3.bhxhCompulsory / q3.labourForce, 12);
    expect(draft.indicators.bhtnCoverage).toBeCloseTo(q3.bhtn / q3.labourForce, 12);
    expect(draft.indicators.bhytCoverage).toBeCloseTo(q3.bhyt / q3.population, 12);
    expect(draft.indicators.pensionCoverage).toBeCloseTo(q3.pensionRecipients / q3.retirementAgePopulation, 12);
    expect(draft.indicators.latePaymentRate).toBeNull();
    expect(draft.indicators.revenueCompletion).toBeNull();
    expect(await db.prisma.quarterReport.count()).toBe(rowsBefore + 1);
    const stored = await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: kt.id, year: 2026, quarter: 3, kind: "ACTUAL" } });
    expect(stored).toMatchObject({ status: "DRAFT", version: 1, tenantId: units["31"].id, bhxhCompulsory: q3.bhxhCompulsory, amountDue: null });
    // One audit entry per figure entered (the nine people counts), none for the money left out.
    const draftAudit = await figureAudit(stored.id);
    expect(draftAudit.map((a) => a.field)).toEqual(METRIC_KEYS.filter((k) => !MONEY.includes(k as (typeof MONEY)[number])));
    expect(draftAudit.every((a) => a.oldValue === null && a.actorId === actors["xa.kimthanh"].id && a.unitId === kt.id)).toBe(true);
    expect(draftAudit.find((a) => a.field === "bhxhCompulsory")?.newValue).toBe(String(q3.bhxhCompulsory));
    expect(await db.prisma.reportEvent.count({ where: { reportId: stored.id } })).toBe(0);

    // Submitting needs all twelve figures; the period may come as strings (URL segments). The save
    // and the submit transition are one version each: 1 → 3.
    const submitted = await save(actors["xa.kimthanh"], { unitCode: "10804", year: "2026", quarter: "3", body: { figures: q3, submit: true, version: 1 } });
    expect(submitted.warnings).toEqual([]);
    expect(submitted.report).toMatchObject({ status: "SUBMITTED", version: 3, submittedAt: NOW.toISOString() });
    expect(submitted.report.figures).toEqual(q3);
    expect(submitted.indicators.latePaymentRate).toBeCloseTo(q3.latePayments / q3.amountDue, 12);
    const plan = await db.prisma.target.findFirstOrThrow({ where: { unitId: kt.id, year: 2026, key: "amountCollected" } });
    expect(submitted.indicators.revenueCompletion).toBeCloseTo(q3.amountCollected / plan.value, 12);
    expect(await db.prisma.quarterReport.count()).toBe(rowsBefore + 1);
    const row = await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: kt.id, year: 2026, quarter: 3, kind: "ACTUAL" } });
    expect(row).toMatchObject({ status: "SUBMITTED", version: 3, amountDue: BigInt(q3.amountDue) });
    expect(row.submittedAt?.toISOString()).toBe(NOW.toISOString());
    expect(row.firstSubmittedAt?.toISOString()).toBe(NOW.toISOString());
    // Only the three money figures changed: three more figure entries, and one status entry.
    expect((await figureAudit(row.id)).slice(draftAudit.length).map((a) => [a.field, a.oldValue, a.newValue])).toEqual(
      MONEY.map((k) => [k, null, String(q3[k])]),
    );
    const statusAudit = await db.prisma.auditEntry.findMany({ where: { entity: "status", entityId: String(row.id) } });
    expect(statusAudit.map((a) => [a.oldValue, a.newValue, a.actorId])).toEqual([["DRAFT", "SUBMITTED", actors["xa.kimthanh"].id]]);
    const events = await db.prisma.reportEvent.findMany({ where: { reportId: row.id } });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorId, e.at.toISOString()])).toEqual([
      ["SUBMIT", "DRAFT", "SUBMITTED", actors["xa.kimthanh"].id, NOW.toISOString()],
    ]);

    const year = await figuresOfYear(db.prisma, kt, 2026);
    expect(year.quarters.map((q) => q.status)).toEqual(["APPROVED", "APPROVED", "SUBMITTED", null]);
    expect(year.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(year.quarters[2]).toMatchObject({ version: 3, figures: q3 });
    expect(year.quarters[3].figures).toBeNull();
    expect(year.estimate).toBeNull();
  });

  // -------------------------------------------------------------------------------------------
  // 2. The seed: Nguyễn Lương Bằng at 30/9/2025 (seed 000 §7), and the domain errors.

  it("computes seed 000's rates from Nguyễn Lương Bằng's 2025 Q3 figures", async () => {
    // The demo returned this quarter to the commune: it is editable, and stays returned on a save.
    expect(await statusOfReport("11242", 2025, 3)).toMatchObject({ status: "RETURNED" });
    const existing = await figuresAt("11242", 2025, 3);
    const res = await save(actors["xa.nguyenluongbang"], {
      unitCode: "11242",
      year: 2025,
      quarter: 3,
      body: { figures: { ...existing, ...SEED_000 } },
    });
    expect(res.warnings).toEqual([]);
    expect(res.report.status).toBe("RETURNED");
    expect(res.report.figures).toMatchObject(SEED_000);
    expect(res.indicators.bhxhCoverage).toBeCloseTo(0.531, 3);
    expect(res.indicators.bhxhCoverage).toBeCloseTo((8561 + 961) / 17934, 12);
    expect(res.indicators.informalVoluntaryCoverage).toBeCloseTo(0.054, 3);
    expect(res.indicators.voluntaryCoverage).toBeCloseTo(0.054, 3);
    expect(res.indicators.bhtnCoverage).toBeCloseTo(0.441, 3);
  });

  it("refuses figures that cannot be true (422, the field to fix, Vietnamese numbers)", async () => {
    const base = { ...(await figuresAt("11242", 2025, 3)), ...SEED_000 };
    const nlb = actors["xa.nguyenluongbang"];
    const at = (figures: Body) => ({ unitCode: "11242", year: 2025, quarter: 3, body: { figures } });

    let err = await refused(nlb, at({ ...base, bhxhVoluntary: 900, bhxhVoluntaryInformal: 961 }), 422);
    expect(err.message).toBe(MSG.checksFailed);
    expect(err.issues).toEqual([
      {
        path: "figures.bhxhVoluntaryInformal",
        code: "informal_gt_voluntary",
        severity: "error",
        message: "Số nông dân, lao động phi chính thức (961) không được lớn hơn số người tham gia BHXH tự nguyện (900).",
      },
    ]);

    err = await refused(nlb, at({ ...base, bhtn: 9000 }), 422);
    expect(err.message).toBe(MSG.checksFailed);
    expect(err.issues).toEqual([
      {
        path: "figures.bhtn",
        code: "bhtn_gt_compulsory",
        severity: "error",
        message: "Số người tham gia BHTN (9.000) không được lớn hơn số người tham gia BHXH bắt buộc (8.561).",
      },
    ]);

    err = await refused(nlb, at({ ...base, latePayments: base.amountDue + 1 }), 422);
    expect(err.message).toBe(MSG.checksFailed);
    // So high, late payments are also a rise far beyond ±20% from the previous quarter: a warning after the error.
    expect(err.issues.map((i) => [i.path, i.code, i.severity])).toEqual([
      ["figures.latePayments", "late_gt_due", "error"],
      ["figures.latePayments", "rise_from_previous", "warning"],
    ]);
    expect(err.issues[0]).toMatchObject({ path: "figures.latePayments", code: "late_gt_due", severity: "error" });
    expect(err.issues[0].message).toBe(VALIDATION_MESSAGES_VI.lateGtDue(base.amountDue + 1, base.amountDue));
    expect(err.issues[0].message).toMatch(/^Số tiền chậm đóng \(\d{1,3}(\.\d{3})+ đồng\) không được lớn hơn số phải thu \(\d{1,3}(\.\d{3})+ đồng\)\.$/);

    // An error with a warning: both are listed, the save is still refused (confirming does not help).
    err = await refused(nlb, at({ ...base, bhtn: 9000, bhyt: base.population + 1 }), 422);
    expect(err.message).toBe(MSG.checksFailed);
    expect(err.issues.map((i) => [i.path, i.severity])).toEqual([
      ["figures.bhtn", "error"],
      ["figures.bhyt", "warning"],
    ]);
    err = await refused(nlb, { ...at({ ...base, bhtn: 9000 }), body: { figures: { ...base, bhtn: 9000 }, confirmWarnings: true } }, 422);
    expect(err.issues[0].path).toBe("figures.bhtn");
  });

  // -------------------------------------------------------------------------------------------
  // 3. Warnings: refused until confirmed.

  it("asks to confirm unusual figures and saves them once confirmed", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    const base = { ...(await figuresAt("11242", 2025, 3)), ...SEED_000 };
    const q2 = await figuresAt("11242", 2025, 2);
    const at = (figures: Body, confirmWarnings?: boolean) => ({
      unitCode: "11242",
      year: 2025,
      quarter: 3,
      body: confirmWarnings === undefined ? { figures } : { figures, confirmWarnings },
    });

    const cases: Array<{ figures: Body; path: string; code: string; message: RegExp | string; also?: [string, string] }> = [
      {
        figures: { ...base, bhyt: base.population + 10 },
        path: "figures.bhyt",
        code: "bhyt_gt_population",
        message: VALIDATION_MESSAGES_VI.bhytGtPopulation(base.population + 10, base.population),
      },
      {
        figures: { ...base, bhxhCompulsory: 17500 },
        path: "figures.labourForce",
        code: "participants_gt_labour_force",
        message: VALIDATION_MESSAGES_VI.participantsGtLabourForce(17500 + 961, 17934),
        // …and 8.561 → 17.500 is a rise beyond ±20% from the previous quarter.
        also: ["figures.bhxhCompulsory", "rise_from_previous"],
      },
      {
        figures: { ...base, pensionRecipients: Math.floor(q2.pensionRecipients * 0.7) },
        path: "figures.pensionRecipients",
        code: "drop_from_previous",
        message: /^Giảm \d+,\d% so với quý trước \([\d.]+ → [\d.]+\): vui lòng kiểm tra lại\.$/,
      },
    ];
    for (const c of cases) {
      const err = await refused(nlb, at(c.figures), 422);
      expect(err.message).toBe(MSG.needsConfirmation);
      expect(err.extra).toEqual({ needsConfirmation: true });
      expect(err.toJSON()).toMatchObject({ error: MSG.needsConfirmation, needsConfirmation: true });
      expect(err.issues.map((i) => [i.path, i.code])).toEqual(c.also ? [[c.path, c.code], c.also] : [[c.path, c.code]]);
      expect(err.issues[0]).toMatchObject({ path: c.path, code: c.code, severity: "warning" });
      if (typeof c.message === "string") expect(err.issues[0].message).toBe(c.message);
      else expect(err.issues[0].message).toMatch(c.message);
      // confirmWarnings: false is the same as leaving it out.
      await refused(nlb, at(c.figures, false), 422);

      const before = await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: units["11242"].id, year: 2025, quarter: 3 } });
      const ok = await save(nlb, at(c.figures, true));
      expect(ok.report.version).toBe(before.version + 1);
      expect(ok.report.figures).toMatchObject(c.figures);
      expect(ok.warnings).toHaveLength(c.also ? 2 : 1);
      expect(ok.warnings[0]).toMatchObject({ path: c.path, code: c.code, severity: "warning" });
    }
    // Back to the seed figures (a rise from Q2: no warning).
    expect((await save(nlb, at(base))).warnings).toEqual([]);
  });

  it("does not compare year-to-date money across the new year, but does compare people", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    // 2026 Q1 and Q2 were approved: the city reopens them for the commune to correct.
    const reason = "Mở lại để xã rà soát số liệu quý 1 và quý 2/2026.";
    for (const quarter of [1, 2]) {
      const locked = await refused(nlb, { unitCode: "11242", year: 2026, quarter, body: { figures: await figuresAt("11242", 2026, quarter) } }, 409);
      expect(locked.extra).toMatchObject({ locked: true, status: "APPROVED" });
      expect(await review("11242", 2026, quarter, "reopen", reason)).toMatchObject({ from: "APPROVED", status: "RETURNED" });
    }
    const q4 = await figuresAt("11242", 2025, 4);
    const q1 = await figuresAt("11242", 2026, 1);
    // The demo's money is year-to-date: Q1 is far below Q4 (a > 20% "drop" if compared).
    expect(q1.amountDue).toBeLessThan(q4.amountDue * 0.5);
    expect(q1.amountCollected).toBeLessThan(q4.amountCollected * 0.5);
    // Late payments are a stock (compared with the quarter before): keep Q4's level.
    const figures = { ...q1, latePayments: q4.latePayments };
    const at = (f: Body) => ({ unitCode: "11242", year: 2026, quarter: 1, body: { figures: f } });

    const ok = await save(nlb, at(figures));
    expect(ok.warnings).toEqual([]);
    expect(ok.report.figures).toEqual(figures);
    expect(ok.report.status).toBe("RETURNED");

    const dropped = Math.round(q4.bhyt * 0.75);
    const err = await refused(nlb, at({ ...figures, bhyt: dropped }), 422);
    expect(err.message).toBe(MSG.needsConfirmation);
    expect(err.extra.needsConfirmation).toBe(true);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ path: "figures.bhyt", code: "drop_from_previous", severity: "warning" });
    expect(err.issues[0].message).toBe(VALIDATION_MESSAGES_VI.drop(q4.bhyt, dropped, (q4.bhyt - dropped) / q4.bhyt));
    expect(err.issues[0].message).toContain("Giảm 25,0% so với quý trước");

    // Within a year, the money is compared: Q2 below Q1 year-to-date is a drop.
    const q2 = await figuresAt("11242", 2026, 2);
    const e2 = await refused(
      nlb,
      {
        unitCode: "11242",
        year: 2026,
        quarter: 2,
        body: { figures: { ...q2, amountDue: Math.floor(figures.amountDue * 0.7), latePayments: figures.latePayments } },
      },
      422,
    );
    expect(e2.issues.map((i) => i.path)).toEqual(["figures.amountDue"]);

    // Back through review: the commune resubmits both quarters, the city approves them.
    for (const [quarter, f] of [
      [1, figures],
      [2, { ...q2, latePayments: figures.latePayments }],
    ] as const) {
      const res = await save(nlb, { unitCode: "11242", year: 2026, quarter, body: { figures: f, submit: true, confirmWarnings: true } });
      expect(res.report.status).toBe("SUBMITTED");
      expect(await review("11242", 2026, quarter, "approve")).toMatchObject({ from: "SUBMITTED", status: "APPROVED" });
    }
  });

  // -------------------------------------------------------------------------------------------
  // 4. Malformed input: 422, the field named, nothing written.

  it("refuses malformed input with 422 and the field at fault", async () => {
    const kt = actors["xa.kimthanh"];
    const refusedLater = (actor: Actor, input: SaveInput, status: number) => refused(actor, input, status, AFTER_Q4);
    const q2 = await figuresAt("10804", 2026, 2);
    // 2026 Q4 has no report yet; on 10/1/2027 (after it ended) a save would be allowed: only the input is at fault.
    expect(await readReport(db.prisma, units["10804"].id, { year: 2026, quarter: 4 })).toBeNull();
    const at = (body: unknown, year: unknown = 2026, quarter: unknown = 4): SaveInput => ({ unitCode: "10804", year, quarter, body });
    const label = "Số người tham gia BHXH bắt buộc";

    const cases: Array<{ name: string; input: SaveInput; path: string; message: string; error?: string }> = [
      { name: "negative", input: at({ figures: { ...q2, bhxhCompulsory: -1 } }), path: "figures.bhxhCompulsory", message: `${label}: không được âm.` },
      { name: "fraction", input: at({ figures: { ...q2, bhxhCompulsory: 13624.5 } }), path: "figures.bhxhCompulsory", message: `${label}: phải là số nguyên.` },
      {
        name: "string",
        input: at({ figures: { ...q2, bhxhCompulsory: "13.624" } }),
        path: "figures.bhxhCompulsory",
        message: `${label}: phải là số, không phải chuỗi (ví dụ 13624, không phải "13.624").`,
      },
      {
        name: "too large to store exactly",
        input: at({ figures: { ...q2, amountDue: 2 ** 53 } }),
        path: "figures.amountDue",
        message: VALIDATION_MESSAGES_VI.unsafe("amountDue"),
      },
      {
        name: "unknown metric",
        input: at({ figures: { ...q2, participants: 5 } }),
        path: "figures",
        message: VALIDATION_MESSAGES_VI.unknownKeys(["participants"]),
      },
      { name: "figures a string", input: at({ figures: "13624" }), path: "figures", message: VALIDATION_MESSAGES_VI.notObject },
      { name: "figures an array", input: at({ figures: [13624] }), path: "figures", message: VALIDATION_MESSAGES_VI.notObject },
      { name: "figures null", input: at({ figures: null }), path: "figures", message: VALIDATION_MESSAGES_VI.notObject },
      { name: "figures missing", input: at({}), path: "figures", message: VALIDATION_MESSAGES_VI.notObject },
      { name: "body null", input: at(null), path: "", message: "Nội dung phải là một đối tượng JSON có trường figures." },
      { name: "body an array", input: at([q2]), path: "", message: "Nội dung phải là một đối tượng JSON có trường figures." },
      { name: "kind unknown", input: at({ figures: q2, kind: "forecast" }), path: "kind", message: 'kind phải là "actual" hoặc "estimate".' },
      { name: "submit not boolean", input: at({ figures: q2, submit: "yes" }), path: "submit", message: "submit phải là true hoặc false." },
      { name: "version a string", input: at({ figures: q2, version: "1" }), path: "version", message: "version phải là một số nguyên." },
      { name: "year abc", input: at({ figures: q2 }, "abc"), path: "year", message: "Năm phải là một số." },
      { name: "year 2014", input: at({ figures: q2 }, 2014), path: "year", message: "Năm phải từ 2015 đến 2035." },
      { name: "year 2026.5", input: at({ figures: q2 }, 2026.5), path: "year", message: "Năm phải là số nguyên." },
      { name: "quarter 5", input: at({ figures: q2 }, 2026, 5), path: "quarter", message: "Quý phải là một số từ 1 đến 4." },
      { name: "quarter 0", input: at({ figures: q2 }, 2026, 0), path: "quarter", message: "Quý phải là một số từ 1 đến 4." },
      { name: "quarter abc", input: at({ figures: q2 }, 2026, "abc"), path: "quarter", message: "Quý phải là một số từ 1 đến 4." },
      {
        name: "future quarter",
        input: at({ figures: q2 }, 2027, 1),
        path: "quarter",
        message: MSG.periodNotEnded(2027, 1),
        error: MSG.periodNotEnded(2027, 1),
      },
      {
        name: "estimate for quarter 3",
        input: at({ figures: q2, kind: "estimate" }, 2026, 3),
        path: "quarter",
        message: MSG.estimateQuarter,
        error: MSG.estimateQuarter,
      },
      {
        name: "estimate for 2027",
        input: at({ figures: q2, kind: "estimate" }, 2027, 4),
        path: "kind",
        message: "Ước thực hiện năm 2027 chỉ nhập được từ quý 3/2027.",
        error: MSG.estimateClosed(2027),
      },
    ];
    for (const c of cases) {
      const err = await refusedLater(kt, c.input, 422);
      expect(err.message, c.name).toBe(c.error ?? MSG.invalid);
      expect(err.issues, c.name).toContainEqual(expect.objectContaining({ path: c.path, message: c.message }));
    }

    // Two mistakes at once are both reported.
    const both = await refusedLater(kt, at({ figures: { ...q2, bhyt: -5 } }, 2026, 9), 422);
    expect(both.issues.map((i) => i.path).sort()).toEqual(["figures.bhyt", "quarter"]);

    // Submitting with a figure missing (left out, or null): every missing one is named.
    const missing: Body = { ...q2, bhyt: null };
    delete missing.latePayments;
    const err = await refusedLater(kt, at({ figures: missing, submit: true }), 422);
    expect(err.message).toBe(MSG.missingForSubmit);
    expect(err.issues).toEqual([
      { path: "figures.bhyt", message: "Chưa nhập số liệu này.", code: "required", severity: "error" },
      { path: "figures.latePayments", message: "Chưa nhập số liệu này.", code: "required", severity: "error" },
    ]);
    // …and a missing figure along with a wrong one gives the general message.
    const mixed = await refusedLater(kt, at({ figures: { ...missing, bhtn: q2.bhxhCompulsory + 1 }, submit: true }), 422);
    expect(mixed.message).toBe(MSG.checksFailed);
    expect(mixed.issues.map((i) => i.path)).toEqual(["figures.bhtn", "figures.bhyt", "figures.latePayments"]);
    expect(await readReport(db.prisma, units["10804"].id, { year: 2026, quarter: 4 })).toBeNull();
  });

  it("takes the year-end estimate from Q3 of the year on, stored as quarter 4", async () => {
    const kt = actors["xa.kimthanh"];
    const q3 = await figuresAt("10804", 2026, 3);
    // Year-to-date money adds the fourth quarter; late payments are a stock (kept within ±20% of Q3).
    const estimate = mapFigures(q3, (v, k) => (YEAR_TO_DATE_METRICS.includes(k) ? Math.round((v * 4) / 3) : Math.round(v * 1.02)));
    // In the third quarter (August), before Q4 has started.
    const august = new Date("2026-08-15T03:00:00Z");
    const res = await save(kt, { unitCode: "10804", year: 2026, quarter: 4, body: { figures: estimate, kind: "estimate" } }, august);
    expect(res.report).toMatchObject({ kind: "estimate", year: 2026, quarter: 4, status: "DRAFT", version: 1 });
    const row = await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: units["10804"].id, year: 2026, quarter: 4, kind: "ESTIMATE" } });
    expect(row.bhxhCompulsory).toBe(estimate.bhxhCompulsory);
    // No actual Q4 was created by it.
    expect(await readReport(db.prisma, units["10804"].id, { year: 2026, quarter: 4 })).toBeNull();
    // Before Q3 it is refused.
    const err = await refused(
      kt,
      { unitCode: "10804", year: 2026, quarter: 4, body: { figures: estimate, kind: "estimate" } },
      422,
      new Date("2026-06-20T03:00:00Z"),
    );
    expect(err.message).toBe(MSG.estimateClosed(2026));
    const year = await figuresOfYear(db.prisma, units["10804"], 2026);
    expect(year.estimate).toMatchObject({ kind: "estimate", quarter: 4, figures: estimate });
  });

  // -------------------------------------------------------------------------------------------
  // 5. Scope: only a commune officer writes, and only their own commune.

  it("lets only the commune's own officer write its figures", async () => {
    const q2 = await figuresAt("10804", 2026, 2);
    // 2026 Q4 has no report anywhere: only scope can refuse these saves.
    const write = (unitCode: string): SaveInput => ({ unitCode, year: 2026, quarter: 4, body: { figures: q2 } });
    const cases: Array<[Username, string, 403 | 404, string]> = [
      ["xa.kimthanh", "11242", 403, MSG.forbiddenView],
      ["xa.kimthanh", "31", 403, MSG.forbiddenView],
      ["xa.kimthanh", "VN", 403, MSG.forbiddenView],
      ["xa.nguyenluongbang", "10804", 403, MSG.forbiddenView],
      ["lanhdao.haiphong", "10804", 403, MSG.forbiddenWrite],
      ["bhxh.haiphong", "10804", 403, MSG.forbiddenWrite],
      ["bhxh.haiphong", "31", 403, MSG.forbiddenWrite],
      ["lanhdao.quocgia", "10804", 403, MSG.forbiddenWrite],
      ["admin", "10804", 403, MSG.forbiddenWrite],
      ["bhxh.hue", "10804", 403, MSG.forbiddenView],
      ["xa.kimthanh", "99999", 404, MSG.unitNotFound("99999")],
      ["xa.kimthanh", "abc$", 404, MSG.unitNotFound("abc$")],
      ["xa.kimthanh", "", 404, MSG.unitNotFound("")],
      ["admin", "99999", 404, MSG.unitNotFound("99999")],
    ];
    for (const [user, code, status, message] of cases) {
      const err = await refused(actors[user], write(code), status);
      expect(err.message, `${user} → ${code}`).toBe(message);
    }
    // Scope comes before the body: a foreign unit with a broken body is still 403, not 422.
    const err = await refused(actors["bhxh.hue"], { unitCode: "10804", year: "abc", quarter: 9, body: null }, 403);
    expect(err.message).toBe(MSG.forbiddenView);

    // Reading: unitForActor refuses other communes, lets the city see its communes.
    const read = await failure(scopeUnit(db.prisma, actors["xa.kimthanh"], "11242"));
    expect(read.status).toBe(403);
    expect(read.message).toBe(MSG.forbiddenView);
    expect((await failure(scopeUnit(db.prisma, actors["bhxh.hue"], "10804"))).status).toBe(403);
    expect((await failure(scopeUnit(db.prisma, actors["xa.kimthanh"], "99999"))).status).toBe(404);
    const own = await scopeUnit(db.prisma, actors["xa.kimthanh"], " 10804 ");
    expect(own).toMatchObject({ code: "10804", level: "COMMUNE", tenantId: units["31"].id });
    expect(can(actors["xa.kimthanh"], "figures.enter", own)).toBe(true);
    const seenByCity = await scopeUnit(db.prisma, actors["bhxh.haiphong"], "10804");
    expect(can(actors["bhxh.haiphong"], "figures.enter", seenByCity)).toBe(false);
    expect(can(actors["lanhdao.haiphong"], "figures.enter", seenByCity)).toBe(false);
  });

  // -------------------------------------------------------------------------------------------
  // 5b. The review workflow's locks, stale versions, concurrent saves.

  it("refuses to save a submitted or an approved quarter (409 locked), writing nothing", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    const kt = actors["xa.kimthanh"];
    // The demo: Nguyễn Lương Bằng submitted 2026 Q3; every quarter up to 2026 Q2 is approved.
    expect(await statusOfReport("11242", 2026, 3)).toMatchObject({ status: "SUBMITTED" });
    expect(await statusOfReport("11242", 2025, 4)).toMatchObject({ status: "APPROVED" });
    const submittedFigures = await figuresAt("11242", 2026, 3);
    const approvedFigures = await figuresAt("11242", 2025, 4);
    const cases: Array<{ name: string; actor: Actor; input: SaveInput; status: "SUBMITTED" | "APPROVED"; asks: string }> = [
      {
        name: "submitted",
        actor: nlb,
        input: { unitCode: "11242", year: 2026, quarter: 3, body: { figures: submittedFigures } },
        status: "SUBMITTED",
        asks: "trả lại",
      },
      {
        name: "submitted, submitting again with its version",
        actor: nlb,
        input: {
          unitCode: "11242",
          year: 2026,
          quarter: 3,
          body: { figures: submittedFigures, submit: true, version: (await statusOfReport("11242", 2026, 3)).version },
        },
        status: "SUBMITTED",
        asks: "trả lại",
      },
      // Kim Thành's own 2026 Q3, submitted by the first test.
      {
        name: "own submitted",
        actor: kt,
        input: { unitCode: "10804", year: 2026, quarter: 3, body: { figures: await figuresAt("10804", 2026, 3) } },
        status: "SUBMITTED",
        asks: "trả lại",
      },
      {
        name: "approved",
        actor: nlb,
        input: { unitCode: "11242", year: 2025, quarter: 4, body: { figures: approvedFigures } },
        status: "APPROVED",
        asks: "mở lại",
      },
      // Locked whatever the figures: the lock is checked before the figures are.
      {
        name: "approved, wrong figures",
        actor: nlb,
        input: {
          unitCode: "11242",
          year: 2025,
          quarter: 4,
          body: { figures: { ...approvedFigures, bhtn: approvedFigures.bhxhCompulsory + 1 }, confirmWarnings: true },
        },
        status: "APPROVED",
        asks: "mở lại",
      },
      {
        name: "approved year-end estimate",
        actor: nlb,
        input: {
          unitCode: "11242",
          year: 2025,
          quarter: 4,
          body: { figures: complete((await readReport(db.prisma, units["11242"].id, { year: 2025, quarter: 4 }, "estimate"))?.figures), kind: "estimate" },
        },
        status: "APPROVED",
        asks: "mở lại",
      },
    ];
    for (const c of cases) {
      const err = await refused(c.actor, c.input, 409);
      expect(err.extra, c.name).toEqual({ locked: true, status: c.status });
      expect(err.toJSON(), c.name).toMatchObject({ locked: true, status: c.status });
      expect(err.message, c.name).toContain("không sửa được nữa");
      expect(err.message, c.name).toContain(c.asks);
      expect(err.issues, c.name).toEqual([{ path: "status", message: `Trạng thái: ${c.status}` }]);
    }
  });

  it("refuses a save over a newer version (409 conflict) with the figures that differ, writing nothing", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    const base = { ...(await figuresAt("11242", 2025, 3)), ...SEED_000 };
    const at = (figures: Body, version?: number): SaveInput => ({
      unitCode: "11242",
      year: 2025,
      quarter: 3,
      body: version === undefined ? { figures } : { figures, version },
    });
    const { status, version: v } = await statusOfReport("11242", 2025, 3);
    expect(status).toBe("RETURNED");

    // Someone saves first, from version v…
    const first = { ...base, bhxhCompulsory: base.bhxhCompulsory + 7, bhtn: base.bhtn + 3 };
    const ok = await save(nlb, at(first, v));
    expect(ok.report).toMatchObject({ version: v + 1, status: "RETURNED" });

    // …then a save from the same version v: refused, naming the figures that now differ from it.
    const second = { ...base, bhyt: base.bhyt + 5 };
    const err = await refused(nlb, at(second, v), 409);
    expect(err.extra.conflict).toBe(true);
    expect(err.extra.current).toMatchObject({ version: v + 1, status: "RETURNED", figures: first });
    expect(err.message).toContain("chưa lưu gì của bạn");
    expect(err.issues.map((i) => [i.path, i.code, i.severity])).toEqual([
      ["figures.bhxhCompulsory", "conflict", "error"],
      ["figures.bhtn", "conflict", "error"],
      ["figures.bhyt", "conflict", "error"],
    ]);
    expect(err.issues[0].message).toBe(
      `Số người tham gia BHXH bắt buộc: hiện đã lưu ${first.bhxhCompulsory.toLocaleString("vi-VN")} (bạn nhập ${base.bhxhCompulsory.toLocaleString("vi-VN")}).`,
    );
    // Older, newer, and "no report yet" (0) are all stale; a stale save is a conflict before its
    // figures are even checked.
    for (const stale of [v - 1, v + 5, 0]) {
      const e = await refused(nlb, at(second, stale), 409);
      expect(e.extra.conflict, `version ${stale}`).toBe(true);
    }
    expect((await refused(nlb, at({ ...second, bhtn: second.bhxhCompulsory + 1 }, v), 409)).extra.conflict).toBe(true);
    // A version that is not a whole number ≥ 0 is malformed.
    for (const bad of [-1, 1.5, "2", null]) {
      const e = await refused(nlb, at(second, bad as number), 422);
      expect(
        e.issues.map((i) => i.path),
        `version ${String(bad)}`,
      ).toEqual(["version"]);
    }
    // For a quarter that has no report, only version 0 is current.
    const q3 = await figuresAt("11242", 2026, 3);
    const newQuarter = { unitCode: "11242", year: 2026, quarter: 4, body: { figures: q3, version: 2 } };
    const e0 = await refused(nlb, newQuarter, 409, AFTER_Q4);
    expect(e0.extra).toMatchObject({ conflict: true, current: null });

    // Reloaded, the save goes through from the current version.
    const again = await save(nlb, at(second, v + 1));
    expect(again.report).toMatchObject({ version: v + 2, figures: second });
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    const reportKey = (year: number, quarter: number) => ({ unitId: units["11242"].id, year, quarter, kind: "ACTUAL" as const });

    // An existing quarter (returned, so editable): both read version v.
    const base = { ...(await figuresAt("11242", 2025, 3)), ...SEED_000 };
    const { version: v } = await statusOfReport("11242", 2025, 3);
    const row = await db.prisma.quarterReport.findFirstOrThrow({ where: reportKey(2025, 3) });
    const a = { ...base, bhxhCompulsory: base.bhxhCompulsory + 11 };
    const b = { ...base, bhyt: base.bhyt + 13, pensionRecipients: base.pensionRecipients + 2 };
    const auditBefore = (await figureAudit(row.id)).length;
    const results = await Promise.allSettled([a, b].map((figures) => save(nlb, { unitCode: "11242", year: 2025, quarter: 3, body: { figures, version: v } })));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won, JSON.stringify(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok")))).toHaveLength(1);
    const winner = [a, b][won[0]];
    const lost = results[1 - won[0]];
    expect(lost.status).toBe("rejected");
    const reason = (lost as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(ServiceError);
    expect((reason as ServiceError).status).toBe(409);
    expect((reason as ServiceError).extra.conflict).toBe(true);
    const stored = await db.prisma.quarterReport.findFirstOrThrow({ where: reportKey(2025, 3) });
    expect(stored.version).toBe(v + 1);
    expect(stored.status).toBe("RETURNED");
    expect(numbers(stored)).toEqual(winner);
    // Only the winner's changes are in the audit.
    const changed = METRIC_KEYS.filter((k) => winner[k] !== base[k]);
    expect((await figureAudit(row.id)).slice(auditBefore).map((e) => e.field)).toEqual(changed);

    // A quarter without a report: both say "none yet" (version 0); one creates it, the other is refused.
    expect(await readReport(db.prisma, units["11242"].id, { year: 2026, quarter: 4 })).toBeNull();
    const q3 = await figuresAt("11242", 2026, 3);
    const c = mapFigures(q3, (x) => Math.round(x * 1.01));
    const d = mapFigures(q3, (x) => Math.round(x * 1.02));
    const rowsBefore = await db.prisma.quarterReport.count();
    const created = await Promise.allSettled(
      [c, d].map((figures) => save(nlb, { unitCode: "11242", year: 2026, quarter: 4, body: { figures, version: 0 } }, AFTER_Q4)),
    );
    const createdWon = created.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(createdWon, JSON.stringify(created.map((r) => (r.status === "rejected" ? String(r.reason) : "ok")))).toHaveLength(1);
    const createdLost = created[1 - createdWon[0]] as PromiseRejectedResult;
    expect(createdLost.reason).toBeInstanceOf(ServiceError);
    expect((createdLost.reason as ServiceError).status).toBe(409);
    expect(await db.prisma.quarterReport.count()).toBe(rowsBefore + 1);
    const q4 = await db.prisma.quarterReport.findFirstOrThrow({ where: reportKey(2026, 4) });
    expect(q4).toMatchObject({ status: "DRAFT", version: 1 });
    expect(numbers(q4)).toEqual([c, d][createdWon[0]]);
    expect((await figureAudit(q4.id)).map((e) => e.field)).toEqual([...METRIC_KEYS]);
  });

  // -------------------------------------------------------------------------------------------
  // 6. Aggregates and targets.

  const sumSelect = Object.fromEntries(METRIC_KEYS.map((k) => [k, true])) as Record<MetricKey, true>;
  const numbers = (s: Partial<Record<MetricKey, number | bigint | null>>) =>
    Object.fromEntries(METRIC_KEYS.map((k) => [k, s[k] === null || s[k] === undefined ? null : Number(s[k])])) as FigureValues;

  it("sums Hải Phòng's 114 communes, and the nation's two tenants", async () => {
    const hp = units["31"];
    const communes = await db.prisma.unit.count({ where: { level: "COMMUNE", tenantId: hp.id, validTo: null } });
    expect(communes).toBe(114);
    // Earlier tests took Nguyễn Lương Bằng's 2026 Q1–Q2 back through review: all approved again.
    expect(await db.prisma.quarterReport.count({ where: { tenantId: hp.id, year: 2026, quarter: { lte: 2 }, status: { not: "APPROVED" } } })).toBe(0);

    const q2 = await db.prisma.quarterReport.aggregate({
      where: { tenantId: hp.id, year: 2026, quarter: 2, kind: "ACTUAL", unit: { level: "COMMUNE" } },
      _sum: sumSelect,
      _count: { _all: true },
    });
    expect(q2._count._all).toBe(114);
    const v2 = await indicatorsView(db.prisma, hp, { year: 2026, quarter: 2 });
    expect(v2.aggregate).toEqual({ reported: 114, included: 114, total: 114 });
    expect(v2.figures).toEqual(numbers(q2._sum));
    expect(v2.status).toBeNull();
    expect(v2.indicators.bhxhCoverage).toBeCloseTo((v2.figures.bhxhCompulsory! + v2.figures.bhxhVoluntary!) / v2.figures.labourForce!, 12);

    // Q3: some communes have not reported (drafts do not count): the sums cover only those that
    // did, and say so (never an older quarter's figures standing in).
    const rows = await db.prisma.quarterReport.findMany({
      where: { tenantId: hp.id, year: 2026, quarter: 3, kind: "ACTUAL", status: { in: ["SUBMITTED", "APPROVED"] } },
    });
    const q3Count = rows.length;
    const v3 = await indicatorsView(db.prisma, hp, { year: 2026, quarter: 3 });
    expect(v3.aggregate).toEqual({ reported: q3Count, included: q3Count, total: 114 });
    expect(q3Count).toBeLessThan(114);
    expect(q3Count).toBeGreaterThan(80);
    const expected = {} as FigureValues;
    for (const k of METRIC_KEYS) {
      const vals = rows.map((r) => r[k]).filter((v) => v !== null);
      expected[k] = vals.length ? vals.reduce<number>((s, v) => s + Number(v), 0) : null;
    }
    expect(v3.figures).toEqual(expected);

    // The nation: both demo tenants together.
    const both = await db.prisma.quarterReport.aggregate({
      where: { year: 2026, quarter: 2, kind: "ACTUAL", unit: { level: "COMMUNE" } },
      _sum: sumSelect,
      _count: { _all: true },
    });
    const hue = await db.prisma.quarterReport.aggregate({
      where: { tenantId: units["46"].id, year: 2026, quarter: 2, kind: "ACTUAL" },
      _sum: { bhxhCompulsory: true },
    });
    expect(both._count._all).toBe(154);
    const vn = await indicatorsView(db.prisma, units.VN, { year: 2026, quarter: 2 });
    expect(vn.figures).toEqual(numbers(both._sum));
    expect(vn.figures.bhxhCompulsory).toBe((q2._sum.bhxhCompulsory ?? 0) + (hue._sum.bhxhCompulsory ?? 0));
    const nationCommunes = await db.prisma.unit.count({ where: { level: "COMMUNE", validTo: null } });
    expect(vn.aggregate).toEqual({ reported: 154, included: 154, total: nationCommunes, provincesReported: 2, provinces: 34 });
    const viewHue = await indicatorsView(db.prisma, units["46"], { year: 2026, quarter: 2 });
    expect(viewHue.aggregate).toEqual({ reported: 40, included: 40, total: 40 });

    // figuresOfYear for the city gives the same sums.
    const hpYear = await figuresOfYear(db.prisma, hp, 2026);
    expect(hpYear.quarters[1]).toMatchObject({ quarter: 2, reported: 114, total: 114, figures: v2.figures });
    expect(hpYear.quarters[2]).toMatchObject({ quarter: 3, reported: q3Count, figures: v3.figures });
    // Q4 has no reports yet: reported 0, no figures.
    expect(hpYear.quarters[3]).toMatchObject({ quarter: 4, reported: 0, total: 114, figures: null });
    expect((await figuresOfYear(db.prisma, hp, 2027)).quarters.every((q) => q.figures === null)).toBe(true);
  });

  it("shows Kim Thành's 2026 targets (seed 001) and how far it has come", async () => {
    const kt = units["10804"];
    const view = await indicatorsView(db.prisma, kt, { year: 2026, quarter: 3 });
    const row = await db.prisma.quarterReport.findFirstOrThrow({ where: { unitId: kt.id, year: 2026, quarter: 3, kind: "ACTUAL" } });
    expect(view).toMatchObject({ unit: { code: "10804", name: "Xã Kim Thành", level: "COMMUNE" }, status: row.status, version: row.version, aggregate: null });
    expect(view.figures).toEqual(numbers(row));
    expect(view.targets).toMatchObject({ bhxhCompulsory: 13624, bhxhVoluntary: 486, bhxhCoverage: 0.43 });
    expect(view.targetDetails.bhxhCompulsory).toMatchObject({ value: 13624, kind: "COUNT" });
    expect(view.targetDetails.bhxhCoverage).toMatchObject({ value: 0.43, kind: "RATE" });
    expect(view.targetDetails.bhxhCompulsory.source).toMatch(/xã Kim Thành đến năm 2030/); // seed 001, its own plan

    const f = complete(view.figures);
    const checks: Array<[string, number]> = [
      ["bhxhCompulsory", f.bhxhCompulsory / 13624],
      ["bhxhVoluntary", f.bhxhVoluntary / 486],
      ["bhxhCoverage", (f.bhxhCompulsory + f.bhxhVoluntary) / f.labourForce / 0.43],
      ["latePaymentRate", view.targets.latePaymentRate / (f.latePayments / f.amountDue)],
      ["amountCollected", f.amountCollected / view.targets.amountCollected],
    ];
    // Judged against the quarter's milestone; the year's attainment is given beside it.
    for (const [key, expected] of checks) {
      if (key === "latePaymentRate") {
        expect(view.attainment[key], key).toBeNull(); // a ceiling: its margin instead
        expect(view.margins[key]).toBeCloseTo(view.targets.latePaymentRate - f.latePayments / f.amountDue, 12);
        continue;
      }
      expect(view.yearAttainment[key], key).toBeCloseTo(expected, 10);
      expect(view.attainment[key], key).toBeCloseTo((expected * view.targets[key]) / view.expected[key]!, 10);
    }
    expect(view.expected.amountCollected).toBeCloseTo(view.targets.amountCollected * 0.75, 6);
    for (const key of Object.keys(view.targets)) expect(["attained", "close", "behind"]).toContain(view.statuses[key]);
    expect(view.indicators.revenueCompletion).toBeCloseTo(f.amountCollected / view.targets.amountCollected, 12);

    // No figures for the quarter: the targets are there, nothing attained.
    const q4 = await indicatorsView(db.prisma, kt, { year: 2026, quarter: 4 });
    expect(q4.status).toBeNull();
    expect(q4.targets.bhxhCompulsory).toBe(13624);
    expect(q4.attainment.bhxhCompulsory).toBeNull();
    expect(q4.statuses.bhxhCompulsory).toBe("none");
  });

  // -------------------------------------------------------------------------------------------
  // 7. Repeated saves and returns keep the version count exact (timings: npm run bench).

  it("keeps exact versions over 20 saves, submissions and returns", async () => {
    const nlb = actors["xa.nguyenluongbang"];
    const base = { ...(await figuresAt("11242", 2025, 3)), ...SEED_000 };
    const start = (await readReport(db.prisma, units["11242"].id, { year: 2025, quarter: 3 }))!.version;
    expect((await statusOfReport("11242", 2025, 3)).status).toBe("RETURNED");
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const figures = { ...base, bhxhCompulsory: base.bhxhCompulsory + (i % 2), bhtn: base.bhtn + (i % 2) };
      const submit = i % 2 === 1;
      const t0 = performance.now();
      const res = await save(nlb, { unitCode: "11242", year: 2025, quarter: 3, body: { figures, submit } });
      times.push(performance.now() - t0);
      expect(res.report.figures.bhxhCompulsory).toBe(figures.bhxhCompulsory);
      expect(res.report.status).toBe(submit ? "SUBMITTED" : "RETURNED");
      // A submitted quarter is locked: the city returns it before the next save (not timed).
      if (submit) await review("11242", 2025, 3, "return", `Lượt ${i}: đề nghị kiểm tra lại.`);
    }
    const m = median(times);
    console.log(
      `saveQuarter on ${kind}: median ${m.toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (20 saves)`,
    );
    // 10 draft saves (+1), 10 saves with submit (+2: the save and the transition), 10 returns (+1).
    expect((await readReport(db.prisma, units["11242"].id, { year: 2025, quarter: 3 }))!.version).toBe(start + 40);
  });
});
