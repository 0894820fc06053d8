// npm run bench — national-size benchmark of the figures and dashboards (not a test).
//
// On PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a fresh database
// bench_<timestamp> on that server, dropped at the end unless BENCH_KEEP=1), and always on PGlite
// (in memory). For each: generates the national dataset (scripts/bench/dataset.ts), then times
//   a. saving a commune's latest quarter (saveQuarter, as its commune officer);
//   b. the dashboard of the largest city (the province with the most communes) for the last quarter;
//   c. the national dashboard over the provinces;
//   d. the same aggregates as one raw SQL statement each (b and c), for the app/SQL ratio, timed in
//      turn with its dashboard within each round (a slow spell of the machine hits both alike).
// Median and 95th percentile over BENCH_RUNS measured runs (default 30) after BENCH_WARMUP
// untimed ones (default 5). Writes bench-results/latest.md and bench-results/latest.json.
//
// Also timed, to explain the ratio: "everything the dashboard reads" as one SQL statement (the
// period statuses, the 2030 targets and the path-to-2030 history too), and on PostgreSQL the app's
// own queries (captured from Prisma's query log) replayed through pg and through Prisma, with
// EXPLAIN ANALYZE of each.
//
// Finally, as an experiment on the benchmark's own database, the dashboards again with the index
// this benchmark proposes (PROPOSED_INDEX), dropped afterwards.
//
//   e. importing a national figures file (issue 14): 3,321 communes in one .xlsx, its check and
//      preview (stageImportFor), then its commit in one transaction (commitImportFor); budget < 10 s each.
//
// Settings: BENCH_ONLY=import (after the dataset, only the import case; results in bench-results/import.*), BENCH_SETUP_ONLY=1 (only the start-up and bulk-write timings of scripts/bench/setup.ts), BENCH_RUNS, BENCH_WARMUP, BENCH_KEEP=1, BENCH_SKIP_PGLITE=1, BENCH_EXPLAIN=0 (no
// per-query breakdown on PostgreSQL), BENCH_TRY_INDEX=1 (re-create the history index experiment; it ships in the migrations now).
import os from "node:os";
import path from "node:path";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { openDatabase, type Database } from "../../lib/db/connect";
import { dashboard, type DashboardData } from "../../lib/dashboard/service";
import { rankings } from "../../lib/rankings/service";
import { saveQuarter, type Actor, type ScopedUnit } from "../../lib/figures/service";
import { commitImportFor, stageImportFor, type CommuneRef } from "../../lib/imports/service";
import { figuresTemplateXlsx } from "../../lib/imports/workbook";
// The benchmark reads units directly (no user): it treats them as scoped.
type UnitRef = ScopedUnit;
import { METRIC_KEYS } from "../../lib/domain/metrics";
import { generateDataset, LAST_PERIOD, type DatasetSummary } from "./dataset";
import { measure, measureInterleaved, ms, summarize, type Timing } from "./stats";
import { benchSetup, setupMarkdown, type SetupResult } from "./setup";

const RUNS = positiveInt("BENCH_RUNS", 30);
const WARMUP = positiveInt("BENCH_WARMUP", 5, true);
const KEEP = process.env.BENCH_KEEP === "1";
const ONLY_IMPORT = process.env.BENCH_ONLY === "import";
/** Runs of the import case (each writes 3,321 reports): fewer than the read-only cases. */
const IMPORT_RUNS = Math.min(RUNS, positiveInt("BENCH_IMPORT_RUNS", 5));
const EXPLAIN = process.env.BENCH_EXPLAIN !== "0";
const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
/** "Today" for the save (21/11/2026): 2026 Q3 has ended, 2026 Q4 is in progress. */
const NOW = new Date("2026-11-21T03:00:00Z");
const { year: YEAR, quarter: QUARTER } = LAST_PERIOD;

const BUDGETS = {
  cityP95: 150,
  nationP95: 300,
  ratio: 2,
  savePglite: 100,
  importMs: 10_000,
};

