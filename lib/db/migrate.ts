// Applies the SQL migrations of prisma/migrations and records them in `_prisma_migrations`
// exactly as Prisma Migrate does (same table, same sha256 checksum, same timestamps), so that
// `prisma migrate deploy/status` agree on a machine where Prisma's schema engine can run.
// Each migration runs in one transaction together with its bookkeeping row: a migration that
// fails leaves the database as it was. See docs/decisions/0002-migrations.md.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import type { SqlExecutor } from "./connect";

export interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
  warnings: string[];
}

export class MigrationError extends Error {
  constructor(
    public readonly migration: string,
    public readonly cause: unknown,
  ) {
    const msg = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} thất bại (failed), cơ sở dữ liệu giữ nguyên: ${msg}`);
  }
}

/** Prisma's checksum: sha256 of the script, lowercase hex. */
export function checksumOf(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

/** Line-ending agnostic comparison, as Prisma's schema engine does. */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  return [script, script.replace(/\r\n/g, "\n"), script.replace(/\n/g, "\r\n")].some((s) => checksumOf(s) === checksum);
}

export const DEFAULT_MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): LocalMigration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`Không tìm thấy thư mục migrations: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((n) => statSync(/*turbopackIgnore: true*/ path.join(dir, n)).isDirectory())
    .sort()
    .filter((n) => existsSync(/*turbopackIgnore: true*/ path.join(dir, n, "migration.sql")))
    .map((name) => {
      const script = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: checksumOf(script) };
    });
}

// The table exactly as Prisma's schema engine creates it on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Same advisory lock key as Prisma Migrate, so the two never run at once on one server.
const LOCK_KEY = 72707369;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrate(sql: SqlExecutor, migrations: LocalMigration[] = readMigrations()): Promise<MigrationResult> {
  const result: MigrationResult = { applied: [], alreadyApplied: [], warnings: [] };
  const useLock = sql.kind === "postgres";
  // Session-level advisory locks need one connection: run everything in a transaction-scoped lock.
  // Under the lock too: two CREATE TABLE IF NOT EXISTS racing on an empty database collide
  // ("duplicate key value violates unique constraint pg_type_typname_nsp_index").
  await sql.transaction(async (tx) => {
    if (useLock) await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.exec(CREATE_MIGRATIONS_TABLE);
  });
  const rows = await sql.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(failed.migration_name, new Error("một lần chạy trước đã dừng giữa chừng; hãy xử lý bằng `prisma migrate resolve`"));
  }
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
  const local = new Set(migrations.map((m) => m.name));
  for (const r of done.values()) {
    if (!local.has(r.migration_name)) {
      result.warnings.push(`Migration ${r.migration_name} đã chạy trên cơ sở dữ liệu nhưng không có trong thư mục migrations`);
    }
  }
  for (const m of migrations) {
    const row = done.get(m.name);
    if (row) {
      if (!scriptMatchesChecksum(m.script, row.checksum)) {
        result.warnings.push(`Migration ${m.name} đã bị sửa sau khi chạy (checksum khác)`);
      }
      result.alreadyApplied.push(m.name);
      continue;
    }
    try {
      const applied = await sql.transaction(async (tx) => {
        if (useLock) await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
        // Another process may have applied it while we waited for the lock.
        const again = await tx.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, [
          m.name,
        ]);
        if (again.length > 0) return false;
        const id = randomUUID();
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)`,
          [id, m.checksum, m.name],
        );
        await tx.exec(m.script);
        await tx.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
        return true;
      });
      (applied ? result.applied : result.alreadyApplied).push(m.name);
    } catch (e) {
      throw new MigrationError(m.name, e);
    }
  }
  return result;
}
