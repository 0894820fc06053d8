// Integration tests run on embedded PGlite (in memory) and, when TEST_DATABASE_URL is set, also on
// that PostgreSQL server, each test file in a database of its own that is dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { loadReferenceUnits } from "@/lib/db/reference";

export type DbKind = "pglite" | "postgres";

export const dbKinds: DbKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  /** Drops the per-test database (PostgreSQL) and closes connections. */
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database (no migrations applied). */
export async function freshDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: null });
    return { ...db, destroy: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = await openDatabase({ url: withDatabase(adminUrl, name) });
  return {
    ...db,
    async destroy() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A fresh database with migrations and the official reference units loaded. */
export async function migratedDatabase(kind: DbKind, opts: { reference?: boolean } = {}): Promise<TestDatabase> {
  const db = await freshDatabase(kind);
  await migrate(db.sql);
  if (opts.reference !== false) await loadReferenceUnits(db.prisma);
  return db;
}
