// lib/db/migrate.ts must leave `_prisma_migrations` exactly as Prisma Migrate would, apply each
// migration atomically, and never re-run or silently accept an edited migration.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumOf, migrate, MigrationError, readMigrations, type LocalMigration } from "@/lib/db/migrate";
import { dbKinds, freshDatabase, type TestDatabase } from "@/tests/helpers/db";
import { expectedSchemaFromPrisma } from "@/tests/helpers/schema-compare";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Read independently of readMigrations(): every folder holding a migration.sql, in name order.
const migrationDirs = readdirSync(MIGRATIONS_DIR)
  .filter((n) => statSync(path.join(MIGRATIONS_DIR, n)).isDirectory() && existsSync(path.join(MIGRATIONS_DIR, n, "migration.sql")))
  .sort();
const fileChecksum = (name: string) =>
  createHash("sha256")
    .update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql")))
    .digest("hex");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

function local(name: string, script: string): LocalMigration {
  return { name, script, checksum: checksumOf(script) };
}

let schemaTables: string[];
beforeAll(async () => {
  const schema = await expectedSchemaFromPrisma(readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));
  schemaTables = schema.tables.map((t) => t.name);
});

describe.each(dbKinds)("migrate (%s)", (kind) => {
  // One database per kind (PGlite takes seconds to start); each test empties it first.
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function emptyDatabase() {
    await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  }
  async function tables(): Promise<string[]> {
    const rows = await db.sql.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
    // Sorted here, not by the server's collation (which may ignore the leading "_").
    return rows.map((r) => r.name).sort();
  }
  async function migrationRows(): Promise<MigrationRow[]> {
    return db.sql.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
  }

  it("applies every migration to an empty database and records each one as Prisma does", async () => {
    await emptyDatabase();
    const result = await migrate(db.sql);
    expect(result).toEqual({ applied: migrationDirs, alreadyApplied: [], warnings: [] });
    expect(migrationDirs.length).toBeGreaterThan(0);

    expect(await tables()).toEqual([...schemaTables, "_prisma_migrations"].sort());

    const rows = await migrationRows();
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirs);
    for (const r of rows) {
      expect(r.checksum, r.migration_name).toBe(fileChecksum(r.migration_name));
      expect(r.id).toMatch(UUID);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.started_at).toBeInstanceOf(Date);
      expect(r.started_at.getTime()).toBeLessThanOrEqual(r.finished_at!.getTime());
      expect(r.applied_steps_count).toBe(1);
      expect(r.rolled_back_at).toBeNull();
      expect(r.logs).toBeNull();
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("creates _prisma_migrations exactly as Prisma's schema engine does", async () => {
    await emptyDatabase();
    await migrate(db.sql);
    const columns = await db.sql.query(
      `SELECT column_name::text AS name, data_type::text AS type, character_maximum_length::int AS length,
              is_nullable::text AS nullable, column_default::text AS "default"
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { name: "id", type: "character varying", length: 36, nullable: "NO", default: null },
      { name: "checksum", type: "character varying", length: 64, nullable: "NO", default: null },
      { name: "finished_at", type: "timestamp with time zone", length: null, nullable: "YES", default: null },
      { name: "migration_name", type: "character varying", length: 255, nullable: "NO", default: null },
      { name: "logs", type: "text", length: null, nullable: "YES", default: null },
      { name: "rolled_back_at", type: "timestamp with time zone", length: null, nullable: "YES", default: null },
      { name: "started_at", type: "timestamp with time zone", length: null, nullable: "NO", default: "now()" },
      { name: "applied_steps_count", type: "integer", length: null, nullable: "NO", default: "0" },
    ]);
    const constraints = await db.sql.query(
      `SELECT tc.constraint_name::text AS name, tc.constraint_type::text AS type, kcu.column_name::text AS "column"
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
        WHERE tc.table_schema = current_schema() AND tc.table_name = '_prisma_migrations'`,
    );
    expect(constraints).toEqual([{ name: "_prisma_migrations_pkey", type: "PRIMARY KEY", column: "id" }]);
    const indexes = await db.sql.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '_prisma_migrations'`,
    );
    expect(indexes.map((i) => i.name)).toEqual(["_prisma_migrations_pkey"]);
  });

  it("applies nothing when run a second time", async () => {
    await emptyDatabase();
    await migrate(db.sql);
    const before = await migrationRows();
    const second = await migrate(db.sql);
    expect(second).toEqual({ applied: [], alreadyApplied: migrationDirs, warnings: [] });
    expect(await migrationRows()).toEqual(before);
  });

  it("rolls a failing migration back entirely and keeps the earlier ones", async () => {
    await emptyDatabase();
    const bad = local("99990101000000_broken", "CREATE TABLE zzz (id int); SELECT * FROM does_not_exist;");
    const error = await migrate(db.sql, [...readMigrations(), bad]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(bad.name);
    expect((error as MigrationError).message).toContain("does_not_exist");

    expect(await tables()).not.toContain("zzz");
    expect(await tables()).toEqual([...schemaTables, "_prisma_migrations"].sort());
    const rows = await migrationRows();
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirs);
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);

    // The failure leaves nothing behind that blocks the next run, which applies the fixed script.
    expect(await migrate(db.sql)).toEqual({ applied: [], alreadyApplied: migrationDirs, warnings: [] });
    const fixed = local(bad.name, "CREATE TABLE zzz (id int);");
    const again = await migrate(db.sql, [...readMigrations(), fixed]);
    expect(again.applied).toEqual([fixed.name]);
    expect(await tables()).toContain("zzz");
  });

  it("stops at a failing migration: earlier ones of the same run stay applied, later ones do not run", async () => {
    await emptyDatabase();
    const migrations = [
      local("20000101000000_first", "CREATE TABLE first_table (id int);"),
      local("20000102000000_broken", "CREATE TABLE broken_table (id int);\nINSERT INTO broken_table VALUES ('not a number');"),
      local("20000103000000_third", "CREATE TABLE third_table (id int);"),
    ];
    await expect(migrate(db.sql, migrations)).rejects.toMatchObject({ migration: "20000102000000_broken" });
    expect(await tables()).toEqual(["_prisma_migrations", "first_table"]);
    expect((await migrationRows()).map((r) => r.migration_name)).toEqual(["20000101000000_first"]);
  });

  it("warns about a migration edited after it was applied, and does not run it again", async () => {
    await emptyDatabase();
    await migrate(db.sql);
    const before = await migrationRows();
    const [first, ...rest] = readMigrations();
    const edited = local(first.name, `${first.script}\n-- edited after being applied\n`);

    const result = await migrate(db.sql, [edited, ...rest]);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toEqual(migrationDirs);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(first.name);
    expect(result.warnings[0]).toContain("checksum");
    expect(await migrationRows()).toEqual(before);
  });

  it("treats CRLF and LF versions of the same script as unchanged", async () => {
    await emptyDatabase();
    await migrate(db.sql);
    const [first, ...rest] = readMigrations();
    const lf = first.script.replace(/\r\n/g, "\n");
    const crlf = lf.replace(/\n/g, "\r\n");
    expect(crlf).not.toBe(lf);

    // Applied from an LF checkout, read from a CRLF checkout.
    await db.sql.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [checksumOf(lf), first.name]);
    expect((await migrate(db.sql, [local(first.name, crlf), ...rest])).warnings).toEqual([]);

    // Applied from a CRLF checkout, read from an LF checkout.
    await db.sql.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [checksumOf(crlf), first.name]);
    const result = await migrate(db.sql, [local(first.name, lf), ...rest]);
    expect(result).toEqual({ applied: [], alreadyApplied: migrationDirs, warnings: [] });
  });

  it("warns about a migration applied to the database but missing from the folder", async () => {
    await emptyDatabase();
    await migrate(db.sql);
    const result = await migrate(db.sql, []);
    expect(result.applied).toEqual([]);
    expect(result.warnings).toHaveLength(migrationDirs.length);
    migrationDirs.forEach((name, i) => expect(result.warnings[i]).toContain(name));
  });

  it("lets concurrent runs on an empty database apply each migration exactly once", async () => {
    // On PostgreSQL each run gets its own pooled connections, as separate app processes would.
    for (let round = 0; round < 3; round++) {
      await emptyDatabase();
      const results = await Promise.all([migrate(db.sql), migrate(db.sql), migrate(db.sql)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(migrationDirs);
      expect(results.flatMap((r) => r.alreadyApplied)).toHaveLength(2 * migrationDirs.length);
      expect((await migrationRows()).map((r) => r.migration_name)).toEqual(migrationDirs);
    }
  });

  it("refuses to run after a migration Prisma recorded as failed (finished_at NULL)", async () => {
    await emptyDatabase();
    await migrate(db.sql);
    await db.sql.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) VALUES ($1, $2, $3, 0)`, [
      "00000000-0000-4000-8000-000000000000",
      checksumOf("x"),
      "29990101000000_half_done",
    ]);
    await expect(migrate(db.sql)).rejects.toMatchObject({ migration: "29990101000000_half_done" });
    await expect(migrate(db.sql)).rejects.toBeInstanceOf(MigrationError);
  });
});
