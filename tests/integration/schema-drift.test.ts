// Fails when prisma/migrations and prisma/schema.prisma disagree. Prisma's native schema engine
// (`prisma migrate diff`) cannot run here, so: apply every migration to an empty database,
// describe it through pg_catalog, and compare with what Prisma Migrate would create for
// schema.prisma (parsed by Prisma's own WASM parser). See tests/helpers/schema-compare.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlExecutor } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { dbKinds, freshDatabase, type TestDatabase } from "@/tests/helpers/db";
import {
  compareSchemas,
  constraintNames,
  expectedSchemaFromPrisma,
  formatDifferences,
  introspectDatabase,
  parseDefaultSql,
  shortType,
  type SchemaShape,
} from "@/tests/helpers/schema-compare";

const schemaText = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");

let expected: SchemaShape;
beforeAll(async () => {
  expected = await expectedSchemaFromPrisma(schemaText);
});

class Rollback extends Error {}

/** Runs fn in a transaction that is always rolled back (PostgreSQL DDL is transactional). */
async function withRollback<T>(sql: SqlExecutor, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  let result: { value: T } | null = null;
  try {
    await sql.transaction(async (tx) => {
      result = { value: await fn(tx) };
      throw new Rollback("rollback");
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (!result) throw new Error("transaction did not run");
  return (result as { value: T }).value;
}

/** Replaces exactly one match in schema.prisma, so a test never silently edits nothing. */
function edit(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.replace("g", "") + "g")) ?? [];
  if (matches.length !== 1) throw new Error(`expected one match of ${pattern} in schema.prisma, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

const beforeUnitsMap = (lines: string) => (text: string) => edit(text, /^(\s*)@@map\("units"\)/m, `$1${lines}\n$1@@map("units")`);

// Each statement changes the migrated database; the comparison must report exactly these lines.
const DATABASE_DRIFT: { sql: string; differences: string[] }[] = [
  {
    sql: `ALTER TABLE units ALTER COLUMN name DROP NOT NULL`,
    differences: ["column units.name: schema says varchar(200) NOT NULL, database has varchar(200) NULL"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN name TYPE text`,
    differences: ["column units.name: schema says varchar(200) NOT NULL, database has text NOT NULL"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN code TYPE varchar(40)`,
    differences: ["column units.code: schema says varchar(32) NOT NULL, database has varchar(40) NOT NULL"],
  },
  {
    sql: `ALTER TABLE quarter_reports ALTER COLUMN year TYPE integer`,
    differences: ["column quarter_reports.year: schema says smallint NOT NULL, database has integer NOT NULL"],
  },
  {
    sql: `ALTER TABLE quarter_reports ALTER COLUMN amount_due TYPE integer`,
    differences: ["column quarter_reports.amount_due: schema says bigint NULL, database has integer NULL"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN created_at TYPE timestamptz(6)`,
    differences: ["column units.created_at: schema says timestamptz(3) NOT NULL, database has timestamptz(6) NOT NULL"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN created_at TYPE timestamp(3)`,
    differences: ["column units.created_at: schema says timestamptz(3) NOT NULL, database has timestamp(3) NOT NULL"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN valid_to TYPE timestamp(3)`,
    differences: ["column units.valid_to: schema says date NULL, database has timestamp(3) NULL"],
  },
  {
    sql: `ALTER TABLE targets ALTER COLUMN value TYPE real`,
    differences: ["column targets.value: schema says double precision NOT NULL, database has real NOT NULL"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN level TYPE text`,
    differences: ['column units.level: schema says enum "UnitLevel" NOT NULL, database has text NOT NULL'],
  },
  {
    sql: `ALTER TYPE "UnitLevel" ADD VALUE 'HAMLET'`,
    differences: ['enum "UnitLevel": schema says values (NATION, PROVINCE, COMMUNE, VILLAGE), database has (NATION, PROVINCE, COMMUNE, VILLAGE, HAMLET)'],
  },
  {
    sql: `CREATE TYPE "Extra" AS ENUM ('A', 'B')`,
    differences: ['enum "Extra": in database (A, B) but not in schema'],
  },
  {
    sql: `ALTER TABLE units ADD COLUMN note text`,
    differences: ["column units.note: in database (text NULL) but not in schema"],
  },
  {
    sql: `ALTER TABLE users DROP COLUMN active`,
    differences: ["column users.active: in schema (boolean NOT NULL) but missing from database"],
  },
  {
    sql: `ALTER TABLE users RENAME COLUMN full_name TO fullname`,
    differences: [
      "column users.full_name: in schema (varchar(200) NOT NULL) but missing from database",
      "column users.fullname: in database (varchar(200) NOT NULL) but not in schema",
    ],
  },
  {
    sql: `ALTER TABLE quarter_reports ALTER COLUMN version SET DEFAULT 2`,
    differences: ["column quarter_reports.version: schema says DEFAULT 1, database has DEFAULT 2"],
  },
  {
    sql: `ALTER TABLE quarter_reports ALTER COLUMN status SET DEFAULT 'SUBMITTED'`,
    differences: ["column quarter_reports.status: schema says DEFAULT 'DRAFT', database has DEFAULT 'SUBMITTED'"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN created_at DROP DEFAULT`,
    differences: ["column units.created_at: schema says DEFAULT CURRENT_TIMESTAMP, database has no default"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN valid_from SET DEFAULT '2025-01-01'::date`,
    differences: ["column units.valid_from: schema says DEFAULT '2025-07-01', database has DEFAULT '2025-01-01'"],
  },
  {
    sql: `ALTER TABLE units ALTER COLUMN id DROP DEFAULT`,
    differences: ["column units.id: schema says DEFAULT nextval('units_id_seq'), database has no default"],
  },
  {
    sql: `ALTER TABLE targets ALTER COLUMN source SET DEFAULT 'x'`,
    differences: ["column targets.source: schema says no default, database has DEFAULT 'x'"],
  },
  {
    sql: `DROP INDEX units_parent_id_idx`,
    differences: ["index units.units_parent_id_idx: in schema (parent_id) but missing from database"],
  },
  {
    sql: `ALTER INDEX units_parent_id_idx RENAME TO units_parent_idx`,
    differences: [
      "index units.units_parent_id_idx: in schema (parent_id) but missing from database (database has the same index named units_parent_idx)",
      "index units.units_parent_idx: in database (parent_id) but not in schema",
    ],
  },
  {
    sql: `DROP INDEX users_username_key; CREATE INDEX users_username_key ON users (username)`,
    differences: ["index users.users_username_key: schema says UNIQUE (username), database has (username)"],
  },
  {
    sql: `DROP INDEX units_tenant_id_level_idx; CREATE INDEX units_tenant_id_level_idx ON units (level, tenant_id)`,
    differences: ["index units.units_tenant_id_level_idx: schema says (tenant_id, level), database has (level, tenant_id)"],
  },
  {
    sql: `DROP INDEX units_parent_id_idx; CREATE INDEX units_parent_id_idx ON units USING hash (parent_id)`,
    differences: ["index units.units_parent_id_idx: schema says (parent_id), database has (parent_id) USING hash"],
  },
  {
    sql: `DROP INDEX units_parent_id_idx; CREATE INDEX units_parent_id_idx ON units (parent_id DESC)`,
    differences: ["index units.units_parent_id_idx: schema says (parent_id), database has (parent_id DESC)"],
  },
  {
    sql: `DROP INDEX units_parent_id_idx; CREATE INDEX units_parent_id_idx ON units (parent_id) WHERE valid_to IS NULL`,
    differences: ["index units.units_parent_id_idx: schema says (parent_id), database has (parent_id) WHERE (valid_to IS NULL)"],
  },
  {
    sql: `CREATE INDEX targets_year_idx ON targets (year)`,
    differences: ["index targets.targets_year_idx: in database (year) but not in schema"],
  },
  {
    sql: `ALTER TABLE users ADD CONSTRAINT users_full_name_key UNIQUE (full_name)`,
    differences: ["index users.users_full_name_key: in database UNIQUE (full_name) but not in schema"],
  },
  {
    sql: `ALTER TABLE users DROP CONSTRAINT users_unit_id_fkey`,
    differences: ["foreign key users.users_unit_id_fkey: in schema (unit_id) -> units(id) ON DELETE RESTRICT ON UPDATE CASCADE but missing from database"],
  },
  {
    sql: `ALTER TABLE users DROP CONSTRAINT users_unit_id_fkey;
          ALTER TABLE users ADD CONSTRAINT users_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES units(id) ON DELETE CASCADE ON UPDATE CASCADE`,
    differences: [
      "foreign key users.users_unit_id_fkey: schema says (unit_id) -> units(id) ON DELETE RESTRICT ON UPDATE CASCADE, database has (unit_id) -> units(id) ON DELETE CASCADE ON UPDATE CASCADE",
    ],
  },
  {
    sql: `ALTER TABLE targets DROP CONSTRAINT targets_unit_id_fkey;
          ALTER TABLE targets ADD CONSTRAINT targets_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES units(id) ON DELETE RESTRICT`,
    differences: [
      "foreign key targets.targets_unit_id_fkey: schema says (unit_id) -> units(id) ON DELETE RESTRICT ON UPDATE CASCADE, database has (unit_id) -> units(id) ON DELETE RESTRICT ON UPDATE NO ACTION",
    ],
  },
  {
    sql: `ALTER TABLE users DROP CONSTRAINT users_tenant_id_fkey;
          ALTER TABLE users ADD CONSTRAINT users_tenant_id_fkey FOREIGN KEY (unit_id) REFERENCES units(id) ON DELETE RESTRICT ON UPDATE CASCADE`,
    differences: [
      "foreign key users.users_tenant_id_fkey: schema says (tenant_id) -> units(id) ON DELETE RESTRICT ON UPDATE CASCADE, database has (unit_id) -> units(id) ON DELETE RESTRICT ON UPDATE CASCADE",
    ],
  },
  {
    sql: `ALTER TABLE quarter_reports ADD CONSTRAINT quarter_reports_extra_fkey FOREIGN KEY (tenant_id) REFERENCES units(id)`,
    differences: [
      "foreign key quarter_reports.quarter_reports_extra_fkey: in database (tenant_id) -> units(id) ON DELETE NO ACTION ON UPDATE NO ACTION but not in schema",
    ],
  },
  {
    sql: `ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_pkey`,
    differences: ["primary key of login_throttle: schema says login_throttle_pkey (username), database has none"],
  },
  {
    sql: `ALTER TABLE system_settings RENAME CONSTRAINT system_settings_pkey TO settings_pkey`,
    differences: ["primary key of system_settings: schema says system_settings_pkey (key), database has settings_pkey (key)"],
  },
  {
    sql: `CREATE TABLE extra (id integer PRIMARY KEY)`,
    differences: ["table extra: in database but not in schema"],
  },
  {
    sql: `DROP TABLE system_settings`,
    differences: ["table system_settings: in schema but missing from database"],
  },
];

// Each edit changes schema.prisma but not the migrations; the comparison must report exactly these lines.
const SCHEMA_DRIFT: { name: string; change: (text: string) => string; differences: string[] }[] = [
  {
    name: "a new optional field",
    change: beforeUnitsMap(`note String?`),
    differences: ["column units.note: in schema (text NULL) but missing from database"],
  },
  {
    name: "a field renamed with @map",
    change: (t) => edit(t, /@map\("full_name"\)/, `@map("display_name")`),
    differences: [
      "column users.display_name: in schema (varchar(200) NOT NULL) but missing from database",
      "column users.full_name: in database (varchar(200) NOT NULL) but not in schema",
    ],
  },
  {
    name: "a longer @db.VarChar",
    change: (t) => edit(t, /^(\s*name\s+String\s+@db\.VarChar\()\d+\)/m, "$1300)"),
    differences: ["column units.name: schema says varchar(300) NOT NULL, database has varchar(200) NOT NULL"],
  },
  {
    name: "a required field made optional",
    change: (t) => edit(t, /^(\s*quarter\s+)Int(\s+@db\.SmallInt\n\s*kind\s+ReportKind)/m, "$1Int?$2"),
    differences: ["column quarter_reports.quarter: schema says smallint NULL, database has smallint NOT NULL"],
  },
  {
    name: "Float changed to Decimal",
    change: (t) => edit(t, /^(\s*value\s+)Float\b(?=[\s\S]*model Milestone )/m, "$1Decimal"),
    differences: ["column targets.value: schema says numeric(65,30) NOT NULL, database has double precision NOT NULL"],
  },
  {
    name: "a changed @default",
    change: (t) => edit(t, /^(\s*version\s+Int\s+@default\()1\)(?=[\s\S]*model Target )/m, "$12)"),
    differences: ["column quarter_reports.version: schema says DEFAULT 2, database has DEFAULT 1"],
  },
  {
    name: "a new enum value",
    change: (t) => edit(t, /(enum UnitLevel \{[^}]*?)\n\}/, "$1\n  HAMLET\n}"),
    differences: ['enum "UnitLevel": schema says values (NATION, PROVINCE, COMMUNE, VILLAGE, HAMLET), database has (NATION, PROVINCE, COMMUNE, VILLAGE)'],
  },
  {
    name: "a new @@index",
    change: beforeUnitsMap(`@@index([validTo])`),
    differences: ["index units.units_valid_to_idx: in schema (valid_to) but missing from database"],
  },
  {
    name: "a new @unique",
    change: (t) => edit(t, /^(\s*code\s+String\s+@db\.VarChar\(\d+\))/m, "$1 @unique"),
    differences: ["index units.units_code_key: in schema UNIQUE (code) but missing from database"],
  },
  {
    name: "onDelete removed from an optional relation (Prisma's default is then SetNull)",
    change: (t) => edit(t, /(\bunit\s+Unit\?\s+@relation\("UserUnit"[^)]*?),\s*onDelete:\s*Restrict\)/, "$1)"),
    differences: [
      "foreign key users.users_unit_id_fkey: schema says (unit_id) -> units(id) ON DELETE SET NULL ON UPDATE CASCADE, database has (unit_id) -> units(id) ON DELETE RESTRICT ON UPDATE CASCADE",
    ],
  },
  {
    name: "a table renamed with @@map",
    change: (t) => edit(t, /@@map\("system_settings"\)/, `@@map("settings")`),
    differences: ["table settings: in schema but missing from database", "table system_settings: in database but not in schema"],
  },
  {
    name: "a new model",
    change: (t) =>
      beforeUnitsMap(`scratchNotes ScratchNote[]`)(t) +
      `\nmodel ScratchNote {\n  id     BigInt   @id @default(autoincrement())\n  unitId Int      @map("unit_id")\n  unit   Unit     @relation(fields: [unitId], references: [id])\n\n  @@map("scratch_notes")\n}\n`,
    differences: ["table scratch_notes: in schema but missing from database"],
  },
];

describe("schema comparison helpers", () => {
  it("uses Prisma's default constraint names, shortened to 63 bytes", () => {
    expect(constraintNames.primaryKey("units")).toBe("units_pkey");
    expect(constraintNames.unique("units", ["code", "valid_from"])).toBe("units_code_valid_from_key");
    expect(constraintNames.index("units", ["parent_id"])).toBe("units_parent_id_idx");
    expect(constraintNames.foreignKey("units", ["parent_id"])).toBe("units_parent_id_fkey");
    expect(constraintNames.sequence("units", "id")).toBe("units_id_seq");
    const long = "t".repeat(40);
    expect(constraintNames.primaryKey("p".repeat(70))).toBe("p".repeat(58) + "_pkey");
    expect(constraintNames.index(long, ["c".repeat(30)])).toBe(`${long}_${"c".repeat(18)}_idx`);
    expect(constraintNames.foreignKey(long, ["c".repeat(30)])).toHaveLength(63);
    expect(constraintNames.sequence("s".repeat(60), "id")).toBe(`${"s".repeat(56)}_id_seq`);
  });

  it("shortens PostgreSQL type names", () => {
    expect(shortType("character varying(200)")).toBe("varchar(200)");
    expect(shortType("character varying")).toBe("varchar");
    expect(shortType("character(2)")).toBe("char(2)");
    expect(shortType("timestamp(3) with time zone")).toBe("timestamptz(3)");
    expect(shortType("timestamp with time zone")).toBe("timestamptz(6)");
    expect(shortType("timestamp(3) without time zone")).toBe("timestamp(3)");
    expect(shortType("time without time zone")).toBe("time(6)");
    expect(shortType("text[]")).toBe("text[]");
    expect(shortType("double precision")).toBe("double precision");
    expect(shortType("numeric(65,30)")).toBe("numeric(65,30)");
  });

  it("classifies default expressions as PostgreSQL stores them", () => {
    expect(parseDefaultSql(null)).toEqual({ kind: "none" });
    expect(parseDefaultSql(`nextval('units_id_seq'::regclass)`)).toEqual({ kind: "sequence", sequence: "units_id_seq" });
    expect(parseDefaultSql(`nextval('"Weird_id_seq"'::regclass)`)).toEqual({ kind: "sequence", sequence: "Weird_id_seq" });
    expect(parseDefaultSql("CURRENT_TIMESTAMP")).toEqual({ kind: "now" });
    expect(parseDefaultSql("now()")).toEqual({ kind: "now" });
    expect(parseDefaultSql(`'ACTUAL'::"ReportKind"`)).toEqual({ kind: "literal", value: "ACTUAL" });
    expect(parseDefaultSql(`'it''s'::character varying`)).toEqual({ kind: "literal", value: "it's" });
    expect(parseDefaultSql(`'2025-07-01'::date`)).toEqual({ kind: "literal", value: "2025-07-01" });
    expect(parseDefaultSql(`'-3'::integer`)).toEqual({ kind: "literal", value: "-3" });
    expect(parseDefaultSql("(-3)")).toEqual({ kind: "literal", value: "-3" });
    expect(parseDefaultSql("1.5")).toEqual({ kind: "literal", value: "1.5" });
    expect(parseDefaultSql("true")).toEqual({ kind: "literal", value: "true" });
    expect(parseDefaultSql("NULL::text")).toEqual({ kind: "none" });
    expect(parseDefaultSql("gen_random_uuid()")).toEqual({ kind: "expression", sql: "gen_random_uuid()" });
  });

  it("derives tables, keys, names and relation defaults from a schema", async () => {
    const shape = await expectedSchemaFromPrisma(`
      datasource db {
        provider = "postgresql"
      }
      enum Color {
        RED   @map("red")
        GREEN
        @@map("color")
      }
      model Post {
        id        BigInt   @id @default(autoincrement())
        title     String   @default("untitled") @db.VarChar(80)
        color     Color    @default(RED)
        tags      String[]
        at        DateTime @default(now())
        authorId  Int      @map("author_id")
        editorId  Int?
        author    Author   @relation("Wrote", fields: [authorId], references: [id])
        editor    Author?  @relation("Edited", fields: [editorId], references: [id], onUpdate: Restrict, map: "post_editor_fk")
        labels    Label[]
        @@unique([authorId, title], map: "post_author_title")
        @@index([at(sort: Desc)])
        @@map("posts")
      }
      model Author {
        id     Int    @id @default(autoincrement())
        wrote  Post[] @relation("Wrote")
        edited Post[] @relation("Edited")
      }
      model Label {
        name  String @id
        posts Post[]
      }
    `);
    const posts = shape.tables.find((t) => t.name === "posts")!;
    expect(posts.columns).toEqual([
      { name: "id", type: "bigint", nullable: false, default: { kind: "sequence", sequence: "posts_id_seq" } },
      { name: "title", type: "varchar(80)", nullable: false, default: { kind: "literal", value: "untitled" } },
      { name: "color", type: 'enum "color"', nullable: false, default: { kind: "literal", value: "red" } },
      { name: "tags", type: "text[]", nullable: true, default: { kind: "none" } },
      { name: "at", type: "timestamp(3)", nullable: false, default: { kind: "now" } },
      { name: "author_id", type: "integer", nullable: false, default: { kind: "none" } },
      { name: "editorId", type: "integer", nullable: true, default: { kind: "none" } },
    ]);
    expect(posts.primaryKey).toEqual({ name: "posts_pkey", columns: ["id"] });
    expect(posts.indexes).toEqual([
      { name: "posts_at_idx", columns: ["at"], unique: false, method: "btree", descending: [true], predicate: null },
      { name: "post_author_title", columns: ["author_id", "title"], unique: true, method: "btree", descending: [false, false], predicate: null },
    ]);
    expect(posts.foreignKeys).toEqual([
      { name: "posts_author_id_fkey", columns: ["author_id"], referencedTable: "Author", referencedColumns: ["id"], onDelete: "RESTRICT", onUpdate: "CASCADE" },
      { name: "post_editor_fk", columns: ["editorId"], referencedTable: "Author", referencedColumns: ["id"], onDelete: "SET NULL", onUpdate: "RESTRICT" },
    ]);
    expect(shape.enums).toEqual([{ name: "color", values: ["red", "GREEN"] }]);
    // Implicit many-to-many: "_LabelToPost", column A -> Label (sorts first), B -> posts.
    expect(shape.tables.find((t) => t.name === "_LabelToPost")).toEqual({
      name: "_LabelToPost",
      columns: [
        { name: "A", type: "text", nullable: false, default: { kind: "none" } },
        { name: "B", type: "bigint", nullable: false, default: { kind: "none" } },
      ],
      primaryKey: { name: "_LabelToPost_AB_pkey", columns: ["A", "B"] },
      indexes: [{ name: "_LabelToPost_B_index", columns: ["B"], unique: false, method: "btree", descending: [false], predicate: null }],
      foreignKeys: [
        { name: "_LabelToPost_A_fkey", columns: ["A"], referencedTable: "Label", referencedColumns: ["name"], onDelete: "CASCADE", onUpdate: "CASCADE" },
        { name: "_LabelToPost_B_fkey", columns: ["B"], referencedTable: "posts", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: "CASCADE" },
      ],
    });
  });

  it("every schema edit used below applies to the current schema.prisma", () => {
    for (const c of SCHEMA_DRIFT) expect(c.change(schemaText), c.name).not.toBe(schemaText);
  });
});

describe.each(dbKinds)("migrations agree with schema.prisma (%s)", (kind) => {
  let db: TestDatabase;
  let actual: SchemaShape;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await migrate(db.sql);
    actual = await introspectDatabase(db.sql);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("the migrated database has exactly what schema.prisma declares", () => {
    // Guard against two empty descriptions agreeing.
    expect(expected.tables.length).toBeGreaterThan(0);
    expect(actual.tables.map((t) => t.name).sort()).toEqual(expected.tables.map((t) => t.name).sort());
    const differences = compareSchemas(expected, actual);
    expect(differences, formatDifferences(differences)).toEqual([]);
  });

  describe("reports a database that drifted from the schema", () => {
    it.each(DATABASE_DRIFT.map((c) => [c.sql.replace(/\s+/g, " "), c] as const))("%s", async (_, { sql, differences }) => {
      const found = await withRollback(db.sql, async (tx) => {
        await tx.exec(sql);
        return compareSchemas(expected, await introspectDatabase(tx));
      });
      expect(found).toEqual(differences);
    });

    it("left the database as migrated (every change above was rolled back)", async () => {
      expect(compareSchemas(expected, await introspectDatabase(db.sql))).toEqual([]);
    });
  });

  describe("reports a schema.prisma edited without a migration", () => {
    it.each(SCHEMA_DRIFT.map((c) => [c.name, c] as const))("%s", async (_, { change, differences }) => {
      const edited = await expectedSchemaFromPrisma(change(schemaText));
      expect(compareSchemas(edited, actual)).toEqual(differences);
    });
  });
});
