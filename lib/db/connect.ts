// One place that opens a database: embedded PGlite (a folder on disk, or memory for tests) or a
// PostgreSQL server. Both are driven through Prisma driver adapters with the same schema, and
// both expose a raw SQL executor for migrations and bulk work.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "../generated/prisma/client";

export interface SqlExecutor {
  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with $1.. parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn on one connection inside BEGIN/COMMIT, rolling back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  readonly kind: "pglite" | "postgres";
}

export interface Database {
  prisma: PrismaClient;
  sql: SqlExecutor;
  kind: "pglite" | "postgres";
  /** PGlite only: the data folder as a tar archive (to start copies from). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

/**
 * A PostgreSQL server by URL, or embedded PGlite in a folder (null: in memory). `loadDataDir` starts
 * PGlite from a dump made by `dumpDataDir()` (the test suite's prepared database).
 */
export type DatabaseOptions = { url: string; poolSize?: number } | { dataDir: string | null; loadDataDir?: Blob };

function pgliteExecutor(db: PGlite | Parameters<Parameters<PGlite["transaction"]>[0]>[0]): SqlExecutor {
  return {
    kind: "pglite",
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await db.query<T>(sql, params);
      return r.rows;
    },
    async transaction(fn) {
      if (!("transaction" in db)) return fn(this);
      return (db as PGlite).transaction((tx) => fn(pgliteExecutor(tx)));
    },
  };
}

function pgClientExecutor(client: pg.ClientBase): SqlExecutor {
  return {
    kind: "postgres",
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await client.query(sql, params);
      return r.rows as T[];
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const out = await fn(this);
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    },
  };
}

function pgPoolExecutor(pool: pg.Pool): SqlExecutor {
  return {
    kind: "postgres",
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await pool.query(sql, params);
      return r.rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        return await pgClientExecutor(client).transaction(fn);
      } finally {
        client.release();
      }
    },
  };
}

/** The raw executor beside each Prisma client opened here (not a transaction's client: it stays in Prisma). */
const executors = new WeakMap<object, SqlExecutor>();

/**
 * A read of many rows by one raw statement (a city's dashboard: a row per commune with some 40
 * columns), straight through the driver when the client is one this module opened: Prisma's raw
 * queries encode every value to its own wire format and back, which cost as much again as the
 * statement (issue 16). Inside a transaction (a client this module did not open) it runs through
 * Prisma, in that transaction. Values come as the driver gives them: numbers for int4 and float8,
 * json parsed (pg) or as text, int8 and numeric as text on pg: cast in the SQL or convert.
 */
/** A timestamptz(3) column as text, exactly as Date#toISOString() writes it (for rawRead statements). */
export const isoText = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function rawRead<T>(prisma: PrismaClient, sql: string, params: unknown[]): Promise<T[]> {
  const x = executors.get(prisma);
  return x ? x.query<T>(sql, params) : prisma.$queryRawUnsafe<T[]>(sql, ...params);
}

/**
 * Under load every connection of the pool may be busy: a save waits for one up to 10 s (Prisma's
 * default, 2 s, turned busy moments into failed saves in the load test) and may run 20 s. Beyond that
 * the caller answers 503 "busy, try again" (lib/figures/errors.ts busyError), never a bare 500.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if ("url" in opts) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection ended by the server (a restart, a dropped database) must not crash the
    // process: the pool replaces it on the next query.
    pool.on("error", (e) => console.warn(`[db] kết nối PostgreSQL rảnh bị đóng: ${e.message}`));
    // Fail fast with the driver's message when the server cannot be reached.
    await pool.query("SELECT 1");
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
    const sql = pgPoolExecutor(pool);
    executors.set(prisma, sql);
    return {
      prisma,
      sql,
      kind: "postgres",
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const lite = new PGlite({ ...(opts.dataDir ? { dataDir: opts.dataDir } : {}), ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  await lite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite), transactionOptions: TRANSACTION_OPTIONS });
  const sql = pgliteExecutor(lite);
  executors.set(prisma, sql);
  return {
    prisma,
    sql,
    kind: "pglite",
    dump: () => lite.dumpDataDir("none"),
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