function positiveInt(name: string, fallback: number, zeroOk = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) {
    console.error(`${name} must be a ${zeroOk ? "non-negative" : "positive"} integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const log = (msg: string) => console.log(msg);
const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------------------------------------
// The raw SQL equivalents of the two dashboards: the database's own work, one statement each.

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const FIG_COLS = METRIC_KEYS.map((k) => `${snake(k)}::float8 AS "${k}"`).join(", ");
const FIG_NAMES = METRIC_KEYS.map((k) => `"${k}"`).join(", ");
const FIG_SUMS = METRIC_KEYS.map((k) => `sum("${k}")::float8 AS "${k}"`).join(", ");
const TARGET_KEYS = ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "amountCollected", "bhxhCoverage", "latePaymentRate"];
const TARGET_PIVOT = TARGET_KEYS.map((k) => `max(value) FILTER (WHERE key = '${k}') AS "t_${k}"`).join(", ");
const TARGET_NAMES = TARGET_KEYS.map((k) => `"t_${k}"`).join(", ");

/** Per commune of the city: its latest submitted/approved figures of the year up to the quarter,
 *  and its targets of the year; then the city's sums with the city's own targets. */
const CITY_SQL = `
WITH latest AS (
  SELECT DISTINCT ON (unit_id) unit_id, quarter, ${FIG_COLS}
  FROM quarter_reports
  WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND year = $2::int AND quarter = $3::int
    AND status IN ('SUBMITTED', 'APPROVED')
  ORDER BY unit_id, quarter DESC
), tg AS (
  SELECT unit_id, ${TARGET_PIVOT}
  FROM targets WHERE tenant_id = $1::int AND year = $2::int
  GROUP BY unit_id
), per_commune AS (
  SELECT u.code, u.name, l.quarter AS figures_quarter, ${METRIC_KEYS.map((k) => `l."${k}"`).join(", ")}, ${TARGET_NAMES}
  FROM units u
  LEFT JOIN latest l ON l.unit_id = u.id
  LEFT JOIN tg ON tg.unit_id = u.id
  WHERE u.parent_id = $1::int AND u.level = 'COMMUNE' AND u.valid_to IS NULL
)
SELECT 0 AS total, code, name, figures_quarter, ${FIG_NAMES}, ${TARGET_NAMES} FROM per_commune
UNION ALL
SELECT 1, NULL, NULL, NULL, s.*, ${TARGET_NAMES}
FROM (SELECT ${FIG_SUMS} FROM per_commune) s LEFT JOIN tg ON tg.unit_id = $1::int
ORDER BY 1, 3`;

/** Per province: the sums of its communes' submitted/approved figures of exactly the period (the
 *  rule of lib/figures/counted.ts), and the province's targets of the year; then the national sums. */
const NATION_SQL = `
WITH latest AS (
  SELECT DISTINCT ON (unit_id) tenant_id, ${FIG_COLS}
  FROM quarter_reports
  WHERE kind = 'ACTUAL' AND year = $1::int AND quarter = $2::int AND status IN ('SUBMITTED', 'APPROVED')
  ORDER BY unit_id, quarter DESC
), sums AS (
  SELECT tenant_id, ${FIG_SUMS} FROM latest GROUP BY tenant_id
), tg AS (
  SELECT t.unit_id, ${TARGET_PIVOT}
  FROM targets t JOIN units p ON p.id = t.unit_id AND p.level = 'PROVINCE'
  WHERE t.year = $1::int
  GROUP BY t.unit_id
), per_province AS (
  SELECT p.code, p.name, ${METRIC_KEYS.map((k) => `s."${k}"`).join(", ")}, ${TARGET_NAMES}
  FROM units p
  LEFT JOIN sums s ON s.tenant_id = p.id
  LEFT JOIN tg ON tg.unit_id = p.id
  WHERE p.parent_id = $3::int AND p.level = 'PROVINCE' AND p.valid_to IS NULL
)
SELECT 0 AS total, code, name, ${FIG_NAMES}, ${TARGET_NAMES} FROM per_province
UNION ALL
SELECT 1, NULL, NULL, ${FIG_SUMS}, ${TARGET_KEYS.map((k) => `sum("t_${k}")`).join(", ")} FROM per_province
ORDER BY 1, 2`;

/** Everything the city dashboard reads, in one statement: per commune (and the city itself) its
 *  latest figures, the status of exactly this period, its targets of the year and of 2030 and its
 *  yearly history of BHXH participants (path to 2030). The app then only computes indicators. */
const CITY_FULL_SQL = `
WITH latest AS (
  SELECT DISTINCT ON (unit_id) unit_id, quarter, ${FIG_COLS}
  FROM quarter_reports
  WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND year = $2::int AND quarter = $3::int
    AND status IN ('SUBMITTED', 'APPROVED')
  ORDER BY unit_id, quarter DESC
), period AS (
  SELECT unit_id, status::text AS period_status FROM quarter_reports
  WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND year = $2::int AND quarter = $3::int
), tg AS (
  SELECT unit_id,
         json_object_agg(key, value) FILTER (WHERE year = $2::int) AS targets,
         json_object_agg(key, value) FILTER (WHERE year = 2030) AS targets_2030
  FROM targets WHERE tenant_id = $1::int AND year IN ($2::int, 2030)
  GROUP BY unit_id
), yearly AS (
  SELECT DISTINCT ON (unit_id, year) unit_id, year, (bhxh_compulsory + bhxh_voluntary)::float8 AS v
  FROM quarter_reports
  WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND status IN ('SUBMITTED', 'APPROVED')
    AND (year < $2::int OR (year = $2::int AND quarter <= $3::int))
  ORDER BY unit_id, year, quarter DESC
), hist AS (
  SELECT unit_id, json_agg(json_build_array(year, v) ORDER BY year) AS history FROM yearly WHERE v IS NOT NULL GROUP BY unit_id
)
SELECT u.id, u.code, u.name, u.type::text AS type, (u.id = $1::int) AS is_parent, p.period_status, l.quarter AS figures_quarter,
       ${METRIC_KEYS.map((k) => `l."${k}"`).join(", ")}, tg.targets, tg.targets_2030, h.history
FROM units u
LEFT JOIN latest l ON l.unit_id = u.id
LEFT JOIN period p ON p.unit_id = u.id
LEFT JOIN tg ON tg.unit_id = u.id
LEFT JOIN hist h ON h.unit_id = u.id
WHERE (u.parent_id = $1::int AND u.level = 'COMMUNE' AND u.valid_to IS NULL) OR u.id = $1::int
ORDER BY is_parent, u.name`;

/** Everything the national dashboard reads, in one statement: per province (and the nation) the
 *  sums of its communes' latest figures, communes reporting / in scope, targets of the year and of
 *  2030, and the yearly history of BHXH participants. */
const NATION_FULL_SQL = `
WITH latest AS (
  SELECT DISTINCT ON (unit_id) tenant_id, ${FIG_COLS}
  FROM quarter_reports
  WHERE kind = 'ACTUAL' AND year = $1::int AND quarter = $2::int AND status IN ('SUBMITTED', 'APPROVED')
  ORDER BY unit_id, quarter DESC
), sums AS (
  SELECT tenant_id, ${FIG_SUMS} FROM latest GROUP BY tenant_id
), counts AS (
  SELECT u.tenant_id, count(*)::int AS total, count(r.id) FILTER (WHERE r.status IN ('SUBMITTED', 'APPROVED'))::int AS reported
  FROM units u
  LEFT JOIN quarter_reports r ON r.unit_id = u.id AND r.kind = 'ACTUAL' AND r.year = $1::int AND r.quarter = $2::int
  WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL
  GROUP BY u.tenant_id
), tg AS (
  SELECT t.unit_id,
         json_object_agg(t.key, t.value) FILTER (WHERE t.year = $1::int) AS targets,
         json_object_agg(t.key, t.value) FILTER (WHERE t.year = 2030) AS targets_2030
  FROM targets t JOIN units p ON p.id = t.unit_id AND p.level IN ('PROVINCE', 'NATION')
  WHERE t.year IN ($1::int, 2030)
  GROUP BY t.unit_id
), yearly AS (
  SELECT DISTINCT ON (unit_id, year) tenant_id, year, (bhxh_compulsory + bhxh_voluntary) AS v
  FROM quarter_reports
  WHERE kind = 'ACTUAL' AND status IN ('SUBMITTED', 'APPROVED') AND (year < $1::int OR (year = $1::int AND quarter <= $2::int))
  ORDER BY unit_id, year, quarter DESC
), hist AS (
  SELECT tenant_id, json_agg(json_build_array(year, v) ORDER BY year) AS history
  FROM (SELECT tenant_id, year, sum(v)::float8 AS v FROM yearly GROUP BY tenant_id, year) y
  WHERE v IS NOT NULL GROUP BY tenant_id
)
SELECT p.id, p.code, p.name, p.type::text AS type, (p.id = $3::int) AS is_parent, c.total, c.reported,
       ${METRIC_KEYS.map((k) => `s."${k}"`).join(", ")}, tg.targets, tg.targets_2030, h.history
FROM units p
LEFT JOIN sums s ON s.tenant_id = p.id
LEFT JOIN counts c ON c.tenant_id = p.id
LEFT JOIN tg ON tg.unit_id = p.id
LEFT JOIN hist h ON h.tenant_id = p.id
WHERE (p.parent_id = $3::int AND p.level = 'PROVINCE' AND p.valid_to IS NULL) OR p.id = $3::int
ORDER BY is_parent, p.code`;

// ---------------------------------------------------------------------------------------------

type OpKey =
  | "importPreview"
  | "importCommit"
  | "save"
  | "city"
  | "citySql"
  | "cityFullSql"
  | "nation"
  | "nationSql"
  | "nationFullSql"
  | "cityIdx"
  | "nationIdx"
  | "nationRanking";

/**
 * The index this benchmark proposes (not in the schema): the path-to-2030 history reads every
 * commune's latest submitted quarter of every year, DISTINCT ON (unit_id, year) ORDER BY unit_id,
 * year, quarter DESC; with this index PostgreSQL reads it in order from the index alone instead of
 * sorting all the reports. Tried on the benchmark's own database only, then dropped.
 */
// Key columns rather than INCLUDE, so that Prisma's schema can express it:
//   @@index([unitId, year, quarter(sort: Desc), kind, status, tenantId, bhxhCompulsory, bhxhVoluntary], map: "quarter_reports_history_idx")
const PROPOSED_INDEX = `CREATE INDEX "quarter_reports_history_idx" ON "quarter_reports"("unit_id", "year", "quarter" DESC, "kind", "status", "tenant_id", "bhxh_compulsory", "bhxh_voluntary")`;
const TRY_INDEX = process.env.BENCH_TRY_INDEX === "1"; // the index is now in the migrations (20261121235000)

interface Result {
  database: "PostgreSQL" | "PGlite";
  operation: string;
  key: OpKey;
  timing: Timing;
  /** App rows: app median / the one-statement SQL median (the brief's app/SQL ratio). */
  ratio?: number;
  ratioP95?: number;
  /** App rows: app median / median of "everything the dashboard reads" as one statement. */
  ratioFull?: number;
}

interface QueryBreakdown {
  dashboard: "city" | "nation";
  query: string;
  params: unknown[];
  /** Duration Prisma logged for it within the dashboard's Promise.all (includes waiting). */
  prismaMs: number;
  /** Server time from EXPLAIN (ANALYZE, BUFFERS). */
  executionMs: number | null;
  rows: number;
  plan: string;
}

interface Decomposition {
  dashboard: "city" | "nation";
  /** dashboard() itself (measured in turn with the two replays below). */
  appMs: number;
  /** The app's queries, Promise.all, through Prisma ($queryRawUnsafe). */
  prismaParallelMs: number;
  /** The same queries, Promise.all, through pg directly (db.sql.query). */
  pgParallelMs: number;
  /** Sum of the server times (EXPLAIN ANALYZE). */
  serverSumMs: number;
}

interface DbRun {
  database: "PostgreSQL" | "PGlite";
  version: string;
  dataset: DatasetSummary;
  city: { code: string; name: string; communes: number };
  saveCommune: { code: string; name: string };
  checks: string[];
  results: Result[];
  breakdown: QueryBreakdown[];
  decomposition: Decomposition[];
  databaseName?: string;
}

async function unitRef(db: Database, where: { code: string } | { id: number }): Promise<UnitRef> {
  const u = await db.prisma.unit.findFirst({
    where,
    select: { id: true, code: true, name: true, level: true, type: true, parentId: true, tenantId: true, validFrom: true, validTo: true },
  });
  if (!u) throw new Error(`unit not found: ${JSON.stringify(where)}`);
  return u as UnitRef;
}

function close(a: number, b: number) {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

const sameNumber = (a: number | null | undefined, b: unknown) => {
  const bn = b === null || b === undefined ? null : Number(b);
  const an = a === null || a === undefined ? null : a;
  return an === null || bn === null ? an === bn : close(an, bn);
};

/** The one-statement SQL computes what the app shows: same rows, same totals, same targets. */
function compare(label: string, app: DashboardData, sqlRows: Record<string, unknown>[], checks: string[]) {
  const rows = sqlRows.filter((r) => Number(r.total) === 0);
  const total = sqlRows.find((r) => Number(r.total) === 1)!;
  const problems: string[] = [];
  if (rows.length !== app.rows.length) problems.push(`rows ${app.rows.length} (app) vs ${rows.length} (SQL)`);
  for (const k of METRIC_KEYS)
    if (!sameNumber(app.totals.figures?.[k], total[k])) problems.push(`total ${k}: ${app.totals.figures?.[k]} vs ${String(total[k])}`);
  const byCode = new Map(rows.map((r) => [String(r.code), r]));
  for (const r of app.rows) {
    const s = byCode.get(r.unit.code);
    if (!s) {
      problems.push(`${r.unit.code} missing from SQL`);
      continue;
    }
    for (const k of METRIC_KEYS) if (!sameNumber(r.figures?.[k], s[k])) problems.push(`${r.unit.code} ${k}`);
    for (const k of TARGET_KEYS) if (!sameNumber(r.targets[k], s[`t_${k}`])) problems.push(`${r.unit.code} target ${k}`);
  }
  checks.push(
    problems.length
      ? `${label}, one-statement SQL: DISAGREES with the app: ${problems.slice(0, 5).join("; ")}`
      : `${label}, one-statement SQL: agrees with the app (${rows.length} rows: every figure, target and total)`,
  );
}

/** The "everything" SQL reads what the app shows: period statuses / counts, targets, history. */
function compareFull(label: string, app: DashboardData, sqlRows: Record<string, unknown>[], checks: string[]) {
  const rows = sqlRows.filter((r) => !r.is_parent);
  const problems: string[] = [];
  if (rows.length !== app.rows.length) problems.push(`rows ${app.rows.length} (app) vs ${rows.length} (SQL)`);
  const byCode = new Map(rows.map((r) => [String(r.code), r]));
  for (const r of app.rows) {
    const s = byCode.get(r.unit.code);
    if (!s) {
      problems.push(`${r.unit.code} missing from SQL`);
      continue;
    }
    if (app.childLevel === "COMMUNE" && (r.periodStatus ?? null) !== (s.period_status ?? null)) problems.push(`${r.unit.code} status`);
    if (app.childLevel === "PROVINCE" && (r.reported !== Number(s.reported ?? 0) || r.total !== Number(s.total ?? 0)))
      problems.push(`${r.unit.code} reported/total`);
    for (const k of METRIC_KEYS) if (!sameNumber(r.figures?.[k], s[k])) problems.push(`${r.unit.code} ${k}`);
    const targets = (s.targets ?? {}) as Record<string, number>;
    for (const k of Object.keys({ ...targets, ...r.targets })) if (!sameNumber(r.targets[k], targets[k])) problems.push(`${r.unit.code} target ${k}`);
    const history = (s.history ?? []) as [number, number][];
    const last = history[history.length - 1];
    // The app draws a unit's path to 2030 only on its own report of the period (and a province's only
    // when all its communes reported: lib/dashboard/service.ts); where it draws one, it must end where the SQL's does.
    if (r.path.latest && (!last || r.path.latest.year !== last[0] || !close(r.path.latest.value, last[1]))) problems.push(`${r.unit.code} history`);
    const t2030 = (s.targets_2030 ?? {}) as Record<string, number>;
    const want = t2030.bhxhCompulsory === undefined && t2030.bhxhVoluntary === undefined ? null : (t2030.bhxhCompulsory ?? 0) + (t2030.bhxhVoluntary ?? 0);
    if (!sameNumber(r.path.target2030, want)) problems.push(`${r.unit.code} 2030 target`);
  }
  checks.push(
    problems.length
      ? `${label}, "everything" SQL: DISAGREES with the app: ${problems.slice(0, 5).join("; ")}`
      : `${label}, "everything" SQL: agrees with the app (${rows.length} rows: figures, ${app.childLevel === "COMMUNE" ? "period statuses" : "reported/total"}, targets, 2030 target, latest year of the history)`,
  );
}

/**
 * The app's own queries for both dashboards, captured from Prisma's query log (a second client on
 * the same database), each EXPLAIN ANALYZEd; then replayed in parallel through Prisma and through
 * pg, to split the dashboard's time into database + driver, Prisma, and JavaScript.
 */
async function diagnose(db: Database, url: string, dashboards: ["city" | "nation", UnitRef][]) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const captured: { query: string; params: string; duration: number }[] = [];
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (e) => captured.push({ query: e.query, params: e.params, duration: e.duration }));
  const breakdown: QueryBreakdown[] = [];
  const replays: { dashboard: "city" | "nation"; app: Timing; prisma: Timing; pg: Timing }[] = [];
  try {
    for (const [name, unit] of dashboards) {
      await dashboard(prisma, unit, YEAR, QUARTER); // warm
      captured.length = 0;
      await dashboard(prisma, unit, YEAR, QUARTER);
      const queries = captured.map((q) => {
        let params: unknown[] = [];
        try {
          params = JSON.parse(q.params) as unknown[];
        } catch {
          params = [];
        }
        return { ...q, params };
      });
      for (const q of queries) {
        const plan = (await db.sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, q.params)).map((r) => r["QUERY PLAN"]);
        const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
        const rows = (await db.sql.query(q.query, q.params)).length;
        breakdown.push({
          dashboard: name,
          query: q.query.replace(/\s+/g, " ").trim(),
          params: q.params,
          prismaMs: q.duration,
          executionMs: exec ? Number(exec[1]) : null,
          rows,
          plan: plan.join("\n"),
        });
      }
      const [app, viaPrisma, viaPg] = await measureInterleaved(
        [
          () => dashboard(db.prisma, unit, YEAR, QUARTER),
          () => Promise.all(queries.map((q) => db.prisma.$queryRawUnsafe(q.query, ...q.params))),
          () => Promise.all(queries.map((q) => db.sql.query(q.query, q.params))),
        ],
        RUNS,
        WARMUP,
      );
      replays.push({ dashboard: name, app, prisma: viaPrisma, pg: viaPg });
      log(
        `[${elapsed()}] ${name}: dashboard() ${ms(app.medianMs)} ms; its ${queries.length} queries in parallel via Prisma ${ms(viaPrisma.medianMs)} ms, via pg ${ms(viaPg.medianMs)} ms (medians)`,
      );
    }
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
  return { breakdown, replays };
}

async function benchDatabase(kind: "PostgreSQL" | "PGlite"): Promise<DbRun> {
  let db: Database;
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseName: string | undefined;
  let url: string | null = null;
  if (kind === "PostgreSQL") {
    const name = `bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(2).toString("hex")}`;
    databaseName = name;
    const admin = new pg.Client({ connectionString: ADMIN_URL! });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(ADMIN_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL! });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
    try {
      db = await openDatabase({ url });
    } catch (e) {
      if (!KEEP) await dropDatabase();
      throw e;
    }
    log(`\n== PostgreSQL: database ${name} (${KEEP ? "kept afterwards: BENCH_KEEP=1" : "dropped afterwards"})`);
  } else {
    db = await openDatabase({ dataDir: null });
    log(`\n== PGlite (in memory)`);
  }

  try {
    const version = (await db.sql.query<{ version: string }>(`SELECT version()`))[0].version;
    log(`  ${version}`);
    log(`[${elapsed()}] generating the national dataset…`);
    const dataset = await generateDataset(db, log);
    log(
      `[${elapsed()}] dataset generated in ${dataset.seconds.total.toFixed(1)} s: ${Object.entries(dataset.rows)
        .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
        .join(", ")}`,
    );

    const nation = await unitRef(db, { code: "VN" });
    const [largest] = await db.sql.query<{ tenant_id: number; n: number }>(
      `SELECT tenant_id, count(*)::int AS n FROM units WHERE level = 'COMMUNE' AND valid_to IS NULL GROUP BY tenant_id ORDER BY n DESC, tenant_id LIMIT 1`,
    );
    const city = await unitRef(db, { id: Number(largest.tenant_id) });
    log(`  largest city: ${city.name} (${city.code}), ${largest.n} communes`);

    // The commune officer: the first commune (by code) outside the largest city whose last
    // quarter is still a draft (a submitted or approved quarter is locked), saving that draft
    // again with slightly changed figures, as an officer does while filling it in.
    const [commune] = await db.sql.query<{ id: number; code: string; name: string; tenant_id: number }>(
      `SELECT u.id, u.code, u.name, u.tenant_id FROM units u
       JOIN quarter_reports r ON r.unit_id = u.id AND r.year = $1::int AND r.quarter = $2::int AND r.kind = 'ACTUAL' AND r.status = 'DRAFT'
       WHERE u.level = 'COMMUNE' AND u.tenant_id <> $3::int ORDER BY u.code LIMIT 1`,
      [YEAR, QUARTER, city.id],
    );
    const [user] = await db.sql.query<{ id: number }>(
      `INSERT INTO users (username, password_hash, full_name, role, tenant_id, unit_id)
       VALUES ('bench.xa', 'not-a-password-hash', 'Cán bộ xã (benchmark)', 'COMMUNE_OFFICER', $1::int, $2::int) RETURNING id`,
      [Number(commune.tenant_id), Number(commune.id)],
    );
    const actor: Actor = { id: Number(user.id), role: "COMMUNE_OFFICER", tenantId: Number(commune.tenant_id), unitId: Number(commune.id) };
    const base = await db.prisma.quarterReport.findUniqueOrThrow({
      where: { unitId_year_quarter_kind: { unitId: Number(commune.id), year: YEAR, quarter: QUARTER, kind: "ACTUAL" } },
    });
    const baseFigures = Object.fromEntries(METRIC_KEYS.map((k) => [k, Number(base[k])])) as Record<(typeof METRIC_KEYS)[number], number>;
    const save = async (i: number) => {
      const d = (((i % 5) + 5) % 5) + 1; // 1..5 more participants, a little more collected
      const r = await saveQuarter(
        db.prisma,
        actor,
        {
          unitCode: commune.code,
          year: YEAR,
          quarter: QUARTER,
          body: {
            figures: {
              ...baseFigures,
              bhxhCompulsory: baseFigures.bhxhCompulsory + d,
              bhxhVoluntary: baseFigures.bhxhVoluntary + d,
              bhyt: Math.min(baseFigures.population, baseFigures.bhyt + d),
              amountCollected: baseFigures.amountCollected + d * 1_000_000,
            },
            confirmWarnings: true,
            submit: false,
          },
        },
        NOW,
      );
      if (r.warnings.length) throw new Error(`unexpected warnings: ${r.warnings.map((w) => w.message).join("; ")}`);
    };

    const checks: string[] = [];
    const results: Result[] = [];
    const run = async (key: OpKey, operation: string, fn: (i: number) => Promise<unknown>) => {
      const timing = await measure(fn, RUNS, WARMUP);
      results.push({ database: kind, operation, key, timing });
      log(`[${elapsed()}] ${kind} · ${operation}: median ${ms(timing.medianMs)} ms, p95 ${ms(timing.p95Ms)} ms`);
      return timing;
    };

    if (ONLY_IMPORT) {
      await importCase(db, kind, nation, actor, results, checks);
      return {
        database: kind,
        version,
        dataset,
        city: { code: city.code, name: city.name, communes: Number(largest.n) },
        saveCommune: { code: commune.code, name: commune.name },
        checks,
        results,
        breakdown: [],
        decomposition: [],
        databaseName,
      };
    }
    // Equivalence first (untimed), so the ratios compare like with like.
    const cityApp = await dashboard(db.prisma, city, YEAR, QUARTER);
    const nationApp = await dashboard(db.prisma, nation, YEAR, QUARTER);
    compare(city.name, cityApp, await db.sql.query(CITY_SQL, [city.id, YEAR, QUARTER]), checks);
    compareFull(city.name, cityApp, await db.sql.query(CITY_FULL_SQL, [city.id, YEAR, QUARTER]), checks);
    compare("Việt Nam", nationApp, await db.sql.query(NATION_SQL, [YEAR, QUARTER, nation.id]), checks);
    compareFull("Việt Nam", nationApp, await db.sql.query(NATION_FULL_SQL, [YEAR, QUARTER, nation.id]), checks);
    for (const c of checks) log(`  check: ${c}`);

    // Each dashboard and its two SQL statements are timed in turn within each round (app, narrow,
    // everything, app, …): a slow spell of this shared machine then hits the three alike, so their
    // ratio compares like with like (timed one after the other, a spell could fall on one of them only).
    const trio = async (
      keys: readonly [OpKey, OpKey, OpKey],
      operations: readonly [string, string, string],
      fns: readonly [() => Promise<unknown>, () => Promise<unknown>, () => Promise<unknown>],
    ) => {
      const timings = await measureInterleaved([...fns], RUNS, WARMUP);
      timings.forEach((timing, i) => {
        results.push({ database: kind, operation: operations[i], key: keys[i], timing });
        log(`[${elapsed()}] ${kind} · ${operations[i]}: median ${ms(timing.medianMs)} ms, p95 ${ms(timing.p95Ms)} ms`);
      });
      return timings;
    };
    const [tCity, tCitySql, tCityFull] = await trio(
      ["city", "citySql", "cityFullSql"],
      [
        `dashboard of ${city.name} (${largest.n} communes), ${YEAR} Q${QUARTER}`,
        "↳ same aggregates, one raw SQL query (db.sql.query)",
        "↳ everything it reads (+ statuses, 2030 targets, history), one SQL query",
      ],
      [
        () => dashboard(db.prisma, city, YEAR, QUARTER),
        () => db.sql.query(CITY_SQL, [city.id, YEAR, QUARTER]),
        () => db.sql.query(CITY_FULL_SQL, [city.id, YEAR, QUARTER]),
      ],
    );
    const [tNation, tNationSql, tNationFull] = await trio(
      ["nation", "nationSql", "nationFullSql"],
      [
        `national dashboard (34 provinces over 3,321 communes), ${YEAR} Q${QUARTER}`,
        "↳ same aggregates, one raw SQL query (db.sql.query)",
        "↳ everything it reads (+ counts, 2030 targets, history), one SQL query",
      ],
      [
        () => dashboard(db.prisma, nation, YEAR, QUARTER),
        () => db.sql.query(NATION_SQL, [YEAR, QUARTER, nation.id]),
        () => db.sql.query(NATION_FULL_SQL, [YEAR, QUARTER, nation.id]),
      ],
    );
    // Issue 6: the national ranking (three dashboards: the period, the quarter before, a year before).
    await run("nationRanking", `national ranking of provinces by BHXH coverage attainment, ${YEAR} Q${QUARTER}`, () =>
      rankings(db.prisma, nation, { year: YEAR, quarter: QUARTER }, "attainment:bhxhCoverage"),
    );
    await run("save", `save a quarter (draft of commune ${commune.code}, ${YEAR} Q${QUARTER}, its officer)`, save);
    await importCase(db, kind, nation, actor, results, checks);
    if (TRY_INDEX) {
      log(`[${elapsed()}] trying the proposed index: ${PROPOSED_INDEX}`);
      await db.sql.exec(PROPOSED_INDEX);
      await db.sql.exec(`VACUUM ANALYZE quarter_reports`);
      await run("cityIdx", `experiment: dashboard of ${city.name} with the proposed index`, () => dashboard(db.prisma, city, YEAR, QUARTER));
      await run("nationIdx", `experiment: national dashboard with the proposed index`, () => dashboard(db.prisma, nation, YEAR, QUARTER));
      await db.sql.exec(`DROP INDEX "quarter_reports_history_idx"`);
      await db.sql.exec(`VACUUM ANALYZE quarter_reports`);
    }
    for (const [key, app, sql, full] of [
      ["city", tCity, tCitySql, tCityFull],
      ["nation", tNation, tNationSql, tNationFull],
    ] as const) {
      const row = results.find((r) => r.key === key)!;
      row.ratio = app.medianMs / sql.medianMs;
      row.ratioP95 = app.p95Ms / sql.p95Ms;
      row.ratioFull = app.medianMs / full.medianMs;
    }

    let breakdown: QueryBreakdown[] = [];
    const decomposition: Decomposition[] = [];
    if (kind === "PostgreSQL" && EXPLAIN && url) {
      log(`[${elapsed()}] EXPLAIN ANALYZE of the dashboards' queries, and their replay through Prisma and pg…`);
      const d = await diagnose(db, url, [
        ["city", city],
        ["nation", nation],
      ]);
      breakdown = d.breakdown;
      for (const r of d.replays) {
        decomposition.push({
          dashboard: r.dashboard,
          appMs: r.app.medianMs,
          prismaParallelMs: r.prisma.medianMs,
          pgParallelMs: r.pg.medianMs,
          serverSumMs: breakdown.filter((b) => b.dashboard === r.dashboard).reduce((a, b) => a + (b.executionMs ?? 0), 0),
        });
      }
    }
    return {
      database: kind,
      version,
      dataset,
      city: { code: city.code, name: city.name, communes: Number(largest.n) },
      saveCommune: { code: commune.code, name: commune.name },
      checks,
      results,
      breakdown,
      decomposition,
      databaseName,
    };
  } finally {
    await db.close();
    if (dropDatabase && !KEEP) await dropDatabase();
  }
}

