// The app's one database client (create-t3-app style). The first caller opens the database
// (embedded PGlite under DATA_DIR, or the server at DATABASE_URL) and brings it up to date;
// everyone else awaits the same promise. Kept on globalThis so dev-mode reloads reuse it.
import "server-only";
import path from "node:path";
import { env } from "./env";
import { openDatabase, type Database } from "./db/connect";
import { bootstrap } from "./db/bootstrap";
import type { PrismaClient } from "./generated/prisma/client";

const g = globalThis as unknown as { __bhxhDb?: Promise<Database> };

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
