// The prepared databases of a test run: migrated, with the official units ("reference") and with
// the demo data on top ("demo"). Built once per run by tests/helpers/global-setup.ts; each test file
// then starts from a copy (PostgreSQL: CREATE DATABASE … TEMPLATE; PGlite: a data-folder dump).
import pg from "pg";
import { openDatabase } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { loadReferenceTargets, loadReferenceUnits } from "@/lib/db/reference";
import { loadDemoData } from "@/lib/demo/load";

export type TemplateName = "reference" | "demo";

export interface Templates {
  /** PGlite: path of each dump (tar). */
  pglite: Record<TemplateName, string>;
  /** PostgreSQL: name of each template database, when TEST_DATABASE_URL is set. */
  postgres: Record<TemplateName, string> | null;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Builds both PGlite dumps; returns them as tar archives. */
export async function buildPgliteTemplates(): Promise<Record<TemplateName, Blob>> {
  const db = await openDatabase({ dataDir: null });
  try {
    await migrate(db.sql);
    await loadReferenceUnits(db.sql);
    await loadReferenceTargets(db.sql);
    const reference = await db.dump!();
    await loadDemoData(db);
    const demo = await db.dump!();
    return { reference, demo };
  } finally {
    await db.close();
  }
}

/** Builds both PostgreSQL template databases (reference, then a copy of it with the demo data). */
export async function buildPostgresTemplates(prefix: string): Promise<Record<TemplateName, string>> {
  const names = { reference: `${prefix}_ref`, demo: `${prefix}_demo` };
  await adminQuery(`CREATE DATABASE "${names.reference}"`);
  let db = await openDatabase({ url: withDatabase(process.env.TEST_DATABASE_URL!, names.reference) });
  try {
    await migrate(db.sql);
    await loadReferenceUnits(db.sql);
    await loadReferenceTargets(db.sql);
  } finally {
    await db.close();
  }
  await adminQuery(`CREATE DATABASE "${names.demo}" TEMPLATE "${names.reference}"`);
  db = await openDatabase({ url: withDatabase(process.env.TEST_DATABASE_URL!, names.demo) });
  try {
    await loadDemoData(db);
  } finally {
    await db.close();
  }
  return names;
}
