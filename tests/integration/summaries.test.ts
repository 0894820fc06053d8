// The summaries (issue 16, migration 20261202230000_summaries) equal the direct aggregates under THE
// rule of which figures count (lib/figures/counted.ts), on the demo data and after every kind of
// change: a save, each workflow transition, concurrent transitions in one province, and bulk SQL
// (insert, update, delete). Zero staleness: checked right after each change, with no refresh step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { saveQuarter, readReport, type Actor } from "@/lib/figures/service";
import { transition } from "@/lib/workflow/service";
import { scopeUnit } from "@/lib/auth/scope";
import { countedReport } from "@/lib/figures/counted";
import { METRIC_KEYS } from "@/lib/domain/metrics";
import { yearlyHistory } from "@/lib/figures/path";
import { saveTargets } from "@/lib/targets/service";

const NOW = new Date("2026-11-21T10:00:00Z");
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const SUMS = METRIC_KEYS.map((k) => `sum(r.${snake(k)})::float8 AS ${snake(k)}`).join(", ");
const COLS = METRIC_KEYS.map(snake).join(", ");

describe.each(dbKinds)("summaries kept current by the database on %s", (kind) => {
  let db: TestDatabase;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    for (const u of await db.prisma.user.findMany()) actors[u.username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function expectCurrent() {
    const direct = await db.sql.query(
      `SELECT r.tenant_id, r.year, r.quarter, count(*)::int AS reported, ${SUMS}
       FROM quarter_reports r JOIN units u ON u.id = r.unit_id AND u.level = 'COMMUNE'
       WHERE ${countedReport("r")} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const summary = await db.sql.query(`SELECT tenant_id, year, quarter, reported, ${COLS} FROM period_totals ORDER BY 1, 2, 3`);
    expect(summary).toEqual(direct);

    const progress = await db.sql.query(
      `SELECT DISTINCT ON (r.unit_id, r.year, g.q) r.unit_id, r.tenant_id, r.year, g.q AS quarter, r.quarter AS as_of_quarter,
              (r.bhxh_compulsory + r.bhxh_voluntary)::float8 AS participants, ${METRIC_KEYS.map((k) => `r.${snake(k)}::float8 AS ${snake(k)}`).join(", ")}
       FROM quarter_reports r JOIN generate_series(1, 4) AS g(q) ON r.quarter <= g.q
       WHERE ${countedReport("r")} ORDER BY r.unit_id, r.year, g.q, r.quarter DESC`,
    );
    expect(await db.sql.query(`SELECT unit_id, tenant_id, year, quarter, as_of_quarter, participants, ${COLS} FROM year_progress ORDER BY 1, 3, 4`)).toEqual(
      progress,
    );
    const tenants = await db.sql.query(
      `SELECT tenant_id, year, quarter, sum(participants) AS participants, count(*)::int AS units, ${METRIC_KEYS.map((k) => `sum(${snake(k)}) AS ${snake(k)}`).join(", ")}
       FROM year_progress GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(await db.sql.query(`SELECT tenant_id, year, quarter, participants, units, ${COLS} FROM tenant_year_progress ORDER BY 1, 2, 3`)).toEqual(tenants);

    // The paths to 2030 as of each period: every earlier year's year end, then the period itself.
    const path = (table: string, id: string) =>
      `SELECT p.${id}, p.year, p.quarter, (SELECT json_agg(json_build_array(y.year, y.participants) ORDER BY y.year) FROM ${table} y
         WHERE y.${id} = p.${id} AND y.participants IS NOT NULL AND ((y.year < p.year AND y.quarter = 4) OR (y.year = p.year AND y.quarter = p.quarter)))::text AS history
       FROM ${table} p ORDER BY 1, 2, 3`;
    for (const [table, id] of [
      ["year_progress", "unit_id"],
      ["tenant_year_progress", "tenant_id"],
    ])
      expect(await db.sql.query(`SELECT ${id}, year, quarter, history::text AS history FROM ${table} ORDER BY 1, 2, 3`), table).toEqual(
        await db.sql.query(path(table, id)),
      );
    await expectTargetsCurrent();
    return summary.length;
  }

  /** unit_targets: each unit's targets of a year as one object, exactly the rows of targets. */
  async function expectTargetsCurrent() {
    const direct = await db.sql.query<{ unit_id: number; year: number; targets: Record<string, number> }>(
      `SELECT unit_id, year, json_object_agg(key, value ORDER BY key) AS targets FROM targets GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(direct.length).toBeGreaterThan(10);
    expect(await db.sql.query(`SELECT unit_id, year, targets FROM unit_targets ORDER BY 1, 2`)).toEqual(direct);
  }

  /** The path to 2030's yearly sums straight from the reports' history, as yearlyHistory read them before the summaries. */
  async function historyFromReports(scope: string, id: number, to: { year: number; quarter: number }) {
    const rows = await db.sql.query<Record<string, number | null>>(
      `WITH yearly AS (
         SELECT DISTINCT ON (unit_id, year) unit_id, year, ${COLS}
         FROM quarter_reports
         WHERE ${scope} AND ${countedReport()} AND (year < $1::int OR (year = $1::int AND quarter <= $2::int))
         ORDER BY unit_id, year, quarter DESC
       )
       SELECT year, ${METRIC_KEYS.map((k) => `sum(${snake(k)})::float8 AS "${k}"`).join(", ")} FROM yearly GROUP BY year ORDER BY year`,
      [to.year, to.quarter, id],
    );
    return rows.map((r) => ({ year: Number(r.year), figures: Object.fromEntries(METRIC_KEYS.map((k) => [k, r[k] === null ? null : Number(r[k])])) }));
  }

  it("give the path to 2030 the same yearly sums as the reports' history, for a commune, a city and the nation, at each quarter", async () => {
    const units = await db.sql.query<{ id: number; code: string; level: "NATION" | "PROVINCE" | "COMMUNE" }>(
      `SELECT id, code, level::text AS level FROM units WHERE code IN ('VN', '31', '46', '10804', '11242') ORDER BY code`,
    );
    expect(units.length).toBe(5);
    for (const u of units) {
      const scope = u.level === "COMMUNE" ? "unit_id = $3::int" : u.level === "PROVINCE" ? "tenant_id = $3::int" : "$3::int IS NOT NULL";
      for (const to of [
        { year: 2026, quarter: 3 },
        { year: 2026, quarter: 1 },
        { year: 2025, quarter: 4 },
        { year: 2025, quarter: 2 },
      ]) {
        const got = await yearlyHistory(db.prisma, { id: u.id, code: u.code, name: u.code, level: u.level, parentId: null, tenantId: null }, to);
        expect(got, `${u.code} ${to.year} Q${to.quarter}`).toEqual(await historyFromReports(scope, u.id, to));
        expect(got.length).toBeGreaterThan(0);
      }
    }
  });

  it("match the direct aggregates on the demo data", async () => {
    expect(await expectCurrent()).toBeGreaterThan(10);
  });

  it("follow a save and each transition at once (Kim Thành 2026 Q3: save, submit, return, resubmit, approve, reopen)", async () => {
    const kt = await scopeUnit(db.prisma, actors["xa.kimthanh"], "10804");
    const q2 = await readReport(db.prisma, kt.id, { year: 2026, quarter: 2 });
    const figures = { ...q2!.figures, bhyt: (q2!.figures.bhyt ?? 0) + 11 };
    await saveQuarter(db.prisma, actors["xa.kimthanh"], { unitCode: "10804", year: 2026, quarter: 3, body: { figures, confirmWarnings: true } }, NOW);
    await expectCurrent();
    const before = await db.sql.query<{ bhyt: number | null; reported: number }>(
      `SELECT bhyt, reported FROM period_totals WHERE tenant_id = $1 AND year = 2026 AND quarter = 3`,
      [kt.tenantId],
    );
    const steps: Array<[string, string, Record<string, unknown>]> = [
      ["xa.kimthanh", "submit", {}],
      ["bhxh.haiphong", "return", { comment: "Kiểm tra lại số BHYT." }],
      ["xa.kimthanh", "submit", {}],
      ["bhxh.haiphong", "approve", {}],
      ["bhxh.haiphong", "reopen", { comment: "Mở lại để sửa." }],
    ];
    for (const [user, action, extra] of steps) {
      const r = await readReport(db.prisma, kt.id, { year: 2026, quarter: 3 });
      await transition(db.prisma, actors[user], { unitCode: "10804", year: 2026, quarter: 3, action, body: { version: r!.version, ...extra } }, NOW);
      await expectCurrent();
    }
    // Submitted, the quarter counted: one more commune reported, its BHYT in the sum.
    const r = await readReport(db.prisma, kt.id, { year: 2026, quarter: 3 });
    await transition(db.prisma, actors["xa.kimthanh"], { unitCode: "10804", year: 2026, quarter: 3, action: "submit", body: { version: r!.version } }, NOW);
    const after = await db.sql.query<{ bhyt: number; reported: number }>(
      `SELECT bhyt, reported FROM period_totals WHERE tenant_id = $1 AND year = 2026 AND quarter = 3`,
      [kt.tenantId],
    );
    expect(after[0].reported).toBe((before[0]?.reported ?? 0) + 1);
    expect(after[0].bhyt).toBe((before[0]?.bhyt ?? 0) + figures.bhyt);
    await expectCurrent();
  });

  it("stay right under concurrent transitions in one province", async () => {
    const submitted = await db.sql.query<{ code: string; version: number }>(
      `SELECT u.code, r.version FROM quarter_reports r JOIN units u ON u.id = r.unit_id
       WHERE u.tenant_id = (SELECT id FROM units WHERE code = '31') AND r.year = 2026 AND r.quarter = 3 AND r.kind = 'ACTUAL' AND r.status = 'SUBMITTED'
       ORDER BY u.code LIMIT 4`,
    );
    expect(submitted.length).toBe(4);
    await Promise.all(
      submitted.map((s, i) =>
        transition(
          db.prisma,
          actors["bhxh.haiphong"],
          { unitCode: s.code, year: 2026, quarter: 3, action: i % 2 ? "approve" : "return", body: { version: s.version, comment: "Trả lại để bổ sung." } },
          NOW,
        ),
      ),
    );
    await expectCurrent();
  });

  it("follow bulk SQL: an insert of many rows, an update of many, a delete", async () => {
    await db.sql.exec(`UPDATE quarter_reports SET status = 'APPROVED' WHERE status = 'SUBMITTED' AND year = 2026`);
    await expectCurrent();
    await db.sql.exec(
      `INSERT INTO quarter_reports (tenant_id, unit_id, year, quarter, kind, status, bhxh_compulsory, bhxh_voluntary, bhyt)
       SELECT u.tenant_id, u.id, 2027, 1, 'ACTUAL', 'SUBMITTED', 100, 20, 900 FROM units u WHERE u.level = 'COMMUNE'`,
    );
    await expectCurrent();
    await db.sql.exec(`DELETE FROM quarter_reports WHERE year = 2027`);
    await expectCurrent();
    expect(await db.sql.query(`SELECT * FROM period_totals WHERE year = 2027`)).toEqual([]);
  });
  it("keep each unit's targets of a year current: a city staff's save, a removal, bulk SQL", async () => {
    const kt = await scopeUnit(db.prisma, actors["bhxh.haiphong"], "10804");
    const before = await db.sql.query<{ targets: Record<string, number> }>(`SELECT targets FROM unit_targets WHERE unit_id = $1 AND year = 2026`, [kt.id]);
    const value = (before[0]?.targets.bhyt ?? 1000) + 7;
    await saveTargets(db.prisma, actors["bhxh.haiphong"], { year: 2026, entries: [{ unitCode: "10804", key: "bhyt", value }] }, NOW);
    const after = await db.sql.query<{ targets: Record<string, number> }>(`SELECT targets FROM unit_targets WHERE unit_id = $1 AND year = 2026`, [kt.id]);
    expect(after[0].targets.bhyt).toBe(value);
    await expectTargetsCurrent();
    await saveTargets(db.prisma, actors["bhxh.haiphong"], { year: 2026, entries: [{ unitCode: "10804", key: "bhyt", value: null }] }, NOW);
    await expectTargetsCurrent();
    await db.sql.exec(`UPDATE targets SET value = value + 1 WHERE year = 2026`);
    await expectTargetsCurrent();
    await db.sql.exec(`DELETE FROM targets WHERE year = 2030 AND unit_id = ${kt.id}`);
    expect(await db.sql.query(`SELECT * FROM unit_targets WHERE unit_id = $1 AND year = 2030`, [kt.id])).toEqual([]);
    await expectTargetsCurrent();
  });
});
