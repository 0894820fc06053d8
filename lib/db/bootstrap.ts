// Brings a database to a usable state: pending migrations, the official reference units and targets, and
// (when enabled) the demo data. Safe to run on every start: each step is idempotent.
import type { Database } from "./connect";
import { migrate, type MigrationResult } from "./migrate";
import { loadReferenceTargets, loadReferenceUnits } from "./reference";
import { isDemoLoaded } from "./settings";
import { loadDemoData } from "../demo/load";

export interface BootstrapReport {
  migrations: MigrationResult;
  referenceLoaded: boolean;
  demoLoaded: boolean;
  ms: number;
}

/** Advisory lock held while one instance brings a shared PostgreSQL up to date (not Prisma's migration key). */
export const STARTUP_LOCK_KEY = 72707370;

/**
 * Several app instances on one PostgreSQL (issue 16) start at once: the whole start-up (migrations,
 * reference data, demo data) runs under one advisory lock, so exactly one instance does each step and
 * the others wait, then find it done. The lock is transaction-scoped on a connection of its own and
 * ends with it (a crashed instance never leaves it held). PGlite is one process: no lock.
 */
export async function bootstrap(db: Database, opts: { demo: boolean }): Promise<BootstrapReport> {
  if (db.kind !== "postgres") return bootstrapSteps(db, opts);
  return db.sql.transaction(async (lock) => {
    await lock.query(`SELECT pg_advisory_xact_lock(${STARTUP_LOCK_KEY})`);
    return bootstrapSteps(db, opts);
  });
}

async function bootstrapSteps(db: Database, opts: { demo: boolean }): Promise<BootstrapReport> {
  const t0 = Date.now();
  const migrations = await migrate(db.sql);
  const referenceLoaded = await loadReferenceUnits(db.sql);
  await loadReferenceTargets(db.sql); // the official targets (Resolution 403, seed 003): every install
  let demoLoaded = false;
  if (opts.demo && !(await isDemoLoaded(db.prisma))) {
    await loadDemoData(db);
    demoLoaded = true;
  }
  return { migrations, referenceLoaded, demoLoaded, ms: Date.now() - t0 };
}
