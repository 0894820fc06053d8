// The app's one database client (create-t3-app style). The first caller opens the database
// (embedded PGlite under DATA_DIR, or the server at DATABASE_URL) and brings it up to date;
// everyone else awaits the same promise. Kept on globalThis so dev-mode reloads reuse it.
import "server-only";
import path from "node:path";
import { cookies } from "next/headers";
import { env, secureCookies } from "./env";
import { openDatabase, type Database } from "./db/connect";
import { bootstrap } from "./db/bootstrap";
import type { PrismaClient } from "./generated/prisma/client";

const g = globalThis as unknown as { __bhxhDb?: Promise<Database>; __bhxhReplica?: Promise<Database> };

async function start(): Promise<Database> {
  const e = env();
  const db = e.embedded
    ? await openDatabase({ dataDir: path.resolve(e.DATA_DIR) })
    : await openDatabase({ url: e.DATABASE_URL!, poolSize: e.DATABASE_POOL_SIZE });
  const report = await bootstrap(db, { demo: e.demoData });
  for (const w of report.migrations.warnings) console.warn(`[db] ${w}`);
  console.log(
    `[db] ${db.kind === "pglite" ? `PGlite ${path.resolve(e.DATA_DIR)}` : "PostgreSQL"} sẵn sàng: ` +
      `${report.migrations.applied.length} migration mới, danh mục ${report.referenceLoaded ? "đã nạp" : "có sẵn"}, ` +
      `dữ liệu minh họa ${report.demoLoaded ? "đã nạp" : e.demoData ? "có sẵn" : "tắt"} (${report.ms} ms)`,
  );
  return db;
}

export function database(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    return Promise.reject(new Error("The database is not opened during `next build`."));
  }
  g.__bhxhDb ??= start().catch((err) => {
    g.__bhxhDb = undefined;
    throw err;
  });
  return g.__bhxhDb;
}

export async function prisma(): Promise<PrismaClient> {
  return (await database()).prisma;
}

// ---- Read replicas (issue 16, optional DATABASE_REPLICA_URL) ----------------------------------------
// Read-only pages and exports read from a PostgreSQL streaming replica, except a user's own reads right
// after a write: every successful write sets a cookie with the primary's WAL position after it (the
// "fence"); while the replica has not replayed up to that position, that user's reads go to the primary.
// Sessions, permissions and every write always use the primary.

/** The cookie holding the primary's WAL position after the user's last write. */
export const WRITE_FENCE_COOKIE = "bhxh_wal";
/** How long a fence is kept: far beyond any normal replica lag. */
export const WRITE_FENCE_SECONDS = 300;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

function replica(): Promise<Database> {
  g.__bhxhReplica ??= openDatabase({ url: env().DATABASE_REPLICA_URL!, poolSize: env().DATABASE_POOL_SIZE }).catch((err) => {
    g.__bhxhReplica = undefined;
    throw err;
  });
  return g.__bhxhReplica;
}

/**
 * The client for a read-only page or export: the replica when one is set and has replayed the user's
 * own last write (or the user has written nothing lately), else the primary. A replica that cannot be
 * reached falls back to the primary (logged), so a replica outage slows reads, never breaks them.
 */
export async function readPrisma(): Promise<PrismaClient> {
  if (!env().DATABASE_REPLICA_URL) return prisma();
  try {
    const fence = (await cookies()).get(WRITE_FENCE_COOKIE)?.value;
    const r = await replica();
    if (fence && LSN.test(fence)) {
      const [row] = await r.sql.query<{ ok: boolean }>(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS ok`, [fence]);
      if (!row?.ok) return prisma();
    }
    return r.prisma;
  } catch (err) {
    console.warn(`[db] bản sao chỉ đọc không dùng được, đọc từ máy chủ chính (replica unavailable): ${err instanceof Error ? err.message : err}`);
    return prisma();
  }
}

/** After a successful write: the primary's WAL position to keep in the fence cookie (null without a replica). */
export async function writeFence(): Promise<string | null> {
  if (!env().DATABASE_REPLICA_URL) return null;
  const db = await database();
  const [row] = await db.sql.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
  return row?.lsn ?? null;
}

/** The Set-Cookie attributes of the fence (no secret in it: a WAL position). */
export function writeFenceCookie(lsn: string): { name: string; value: string; maxAge: number; httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean } {
  return { name: WRITE_FENCE_COOKIE, value: lsn, maxAge: WRITE_FENCE_SECONDS, httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(env()) };
}
