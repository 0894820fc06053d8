// A national-size dataset for the benchmark (npm run bench): the official 34 provinces and 3,321
// communes, 10 villages per commune, quarterly figures 2021 Q1 – 2026 Q3 for every commune and
// every metric, and yearly targets 2025–2030 for every commune and province.
//
// The figures stop at 2026 Q3 (23 quarters): the benchmark's "now" is 21/11/2026 (BENCH_NOW), so
// 2026 Q4 has not ended and no commune can have reported it. 2026 Q3 is the quarter the communes
// are still reporting: a share is only SUBMITTED or still DRAFT; everything before is APPROVED.
//
// Deterministic: every commune draws from its own seeded stream (lib/demo/random.ts), so the same
// run produces the same rows. The figures follow the model of the demo data (lib/demo/generate.ts),
// simplified and national: a level per commune at 30/9/2025, quarterly growth with a little noise,
// shares for the derived metrics, money year-to-date. The domain rules hold after rounding:
// informal ≤ voluntary, BHTN ≤ compulsory, late payments ≤ amount due, compulsory + voluntary ≤
// labour force, BHYT ≤ population, and no metric drops by more than 20% from one quarter to the next.
//
// Inserted with bulk SQL only (INSERT … SELECT FROM unnest($1::int[], …) in batches, villages with
// generate_series), inside one transaction, the same statements on PGlite and PostgreSQL.
import type { Database, SqlExecutor } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";
import { loadReferenceUnits } from "../../lib/db/reference";
import { createRng, hashString, type Rng } from "../../lib/demo/random";

export const BENCH_SEED = 20260930;
export const FIRST_YEAR = 2021;
/** The last quarter with figures (the one still being reported). */
export const LAST_PERIOD = { year: 2026, quarter: 3 } as const;
export const TARGET_YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;
export const VILLAGES_PER_COMMUNE = 10;
/** Share of communes per status in the last quarter (the rest APPROVED). */
export const LAST_QUARTER_SHARES = { SUBMITTED: 0.6, DRAFT: 0.15 } as const;
const BATCH = 5000;

export interface Period {
  year: number;
  quarter: number;
}

export const PERIODS: Period[] = (() => {
  const out: Period[] = [];
  for (let y = FIRST_YEAR; y <= LAST_PERIOD.year; y++)
    for (let q = 1; q <= 4; q++) if (y < LAST_PERIOD.year || q <= LAST_PERIOD.quarter) out.push({ year: y, quarter: q });
  return out;
})();
const T = PERIODS.length;
const indexOf = (year: number, quarter: number) => (year - FIRST_YEAR) * 4 + quarter - 1;
/** 30/9/2025: the levels are drawn for this quarter, the series grow away from it both ways. */
const ANCHOR = indexOf(2025, 3);
const END_2025 = indexOf(2025, 4);

export interface CommuneRef {
  id: number;
  code: string;
  tenantId: number;
  type: string;
}

export interface ProvinceRef {
  id: number;
  code: string;
}

// ---------------------------------------------------------------------------------------------
// Figures

export interface QuarterFigures {
  labourForce: number;
  population: number;
  retirementAgePopulation: number;
  bhxhCompulsory: number;
  bhxhVoluntary: number;
  bhxhVoluntaryInformal: number;
  bhtn: number;
  bhyt: number;
  pensionRecipients: number;
  amountDue: number;
  amountCollected: number;
  latePayments: number;
}

const round = Math.round;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const thousands = (x: number) => round(x / 1000) * 1000;
const roundRate = (x: number) => round(x * 1000) / 1000;
const rngFor = (...parts: (string | number)[]) => createRng(hashString(`${BENCH_SEED}:${parts.join(":")}`));

