// Drift detection without Prisma's native schema engine: describes what `schema.prisma` asks of
// a PostgreSQL database (the way Prisma Migrate would create it), describes what a real database
// holds (through pg_catalog), and lists the differences in plain words.
//
// Both sides are reduced to the same plain shape (SchemaShape), so each half can be tested alone.
// Covered: tables, columns (type with length/precision, enums, NULL/NOT NULL, defaults), enums and
// their values, primary keys, unique and plain indexes (columns, order, method), foreign keys
// (columns, referenced table/columns, ON DELETE / ON UPDATE), implicit many-to-many join tables,
// Prisma's default constraint names and @map/@@map/map: names.
// Not covered: CHECK constraints, triggers, views, index operator classes, multiSchema, and
// schema-level `relationMode = "prisma"` beyond skipping foreign keys.
import { getDMMF } from "@prisma/internals";
import type { SqlExecutor } from "@/lib/db/connect";

type DmmfDocument = Awaited<ReturnType<typeof getDMMF>>;
export type Datamodel = DmmfDocument["datamodel"];
type DmmfModel = Datamodel["models"][number];
type DmmfField = DmmfModel["fields"][number];

// ---------------------------------------------------------------------------------------------
// The shape both sides are reduced to
// ---------------------------------------------------------------------------------------------

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export type ColumnDefault =
  | { kind: "none" }
  /** nextval('<sequence>'), i.e. SERIAL / @default(autoincrement()) */
  | { kind: "sequence"; sequence: string }
  /** CURRENT_TIMESTAMP / now() */
  | { kind: "now" }
  /** a constant, without its cast: 'ACTUAL'::"ReportKind" -> ACTUAL, 0 -> 0 */
  | { kind: "literal"; value: string }
  /** any other SQL expression */
  | { kind: "expression"; sql: string }
  | { kind: "identity"; always: boolean }
  | { kind: "generated"; sql: string }
  /** schema side only: some default must exist, its value is not checked (list defaults, dbgenerated()) */
  | { kind: "any"; description: string };

export interface ColumnShape {
  name: string;
  /** short PostgreSQL type: text, varchar(200), integer, timestamptz(3), date, enum "UnitLevel", integer[] ... */
  type: string;
  nullable: boolean;
  default: ColumnDefault;
}

export interface PrimaryKeyShape {
  name: string;
  columns: string[];
}