/**
 * Issue 14: a national figures file (every commune in force, one .xlsx, each count one more than
 * stored) checked and previewed, then committed in one transaction. The quarter's reports are made
 * drafts first (a submitted or approved quarter is skipped, not written), so every row is written.
 * Each run imports a new file (the figures change every time); the two steps are timed apart.
 */
async function importCase(db: Database, kind: string, nation: UnitRef, officer: Actor, results: Result[], checks: string[]) {
  await db.sql.exec(`UPDATE quarter_reports SET status = 'DRAFT' WHERE year = ${YEAR} AND quarter = ${QUARTER} AND kind = 'ACTUAL'`);
  const communes: CommuneRef[] = (
    await db.sql.query<{ id: number; code: string; name: string; tenant_id: number }>(
      `SELECT id, code, name, tenant_id FROM units WHERE level = 'COMMUNE' AND valid_to IS NULL ORDER BY code`,
    )
  ).map((u) => ({ id: Number(u.id), code: u.code, name: u.name, tenantId: Number(u.tenant_id) }));
  const actor: Actor = { ...officer, role: "CITY_STAFF" };
  const preview: number[] = [];
  const commit: number[] = [];
  let bytes = 0;
  for (let i = 0; i < IMPORT_RUNS + 1; i++) {
    const stored = await db.prisma.quarterReport.findMany({ where: { year: YEAR, quarter: QUARTER, kind: "ACTUAL" } });
    const byUnit = new Map(stored.map((r) => [r.unitId, r]));
    const file = await figuresTemplateXlsx({
      unitName: nation.name,
      year: YEAR,
      quarter: QUARTER,
      rows: communes.map((c) => {
        const r = byUnit.get(c.id);
        const figures = Object.fromEntries(METRIC_KEYS.map((k) => [k, r && r[k] !== null ? Number(r[k]) : null])) as Record<
          (typeof METRIC_KEYS)[number],
          number | null
        >;
        if (figures.bhxhCompulsory !== null && figures.bhtn !== null) figures.bhxhCompulsory += 1;
        if (figures.bhyt !== null) figures.bhyt += 1;
        return { code: c.code, name: c.name, figures };
      }),
    });
    bytes = file.length;
    const t0 = performance.now();
    const p = await stageImportFor(
      db.prisma,
      actor,
      nation,
      communes,
      { year: YEAR, quarter: QUARTER, fileName: "toan-quoc.xlsx", bytes: new Uint8Array(file) },
      NOW,
    );
    const t1 = performance.now();
    const c = await commitImportFor(db.prisma, actor, nation, { id: p.id, body: { confirmWarnings: true } }, NOW);
    const t2 = performance.now();
    if (i === 0)
      checks.push(
        `import: ${p.rows} rows read, ${p.changes.length} communes changed, ${p.skipped.length} skipped, ${p.warnings.length} warnings; ${c.saved} saved; file ${(bytes / 1024 / 1024).toFixed(1)} MB`,
      );
    else {
      preview.push(t1 - t0);
      commit.push(t2 - t1);
    }
    log(
      `[${elapsed()}] ${kind} · import ${i === 0 ? "(warm-up) " : ""}${communes.length} communes: preview ${ms(t1 - t0)} ms, commit ${ms(t2 - t1)} ms (${c.saved} saved)`,
    );
  }
  results.push({
    database: kind as DbRun["database"],
    operation: `import a national figures file (${communes.length} communes, .xlsx ${(bytes / 1024 / 1024).toFixed(1)} MB): read, check, preview`,
    key: "importPreview",
    timing: summarize(preview),
  });
  results.push({
    database: kind as DbRun["database"],
    operation: `↳ commit it (${communes.length} reports and their audit entries, one transaction)`,
    key: "importCommit",
    timing: summarize(commit),
  });
}

