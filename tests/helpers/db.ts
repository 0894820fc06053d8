// Integration tests run on embedded PGlite (in memory) and, when TEST_DATABASE_URL is set, also on
// that PostgreSQL server. Each test file gets a database of its own, copied from the run's prepared
// databases (tests/helpers/templates.ts) and dropped afterwards.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { adminQuery, withDatabase, type TemplateName } from "./templates";

export type DbKind = "pglite" | "postgres";

export const dbKinds: DbKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  /** Drops the per-test database (PostgreSQL) and closes connections. */
  destroy(): Promise<void>;
}

const uniqueName = () => `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;

async function openPostgres(name: string): Promise<TestDatabase> {
  const db = await openDatabase({ url: withDatabase(process.env.TEST_DATABASE_URL!, name) });
  return {
    ...db,
    async destroy() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A fresh, empty database (no migrations applied). */
export async function freshDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: null });
    return { ...db, destroy: () => db.close() };
  }
  const name = uniqueName();
  await adminQuery(`CREATE DATABASE "${name}"`);
  return openPostgres(name);
}

async function copyOf(kind: DbKind, template: TemplateName): Promise<TestDatabase> {
  const templates = inject("templates");
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: null, loadDataDir: new Blob([readFileSync(templates.pglite[template])]) });
    return { ...db, destroy: () => db.close() };
  }
  if (!templates.postgres) throw new Error("TEST_DATABASE_URL was set after the run started");
  const name = uniqueName();
  // Two files may copy the same template at once; PostgreSQL refuses while the template is busy (55006).
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${templates.postgres[template]}"`);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  return openPostgres(name);
}

/**
 * A database with the migrations applied and the official reference units loaded (`reference: false`:
 * migrations only); `demo: true` adds the demo data. Copied from the run's prepared databases.
 */
export async function migratedDatabase(kind: DbKind, opts: { reference?: boolean; demo?: boolean } = {}): Promise<TestDatabase> {
  if (opts.reference === false) {
    const db = await freshDatabase(kind);
    await migrate(db.sql);
    return db;
  }
  return copyOf(kind, opts.demo ? "demo" : "reference");
}
