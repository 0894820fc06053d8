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

export async function bootstrap(db: Database, opts: { demo: boolean }): Promise<BootstrapReport> {
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