// ---------------------------------------------------------------------------------------------
// Report

function machine() {
  const cpus = os.cpus();
  let pgliteVersion = "?";
  try {
    pgliteVersion = (JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    /* not essential */
  }
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "?",
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    pglite: pgliteVersion,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
    loadAverageAtEnd: [] as number[],
  };
}

interface Budget {
  budget: string;
  measured: string;
  ok: boolean | null;
}

function budgets(runs: DbRun[]): Budget[] {
  const pgRun = runs.find((r) => r.database === "PostgreSQL");
  const liteRun = runs.find((r) => r.database === "PGlite");
  const get = (r: DbRun | undefined, k: OpKey) => r?.results.find((x) => x.key === k);
  const pgMissing = "not measured: set TEST_DATABASE_URL or BENCH_DATABASE_URL";
  const out: Budget[] = [];
  const city = get(pgRun, "city");
  const nation = get(pgRun, "nation");
  const p95 = (label: string, r: Result | undefined, limit: number) =>
    out.push(
      r
        ? { budget: label, measured: `${ms(r.timing.p95Ms)} ms (median ${ms(r.timing.medianMs)})`, ok: r.timing.p95Ms <= limit }
        : { budget: label, measured: pgMissing, ok: null },
    );
  const ratio = (label: string, r: Result | undefined) =>
    out.push(
      r
        ? {
            budget: label,
            measured: `${r.ratio!.toFixed(2)}× (medians; p95s ${r.ratioP95!.toFixed(2)}×; vs "everything" SQL ${r.ratioFull!.toFixed(2)}×)`,
            ok: r.ratio! <= BUDGETS.ratio,
          }
        : { budget: label, measured: pgMissing, ok: null },
    );
  p95(`PostgreSQL largest-city dashboard p95 ≤ ${BUDGETS.cityP95} ms`, city, BUDGETS.cityP95);
  p95(`PostgreSQL national dashboard p95 ≤ ${BUDGETS.nationP95} ms`, nation, BUDGETS.nationP95);
  ratio(`PostgreSQL largest-city dashboard app/SQL ≤ ${BUDGETS.ratio}`, city);
  ratio(`PostgreSQL national dashboard app/SQL ≤ ${BUDGETS.ratio}`, nation);
  p95(`PostgreSQL national ranking p95 ≤ ${BUDGETS.nationP95} ms`, get(pgRun, "nationRanking"), BUDGETS.nationP95);
  p95(`PostgreSQL national import file: preview < ${BUDGETS.importMs / 1000} s`, get(pgRun, "importPreview"), BUDGETS.importMs);
  p95(`PostgreSQL national import file: commit < ${BUDGETS.importMs / 1000} s`, get(pgRun, "importCommit"), BUDGETS.importMs);
  const save = get(liteRun, "save");
  out.push(
    save
      ? {
          budget: `save a quarter (PGlite) < ${BUDGETS.savePglite} ms (p95)`,
          measured: `${ms(save.timing.p95Ms)} ms (median ${ms(save.timing.medianMs)})`,
          ok: save.timing.p95Ms < BUDGETS.savePglite,
        }
      : { budget: `save a quarter (PGlite) < ${BUDGETS.savePglite} ms (p95)`, measured: "not measured (BENCH_SKIP_PGLITE=1)", ok: null },
  );
  return out;
}