export interface IndexShape {
  name: string;
  columns: string[];
  unique: boolean;
  /** access method: btree, hash, gin, gist, spgist, brin */
  method: string;
  descending: boolean[];
  /** WHERE clause of a partial index */
  predicate: string | null;
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: PrimaryKeyShape | null;
  /** unique and plain indexes, not the primary key's */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface EnumShape {
  name: string;
  values: string[];
}

export interface SchemaShape {
  tables: TableShape[];
  enums: EnumShape[];
}

// ---------------------------------------------------------------------------------------------
// Prisma's naming conventions (psl constraint_names.rs; PostgreSQL identifiers are 63 bytes)
// ---------------------------------------------------------------------------------------------

const MAX_IDENTIFIER = 63;

function prismaName(base: string, suffix: string): string {
  const limit = MAX_IDENTIFIER - suffix.length;
  return (base.length >= limit ? base.slice(0, limit) : base) + suffix;
}

export const constraintNames = {
  primaryKey: (table: string) => prismaName(table, "_pkey"),
  unique: (table: string, columns: readonly string[]) => prismaName(`${table}_${columns.join("_")}`, "_key"),
  index: (table: string, columns: readonly string[]) => prismaName(`${table}_${columns.join("_")}`, "_idx"),
  foreignKey: (table: string, columns: readonly string[]) => prismaName(`${table}_${columns.join("_")}`, "_fkey"),
  /** The sequence PostgreSQL creates for a SERIAL column (makeObjectName: shortens the longer name first). */
  sequence(table: string, column: string): string {
    const avail = MAX_IDENTIFIER - "seq".length - 2;
    let n1 = table.length;
    let n2 = column.length;
    while (n1 + n2 > avail) {
      if (n1 > n2) n1--;
      else n2--;
    }
    return `${table.slice(0, n1)}_${column.slice(0, n2)}_seq`;
  },
};

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** Prisma scalar type -> PostgreSQL type Prisma Migrate uses when there is no @db.* attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

/** @db.<Name>(args) -> short PostgreSQL type. Precision-less time types mean PostgreSQL's default, 6. */
function nativeType(name: string, args: readonly string[]): string {
  const a = args.join(",");
  const withArgs = (base: string) => (args.length ? `${base}(${a})` : base);
  switch (name) {
    case "Text":
      return "text";
    case "VarChar":
      return withArgs("varchar");
    case "Char":
      return args.length ? `char(${a})` : "char(1)";
    case "Bit":
      return args.length ? `bit(${a})` : "bit(1)";
    case "VarBit":
      return withArgs("varbit");
    case "Uuid":
      return "uuid";
    case "Xml":
      return "xml";
    case "Inet":
      return "inet";
    case "Citext":
      return "citext";
    case "Integer":
      return "integer";
    case "SmallInt":
      return "smallint";
    case "BigInt":
      return "bigint";
    case "Oid":
      return "oid";
    case "DoublePrecision":
      return "double precision";
    case "Real":
      return "real";
    case "Decimal":
      return withArgs("numeric");
    case "Money":
      return "money";
    case "Boolean":
      return "boolean";
    case "Timestamp":
      return `timestamp(${args[0] ?? 6})`;
    case "Timestamptz":
      return `timestamptz(${args[0] ?? 6})`;
    case "Time":
      return `time(${args[0] ?? 6})`;
    case "Timetz":
      return `timetz(${args[0] ?? 6})`;
    case "Date":
      return "date";
    case "Json":
      return "json";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    default:
      return `${name.toLowerCase()}${args.length ? `(${a})` : ""}`;
  }
}

/** PostgreSQL's format_type() output -> the short form used here. */
export function shortType(formatted: string): string {
  let t = formatted.trim();
  let suffix = "";
  while (t.endsWith("[]")) {
    suffix += "[]";
    t = t.slice(0, -2);
  }
  const tz = /^(timestamp|time)(\(\d+\))? with(out)? time zone$/.exec(t);
  if (tz) {
    const precision = tz[2] ?? "(6)";
    t = `${tz[1]}${tz[3] ? "" : "tz"}${precision}`;
  } else {
    t = t
      .replace(/^character varying/, "varchar")
      .replace(/^bit varying/, "varbit")
      .replace(/^character\b/, "char")
      .replace(/^bpchar$/, "char");
  }
  return t + suffix;
}

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

function stripOuterParens(s: string): string {
  let out = s.trim();
  for (;;) {
    if (!out.startsWith("(") || !out.endsWith(")")) return out;
    let depth = 0;
    let inQuote = false;
    for (let i = 0; i < out.length; i++) {
      const c = out[i];
      if (c === "'") inQuote = !inQuote;
      if (inQuote) continue;
      if (c === "(") depth++;
      if (c === ")") depth--;
      if (depth === 0 && i < out.length - 1) return out; // "(a) + (b)": not one group
    }
    out = out.slice(1, -1).trim();
  }
}

const CASTS = String.raw`(?:::(?:"[^"]+"|[a-zA-Z_][\w ]*?)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*)*`;
const QUOTED_LITERAL = new RegExp(String.raw`^'((?:[^']|'')*)'${CASTS}$`);
const NUMBER_LITERAL = new RegExp(String.raw`^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)${CASTS}$`);
const NULL_LITERAL = new RegExp(String.raw`^NULL${CASTS}$`, "i");

/** Classifies a default expression, as stored by PostgreSQL (pg_get_expr) or written in dbgenerated(). */
export function parseDefaultSql(raw: string | null | undefined): ColumnDefault {
  if (raw === null || raw === undefined || raw.trim() === "") return { kind: "none" };
  const s = stripOuterParens(raw);
  const seq = /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/i.exec(s);
  if (seq) {
    const name = seq[1].replace(/''/g, "'").split(".").pop()!.replace(/^"|"$/g, "");
    return { kind: "sequence", sequence: name };
  }
  if (/^(current_timestamp(\(\d*\))?|now\(\))$/i.test(s)) return { kind: "now" };
  if (NULL_LITERAL.test(s)) return { kind: "none" };
  const q = QUOTED_LITERAL.exec(s);
  if (q) return { kind: "literal", value: q[1].replace(/''/g, "'") };
  const n = NUMBER_LITERAL.exec(s);
  if (n) return { kind: "literal", value: n[1] };
  if (/^(true|false)$/i.test(s)) return { kind: "literal", value: s.toLowerCase() };
  return { kind: "expression", sql: s.replace(/\s+/g, " ") };
}

function sqlQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function describeDefault(d: ColumnDefault): string {
  switch (d.kind) {
    case "none":
      return "no default";
    case "sequence":
      return `DEFAULT nextval('${d.sequence}')`;
    case "now":
      return "DEFAULT CURRENT_TIMESTAMP";
    case "literal":
      return `DEFAULT ${/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false)$/.test(d.value) ? d.value : sqlQuote(d.value)}`;
    case "expression":
      return `DEFAULT ${d.sql}`;
    case "identity":
      return `GENERATED ${d.always ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
    case "generated":
      return `GENERATED ALWAYS AS (${d.sql}) STORED`;
    case "any":
      return `a default (${d.description})`;
  }
}

function toTime(value: string): number {
  let v = value.trim().replace(" ", "T");
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v += "T00:00:00Z";
  else if (!/(Z|[+-]\d{2}(:?\d{2})?)$/.test(v)) v += "Z";
  v = v.replace(/([+-]\d{2})$/, "$1:00");
  return Date.parse(v);
}

function literalsEqual(a: string, b: string, type: string): boolean {
  if (a === b) return true;
  const base = type.replace(/\[\]$/, "");
  if (/^(smallint|integer|bigint|real|double precision|numeric|money)/.test(base)) {
    return a.trim() !== "" && b.trim() !== "" && Number(a) === Number(b);
  }
  if (base === "boolean") {
    const norm = (x: string) => (/^(t|true|yes|on|1)$/i.test(x) ? "true" : /^(f|false|no|off|0)$/i.test(x) ? "false" : x);
    return norm(a) === norm(b);
  }
  if (/^(timestamp|date)/.test(base)) {
    const ta = toTime(a);
    return !Number.isNaN(ta) && ta === toTime(b);
  }
  if (base === "json" || base === "jsonb") {
    try {
      return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
    } catch {
      return false;
    }
  }
  return false;
}

export function defaultsMatch(expected: ColumnDefault, actual: ColumnDefault, type: string): boolean {
  if (expected.kind === "any") return actual.kind !== "none";
  switch (expected.kind) {
    case "none":
    case "now":
      return actual.kind === expected.kind;
    case "sequence":
      return actual.kind === "sequence" && actual.sequence === expected.sequence;
    case "literal":
      return actual.kind === "literal" && literalsEqual(expected.value, actual.value, type);
    case "expression":
    case "generated":
      return actual.kind === expected.kind && normalizeSql(actual.sql) === normalizeSql(expected.sql);
    case "identity":
      return actual.kind === "identity" && actual.always === expected.always;
  }
}

function normalizeSql(s: string): string {
  return stripOuterParens(s)
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1");
}

// ---------------------------------------------------------------------------------------------
// Schema side: what Prisma Migrate would create for schema.prisma
// ---------------------------------------------------------------------------------------------

const ACTIONS: Record<string, ReferentialAction> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

const INDEX_METHODS: Record<string, string> = {
  BTree: "btree",
  Hash: "hash",
  Gist: "gist",
  Gin: "gin",
  SpGist: "spgist",
  Brin: "brin",
};

export interface ExpectedSchemaOptions {
  /** `map:` names of foreign keys, keyed "Model.relationField" (the DMMF leaves them out; see schemaTextExtras). */
  foreignKeyNames?: ReadonlyMap<string, string>;
  /** relationMode = "prisma": Prisma creates no foreign keys. */
  emulatedRelations?: boolean;
}

/** What a PostgreSQL database migrated from this datamodel should contain. */
export function expectedSchema(datamodel: Datamodel, options: ExpectedSchemaOptions = {}): SchemaShape {
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enumsByName = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const enumDbName = (name: string) => enumsByName.get(name)?.dbName ?? name;
  const fieldOf = (m: DmmfModel, name: string): DmmfField => {
    const f = m.fields.find((x) => x.name === name);
    if (!f) throw new Error(`field ${m.name}.${name} not found in the DMMF`);
    return f;
  };
  const columnOf = (f: DmmfField) => f.dbName ?? f.name;
  const columnsOf = (m: DmmfModel, names: readonly string[]) => names.map((n) => columnOf(fieldOf(m, n)));

  const typeOf = (f: DmmfField): string => {
    let base: string;
    if (f.kind === "enum") base = `enum "${enumDbName(f.type)}"`;
    else if (f.nativeType) base = nativeType(f.nativeType[0], f.nativeType[1]);
    else base = DEFAULT_TYPES[f.type] ?? f.type.toLowerCase();
    return f.isList ? `${base}[]` : base;
  };

  const defaultOf = (m: DmmfModel, f: DmmfField): ColumnDefault => {
    const d = f.default;
    if (d === undefined || d === null) return { kind: "none" };
    if (Array.isArray(d)) return { kind: "any", description: `list default [${d.join(", ")}]` };
    if (typeof d === "object") {
      const fn = d as { name: string; args: ReadonlyArray<string | number> };
      switch (fn.name) {
        case "autoincrement":
          return { kind: "sequence", sequence: constraintNames.sequence(tableOf(m), columnOf(f)) };
        case "now":
          return { kind: "now" };
        case "dbgenerated":
          return fn.args.length ? parseDefaultSql(String(fn.args[0])) : { kind: "any", description: "dbgenerated()" };
        case "uuid":
        case "cuid":
        case "nanoid":
        case "ulid":
          return { kind: "none" }; // generated by Prisma Client, not the database
        default:
          return { kind: "expression", sql: `${fn.name}(${fn.args.join(", ")})` };
      }
    }
    if (f.kind === "enum") {
      const value = enumsByName.get(f.type)?.values.find((v) => v.name === d);
      return { kind: "literal", value: value?.dbName ?? String(d) };
    }
    return { kind: "literal", value: String(d) };
  };

  const tables: TableShape[] = [];
  for (const m of datamodel.models) {
    const table = tableOf(m);
    const columns: ColumnShape[] = m.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => ({
        name: columnOf(f),
        type: typeOf(f),
        // Prisma never makes a list column NOT NULL.
        nullable: !f.isRequired || f.isList,
        default: defaultOf(m, f),
      }));
    let primaryKey: PrimaryKeyShape | null = null;
    const indexes: IndexShape[] = [];
    for (const ix of datamodel.indexes.filter((i) => i.model === m.name)) {
      const cols = columnsOf(
        m,
        ix.fields.map((x) => x.name),
      );
      if (ix.type === "id") {
        primaryKey = { name: ix.dbName ?? constraintNames.primaryKey(table), columns: cols };
        continue;
      }
      if (ix.type === "fulltext") throw new Error(`@@fulltext (${m.name}) is not supported on PostgreSQL`);
      const unique = ix.type === "unique";
      indexes.push({
        name: ix.dbName ?? (unique ? constraintNames.unique(table, cols) : constraintNames.index(table, cols)),
        columns: cols,
        unique,
        method: INDEX_METHODS[ix.algorithm ?? "BTree"] ?? ix.algorithm!.toLowerCase(),
        descending: ix.fields.map((x) => x.sortOrder === "desc"),
        predicate: null,
      });
    }
    const foreignKeys: ForeignKeyShape[] = [];
    if (!options.emulatedRelations) {
      for (const f of m.fields) {
        if (f.kind !== "object" || !f.relationFromFields?.length) continue;
        const target = models.get(f.type)!;
        const from = f.relationFromFields.map((n) => fieldOf(m, n));
        const cols = from.map(columnOf);
        const optional = from.some((x) => !x.isRequired);
        foreignKeys.push({
          name: options.foreignKeyNames?.get(`${m.name}.${f.name}`) ?? constraintNames.foreignKey(table, cols),
          columns: cols,
          referencedTable: tableOf(target),
          referencedColumns: columnsOf(target, f.relationToFields ?? []),
          onDelete: ACTIONS[f.relationOnDelete ?? (optional ? "SetNull" : "Restrict")],
          onUpdate: ACTIONS[f.relationOnUpdate ?? "Cascade"],
        });
      }
    }
    tables.push({ name: table, columns, primaryKey, indexes, foreignKeys });
  }

  // Implicit many-to-many relations: a join table "_<relation>" with columns A and B, A pointing
  // at the model whose name sorts first.
  const seen = new Set<string>();
  for (const m of datamodel.models) {
    for (const f of m.fields) {
      if (f.kind !== "object" || !f.isList || !f.relationName || seen.has(f.relationName)) continue;
      const other = models.get(f.type)!;
      const back = other.fields.find((x) => x.relationName === f.relationName && x !== f);
      if (!back || !back.isList) continue;
      seen.add(f.relationName);
      const [a, b] = [m, other].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      const idOf = (model: DmmfModel) => {
        const id = model.fields.find((x) => x.isId);
        if (!id) throw new Error(`implicit many-to-many ${f.relationName}: ${model.name} has no single @id`);
        return id;
      };
      const [idA, idB] = [idOf(a), idOf(b)];
      const table = `_${f.relationName}`;
      const idType = (id: DmmfField) => typeOf({ ...id, isList: false } as DmmfField);
      tables.push({
        name: table,
        columns: [
          { name: "A", type: idType(idA), nullable: false, default: { kind: "none" } },
          { name: "B", type: idType(idB), nullable: false, default: { kind: "none" } },
        ],
        primaryKey: { name: `${table}_AB_pkey`, columns: ["A", "B"] },
        indexes: [{ name: `${table}_B_index`, columns: ["B"], unique: false, method: "btree", descending: [false], predicate: null }],
        foreignKeys: options.emulatedRelations
          ? []
          : [
              {
                name: `${table}_A_fkey`,
                columns: ["A"],
                referencedTable: tableOf(a),
                referencedColumns: [columnOf(idA)],
                onDelete: "CASCADE",
                onUpdate: "CASCADE",
              },
              {
                name: `${table}_B_fkey`,
                columns: ["B"],
                referencedTable: tableOf(b),
                referencedColumns: [columnOf(idB)],
                onDelete: "CASCADE",
                onUpdate: "CASCADE",
              },
            ],
      });
    }
  }

  const enums: EnumShape[] = datamodel.enums.map((e) => ({
    name: e.dbName ?? e.name,
    values: e.values.map((v) => v.dbName ?? v.name),
  }));
  return { tables, enums };
}

/**
 * What the DMMF leaves out but the schema text says: `map:` names on @relation, and
 * relationMode = "prisma". A light parse (comments stripped, model blocks found by braces).
 */
export function schemaTextExtras(schemaText: string): ExpectedSchemaOptions {
  const text = schemaText.replace(/(^|\s)\/\/.*$/gm, "$1");
  const foreignKeyNames = new Map<string, string>();
  for (const block of text.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    for (const line of block[2].split("\n")) {
      const field = /^\s*(\w+)\s+\w+\??.*@relation\(([^)]*)\)/.exec(line);
      const map = field && /\bmap\s*:\s*"([^"]+)"/.exec(field[2]);
      if (field && map) foreignKeyNames.set(`${block[1]}.${field[1]}`, map[1]);
    }
  }
  const emulatedRelations = /datasource\s+\w+\s*\{[^}]*relationMode\s*=\s*"prisma"/.test(text);
  return { foreignKeyNames, emulatedRelations };
}

/** Parses schema.prisma with Prisma's own (WASM) parser and describes what it asks of the database. */
export async function expectedSchemaFromPrisma(schemaText: string): Promise<SchemaShape> {
  const dmmf = await getDMMF({ datamodel: schemaText });
  return expectedSchema(dmmf.datamodel, schemaTextExtras(schemaText));
}

// ---------------------------------------------------------------------------------------------
// Database side: introspection through pg_catalog
// ---------------------------------------------------------------------------------------------

const FK_ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

export interface IntrospectOptions {
  /** Tables left out; by default Prisma's own bookkeeping table. */
  ignoreTables?: string[];
}

/** Describes the tables, enums, keys and indexes of the current schema (search_path's first). */
export async function introspectDatabase(sql: SqlExecutor, options: IntrospectOptions = {}): Promise<SchemaShape> {
  const ignore = new Set(options.ignoreTables ?? ["_prisma_migrations"]);

  const tableRows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );

  const columnRows = await sql.query<{
    table: string;
    name: string;
    formatted: string;
    typtype: string;
    typname: string;
    elemtyptype: string | null;
    elemtypname: string | null;
    notnull: boolean;
    default_sql: string | null;
    identity: string;
    generated: string;
  }>(
    `SELECT c.relname AS "table", a.attname AS name,
            format_type(a.atttypid, a.atttypmod) AS formatted,
            t.typtype::text AS typtype, t.typname::text AS typname,
            et.typtype::text AS elemtyptype, et.typname::text AS elemtypname,
            a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default_sql,
            a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );

  const indexRows = await sql.query<{
    table: string;
    name: string;
    is_unique: boolean;
    is_primary: boolean;
    method: string;
    columns: (string | null)[];
    descending: boolean[];
    predicate: string | null;
  }>(
    `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
            am.amname::text AS method,
            (SELECT json_agg(a.attname ORDER BY k.ord)
               FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
              WHERE k.ord <= x.indnkeyatts) AS columns,
            (SELECT json_agg((o.opt & 1) = 1 ORDER BY o.ord)
               FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
              WHERE o.ord <= x.indnkeyatts) AS descending,
            pg_get_expr(x.indpred, x.indrelid) AS predicate
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p')
      ORDER BY t.relname, i.relname`,
  );

  const fkRows = await sql.query<{
    table: string;
    name: string;
    referenced_table: string;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS "table", c.conname AS name, rt.relname AS referenced_table,
            (SELECT json_agg(a.attname ORDER BY k.ord)
               FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT json_agg(a.attname ORDER BY k.ord)
               FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class rt ON rt.oid = c.confrelid
      WHERE c.contype = 'f' AND n.nspname = current_schema()
      ORDER BY t.relname, c.conname`,
  );

  const enumRows = await sql.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS values
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      GROUP BY t.typname
      ORDER BY t.typname`,
  );

  const tables: TableShape[] = tableRows
    .filter((r) => !ignore.has(r.name))
    .map((r) => ({ name: r.name, columns: [], primaryKey: null, indexes: [], foreignKeys: [] }));
  const byName = new Map(tables.map((t) => [t.name, t]));

  for (const r of columnRows) {
    const t = byName.get(r.table);
    if (!t) continue;
    let type: string;
    if (r.typtype === "e") type = `enum "${r.typname}"`;
    else if (r.elemtyptype === "e") type = `enum "${r.elemtypname}"[]`;
    else type = shortType(r.formatted);
    let dflt: ColumnDefault;
    if (r.identity === "a" || r.identity === "d") dflt = { kind: "identity", always: r.identity === "a" };
    else if (r.generated === "s") dflt = { kind: "generated", sql: r.default_sql ?? "" };
    else dflt = parseDefaultSql(r.default_sql);
    t.columns.push({ name: r.name, type, nullable: !r.notnull, default: dflt });
  }

  for (const r of indexRows) {
    const t = byName.get(r.table);
    if (!t) continue;
    const columns = (r.columns ?? []).map((c) => c ?? "(expression)");
    if (r.is_primary) {
      t.primaryKey = { name: r.name, columns };
      continue;
    }
    t.indexes.push({
      name: r.name,
      columns,
      unique: r.is_unique,
      method: r.method,
      descending: r.descending ?? columns.map(() => false),
      predicate: r.predicate,
    });
  }

  for (const r of fkRows) {
    const t = byName.get(r.table);
    if (!t) continue;
    t.foreignKeys.push({
      name: r.name,
      columns: r.columns,
      referencedTable: r.referenced_table,
      referencedColumns: r.referenced_columns,
      onDelete: FK_ACTIONS[r.on_delete],
      onUpdate: FK_ACTIONS[r.on_update],
    });
  }

  return { tables, enums: enumRows.map((r) => ({ name: r.name, values: r.values })) };
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

export function describeColumn(c: ColumnShape): string {
  return `${c.type} ${c.nullable ? "NULL" : "NOT NULL"}`;
}

function list(items: readonly string[]): string {
  return items.join(", ");
}

export function describeIndex(ix: IndexShape): string {
  const cols = ix.columns.map((c, i) => (ix.descending[i] ? `${c} DESC` : c));
  return `${ix.unique ? "UNIQUE " : ""}(${list(cols)})` + (ix.method !== "btree" ? ` USING ${ix.method}` : "") + (ix.predicate ? ` WHERE ${ix.predicate}` : "");
}

export function describeForeignKey(fk: ForeignKeyShape): string {
  return `(${list(fk.columns)}) -> ${fk.referencedTable}(${list(fk.referencedColumns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function byKey<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.name, x]));
}

/**
 * Every difference between what the schema asks for (expected) and what the database has
 * (actual), one readable line each, e.g.
 * "column units.name: schema says varchar(200) NOT NULL, database has text NULL". Empty = in sync.
 */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];

  const actualEnums = byKey(actual.enums);
  for (const e of expected.enums) {
    const a = actualEnums.get(e.name);
    if (!a) out.push(`enum "${e.name}": in schema (${list(e.values)}) but missing from database`);
    else if (!same(e.values, a.values)) {
      out.push(`enum "${e.name}": schema says values (${list(e.values)}), database has (${list(a.values)})`);
    }
  }
  const expectedEnums = byKey(expected.enums);
  for (const a of actual.enums) {
    if (!expectedEnums.has(a.name)) out.push(`enum "${a.name}": in database (${list(a.values)}) but not in schema`);
  }

  const actualTables = byKey(actual.tables);
  for (const t of expected.tables) {
    const a = actualTables.get(t.name);
    if (!a) {
      out.push(`table ${t.name}: in schema but missing from database`);
      continue;
    }
    compareTable(t, a, out);
  }
  const expectedTables = byKey(expected.tables);
  for (const a of actual.tables) {
    if (!expectedTables.has(a.name)) out.push(`table ${a.name}: in database but not in schema`);
  }
  return out;
}

function compareTable(e: TableShape, a: TableShape, out: string[]): void {
  const t = e.name;

  const actualCols = byKey(a.columns);
  for (const c of e.columns) {
    const ac = actualCols.get(c.name);
    if (!ac) {
      out.push(`column ${t}.${c.name}: in schema (${describeColumn(c)}) but missing from database`);
      continue;
    }
    if (c.type !== ac.type || c.nullable !== ac.nullable) {
      out.push(`column ${t}.${c.name}: schema says ${describeColumn(c)}, database has ${describeColumn(ac)}`);
    }
    if (!defaultsMatch(c.default, ac.default, c.type)) {
      out.push(`column ${t}.${c.name}: schema says ${describeDefault(c.default)}, database has ${describeDefault(ac.default)}`);
    }
  }
  const expectedCols = byKey(e.columns);
  for (const ac of a.columns) {
    if (!expectedCols.has(ac.name)) out.push(`column ${t}.${ac.name}: in database (${describeColumn(ac)}) but not in schema`);
  }

  const ePk = e.primaryKey;
  const aPk = a.primaryKey;
  const pk = (p: PrimaryKeyShape) => `${p.name} (${list(p.columns)})`;
  if (ePk && !aPk) out.push(`primary key of ${t}: schema says ${pk(ePk)}, database has none`);
  else if (!ePk && aPk) out.push(`primary key of ${t}: schema has none, database has ${pk(aPk)}`);
  else if (ePk && aPk && (ePk.name !== aPk.name || !same(ePk.columns, aPk.columns))) {
    out.push(`primary key of ${t}: schema says ${pk(ePk)}, database has ${pk(aPk)}`);
  }

  const sameIndex = (x: IndexShape, y: IndexShape) =>
    same(x.columns, y.columns) &&
    x.unique === y.unique &&
    x.method === y.method &&
    same(x.descending, y.descending) &&
    (x.predicate ?? null) === (y.predicate ?? null);
  const actualIdx = byKey(a.indexes);
  const expectedIdx = byKey(e.indexes);
  for (const ix of e.indexes) {
    const ai = actualIdx.get(ix.name);
    if (!ai) {
      const twin = a.indexes.find((y) => !expectedIdx.has(y.name) && sameIndex(ix, y));
      out.push(
        `index ${t}.${ix.name}: in schema ${describeIndex(ix)} but missing from database` + (twin ? ` (database has the same index named ${twin.name})` : ""),
      );
    } else if (!sameIndex(ix, ai)) {
      out.push(`index ${t}.${ix.name}: schema says ${describeIndex(ix)}, database has ${describeIndex(ai)}`);
    }
  }
  for (const ai of a.indexes) {
    if (!expectedIdx.has(ai.name)) out.push(`index ${t}.${ai.name}: in database ${describeIndex(ai)} but not in schema`);
  }

  const sameFk = (x: ForeignKeyShape, y: ForeignKeyShape) => describeForeignKey(x) === describeForeignKey(y);
  const actualFks = byKey(a.foreignKeys);
  const expectedFks = byKey(e.foreignKeys);
  for (const fk of e.foreignKeys) {
    const af = actualFks.get(fk.name);
    if (!af) {
      const twin = a.foreignKeys.find((y) => !expectedFks.has(y.name) && sameFk(fk, y));
      out.push(
        `foreign key ${t}.${fk.name}: in schema ${describeForeignKey(fk)} but missing from database` +
          (twin ? ` (database has the same foreign key named ${twin.name})` : ""),
      );
    } else if (!sameFk(fk, af)) {
      out.push(`foreign key ${t}.${fk.name}: schema says ${describeForeignKey(fk)}, database has ${describeForeignKey(af)}`);
    }
  }
  for (const af of a.foreignKeys) {
    if (!expectedFks.has(af.name)) out.push(`foreign key ${t}.${af.name}: in database ${describeForeignKey(af)} but not in schema`);
  }
}

/** Formats the differences for an assertion message. */
export function formatDifferences(differences: readonly string[]): string {
  return differences.length === 0
    ? "schema.prisma and the migrations agree"
    : `schema.prisma and the migrations disagree (${differences.length}):\n` + differences.map((d) => `  - ${d}`).join("\n");
}
