// Brings a database to a usable state: pending migrations, the official reference units, and
// (when enabled) the demo data. Safe to run on every start: each step is idempotent.
import type { Database } from "./connect";
import { migrate, type MigrationResult } from "./migrate";
import { loadReferenceUnits } from "./reference";
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
  const referenceLoaded = await loadReferenceUnits(db.prisma);
  let demoLoaded = false;
  if (opts.demo && !(await isDemoLoaded(db.prisma))) {
    await loadDemoData(db);
    demoLoaded = true;
  }
  return { migrations, referenceLoaded, demoLoaded, ms: Date.now() - t0 };
}