const mark = (ok: boolean | null) => (ok === null ? "—" : ok ? "✓" : "✗");

function markdown(runs: DbRun[], m: ReturnType<typeof machine>, b: Budget[], notes: string[]): string {
  const L: string[] = [];
  L.push(`# Benchmark results`, ``);
  L.push(
    `Generated ${new Date().toISOString()} by \`npm run bench\` (scripts/bench). ${WARMUP} warm-up + ${RUNS} measured runs per operation; wall-clock times in the Node process, in ms. Period: ${YEAR} Q${QUARTER}.`,
    ``,
  );
  L.push(`| database | operation | runs | median ms | p95 ms | app/SQL |`, `|---|---|---:|---:|---:|---:|`);
  for (const r of runs)
    for (const x of r.results)
      L.push(
        `| ${x.database} | ${x.operation} | ${x.timing.runs} | ${ms(x.timing.medianMs)} | ${ms(x.timing.p95Ms)} | ${x.ratio === undefined ? "" : `${x.ratio.toFixed(2)}×`} |`,
      );
  L.push(
    ``,
    `app/SQL = the dashboard's median / the median of the same aggregates as one raw SQL statement (latest submitted/approved figures of the year up to the quarter per child unit, joined with the year's targets, and the sums). The "everything it reads" statement adds what the dashboard also reads (period statuses or reporting counts, 2030 targets, the yearly history for the path to 2030).`,
    ``,
  );
  if (runs.some((r) => r.results.some((x) => x.key.endsWith("Idx"))))
    L.push(
      `"experiment" rows: the same dashboard after \`${PROPOSED_INDEX}\` on the benchmark's database (not in the schema; dropped again before the breakdown below).`,
      ``,
    );
  L.push(`## Budgets`, ``, `| budget | measured | |`, `|---|---|---|`);
  for (const x of b) L.push(`| ${x.budget} | ${x.measured} | ${mark(x.ok)} |`);

  const dec = runs.flatMap((r) => r.decomposition);
  if (dec.length) {
    L.push(``, `## PostgreSQL: where a dashboard's time goes (medians, ms; the three measured in turn)`, ``);
    L.push(
      `| dashboard | dashboard() | its queries via Prisma, in parallel | same via pg, in parallel | sum of server times | ⇒ JavaScript after the queries | ⇒ Prisma overhead |`,
      `|---|---:|---:|---:|---:|---:|---:|`,
    );
    for (const d of dec)
      L.push(
        `| ${d.dashboard} | ${ms(d.appMs)} | ${ms(d.prismaParallelMs)} | ${ms(d.pgParallelMs)} | ${ms(d.serverSumMs)} | ${ms(d.appMs - d.prismaParallelMs)} | ${ms(d.prismaParallelMs - d.pgParallelMs)} |`,
      );
  }
  const bd = runs.flatMap((r) => r.breakdown);
  if (bd.length) {
    L.push(``, `## PostgreSQL: the dashboards' queries (EXPLAIN ANALYZE, after warm-up)`, ``);
    L.push(`| dashboard | query | rows | server ms | Prisma-logged ms (in parallel) |`, `|---|---|---:|---:|---:|`);
    for (const q of bd)
      L.push(
        `| ${q.dashboard} | \`${q.query.slice(0, 100).replace(/\|/g, "\\|")}…\` | ${q.rows.toLocaleString("en")} | ${q.executionMs === null ? "—" : ms(q.executionMs)} | ${ms(q.prismaMs)} |`,
      );
    L.push(``, `Plans: latest.json, databases[].breakdown[].plan.`);
  }

  L.push(``, `## Dataset`, ``);
  const tables = Object.keys(runs[0]?.dataset.rows ?? {});
  L.push(`| database | ${tables.join(" | ")} | generation (s) |`, `|---|${tables.map(() => "---:").join("|")}|---|`);
  for (const r of runs) {
    const s = r.dataset.seconds;
    L.push(
      `| ${r.database} | ${Object.values(r.dataset.rows)
        .map((n) => n.toLocaleString("en"))
        .join(
          " | ",
        )} | ${s.total.toFixed(1)} (migrations ${s.migrate.toFixed(1)}, reference units ${s.reference.toFixed(1)}, villages ${s.villages.toFixed(1)}, reports ${s.reports.toFixed(1)}, targets ${s.targets.toFixed(1)}, VACUUM ANALYZE ${s.analyze.toFixed(1)}) |`,
    );
  }
  const d = runs[0]?.dataset;
  if (d) {
    L.push(
      ``,
      `Quarterly figures 2021 Q1 – ${d.lastPeriod.year} Q${d.lastPeriod.quarter} (23 quarters; on the benchmark's date, 21/11/2026, 2026 Q4 has not ended) for every commune and every metric, kind ACTUAL, inserted quarter by quarter as a live database receives them; APPROVED except the last quarter: ${Object.entries(
        d.lastQuarterStatuses,
      )
        .map(([s, n]) => `${n.toLocaleString("en")} ${s}`)
        .join(
          ", ",
        )}. Targets 2025–2030 for every commune and province (bhxhCompulsory, bhxhVoluntary, bhtn, bhyt, amountCollected as COUNT; bhxhCoverage, latePaymentRate as RATE). 10 villages (THON) per commune. Fixed seed: the same rows on every run.`,
    );
  }
  L.push(``, `## Machine`, ``);
  L.push(`- ${m.cpus} CPUs (${m.cpuModel}), ${m.totalMemoryGiB} GiB memory, ${m.os}`);
  L.push(`- Node ${m.node}, PGlite ${m.pglite}`);
  for (const r of runs) L.push(`- ${r.database}: ${r.version}`);
  L.push(`- load average (1, 5, 15 min) at start ${m.loadAverageAtStart.join(", ")}, at end ${m.loadAverageAtEnd.join(", ")}`);
  L.push(``, `## Checks`, ``);
  for (const r of runs) for (const c of r.checks) L.push(`- ${r.database}: ${c}`);
  for (const r of runs)
    L.push(
      `- ${r.database}: largest city ${r.city.name} (${r.city.code}, ${r.city.communes} communes); quarter saved by the officer of ${r.saveCommune.name} (${r.saveCommune.code}), no warnings`,
    );
  if (notes.length) L.push(``, `## Notes`, ``, ...notes.map((n) => `- ${n}`));
  return L.join("\n") + "\n";
}

