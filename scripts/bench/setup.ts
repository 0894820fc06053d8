// The benchmark's start-up and bulk-write timings (moved here from the test suite, where timings do
// not belong): a first start on an empty database (migrations, official units, demo data: what
// bootstrap() does when `npm run demo` first starts), and city staff saving the 2027 targets of
// Hải Phòng's 114 communes at once. Budgets: first start < 20 s, 114 targets < 5 s.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../lib/db/connect";
import { bootstrap } from "../../lib/db/bootstrap";
import { saveTargets } from "../../lib/targets/service";
import type { Actor } from "../../lib/figures/service";
import { summarize, type Timing } from "./stats";

export const SETUP_BUDGETS = { bootstrapMs: 20_000, targets114Ms: 5_000 };

export interface SetupResult {
  database: "PostgreSQL" | "PGlite";
  operation: string;
  key: "bootstrap" | "targets114";
  timing: Timing;
  budgetMs: number;
}

async function withFreshDatabase<T>(kind: "PostgreSQL" | "PGlite", adminUrl: string | null, fn: (db: Database) => Promise<T>): Promise<T> {
  if (kind === "PGlite") {
    const db = await openDatabase({ dataDir: null });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  const name = `bench_setup_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl! });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl!);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString() });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** First start (3 fresh databases), then 5 saves of 114 communes' targets on the last one. */
export async function benchSetup(kind: "PostgreSQL" | "PGlite", adminUrl: string | null, log: (m: string) => void): Promise<SetupResult[]> {
  const starts: number[] = [];
  const targetTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    await withFreshDatabase(kind, adminUrl, async (db) => {
      const t0 = performance.now();
      await bootstrap(db, { demo: true });
      starts.push(performance.now() - t0);
      if (run < 2) return;
      const staffRow = await db.prisma.user.findUniqueOrThrow({ where: { username: "bhxh.haiphong" } });
      const staff: Actor = { id: staffRow.id, role: staffRow.role, tenantId: staffRow.tenantId, unitId: staffRow.unitId };
      const communes = await db.prisma.unit.findMany({ where: { tenantId: staffRow.tenantId!, level: "COMMUNE", validTo: null }, select: { code: true } });
      const versions = new Map<string, number>();
      for (let i = 0; i < 5; i++) {
        const entries = communes.map((c, j) => ({
          unitCode: c.code,
          key: "bhxhCompulsory" as const,
          value: 10_000 + j + i,
          version: versions.get(c.code) ?? 0,
        }));
        const t0 = performance.now();
        await saveTargets(db.prisma, staff, { year: 2027, source: "benchmark (minh họa)", entries });
        targetTimes.push(performance.now() - t0);
        const saved = await db.prisma.target.findMany({
          where: { year: 2027, key: "bhxhCompulsory", tenantId: staffRow.tenantId! },
          select: { unit: { select: { code: true } }, version: true },
        });
        for (const s of saved) versions.set(s.unit.code, s.version);
      }
    });
    log(`  ${kind} · first start ${run + 1}/3: ${(starts[run] / 1000).toFixed(1)} s`);
  }
  return [
    {
      database: kind,
      key: "bootstrap",
      operation: "first start on an empty database: migrations, 3,321 official units, demo data",
      timing: summarize(starts),
      budgetMs: SETUP_BUDGETS.bootstrapMs,
    },
    {
      database: kind,
      key: "targets114",
      operation: "city staff save the 2027 targets of 114 communes at once",
      timing: summarize(targetTimes),
      budgetMs: SETUP_BUDGETS.targets114Ms,
    },
  ];
}

export function setupMarkdown(results: SetupResult[]): string[] {
  if (!results.length) return [];
  const L = [``, `## Start-up and bulk writes`, ``, `| database | operation | runs | median ms | max ms | budget | ok |`, `|---|---|---:|---:|---:|---:|:-:|`];
  for (const r of results)
    L.push(
      `| ${r.database} | ${r.operation} | ${r.timing.runs} | ${r.timing.medianMs.toFixed(0)} | ${r.timing.maxMs.toFixed(0)} | < ${r.budgetMs} ms | ${r.timing.maxMs < r.budgetMs ? "✓" : "✗"} |`,
    );
  return L;
}