/** path[ANCHOR] = 1; forwards multiplied by (1 + g), backwards divided. */
function path(rng: Rng, trend: number, noise: number, lo: number, hi: number): number[] {
  const g = Array.from({ length: T }, () => clamp(trend + rng.range(-noise, noise), lo, hi));
  const p = new Array<number>(T).fill(1);
  for (let t = ANCHOR + 1; t < T; t++) p[t] = p[t - 1] * (1 + g[t]);
  for (let t = ANCHOR - 1; t >= 0; t--) p[t] = p[t + 1] / (1 + g[t + 1]);
  return p;
}

const drift = (atAnchor: number, slope: number, lo: number, hi: number) => Array.from({ length: T }, (_, t) => clamp(atAnchor + slope * (t - ANCHOR), lo, hi));

/** Contribution rate on wages (BHXH + BHTN + BHYT, employer + employee), and a voluntary month. */
const CONTRIBUTION_RATE = 0.32;
const VOLUNTARY_MONTHLY = 0.22 * 1_500_000;

/** The 23 quarters of one commune (money year-to-date, late payments a stock). */
export function communeSeries(c: CommuneRef): QuarterFigures[] {
  const rng = rngFor("model", c.code);
  const ward = c.type === "PHUONG";
  const special = c.type === "DAC_KHU";
  const skew = Math.pow(rng.next(), 1.5);
  const population = special ? 2_000 + 40_000 * skew : ward ? 22_000 + 70_000 * skew : 9_000 + 38_000 * skew;
  const labourForce = population * rng.range(0.5, 0.6);
  const retirement = population * rng.range(0.11, 0.16);
  const voluntaryShare = rng.range(0.02, 0.08);
  const compulsoryShare = ward ? rng.range(0.28, 0.52) : rng.range(0.06, 0.32);
  const wage = ward ? rng.range(6.0e6, 7.5e6) : rng.range(4.8e6, 6.0e6);

  const pPop = path(rng, rng.range(0.001, 0.0025), 0.0007, 0, 0.004);
  const pLf = path(rng, rng.range(0.001, 0.003), 0.001, 0, 0.005);
  const pRet = path(rng, rng.range(0.005, 0.009), 0.002, 0.002, 0.012);
  const pComp = path(rng, rng.range(0.01, 0.022), 0.006, 0.004, 0.03);
  const pVol = path(rng, rng.range(0.02, 0.04), 0.015, -0.01, 0.055);
  const pWage = path(rng, rng.range(0.01, 0.018), 0.003, 0.005, 0.025);
  const informal = drift(rng.range(0.86, 0.99), rng.range(-0.001, 0.002), 0.85, 1);
  const bhtnShare = drift(rng.range(0.88, 0.945), rng.range(-0.001, 0.001), 0.86, 0.95);
  const bhytShare = drift(rng.range(0.88, 0.95), rng.range(0.002, 0.005), 0.8, 0.985);
  const pensionShare = drift(rng.range(0.3, 0.58), rng.range(0.001, 0.003), 0.25, 0.6);
  const collectedShare = Array.from({ length: T }, () => rng.range(0.95, 1.01));
  const lateShare: number[] = [];
  let late = rng.range(0.015, 0.04);
  // Wanders between 1% and 5% of the amount due, at most ±12% a quarter (no drop warning).
  for (let t = 0; t < T; t++) lateShare.push((late = clamp(late * (1 + rng.range(-0.12, 0.12)), 0.01, 0.05)));

  // Quarterly flows first, then money made year-to-date.
  const flows = PERIODS.map((_, t) => {
    const lf = round(labourForce * pLf[t]);
    const pop = round(population * pPop[t]);
    const ret = round(retirement * pRet[t]);
    let comp = round(labourForce * compulsoryShare * pComp[t]);
    let vol = round(labourForce * voluntaryShare * pVol[t]);
    // Participants stay within the labour force (a warning otherwise).
    const cap = Math.floor(lf * 0.92);
    if (comp + vol > cap) {
      const k = cap / (comp + vol);
      comp = Math.floor(comp * k);
      vol = Math.floor(vol * k);
    }
    const due = comp * wage * pWage[t] * 3 * CONTRIBUTION_RATE + vol * VOLUNTARY_MONTHLY * 3;
    return {
      labourForce: lf,
      population: pop,
      retirementAgePopulation: ret,
      bhxhCompulsory: comp,
      bhxhVoluntary: vol,
      bhxhVoluntaryInformal: Math.min(vol, round(vol * informal[t])),
      bhtn: Math.min(comp, round(comp * bhtnShare[t])),
      bhyt: Math.min(pop, round(pop * bhytShare[t])),
      pensionRecipients: round(ret * pensionShare[t]),
      due,
      collected: due * collectedShare[t],
    };
  });
  let due = 0;
  let collected = 0;
  return flows.map((f, t) => {
    if (PERIODS[t].quarter === 1) due = collected = 0;
    due += f.due;
    collected += f.collected;
    const recent = flows.slice(Math.max(0, t - 3), t + 1);
    const avgQuarterDue = recent.reduce((s, x) => s + x.due, 0) / recent.length;
    const { due: _d, collected: _c, ...counts } = f;
    const amountDue = thousands(due);
    return {
      ...counts,
      amountDue,
      amountCollected: thousands(collected),
      latePayments: Math.min(amountDue, thousands(avgQuarterDue * lateShare[t])),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Targets

export const TARGET_KEYS = [
  ["bhxhCompulsory", "COUNT"],
  ["bhxhVoluntary", "COUNT"],
  ["bhtn", "COUNT"],
  ["bhyt", "COUNT"],
  ["amountCollected", "COUNT"],
  ["bhxhCoverage", "RATE"],
  ["latePaymentRate", "RATE"],
] as const;

const LATE_RATE: Record<number, number> = { 2025: 0.0255, 2026: 0.025, 2027: 0.024, 2028: 0.0225, 2029: 0.021, 2030: 0.02 };
const sourceOf = (year: number) => (year === 2030 ? "NQ 403/NQ-CP" : `Chỉ tiêu giao năm ${year}`);

interface CountPlan {
  bhxhCompulsory: number;
  bhxhVoluntary: number;
  bhtn: number;
  bhyt: number;
  amountCollected: number;
  labourForce: number;
}

/** A commune's count targets per year, from its end-2025 figures and a growth path of its own. */
export function communePlan(c: CommuneRef, series: QuarterFigures[]): Map<number, CountPlan> {
  const rng = rngFor("targets", c.code);
  const end = series[END_2025];
  const compGrowth = rng.range(1.07, 1.12);
  const volGrowth = rng.range(1.09, 1.16);
  const lfGrowth = series[END_2025].labourForce / Math.max(1, series[END_2025 - 4].labourForce);
  const popGrowth = series[END_2025].population / Math.max(1, series[END_2025 - 4].population);
  const bhtnShare = end.bhtn / Math.max(1, end.bhxhCompulsory);
  const out = new Map<number, CountPlan>();
  for (const year of TARGET_YEARS) {
    const n = year - 2025;
    const lf = end.labourForce * Math.pow(lfGrowth, n);
    const pop = end.population * Math.pow(popGrowth, n);
    // 2025 was set early in the year, around its outcome; later years compound from end-2025.
    const comp = round(end.bhxhCompulsory * (n === 0 ? rng.range(0.95, 1.06) : Math.pow(compGrowth, n)));
    const vol = round(end.bhxhVoluntary * (n === 0 ? rng.range(0.93, 1.1) : Math.pow(volGrowth, n)));
    // Never more participants than 95% of the projected labour force.
    const k = Math.min(1, (0.95 * lf) / Math.max(1, comp + vol));
    const compulsory = round(comp * k);
    out.set(year, {
      bhxhCompulsory: compulsory,
      bhxhVoluntary: round(vol * k),
      bhtn: Math.min(compulsory, round(compulsory * bhtnShare)),
      bhyt: Math.min(round(pop * 0.99), round(end.bhyt * Math.pow(rng.range(1.01, 1.03), n) * (n === 0 ? rng.range(0.98, 1.03) : 1))),
      // Revenue plan: the year's amount due (year-to-date at 31/12) growing ≈ 11% a year, in millions.
      amountCollected: round((end.amountDue * Math.pow(1.11, n) * rng.range(0.97, 1.03)) / 1e6) * 1e6,
      labourForce: lf,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Insertion

type ColumnType = "int" | "smallint" | "bigint" | "float8" | "text" | "timestamptz";

interface Column {
  name: string;
  type: ColumnType;
  /** Cast of the unnested value, for enums. */
  cast?: string;
}

/** INSERT … SELECT FROM unnest(arrays) in batches: one statement per BATCH rows. */
async function bulkInsert(tx: SqlExecutor, table: string, columns: Column[], data: unknown[][]): Promise<void> {
  const n = data[0]?.length ?? 0;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const select = columns.map((c) => (c.cast ? `"${c.name}"::${c.cast}` : `"${c.name}"`)).join(", ");
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS x(${names})`;
  for (let from = 0; from < n; from += BATCH) {
    await tx.query(
      sql,
      data.map((col) => col.slice(from, from + BATCH)),
    );
  }
}

const FIGURE_COLUMNS: [keyof QuarterFigures, string, ColumnType][] = [
  ["labourForce", "labour_force", "int"],
  ["population", "population", "int"],
  ["retirementAgePopulation", "retirement_age_population", "int"],
  ["bhxhCompulsory", "bhxh_compulsory", "int"],
  ["bhxhVoluntary", "bhxh_voluntary", "int"],
  ["bhxhVoluntaryInformal", "bhxh_voluntary_informal", "int"],
  ["bhtn", "bhtn", "int"],
  ["bhyt", "bhyt", "int"],
  ["pensionRecipients", "pension_recipients", "int"],
  ["amountDue", "amount_due", "bigint"],
  ["amountCollected", "amount_collected", "bigint"],
  ["latePayments", "late_payments", "bigint"],
];

const DAY = 86_400_000;

export interface DatasetSummary {
  /** Seconds per step and in total. */
  seconds: { migrate: number; reference: number; villages: number; reports: number; targets: number; analyze: number; total: number };
  rows: Record<string, number>;
  lastPeriod: Period;
  lastQuarterStatuses: Record<string, number>;
}

export interface GeneratedRows {
  reports: unknown[][];
  reportColumns: Column[];
  targets: unknown[][];
  targetColumns: Column[];
  lastQuarterStatuses: Record<string, number>;
}

/** Every report and target row as column arrays (computed in memory, then inserted in bulk). */
export function generateRows(communes: CommuneRef[], provinces: ProvinceRef[]): GeneratedRows {
  const sorted = [...communes].sort((a, b) => a.code.localeCompare(b.code));
  // Last quarter's statuses: a seeded shuffle, then quotas.
  const shuffled = rngFor("last-quarter-status").shuffle(sorted.map((c) => c.code));
  const nSubmitted = round(sorted.length * LAST_QUARTER_SHARES.SUBMITTED);
  const nDraft = round(sorted.length * LAST_QUARTER_SHARES.DRAFT);
  const lastStatus = new Map<string, string>();
  shuffled.forEach((code, i) => lastStatus.set(code, i < nSubmitted ? "SUBMITTED" : i < nSubmitted + nDraft ? "DRAFT" : "APPROVED"));
  const lastQuarterStatuses: Record<string, number> = {};
  for (const s of lastStatus.values()) lastQuarterStatuses[s] = (lastQuarterStatuses[s] ?? 0) + 1;

  const reportColumns: Column[] = [
    { name: "tenant_id", type: "int" },
    { name: "unit_id", type: "int" },
    { name: "year", type: "smallint" },
    { name: "quarter", type: "smallint" },
    { name: "kind", type: "text", cast: `"ReportKind"` },
    { name: "status", type: "text", cast: `"ReportStatus"` },
    { name: "submitted_at", type: "timestamptz" },
    ...FIGURE_COLUMNS.map(([, name, type]) => ({ name, type })),
  ];
  const reports: unknown[][] = reportColumns.map(() => []);
  const targetColumns: Column[] = [
    { name: "tenant_id", type: "int" },
    { name: "unit_id", type: "int" },
    { name: "year", type: "smallint" },
    { name: "key", type: "text" },
    { name: "kind", type: "text", cast: `"TargetKind"` },
    { name: "value", type: "float8" },
    { name: "source", type: "text" },
  ];
  const targets: unknown[][] = targetColumns.map(() => []);
  const pushTarget = (tenantId: number, unitId: number, year: number, key: string, kind: string, value: number) => {
    const row = [tenantId, unitId, year, key, kind, value, sourceOf(year)];
    row.forEach((v, i) => targets[i].push(v));
  };
  const provinceSums = new Map<number, Map<number, CountPlan>>();

  const seriesOf = new Map(sorted.map((c) => [c.code, communeSeries(c)]));
  // Reports in the order a live database receives them: quarter after quarter, every commune
  // reporting in each (so one period's rows sit together on disk, as in production), and within a
  // quarter in the order the communes submitted.
  const submitOrder = new Map(sorted.map((c) => [c.code, rngFor("reports", c.code)]));
  PERIODS.forEach(({ year, quarter }, t) => {
    const rows = sorted.map((c) => {
      const rng = submitOrder.get(c.code)!;
      const days = rng.int(3, 14);
      const minutes = rng.int(60, 599); // 08:00–16:59 in Vietnam
      const status = t === T - 1 ? lastStatus.get(c.code)! : "APPROVED";
      const at = Date.UTC(year, quarter * 3, 0) + days * DAY + minutes * 60_000;
      const f = seriesOf.get(c.code)![t];
      return {
        at,
        row: [c.tenantId, c.id, year, quarter, "ACTUAL", status, status === "DRAFT" ? null : new Date(at).toISOString(), ...FIGURE_COLUMNS.map(([k]) => f[k])],
      };
    });
    rows.sort((a, b) => a.at - b.at);
    for (const { row } of rows) row.forEach((v, i) => reports[i].push(v));
  });

  for (const c of sorted) {
    const series = seriesOf.get(c.code)!;
    const plan = communePlan(c, series);
    const sums = provinceSums.get(c.tenantId) ?? new Map<number, CountPlan>();
    provinceSums.set(c.tenantId, sums);
    for (const year of TARGET_YEARS) {
      const p = plan.get(year)!;
      pushCounts(c.tenantId, c.id, year, p);
      const s = sums.get(year) ?? { bhxhCompulsory: 0, bhxhVoluntary: 0, bhtn: 0, bhyt: 0, amountCollected: 0, labourForce: 0 };
      for (const k of Object.keys(s) as (keyof CountPlan)[]) s[k] += p[k];
      sums.set(year, s);
    }
  }
  for (const p of [...provinces].sort((a, b) => a.code.localeCompare(b.code))) {
    const sums = provinceSums.get(p.id);
    if (!sums) continue;
    for (const year of TARGET_YEARS) pushCounts(p.id, p.id, year, sums.get(year)!);
  }
  return { reports, reportColumns, targets, targetColumns, lastQuarterStatuses };

  function pushCounts(tenantId: number, unitId: number, year: number, p: CountPlan) {
    for (const [key, kind] of TARGET_KEYS) {
      const value =
        key === "bhxhCoverage" ? roundRate((p.bhxhCompulsory + p.bhxhVoluntary) / p.labourForce) : key === "latePaymentRate" ? LATE_RATE[year] : p[key];
      pushTarget(tenantId, unitId, year, key, kind, value);
    }
  }
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/**
 * Migrates an empty database, loads the official unit list, and inserts the villages, reports and
 * targets in one transaction; then VACUUM ANALYZE, as autovacuum would after a load of this size.
 */
export async function generateDataset(db: Database, log: (msg: string) => void = () => {}): Promise<DatasetSummary> {
  const t0 = performance.now();
  let t = performance.now();
  await migrate(db.sql);
  const sMigrate = seconds(t);
  t = performance.now();
  await loadReferenceUnits(db.sql);
  const sReference = seconds(t);
  log(`  migrations ${sMigrate.toFixed(1)} s, 34 provinces + 3,321 communes ${sReference.toFixed(1)} s`);

  const communes = (
    await db.sql.query<{ id: number; code: string; tenant_id: number; type: string }>(
      `SELECT id, code, tenant_id, type::text AS type FROM units WHERE level = 'COMMUNE' AND valid_to IS NULL`,
    )
  ).map((r) => ({ id: Number(r.id), code: r.code, tenantId: Number(r.tenant_id), type: r.type }));
  const provinces = (await db.sql.query<{ id: number; code: string }>(`SELECT id, code FROM units WHERE level = 'PROVINCE'`)).map((r) => ({
    id: Number(r.id),
    code: r.code,
  }));

  const gen = generateRows(communes, provinces);
  let sVillages = 0;
  let sReports = 0;
  let sTargets = 0;
  await db.sql.transaction(async (tx) => {
    t = performance.now();
    await tx.query(
      `INSERT INTO units (code, name, level, type, parent_id, tenant_id, valid_from)
       SELECT c.code || '-' || lpad(g::text, 2, '0'), 'Thôn ' || g, 'VILLAGE', 'THON', c.id, c.tenant_id, DATE '2025-07-01'
       FROM units c CROSS JOIN generate_series(1, ${VILLAGES_PER_COMMUNE}) AS g
       WHERE c.level = 'COMMUNE'
       ORDER BY c.code, g`,
    );
    sVillages = seconds(t);
    log(`  villages ${sVillages.toFixed(1)} s`);
    t = performance.now();
    await bulkInsert(tx, "quarter_reports", gen.reportColumns, gen.reports);
    sReports = seconds(t);
    log(`  quarter reports ${sReports.toFixed(1)} s (${gen.reports[0].length.toLocaleString("en")} rows)`);
    t = performance.now();
    await bulkInsert(tx, "targets", gen.targetColumns, gen.targets);
    sTargets = seconds(t);
    log(`  targets ${sTargets.toFixed(1)} s (${gen.targets[0].length.toLocaleString("en")} rows)`);
  });
  t = performance.now();
  await db.sql.exec(`VACUUM ANALYZE`);
  const sAnalyze = seconds(t);
  log(`  VACUUM ANALYZE ${sAnalyze.toFixed(1)} s`);

  const counts = await db.sql.query<{ t: string; n: number }>(
    `SELECT 'units (nation, provinces, communes)' AS t, count(*)::int AS n FROM units WHERE level <> 'VILLAGE'
     UNION ALL SELECT 'units (villages)', count(*)::int FROM units WHERE level = 'VILLAGE'
     UNION ALL SELECT 'quarter_reports', count(*)::int FROM quarter_reports
     UNION ALL SELECT 'targets', count(*)::int FROM targets`,
  );
  return {
    seconds: {
      migrate: sMigrate,
      reference: sReference,
      villages: sVillages,
      reports: sReports,
      targets: sTargets,
      analyze: sAnalyze,
      total: seconds(t0),
    },
    rows: Object.fromEntries(counts.map((r) => [r.t, Number(r.n)])),
    lastPeriod: { ...LAST_PERIOD },
    lastQuarterStatuses: gen.lastQuarterStatuses,
  };
}