async function main() {
  const m = machine();
  log(`npm run bench: ${WARMUP} warm-up + ${RUNS} measured runs per operation`);
  log(`machine: ${m.cpus} CPUs, ${m.totalMemoryGiB} GiB, Node ${m.node}, ${m.os}, load ${m.loadAverageAtStart.join(" ")}`);
  const notes: string[] = [];
  const runs: DbRun[] = [];
  const setupOnly = process.env.BENCH_SETUP_ONLY === "1";
  if (setupOnly) notes.push("National dataset skipped (BENCH_SETUP_ONLY=1): start-up and bulk writes only.");
  else if (ADMIN_URL) runs.push(await benchDatabase("PostgreSQL"));
  else {
    const msg = "PostgreSQL not measured: neither BENCH_DATABASE_URL nor TEST_DATABASE_URL is set (PGlite only).";
    log(msg);
    notes.push(msg);
  }
  if (process.env.BENCH_SKIP_PGLITE === "1") notes.push("PGlite skipped (BENCH_SKIP_PGLITE=1).");
  else if (!setupOnly) runs.push(await benchDatabase("PGlite"));
  const setup: SetupResult[] = [];
  log(`\n== start-up and bulk writes`);
  if (ADMIN_URL && !ONLY_IMPORT) setup.push(...(await benchSetup("PostgreSQL", ADMIN_URL, log)));
  if (process.env.BENCH_SKIP_PGLITE !== "1" && !ONLY_IMPORT) setup.push(...(await benchSetup("PGlite", null, log)));
  m.loadAverageAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
  if (Math.max(...m.loadAverageAtStart.slice(0, 1), ...m.loadAverageAtEnd.slice(0, 1)) > m.cpus)
    notes.push(
      `The machine was busy (load average above its ${m.cpus} CPUs): other processes competed for the CPUs, so the times are noisier and higher than on an idle machine.`,
    );

  const b = budgets(runs);
  const md = markdown(runs, m, b, notes) + setupMarkdown(setup).join("\n") + (setup.length ? "\n" : "");
  const dir = path.join(process.cwd(), "bench-results");
  mkdirSync(dir, { recursive: true });
  const out = ONLY_IMPORT ? "import" : "latest";
  writeFileSync(path.join(dir, `${out}.md`), md);
  writeFileSync(
    path.join(dir, `${out}.json`),
    JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        config: { runs: RUNS, warmup: WARMUP, now: NOW.toISOString(), period: LAST_PERIOD, keep: KEEP },
        machine: m,
        budgets: b,
        databases: runs.map((r) => ({
          ...r,
          results: r.results.map((x) => ({ ...x, timing: { ...x.timing, samples: x.timing.samples.map((v) => Math.round(v * 1000) / 1000) } })),
        })),
        setup: setup.map((x) => ({ ...x, timing: { ...x.timing, samples: x.timing.samples.map((v) => Math.round(v)) } })),
        notes,
      },
      null,
      2,
    ) + "\n",
  );
  log(`\n${md}`);
  log(`[${elapsed()}] written bench-results/${out}.md and bench-results/${out}.json`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
